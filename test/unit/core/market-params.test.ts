/**
 * Market parameters as engine input, their source on every figure, OKX's contract-based position tiers and the
 * fallbacks (bundled table, the venue's own estimate, a range). Expected values are worked by hand in the comments.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {DEFAULT_ENGINE_SETTINGS} from '../../../src/core/engine-settings.js';
import {computeOutput} from '../../../src/core/outputs.js';
import type {AssessInput, Assessment} from '../../../src/core/types.js';
import type {MarketParams} from '../../../src/core/market-params.js';

const D = (value: string | number) => new Decimal(value);
const ok = <T>(value: T) => ({state: 'ok' as const, value});
const empty = {state: 'empty' as const};

function assessed(input: AssessInput, options: Parameters<typeof assess>[2] = {}): Assessment {
	const result = assess(input, undefined, options);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.value;
}
const price = (assessment: Assessment) => {
	const {liquidation} = assessment.figures;
	if (liquidation.kind !== 'price') throw new Error('no liquidation price');
	return D(liquidation.price);
};
const near = (got: Decimal, expected: Decimal, tolerance = '1e-9') => expect(got.minus(expected).abs().lte(tolerance), `${got} ≠ ${expected}`).toBe(true);

const LIVE = {kind: 'live', label: 'OKX position tiers', url: 'https://www.okx.com/api/v5/public/position-tiers', fetchedAtMs: 1_764_800_000_000} as const;

/** A two-tier table in contracts, contract value 1 and mark 1, so contracts = notional (the issue's check). */
const twoTiers = [
	{notionalFloor: '0', notionalCap: '200000', maintenanceMarginRate: '0.005'},
	{notionalFloor: '200000', maintenanceMarginRate: '0.01'},
];

describe('OKX position tiers: by contracts, fixed tier, whole-position rate, no deduction', () => {
	const position = {venue: 'okx-swap', symbol: 'ADA-USDT-SWAP', contracts: '360000', contractValue: '1', entryPrice: '1', markPrice: '1', tiers: twoTiers} as const;

	it('a position worth 360,000 in tier 2 (1 %) has a maintenance margin of 3,600, not 2,600', () => {
		// OKX: 360,000 × 1 % = 3,600. The notional recursion would subtract D₂ = 200,000 × (1 % − 0.5 %) = 1,000.
		expect(computeOutput('maintenanceMargin', {...position, tierBasis: 'contracts'})).toEqual({ok: true, value: '3600'});
		expect(computeOutput('maintenanceDeduction', {...position, tierBasis: 'contracts'})).toEqual({ok: true, value: '0'});
		// The same table read as notional brackets (the old engine's reading) gives the understated 2,600.
		expect(computeOutput('maintenanceMargin', {...position})).toEqual({ok: true, value: '2600'});
	});

	it('keeps the tier of the contracts even when the notional at the liquidation price falls below the tier floor', () => {
		// Long 250,000 contracts at 1, 4x, no fee: M = 62,500. Tier 2 (1 %): LP = (1 − 0.25) / (1 − 0.01) = 0.757575…
		// (notional there 189,394 < 200,000: a notional engine would switch to tier 1 and answer 0.75 / 0.995).
		const input: AssessInput = {venue: 'okx-swap', symbol: 'ADA-USDT-SWAP', side: 'long', marginMode: 'isolated', contracts: '250000', contractValue: '1', entryPrice: '1', leverage: '4', takerFeeRate: '0', tiers: twoTiers, tierBasis: 'contracts'};
		const contracts = assessed(input);
		near(price(contracts), D('0.75').div('0.99'));
		expect(contracts.figures.maintenanceMarginRate).toBe('0.01');
		const {tierBasis: _, ...asNotional} = input;
		near(price(assessed(asNotional)), D('0.75').div('0.995'));
	});

	it('needs the contract value to count contracts', () => {
		const result = assess({venue: 'okx-swap', symbol: 'ADA-USDT-SWAP', side: 'long', quantity: '1000', entryPrice: '1', leverage: '5', tiers: twoTiers, tierBasis: 'contracts'});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]).toMatchObject({field: 'contractValue', code: 'missing'});
	});

	it('a position past the last capped tier is refused, not guessed', () => {
		const capped = [{notionalFloor: '0', notionalCap: '100', maintenanceMarginRate: '0.005'}];
		const result = assess({venue: 'okx-swap', side: 'long', contracts: '150', contractValue: '1', entryPrice: '1', leverage: '5', tiers: capped, tierBasis: 'contracts'});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]).toMatchObject({field: 'tiers', code: 'out-of-range'});
	});
});

