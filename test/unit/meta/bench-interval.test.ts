import {describe, expect, it} from 'vitest';
import {ratioInterval95, tQuantile975} from '../../../scripts/bench/interval.js';

describe('bench: 95 % interval of a per-round ratio', () => {
	it('is exact for ratios that do not vary: the interval is the ratio itself', () => {
		const result = ratioInterval95([1.05, 1.05, 1.05, 1.05]);
		expect(result?.geometricMean).toBeCloseTo(1.05, 12);
		expect(result?.low).toBeCloseTo(1.05, 12);
		expect(result?.high).toBeCloseTo(1.05, 12);
		expect(result?.rounds).toBe(4);
	});

	it('matches a hand computation on the log scale (two rounds: t = 12.706)', () => {
		// logs: ln 1.1 and ln 1.0; mean = ln(1.1)/2, sd = ln(1.1)/√2, half = 12.706 · sd/√2 = 12.706 · ln(1.1)/2.
		const result = ratioInterval95([1.1, 1.0])!;
		const ln = Math.log(1.1);
		expect(result.geometricMean).toBeCloseTo(Math.sqrt(1.1), 12);
		expect(result.low).toBeCloseTo(Math.exp(ln / 2 - (12.706 * ln) / 2), 12);
		expect(result.high).toBeCloseTo(Math.exp(ln / 2 + (12.706 * ln) / 2), 12);
	});

	it('treats a ratio and its inverse as cancelling (geometric, not arithmetic, mean)', () => {
		expect(ratioInterval95([2, 0.5])!.geometricMean).toBeCloseTo(1, 12);
	});

	it('narrows with more rounds of the same spread', () => {
		const few = ratioInterval95([0.98, 1.06, 1.0, 1.04])!;
		const many = ratioInterval95([0.98, 1.06, 1.0, 1.04, 0.98, 1.06, 1.0, 1.04])!;
		expect(many.high - many.low).toBeLessThan(few.high - few.low);
		expect(few.low).toBeLessThan(few.geometricMean);
		expect(few.high).toBeGreaterThan(few.geometricMean);
	});

	it('gives no interval when it cannot: one round, a zero, a negative or a non-finite ratio', () => {
		expect(ratioInterval95([1.02])).toBeUndefined();
		expect(ratioInterval95([])).toBeUndefined();
		expect(ratioInterval95([1.02, 0])).toBeUndefined();
		expect(ratioInterval95([1.02, -1])).toBeUndefined();
		expect(ratioInterval95([1.02, Number.NaN])).toBeUndefined();
		expect(ratioInterval95([1.02, Number.POSITIVE_INFINITY])).toBeUndefined();
	});

	it('reads t from the table, conservatively between listed degrees of freedom', () => {
		expect(tQuantile975(1)).toBe(12.706);
		expect(tQuantile975(7)).toBe(2.365);
		// 22 is not listed: the value for 20 (wider than the true 2.074).
		expect(tQuantile975(22)).toBe(2.086);
		expect(tQuantile975(1000)).toBe(1.98);
		expect(() => tQuantile975(0)).toThrow(RangeError);
		expect(() => tQuantile975(2.5)).toThrow(RangeError);
	});
});
