/**
 * The venue parsers on response bodies written by us in each venue's documented shape (test/fixtures/market-data,
 * README there cites each doc page, checked 2026-12-04), and on malformed, truncated, huge, wrong-type and empty
 * ones: every refusal names what is wrong, and nothing but checked fields comes out.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {parseBybitInstruments, parseBybitRiskLimit} from '../../../../src/background/market-data/bybit.js';
import {parseDydxPerpetualMarkets} from '../../../../src/background/market-data/dydx.js';
import {parseGmxMarkets} from '../../../../src/background/market-data/gmx.js';
import {parseHyperliquidMeta} from '../../../../src/background/market-data/hyperliquid.js';
import {okxFamilyOf, parseOkxFundingRate, parseOkxInstruments, parseOkxPositionTiers} from '../../../../src/background/market-data/okx.js';
import type {ParseResult} from '../../../../src/background/market-data/schema.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/market-data');
const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const body = (name: string) => JSON.parse(text(name)) as unknown;

function refused(result: ParseResult): string {
	expect(result.ok).toBe(false);
	return result.ok ? '' : result.problem;
}

function markets(result: ParseResult) {
	expect(result.ok, result.ok ? '' : result.problem).toBe(true);
	return result.ok ? result.doc.markets : {};
}

/** Cases every parser must refuse: not JSON objects of the documented shape. */
const GARBAGE: [string, unknown][] = [
	['null', null],
	['a number', 42],
	['a string', 'OK'],
	['an empty object', {}],
	['an empty list', []],
];

describe('OKX', () => {
	test('instruments: contract value ctVal × ctMult and max leverage per linear swap; inverse swaps left out', () => {
		expect(markets(parseOkxInstruments(body('okx-instruments.json')))).toEqual({
			'BTC-USDT-SWAP': {contractValue: '0.01', maxLeverage: '100'},
			'ETH-USDT-SWAP': {contractValue: '0.1', maxLeverage: '100'},
		});
	});

	test('position tiers: in contracts, rate for the whole position, no deduction; keyed by family', () => {
		expect(markets(parseOkxPositionTiers(body('okx-position-tiers-btc-usdt.json')))).toEqual({
			'BTC-USDT': {
				tierBasis: 'contracts',
				maxLeverage: '100',
				tiers: [
					{notionalFloor: '0', notionalCap: '2000', maintenanceMarginRate: '0.004', maintenanceDeduction: '0', maxLeverage: '100'},
					{notionalFloor: '2000', notionalCap: '4000', maintenanceMarginRate: '0.006', maintenanceDeduction: '0', maxLeverage: '75'},
					{notionalFloor: '4000', notionalCap: '10000', maintenanceMarginRate: '0.01', maintenanceDeduction: '0', maxLeverage: '50'},
				],
			},
		});
	});

	test('an error code, an empty list, a second family, a gap, a rate as percent: refused', () => {
		const good = body('okx-position-tiers-btc-usdt.json') as {code: string; data: Record<string, string>[]};
		expect(refused(parseOkxPositionTiers({...good, code: '50011'}))).toMatch(/code is "50011"/);
		expect(refused(parseOkxPositionTiers({...good, data: []}))).toMatch(/empty/);
		expect(refused(parseOkxPositionTiers({...good, data: [good.data[0], {...good.data[1], instFamily: 'ETH-USDT'}]}))).toMatch(/not BTC-USDT/);
		expect(refused(parseOkxPositionTiers({...good, data: [good.data[0], {...good.data[1], minSz: '2500'}]}))).toMatch(/gap/);
		expect(refused(parseOkxPositionTiers({...good, data: [{...good.data[0], mmr: '4'}]}))).toMatch(/mmr \(4\) is not a fraction/);
		expect(refused(parseOkxPositionTiers({...good, data: [{...good.data[0], maxSz: '0'}]}))).toMatch(/maxSz/);
	});

	test('funding rate: the interval is nextFundingTime − fundingTime, in whole hours', () => {
		expect(markets(parseOkxFundingRate(body('okx-funding-rate-btc-usdt-swap.json')))).toEqual({'BTC-USDT-SWAP': {fundingIntervalHours: '4'}});
		expect(markets(parseOkxFundingRate(body('okx-funding-rate-eth-usdt-swap.json')))).toEqual({'ETH-USDT-SWAP': {fundingIntervalHours: '8'}});
		const good = body('okx-funding-rate-btc-usdt-swap.json') as {code: string; data: Record<string, string>[]};
		expect(refused(parseOkxFundingRate({...good, data: [{...good.data[0], nextFundingTime: '1764837000000'}]}))).toMatch(/not a whole number of hours/);
		expect(refused(parseOkxFundingRate({...good, data: [{...good.data[0], nextFundingTime: good.data[0]!.fundingTime}]}))).toMatch(/not a whole number of hours from 1/);
		expect(refused(parseOkxFundingRate({...good, data: [good.data[0], good.data[0]]}))).toMatch(/not 1/);
	});

	test('family of an instrument id', () => {
		expect(okxFamilyOf('BTC-USDT-SWAP')).toBe('BTC-USDT');
		expect(okxFamilyOf('eth-usdt-swap')).toBe('ETH-USDT');
		expect(okxFamilyOf('BTC-USDT-251226')).toBeUndefined();
		expect(okxFamilyOf('BTC-USDT-SWAP&tdMode=cross')).toBeUndefined();
	});
});

