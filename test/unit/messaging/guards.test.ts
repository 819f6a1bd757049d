import {describe, expect, test} from 'vitest';
import {checkDraft, checkEvaluateDraftRequest, isTrustedSender} from '../../../src/messaging/guards.js';
import {demoDraft} from './draft-fixture.js';

describe('payload guards', () => {
	test('a well-formed draft passes and comes back rebuilt without unknown keys', () => {
		const raw = {...demoDraft(), injected: '<script>', price: {state: 'ok', value: '60000.50', extra: 1}};
		const checked = checkDraft(raw);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.value).not.toHaveProperty('injected');
		expect(checked.value.price).toEqual({state: 'ok', value: '60000.5'});
	});

	test.each([
		['exponent', {price: {state: 'ok', value: '6e4'}}, 'price'],
		['NaN', {leverage: {state: 'ok', value: 'NaN'}}, 'leverage'],
		['Infinity', {markPrice: {state: 'ok', value: 'Infinity'}}, 'markPrice'],
		['a number instead of a string', {balance: {state: 'ok', value: 10_000}}, 'balance'],
		['grouping', {price: {state: 'ok', value: '60,000'}}, 'price'],
		['an unknown side', {side: {state: 'ok', value: 'up'}}, 'side'],
		['an unknown size unit', {size: {state: 'ok', value: {value: '1', unit: 'lots'}}}, 'size'],
		['an unknown read state', {stopLoss: {state: 'maybe'}}, 'stopLoss'],
		['a missing field', {takeProfit: undefined}, 'takeProfit'],
		['an oversized number', {price: {state: 'ok', value: '1'.repeat(40)}}, 'price'],
	])('a draft with %s is rejected and the field is named', (_name, override, field) => {
		const checked = checkDraft({...demoDraft(), ...override});
		expect(checked).toEqual({ok: false, problems: [field]});
	});

	test.each(['base', 'quote', 'contracts', 'margin'])('a size in %s passes (Aster Simple sends its collateral as margin)', unit => {
		const checked = checkDraft({...demoDraft(), venue: 'aster-simple', size: {state: 'ok', value: {value: '25', unit}}});
		expect(checked.ok && checked.value.size).toEqual({state: 'ok', value: {value: '25', unit}});
	});

	test('the venue\'s own margin and order value pass checked, and stay absent when absent', () => {
		const withFigures = checkDraft({
			...demoDraft(),
			venueMargin: {state: 'ok', value: '600.00', text: '600.00 USDT', extra: 'x'},
			venueOrderValue: {state: 'empty'},
		});
		expect(withFigures.ok && withFigures.value.venueMargin).toEqual({state: 'ok', value: '600', text: '600.00 USDT'});
		expect(withFigures.ok && withFigures.value.venueOrderValue).toEqual({state: 'empty'});
		const without = checkDraft(demoDraft());
		expect(without.ok && 'venueMargin' in without.value).toBe(false);
		expect(without.ok && 'venueOrderValue' in without.value).toBe(false);
	});

	test.each([
		['venueMargin', {state: 'ok', value: '6e2'}],
		['venueOrderValue', {state: 'ok', value: 'Infinity'}],
		['venueMargin', {state: 'perhaps'}],
		['venueOrderValue', 'thirty thousand'],
	])('a draft whose %s is malformed is rejected and the field is named', (field, value) => {
		expect(checkDraft({...demoDraft(), [field]: value})).toEqual({ok: false, problems: [field]});
	});

	test('venue and adapter id are checked against the known ids and the kebab-case shape', () => {
		expect(checkDraft({...demoDraft(), venue: 'mt-gox'})).toEqual({ok: false, problems: ['venue']});
		expect(checkDraft({...demoDraft(), adapter: 'Demo Adapter'})).toEqual({ok: false, problems: ['adapter']});
	});

	test('unread text is cut to a bounded length', () => {
		const checked = checkDraft({...demoDraft(), size: {state: 'unread', reason: 'unparseable', text: 'x'.repeat(10_000)}});
		expect(checked.ok && checked.value.size.text?.length).toBe(200);
	});

	test('the revision must be a non-negative safe integer', () => {
		expect(checkEvaluateDraftRequest({revision: 3, draft: demoDraft()}).ok).toBe(true);
		for (const revision of [-1, 1.5, '3', Number.MAX_SAFE_INTEGER + 2]) {
			expect(checkEvaluateDraftRequest({revision, draft: demoDraft()})).toEqual({ok: false, problems: ['revision']});
		}
	});

	test('only our own content script in a top frame of a tab is trusted', () => {
		expect(isTrustedSender({id: 'me', tab: {id: 4}, frameId: 0}, 'me')).toBe(true);
		expect(isTrustedSender({id: 'other', tab: {id: 4}, frameId: 0}, 'me')).toBe(false);
		expect(isTrustedSender({id: 'me', frameId: 0}, 'me')).toBe(false);
		expect(isTrustedSender({id: 'me', tab: {id: 4}, frameId: 2}, 'me')).toBe(false);
		expect(isTrustedSender(undefined, 'me')).toBe(false);
	});
});
