/**
 * Background-side dispatcher: the single `runtime.onMessage` listener. It checks the sender and validates the
 * payload before a handler sees it, and turns every failure into a `Reply` with `ok: false`.
 */
import {checkEmpty, checkEvaluateDraftRequest, isTrustedSender, type Checked} from './guards.js';
import {APP, isMethodName, type MethodName, type Payload, type Reply, type Result} from './protocol.js';

export type TrustedSender = {tabId: number; url?: string};

export type BackgroundHandlers = {
	[N in MethodName]: (data: Payload<N>, sender: TrustedSender) => Promise<Result<N>> | Result<N>;
};

const VALIDATORS: {[N in MethodName]: (raw: unknown) => Checked<Payload<N>>} = {
	evaluateDraft: checkEvaluateDraftRequest,
	clearBadge: checkEmpty,
};

type RawSender = {id?: string; tab?: {id?: number}; frameId?: number; url?: string};

/**
 * Returns the `onMessage` listener. Messages that are not ours get `undefined` (no reply), so other listeners,
 * if any, can answer them.
 */
export function createBackgroundListener(handlers: BackgroundHandlers, runtimeId: () => string) {
	return (message: unknown, sender: RawSender): Promise<Reply<unknown>> | undefined => {
		if (typeof message !== 'object' || message === null || (message as {app?: unknown}).app !== APP) return undefined;
		return dispatch(handlers, message as {name?: unknown; data?: unknown}, sender, runtimeId());
	};
}

async function dispatch(
	handlers: BackgroundHandlers,
	message: {name?: unknown; data?: unknown},
	sender: RawSender,
	runtimeId: string,
): Promise<Reply<unknown>> {
	if (!isTrustedSender(sender, runtimeId)) {
		return {ok: false, error: {name: 'invalid-sender', message: 'not our content script in a top frame'}};
	}
	const {name} = message;
	if (!isMethodName(name)) return {ok: false, error: {name: 'unknown-method', message: String(name).slice(0, 40)}};
	const checked = VALIDATORS[name](message.data);
	if (!checked.ok) return {ok: false, error: {name: 'invalid-payload', message: checked.problems.join(', ')}};
	try {
		const handler = handlers[name] as (data: unknown, sender: TrustedSender) => unknown;
		const {url} = sender as RawSender;
		const trusted: TrustedSender = url === undefined ? {tabId: sender.tab.id} : {tabId: sender.tab.id, url};
		return {ok: true, value: await handler(checked.value, trusted)};
	} catch (error) {
		// A bug of ours: report it as data so the gate fails open, and log it where developers look.
		console.error(`LiqGuard: ${name} failed`, error);
		return {ok: false, error: {name: 'internal', message: error instanceof Error ? error.message : String(error)}};
	}
}
