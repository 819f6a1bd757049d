/**
 * The one message protocol between the content script and the background worker (research/aesthetics.md §3.4).
 * Every request name, payload and reply is declared here and typed at both ends; there is no index signature.
 *
 * - Amounts cross as plain decimal strings (`DecimalString`), never as JS numbers.
 * - Errors come back as data (`Reply` with `ok: false`); nothing is thrown across the boundary.
 * - Content → background only. A content script can ask for an assessment; it can never change settings.
 *
 * Type-only imports: this file adds no code to the content bundle.
 */
import type {DraftAssessment} from '../core/assess-draft.js';
import type {OrderDraft} from '../core/draft.js';
import type {Severity} from '../core/types.js';
import type {GateMode} from '../settings/settings.js';

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
};

/** Requests answered by the background worker. Method names are verbs. */
export type BackgroundMethods = {
	evaluateDraft(input: EvaluateDraftRequest): EvaluateDraftResult;
	/** The page session ended (navigation away from a form): clear the tab's badge. */
	clearBadge(input: Record<string, never>): {cleared: true};
};

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

export const METHOD_NAMES = ['evaluateDraft', 'clearBadge'] as const satisfies readonly MethodName[];

export function isMethodName(name: unknown): name is MethodName {
	return (METHOD_NAMES as readonly unknown[]).includes(name);
}