const okxDraft = (patch: Partial<OrderDraft> = {}): OrderDraft => ({
	adapter: 'okx-swap',
	venue: 'okx-swap',
	symbol: ok('BTC-USDT-SWAP'),
	side: ok('long' as const),
	orderType: ok('limit' as const),
	price: ok('60000'),
	markPrice: ok('60000'),
	size: ok({value: '50', unit: 'contracts' as const}),
	leverage: ok('10'),
	marginMode: ok('isolated' as const),
	balance: ok('10000'),
	stopLoss: empty,
	takeProfit: empty,
	venueLiquidationPrice: {state: 'unread', reason: 'not-found'},
	fundingRate: empty,
	fundingCountdownSeconds: empty,
	...patch,
});
const okxMarket: MarketParams = {
	venue: 'okx-swap',
	symbol: 'BTC-USDT-SWAP',
	tiers: [
		{notionalFloor: '0', notionalCap: '500', maintenanceMarginRate: '0.004', maxLeverage: '100'},
		{notionalFloor: '500', notionalCap: '1000', maintenanceMarginRate: '0.006', maxLeverage: '75'},
	],
	tierBasis: 'contracts',
	contractValue: '0.01',
	fundingIntervalHours: '4',
	maxLeverage: '100',
	source: LIVE,
};
const longOf = (result: ReturnType<typeof assessDraft>): Assessment => {
	if (!result.long?.ok) throw new Error(JSON.stringify(result));
	return result.long.assessment;
};

