import fc from 'fast-check';
import Decimal from 'decimal.js';
import {describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {computeOutput} from '../../../src/core/outputs.js';
import type {AssessInput, Liquidation, Side, VenueId} from '../../../src/core/types.js';

import {fuzzTimeout} from '../fuzz/runs.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** `npm run fuzz` runs 10,000 cases per property (≈1 ms each with two assessments on 2 cores). */
const TIMEOUT = fuzzTimeout(3, RUNS);
/** Plain decimal strings from a bounded range, with up to `places` decimals. */
const decimal = (min: number, max: number, places = 4) =>
	fc.integer({min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places)}).map(n => new Decimal(n).div(10 ** places).toFixed());
const side = fc.constantFrom<Side>('long', 'short');
const linearVenue = fc.constantFrom<VenueId>('binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid', 'aster-pro', 'dydx-v4', 'custom');

const liq = (input: AssessInput): Liquidation | undefined => {
	const result = assess(input);
	return result.ok ? result.value.figures.liquidation : undefined;
};
const price = (liquidation: Liquidation | undefined) => (liquidation?.kind === 'price' ? new Decimal(liquidation.price) : undefined);

/** A position every linear model accepts: explicit single rate so no bundled table is needed. */
const position = fc.record({
	venue: linearVenue,
	side,
	quantity: decimal(0.001, 50, 3),
	entryPrice: decimal(1, 200000, 2),
	maintenanceMarginRate: decimal(0.001, 0.05, 4),
	leverage: decimal(1.5, 40, 1),
});

