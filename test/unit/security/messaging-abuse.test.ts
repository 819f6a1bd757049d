/**
 * Security and privacy: the background's one message listener against a hostile or confused sender.
 * The real dispatcher (`createBackgroundListener`) runs with the real `evaluateDraft` handler and default
 * settings; only the browser is absent. Every abuse must come back as data (`ok: false` with a named reason),
 * never reach a handler, and never change settings.
 */
import {describe, expect, test, vi} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {checkDraft, checkEvaluateDraftRequest, isTrustedSender} from '../../../src/messaging/guards.js';
import {createBackgroundListener, type BackgroundHandlers} from '../../../src/messaging/handle.js';
import * as methods from '../../../src/messaging/methods.js';
import type * as protocol from '../../../src/messaging/protocol.js';
import {DEFAULT_SETTINGS, loadSettings} from '../../../src/settings/settings.js';
import {demoDraft} from '../messaging/draft-fixture.js';
import {FakeStorageArea} from '../settings/fake-storage.js';

const ID = 'liqguard-extension-id';
const SENDER = {id: ID, tab: {id: 3}, frameId: 0, url: 'https://www.binance.com/en/futures/BTCUSDT'};
const envelope = (data: unknown, name: unknown = 'evaluateDraft') => ({app: 'liqguard', name, data});
const valid = () => ({revision: 1, draft: demoDraft()});

/** Methods a content script may call, each reviewed: read-only, or acting on the sender's own tab only. */
const CONTENT_METHODS = ['clearBadge', 'evaluateDraft', 'siteVenue', 'snoozeReminder'];
/** Methods only our extension pages may call (the protocol table's `page` rows). */
const PAGE_METHODS: readonly string[] = methods.PAGE_METHODS;

function setup() {
	// Every method gets a spy (the protocol grows; a handler that runs for a refused message is the bug we look for).
	const spies = new Map<string, ReturnType<typeof vi.fn>>();
	const spy = (name: string) => {
		if (!spies.has(name)) spies.set(name, vi.fn(name === 'evaluateDraft' ? (request: never) => evaluateDraft(request, DEFAULT_SETTINGS) : () => ({})));
		return spies.get(name)!;
	};
	const handlers = new Proxy({} as BackgroundHandlers, {get: (_target, name) => (typeof name === 'string' ? spy(name) : undefined)});
	for (const name of methods.METHOD_NAMES) spy(name);
	const called = () => [...spies].filter(([, fn]) => fn.mock.calls.length > 0).map(([name]) => name);
	return {handlers, called, listener: createBackgroundListener(handlers, () => ID)};
}

async function replyTo(message: unknown, sender: object | undefined = SENDER) {
	const {listener, handlers, called} = setup();
	const reply = await listener(message, sender as Parameters<typeof listener>[1]);
	return {reply, handlers, called: called()};
}

describe('sender checks: only our own content script in a tab top frame', () => {
	const hostile: [string, object | undefined][] = [
		['another extension id', {...SENDER, id: 'other-extension'}],
		['no id', {tab: SENDER.tab, frameId: 0}],
		['an empty id', {...SENDER, id: ''}],
		['no tab (an extension page or another context)', {id: ID, frameId: 0, url: `chrome-extension://${ID}/options.html`}],
		['a tab without an id', {...SENDER, tab: {}}],
		['a negative tab id (TAB_ID_NONE)', {...SENDER, tab: {id: -1}}],
		['a string tab id', {...SENDER, tab: {id: '3'}}],
		['a sub-frame', {...SENDER, frameId: 4}],
		['no frame id', {id: ID, tab: SENDER.tab}],
		['a string frame id', {...SENDER, frameId: '0'}],
		['no sender at all', undefined],
	];

	test.each(hostile)('%s is refused as invalid-sender and no handler runs', async (_name, sender) => {
		for (const name of methods.METHOD_NAMES) {
			const {listener, called} = setup();
			const reply = await listener(envelope(name === 'evaluateDraft' ? valid() : {}, name), sender as never);
			expect(reply, name).toEqual({ok: false, error: {name: 'invalid-sender', message: expect.any(String)}});
			expect(called()).toEqual([]);
		}
	});

	test('isTrustedSender agrees and accepts exactly the trusted shape', () => {
		expect(isTrustedSender(SENDER, ID)).toBe(true);
		for (const [, sender] of hostile) expect(isTrustedSender(sender as never, ID)).toBe(false);
	});

	test('the sender is judged before the method: a foreign sender learns nothing about method names', async () => {
		const {reply} = await replyTo(envelope({}, 'saveSettings'), {...SENDER, id: 'evil'});
		expect(reply).toMatchObject({ok: false, error: {name: 'invalid-sender'}});
	});
});

