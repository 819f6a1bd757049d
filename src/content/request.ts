/**
 * The page session's requests to the worker, as a state machine with no DOM, timer or clock: the session feeds it
 * what happened (a read, a reply, a timeout, a refresh) and does what it answers (ask, show, retry).
 *
 *   read(key) ─► same key as last asked? 'unchanged'
 *             ├► equal to the answered form on every field its answer read? 'same-answer' (nothing asked)
 *             └► revision+1 ─► 'ask' (a form) | 'unreadable' (no form: replies still in flight are dropped)
 *   reply(revision) ─► older revision? 'stale' (dropped)
 *                   ├► refused (worker stopping/starting) ─► forget the key; 'retry' QUICK_RETRIES times, then 'error'
 *                   └► 'show' | 'error'
 *   timeout(revision) ─► still pending? 'error' (the gate lets submits through)
 *   refresh() ─► forget the key: the next read asks again for the same form
 */
import {sameOnFields, type OrderDraft} from '../core/draft.js';
import type {ErrorName, Reply} from '../messaging/protocol.js';
import {orderKey} from './gate.js';

/** A message the worker refused is asked again soon, this many times in a row; after that, at each heartbeat. */
export const QUICK_RETRIES = 3;
/** The read key of "no order form to read" (a draft key is a JSON object, so never equal to it). */
export const NO_FORM = 'no-form';

/**
 * What the math reads from a draft. The funding countdown is shown, never computed with (the core does not read
 * it), and it ticks every second on every venue that shows one: keyed on it, each tick was a worker round trip and
 * a re-render of the whole answer. It is shown from the latest read instead.
 */
export function draftKey(draft: OrderDraft): string {
	const {fundingCountdownSeconds: _shownOnly, ...math} = draft;
	return JSON.stringify(math);
}

export type ReadStep =
	| {action: 'unchanged'}
	/**
	 * The form changed only in fields the answer shown did not read (the mark under a limit order still missing its
	 * size): that answer stands for it, and is fresh for it at the gate.
	 */
	| {action: 'same-answer'}
	| {action: 'ask'; revision: number}
	/** `clearBadge`: a draft was asked about since the form was last unreadable; the worker may have badged it. */
	| {action: 'unreadable'; revision: number; clearBadge: boolean};
export type ReplyStep<R> =
	| {action: 'stale'}
	| {action: 'retry'}
	| {action: 'error'; errorName: ErrorName}
	| {action: 'show'; result: R};

export type RequestMachine<R> = {
	/** The form was read; `key` is `draftKey` of its `draft`, or `NO_FORM` (no draft). */
	read(key: string, draft?: OrderDraft): ReadStep;
	reply(revision: number, reply: Reply<R>): ReplyStep<R>;
	/** The reply timeout of `revision` fired: whether it still stands unanswered (then the panel shows an error). */
	timeout(revision: number): boolean;
	/** Settings or this tab's snooze changed: the same form is asked about again at the next read. */
	refresh(): void;
	/** The latest reply, if it answers the current revision with nothing pending since, for the form of `key`. */
	freshFor(key: string): R | undefined;
	/**
	 * The latest reply, if it still stands for the order `draft` describes: the form it answered was the same order
	 * (`orderKey` in gate.ts) and nothing failed since. What else moved is market state that ticks on its own (the
	 * mark, the venue's own estimates, the balance on cross) and that the next read asks about. On a live page the mark
	 * ticks every second and the form is read at the next heartbeat, so an answer for the form exactly as it is
	 * (`freshFor`) is missing for a good part of each second, and alone it would let a dangerous order's submit through
	 * unchecked (the Chromium e2e clicks at random moments on the ticking demo page).
	 */
	standingFor(draft: OrderDraft): R | undefined;
	/** The draft fields the latest answer was computed from, if it says (`readFields`). */
	answerFields(): readonly string[] | undefined;
	/** The next read asks even if the form is unchanged: a refusal or a refresh forgot what was asked. */
	needsRead(): boolean;
	/** Whether anything was read and asked about (the badge may describe it when the session ends). */
	hasSent(): boolean;
	/** The revision of the last read that changed the key. */
	revision(): number;
};

/** `readFieldsOf`: the draft fields a result was computed from (`readFields`), if it says. */
export function createRequestMachine<R>(readFieldsOf: (result: R) => readonly string[] | undefined = () => undefined): RequestMachine<R> {
	let revision = 0;
	let sentKey: string | undefined;
	/** The key of the current revision (kept through `refresh`, which only forgets `sentKey`), and its draft. */
	let revisionKey = '';
	let revisionDraft: OrderDraft | undefined;
	let pending: number | undefined;
	/** The answer shown; `fields`, `draft` and `order`: the fields it read, the form it answered and its `orderKey`. */
	let latest: {revision: number; key: string; result: R; fields?: readonly string[]; draft?: OrderDraft; order?: string} | undefined;
	/** No error, timeout or refresh since `latest`: it may stand for the same order (`standingFor`). */
	let standing = false;
	let refusals = 0;
	let asked = false;
	return {
		read(key, draft) {
			if (key === sentKey) return {action: 'unchanged'};
			if (latest?.fields && latest.draft && draft && latest.revision === revision && pending === undefined && sameOnFields(draft, latest.draft, latest.fields)) {
				sentKey = key;
				revisionKey = key;
				revisionDraft = draft;
				latest.key = key;
				return {action: 'same-answer'};
			}
			revision += 1;
			sentKey = key;
			revisionKey = key;
			revisionDraft = draft;
			pending = undefined;
			if (key === NO_FORM) {
				latest = undefined;
				const clearBadge = asked;
				asked = false;
				return {action: 'unreadable', revision, clearBadge};
			}
			pending = revision;
			asked = true;
			return {action: 'ask', revision};
		},
		reply(answered, reply) {
			if (answered !== revision) return {action: 'stale'};
			pending = undefined;
			if (!reply.ok && reply.error.name === 'disconnected') {
				/*
				 * The worker refused the message while stopping or starting (MV3 stops it after 30 s idle): forget what
				 * was sent so the next read asks again. Meanwhile no answer stands, so the gate lets submits through.
				 */
				sentKey = undefined;
				refusals += 1;
				if (refusals <= QUICK_RETRIES) return {action: 'retry'};
			} else {
				refusals = 0;
			}
			if (!reply.ok) {
				standing = false;
				return {action: 'error', errorName: reply.error.name};
			}
			latest = {revision: answered, key: revisionKey, result: reply.value};
			standing = true;
			if (revisionDraft) {
				latest.draft = revisionDraft;
				latest.order = orderKey(revisionDraft);
			}
			const fields = readFieldsOf(reply.value);
			if (fields && revisionDraft) latest.fields = fields;
			return {action: 'show', result: reply.value};
		},
		timeout(timedOut) {
			if (pending !== timedOut) return false;
			standing = false;
			return true;
		},
		refresh() {
			sentKey = undefined;
			// The settings behind the latest reply (gate mode, thresholds) may have changed: it holds nothing until the
			// form is asked about again.
			latest = undefined;
		},
		freshFor(key) {
			return latest !== undefined && pending === undefined && latest.revision === revision && latest.key === key ? latest.result : undefined;
		},
		standingFor(draft) {
			return standing && latest?.order !== undefined && orderKey(draft) === latest.order ? latest.result : undefined;
		},
		answerFields: () => latest?.fields,
		needsRead: () => sentKey === undefined,
		hasSent: () => asked,
		revision: () => revision,
	};
}
