import {describe, expect, it} from 'vitest';
import type {FieldRead, OrderDraft} from '../../../src/core/draft.js';
import {formFromDraft, unreadChoices} from '../../../src/popup/calculator-form.js';

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

describe('prefill choices left at a default', () => {
	it('names an unread or unpicked side and an unread margin mode, so the note can say they are defaults', () => {
		expect(unreadChoices(draft({}))).toEqual([]);
		expect(unreadChoices(draft({side: ok('both'), marginMode: notFound}))).toEqual(['side', 'marginMode']);
		expect(formFromDraft(draft({side: ok('both'), marginMode: notFound}))).toMatchObject({side: 'long', marginMode: 'isolated'});
	});

	it('an unread margin mode is no default on a venue without cross margin (GMX): isolated is all there is', () => {
		expect(unreadChoices(draft({adapter: 'gmx-v2', venue: 'gmx-v2', marginMode: notFound}))).toEqual([]);
	});
});
