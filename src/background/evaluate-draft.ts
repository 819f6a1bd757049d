/**
 * Handler of `evaluateDraft`: validated draft → engine → reply. Pure: the worker passes the settings in (from its
 * memo of `storage.sync`, background/storage-memo.ts).
 */
import {assessDraft, notComputedSeverity, type DraftAssessment} from '../core/assess-draft.js';
import type {Severity} from '../core/types.js';
import {VENUE_MODELS} from '../core/venues/index.js';
import type {OrderDraft} from '../core/draft.js';
import type {EvaluateDraftRequest, EvaluateDraftResult, ReminderNotice} from '../messaging/protocol.js';
import {isolatedHowTo, shouldShowReminder, type GetMessage} from '../settings/reminders.js';
import {toEngineSettings, type Settings} from '../settings/settings.js';
import type {EngineSettings} from '../core/engine-settings.js';
import type {MarketParams} from '../core/market-params.js';
import type {MarketNotice} from './market-data/resolve.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {info: 1, warn: 2, danger: 3};

/** Worst severity over both sides, a side not computed counting by `notComputedSeverity` (danger when the venue refuses it). */
export function worstSeverity(assessment: DraftAssessment): Severity | undefined {
	let worst: Severity | undefined;
	for (const side of [assessment.long, assessment.short]) {
		const candidate = side?.ok ? side.assessment.worst : notComputedSeverity(side);
		if (candidate !== undefined && (worst === undefined || SEVERITY_RANK[candidate] > SEVERITY_RANK[worst])) worst = candidate;
	}
	return worst;
}

/** The isolated-margin reminder for this draft in this tab, or undefined when it does not show. */
export function reminderFor(draft: OrderDraft, settings: Settings, isSnoozed: boolean, getMessage?: GetMessage): ReminderNotice | undefined {
	const marginMode = draft.marginMode.state === 'ok' ? draft.marginMode.value : undefined;
	if (!shouldShowReminder({settings, adapterId: draft.adapter, marginMode, isSnoozed})) return undefined;
	return {howTo: isolatedHowTo(draft.venue, getMessage)};
}

/** `engine` is `toEngineSettings(settings)`, passed in by the worker's settings memo so it is built once per value. */
export function evaluateDraft(
	request: EvaluateDraftRequest,
	settings: Settings,
	isSnoozed = false,
	engine: EngineSettings = toEngineSettings(settings),
	market?: {params?: MarketParams; notice: MarketNotice},
): EvaluateDraftResult {
	// The on-page panel's figures only: the PnL ladder and the sizer are the popup's (core AssessOptions). The market's
	// parameters (live, or the rate the user typed) go to the core, which labels every figure with their source.
	const assessment = assessDraft(request.draft, engine, market?.params ? {detail: 'panel', market: market.params} : {detail: 'panel'});
	const worst = worstSeverity(assessment);
	const result: EvaluateDraftResult = {revision: request.revision, gateMode: settings.gateMode, assessment};
	if (worst !== undefined) result.worst = worst;
	if (isIncomplete(assessment, request.draft)) result.isIncomplete = true;
	const reminder = reminderFor(request.draft, settings, isSnoozed);
	if (reminder !== undefined) result.reminder = reminder;
	if (market) result.market = market.notice;
	return result;
}

/**
 * The toolbar must not read as clear while LiqGuard cannot say: a side not computed, figures without the balance
 * (margin and account risk unchecked), figures resting on parameters that are not facts, or a field the math needs that the form shows but that is unusable (unread,
 * 0, negative). A plain empty field is a form not filled in yet.
 */
export function isIncomplete(assessment: DraftAssessment, draft: OrderDraft): boolean {
	if ((assessment.notComputed?.length ?? 0) > 0) return true;
	// The venue's own figures disagree with what we read: the figures may rest on a misread.
	if ((assessment.misread?.findings.length ?? 0) > 0) return true;
	// Figures on a bundled table, a range or an implied rate are estimates, not an all-clear.
	for (const side of [assessment.long, assessment.short]) if (side?.ok && !side.assessment.figures.parametersAreFact) return true;
	// Figures without the balance: the margin and the risk to the account went unchecked.
	if (assessment.state === 'ready' && draft.balance.state !== 'ok') return true;
	return assessment.state === 'needs-input' && assessment.needs.some(field => draft[field]?.state !== 'empty');
}
