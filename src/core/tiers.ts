/**
 * Maintenance-margin tier tables (Binance brackets, Bybit risk limits, OKX position tiers, Hyperliquid margin
 * tiers). One normalised shape: `[floor, cap)` in notional, rate, deduction.
 *
 * Deduction recursion, shared by the venues (Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures
 * Contracts", https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93;
 * Hyperliquid https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers; both read in archived copies,
 * 2026-11-21):
 *   D₁ = 0, Dₙ = Dₙ₋₁ + floorₙ × (rateₙ − rateₙ₋₁)
 * It keeps the maintenance margin N × rate − D continuous across tier boundaries.
 */
import {type Dec, ONE, ZERO} from './decimal.js';
import type {InputReader} from './input.js';
import type {Tier} from './types.js';

export type NormalTier = {
	index: number;
	floor: Dec;
	/** undefined = unbounded. */
	cap: Dec | undefined;
	rate: Dec;
	deduction: Dec;
	maxLeverage: Dec | undefined;
};

/**
 * Validates and normalises a tier table. `rateFromMaxLeverage`: Hyperliquid's rule that a tier without a rate has
 * maintenance rate 1 / (2 × maxLeverage) (half the initial margin at max leverage). Its numbers are read through the
 * reader's memo: a market's live table is parsed once per edit, not once per side and fallback run.
 */
export function normaliseTiers(
	tiers: readonly Tier[],
	reader: InputReader,
	options: {rateFromMaxLeverage?: boolean} = {},
): NormalTier[] | undefined {
	if (!Array.isArray(tiers) || tiers.length === 0) return reader.issue('tiers', 'missing', 'tiers must be a non-empty list');
	if (tiers.length > 200) return reader.issue('tiers', 'out-of-range', 'tiers: more than 200 tiers');
	const result: NormalTier[] = [];
	let previous: NormalTier | undefined;
	for (const [index, tier] of tiers.entries()) {
		const where = `tiers[${index}]`;
		if (typeof tier !== 'object' || tier === null) return reader.issue(where, 'not-a-number', `${where} must be an object`);
		const floor = reader.memo.parse(tier.notionalFloor);
		const cap = tier.notionalCap === undefined ? undefined : reader.memo.parse(tier.notionalCap);
		const maxLeverage = tier.maxLeverage === undefined ? undefined : reader.memo.parse(tier.maxLeverage);
		let rate = tier.maintenanceMarginRate === undefined ? undefined : reader.memo.parse(tier.maintenanceMarginRate);
		if (floor === undefined || floor.lt(0)) return reader.issue(where, 'not-a-number', `${where}.notionalFloor must be a decimal ≥ 0`);
		if (tier.notionalCap !== undefined && (cap === undefined || cap.lte(floor))) {
			return reader.issue(where, 'out-of-range', `${where}.notionalCap must be above its floor`);
		}
		if (cap === undefined && index !== tiers.length - 1) {
			return reader.issue(where, 'missing', `${where}.notionalCap is required on every tier but the last`);
		}
		if (tier.maxLeverage !== undefined && (maxLeverage === undefined || maxLeverage.lte(0))) {
			return reader.issue(where, 'not-a-number', `${where}.maxLeverage must be a decimal > 0`);
		}
		if (rate === undefined && tier.maintenanceMarginRate === undefined && options.rateFromMaxLeverage && maxLeverage) {
			rate = ONE.div(maxLeverage.times(2));
		}
		if (rate === undefined || rate.lt(0) || rate.gte(1)) {
			return reader.issue(where, 'out-of-range', `${where}.maintenanceMarginRate must be a fraction in [0, 1)`);
		}
		if (previous && !previous.cap?.eq(floor)) {
			return reader.issue(where, 'inconsistent', `${where} must start where tier ${index - 1} ends`);
		}
		let deduction: Dec;
		if (tier.maintenanceDeduction !== undefined) {
			const given = reader.memo.parse(tier.maintenanceDeduction);
			if (given === undefined) return reader.issue(where, 'not-a-number', `${where}.maintenanceDeduction must be a decimal`);
			deduction = given;
		} else {
			deduction = previous ? previous.deduction.plus(floor.times(rate.minus(previous.rate))) : ZERO;
		}
		const normal: NormalTier = {index, floor, cap, rate, deduction, maxLeverage};
		result.push(normal);
		previous = normal;
	}
	return result;
}

/** The tier whose [floor, cap) contains `notional`; undefined below the first floor or past a capped last tier. */
export function tierFor(tiers: readonly NormalTier[], notional: Dec): NormalTier | undefined {
	// Tables are short (≤ 40 rows for the largest venue tables), so a linear scan is as fast as a binary search.
	for (const tier of tiers) {
		if (notional.gte(tier.floor) && (tier.cap === undefined || notional.lt(tier.cap))) return tier;
	}
	return undefined;
}

/** A single-rate "table" for inputs that give one rate and deduction. */
export function singleTier(rate: Dec, deduction: Dec = ZERO, maxLeverage?: Dec): NormalTier[] {
	return [{index: 0, floor: ZERO, cap: undefined, rate, deduction, maxLeverage}];
}

