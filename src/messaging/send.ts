/**
 * Content-side caller of the background. Never throws: every failure comes back as a `Reply` with `ok: false`,
 * because the pre-submit gate must fail open on any error of ours.
 */
import {APP, type Envelope, type MethodName, type Payload, type Reply, type Result} from './protocol.js';

export type SendMessage = (message: unknown) => Promise<unknown>;

/** "Extension context invalidated" and friends: the extension was reloaded, updated or removed under us. */
export function isContextInvalidated(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /context invalidated|receiving end does not exist|could not establish connection|extension context/i.test(message);
}

/** Light shape check of a reply: the content script cannot afford decimal.js, and trusts its own worker's types. */
function isReply(value: unknown): value is Reply<unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const reply = value as {ok?: unknown; value?: unknown; error?: {name?: unknown}};
	if (reply.ok === true) return 'value' in reply;
	return reply.ok === false && typeof reply.error?.name === 'string';
}

export function createCaller(sendMessage: SendMessage) {
	return async function callBackground<N extends MethodName>(name: N, data: Payload<N>): Promise<Reply<Result<N>>> {
		const envelope: Envelope<N> = {app: APP, name, data};
		try {
			const reply = await sendMessage(envelope);
			if (isReply(reply)) return reply as Reply<Result<N>>;
			return {ok: false, error: {name: 'internal', message: 'malformed reply'}};
		} catch (error) {
			return {
				ok: false,
				error: {name: 'disconnected', message: error instanceof Error ? error.message : String(error)},
			};
		}
	};
}

export type CallBackground = ReturnType<typeof createCaller>;