describe('Bybit', () => {
	test('instruments: max leverage and the funding interval (minutes → hours) of linear perpetuals only', () => {
		expect(markets(parseBybitInstruments(body('bybit-instruments.json')))).toEqual({
			BTCUSDT: {maxLeverage: '100', fundingIntervalHours: '8'},
			SOLUSDT: {maxLeverage: '50', fundingIntervalHours: '4'},
		});
	});

	test('risk limit: floor = previous riskLimitValue, empty mmDeduction = 0', () => {
		expect(markets(parseBybitRiskLimit(body('bybit-risk-limit-solusdt.json')))).toEqual({
			SOLUSDT: {
				tierBasis: 'notional',
				maxLeverage: '50',
				tiers: [
					{notionalFloor: '0', notionalCap: '200000', maintenanceMarginRate: '0.01', maintenanceDeduction: '0', maxLeverage: '50'},
					{notionalFloor: '200000', notionalCap: '400000', maintenanceMarginRate: '0.015', maintenanceDeduction: '1000', maxLeverage: '40'},
					{notionalFloor: '400000', notionalCap: '800000', maintenanceMarginRate: '0.02', maintenanceDeduction: '3000', maxLeverage: '33.33'},
				],
			},
		});
	});

	test('rates that read as percents (the docs’ inverse example: "0.5" / "1" at 100x) are refused, not used', () => {
		const percentLike = {retCode: 0, result: {category: 'linear', list: [{id: 1, symbol: 'BTCUSDT', riskLimitValue: '2000000', maintenanceMargin: '0.5', initialMargin: '0.99', isLowestRisk: 1, maxLeverage: '100.00', mmDeduction: ''}]}};
		expect(refused(parseBybitRiskLimit(percentLike))).toMatch(/does not match maxLeverage/);
	});

	test('retCode ≠ 0, an inverse category, wrong types: refused', () => {
		const good = body('bybit-risk-limit-solusdt.json') as {retCode: number; result: {category: string; list: Record<string, unknown>[]}};
		expect(refused(parseBybitRiskLimit({...good, retCode: 10001}))).toMatch(/retCode/);
		expect(refused(parseBybitRiskLimit({...good, result: {...good.result, category: 'inverse'}}))).toMatch(/linear/);
		expect(refused(parseBybitRiskLimit({...good, result: {...good.result, list: [{...good.result.list[0], riskLimitValue: 200000e30}]}}))).toMatch(/riskLimitValue/);
		expect(refused(parseBybitRiskLimit({...good, result: {...good.result, list: [{...good.result.list[0], maintenanceMargin: null}]}}))).toMatch(/maintenanceMargin is not a decimal/);
		expect(refused(parseBybitRiskLimit({...good, result: {...good.result, list: {}}}))).toMatch(/not a list/);
	});
});

