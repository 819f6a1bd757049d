import {describe, expect, it} from 'vitest';
import Decimal from 'decimal.js';
import {assess} from '../../../src/core/assess.js';
import {DEFAULT_ENGINE_SETTINGS} from '../../../src/core/engine-settings.js';
import type {AssessInput, Assessment} from '../../../src/core/types.js';

const base: AssessInput = {
	venue: 'binance-usdm',
	symbol: 'BTCUSDT',
	side: 'long',
	marginMode: 'isolated',
	quantity: '0.1',
	entryPrice: '60000',
	leverage: '50',
};

function ok(input: AssessInput, settings = DEFAULT_ENGINE_SETTINGS): Assessment {
	const result = assess(input, settings);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.value;
}
const near = (got: string | undefined, expected: string, tolerance = '1e-9') =>
	expect(new Decimal(got ?? 'NaN').minus(expected).abs().lte(tolerance), `${got} ≈ ${expected}`).toBe(true);

describe('assess: an isolated Binance long, figures checked by hand', () => {
	// Notional 6,000 (bracket 1: 0.4 %, cum 0), margin 6000/50 = 120.
	// LP = (Q·E − M − cum)/(Q·(1 − MMR)) = (6000 − 120)/(0.1 × 0.996) = 59036.1445783…
	const {figures, warnings} = ok({...base, markPrice: '60000', fundingRate: '0.0001', walletBalance: '10000'});
	it('liquidation, margin and distance', () => {
		expect(figures.initialMargin).toBe('120');
		expect(figures.liquidation.kind).toBe('price');
		near(figures.liquidation.kind === 'price' ? figures.liquidation.price : undefined, '59036.14457831325301204819');
		near(figures.liquidationDistancePercent, new Decimal(60000).minus('59036.14457831325301204819').div(600).toString());
		expect(figures.wipeoutMovePercent).toBe('2');
		expect(figures.maintenanceMargin).toBe('24');
	});
	it('PnL ladder: ±1 % is ±50 % of a 50x margin, and −5 % is past liquidation', () => {
		const step = (move: string) => figures.pnlLadder.find(entry => entry.movePercent === move)!;
		expect(step('1').pnlPercentOfMargin).toBe('50');
		expect(step('-1').pnlPercentOfMargin).toBe('-50');
		expect(step('-1').liquidated).toBe(false);
		expect(step('-5').liquidated).toBe(true);
		expect(step('5').price).toBe('63000');
	});
	it('fees: taker in and out, break-even E·(1 + f)/(1 − f)', () => {
		expect(figures.fees.openFee).toBe('3');
		expect(figures.fees.roundTripFee).toBe('6');
		expect(figures.fees.roundTripPercentOfMargin).toBe('5');
		near(figures.fees.breakEvenPrice, new Decimal(60000).times('1.0005').div('0.9995').toString());
	});
	it('funding: 0.6 per 8 h, 1.5 % of margin a day, liquidation by funding alone in (120 − 24)/1.8 days', () => {
		expect(figures.funding?.paymentPerInterval).toBe('0.6');
		expect(figures.funding?.paymentOverHold).toBe('1.8');
		expect(figures.funding?.dailyPercentOfMargin).toBe('1.5');
		near(figures.funding?.daysToLiquidation, new Decimal(96).div('1.8').toString());
		const after = figures.funding?.liquidationAfterHold;
		expect(after?.kind === 'price' && figures.liquidation.kind === 'price' && new Decimal(after.price).gt(figures.liquidation.price)).toBe(true);
	});
	it('the default funding interval is listed as an assumption, and not when the interval is given', () => {
		expect(figures.assumptions).toContainEqual(expect.stringMatching(/^Funding every 8 h \(Binance USDⓈ-M default interval\)/));
		const given = ok({...base, fundingRate: '0.0001', fundingIntervalHours: '4'}).figures;
		expect(given.funding?.dailyPercentOfMargin).toBe('3');
		expect(given.assumptions.some(text => /^Funding every/.test(text))).toBe(false);
	});
	it('warns about 50x in plain words', () => {
		const leverage = warnings.find(warning => warning.rule === 'leverage-high');
		expect(leverage?.severity).toBe('danger');
		expect(leverage?.message).toBe('At 50x, a 1.6 % move against you liquidates this position.');
	});
});

