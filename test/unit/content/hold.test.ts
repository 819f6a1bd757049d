/** The gate's notice and allowance around decideGate: one acknowledgement allows one submit of that order. */
import {afterEach, describe, expect, test} from 'vitest';
import type {OrderDraft} from '../../../src/core/draft.js';
import type {EvaluateDraftResult} from '../../../src/messaging/protocol.js';
import {createHold} from '../../../src/content/hold.js';
import {demoDraft} from '../messaging/draft-fixture.js';

const long: OrderDraft = demoDraft({side: {state: 'ok', value: 'long'}});
const danger = {rule: 'leverage-high', severity: 'danger' as const, message: 'm', messageKey: 'k', substitutions: []};
const fresh = {
	revision: 1,
	gateMode: 'confirm',
	assessment: {state: 'ready', needs: [], long: {ok: true, assessment: {figures: {}, warnings: [danger], worst: 'danger'}}},
} as unknown as EvaluateDraftResult;

const controller = new AbortController();
afterEach(() => controller.abort());

describe('one "I understand", one submit', () => {
	test('a submit that passes unchecked (reply pending) uses the allowance up: the same order later is held again', () => {
		let now = 0;
		const hold = createHold({nowMs: () => now, signal: controller.signal, onChange: () => undefined});
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
		hold.acknowledge();
		expect(hold.notice()?.status).toBe('armed');
		// A mark-price tick: a new revision whose reply is still pending when the user submits.
		now = 1000;
		expect(hold.judge(long, 'draft', undefined)).toBe('pass');
		expect(hold.notice()).toBeUndefined();
		// The same order again within 15 s, with a fresh reply: held, not waved through by the spent allowance.
		now = 5000;
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
	});

	test('the acknowledged submit itself passes on the allowance, once', () => {
		let now = 0;
		const hold = createHold({nowMs: () => now, signal: controller.signal, onChange: () => undefined});
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
		hold.acknowledge();
		now = 2000;
		expect(hold.judge(long, 'draft', fresh)).toBe('pass');
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
	});

	test('a held notice stays through a tick of the market, and goes with a change of the order or the form', () => {
		let changes = 0;
		const hold = createHold({nowMs: () => 0, signal: controller.signal, onChange: () => (changes += 1)});
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
		hold.formChanged({...long, markPrice: {state: 'ok', value: '60050'}, balance: {state: 'ok', value: '9990'}});
		expect(hold.notice()?.status).toBe('held');
		hold.formChanged({...long, size: {state: 'ok', value: {value: '0.4', unit: 'base'}}});
		expect(hold.notice()).toBeUndefined();
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
		hold.formChanged(undefined);
		expect(hold.notice()).toBeUndefined();
		// Held, then the same order passes (no answer stands for it): the notice goes, and the panel is told.
		expect(hold.judge(long, 'draft', fresh)).toBe('hold');
		const before = changes;
		expect(hold.judge(long, 'draft', undefined)).toBe('pass');
		expect(hold.notice()).toBeUndefined();
		expect(changes).toBe(before + 1);
	});
});
