/**
 * The protocol's one table (methods.ts): the names, the callers and the types all come from it, and the dispatcher
 * follows it. Expected lists are written out here, not read from the table.
 */
import {describe, expect, expectTypeOf, test} from 'vitest';
import {createBackgroundListener, type BackgroundHandlers} from '../../../src/messaging/handle.js';
import {METHOD_NAMES, PAGE_METHODS, PROTOCOL, PUSH_NAMES} from '../../../src/messaging/methods.js';
import {isPush, type EvaluateDraftRequest, type EvaluateDraftResult, type MethodName, type PageMethodName, type Payload, type PushName, type RefreshNotice, type Result, type UseOnSiteRequest} from '../../../src/messaging/protocol.js';

describe('protocol table', () => {
	test('the names and callers derived from the table', () => {
		expect([...METHOD_NAMES].sort()).toEqual(['clearBadge', 'evaluateDraft', 'marketParams', 'siteVenue', 'snoozeReminder', 'useOnSite']);
		expect([...PAGE_METHODS].sort()).toEqual(['marketParams', 'useOnSite']);
		expect(PUSH_NAMES).toEqual(['refresh']);
		// Every request row carries its own validator.
		for (const name of METHOD_NAMES) expect(typeof (PROTOCOL[name] as {check?: unknown}).check, name).toBe('function');
	});

	test('the types both ends use come from the table', () => {
		expectTypeOf<MethodName>().toEqualTypeOf<'evaluateDraft' | 'clearBadge' | 'snoozeReminder' | 'siteVenue' | 'useOnSite' | 'marketParams'>();
		expectTypeOf<PageMethodName>().toEqualTypeOf<'useOnSite' | 'marketParams'>();
		expectTypeOf<PushName>().toEqualTypeOf<'refresh'>();
		expectTypeOf<Payload<'evaluateDraft'>>().toEqualTypeOf<EvaluateDraftRequest>();
		expectTypeOf<Payload<'useOnSite'>>().toEqualTypeOf<UseOnSiteRequest>();
		expectTypeOf<Payload<'clearBadge'>>().toEqualTypeOf<Record<string, never>>();
		expectTypeOf<Result<'evaluateDraft'>>().toEqualTypeOf<EvaluateDraftResult>();
		expectTypeOf<Result<'snoozeReminder'>>().toEqualTypeOf<{snoozed: true}>();
		expectTypeOf<RefreshNotice>().toEqualTypeOf<{app: 'liqguard'; name: 'refresh'}>();
	});

	test('the worker\'s push is not a method: sent to the worker it is unknown-method, and no handler runs', async () => {
		let ran = false;
		const handlers = new Proxy({} as BackgroundHandlers, {get: () => () => (ran = true)});
		const listener = createBackgroundListener(handlers, () => 'ext');
		const reply = await listener({app: 'liqguard', name: 'refresh', data: {}}, {id: 'ext', tab: {id: 1}, frameId: 0});
		expect(reply).toMatchObject({ok: false, error: {name: 'unknown-method'}});
		expect(ran).toBe(false);
	});

	test('a content script recognises the push by app and name only', () => {
		expect(isPush({app: 'liqguard', name: 'refresh'}, 'refresh')).toBe(true);
		expect(isPush({app: 'other', name: 'refresh'}, 'refresh')).toBe(false);
		expect(isPush({app: 'liqguard', name: 'evaluateDraft'}, 'refresh')).toBe(false);
		expect(isPush(null, 'refresh')).toBe(false);
		expect(isPush('refresh', 'refresh')).toBe(false);
	});
});
