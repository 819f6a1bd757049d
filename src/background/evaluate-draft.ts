/**
 * Handler of `evaluateDraft`: validated draft → engine → reply. Stateless: settings are read from storage on
 * every call, because MV3 may stop the worker between any two messages.
 */
import {assessDraft, type DraftAssessment} from '../core/assess-draft.js';
import type {Severity} from '../core/types.js';
import {VENUE_MODELS} from '../core/venues/index.js';
import type {OrderDraft} from '../core/draft.js';
import type {EvaluateDraftRequest, EvaluateDraftResult, ReminderNotice} from '../messaging/protocol.js';
import {ISOLATED_SWITCH_STEPS, shouldShowReminder} from '../settings/reminders.js';
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

/** The isolated-margin reminder for this draft in this tab, or undefined when it does not show. */
export function reminderFor(draft: OrderDraft, settings: Settings, isSnoozed: boolean): ReminderNotice | undefined {
	const marginMode = draft.marginMode.state === 'ok' ? draft.marginMode.value : undefined;
	if (!shouldShowReminder({settings, adapterId: draft.adapter, marginMode, isSnoozed})) return undefined;
	return {howTo: VENUE_MODELS[draft.venue]?.meta.isolatedHowTo ?? ISOLATED_SWITCH_STEPS[draft.venue]};
}

export function evaluateDraft(request: EvaluateDraftRequest, settings: Settings, isSnoozed = false): EvaluateDraftResult {
	const assessment = assessDraft(request.draft, toEngineSettings(settings));
	const worst = worstSeverity(assessment);
	const result: EvaluateDraftResult = {revision: request.revision, gateMode: settings.gateMode, assessment};
	if (worst !== undefined) result.worst = worst;
	const reminder = reminderFor(request.draft, settings, isSnoozed);
	if (reminder !== undefined) result.reminder = reminder;
	return result;
}
