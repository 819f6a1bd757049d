import type {OrderDraft} from '../../../src/core/draft.js';

/** A complete demo-page draft: isolated 50x, 0.5 BTC at 60,000, side not chosen. */
export function demoDraft(overrides: Partial<OrderDraft> = {}): OrderDraft {
	return {
		adapter: 'demo',
		venue: 'binance-usdm',
		symbol: {state: 'ok', value: 'BTCUSDT'},
		side: {state: 'ok', value: 'both'},
		orderType: {state: 'ok', value: 'limit'},
		price: {state: 'ok', value: '60000', text: '60000'},
		markPrice: {state: 'ok', value: '60000'},
		size: {state: 'ok', value: {value: '0.5', unit: 'base'}},
		leverage: {state: 'ok', value: '50'},
		marginMode: {state: 'ok', value: 'isolated'},
		balance: {state: 'ok', value: '10000'},
		stopLoss: {state: 'empty'},
		takeProfit: {state: 'empty'},
		venueLiquidationPrice: {state: 'unread', reason: 'not-found'},
		fundingRate: {state: 'ok', value: '0.0001'},
		fundingCountdownSeconds: {state: 'ok', value: '28740'},
		...overrides,
	};
}