describe('content scripts can never change settings or permissions', () => {
	const attempts = [
		'saveSettings',
		'setSettings',
		'resetSettings',
		'importSettings',
		'updateSettings',
		'requestPermissions',
		'permissions.request',
		'addCustomSite',
		'registerContentScripts',
		'storage.sync.set',
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
	];

	test.each(attempts)('method "%s" is unknown-method and no handler runs', async name => {
		const {reply, called} = await replyTo(envelope({gateMode: 'off', settings: {gateMode: 'off'}}, name));
		expect(reply).toMatchObject({ok: false, error: {name: 'unknown-method'}});
		expect(called).toEqual([]);
	});

	test('every method a content script can call was reviewed; none is about settings or permissions', () => {
		const contentCallable = methods.METHOD_NAMES.filter(name => !PAGE_METHODS.includes(name));
		for (const name of contentCallable) {
			expect(CONTENT_METHODS, `"${name}" is callable from content scripts: review it, then list it here`).toContain(name);
			expect(name).not.toMatch(/setting|permission|register|storage|import|reset/i);
		}
	});

	test('extension-page-only methods are refused from a content script (a tab sender)', async () => {
		for (const name of PAGE_METHODS) {
			const {listener, called} = setup();
			const reply = await Promise.resolve(listener(envelope({origin: 'https://evil.example', tabId: 3}, name), SENDER)).catch((error: unknown) => ({thrown: String(error)}));
			expect(reply, name).toMatchObject({ok: false, error: {name: 'invalid-sender'}});
			expect(called()).toEqual([]);
		}
	});

	test('settings smuggled inside an evaluateDraft payload are dropped, the stored gate mode is what comes back', async () => {
		const storage = new FakeStorageArea();
		const {handlers, listener} = (() => {
			const handlers = {
				evaluateDraft: vi.fn(async (request: protocol.EvaluateDraftRequest) => evaluateDraft(request, (await loadSettings(storage)).settings)),
			} as Partial<BackgroundHandlers> as BackgroundHandlers;
			return {handlers, listener: createBackgroundListener(handlers, () => ID)};
		})();
		const smuggled = {...valid(), gateMode: 'off', settings: {gateMode: 'off'}, draft: {...demoDraft(), gateMode: 'off', __proto__: {gateMode: 'off'}}};
		const reply = await listener(envelope(smuggled), SENDER);
		expect(reply).toMatchObject({ok: true, value: {gateMode: 'confirm'}});
		const passed = vi.mocked(handlers.evaluateDraft).mock.calls[0]?.[0] as Record<string, unknown>;
		expect(Object.keys(passed).sort()).toEqual(['draft', 'revision']);
		expect(passed.draft).not.toHaveProperty('gateMode');
		expect(storage.writes).toEqual([]);
	});

	test('clearBadge with any payload field is refused', async () => {
		const {reply, called} = await replyTo(envelope({tabId: 99}, 'clearBadge'));
		expect(reply).toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		expect(called).toEqual([]);
	});
});

