/**
 * The content script's transport to the background: one long-lived `runtime.Port` per page instead of a
 * `runtime.sendMessage` per request.
 *
 * Why: a keystroke in the order form is one `evaluateDraft` request. `sendMessage` opens and closes a message
 * channel for every request; a page CPU profile of 150 edits showed ≈ 0.9 ms of native binding work per edit in
 * the page alone, and a bare round trip measured 0.7–0.9 ms with `sendMessage` against 0.3 ms over a port (same
 * payload, Chromium 156; docs/performance.md). The envelopes, the sender checks and the replies are exactly those
 * of `sendMessage` (handle.ts): the port only carries `{id, message}` out and `{id, reply}` back.
 *
 * Lifetime: the port is opened on the first request. When it disconnects (the worker was stopped — MV3 stops an
 * idle worker after 30 s — or the extension was reloaded), requests still waiting are sent once more on a new port
 * (every request is idempotent: an assessment, a badge clear, a snooze, a lookup); if the extension context is
 * gone, opening that port throws and the caller gets the error (createCaller turns it into a `disconnected` reply).
 */
import type {Reply} from './protocol.js';
import type {SendMessage} from './send.js';

export const PORT_NAME = 'liqguard';

/** The part of `runtime.Port` used here (Chrome, Firefox and the polyfill agree on it). */
export type PortLike = {
	name?: string;
	sender?: unknown;
	postMessage(message: unknown): void;
	disconnect(): void;
	onMessage: {addListener(listener: (message: unknown) => void): void};
	onDisconnect: {addListener(listener: () => void): void};
};

type Waiting = {message: unknown; resolve(value: unknown): void; reject(error: unknown): void; retried: boolean};

/**
 * A `SendMessage` over one port, reconnecting on demand. `lastError` reads `runtime.lastError` inside the
 * disconnect handler: Chrome logs "Unchecked runtime.lastError: Could not establish connection" in the PAGE's
 * console when a port to a stopping worker closes and nobody read it (found by the fault e2e).
 */
export function createPortSender(connect: () => PortLike, lastError: () => {message?: string} | undefined = () => undefined): SendMessage {
	let port: PortLike | undefined;
	let nextId = 1;
	const waiting = new Map<number, Waiting>();

	const post = (id: number, entry: Waiting) => {
		try {
			if (!port) port = open();
			port.postMessage({id, message: entry.message});
		} catch (error) {
			waiting.delete(id);
			entry.reject(error);
		}
	};

	const open = (): PortLike => {
		const opened = connect();
		opened.onMessage.addListener(raw => {
			const response = raw as {id?: unknown; reply?: unknown};
			if (typeof response !== 'object' || response === null || typeof response.id !== 'number') return;
			const entry = waiting.get(response.id);
			if (!entry) return;
			waiting.delete(response.id);
			entry.resolve(response.reply);
		});
		opened.onDisconnect.addListener(() => {
			const reason = lastError()?.message ?? 'the background disconnected';
			if (port === opened) port = undefined;
			// The worker went away with requests in flight: send each once more on a new port.
			for (const [id, entry] of [...waiting]) {
				if (entry.retried) {
					waiting.delete(id);
					entry.reject(new Error(`${reason} (twice before answering)`));
				} else {
					entry.retried = true;
					post(id, entry);
				}
			}
		});
		return opened;
	};

	return message =>
		new Promise((resolve, reject) => {
			const id = nextId++;
			const entry: Waiting = {message, resolve, reject, retried: false};
			waiting.set(id, entry);
			post(id, entry);
		});
}

/**
 * Background side: answers one port's requests with the same listener `runtime.onMessage` uses, so the sender
 * checks (extension id, tab, top frame, URL — taken from `port.sender`, set by the browser) and the payload
 * validation are the same. Malformed frames are ignored: only our content script can open a port to us.
 */
export function servePort(port: PortLike, listener: (message: unknown, sender: never) => Promise<Reply<unknown>> | undefined): void {
	port.onMessage.addListener(raw => {
		const request = raw as {id?: unknown; message?: unknown};
		if (typeof request !== 'object' || request === null || !Number.isSafeInteger(request.id)) return;
		const id = request.id as number;
		const pending = listener(request.message, (port.sender ?? {}) as never) ?? Promise.resolve<Reply<unknown>>({ok: false, error: {name: 'unknown-method', message: 'not a LiqGuard message'}});
		void pending.then(reply => {
			try {
				port.postMessage({id, reply});
			} catch {
				// The page went away (navigation, tab closed) before the answer: nothing to deliver.
			}
		});
	});
}
