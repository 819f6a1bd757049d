/**
 * paramsFor's decision (live, typed, fallback with the bundled table's date, disabled) and the typed-rate store. How
 * the core uses the parameters (OKX's contract tiers among them) is tested in test/unit/core/market-params.test.ts.
 */
import {describe, expect, test} from 'vitest';
import {resolveMarket} from '../../../../src/background/market-data/resolve.js';
import {readTypedRate, saveTypedRate, typedRateKey} from '../../../../src/background/market-data/typed-rates.js';
import type {MarketParams} from '../../../../src/core/market-params.js';
import type {OrderDraft} from '../../../../src/core/draft.js';
import {FakeStorageArea} from '../../settings/fake-storage.js';

const LIVE_OKX: MarketParams = {
	venue: 'okx-swap',
	symbol: 'BTC-USDT-SWAP',
	contractValue: '0.01',
	maxLeverage: '100',
	tierBasis: 'contracts',
	tiers: [
		{notionalFloor: '0', notionalCap: '2000', maintenanceMarginRate: '0.004', maintenanceDeduction: '0', maxLeverage: '100'},
		{notionalFloor: '2001', notionalCap: '4000', maintenanceMarginRate: '0.006', maintenanceDeduction: '0', maxLeverage: '75'},
	],
	source: {kind: 'live', label: 'OKX position tiers', url: 'https://www.okx.com/api/v5/public/position-tiers', fetchedAtMs: 1},
};

describe('resolveMarket', () => {
	test('live params when enabled and cached', () => {
		expect(resolveMarket({venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', isEnabled: true, lookup: {state: 'live', params: LIVE_OKX}})).toEqual({
			params: LIVE_OKX,
			notice: {state: 'live', source: LIVE_OKX.source},
		});
	});

	test('switched off: no live params even if a lookup had them; the bundled table’s date is the source', () => {
		const answer = resolveMarket({venue: 'binance-usdm', symbol: 'ETHUSDT', isEnabled: false, lookup: {state: 'live', params: LIVE_OKX}});
		expect(answer.params).toBeUndefined();
		expect(answer.notice).toEqual({
			state: 'disabled',
			source: {kind: 'bundled', label: 'bundled table', url: 'https://github.com/freqtrade/freqtrade/blob/HEAD/freqtrade/exchange/binance_leverage_tiers.json', asOf: '2024-10-24'},
		});
	});

	test('a market with neither live nor bundled data: the lookup’s state, no source', () => {
		expect(resolveMarket({venue: 'okx-swap', symbol: 'SOL-USDT-SWAP', isEnabled: true, lookup: {state: 'unavailable'}})).toEqual({notice: {state: 'unavailable'}});
		expect(resolveMarket({venue: 'binance-usdm', symbol: 'SOLUSDT', isEnabled: true, lookup: {state: 'unsupported'}})).toEqual({notice: {state: 'unsupported'}});
	});

	test('the typed rate when nothing live: one tier, the rate for the whole position, source typed', () => {
		const answer = resolveMarket({venue: 'binance-usdm', symbol: 'SOLUSDT', isEnabled: true, lookup: {state: 'unsupported'}, typed: {rate: '0.01', savedAtMs: 5}});
		expect(answer.notice).toEqual({state: 'typed', source: {kind: 'typed', savedAtMs: 5}});
		expect(answer.params).toMatchObject({tiers: [{notionalFloor: '0', maintenanceMarginRate: '0.01', maintenanceDeduction: '0'}], tierBasis: 'notional'});
	});
});

describe('typed rates', () => {
	test('saved per venue and market in the given area; refused outside (0, 1)', async () => {
		const area = new FakeStorageArea();
		expect(await saveTypedRate(area, 'binance-usdm', 'solusdt', '0.0125', 7)).toBe(true);
		expect(area.items.get(typedRateKey('binance-usdm', 'SOLUSDT'))).toEqual({rate: '0.0125', savedAtMs: 7});
		expect(await readTypedRate(area, 'binance-usdm', 'SOLUSDT')).toEqual({rate: '0.0125', savedAtMs: 7});
		expect(await readTypedRate(area, 'aster-pro', 'SOLUSDT')).toBeUndefined();
		expect(await saveTypedRate(area, 'binance-usdm', 'SOLUSDT', '1', 8)).toBe(false);
		expect(await saveTypedRate(area, 'binance-usdm', 'SOLUSDT', '-0.1', 8)).toBe(false);
		area.items.set(typedRateKey('binance-usdm', 'DOGEUSDT'), {rate: 'lots', savedAtMs: 1});
		expect(await readTypedRate(area, 'binance-usdm', 'DOGEUSDT')).toBeUndefined();
	});
});
