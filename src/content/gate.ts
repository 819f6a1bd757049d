/**
 * The pre-submit gate's decision, as a pure function (issue 3 "Pre-submit gate").
 *
 * Guarantees:
 * - It only ever holds the user's own event; LiqGuard never clicks, never re-dispatches.
 * - It fails open: without a reply for the form exactly as it is now, in confirm mode, with a danger warning
 *   on the side of the control used, the submit goes through. A bug or a slow worker must never block a trade.
 * - "I understand" arms a one-shot allowance for 15 s: the next held submit goes through and uses it up.
 */
import type {DraftAssessment} from '../core/assess-draft.js';
import type {Side, Warning} from '../core/types.js';
import type {GateMode} from '../settings/settings.js';

export const ALLOWANCE_MS = 15_000;
/** A request pending longer than this counts as "no reply" (issue 3). */
export const REPLY_TIMEOUT_MS = 300;

export type GateInput = {
	/** From the latest reply; undefined when there is none. */
	mode: GateMode | undefined;
	/** The latest reply is for the current revision and the form has not changed since. */
	isFresh: boolean;
	/** The side of the control used ('both' when the form's side is unknown and the control is generic). */
	side: Side | 'both';
	assessment: DraftAssessment | undefined;
	/** performance.now() until which an acknowledged allowance stands. */
	allowanceUntilMs: number | undefined;
	nowMs: number;
};

export type GateDecision =
	| {action: 'pass'; reason: 'not-confirm-mode' | 'unchecked' | 'no-danger' | 'allowance'}
	| {action: 'hold'; side: Side | 'both'; warnings: readonly Warning[]};

export function dangerWarnings(assessment: DraftAssessment | undefined, side: Side | 'both'): Warning[] {
	const result: Warning[] = [];
	for (const candidate of ['long', 'short'] as const) {
		if (side !== 'both' && side !== candidate) continue;
		const assessed = assessment?.[candidate];
		if (!assessed?.ok) continue;
		for (const warning of assessed.assessment.warnings) {
			if (warning.severity === 'danger' && !result.some(seen => seen.rule === warning.rule)) result.push(warning);
		}
	}
	return result;
}

export function decideGate(input: GateInput): GateDecision {
	if (!input.isFresh || input.assessment === undefined || input.mode === undefined) return {action: 'pass', reason: 'unchecked'};
	if (input.mode !== 'confirm') return {action: 'pass', reason: 'not-confirm-mode'};
	const warnings = dangerWarnings(input.assessment, input.side);
	if (warnings.length === 0) return {action: 'pass', reason: 'no-danger'};
	if (input.allowanceUntilMs !== undefined && input.nowMs <= input.allowanceUntilMs) return {action: 'pass', reason: 'allowance'};
	return {action: 'hold', side: input.side, warnings};
}
