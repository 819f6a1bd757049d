import {describe, expect, test, vi} from 'vitest';
import {createBackgroundListener, type BackgroundHandlers} from '../../../src/messaging/handle.js';
import {createPortSender, servePort, type PortLike} from '../../../src/messaging/port.js';
import {createCaller} from '../../../src/messaging/send.js';
import {demoDraft} from './draft-fixture.js';

const SENDER = {id: 'ext', tab: {id: 7}, frameId: 0, url: 'http://localhost/demo/'};

/** Two connected fake ports, delivering asynchronously like the browser; `drop()` disconnects both ends. */
function portPair(sender: unknown = SENDER) {
	type End = PortLike & {messages: ((m: unknown) => void)[]; disconnects: (() => void)[]; other?: End; open: boolean};
	const end = (): End => {
		const self: End = {
			sender,
			messages: [],
			disconnects: [],
			open: true,
			postMessage(message) {
				if (!self.open) throw new Error('Attempting to use a disconnected port object');
				const copy = JSON.parse(JSON.stringify(message)) as unknown;
				queueMicrotask(() => {
					if (self.other?.open) for (const listener of self.other.messages) listener(copy);
				});
			},
			disconnect() {
				drop();
			},
			onMessage: {addListener: listener => void self.messages.push(listener)},
			onDisconnect: {addListener: listener => void self.disconnects.push(listener)},
		};
		return self;
	};
	const content = end();
	const background = end();
	content.other = background;
	background.other = content;
	const drop = () => {
		for (const side of [content, background]) {
			if (!side.open) continue;
			side.open = false;
			for (const listener of side.disconnects) listener();
		}
	};
	return {content, background, drop};
}

function handlers(overrides: Partial<BackgroundHandlers> = {}): BackgroundHandlers {
	return {
		evaluateDraft: vi.fn(request => ({revision: request.revision, gateMode: 'confirm' as const, assessment: {state: 'needs-input' as const, needs: ['size' as const]}})),
		clearBadge: vi.fn(() => ({cleared: true as const})),
		snoozeReminder: vi.fn(() => ({snoozed: true as const})),
		siteVenue: vi.fn(() => ({venue: 'custom' as const})),
		useOnSite: vi.fn(() => ({registered: true, injected: true})),
		marketParams: vi.fn(() => ({params: null, notice: {state: 'unsupported' as const}})),
		...overrides,
	};
}

/** A content-side caller whose `connect` opens a new pair served by the real background listener each time. */
function wiring(all = handlers(), sender: unknown = SENDER) {
	const listener = createBackgroundListener(all, () => 'ext');
	const pairs: ReturnType<typeof portPair>[] = [];
	let contextGone = false;
	const connect = () => {
		if (contextGone) throw new Error('Extension context invalidated.');
		const pair = portPair(sender);
		servePort(pair.background, listener as never);
		pairs.push(pair);
		return pair.content;
	};
	return {call: createCaller(createPortSender(connect)), pairs, handlers: all, invalidate: () => (contextGone = true)};
}

