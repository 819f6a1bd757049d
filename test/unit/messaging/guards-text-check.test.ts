/**
 * The payload check reads amounts as text: the same check `parseDecimal` starts with, and no Decimal built (the
 * engine parses each number once). Here `parseDecimal` throws, so a guard that parsed would fail every test.
 */
import {describe, expect, test, vi} from 'vitest';
import {checkDraft, checkEvaluateDraftRequest} from '../../../src/messaging/guards.js';
import {demoDraft} from './draft-fixture.js';

vi.mock('../../../src/core/decimal.js', async importOriginal => {
	const actual = await importOriginal<typeof import('../../../src/core/decimal.js')>();
	return {
		...actual,
		parseDecimal: () => {
			throw new Error('the payload check must not build a Decimal');
		},
	};
});

const E30 = `1${'0'.repeat(30)}`;
const withPrice = (value: unknown) => checkDraft({...demoDraft(), price: {state: 'ok', value}});

describe('payload guards check amounts as text', () => {
	test('a full draft with every amount read passes without a parse, each amount in its canonical text', () => {
		const checked = checkEvaluateDraftRequest({
			revision: 1,
			draft: {
				...demoDraft(),
				price: {state: 'ok', value: '060000.50'},
				markPrice: {state: 'ok', value: '60010.0'},
				size: {state: 'ok', value: {value: '.25', unit: 'base'}},
				leverage: {state: 'ok', value: '20.'},
				balance: {state: 'ok', value: ' 5000 '},
				stopLoss: {state: 'ok', value: '58500.00'},
				takeProfit: {state: 'ok', value: '63000'},
				venueLiquidationPrice: {state: 'ok', value: '57800.10'},
				fundingRate: {state: 'ok', value: '-0.000100'},
				fundingCountdownSeconds: {state: 'ok', value: '28740'},
				venueMargin: {state: 'ok', value: '750.00'},
				venueOrderValue: {state: 'ok', value: '15000.000'},
				contractValue: '0.0100',
			},
		});
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		const {draft} = checked.value;
		expect([draft.price, draft.markPrice, draft.leverage, draft.balance, draft.stopLoss, draft.venueLiquidationPrice, draft.fundingRate]).toEqual(
			['60000.5', '60010', '20', '5000', '58500', '57800.1', '-0.0001'].map(value => ({state: 'ok', value})),
		);
		expect(draft.size).toEqual({state: 'ok', value: {value: '0.25', unit: 'base'}});
		expect(draft.venueMargin).toEqual({state: 'ok', value: '750'});
		expect(draft.venueOrderValue).toEqual({state: 'ok', value: '15000'});
		expect(draft.contractValue).toBe('0.01');
	});

	test.each([
		[E30, E30],
		[`${E30}.0`, E30],
		[`-${E30}`, `-${E30}`],
		['-0', '0'],
		['.5', '0.5'],
		['5.', '5'],
		[`${'0'.repeat(75)}1`, '1'],
		[`${'0'.repeat(60)}1${'0'.repeat(15)}`, `1${'0'.repeat(15)}`],
		['7'.padStart(80, '0'), '7'],
		[` ${'7'.padStart(80, '0')} `, '7'],
	])('%j passes as %j', (value, canonical) => {
		const checked = withPrice(value);
		expect(checked.ok && checked.value.price).toEqual({state: 'ok', value: canonical});
	});

	test.each([
		[`${E30}.1`, 'above 1e30 by a tenth'],
		[`2${'0'.repeat(30)}`, '31 digits above 1e30'],
		[`${'9'.repeat(31)}`, '31 nines'],
		['7'.padStart(81, '0'), '81 characters'],
		['6e4', 'an exponent'],
		['60,000', 'grouping'],
		['60 000', 'grouping by a space'],
		['NaN', 'NaN'],
		['Infinity', 'Infinity'],
		['\u200e60000', 'a left-to-right mark'],
		['60000\u202c', 'a bidi pop'],
		['\u206660000\u2069', 'an isolate'],
		['\uff16\uff10\uff10\uff10\uff10', 'full-width digits'],
		['', 'empty text'],
		[60000, 'a number, not text'],
	] as [unknown, string][])('%j is refused (%s) and the field named', value => {
		expect(withPrice(value)).toEqual({ok: false, problems: ['price']});
	});

	test('the size and the optional figures go through the same check', () => {
		expect(checkDraft({...demoDraft(), size: {state: 'ok', value: {value: `${E30}.1`, unit: 'base'}}})).toEqual({ok: false, problems: ['size']});
		expect(checkDraft({...demoDraft(), venueMargin: {state: 'ok', value: '1e3'}})).toEqual({ok: false, problems: ['venueMargin']});
		expect(checkDraft({...demoDraft(), contractValue: '0,01'})).toEqual({ok: false, problems: ['contractValue']});
	});
});