describe('assess: stop-loss, sizing and the highest safe leverage', () => {
	const input = {...base, stopLossPrice: '58000', takeProfitPrice: '63000', walletBalance: '1000'};
	const {figures, warnings} = ok(input);
	it('a stop below the liquidation price is "beyond" and a danger', () => {
		expect(figures.risk?.stop?.status).toBe('beyond');
		expect(warnings.find(warning => warning.rule === 'stop-beyond-liquidation')?.severity).toBe('danger');
	});
	it('at the reported max safe leverage the stop keeps its buffer; a bit above it does not', () => {
		const safe = figures.risk!.stop!.maxSafeLeverage!;
		const atSafe = ok({...input, leverage: safe});
		expect(atSafe.figures.risk?.stop?.status).toBe('ok');
		const above = ok({...input, leverage: new Decimal(safe).plus('0.05').toString()});
		expect(above.figures.risk?.stop?.status).not.toBe('ok');
	});
	it('loss at the stop includes both fees: 0.1 × (2000 + 60000·0.0005 + 58000·0.0005)', () => {
		near(figures.risk?.lossAtStop, '205.9');
		near(figures.risk?.lossAtStopPercentOfAccount, '20.59');
	});
	it('sizes 1 % of the account over the stop distance with fees', () => {
		const sized = ok({...base, leverage: '10', stopLossPrice: '59000', walletBalance: '10000'}).figures.risk?.sizing;
		// per unit: 1000 + 60000·0.0005 + 59000·0.0005 = 1059.5 → 100 / 1059.5
		near(sized?.quantityForRisk, new Decimal(100).div('1059.5').toString());
		expect(sized?.coveredByBalance).toBe(true);
	});
	it('caps the size by the balance', () => {
		const sized = ok({...base, leverage: '2', stopLossPrice: '59990', walletBalance: '100'}).figures.risk?.sizing;
		expect(sized?.cappedBy).toBe('balance');
		expect(new Decimal(sized!.margin).lte(100)).toBe(true);
	});
	it('the highest safe leverage is capped by the bracket of the entry notional, not of the liquidation notional', () => {
		// 1 BTC at 50,100 is in Binance's second bracket (max 100x); at 10x the LP (≈ 45,271) is in the first (125x).
		// The stop 0.3 % below entry allows more than 100x, which the venue refuses for this size: 100, not 125.
		const {figures} = ok({...base, quantity: '1', entryPrice: '50100', leverage: '10', stopLossPrice: '49950'});
		expect(figures.risk?.stop?.maxSafeLeverage).toBe('100');
		expect(assess({...base, quantity: '1', entryPrice: '50100', leverage: '125'}).ok).toBe(false);
	});
	it('no highest safe leverage is offered when none exists (a 100 % buffer, or below 1x), instead of "0x"', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, thresholds: {...DEFAULT_ENGINE_SETTINGS.thresholds, stopBufferPercent: '100'}};
		const short = {...base, side: 'short' as const, leverage: '10', stopLossPrice: '61000', maintenanceMarginRate: '0.004'};
		expect(ok(short, settings).figures.risk?.stop).toEqual({status: 'near'});
		const wide = {...DEFAULT_ENGINE_SETTINGS, thresholds: {...DEFAULT_ENGINE_SETTINGS.thresholds, stopBufferPercent: '99.9'}};
		expect(ok(short, wide).figures.risk?.stop).toEqual({status: 'near'});
	});
	it('a "stop" above a long entry is flagged, not used', () => {
		const {figures: wrong, warnings: wrongWarnings} = ok({...base, stopLossPrice: '61000'});
		expect(wrong.risk?.stop?.status).toBe('wrong-side');
		expect(wrongWarnings.some(warning => warning.rule === 'stop-beyond-liquidation' && /profit side/.test(warning.message))).toBe(true);
	});
});

