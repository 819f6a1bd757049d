/**
 * The all-clear and the gravity of a side not computed: read by the panel and the gate in the content script, so
 * this module imports types only (no decimal.js, no engine): the content script's bundle stays small.
 */
import type {DraftAssessment, SideAssessment} from './assess-draft.js';
import type {Severity, Side} from './types.js';

/**
 * How grave a side the engine could not compute is. 'danger' when the order as typed is one the venue refuses or
 * that opens liquidated (leverage above the cap for its size): the trader must change it before it means anything.
 * Otherwise undefined: unknown, not safe (a missing rate, say), shown as not computed but not a reason to hold.
 */
export function notComputedSeverity(side: SideAssessment | undefined): Severity | undefined {
	if (!side || side.ok) return undefined;
	return side.issues.some(issue => issue.code === 'above-venue-max') ? 'danger' : undefined;
}

/**
 * The all-clear: every side the form offers (`side`, or both while it is unknown) was computed and no warning of
 * any severity stands. Anything else (needs input, a side not computed, a warning) is not all-clear.
 */
export function isAllClear(assessment: DraftAssessment | undefined, side: Side | 'both'): boolean {
	if (!assessment || assessment.state !== 'ready') return false;
	const offered = side === 'both' ? (['long', 'short'] as const) : [side];
	let isAnyAssessed = false;
	for (const candidate of offered) {
		const assessed = assessment[candidate];
		// A side the draft did not ask for (a one-sided form) is absent, not failed.
		if (assessed === undefined) continue;
		// A figure resting on a bundled table, a range or an implied rate is not a fact: no all-clear on it.
		if (!assessed.ok || assessed.assessment.warnings.length > 0 || !assessed.assessment.figures.parametersAreFact) return false;
		isAnyAssessed = true;
	}
	return isAnyAssessed;
}

