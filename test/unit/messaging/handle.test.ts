import {describe, expect, test, vi} from 'vitest';
import {createBackgroundListener, type BackgroundHandlers} from '../../../src/messaging/handle.js';
import {createCaller} from '../../../src/messaging/send.js';
import {demoDraft} from './draft-fixture.js';

const SENDER = {id: 'ext', tab: {id: 7}, frameId: 0, url: 'http://localhost/demo/'};

function listenerWith(handlers: Partial<BackgroundHandlers> = {}) {
	const all: BackgroundHandlers = {
		evaluateDraft: vi.fn(request => ({revision: request.revision, gateMode: 'confirm' as const, assessment: {state: 'needs-input' as const, needs: ['size' as const]}})),
		clearBadge: vi.fn(() => ({cleared: true as const})),
		...handlers,
	};
	return {handlers: all, listener: createBackgroundListener(all, () => 'ext')};
}

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