describe('OKX BTC-USDT-SWAP from the popup/panel draft', () => {
	it('with live position tiers: the tier-1 rate, labelled live, counted as fact', () => {
		// 50 contracts × 0.01 = 0.5 BTC; M = 30,000 / 10 = 3,000; LP = (60,000 − 6,000) / (1 − 0.004 − 0.0005 taker).
		const assessment = longOf(assessDraft(okxDraft(), undefined, {market: okxMarket}));
		near(price(assessment), D(54000).div('0.9955'));
		expect(assessment.figures.parameterSource).toEqual(LIVE);
		expect(assessment.figures.parametersAreFact).toBe(true);
		expect(assessment.figures.liquidationRange).toBeUndefined();
	});

	it('uses the market funding interval instead of the venue default', () => {
		const assessment = longOf(assessDraft(okxDraft({fundingRate: ok('0.0001')}), undefined, {market: okxMarket}));
		expect(assessment.figures.funding?.intervalHours).toBe('4');
		expect(assessment.figures.assumptions.some(line => line.startsWith('Funding every'))).toBe(false);
	});

	it('without any table or estimate: a range over OKX tier-1 rates (0.5–1 %), never fact', () => {
		// LP(m) = 54,000 / (1 − m − 0.0005): m = 0.5 % → 54,000 / 0.9945; m = 1 % → 54,000 / 0.9895 (nearer).
		const assessment = longOf(assessDraft(okxDraft()));
		const {figures} = assessment;
		expect(figures.parameterSource.kind).toBe('range');
		expect(figures.parametersAreFact).toBe(false);
		near(D(figures.liquidationRange!.low), D(54000).div('0.9945'));
		near(D(figures.liquidationRange!.high), D(54000).div('0.9895'));
		expect(figures.liquidationRange!.nearest).toBe(figures.liquidationRange!.high);
		near(price(assessment), D(54000).div('0.9895'));
		expect(figures.assumptions.some(line => line.includes('Maintenance rate unknown'))).toBe(true);
	});

	it("with OKX's own estimate on the page: the rate it implies, said so, never fact", () => {
		// m = (M + Q·(p − E)) / (Q·p) − taker = (3,000 − 0.5 × 5,700) / (0.5 × 54,300) − 0.0005 = 150 / 27,150 − 0.0005.
		const assessment = longOf(assessDraft(okxDraft({venueLiquidationPrice: ok('54300')})));
		const {figures} = assessment;
		expect(figures.parameterSource).toMatchObject({kind: 'implied', label: "implied by OKX perpetual swap's own estimate", venueLiquidationPrice: '54300'});
		near(D(figures.maintenanceMarginRate!), D(150).div(27150).minus('0.0005'), '1e-12');
		near(price(assessment), D(54300), '1e-6');
		expect(figures.parametersAreFact).toBe(false);
		// Solved from the venue's figure: no agreement check against that same figure.
		expect(figures.venueCheck).toBeUndefined();
	});

	it('a typed rate is the user\'s, used when the market data has none, and not counted as fact', () => {
		const assessment = longOf(assessDraft(okxDraft(), undefined, {typedRate: {maintenanceMarginRate: '0.004', savedAtMs: 123}}));
		near(price(assessment), D(54000).div('0.9955'));
		expect(assessment.figures.parameterSource).toEqual({kind: 'typed', savedAtMs: 123});
		expect(assessment.figures.parametersAreFact).toBe(false);
	});

	it('live tiers win over a typed rate', () => {
		const assessment = longOf(assessDraft(okxDraft({size: ok({value: '600', unit: 'contracts' as const})}), undefined, {market: okxMarket, typedRate: {maintenanceMarginRate: '0.02'}}));
		// 600 contracts: tier 2 (0.6 %); 6 BTC, M = 36,000; LP = 54,000 / (1 − 0.006 − 0.0005).
		near(price(assessment), D(54000).div('0.9935'));
		expect(assessment.figures.parameterSource.kind).toBe('live');
	});

	it('market data for another market is not used', () => {
		const assessment = longOf(assessDraft(okxDraft({symbol: ok('BTC-USD-SWAP'), size: ok({value: '0.5', unit: 'base' as const})}), undefined, {market: okxMarket}));
		expect(assessment.figures.parameterSource.kind).toBe('range');
		expect(assessment.figures.assumptions.some(line => line.includes('not used'))).toBe(true);
	});
});