describe('assess: cross margin, limit orders, settings', () => {
	it('cross puts the whole wallet at stake', () => {
		const {figures, warnings} = ok({...base, marginMode: 'cross', walletBalance: '2500'});
		expect(figures.crossExposure).toBe('2500');
		expect(figures.risk?.maxLoss).toBe('2500');
		expect(warnings.find(warning => warning.rule === 'cross-margin-exposure')?.message).toMatch(/2,500.00/);
	});
	it('dYdX cross valued on equity (no wallet): the equity is what is at stake, not the initial margin', () => {
		const {figures} = ok({venue: 'dydx-v4', symbol: 'BTC-USD', side: 'long', marginMode: 'cross', quantity: '0.1', oraclePrice: '60000', leverage: '10', equity: '5000'});
		expect(figures.initialMargin).toBe('600');
		expect(figures.crossExposure).toBe('5000');
		expect(figures.risk?.maxLoss).toBe('5000');
	});
	it('a limit order opens at the maker rate', () => {
		expect(ok({...base, orderType: 'limit'}).figures.fees.openFee).toBe('1.2');
	});
	it('fee overrides from settings replace the venue default and drop its assumption', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, fees: {'binance-usdm': {takerFeeRate: '0.0004', makerFeeRate: '0.0001'}}};
		const {figures} = ok(base, settings);
		expect(figures.fees.openFee).toBe('2.4');
		expect(figures.assumptions.some(text => /Taker fee/.test(text))).toBe(false);
	});
	it('a maker rebate from settings (a negative maker rate) is used, not refused', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, fees: {'binance-usdm': {makerFeeRate: '-0.0001'}}};
		const {figures} = ok({...base, orderType: 'limit', walletBalance: '10000', stopLossPrice: '59500'}, settings);
		expect(figures.fees.openFee).toBe('-0.6');
		expect(figures.risk?.sizing).toBeDefined();
		// With no taker fee, a 0.005 % stop earns more rebate than it loses, and at 125x the rebate exceeds the margin:
		// the sizer has nothing to divide by and stays out, instead of throwing.
		const free = {...DEFAULT_ENGINE_SETTINGS, fees: {'binance-usdm': {takerFeeRate: '0', makerFeeRate: '-0.01'}}};
		const close = ok({...base, orderType: 'limit', walletBalance: '10000', stopLossPrice: '59997'}, free).figures;
		expect(new Decimal(close.risk?.lossAtStop ?? 'NaN').lt(0)).toBe(true);
		expect(close.risk?.sizing).toBeUndefined();
		expect(ok({...base, leverage: '125', orderType: 'limit', walletBalance: '10000', stopLossPrice: '59000'}, free).figures.risk?.sizing).toBeUndefined();
		expect(assess({...base, makerFeeRate: '-1'}).ok).toBe(false);
	});
	it('the custom model takes the maintenance rate from settings', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, custom: {maintenanceMarginRate: '0.01'}};
		const {figures} = ok({...base, venue: 'custom', symbol: 'ANY'}, settings);
		expect(figures.maintenanceMarginRate).toBe('0.01');
	});
	it('compares with the venue estimate and flags a gap over 0.5 %', () => {
		const far = ok({...base, venueLiquidationPrice: '59400'});
		expect(far.figures.venueCheck?.agrees).toBe(false);
		expect(far.warnings.some(warning => warning.rule === 'venue-estimate-mismatch')).toBe(true);
		const close = ok({...base, venueLiquidationPrice: '59050'});
		expect(close.figures.venueCheck?.agrees).toBe(true);
	});
	it('a venue price where we find no liquidation is a disagreement, not silence', () => {
		const {figures, warnings} = ok({...base, marginMode: 'cross', walletBalance: '600000', venueLiquidationPrice: '49000'});
		expect(figures.liquidation.kind).toBe('none');
		expect(figures.venueCheck).toEqual({venueLiquidationPrice: '49000', ours: 'none', agrees: false});
		const warning = warnings.find(item => item.rule === 'venue-estimate-mismatch');
		expect(warning?.messageKey).toBe('rule_venue_estimate_none');
		expect(warning?.message).toContain('49,000');
	});
	it('a liquidation after the hold past the end of a partial tier table is left out, not reported as "none"', () => {
		// Bybit's bundled BTCUSDT table stops at 4.4M. A 70 BTC short liquidates at ≈ 62,043 (4.34M, tier 5); ten
		// days of funding received push that past 4.4M, where the rate is unknown.
		const {figures} = ok({venue: 'bybit-linear', symbol: 'BTCUSDT', side: 'short', quantity: '70', entryPrice: '60000', leverage: '25', fundingRate: '0.001', holdHours: '240'});
		expect(figures.liquidation.kind).toBe('price');
		expect(figures.funding).toBeDefined();
		expect(figures.funding?.liquidationAfterHold).toBeUndefined();
	});
	it('a liquidation price already past the mark has 100 % odds of being touched, not the odds of getting there again', () => {
		// A limit buy at 61,000 at 100x liquidates at ≈ 60,633, above the 60,000 mark (it was 73 % before the fix).
		const long = ok({...base, entryPrice: '61000', markPrice: '60000', leverage: '100'}).figures;
		expect(long.odds?.touch1hPercent).toBe('100');
		expect(long.odds?.touch24hPercent).toBe('100');
		const short = ok({...base, side: 'short', entryPrice: '59000', markPrice: '60000', leverage: '100'}).figures;
		expect(short.odds?.touch24hPercent).toBe('100');
	});
	it('a 1x long has no liquidation price: reported as none, with no distance', () => {
		const {figures} = ok({...base, leverage: '1', extraMargin: '100'});
		expect(figures.liquidation).toEqual({kind: 'none', reason: 'below-zero'});
		expect(figures.liquidationDistancePercent).toBeUndefined();
	});
});

