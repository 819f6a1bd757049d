/**
 * Bybit USDT perpetual.
 *
 * Unified Trading Account (current; "Liquidation Price Calculation under Isolated Mode (UTA)", quoted verbatim by
 * two public repositories that read the live page in 2026-08/09;
 * https://www.bybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account):
 *   LP(long)  = [EP·Q − EP·Q/Lev − Extra/(1 − Taker) − MMDeduction] / [Q − Q·MMR]
 *   LP(short) = [EP·Q + EP·Q/Lev + Extra/(1 + Taker) + MMDeduction] / [Q + Q·MMR]
 *   IM = PositionValue/Lev + FeeToClose, MM = PositionValue·MMR − Deduction + FeeToClose,
 *   FeeToClose = Q × bankruptcy price × taker (the fee sits in both IM and MM and cancels out of LP).
 * = the linear model with M = EP·Q/Lev + Extra/(1 − s·Taker). Cross (UTA): account-level; single-position estimate
 * = the linear model on the wallet balance (derived from Bybit's account MM rate,
 * https://www.bybit.com/en/help-center/article/UTA-Trading-Rules).
 *
 * Classic account (pre-UTA USDT-contract articles, official examples; only when `accountType: 'classic'`):
 *   LP = EP − s·(IM − MM_entry)/Q − s·(Extra + AccumulatedFunding)/Q, MM valued at entry (tier at entry notional).
 */
import {D, type Dec, ZERO} from '../decimal.js';
import type {InputReader} from '../input.js';
import {decSign, maintenanceFor} from '../liquidation.js';
import {tierFor} from '../tiers.js';
import type {PositionInput} from '../types.js';
import {venueName} from './catalogue.js';
import {type PositionCore, type VenueMeta, type VenueModel, linearPosition, resolveMarginMode, resolveQuantity, resolveSide, resolveTierSource} from './model.js';

const meta: VenueMeta = {
	id: 'bybit-linear',
	label: /* @__PURE__ */ venueName('bybit-linear'),
	hasCross: true,
	liquidationTrigger: 'mark',
	fundingPrice: 'mark',
	// Base (non-VIP) derivatives rates: https://bybit.nl/nl-NL/help-center/article/Perpetual-Futures-Contract-Fees-ExplainedDerivatives_Trading_Mechanism_UTA
	takerFeeRate: '0.00055',
	makerFeeRate: '0.0002',
	fundingIntervalHours: '8',
	maxLeverage: '100',
};

function classicPosition(reader: InputReader, input: PositionInput): PositionCore | undefined {
	const assumptions: string[] = [];
	const sign = resolveSide(reader);
	const marginMode = resolveMarginMode(reader, meta);
	const quantity = resolveQuantity(reader, input);
	const entryPrice = reader.decimal('entryPrice', {required: true, bound: 'positive'});
	const leverage = reader.decimal('leverage', {bound: 'positive'});
	const mark = reader.decimal('markPrice', {bound: 'positive'});
	const extra = reader.decimal('extraMargin', {bound: 'non-negative'}) ?? ZERO;
	const funding = reader.decimal('accumulatedFunding') ?? ZERO;
	const taker = reader.rate('takerFeeRate') ?? new D(meta.takerFeeRate);
	const resolved = resolveTierSource(reader, input, meta, assumptions);
	const tiers = resolved?.tiers;
	if (marginMode === 'cross') return reader.issue('marginMode', 'unsupported', 'the classic-account formula is isolated only');
	if (!reader.ok || sign === undefined || !quantity || !entryPrice || !tiers) return undefined;
	const given = reader.decimal('isolatedMargin', {bound: 'positive'});
	if (!given && !leverage) return reader.issue('leverage', 'missing', 'leverage (or isolatedMargin) is required');
	const s = decSign(sign);
	const notional = quantity.times(entryPrice);
	const initialMargin = given ?? notional.div(leverage ?? 1);
	const entryTier = tierFor(tiers, notional);
	if (!entryTier) return reader.issue('tiers', 'out-of-range', 'the entry notional is outside the tier table');
	const maintenanceAtEntry = maintenanceFor(notional, entryTier);
	const fixed = extra.plus(funding);
	const solveWith = (delta: Dec) => {
		const price = entryPrice.minus(s.times(initialMargin.minus(maintenanceAtEntry).plus(fixed).plus(delta)).div(quantity));
		return price.lte(0) ? ({kind: 'none', reason: 'below-zero'} as const) : ({kind: 'price', price, tier: entryTier} as const);
	};
	const referencePrice = mark ?? entryPrice;
	const currentTier = tierFor(tiers, quantity.times(referencePrice));
	return {
		sign,
		marginMode: 'isolated',
		quantity,
		entryPrice,
		referencePrice,
		leverage,
		maxLeverage: entryTier.maxLeverage ?? new D(meta.maxLeverage),
		initialMargin,
		backingMargin: initialMargin.plus(fixed),
		maintenance: currentTier
			? {margin: maintenanceFor(quantity.times(referencePrice), currentTier), rate: currentTier.rate, deduction: currentTier.deduction}
			: undefined,
		liquidation: solveWith(ZERO),
		liquidationWithMarginDelta: solveWith,
		bufferAt: price => initialMargin.plus(fixed).plus(s.times(quantity).times(price.minus(entryPrice))).minus(maintenanceAtEntry),
		maxLeverageFor: given
			? undefined
			: target => {
					const needed = s.times(quantity).times(entryPrice.minus(target)).plus(maintenanceAtEntry).minus(fixed);
					return needed.lte(0) ? 'any' : notional.div(needed);
				},
		estimatedFeeToClose: quantity.times(mark ?? entryPrice).times(taker),
		assumptions,
		parameterSource: resolved!.source,
	};
}

export const bybitLinear: VenueModel = {
	meta,
	position(reader, input) {
		const account = reader.oneOf('accountType', ['unified', 'classic'] as const, 'unified');
		if (account === 'classic') return classicPosition(reader, input);
		return linearPosition(reader, input, {meta, bybitUnified: true});
	},
};
