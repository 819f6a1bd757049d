/**
 * The protocol's one table: per message, who may send it, how its payload is checked, and what it answers. The
 * types of both ends (`protocol.ts`: `BackgroundMethods`, `Payload`, `Result`, `RefreshNotice`), the method names
 * and the dispatcher's sender and payload checks (`handle.ts`) all derive from it, so a method cannot be added,
 * renamed or opened to another caller in one place and not the others. The same shape as webext-messenger's typed
 * method map (https://github.com/pixiebrix/webext-messenger, src/types.ts), with the validator beside the type.
 *
 * - `content`: our content script in a tab's top frame. It acts on the sender's own tab only.
 * - `page`: our own extension pages (popup, options) only; a content script gets `invalid-sender`.
 * - `worker`: a push from the worker to a tab's content script (`tabs.sendMessage`), with no data and no reply.
 *
 * Background-only: the validators import decimal.js (guards.ts). The content script imports the types only.
 */
import {checkEmpty, checkEvaluateDraftRequest, checkMarketParamsRequest, checkUseOnSiteRequest, type Checked} from './guards.js';
import type {EvaluateDraftResult, MarketParamsResult, MethodName, PageMethodName, PushName, UseOnSiteResult} from './protocol.js';
import type {VenueId} from '../core/types.js';

/** A type carried by the table for the compiler only: the reply a method answers with. */
export type Answers<T> = {readonly answers?: T};
const answers = <T>(): Answers<T> => ({});

type Request = {caller: 'content' | 'page'; check: (raw: unknown) => Checked<unknown>; reply: Answers<unknown>};
type Push = {caller: 'worker'};

export const PROTOCOL = {
	evaluateDraft: {caller: 'content', check: checkEvaluateDraftRequest, reply: answers<EvaluateDraftResult>()},
	/** The page session ended (navigation away from a form): clear the tab's badge. */
	clearBadge: {caller: 'content', check: checkEmpty, reply: answers<{cleared: true}>()},
	/** "Snooze for this tab" in the panel. The tab is the sender's (`sender.tab.id`), never a payload field. */
	snoozeReminder: {caller: 'content', check: checkEmpty, reply: answers<{snoozed: true}>()},
	/**
	 * A content script on a page no built-in adapter matches asks which venue model the user picked for this site.
	 * The origin is the sender's (`sender.url`), never a payload field; `null` when the site is not listed.
	 */
	siteVenue: {caller: 'content', check: checkEmpty, reply: answers<{venue: VenueId | null}>()},
	/** The popup: register the content script on a user-added origin (persistent) and inject it into the tab now. */
	useOnSite: {caller: 'page', check: checkUseOnSiteRequest, reply: answers<UseOnSiteResult>()},
	/** The popup: the market's parameters and their source, from the worker's cache. */
	marketParams: {caller: 'page', check: checkMarketParamsRequest, reply: answers<MarketParamsResult>()},
	/** Worker → content: something the panel depends on changed (settings, this tab's snooze); re-evaluate. */
	refresh: {caller: 'worker'},
} as const satisfies Record<string, Request | Push>;

export type Table = typeof PROTOCOL;
type Name = keyof Table;

/** Requests answered by the worker, in the table's order. */
export const METHOD_NAMES: readonly MethodName[] = (Object.keys(PROTOCOL) as Name[]).filter((name): name is MethodName => PROTOCOL[name].caller !== 'worker');
/** Methods only our own extension pages (popup, options) may call. */
export const PAGE_METHODS: readonly PageMethodName[] = METHOD_NAMES.filter((name): name is PageMethodName => PROTOCOL[name].caller === 'page');
/** Pushes from the worker to a content script. */
export const PUSH_NAMES: readonly PushName[] = (Object.keys(PROTOCOL) as Name[]).filter((name): name is PushName => PROTOCOL[name].caller === 'worker');

export function isMethodName(name: unknown): name is MethodName {
	return (METHOD_NAMES as readonly unknown[]).includes(name);
}

export function isPageMethod(name: MethodName): name is PageMethodName {
	return (PAGE_METHODS as readonly string[]).includes(name);
}