describe('every venue takes its market parameters', () => {
	const source = {kind: 'live', label: 'venue API', url: 'https://example.test/api', fetchedAtMs: 1} as const;

	it('an input rate wins over the market data and is labelled as the caller\'s', () => {
		const assessment = assessed({venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', side: 'long', quantity: '0.5', entryPrice: '60000', leverage: '10', maintenanceMarginRate: '0.01'}, {market: okxMarket});
		near(price(assessment), D(54000).div('0.9895'));
		expect(assessment.figures.parameterSource).toEqual({kind: 'input'});
	});

	it('dYdX: maintenance fraction and 1 / IMF as the leverage cap', () => {
		const market: MarketParams = {venue: 'dydx-v4', symbol: 'BTC-USD', initialMarginFraction: '0.02', maintenanceMarginFraction: '0.012', source};
		const input: AssessInput = {venue: 'dydx-v4', symbol: 'BTC-USD', side: 'long', quantity: '0.1', entryPrice: '60000', leverage: '10'};
		// M = 600; LP = (60,000 − 6,000) / (1 − 0.012).
		const assessment = assessed(input, {market});
		near(price(assessment), D(54000).div('0.988'));
		expect(assessment.figures.parameterSource).toEqual(source);
		const over = assess({...input, leverage: '60'}, undefined, {market});
		expect(over.ok).toBe(false);
		if (!over.ok) expect(over.issues[0]).toMatchObject({field: 'leverage', code: 'above-venue-max'});
	});

	it('GMX: the market min collateral factor replaces the 1 % default', () => {
		const market: MarketParams = {venue: 'gmx-v2', symbol: 'ETH/USD', minCollateralFactor: '0.005', source};
		// size 6,000, collateral 600, close fee 6,000 × 0.06 % = 3.6: remaining 596.4; threshold 30;
		// LP = (30 − 596.4 + 6,000) / 0.1 = 54,336.
		const assessment = assessed({venue: 'gmx-v2', symbol: 'ETH/USD', side: 'long', quantity: '0.1', entryPrice: '60000', leverage: '10'}, {market});
		near(price(assessment), D(54336));
		expect(assessment.figures.parameterSource).toEqual(source);
		// Without it: GMX's documented 0.25–1 % as a range. Threshold 15 → LP 54,186; threshold 60 → 54,636 (nearer).
		const fallback = assessed({venue: 'gmx-v2', symbol: 'ETH/USD', side: 'long', quantity: '0.1', entryPrice: '60000', leverage: '10'});
		expect(fallback.figures.parameterSource).toMatchObject({kind: 'range', lowRate: '0.0025', highRate: '0.01', parameter: 'min-collateral-factor'});
		expect(fallback.figures.liquidationRange).toMatchObject({low: '54186', high: '54636', nearest: '54636'});
		near(price(fallback), D(54636));
		expect(fallback.figures.parametersAreFact).toBe(false);
	});

	it('GMX: the factor of the size tier holding the position; above the last listed tier, no live factor', () => {
		// As parseGmxMarkets gives them (maxPositionSize as cap), listed here out of order: the core picks by cap.
		const market: MarketParams = {
			venue: 'gmx-v2',
			symbol: 'SOL/USD',
			tiers: [
				{notionalFloor: '2000000', notionalCap: '10000000', maintenanceMarginRate: '0.01'},
				{notionalFloor: '0', notionalCap: '2000000', maintenanceMarginRate: '0.005'},
			],
			tierBasis: 'notional',
			minCollateralUsd: '1',
			source,
		};
		const order = (quantity: string): AssessInput => ({venue: 'gmx-v2', symbol: 'SOL/USD', side: 'long', quantity, entryPrice: '100', leverage: '10'});
		// 1M USD, tier 1: collateral 100,000, close fee 600, remaining 99,400; threshold 1M × 0.5 % = 5,000;
		// LP = (5,000 − 99,400 + 1,000,000) / 10,000 = 90.56.
		const small = assessed(order('10000'), {market});
		near(price(small), D('90.56'));
		expect(small.figures.parameterSource).toEqual(source);
		expect(small.figures.parametersAreFact).toBe(true);
		// 5M USD, tier 2: remaining 500,000 − 3,000; threshold 50,000; LP = (50,000 − 497,000 + 5,000,000) / 50,000 = 91.06.
		const middle = assessed(order('50000'), {market});
		near(price(middle), D('91.06'));
		expect(middle.figures.parameterSource).toEqual(source);
		// 15M USD is above the 10M the market lists: GMX's documented 0.25–1 % range, not a tier's factor as fact.
		const large = assessed(order('150000'), {market});
		expect(large.figures.parameterSource).toMatchObject({kind: 'range', lowRate: '0.0025', highRate: '0.01'});
		expect(large.figures.parametersAreFact).toBe(false);
		expect(large.figures.assumptions.some(line => line.includes('none is used'))).toBe(true);
	});

	it('Aster Simple: the loss-rate band holding the leverage', () => {
		const market: MarketParams = {
			venue: 'aster-simple',
			symbol: 'BTCUSD',
			lossRateBands: [
				{minLeverage: '1', maxLeverage: '200', liquidationLossRate: '0.75'},
				{minLeverage: '201', maxLeverage: '1001', liquidationLossRate: '0.7'},
			],
			source,
		};
		// distance = 60,000 × 0.75 / 100 = 450.
		const assessment = assessed({venue: 'aster-simple', symbol: 'BTCUSD', side: 'long', initialMargin: '100', entryPrice: '60000', leverage: '100'}, {market});
		near(price(assessment), D(59550));
		expect(assessment.figures.parameterSource).toEqual(source);
		const docs = assessed({venue: 'aster-simple', symbol: 'BTCUSD', side: 'long', initialMargin: '100', entryPrice: '60000', leverage: '100'});
		// Docs band 65 % for 20x–500x: distance 390.
		near(price(docs), D(59610));
		expect(docs.figures.parameterSource).toMatchObject({kind: 'bundled', asOf: '2026-11-21'});
		expect(docs.figures.parametersAreFact).toBe(false);
	});

	it('Hyperliquid: a market margin table (DOGE) gives the figure', () => {
		const market: MarketParams = {venue: 'hyperliquid', symbol: 'DOGE', tiers: [{notionalFloor: '0', maxLeverage: '10'}], maxLeverage: '10', source};
		// rate 1 / (2 × 10) = 5 %; notional 200, M = 40; LP = (0.2 − 0.04) / 0.95.
		const assessment = assessed({venue: 'hyperliquid', symbol: 'DOGE', side: 'long', quantity: '1000', entryPrice: '0.2', leverage: '5'}, {market});
		near(price(assessment), D('0.16').div('0.95'));
	});

	it('Hyperliquid without a table: a range from 40x down to the leverage the order uses', () => {
		// Rates 1.25 % … 1 / (2 × 5) = 10 % (a market allowing 5x has max leverage ≥ 5): LP 0.16 / 0.9875 … 0.16 / 0.9.
		const {figures} = assessed({venue: 'hyperliquid', symbol: 'DOGE', side: 'long', quantity: '1000', entryPrice: '0.2', leverage: '5'});
		expect(figures.parameterSource).toMatchObject({kind: 'range', lowRate: '0.0125', highRate: '0.1'});
		near(D(figures.liquidationRange!.low), D('0.16').div('0.9875'));
		near(D(figures.liquidationRange!.high), D('0.16').div('0.9'));
	});

	it('bundled tables are named and dated, never fact', () => {
		const {figures} = assessed({venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', quantity: '0.1', entryPrice: '60000', leverage: '10'});
		expect(figures.parameterSource).toMatchObject({kind: 'bundled', asOf: '2024-10-24'});
		expect(figures.parametersAreFact).toBe(false);
	});

	it('a venue with no table, no estimate and no documented range names the missing rate', () => {
		const result = assess({venue: 'bybit-linear', symbol: 'SOLUSDT', side: 'long', quantity: '10', entryPrice: '150', leverage: '10'});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({field: 'maintenanceMarginRate', code: 'missing'})]);
	});

	it('Binance SOLUSDT with nothing known: a range from 0.4 % to half the initial margin at the order\'s leverage', () => {
		// 10x: rates 0.4 % … 1 / 20 = 5 %; LP = 135 / (1 − m): 135 / 0.996 … 135 / 0.95.
		const {figures} = assessed({venue: 'binance-usdm', symbol: 'SOLUSDT', side: 'long', quantity: '10', entryPrice: '150', leverage: '10'});
		expect(figures.parameterSource).toMatchObject({kind: 'range', lowRate: '0.004', highRate: '0.05', parameter: 'maintenance-rate'});
		near(D(figures.liquidationRange!.low), D(135).div('0.996'));
		near(D(figures.liquidationRange!.high), D(135).div('0.95'));
		expect(figures.parametersAreFact).toBe(false);
	});

	it('Binance SOLUSDT with live brackets from the market data', () => {
		const market: MarketParams = {
			venue: 'binance-usdm',
			symbol: 'SOLUSDT',
			tiers: [
				{notionalFloor: '0', notionalCap: '5000', maintenanceMarginRate: '0.01', maxLeverage: '75', maintenanceDeduction: '0'},
				{notionalFloor: '5000', notionalCap: '50000', maintenanceMarginRate: '0.015', maxLeverage: '50', maintenanceDeduction: '25'},
			],
			tierBasis: 'notional',
			source,
		};
		// 10 SOL at 150, 10x: M = 150. Tier 1 at LP: (1,500 − 150 − 0) / (10 × 0.99) = 136.3636…
		const assessment = assessed({venue: 'binance-usdm', symbol: 'SOLUSDT', side: 'long', quantity: '10', entryPrice: '150', leverage: '10'}, {market});
		near(price(assessment), D(1350).div('9.9'));
		expect(assessment.figures.parametersAreFact).toBe(true);
	});

	it('the custom venue\'s rate from the options is the user\'s typed rate; one in the input is the caller\'s', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, custom: {maintenanceMarginRate: '0.01'}};
		const fromOptions = assess({venue: 'custom', side: 'long', quantity: '1', entryPrice: '100', leverage: '10'}, settings);
		expect(fromOptions.ok && fromOptions.value.figures.parameterSource).toEqual({kind: 'typed'});
		// LP = (100 − 10) / (1 − 0.01).
		expect(fromOptions.ok && D(fromOptions.value.figures.liquidation.kind === 'price' ? fromOptions.value.figures.liquidation.price : 0).minus(D(90).div('0.99')).abs().lt('1e-9')).toBe(true);
		const {figures} = assessed({venue: 'custom', side: 'long', quantity: '1', entryPrice: '100', leverage: '10', maintenanceMarginRate: '0.01'});
		expect(figures.parameterSource).toEqual({kind: 'input'});
		expect(figures.parametersAreFact).toBe(true);
	});
});