describe('assess: bad input is a named issue, never an exception or NaN', () => {
	const cases: [string, Partial<AssessInput> & Record<string, unknown>, string, string][] = [
		['negative size', {quantity: '-1'}, 'quantity', 'not-positive'],
		['zero size', {quantity: '0'}, 'quantity', 'not-positive'],
		['garbage size', {quantity: 'abc'}, 'quantity', 'not-a-number'],
		['locale decimal', {quantity: '1.234,5'}, 'quantity', 'not-a-number'],
		['placeholder', {entryPrice: '--'}, 'entryPrice', 'not-a-number'],
		['1e309', {entryPrice: '1e309'}, 'entryPrice', 'not-a-number'],
		['NaN', {entryPrice: 'NaN'}, 'entryPrice', 'not-a-number'],
		['Infinity', {entryPrice: 'Infinity'}, 'entryPrice', 'not-a-number'],
		['a number type', {entryPrice: 60000 as unknown as string}, 'entryPrice', 'not-a-number'],
		['price 0', {entryPrice: '0'}, 'entryPrice', 'not-positive'],
		['leverage 0', {leverage: '0'}, 'leverage', 'not-positive'],
		['leverage above the bracket maximum', {leverage: '126'}, 'leverage', 'above-venue-max'],
		['missing side', {side: undefined}, 'side', 'missing'],
		['unknown side', {side: 'up' as never}, 'side', 'out-of-range'],
		['cross without a wallet', {marginMode: 'cross'}, 'walletBalance', 'missing'],
		// Binance and OKX now answer an unknown market with a range over their documented tier-1 rates; Bybit documents none.
		['no tier data for the symbol', {venue: 'bybit-linear', symbol: 'PEPEUSDT'}, 'maintenanceMarginRate', 'missing'],
		['a rate of 100 %', {maintenanceMarginRate: '1'}, 'maintenanceMarginRate', 'out-of-range'],
		// A zero margin used to reach the "% of margin" divisions and throw RangeError from toPlain.
		['an isolated margin of 0', {isolatedMargin: '0', leverage: undefined}, 'isolatedMargin', 'not-positive'],
		['an isolated margin of 0, Bybit classic', {venue: 'bybit-linear', accountType: 'classic', isolatedMargin: '0', leverage: undefined}, 'isolatedMargin', 'not-positive'],
	];
	it.each(cases)('%s', (_name, patch, field, code) => {
		const result = assess({...base, ...patch} as AssessInput);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({field, code}));
	});
	it('venue-specific limits: GMX has no cross, Aster Simple stops at 1001x', () => {
		const gmx = assess({venue: 'gmx-v2', side: 'long', marginMode: 'cross', quantity: '1', entryPrice: '3000', leverage: '10'});
		expect(!gmx.ok && gmx.issues[0]?.code).toBe('unsupported');
		const aster = assess({venue: 'aster-simple', side: 'long', initialMargin: '10', entryPrice: '60000', leverage: '1500'});
		expect(!aster.ok && aster.issues.some(issue => issue.code === 'above-venue-max')).toBe(true);
	});
	it('an unknown venue is named', () => {
		const result = assess({...base, venue: 'ftx' as never});
		expect(!result.ok && result.issues[0]?.field).toBe('venue');
	});
});