describe('engine properties (fast-check)', () => {
	it('liquidation moves toward entry as leverage rises', () => {
		fc.assert(
			fc.property(position, decimal(0.1, 10, 1), (input, step) => {
				const higher = new Decimal(input.leverage).plus(step).toFixed();
				const a = price(liq({...input, marginMode: 'isolated'}));
				const b = price(liq({...input, marginMode: 'isolated', leverage: higher}));
				if (!a || !b) return true;
				// Toward entry: a long's liquidation rises, a short's falls.
				return input.side === 'long' ? b.gte(a) : b.lte(a);
			}),
			{numRuns: RUNS},
		);
	}, TIMEOUT);

	it('long and short mirror: long liquidates below entry, short above; with no maintenance and fees the distances are equal', () => {
		fc.assert(
			fc.property(position, input => {
				const longResult = assess({...input, side: 'long', marginMode: 'isolated'});
				const shortResult = assess({...input, side: 'short', marginMode: 'isolated'});
				// Both sides are accepted or refused together (the same leverage-vs-maintenance check).
				if (longResult.ok !== shortResult.ok) return false;
				if (!longResult.ok) return true;
				const long = price(liq({...input, side: 'long', marginMode: 'isolated'}));
				const short = price(liq({...input, side: 'short', marginMode: 'isolated'}));
				const entry = new Decimal(input.entryPrice);
				if (short === undefined || short.lte(entry)) return false;
				if (long !== undefined && long.gte(entry)) return false;
				const flat = {...input, venue: 'custom' as const, maintenanceMarginRate: '0', marginMode: 'isolated' as const};
				const longFlat = price(liq({...flat, side: 'long'}));
				const shortFlat = price(liq({...flat, side: 'short'}));
				return longFlat === undefined || entry.minus(longFlat).minus(shortFlat!.minus(entry)).abs().lte('1e-18');
			}),
			{numRuns: RUNS},
		);
	}, TIMEOUT);

	it('more margin never moves liquidation closer', () => {
		fc.assert(
			fc.property(position, decimal(0, 100000, 2), (input, extra) => {
				const a = price(liq({...input, marginMode: 'isolated'}));
				const b = price(liq({...input, marginMode: 'isolated', extraMargin: extra}));
				if (!a) return true;
				if (!b) return input.side === 'long'; // a long can lose its liquidation entirely (below zero)
				return input.side === 'long' ? b.lte(a) : b.gte(a);
			}),
			{numRuns: RUNS},
		);
	}, TIMEOUT);

	it('funding paid moves liquidation closer, funding received moves it away', () => {
		fc.assert(
			fc.property(position, decimal(-0.003, 0.003, 6), (input, rate) => {
				const result = assess({...input, marginMode: 'isolated', fundingRate: rate, holdHours: '72'});
				// Refused only for the named leverage-vs-maintenance reason (this generator can reach it).
				if (!result.ok) return result.issues.every(issue => issue.field === 'leverage');
				const {liquidation, funding} = result.value.figures;
				const before = price(liquidation);
				const after = price(funding?.liquidationAfterHold);
				if (!before || !after) return true;
				const paying = new Decimal(funding!.paymentOverHold);
				// Closer = in the adverse direction (a long's liquidation rises); enough funding can carry it past entry.
				const adverse = input.side === 'long' ? after.gte(before) : after.lte(before);
				const favourable = input.side === 'long' ? after.lte(before) : after.gte(before);
				if (paying.gt(0)) return adverse;
				if (paying.lt(0)) return favourable;
				return after.eq(before);
			}),
			{numRuns: RUNS},
		);
	}, TIMEOUT);

	it('tier boundaries are continuous: maintenance margin and liquidation price have no jump', () => {
		const tiers = [
			{notionalFloor: '0', notionalCap: '50000', maintenanceMarginRate: '0.004'},
			{notionalFloor: '50000', notionalCap: '600000', maintenanceMarginRate: '0.005'},
			{notionalFloor: '600000', notionalCap: '3000000', maintenanceMarginRate: '0.0065'},
			{notionalFloor: '3000000', maintenanceMarginRate: '0.01'},
		];
		fc.assert(
			fc.property(fc.constantFrom('50000', '600000', '3000000'), side, decimal(0.001, 1, 3), (boundary, direction, epsilon) => {
				// Maintenance margin just below and at a boundary differ by no more than the slope × gap.
				const at = (notional: Decimal) =>
					computeOutput('maintenanceMargin', {venue: 'binance-usdm', quantity: '1', markPrice: notional.toFixed(), tiers});
				const below = at(new Decimal(boundary).minus(epsilon));
				const onIt = at(new Decimal(boundary));
				if (!below.ok || !onIt.ok) return false;
				const jump = new Decimal(onIt.value).minus(below.value).abs();
				if (jump.gt(new Decimal(epsilon).times('0.0101'))) return false;
				// The liquidation price as a function of margin is continuous across the tier switch.
				const input = {venue: 'binance-usdm' as const, side: direction, marginMode: 'isolated' as const, quantity: '10', entryPrice: new Decimal(boundary).div(10).times(direction === 'long' ? '1.2' : '0.8').toFixed(), tiers};
				const lp = (margin: Decimal) => price(liq({...input, isolatedMargin: margin.toFixed(), leverage: '1'}));
				const notional = new Decimal(input.quantity).times(input.entryPrice);
				const margins = [notional.times('0.05'), notional.times('0.15'), notional.times('0.3')];
				return margins.every(margin => {
					const a = lp(margin);
					const b = lp(margin.plus(epsilon));
					return !a || !b || a.minus(b).abs().lte(new Decimal(epsilon).div('9.8'));
				});
			}),
			{numRuns: RUNS},
		);
	}, TIMEOUT);

	it('no NaN or Infinity for any finite input: a figure or a named issue', () => {
		const anyText = fc.oneof(
			decimal(-1000, 1e6, 6),
			fc.constantFrom('0', '-0', '1e309', 'NaN', 'Infinity', '--', '1.234,5', '', ' 7 ', '.5', '5.', '00012', '1e-7'),
			fc.string({maxLength: 8}),
		);
		fc.assert(
			fc.property(
				fc.record({
					venue: fc.constantFrom<VenueId>('binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid', 'aster-pro', 'aster-simple', 'dydx-v4', 'gmx-v2', 'custom'),
					side,
					marginMode: fc.constantFrom('isolated', 'cross'),
					quantity: anyText,
					entryPrice: anyText,
					leverage: anyText,
					walletBalance: anyText,
					maintenanceMarginRate: fc.oneof(decimal(0, 0.2, 4), anyText),
					fundingRate: fc.oneof(decimal(-0.01, 0.01, 6), anyText),
					stopLossPrice: anyText,
					initialMargin: anyText,
				}),
				raw => {
					const result = assess(raw as AssessInput);
					if (!result.ok) return result.issues.length > 0 && result.issues.every(issue => typeof issue.field === 'string' && issue.message.length > 0);
					const text = JSON.stringify(result.value);
					return !/NaN|Infinity/.test(text) && result.value.warnings.every(warning => !/\$\d|undefined/.test(warning.message));
				},
			),
			{numRuns: RUNS * 3},
		);
	}, TIMEOUT * 3);
});