describe('the implied rate round-trips (fast-check)', () => {
	const decimal = (min: number, max: number, places = 4) =>
		fc.integer({min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places)}).map(n => new Decimal(n).div(10 ** places).toFixed());
	it('a venue estimate computed with rate m implies m back, and the same liquidation price', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid', 'aster-pro', 'dydx-v4', 'custom' as const),
				fc.constantFrom('long', 'short' as const),
				decimal(0.001, 50, 3),
				decimal(1, 200000, 2),
				decimal(0.001, 0.05, 4),
				decimal(1.5, 15, 1),
				(venue, side, quantity, entryPrice, rate, leverage) => {
					const input: AssessInput = {venue, symbol: 'ZZZUSDT', side, marginMode: 'isolated', quantity, entryPrice, leverage};
					const known = assess({...input, maintenanceMarginRate: rate});
					if (!known.ok || known.value.figures.liquidation.kind !== 'price') return true;
					const venueLiquidationPrice = known.value.figures.liquidation.price;
					const implied = assess({...input, venueLiquidationPrice});
					expect(implied.ok).toBe(true);
					if (!implied.ok) return false;
					const {figures} = implied.value;
					expect(figures.parameterSource.kind).toBe('implied');
					expect(figures.parametersAreFact).toBe(false);
					expect(D(figures.maintenanceMarginRate!).minus(rate).abs().lte('1e-10')).toBe(true);
					expect(price(implied.value).minus(venueLiquidationPrice).abs().lte(D(venueLiquidationPrice).times('1e-9'))).toBe(true);
					return true;
				},
			),
			{numRuns: 200},
		);
	});
});

