/**
 * Odds of touching the liquidation price within a horizon T, for a price following driftless geometric Brownian
 * motion dS = σ·S·dW (a martingale: no view on direction). Its log follows a Brownian motion with drift
 * ν = −σ²/2, and the first-passage probability to a barrier at log-distance b is the reflection-principle formula
 * with drift (e.g. Shreve, Stochastic Calculus for Finance II, §7.2.2; Borodin & Salminen 2.1.1.4):
 *
 *   barrier below (long, b = ln(L/S) < 0):  P = Φ((b − νT)/(σ√T)) + e^{2νb/σ²} · Φ((b + νT)/(σ√T))
 *   barrier above (short, b > 0):           P = Φ((−b + νT)/(σ√T)) + e^{2νb/σ²} · Φ((−b − νT)/(σ√T))
 *
 * Probabilities are model estimates, not money: they are computed in binary floating point (the normal CDF needs
 * exp/erf) from Decimal inputs, clamped to [0, 1] and reported with one decimal of a percent at most.
 */
import type {Dec} from './decimal.js';
import type {Sign} from './liquidation.js';

/**
 * Standard normal CDF, accurate to ~1e-14: the Maclaurin series of erf for |z| < 3, the continued fraction of erfc
 * beyond (Abramowitz & Stegun 7.1.5 and 7.1.14).
 */
export function normalCdf(x: number): number {
	const z = Math.abs(x) / Math.SQRT2;
	let erfc: number;
	if (z < 3) {
		let term = z;
		let sum = z;
		for (let n = 1; n < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
			term *= (-z * z) / n;
			sum += term / (2 * n + 1);
		}
		erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
	} else {
		let fraction = 0;
		for (let k = 60; k >= 1; k--) fraction = k / 2 / (z + fraction);
		erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + fraction);
	}
	return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Probability in [0, 1] that a driftless GBM started at `price` touches `barrier` within `years`. `sign` says on
 * which side the barrier lies: +1 (a long's liquidation) below the price, −1 (a short's) above. A barrier at or
 * already past the price (above it for +1, below it for −1) has probability 1.
 */
export function touchProbability(params: {sign: Sign; price: Dec; barrier: Dec; annualVolatility: Dec; years: Dec}): number {
	const {sign, price, barrier, annualVolatility, years} = params;
	if (sign === 1 ? barrier.gte(price) : barrier.lte(price)) return 1;
	if (barrier.lte(0)) return 0;
	// A float log is plenty for a probability shown to 0.01 %; Decimal's 40-digit ln costs ~40 µs a call.
	const b = Math.log(barrier.div(price).toNumber());
	const sigma = annualVolatility.toNumber();
	const t = years.toNumber();
	if (b === 0) return 1;
	if (!(sigma > 0) || !(t > 0)) return 0;
	const nu = -(sigma * sigma) / 2;
	const sd = sigma * Math.sqrt(t);
	const weight = Math.exp((2 * nu * b) / (sigma * sigma));
	const p = b < 0
		? normalCdf((b - nu * t) / sd) + weight * normalCdf((b + nu * t) / sd)
		: normalCdf((-b + nu * t) / sd) + weight * normalCdf((-b - nu * t) / sd);
	return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1;
}

/**
 * Percent with at most 2 decimals, as a plain string: the probability to 6 decimals (`toFixed`), then to hundredths
 * of a percent, half to even. In integers (millionths, then hundredths of a percent) rather than Decimals: three
 * calls per assessment, and a Decimal parse, product and rounding for each was ≈ 3 % of the engine's time.
 */
export function probabilityPercent(probability: number): string {
	const clamped = Math.min(1, Math.max(0, Number.isFinite(probability) ? probability : 1));
	const millionths = parseInt(clamped.toFixed(6).replace('.', ''), 10);
	let hundredths = Math.floor(millionths / 100);
	const rest = millionths % 100;
	if (rest > 50 || (rest === 50 && hundredths % 2 === 1)) hundredths += 1;
	const whole = Math.floor(hundredths / 100);
	const fraction = hundredths % 100;
	return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}
