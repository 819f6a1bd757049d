/**
 * The one message protocol between the content script and the background worker.
 * Every request name, payload and reply is declared here and typed at both ends; there is no index signature.
 *
 * - Amounts cross as plain decimal strings (`DecimalString`), never as JS numbers.
 * - Errors come back as data (`Reply` with `ok: false`); nothing is thrown across the boundary.
 * - Content → background requests. A content script can ask for an assessment or snooze its own tab's
 *   reminder; it can never change settings or permissions. `page` methods are for our extension pages only.
 * - One push the other way, `RefreshNotice` (no data): "re-evaluate", e.g. after the popup snoozed the tab.
 * - Which messages exist, who may send each and how its payload is checked: one table, `PROTOCOL` in methods.ts;
 *   the method types below derive from it.
 *
 * Type-only imports: this file adds no code to the content bundle beyond `APP` and `isPush`.
 */
import type {DraftAssessment} from '../core/assess-draft.js';
import type {OrderDraft} from '../core/draft.js';
import type {Severity, VenueId} from '../core/types.js';
import type {GateMode} from '../settings/settings.js';
import type {MarketParams} from '../core/market-params.js';
import type {MarketNotice} from '../background/market-data/resolve.js';
import type {Table} from './methods.js';

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
	/**
	 * SHA-256 of everything above but the revision (background/answer-key.ts): an answer with the key of the one shown
	 * says the same, and the content script keeps showing that one's objects.
	 */
	answerKey?: string;
	/** Keys of the parts the panel renders on their own (background/answer-key.ts `partKeys`). */
	partKeys?: PartKeys;
	/**
	 * The draft's fields this answer was computed from (core/draft.ts `trackFieldReads`), sorted. A later draft equal
	 * on these fields gets this same answer until a `refresh` push (settings, snooze, market data), so the content
	 * script does not ask for it (content/request.ts).
	 */
	readFields?: readonly string[];
};

/** SHA-256 keys of the panel's warnings, assumptions and source line as an answer has them. */
export type PartKeys = {warnings: string; assumptions: string; source: string};

/** The popup asks for a market's parameters (the same answer the panel's figures use). */
export type MarketParamsRequest = {venue: VenueId; symbol: string; marginMode?: 'isolated' | 'cross'};

export type ReminderNotice = {
	/** How to switch to isolated on this venue (plain text from the venue model or settings/reminders.ts). */
	howTo: string;
};

/** A user-added site: the origin with the optional host permission already granted in the popup. */
export type UseOnSiteRequest = {origin: string; tabId: number};

export type UseOnSiteResult = {registered: boolean; injected: boolean};
export type MarketParamsResult = {params: MarketParams | null; notice: MarketNotice};

/** Requests answered by the background worker (`content` and `page` rows of the table). Method names are verbs. */
export type MethodName = {[N in keyof Table]: Table[N]['caller'] extends 'content' | 'page' ? N : never}[keyof Table];
/** Methods only our own extension pages (popup, options) may call; content scripts get `invalid-sender`. */
export type PageMethodName = {[N in keyof Table]: Table[N]['caller'] extends 'page' ? N : never}[keyof Table];
/** Worker → content pushes (`tabs.sendMessage`): no data, no reply. */
export type PushName = {[N in keyof Table]: Table[N]['caller'] extends 'worker' ? N : never}[keyof Table];

/** What the table's validator of `N` lets through. */
export type Payload<N extends MethodName> = Extract<ReturnType<Table[N]['check']>, {ok: true}>['value'];
export type Result<N extends MethodName> = Exclude<Table[N]['reply']['answers'], undefined>;
export type BackgroundMethods = {[N in MethodName]: (input: Payload<N>) => Result<N>};

/** The wire shape of a push. */
export type Push<N extends PushName = PushName> = {app: typeof APP; name: N};
/** Background → content push: something the panel depends on changed; re-evaluate. */
export type RefreshNotice = Push<'refresh'>;

/** A push of ours named `name` (pushes carry no data: the name is all there is to check). */
export function isPush<N extends PushName>(message: unknown, name: N): message is Push<N> {
	const push = message as {app?: unknown; name?: unknown} | null;
	return typeof push === 'object' && push !== null && push.app === APP && push.name === name;
}

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