describe('a range whose ends have no liquidation price', () => {
	// OKX cross long, 0.03 BTC at 71,441.7, 5x, wallet 6,996.26: the wallet carries the position past zero at every
	// documented tier-1 rate (LP = (E − W/Q) / (1 − m − f) < 0 since W/Q = 233,208.7 > E).
	const crossLong: AssessInput = {venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', side: 'long', marginMode: 'cross', quantity: '0.03', entryPrice: '71441.7', leverage: '5', walletBalance: '6996.26'};

	it('none at the highest rate: no liquidation at any, labelled as the range, not a fact, not a refusal', () => {
		const result = assess(crossLong);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.figures.liquidation.kind).toBe('none');
		expect(result.value.figures.parameterSource.kind).toBe('range');
		expect(result.value.figures.parametersAreFact).toBe(false);
		expect(result.value.figures.liquidationRange).toBeUndefined();
	});
});

describe('a venue estimate that implies no rate', () => {
	// Binance SOLUSDT (no bundled table), cross, wallet 1,000, 10 SOL at 150, 10x.
	const solCross: AssessInput = {venue: 'binance-usdm', symbol: 'SOLUSDT', marginMode: 'cross', walletBalance: '1000', quantity: '10', entryPrice: '150', leverage: '10'};

	it('an estimate on the profit side of the entry (a long at 160, a short at 140) implies nothing: the range applies', () => {
		for (const [side, estimate] of [['long', '160'], ['short', '140']] as const) {
			const result = assess({...solCross, side, venueLiquidationPrice: estimate});
			expect(result.ok).toBe(true);
			if (!result.ok) continue;
			expect(result.value.figures.parameterSource.kind, side).toBe('range');
		}
	});

	it('an estimate at the bankruptcy price (rate 0) implies nothing either', () => {
		// Isolated 10x long at 150: margin 150, bankruptcy at 150 − 150 / 10 = 135.
		const result = assess({venue: 'binance-usdm', symbol: 'SOLUSDT', marginMode: 'isolated', side: 'long', quantity: '10', entryPrice: '150', leverage: '10', venueLiquidationPrice: '135'});
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.value.figures.parameterSource.kind).not.toBe('implied');
	});
});