describe('Hyperliquid', () => {
	test('meta: tiers from the margin table (floors in USDC), ids < 50 as one tier, delisted left out, hourly funding', () => {
		const parsed = markets(parseHyperliquidMeta(body('hyperliquid-meta.json')));
		expect(Object.keys(parsed)).toEqual(['BTC', 'ETH', 'SOL', 'DOGE', 'kPEPE']);
		expect(parsed.SOL).toEqual({
			tierBasis: 'notional',
			maxLeverage: '20',
			fundingIntervalHours: '1',
			tiers: [
				{notionalFloor: '0', notionalCap: '70000000', maxLeverage: '20'},
				{notionalFloor: '70000000', maxLeverage: '10'},
			],
		});
		expect(parsed.DOGE?.tiers).toEqual([{notionalFloor: '0', maxLeverage: '10'}]);
	});

	test('a table id ≥ 50 the response does not list, or tiers out of order: refused', () => {
		const good = body('hyperliquid-meta.json') as {universe: Record<string, unknown>[]; marginTables: unknown[]};
		expect(refused(parseHyperliquidMeta({...good, universe: [{name: 'SOL', szDecimals: 2, maxLeverage: 20, marginTableId: 77}]}))).toMatch(/table 77/);
		const reversed = [[54, {description: 'x', marginTiers: [{lowerBound: '0.0', maxLeverage: 20}, {lowerBound: '0.0', maxLeverage: 10}]}]];
		expect(refused(parseHyperliquidMeta({...good, marginTables: reversed}))).toMatch(/ascending/);
		expect(refused(parseHyperliquidMeta({...good, universe: []}))).toMatch(/empty/);
		expect(refused(parseHyperliquidMeta({...good, universe: [{name: '<script>', maxLeverage: 3}]}))).toMatch(/market id/);
	});
});

describe('dYdX', () => {
	test('perpetualMarkets: IMF and MMF per ticker, max leverage 1/IMF, hourly funding', () => {
		expect(markets(parseDydxPerpetualMarkets(body('dydx-perpetual-markets.json')))['SOL-USD']).toEqual({
			initialMarginFraction: '0.05',
			maintenanceMarginFraction: '0.03',
			maxLeverage: '20',
			fundingIntervalHours: '1',
		});
	});

	test('a ticker not matching its key, an MMF above the IMF, a fraction ≥ 1: refused', () => {
		const good = body('dydx-perpetual-markets.json') as {markets: Record<string, Record<string, unknown>>};
		const sol = good.markets['SOL-USD']!;
		expect(refused(parseDydxPerpetualMarkets({markets: {'SOL-USD': {...sol, ticker: 'ETH-USD'}}}))).toMatch(/does not match/);
		expect(refused(parseDydxPerpetualMarkets({markets: {'SOL-USD': {...sol, maintenanceMarginFraction: '0.06'}}}))).toMatch(/above initial/);
		expect(refused(parseDydxPerpetualMarkets({markets: {'SOL-USD': {...sol, initialMarginFraction: '1'}}}))).toMatch(/not a fraction/);
	});
});

describe('GMX', () => {
	const tier = (cap: string, rate: string, floor = '0') => ({notionalFloor: floor, notionalCap: cap, maintenanceMarginRate: rate});

	test('markets: the size tiers (cap = maxPositionSize, factor as the rate) and the USD floor, keyed by index asset; spot-only left out', () => {
		expect(markets(parseGmxMarkets(body('gmx-markets.json')))).toEqual({
			ETH: {tiers: [tier('50000000', '0.005')], tierBasis: 'notional', minCollateralUsd: '1'},
			SOL: {tiers: [tier('10000000', '0.008')], tierBasis: 'notional', minCollateralUsd: '1'},
		});
	});

	test('tiers listed out of order are sorted by maxPositionSize, each floor the cap below it', () => {
		const market = (body('gmx-markets.json') as {markets: Record<string, unknown>[]}).markets[1]!;
		const unsorted = {
			...market,
			leverageTiers: [
				{maxPositionSize: '10000000', minCollateralFactor: '0.02', maxLeverage: '50'},
				{maxPositionSize: '2000000', minCollateralFactor: '0.008', maxLeverage: '100'},
			],
		};
		expect(markets(parseGmxMarkets([unsorted]))).toEqual({
			SOL: {tiers: [tier('2000000', '0.008'), tier('10000000', '0.02', '2000000')], tierBasis: 'notional', minCollateralUsd: '1'},
		});
	});

	test('30-decimal fixed point reads as the same fraction; a bare list is accepted', () => {
		const market = (body('gmx-markets.json') as {markets: Record<string, unknown>[]}).markets[1]!;
		const fixed = {
			...market,
			minCollateralUsd: `1${'0'.repeat(30)}`,
			leverageTiers: [{maxPositionSize: `1${'0'.repeat(37)}`, minCollateralFactor: `8${'0'.repeat(27)}`, maxLeverage: '100'}],
		};
		expect(markets(parseGmxMarkets([fixed]))).toEqual({SOL: {tiers: [tier('10000000', '0.008')], tierBasis: 'notional', minCollateralUsd: '1'}});
	});

	test('two markets of one asset with different tiers: left out, not guessed', () => {
		const [eth] = (body('gmx-markets.json') as {markets: Record<string, unknown>[]}).markets;
		const ethEth = {...eth, symbol: 'ETH/USD [WETH-WETH]', leverageTiers: [{maxPositionSize: '1', minCollateralFactor: '0.01', maxLeverage: '50'}]};
		expect(markets(parseGmxMarkets([eth, ethEth]))).toEqual({});
	});

	test('a factor of 1 or more, a tier without its size cap, or two tiers with one cap is refused', () => {
		const [eth] = (body('gmx-markets.json') as {markets: Record<string, unknown>[]}).markets;
		expect(refused(parseGmxMarkets([{...eth, leverageTiers: [{minCollateralFactor: '2', maxLeverage: '1'}]}]))).toMatch(/not a fraction/);
		expect(refused(parseGmxMarkets([{...eth, leverageTiers: [{minCollateralFactor: '0.005', maxLeverage: '1'}]}]))).toMatch(/maxPositionSize is not a decimal/);
		const twice = [
			{maxPositionSize: '5', minCollateralFactor: '0.005', maxLeverage: '1'},
			{maxPositionSize: '5', minCollateralFactor: '0.01', maxLeverage: '1'},
		];
		expect(refused(parseGmxMarkets([{...eth, leverageTiers: twice}]))).toMatch(/two tiers capped at 5/);
	});
});

