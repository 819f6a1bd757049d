import {describe, expect, test, vi} from 'vitest';
import {createBackgroundListener, type BackgroundHandlers} from '../../../src/messaging/handle.js';
import {createCaller} from '../../../src/messaging/send.js';
import {demoDraft} from './draft-fixture.js';

const SENDER = {id: 'ext', tab: {id: 7}, frameId: 0, url: 'http://localhost/demo/'};

function listenerWith(handlers: Partial<BackgroundHandlers> = {}) {
	const all: BackgroundHandlers = {
		evaluateDraft: vi.fn(request => ({revision: request.revision, gateMode: 'confirm' as const, assessment: {state: 'needs-input' as const, needs: ['size' as const]}})),
		clearBadge: vi.fn(() => ({cleared: true as const})),
		snoozeReminder: vi.fn(() => ({snoozed: true as const})),
		siteVenue: vi.fn(() => ({venue: 'custom' as const})),
		useOnSite: vi.fn(() => ({registered: true, injected: true})),
		marketParams: vi.fn(() => ({params: null, notice: {state: 'unsupported' as const}})),
		...handlers,
	};
	return {handlers: all, listener: createBackgroundListener(all, () => 'ext', () => EXTENSION_URL)};
}

const EXTENSION_URL = 'chrome-extension://ext/';
const POPUP = {id: 'ext', url: `${EXTENSION_URL}popup.html`};

describe('background dispatcher', () => {
	test('answers a valid request with the handler result, passing the tab id', async () => {
		const {listener, handlers} = listenerWith();
		const reply = await listener({app: 'liqguard', name: 'evaluateDraft', data: {revision: 2, draft: demoDraft()}}, SENDER);
		expect(reply).toMatchObject({ok: true, value: {revision: 2}});
		expect(handlers.evaluateDraft).toHaveBeenCalledWith(expect.objectContaining({revision: 2}), {tabId: 7, url: SENDER.url});
	});

	test('ignores messages that are not ours', () => {
		expect(listenerWith().listener({hello: 1}, SENDER)).toBeUndefined();
	});

	test('returns errors as data: sender, method, payload, exception', async () => {
		const {listener} = listenerWith({
			clearBadge: () => {
				throw new Error('boom');
			},
		});
		await expect(listener({app: 'liqguard', name: 'evaluateDraft', data: {}}, {...SENDER, id: 'evil'})).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		await expect(listener({app: 'liqguard', name: 'saveSettings', data: {}}, SENDER)).resolves.toMatchObject({ok: false, error: {name: 'unknown-method'}});
		await expect(listener({app: 'liqguard', name: 'evaluateDraft', data: {revision: 1, draft: {}}}, SENDER)).resolves.toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		await expect(listener({app: 'liqguard', name: 'clearBadge', data: {}}, SENDER)).resolves.toEqual({ok: false, error: {name: 'internal', message: 'boom'}});
	});
});

describe('snoozeReminder and siteVenue (content requests)', () => {
	test('snoozeReminder takes the tab id from the sender, and refuses any payload', async () => {
		const {listener, handlers} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'snoozeReminder', data: {}}, SENDER)).resolves.toEqual({ok: true, value: {snoozed: true}});
		expect(handlers.snoozeReminder).toHaveBeenCalledWith({}, {tabId: 7, url: SENDER.url});
		await expect(listener({app: 'liqguard', name: 'snoozeReminder', data: {tabId: 99}}, SENDER)).resolves.toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		expect(handlers.snoozeReminder).toHaveBeenCalledTimes(1);
	});

	test('content requests from a subframe or another extension are refused', async () => {
		const {listener, handlers} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'snoozeReminder', data: {}}, {...SENDER, frameId: 3})).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		await expect(listener({app: 'liqguard', name: 'siteVenue', data: {}}, {...SENDER, id: 'other'})).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		expect(handlers.snoozeReminder).not.toHaveBeenCalled();
		expect(handlers.siteVenue).not.toHaveBeenCalled();
	});

	test('siteVenue passes the sender URL (never a payload origin)', async () => {
		const {listener, handlers} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'siteVenue', data: {}}, {...SENDER, url: 'https://trade.example.test/x'})).resolves.toEqual({ok: true, value: {venue: 'custom'}});
		expect(handlers.siteVenue).toHaveBeenCalledWith({}, {tabId: 7, url: 'https://trade.example.test/x'});
		await expect(listener({app: 'liqguard', name: 'siteVenue', data: {origin: 'https://evil.test'}}, SENDER)).resolves.toMatchObject({ok: false, error: {name: 'invalid-payload'}});
	});
});