describe('an OKX position beyond the listed tiers', () => {
	it('is not computed, with data the trader-words layer explains (not the engine text)', () => {
		const result = assess({venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', side: 'long', marginMode: 'isolated', contracts: '5000', contractValue: '0.01', entryPrice: '60000', leverage: '10', tierBasis: 'contracts', tiers: [
			{notionalFloor: '0', notionalCap: '2000', maintenanceMarginRate: '0.004', maxLeverage: '100'},
			{notionalFloor: '2000', notionalCap: '4000', maintenanceMarginRate: '0.006', maxLeverage: '75'},
		]});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]).toMatchObject({field: 'tiers', code: 'out-of-range', data: {kind: 'beyond-tier-data', symbol: 'BTC-USDT-SWAP'}});
	});
});

describe('the contract size behind a size in contracts', () => {
	it("live instrument data wins over the page's (or bundled) value; without it the figures say where it came from", () => {
		// 50 contracts: with a live ctVal of 0.1 that is 5 BTC, with the page's 0.01 it is 0.5 BTC.
		const live = longOf(assessDraft(okxDraft({contractValue: '0.01'}), undefined, {market: {...okxMarket, contractValue: '0.1'}}));
		expect(live.figures.quantity).toBe('5');
		expect(live.figures.assumptions.join(' ')).not.toMatch(/Contract size/);
		const {contractValue: _none, ...tiersOnly} = okxMarket;
		const fromPage = longOf(assessDraft(okxDraft({contractValue: '0.01'}), undefined, {market: tiersOnly}));
		expect(fromPage.figures.quantity).toBe('0.5');
		expect(fromPage.figures.assumptions.join(' ')).toMatch(/Contract size 0\.01 per contract from the page or LiqGuard's bundled instrument list/);
	});
});
