/**
 * A 95 % confidence interval for a ratio measured once per round (the page-overhead suite's with/without per pair).
 *
 * Why: on this project's 2-core hosts one overhead run of 3–8 rounds swings by ±3–5 % (the A/A ratio of the same
 * page in two control tabs read 0.97–1.06 in session 8), more than the 1 % budget. A point estimate printed against
 * that budget says PASS or MISS by chance near it; the interval says whether the run can tell at all.
 *
 * Ratios are averaged on the log scale (a ratio of 0.5 and one of 2 cancel), with Student's t for the few rounds a
 * run has: the interval is exp(mean ± t(0.975, n − 1) · sd / √n) of the log ratios. It assumes rounds independent
 * and roughly log-normal; the bench rotates the tabs' opening order so no tab is always opened last.
 */

/** Two-sided 95 % quantiles of Student's t, by degrees of freedom (any statistics table). */
const T_975: Readonly<Record<number, number>> = {
	1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
	11: 2.201, 12: 2.179, 13: 2.16, 14: 2.145, 15: 2.131, 16: 2.12, 17: 2.11, 18: 2.101, 19: 2.093, 20: 2.086,
	25: 2.06, 30: 2.042, 40: 2.021, 60: 2.0, 120: 1.98,
};

/** t(0.975, df): the table's value, or the next smaller df's listed (a wider, conservative interval). */
export function tQuantile975(degreesOfFreedom: number): number {
	if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) throw new RangeError(`degrees of freedom must be a positive integer, not ${degreesOfFreedom}`);
	const listed = Object.keys(T_975).map(Number).filter(df => df <= degreesOfFreedom);
	return T_975[Math.max(...listed)]!;
}

export type RatioInterval = {geometricMean: number; low: number; high: number; rounds: number};

/** The geometric mean of per-round ratios and its 95 % interval; undefined with fewer than 2 rounds or a ratio ≤ 0. */
export function ratioInterval95(ratios: readonly number[]): RatioInterval | undefined {
	if (ratios.length < 2 || ratios.some(ratio => !(ratio > 0) || !Number.isFinite(ratio))) return undefined;
	const logs = ratios.map(Math.log);
	const n = logs.length;
	const mean = logs.reduce((sum, value) => sum + value, 0) / n;
	const variance = logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
	const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
	return {geometricMean: Math.exp(mean), low: Math.exp(mean - half), high: Math.exp(mean + half), rounds: n};
}