describe('assess: every venue model produces a full assessment', () => {
	const inputs: AssessInput[] = [
		{venue: 'binance-usdm', symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3000', leverage: '20'},
		{venue: 'bybit-linear', symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '60000', leverage: '25'},
		{venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', side: 'long', contracts: '10', contractValue: '0.01', entryPrice: '60000', leverage: '20', maintenanceMarginRate: '0.004'},
		{venue: 'hyperliquid', symbol: 'ETH', side: 'long', quantity: '3', entryPrice: '3000', leverage: '10'},
		{venue: 'aster-pro', symbol: 'BTCUSDT', side: 'long', quantity: '0.1', entryPrice: '60000', leverage: '20'},
		{venue: 'aster-simple', symbol: 'BTCUSD', side: 'short', initialMargin: '20', entryPrice: '60000', leverage: '750'},
		{venue: 'dydx-v4', symbol: 'BTC-USD', side: 'long', quantity: '0.2', entryPrice: '60000', leverage: '10'},
		{venue: 'gmx-v2', symbol: 'ETH/USD', side: 'long', quantity: '1', entryPrice: '3000', leverage: '15'},
		{venue: 'custom', side: 'long', quantity: '1', entryPrice: '100', leverage: '5', maintenanceMarginRate: '0.02'},
	];
	it.each(inputs.map(input => [input.venue, input] as const))('%s', (_venue, input) => {
		const {figures} = ok({...input, fundingRate: '0.0001', stopLossPrice: input.side === 'long' ? new Decimal(input.entryPrice!).times('0.97').toString() : new Decimal(input.entryPrice!).times('1.03').toString(), walletBalance: '100000'});
		expect(figures.liquidation.kind).toBe('price');
		const lp = figures.liquidation.kind === 'price' ? new Decimal(figures.liquidation.price) : undefined;
		if (input.side === 'long') expect(lp!.lt(input.entryPrice!)).toBe(true);
		else expect(lp!.gt(input.entryPrice!)).toBe(true);
		expect(figures.funding).toBeDefined();
		expect(figures.odds).toBeDefined();
		expect(JSON.stringify(figures)).not.toMatch(/NaN|Infinity|e[+-]\d/);
	});
});

describe('assess: a leverage that opens already liquidated is refused', () => {
	it('28x against a 3.63 % maintenance rate names the leverage and its ceiling', () => {
		const result = assess({venue: 'custom', side: 'long', quantity: '1', entryPrice: '100', leverage: '28', maintenanceMarginRate: '0.0363'});
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.issues[0]).toMatchObject({field: 'leverage', code: 'above-venue-max'});
			expect(result.issues[0]!.message).toMatch(/under 27\.54x/);
		}
	});
});

describe("assess: the panel's detail leaves out only the popup's PnL ladder and sizer", () => {
	const inputs: AssessInput[] = [
		{...base, markPrice: '60010', fundingRate: '0.0001', stopLossPrice: '59500', takeProfitPrice: '63000', walletBalance: '5000'},
		{...base, side: 'short', marginMode: 'cross', walletBalance: '20000', stopLossPrice: '61000', orderType: 'limit'},
		{...base, venue: 'hyperliquid', symbol: 'ETH', entryPrice: '3000', quantity: '2', leverage: '20', venueLiquidationPrice: '2900'},
		{...base, leverage: '2'},
	];
	it.each(inputs.map(input => [`${input.venue} ${input.side} ${input.marginMode}`, input] as const))('%s', (_name, input) => {
		const full = assess(input);
		const panel = assess(input, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'});
		if (!full.ok || !panel.ok) throw new Error('expected both to assess');
		expect(full.value.figures.pnlLadder.length).toBeGreaterThan(0);
		expect(panel.value.figures.pnlLadder).toEqual([]);
		expect(panel.value.figures.risk?.sizing).toBeUndefined();
		const {pnlLadder: _fullLadder, risk: fullRisk, ...fullRest} = full.value.figures;
		const {pnlLadder: _panelLadder, risk: panelRisk, ...panelRest} = panel.value.figures;
		const {sizing: _sizing, ...fullRiskRest} = fullRisk ?? {maxLoss: ''};
		expect(panelRest).toEqual(fullRest);
		expect(panelRisk).toEqual(fullRiskRest);
		expect(panel.value.warnings).toEqual(full.value.warnings);
	});
	it('the sizer is there in the full detail for the stop-loss input', () => {
		const full = assess(inputs[0]!);
		expect(full.ok && full.value.figures.risk?.sizing?.quantity).toBeTruthy();
	});
});