describe('payload validation: every field against the protocol', () => {
	test('messages that are not ours get no reply at all (other listeners may answer)', () => {
		const {listener} = setup();
		for (const message of [null, undefined, 'liqguard', 42, [], {app: 'LiqGuard'}, {app: ['liqguard']}, {name: 'evaluateDraft'}]) {
			expect(listener(message, SENDER)).toBeUndefined();
		}
	});

	test('unknown fields are dropped, never passed on', () => {
		const checked = checkEvaluateDraftRequest({...valid(), extra: 1, draft: {...demoDraft(), innerHTML: '<img onerror=alert(1)>', price: {state: 'ok', value: '1', extra: 'x'}}});
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.value).not.toHaveProperty('extra');
		expect(checked.value.draft).not.toHaveProperty('innerHTML');
		expect(checked.value.draft.price).toEqual({state: 'ok', value: '1'});
	});

	const draftCases: [string, Partial<Record<keyof OrderDraft, unknown>>, string][] = [
		['price 1e309', {price: {state: 'ok', value: '1e309'}}, 'price'],
		['price Infinity', {price: {state: 'ok', value: 'Infinity'}}, 'price'],
		['price NaN string', {price: {state: 'ok', value: 'NaN'}}, 'price'],
		['price as a JS number', {price: {state: 'ok', value: 60000}}, 'price'],
		['price with an exponent', {price: {state: 'ok', value: '6e4'}}, 'price'],
		['price above 1e30', {price: {state: 'ok', value: '1' + '0'.repeat(31)}}, 'price'],
		['price oversized string', {price: {state: 'ok', value: '1'.repeat(10_000)}}, 'price'],
		['price hex', {price: {state: 'ok', value: '0x10'}}, 'price'],
		['price grouped', {price: {state: 'ok', value: '60,000'}}, 'price'],
		['leverage NaN', {leverage: {state: 'ok', value: 'NaN'}}, 'leverage'],
		['leverage null', {leverage: {state: 'ok', value: null}}, 'leverage'],
		['leverage object', {leverage: {state: 'ok', value: {valueOf: '5'}}}, 'leverage'],
		['size unit unknown', {size: {state: 'ok', value: {value: '1', unit: 'lots'}}}, 'size'],
		['size as a bare string', {size: {state: 'ok', value: '1'}}, 'size'],
		['size 1e309', {size: {state: 'ok', value: {value: '1e309', unit: 'base'}}}, 'size'],
		['side not an enum', {side: {state: 'ok', value: 'sideways'}}, 'side'],
		['order type not an enum', {orderType: {state: 'ok', value: 'stop'}}, 'orderType'],
		['margin mode not an enum', {marginMode: {state: 'ok', value: 'portfolio'}}, 'marginMode'],
		['state unknown', {price: {state: 'guessed', value: '1'}}, 'price'],
		['unread reason unknown', {price: {state: 'unread', reason: 'because'}}, 'price'],
		['text not a string', {price: {state: 'ok', value: '1', text: 5}}, 'price'],
		['field missing', {price: undefined}, 'price'],
		['field an array', {price: [{state: 'ok', value: '1'}]}, 'price'],
		['symbol with markup', {symbol: {state: 'ok', value: '<img src=x onerror=alert(1)>'}}, 'symbol'],
		['symbol oversized', {symbol: {state: 'ok', value: 'A'.repeat(41)}}, 'symbol'],
		['adapter with markup', {adapter: '<b>demo</b>'}, 'adapter'],
		['adapter oversized', {adapter: 'a'.repeat(41)}, 'adapter'],
		['venue unknown', {venue: 'ftx'}, 'venue'],
		['venue prototype key', {venue: 'constructor'}, 'venue'],
		['contract value NaN', {contractValue: 'NaN'}, 'contractValue'],
		['funding rate 1e309', {fundingRate: {state: 'ok', value: '1e309'}}, 'fundingRate'],
	];

	test.each(draftCases)('%s → invalid-payload naming draft.%s', async (_name, override, field) => {
		const draft: Record<string, unknown> = {...demoDraft(), ...override};
		for (const [key, value] of Object.entries(override)) if (value === undefined) delete draft[key];
		const {reply, called} = await replyTo(envelope({revision: 1, draft}));
		expect(reply).toMatchObject({ok: false, error: {name: 'invalid-payload'}});
		expect((reply as {error: {message: string}}).error.message.split(', ')).toContain(`draft.${field}`);
		expect(called).toEqual([]);
	});

	test.each([
		['negative', -1],
		['fractional', 1.5],
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['a string', '1'],
		['above 2^53', 2 ** 53],
		['missing', undefined],
	])('revision %s → invalid-payload naming revision', async (_name, revision) => {
		const {reply} = await replyTo(envelope({revision, draft: demoDraft()}));
		expect(reply).toMatchObject({ok: false, error: {name: 'invalid-payload', message: expect.stringContaining('revision')}});
	});

	test('long text from the page is cut to 200 characters', () => {
		const checked = checkDraft({...demoDraft(), price: {state: 'ok', value: '1', text: 'x'.repeat(1_000_000)}});
		expect(checked.ok && checked.value.price.state === 'ok' && checked.value.price.text?.length).toBe(200);
	});

	test('a prototype-polluting payload pollutes nothing', async () => {
		const raw = JSON.parse(`{"revision":1,"draft":${JSON.stringify(demoDraft()).replace(/^\{/, '{"__proto__":{"polluted":true},')}}`) as unknown;
		const {reply} = await replyTo(envelope(raw));
		expect(reply).toMatchObject({ok: true});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('out-of-range numbers that pass the format check: the engine names the field', () => {
	/** The field named by the reply: the guard's problems, the engine's needs, or a side's input issues. */
	async function namedFields(override: Partial<OrderDraft>): Promise<string[]> {
		const {reply} = await replyTo(envelope({revision: 1, draft: demoDraft(override)}));
		const r = reply as {ok: boolean; error?: {message: string}; value?: ReturnType<typeof evaluateDraft>};
		if (!r.ok) return (r.error?.message ?? '').split(', ').map(name => name.replace(/^draft\./, ''));
		const {assessment} = r.value!;
		const sides = [assessment.long, assessment.short].flatMap(side => (side && !side.ok ? side.issues.map(issue => issue.field) : []));
		return [...assessment.needs, ...sides];
	}

	test.each<[string, Partial<OrderDraft>, RegExp]>([
		['leverage 0', {leverage: {state: 'ok', value: '0'}}, /leverage/i],
		['leverage negative', {leverage: {state: 'ok', value: '-5'}}, /leverage/i],
		['leverage above the venue maximum (Binance BTC 125x)', {leverage: {state: 'ok', value: '1000'}}, /leverage/i],
		['size negative', {size: {state: 'ok', value: {value: '-0.5', unit: 'base'}}}, /size|quantity/i],
		['size 0', {size: {state: 'ok', value: {value: '0', unit: 'base'}}}, /size|quantity/i],
		['price 0', {price: {state: 'ok', value: '0'}}, /price/i],
		['price negative', {price: {state: 'ok', value: '-60000'}}, /price/i],
		['balance negative (cross)', {marginMode: {state: 'ok', value: 'cross'}, balance: {state: 'ok', value: '-1'}}, /balance/i],
	])('%s', async (_name, override, field) => {
		const fields = await namedFields(override);
		expect(fields.some(name => field.test(name)), `named: ${JSON.stringify(fields)}`).toBe(true);
	});
});
