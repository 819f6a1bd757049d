import type {OrderDraft} from '../../../src/core/draft.js';
import type {MarketParams} from '../../../src/core/market-params.js';

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

/**
 * Market data as the worker would hand it over for the demo's BTCUSDT: Binance's first two brackets (0.4 % up to
 * 50,000 at 125x, 0.5 % up to 600,000 at 100x, deduction 50), labelled live, so figures on it may be facts.
 */
export const LIVE_BTCUSDT: MarketParams = {
	venue: 'binance-usdm',
	symbol: 'BTCUSDT',
	tierBasis: 'notional',
	tiers: [
		{notionalFloor: '0', notionalCap: '50000', maintenanceMarginRate: '0.004', maintenanceDeduction: '0', maxLeverage: '125'},
		{notionalFloor: '50000', notionalCap: '600000', maintenanceMarginRate: '0.005', maintenanceDeduction: '50', maxLeverage: '100'},
		{notionalFloor: '600000', maintenanceMarginRate: '0.0065', maintenanceDeduction: '950', maxLeverage: '75'},
	],
	source: {kind: 'live', label: 'Binance brackets', url: 'https://example.invalid/brackets', fetchedAtMs: 0},
};
