/**
 * The one message protocol between the content script and the background worker (research/aesthetics.md §3.4).
 * Every request name, payload and reply is declared here and typed at both ends; there is no index signature.
 *
 * - Amounts cross as plain decimal strings (`DecimalString`), never as JS numbers.
 * - Errors come back as data (`Reply` with `ok: false`); nothing is thrown across the boundary.
 * - Content → background requests. A content script can ask for an assessment or snooze its own tab's
 *   reminder; it can never change settings or permissions. `PAGE_METHODS` are for our extension pages only.
 * - One push the other way, `RefreshNotice` (no data): "re-evaluate", e.g. after the popup snoozed the tab.
 *
 * Type-only imports: this file adds no code to the content bundle.
 */
import type {DraftAssessment} from '../core/assess-draft.js';
import type {OrderDraft} from '../core/draft.js';
import type {Severity, VenueId} from '../core/types.js';
import type {GateMode} from '../settings/settings.js';
import type {MarketParams} from '../core/market-params.js';
import type {MarketNotice} from '../background/market-data/resolve.js';

/** Tells our messages apart from anything else on the runtime channel. */
export const APP = 'liqguard';

export type EvaluateDraftRequest = {
	/** Increases each time the content script reads a changed form; replies for older revisions are dropped. */
	revision: number;
	draft: OrderDraft;
};

export type EvaluateDraftResult = {
	/** Echo of the request's revision. */
	revision: number;
	/** The user's gate setting, so the content script needs no storage access of its own. */
	gateMode: GateMode;
	assessment: DraftAssessment;
	/** Worst severity over the sides assessed (what the toolbar badge shows). */
	worst?: Severity;
	/** A side could not be computed, or a needed field is unusable: the badge shows "?" rather than clearing. */
	isIncomplete?: true;
	/**
	 * Present when the isolated-margin reminder shows in this tab: the form reads cross, reminders are on for
	 * this adapter (global switch + per-venue override) and the tab has not snoozed them. The background decides,
	 * because only it may read the snooze (`storage.session` is not exposed to content scripts).
	 */
	reminder?: ReminderNotice;
	/** Where the market parameters came from (live, typed, bundled) and the live lookup's state, for the source line. */
	market?: MarketNotice;
};

/** The popup asks for a market's parameters (the same answer the panel's figures use). */
export type MarketParamsRequest = {venue: VenueId; symbol: string; marginMode?: 'isolated' | 'cross'};

export type ReminderNotice = {
	/** How to switch to isolated on this venue (plain text from the venue model or settings/reminders.ts). */
	howTo: string;
};

/** A user-added site (issue 4): the origin with the optional host permission already granted in the popup. */
export type UseOnSiteRequest = {origin: string; tabId: number};

/** Requests answered by the background worker. Method names are verbs. */
export type BackgroundMethods = {
	evaluateDraft(input: EvaluateDraftRequest): EvaluateDraftResult;
	/** The page session ended (navigation away from a form): clear the tab's badge. */
	clearBadge(input: Record<string, never>): {cleared: true};
	/** "Snooze for this tab" in the panel. The tab is the sender's (`sender.tab.id`), never a payload field. */
	snoozeReminder(input: Record<string, never>): {snoozed: true};
	/**
	 * A content script on a page no built-in adapter matches asks which venue model the user picked for this
	 * site. The origin is the sender's (`sender.url`), never a payload field; `null` when the site is not listed.
	 */
	siteVenue(input: Record<string, never>): {venue: VenueId | null};
	/**
	 * Extension pages only (popup): register the content script on a user-added origin (persistent) and inject it
	 * into the tab now. Refused from content scripts (`PAGE_METHODS`).
	 */
	useOnSite(input: UseOnSiteRequest): {registered: boolean; injected: boolean};
	/** Extension pages only (popup): the market's parameters and their source, from the worker's cache. */
	marketParams(input: MarketParamsRequest): {params: MarketParams | null; notice: MarketNotice};
};

/** Methods only our own extension pages (popup, options) may call; content scripts get `invalid-sender`. */
export const PAGE_METHODS = ['useOnSite', 'marketParams'] as const satisfies readonly MethodName[];
export type PageMethodName = (typeof PAGE_METHODS)[number];

export function isPageMethod(name: MethodName): name is PageMethodName {
	return (PAGE_METHODS as readonly string[]).includes(name);
}

/** Background → content push (`tabs.sendMessage`): something the panel depends on changed; re-evaluate. */
export type RefreshNotice = {app: typeof APP; name: 'refresh'};

export type MethodName = keyof BackgroundMethods;
export type Payload<N extends MethodName> = Parameters<BackgroundMethods[N]>[0];
export type Result<N extends MethodName> = ReturnType<BackgroundMethods[N]>;

/** The wire shape of a request. */
export type Envelope<N extends MethodName = MethodName> = {app: typeof APP; name: N; data: Payload<N>};

export type ErrorName =
	/** The message did not come from our own content script in a tab's top frame. */
	| 'invalid-sender'
	/** A payload field failed validation; `message` names the fields. */
	| 'invalid-payload'
	| 'unknown-method'
	/** An exception inside the handler (a bug of ours). */
	| 'internal'
	/** Content side: no reply in time. */
	| 'timeout'
	/** Content side: the worker is gone or the extension context was invalidated. */
	| 'disconnected';

export type Reply<T> = {ok: true; value: T} | {ok: false; error: {name: ErrorName; message: string}};

export const METHOD_NAMES = ['evaluateDraft', 'clearBadge', 'snoozeReminder', 'siteVenue', 'useOnSite', 'marketParams'] as const satisfies readonly MethodName[];

export function isMethodName(name: unknown): name is MethodName {
	return (METHOD_NAMES as readonly unknown[]).includes(name);
}
