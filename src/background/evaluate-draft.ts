/**
 * Handler of `evaluateDraft`: validated draft → engine → reply. Pure: the worker passes the settings in (from its
 * memo of `storage.sync`, background/storage-memo.ts).
 */
import {assessDraft, type DraftAssessment} from '../core/assess-draft.js';
import type {Severity} from '../core/types.js';
import {VENUE_MODELS} from '../core/venues/index.js';
import type {OrderDraft} from '../core/draft.js';
import type {EvaluateDraftRequest, EvaluateDraftResult, ReminderNotice} from '../messaging/protocol.js';
import {ISOLATED_SWITCH_STEPS, shouldShowReminder} from '../settings/reminders.js';
import {toEngineSettings, type Settings} from '../settings/settings.js';
import type {EngineSettings} from '../core/engine-settings.js';
import type {MarketInput} from './market-data/to-input.js';
import type {MarketNotice} from './market-data/resolve.js';

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

/** `engine` is `toEngineSettings(settings)`, passed in by the worker's settings memo so it is built once per value. */
export function evaluateDraft(
	request: EvaluateDraftRequest,
	settings: Settings,
	isSnoozed = false,
	engine: EngineSettings = toEngineSettings(settings),
	market?: {input: MarketInput; notice: MarketNotice},
): EvaluateDraftResult {
	// A size in contracts needs the contract value: the page's hint, else the venue's live instrument data.
	const draft = market?.input.contractValue && !request.draft.contractValue ? {...request.draft, contractValue: market.input.contractValue} : request.draft;
	// The on-page panel's figures only: the PnL ladder and the sizer are the popup's (core AssessOptions).
	const assessment = assessDraft(draft, engine, market ? {detail: 'panel', market: market.input} : {detail: 'panel'});
	const worst = worstSeverity(assessment);
	const result: EvaluateDraftResult = {revision: request.revision, gateMode: settings.gateMode, assessment};
	if (worst !== undefined) result.worst = worst;
	const reminder = reminderFor(request.draft, settings, isSnoozed);
	if (reminder !== undefined) result.reminder = reminder;
	if (market) result.market = market.notice;
	return result;
}
