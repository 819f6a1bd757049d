/**
 * The one liquidation model that covers every order-book venue (derived from the venues' maintenance-margin
 * definitions, e.g.
 * https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93
 * and https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations):
 *
 *   liquidation when  M + s·Q·(p − E) = Q·p·m − D
 *   ⇒  LP = (s·Q·E − M − D) / (Q·(s − m))
 *
 * s = +1 long / −1 short, Q = size (base units), E = entry price, M = margin backing the position, m and D = the
 * maintenance rate and deduction of the tier that contains the notional AT the liquidation price (Binance FAQ:
 * "If your position (calculated at the liquidation price) and the current position … are of different levels …
 * recalculate"; Hyperliquid margin-tiers page: "the unique margin tier corresponding to the position value at the
 * liquidation price", https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers). Read in archived copies,
 * 2026-11-21.
 *
 * Equity minus maintenance is strictly monotonic in p (slope Q·(1 − m) > 0 for a long, −Q·(1 + m) for a short)
 * and continuous across tiers, so at most one tier is self-consistent; trying each tier finds it.
 */
import {D, type Dec, ONE, ZERO} from './decimal.js';
import type {NormalTier} from './tiers.js';

export type Sign = 1 | -1;

export type SolvedLiquidation =
	| {kind: 'price'; price: Dec; tier: NormalTier}
	| {kind: 'none'; reason: 'below-zero' | 'unreachable'}
	/** The solution lies past the last row of a capped (partial) tier table: we will not guess the next rate. */
	| {kind: 'beyond-table'};

/** Relative slack for the tier-interval check, far below any displayed digit (40-digit arithmetic). */
const SLACK = new D('1e-24');

export function solveLiquidation(params: {
	sign: Sign;
	quantity: Dec;
	entryPrice: Dec;
	backingMargin: Dec;
	tiers: readonly NormalTier[];
	/** Added to every tier's rate: OKX counts the liquidation fee at the taker rate in the requirement. */
	rateAddon?: Dec;
}): SolvedLiquidation {
	const {sign, quantity, entryPrice, backingMargin, tiers, rateAddon = ZERO} = params;
	// s·Q·E − M is the same for every tier: computed once, before the loop.
	const signedCostLessMargin = signed(sign, quantity.times(entryPrice)).minus(backingMargin);
	const s = decSign(sign);
	let sawBelowZero = false;
	let lastSolution: Dec | undefined;
	for (const tier of tiers) {
		const m = withAddon(tier.rate, rateAddon);
		const denominator = quantity.times(s.minus(m));
		if (denominator.isZero()) continue;
		const price = signedCostLessMargin.minus(tier.deduction).div(denominator);
		if (price.lte(0)) {
			sawBelowZero = true;
			continue;
		}
		lastSolution = price;
		const notional = quantity.times(price);
		const slack = notional.times(SLACK);
		if (notional.gte(tier.floor.minus(slack)) && (tier.cap === undefined || notional.lt(tier.cap.plus(slack)))) {
			return {kind: 'price', price, tier};
		}
	}
	const last = tiers.at(-1);
	if (lastSolution && last?.cap !== undefined && quantity.times(lastSolution).gte(last.cap)) return {kind: 'beyond-table'};
	if (sawBelowZero) return {kind: 'none', reason: 'below-zero'};
	return {kind: 'none', reason: 'unreachable'};
}

/**
 * The backing margin at which the liquidation price is exactly `target` (the inverse of `solveLiquidation`), using
 * the tier that contains the notional at `target`. Used for "the highest leverage whose liquidation stays beyond the
 * stop". Undefined when `target` is outside the table.
 */
export function marginForLiquidation(params: {
	sign: Sign;
	quantity: Dec;
	entryPrice: Dec;
	target: Dec;
	tiers: readonly NormalTier[];
	rateAddon?: Dec;
	tierAt: (notional: Dec) => NormalTier | undefined;
}): Dec | undefined {
	const {sign, quantity, entryPrice, target, rateAddon = ZERO, tierAt} = params;
	const tier = tierAt(quantity.times(target.gt(0) ? target : ZERO));
	if (!tier) return undefined;
	const m = withAddon(tier.rate, rateAddon);
	// M = s·Q·E − D − LP·Q·(s − m)
	return signed(sign, quantity.times(entryPrice)).minus(tier.deduction).minus(target.times(quantity).times(decSign(sign).minus(m)));
}

/** Maintenance margin N × rate − D for a notional, with the tier containing it. */
export function maintenanceFor(notional: Dec, tier: NormalTier, rateAddon: Dec = ZERO): Dec {
	return notional.times(withAddon(tier.rate, rateAddon)).minus(tier.deduction);
}

/** The tier's rate plus OKX's fee term; most venues have none, and adding zero is still a Decimal operation. */
function withAddon(rate: Dec, rateAddon: Dec): Dec {
	return rateAddon.isZero() ? rate : rate.plus(rateAddon);
}

export const signOf = (side: 'long' | 'short'): Sign => (side === 'long' ? 1 : -1);
const MINUS_ONE = ONE.neg();
export const decSign = (sign: Sign): Dec => (sign === 1 ? ONE : MINUS_ONE);
/** s × value without a Decimal product: the value itself, or its negation. */
export const signed = (sign: Sign, value: Dec): Dec => (sign === 1 ? value : value.neg());
