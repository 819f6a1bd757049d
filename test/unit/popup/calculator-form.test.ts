import {describe, expect, it} from 'vitest';
import type {FieldRead, OrderDraft} from '../../../src/core/draft.js';
import {formFromDraft} from '../../../src/popup/calculator-form.js';

const ok = <T>(value: T): FieldRead<T> => ({state: 'ok', value});
const notFound = {state: 'unread', reason: 'not-found'} as const;

function draft(overrides: Partial<OrderDraft>): OrderDraft {
	return {
		adapter: 'binance-usdm',
		venue: 'binance-usdm',
		symbol: ok('BTCUSDT'),
		side: ok('long'),
		orderType: ok('limit'),
		price: ok('59000'),
		markPrice: ok('60000'),
		size: ok({value: '0.5', unit: 'base'}),
		leverage: ok('10'),
		marginMode: ok('isolated'),
		balance: notFound,
		stopLoss: {state: 'empty'},
		takeProfit: {state: 'empty'},
		venueLiquidationPrice: notFound,
		fundingRate: notFound,
		fundingCountdownSeconds: notFound,
		...overrides,
	};
}

describe('calculator prefill from the draft read on the tab: the entry and size the panel assessed', () => {
	it('a limit order enters at its price; a market order at the mark, even with a price still read in the form', () => {
		expect(formFromDraft(draft({})).entryPrice).toBe('59000');
		expect(formFromDraft(draft({orderType: ok('market')})).entryPrice).toBe('60000');
		expect(formFromDraft(draft({orderType: notFound})).entryPrice).toBe('59000');
		expect(formFromDraft(draft({orderType: notFound, price: {state: 'empty'}})).entryPrice).toBe('60000');
	});

	it('a size read as margin (Aster Simple "Amount", GMX "Pay") is carried over as margin', () => {
		const form = formFromDraft(draft({size: ok({value: '120', unit: 'margin'})}));
		expect(form.size).toBe('120');
		expect(form.sizeUnit).toBe('margin');
	});
});