describe('content ↔ background over one port', () => {
	test('answers like sendMessage: the handler result for a valid request, the sender taken from the port', async () => {
		const {call, handlers: all, pairs} = wiring();
		await expect(call('evaluateDraft', {revision: 4, draft: demoDraft()})).resolves.toMatchObject({ok: true, value: {revision: 4}});
		await expect(call('clearBadge', {})).resolves.toEqual({ok: true, value: {cleared: true}});
		expect(all.evaluateDraft).toHaveBeenCalledWith(expect.objectContaining({revision: 4}), {tabId: 7, url: SENDER.url});
		expect(pairs).toHaveLength(1); // one port for every request
	});

	test('concurrent requests each get their own answer', async () => {
		const {call} = wiring();
		const replies = await Promise.all([1, 2, 3].map(revision => call('evaluateDraft', {revision, draft: demoDraft()})));
		expect(replies.map(reply => (reply.ok ? reply.value.revision : undefined))).toEqual([1, 2, 3]);
	});

	test('the same sender and payload checks apply: a sub-frame is refused, a bad payload named', async () => {
		const fromFrame = wiring(handlers(), {...SENDER, frameId: 2});
		await expect(fromFrame.call('evaluateDraft', {revision: 1, draft: demoDraft()})).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		const {call, handlers: all} = wiring();
		await expect(call('evaluateDraft', {revision: 1, draft: {} as never})).resolves.toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		expect(all.evaluateDraft).not.toHaveBeenCalled();
	});

	test('a worker stopped with a request in flight: the request is sent again on a new port and answered', async () => {
		let first = true;
		const {call, pairs} = wiring(
			handlers({
				evaluateDraft: request => {
					if (first) {
						first = false;
						pairs[0]!.drop(); // the worker stops before it answers
					}
					return {revision: request.revision, gateMode: 'warn', assessment: {state: 'needs-input', needs: ['size']}};
				},
			}),
		);
		await expect(call('evaluateDraft', {revision: 9, draft: demoDraft()})).resolves.toMatchObject({ok: true, value: {revision: 9}});
		expect(pairs).toHaveLength(2);
	});

	test('an idle disconnect between requests costs nothing: the next request opens a new port', async () => {
		const {call, pairs} = wiring();
		await call('clearBadge', {});
		pairs[0]!.drop();
		await expect(call('clearBadge', {})).resolves.toEqual({ok: true, value: {cleared: true}});
		expect(pairs).toHaveLength(2);
	});

	test('extension reloaded: the request fails as disconnected with the browser\'s message (the content script then shuts down)', async () => {
		const {call, pairs, invalidate} = wiring();
		await call('clearBadge', {});
		invalidate();
		pairs[0]!.drop();
		await expect(call('clearBadge', {})).resolves.toEqual({ok: false, error: {name: 'disconnected', message: 'Extension context invalidated.'}});
	});

	test('a port that keeps dropping before answering fails the request instead of retrying forever', async () => {
		const pairs: ReturnType<typeof portPair>[] = [];
		const sender = createPortSender(() => {
			const pair = portPair();
			pair.background.onMessage.addListener(() => pair.drop());
			pairs.push(pair);
			return pair.content;
		});
		await expect(createCaller(sender)('clearBadge', {})).resolves.toMatchObject({ok: false, error: {name: 'disconnected'}});
		expect(pairs).toHaveLength(2);
	});

	test('the disconnect reason is read in the disconnect handler (Chrome logs an unchecked lastError in the page otherwise)', async () => {
		const lastError = vi.fn(() => ({message: 'Could not establish connection. Receiving end does not exist.'}));
		const sender = createPortSender(() => {
			const pair = portPair();
			pair.background.onMessage.addListener(() => pair.drop());
			return pair.content;
		}, lastError);
		await expect(createCaller(sender)('clearBadge', {})).resolves.toEqual({
			ok: false,
			error: {name: 'disconnected', message: 'Could not establish connection. Receiving end does not exist. (twice before answering)'},
		});
		expect(lastError).toHaveBeenCalledTimes(2);
	});

	test('the background ignores frames that are not requests and answers non-LiqGuard envelopes with an error', async () => {
		const pair = portPair();
		const listener = createBackgroundListener(handlers(), () => 'ext');
		servePort(pair.background, listener as never);
		const answers: unknown[] = [];
		pair.content.onMessage.addListener(message => answers.push(message));
		for (const junk of [null, 'x', {id: 'a'}, {id: 1.5}, {message: {}}]) pair.content.postMessage(junk);
		pair.content.postMessage({id: 5, message: {hello: 1}});
		await new Promise(resolve => setTimeout(resolve, 0));
		expect(answers).toEqual([{id: 5, reply: {ok: false, error: {name: 'unknown-method', message: 'not a LiqGuard message'}}}]);
	});
});