describe('every parser, on what is not its documented response', () => {
	const parsers = {parseOkxInstruments, parseOkxPositionTiers, parseOkxFundingRate, parseBybitInstruments, parseBybitRiskLimit, parseHyperliquidMeta, parseDydxPerpetualMarkets, parseGmxMarkets};
	const files = {
		parseOkxInstruments: 'okx-instruments.json',
		parseOkxPositionTiers: 'okx-position-tiers-btc-usdt.json',
		parseOkxFundingRate: 'okx-funding-rate-btc-usdt-swap.json',
		parseBybitInstruments: 'bybit-instruments.json',
		parseBybitRiskLimit: 'bybit-risk-limit-solusdt.json',
		parseHyperliquidMeta: 'hyperliquid-meta.json',
		parseDydxPerpetualMarkets: 'dydx-perpetual-markets.json',
		parseGmxMarkets: 'gmx-markets.json',
	} as const;

	test.each(Object.keys(parsers) as (keyof typeof parsers)[])('%s refuses empty and wrong-type bodies', name => {
		for (const [what, value] of GARBAGE) expect(parsers[name](value).ok, `${name}: ${what}`).toBe(false);
	});

	test.each(Object.keys(parsers) as (keyof typeof parsers)[])('%s refuses a truncated body cut at any point', name => {
		// The owner refuses what JSON.parse cannot read; a truncation that still parses (a cut list) must not pass
		// as the venue's full answer with a wrong shape.
		const full = text(files[name]);
		for (let cut = 1; cut < full.trimEnd().length; cut += Math.max(1, Math.floor(full.length / 40))) {
			let parsed: unknown;
			try {
				parsed = JSON.parse(full.slice(0, cut));
			} catch {
				continue;
			}
			expect(parsers[name](parsed).ok, `${name} cut at ${cut}`).toBe(false);
		}
	});

	test.each(Object.keys(parsers) as (keyof typeof parsers)[])('%s refuses a huge list (more markets or tiers than any venue has)', name => {
		const one = body(files[name]);
		// The outermost list of objects (markets, tiers) repeated 5,000 times.
		let isDone = false;
		const huge = JSON.parse(JSON.stringify(one, (_key, value: unknown) => {
			if (isDone || !Array.isArray(value) || value.length === 0 || typeof value[0] !== 'object' || Array.isArray(value[0])) return value;
			isDone = true;
			return Array.from({length: 5000}, () => value[0]);
		})) as unknown;
		const hugeMap = name === 'parseDydxPerpetualMarkets'
			? {markets: Object.fromEntries(Array.from({length: 5000}, (_, index) => [`M${index}-USD`, {...(one as {markets: Record<string, object>}).markets['SOL-USD'], ticker: `M${index}-USD`}]))}
			: huge;
		expect(parsers[name](hugeMap).ok, name).toBe(false);
	});
});
