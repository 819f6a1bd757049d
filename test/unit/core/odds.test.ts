import Decimal from 'decimal.js';
import {describe, expect, it} from 'vitest';
import {normalCdf, probabilityPercent, touchProbability} from '../../../src/core/odds.js';
import {D} from '../../../src/core/decimal.js';

describe('normal CDF', () => {
	it.each([
		[0, 0.5],
		[1, 0.841344746],
		[-1, 0.158655254],
		[1.959963985, 0.975000000],
		[5, 0.999999713348428],
		[-6, 9.86587645037698e-10],
		[-3, 0.001349898],
	])('Φ(%d) = %d', (x, expected) => {
		expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-9);
	});
});

describe('touch probability (driftless GBM, reflection formula with the log drift)', () => {
	const years = (hours: number) => new D(hours).div(8760);
	const p = (barrier: string, hours: number, vol = '0.6') =>
		touchProbability({sign: new D(barrier).lte(60000) ? 1 : -1, price: new D(60000), barrier: new D(barrier), annualVolatility: new D(vol), years: years(hours)});
	it('is certain at the price and zero for a barrier at or below zero', () => {
		expect(p('60000', 1)).toBe(1);
		expect(p('0', 24)).toBe(0);
	});
	it('is certain for a barrier already past the price (a long liquidated above it, a short below it)', () => {
		const past = (sign: 1 | -1, barrier: string) =>
			touchProbability({sign, price: new D(60000), barrier: new D(barrier), annualVolatility: new D('0.6'), years: years(24)});
		expect(past(1, '60600')).toBe(1);
		expect(past(-1, '59400')).toBe(1);
	});
	// The log of a driftless GBM drifts by −σ²/2; over 24 h that shifts the odds of a 1.7 % drop by about half a point.
	it('equals the driftless reflection value 2·(1 − Φ(|b|/σ√T)) up to the small drift term', () => {
		const sigmaRootT = 0.6 * Math.sqrt(24 / 8760);
		const b = Math.abs(Math.log(59000 / 60000));
		const reflection = 2 * (1 - normalCdf(b / sigmaRootT));
		expect(Math.abs(p('59000', 24) - reflection)).toBeLessThan(0.01);
		expect(p('59000', 24)).toBeGreaterThan(reflection); // the drift is downward, toward a long's liquidation
	});
	it('rises with time and volatility, falls with distance', () => {
		expect(p('59000', 8)).toBeLessThan(p('59000', 24));
		expect(p('59000', 24, '0.3')).toBeLessThan(p('59000', 24, '0.9'));
		expect(p('55000', 24)).toBeLessThan(p('59000', 24));
		expect(p('65000', 24)).toBeLessThan(p('61000', 24));
	});
	it('agrees with a seeded Monte Carlo of the GBM within sampling error', () => {
		// 4,000 paths × 96 steps of 15 min; a deterministic LCG keeps the test repeatable.
		let seed = 42;
		const uniform = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) + 0.5) / 4294967296;
		const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
		const sigma = 0.6;
		const dt = 24 / 8760 / 96;
		let hits = 0;
		for (let path = 0; path < 4000; path++) {
			let x = 0;
			for (let step = 0; step < 96; step++) {
				x += -0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * gaussian();
				if (x <= Math.log(59000 / 60000)) {
					hits++;
					break;
				}
			}
		}
		// Discrete monitoring misses some touches, so the simulated rate sits a little under the continuous one.
		const simulated = hits / 4000;
		const exact = p('59000', 24);
		expect(simulated).toBeLessThanOrEqual(exact + 0.03);
		expect(simulated).toBeGreaterThan(exact - 0.1);
		expect(new Decimal(exact).gt(0.5)).toBe(true);
	});
});

describe('probability as a percent (6 decimals of the probability, then hundredths of a percent, half to even)', () => {
	// The definition, in Decimals: the integer arithmetic of probabilityPercent must give the same text.
	const byDefinition = (probability: number) => new D(probability.toFixed(6)).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed();
	it.each([
		[0, '0'],
		[1, '100'],
		[0.5, '50'],
		[0.0422, '4.22'],
		[0.0425, '4.25'],
		[0.000049, '0'], // 0.0049 % → 0.00
		[0.000051, '0.01'],
		[0.000050, '0'], // a tie, to the even 0.00
		[0.000150, '0.02'], // a tie, to the even 0.02
		[0.123450, '12.34'],
		[0.123451, '12.35'],
		[0.99995, '100'],
		[0.1, '10'],
		[0.12, '12'],
		[0.123, '12.3'],
	])('%d → %s', (probability, expected) => {
		expect(probabilityPercent(probability)).toBe(expected);
		expect(byDefinition(probability)).toBe(expected);
	});
	it('agrees with the definition over 20,000 probabilities, ties included', () => {
		for (let i = 0; i <= 20_000; i++) {
			const probability = i % 2 === 0 ? i / 20_000 : Math.sin(i) ** 2;
			expect(probabilityPercent(probability)).toBe(byDefinition(probability));
		}
	});
});
