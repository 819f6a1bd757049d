/**
 * paramsFor's decision (live, typed, fallback with the bundled table's date, disabled) and the one conversion of
 * market parameters into engine input, including OKX's contract tiers: the tier holding the order's contracts,
 * its rate for the whole position, no deduction.
 */
import {describe, expect, test} from 'vitest';
import {resolveMarket} from '../../../../src/background/market-data/resolve.js';
import {draftQuantity, marketInput} from '../../../../src/background/market-data/to-input.js';
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
		expect(marketInput(answer.params)).toEqual({tiers: [{notionalFloor: '0', maintenanceMarginRate: '0.01', maintenanceDeduction: '0'}]});
	});
});

describe('marketInput', () => {
	test('OKX: 15 contracts of 0.01 BTC (0.15 BTC) sit in tier 1: rate 0.004, deduction 0', () => {
		expect(marketInput(LIVE_OKX, '0.15')).toEqual({contractValue: '0.01', maintenanceMarginRate: '0.004', maintenanceDeduction: '0', maxLeverage: '100'});
	});

	test('OKX: 25 BTC = 2,500 contracts sit in tier 2, whatever the price', () => {
		expect(marketInput(LIVE_OKX, '25')).toMatchObject({maintenanceMarginRate: '0.006', maintenanceDeduction: '0', maxLeverage: '75'});
	});

	test('OKX: 2,000.5 contracts (above tier 1’s maxSz 2,000, below tier 2’s minSz 2,001) sit in tier 2', () => {
		expect(marketInput(LIVE_OKX, '20.005')).toMatchObject({maintenanceMarginRate: '0.006'});
	});

	test('OKX: without the size, or past the last tier, no rate (the fallback states itself)', () => {
		expect(marketInput(LIVE_OKX)).toEqual({contractValue: '0.01'});
		expect(marketInput(LIVE_OKX, '100')).toEqual({contractValue: '0.01'});
	});

	test('notional tiers pass as they are; dYdX’s MMF is the rate; GMX’s factor and floor', () => {
		const tiers = [{notionalFloor: '0', notionalCap: '200000', maintenanceMarginRate: '0.01', maintenanceDeduction: '0'}];
		const source = LIVE_OKX.source;
		expect(marketInput({venue: 'bybit-linear', symbol: 'SOLUSDT', tiers, tierBasis: 'notional', fundingIntervalHours: '4', source})).toEqual({tiers, fundingIntervalHours: '4'});
		expect(marketInput({venue: 'dydx-v4', symbol: 'SOL-USD', initialMarginFraction: '0.05', maintenanceMarginFraction: '0.03', maxLeverage: '20', source})).toEqual({maintenanceMarginRate: '0.03', maxLeverage: '20'});
		expect(marketInput({venue: 'gmx-v2', symbol: 'SOL/USD', minCollateralFactor: '0.008', minCollateralUsd: '1', source})).toEqual({minCollateralFactor: '0.008', minCollateralUsd: '1'});
	});
});

describe('draftQuantity', () => {
	const read = <T>(value: T) => ({state: 'ok' as const, value});
	const empty = {state: 'empty' as const};
	const base = {adapter: 'okx-swap', venue: 'okx-swap', symbol: read('BTC-USDT-SWAP'), side: read('long'), orderType: read('limit'), price: read('90000'), markPrice: empty, leverage: read('10'), marginMode: read('isolated'), balance: empty, stopLoss: empty, takeProfit: empty, venueLiquidationPrice: empty, fundingRate: empty, fundingCountdownSeconds: empty} as const;
	test('contracts × contract value; USDT at the limit price; margin × leverage', () => {
		expect(draftQuantity({...base, size: read({value: '15', unit: 'contracts'})} as unknown as OrderDraft, '0.01')).toBe('0.15');
		expect(draftQuantity({...base, size: read({value: '9000', unit: 'quote'})} as unknown as OrderDraft)).toBe('0.1');
		expect(draftQuantity({...base, size: read({value: '900', unit: 'margin'})} as unknown as OrderDraft)).toBe('0.1');
		expect(draftQuantity({...base, size: read({value: '15', unit: 'contracts'})} as unknown as OrderDraft)).toBeUndefined();
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
