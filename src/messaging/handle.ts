/**
 * Background-side dispatcher: the single `runtime.onMessage` listener. It checks the sender and validates the
 * payload before a handler sees it, both as the protocol's table says (methods.ts), and turns every failure into a
 * `Reply` with `ok: false`.
 */
import {isExtensionPageSender, isTrustedSender, type Checked} from './guards.js';
import {isMethodName, isPageMethod, PROTOCOL} from './methods.js';
import {APP, type MethodName, type PageMethodName, type Payload, type Reply, type Result} from './protocol.js';

/** A content script in a tab's top frame: the tab id and page URL come from the browser, not the message. */
export type TrustedSender = {tabId: number; url?: string};
/** One of our extension pages (popup, options). */
export type PageSender = {url: string};

export type BackgroundHandlers = {
	[N in MethodName]: (data: Payload<N>, sender: N extends PageMethodName ? PageSender : TrustedSender) => Promise<Result<N>> | Result<N>;
};

type RawSender = {id?: string; tab?: {id?: number}; frameId?: number; url?: string};

/**
 * Returns the `onMessage` listener. Messages that are not ours get `undefined` (no reply), so other listeners,
 * if any, can answer them.
 */
export function createBackgroundListener(handlers: BackgroundHandlers, runtimeId: () => string, extensionUrl: () => string = () => '') {
	return (message: unknown, sender: RawSender): Promise<Reply<unknown>> | undefined => {
		if (typeof message !== 'object' || message === null || (message as {app?: unknown}).app !== APP) return undefined;
		return dispatch(handlers, message as {name?: unknown; data?: unknown}, sender, runtimeId(), extensionUrl());
	};
}

async function dispatch(
	handlers: BackgroundHandlers,
	message: {name?: unknown; data?: unknown},
	sender: RawSender,
	runtimeId: string,
	extensionUrl: string,
): Promise<Reply<unknown>> {
	const {name} = message;
	// Page methods (permissions, script registration) only from our own pages; everything else only from our
	// content script in a tab's top frame. An unknown name from an untrusted sender is still invalid-sender.
	const isPage = isMethodName(name) && isPageMethod(name);
	const senderOk = isPage ? isExtensionPageSender(sender, runtimeId, extensionUrl) : isTrustedSender(sender, runtimeId);
	if (!senderOk) {
		return {ok: false, error: {name: 'invalid-sender', message: isPage ? 'not one of our extension pages' : 'not our content script in a top frame'}};
	}
	if (!isMethodName(name)) return {ok: false, error: {name: 'unknown-method', message: String(name).slice(0, 40)}};
	const checked = (PROTOCOL[name].check as (raw: unknown) => Checked<unknown>)(message.data);
	if (!checked.ok) return {ok: false, error: {name: 'invalid-payload', message: checked.problems.join(', ')}};
	try {
		const handler = handlers[name] as (data: unknown, sender: TrustedSender | PageSender) => unknown;
		const {url} = sender;
		const from: TrustedSender | PageSender = isPage
			? {url: url as string}
			: url === undefined
				? {tabId: (sender.tab as {id: number}).id}
				: {tabId: (sender.tab as {id: number}).id, url};
		return {ok: true, value: await handler(checked.value, from)};
	} catch (error) {
		// A bug of ours: report it as data so the gate fails open, and log it where developers look.
		console.error(`LiqGuard: ${name} failed`, error);
		return {ok: false, error: {name: 'internal', message: error instanceof Error ? error.message : String(error)}};
	}
}