describe('useOnSite (extension pages only)', () => {
	const request = {origin: 'https://trade.example.test', tabId: 4};

	test('answers our popup with the handler result', async () => {
		const {listener, handlers} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'useOnSite', data: request}, POPUP)).resolves.toEqual({ok: true, value: {registered: true, injected: true}});
		expect(handlers.useOnSite).toHaveBeenCalledWith(request, {url: POPUP.url});
	});

	test('a content script can never call it, even with a valid payload', async () => {
		const {listener, handlers} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'useOnSite', data: request}, SENDER)).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		await expect(listener({app: 'liqguard', name: 'useOnSite', data: request}, {...POPUP, id: 'other'})).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		// A page URL that merely contains our URL is not our page.
		await expect(listener({app: 'liqguard', name: 'useOnSite', data: request}, {id: 'ext', tab: {id: 1}, frameId: 0, url: `https://evil.test/?${EXTENSION_URL}`})).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		expect(handlers.useOnSite).not.toHaveBeenCalled();
	});

	test('without a known extension URL, page methods are refused', async () => {
		const all = listenerWith().handlers;
		const listener = createBackgroundListener(all, () => 'ext');
		await expect(listener({app: 'liqguard', name: 'useOnSite', data: request}, POPUP)).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
	});

	test('our pages cannot call content methods (no tab)', async () => {
		const {listener} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'snoozeReminder', data: {}}, POPUP)).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
	});

	test.each([
		[{origin: 'https://trade.example.test/path', tabId: 4}, 'origin'],
		[{origin: 'https://*.example.test', tabId: 4}, 'origin'],
		[{origin: 'file:///etc', tabId: 4}, 'origin'],
		[{origin: 'https://user:pw@example.test', tabId: 4}, 'origin'],
		[{origin: 'https://trade.example.test', tabId: -1}, 'tabId'],
		[{origin: 'https://trade.example.test', tabId: 1.5}, 'tabId'],
		[{origin: 'https://trade.example.test', tabId: 4, venue: 'custom'}, 'venue'],
	])('refuses payload %j (%s)', async (data, problem) => {
		const {listener, handlers} = listenerWith();
		const reply = await listener({app: 'liqguard', name: 'useOnSite', data}, POPUP);
		expect(reply).toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		expect((reply as {error: {message: string}}).error.message).toContain(problem);
		expect(handlers.useOnSite).not.toHaveBeenCalled();
	});
});

describe('content caller', () => {
	test('a rejected sendMessage becomes a disconnected reply, never a throw', async () => {
		const call = createCaller(() => Promise.reject(new Error('Extension context invalidated.')));
		await expect(call('clearBadge', {})).resolves.toEqual({ok: false, error: {name: 'disconnected', message: 'Extension context invalidated.'}});
	});

	test('a malformed reply is reported as internal', async () => {
		const call = createCaller(() => Promise.resolve('not a reply'));
		await expect(call('clearBadge', {})).resolves.toMatchObject({ok: false, error: {name: 'internal'}});
	});

	test('wraps the request in our envelope', async () => {
		const send = vi.fn(() => Promise.resolve({ok: true, value: {cleared: true}}));
		await createCaller(send)('clearBadge', {});
		expect(send).toHaveBeenCalledWith({app: 'liqguard', name: 'clearBadge', data: {}});
	});
});

describe('marketParams (extension pages only)', () => {
	test('answers the popup with the handler result for a valid venue and symbol', async () => {
		const {listener, handlers} = listenerWith();
		const request = {venue: 'okx-swap', symbol: 'ETH-USDT-SWAP', marginMode: 'isolated'};
		await expect(listener({app: 'liqguard', name: 'marketParams', data: request}, POPUP)).resolves.toEqual({ok: true, value: {params: null, notice: {state: 'unsupported'}}});
		expect(handlers.marketParams).toHaveBeenCalledWith(request, {url: POPUP.url});
	});

	test('refuses a content script, and payloads with extra fields, a bad venue or symbol', async () => {
		const {listener, handlers} = listenerWith();
		await expect(listener({app: 'liqguard', name: 'marketParams', data: {venue: 'okx-swap', symbol: 'BTC-USDT-SWAP'}}, SENDER)).resolves.toMatchObject({ok: false, error: {name: 'invalid-sender'}});
		for (const data of [
			{venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', account: 'me'},
			{venue: 'nowhere', symbol: 'BTC'},
			{venue: 'okx-swap', symbol: '<img src=x>'},
			{venue: 'okx-swap', symbol: 'BTC', marginMode: 'portfolio'},
		]) {
			await expect(listener({app: 'liqguard', name: 'marketParams', data}, POPUP)).resolves.toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		}
		expect(handlers.marketParams).not.toHaveBeenCalled();
	});
});
