/**
 * Handler of `evaluateDraft`: validated draft → engine → reply. Stateless: settings are read from storage on
 * every call, because MV3 may stop the worker between any two messages.
 */
import {assessDraft, type DraftAssessment} from '../core/assess-draft.js';
import type {Severity} from '../core/types.js';
import type {EvaluateDraftRequest, EvaluateDraftResult} from '../messaging/protocol.js';
import {toEngineSettings, type Settings} from '../settings/settings.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {info: 1, warn: 2, danger: 3};

export function worstSeverity(assessment: DraftAssessment): Severity | undefined {
	let worst: Severity | undefined;
	for (const side of [assessment.long, assessment.short]) {
		const candidate = side?.ok ? side.assessment.worst : undefined;
		if (candidate !== undefined && (worst === undefined || SEVERITY_RANK[candidate] > SEVERITY_RANK[worst])) worst = candidate;
	}
	return worst;
}

export function evaluateDraft(request: EvaluateDraftRequest, settings: Settings): EvaluateDraftResult {
	const assessment = assessDraft(request.draft, toEngineSettings(settings));
	const worst = worstSeverity(assessment);
	const result: EvaluateDraftResult = {revision: request.revision, gateMode: settings.gateMode, assessment};
	if (worst !== undefined) result.worst = worst;
	return result;
}
