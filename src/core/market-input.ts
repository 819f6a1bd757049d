/**
 * Market parameters into the engine, and the fallbacks when a market has none. Order (docs/risk-model.md,
 * "Where the maintenance parameters come from"):
 *
 *   1. a rate or table given with the order itself ('input'; the custom venue's rate from the options is 'typed');
 *   2. the market's parameters handed in by the caller (`AssessOptions.market`: live from the venue's public API,
 *      labelled by its `source`);
 *   3. the rate the user typed for this market ('typed');
 *   4. the bundled table (src/core/data/tiers.ts);
 *   5. the rate implied by the venue's own liquidation estimate read from the page ('implied');
 *   5′. the venue model's documented default ('venue-default': dYdX's genesis fraction);
 *   6. a liquidation range over the venue's documented tier-1 rates ('range'; GMX's collateral factors replace its
 *      default);
 *   7. otherwise an InputIssue on 'maintenanceMarginRate' (code 'missing').
 *
 * Only 1–3 may be shown as fact (the venue's live data, or the user's own number stated as theirs). Pure: the
 * caller hands in the parameters and their fetch time; nothing here reads a clock or the network.
 */
import {D, type Dec, ONE, parseDecimal, toPlain} from './decimal.js';
import {BUNDLED_CONTRACT_VALUES, TIER_ONE_RANGES} from './data/tiers.js';
import {DecimalMemo, InputReader} from './input.js';
import type {MarketParams} from './market-params.js';
import type {AssessInput, LiquidationRange, ParameterSource} from './types.js';
import type {PositionCore, VenueModel} from './venues/model.js';

/** A maintenance rate the user typed for this market (fraction), remembered by the caller. */
export type TypedRate = {maintenanceMarginRate: string; savedAtMs?: number};

const has = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** A market id without case or separators: "btc-usdt-swap" and "BTC-USDT-SWAP" are one market. */
const marketKey = (symbol: unknown): string => (typeof symbol === 'string' ? symbol.toUpperCase().replace(/[-/_:\s]/g, '') : '');

/** True when the order input carries its own maintenance parameters (they win over market data). */
function hasOwnMaintenance(input: AssessInput): boolean {
	switch (input.venue) {
		case 'gmx-v2':
			return has(input.minCollateralFactor);
		case 'aster-simple':
			return has(input.liquidationLossRate);
		case 'hyperliquid':
			return has(input.tiers) || has(input.maintenanceMarginRate) || has(input.maxLeverage);
		default:
			return has(input.tiers) || has(input.maintenanceMarginRate);
	}
}

/** The loss rate of the band whose [minLeverage, maxLeverage] holds `leverage`. */
function lossRateFor(bands: MarketParams['lossRateBands'], leverage: Dec | undefined): string | undefined {
	if (!bands || !leverage) return undefined;
	for (const band of bands) {
		const low = parseDecimal(band.minLeverage);
		const high = parseDecimal(band.maxLeverage);
		if (low && high && leverage.gte(low) && leverage.lte(high) && parseDecimal(band.liquidationLossRate)) return band.liquidationLossRate;
	}
	return undefined;
}

/**
 * GMX: the min collateral factor for this position. GMX's markets API lists it per tier of position size
 * (`leverageTiers[].maxPositionSize`, USD, https://docs.gmx.io/docs/api/), so it is the factor of the tier with the
 * smallest cap at or above the position's USD size. None without a size, or above the last listed cap: nothing
 * published covers that size, so the documented range applies rather than a smaller tier's factor shown as fact.
 * A market with no tiers (a caller's single `minCollateralFactor`) gives that factor.
 */
function gmxFactorFor(market: MarketParams, input: AssessInput, assumptions: string[], memo: DecimalMemo): string | undefined {
	if (!market.tiers || market.tiers.length === 0) return market.minCollateralFactor || undefined;
	if (market.tierBasis === 'contracts') return undefined;
	const quantity = memo.parse(input.quantity);
	const entry = memo.parse(input.entryPrice);
	const size = memo.parse(input.sizeInUsd) ?? (quantity && entry ? quantity.times(entry) : undefined);
	if (!size) return undefined;
	let best: {cap?: Dec; rate: string} | undefined;
	for (const tier of market.tiers) {
		const cap = tier.notionalCap === undefined ? undefined : parseDecimal(tier.notionalCap);
		if (!tier.maintenanceMarginRate || !parseDecimal(tier.maintenanceMarginRate) || (tier.notionalCap !== undefined && !cap)) continue;
		if (cap && cap.lt(size)) continue;
		if (!best || (cap && (!best.cap || cap.lt(best.cap)))) best = cap ? {cap, rate: tier.maintenanceMarginRate} : {rate: tier.maintenanceMarginRate};
	}
	if (!best) {
		assumptions.push(`${market.symbol}: the market’s listed minimum collateral factors stop below this position’s size (${toPlain(size)} USD); none is used.`);
	}
	return best?.rate;
}

/**
 * Puts the market's parameters and the typed rate into a copy of the input, where the input has none of its own.
 * Returns the input to assess and the origin of its maintenance parameters when they came from here (undefined:
 * the input's own, or the model's bundled/default fallback, which the model names itself). `memo`: the texts this
 * evaluation already parsed.
 */
export function withMarket(
	input: AssessInput,
	original: AssessInput,
	market: MarketParams | undefined,
	typed: TypedRate | undefined,
	assumptions: string[],
	memo: DecimalMemo = new DecimalMemo(),
): {input: AssessInput; origin?: ParameterSource} {
	const effective: AssessInput = {...input};
	let origin: ParameterSource | undefined;
	// The custom venue's rate from the options is the user's own number.
	if (!has(original.maintenanceMarginRate) && has(effective.maintenanceMarginRate) && !has(original.tiers)) origin = {kind: 'typed'};
	const own = hasOwnMaintenance(effective);
	let usable = market !== undefined && market.venue === input.venue;
	// Same market only: BTC-USD-SWAP (coin-margined) shares BTC-USDT-SWAP's base asset, not its tiers.
	if (usable && market && has(input.symbol) && marketKey(market.symbol) !== marketKey(input.symbol)) {
		assumptions.push(`Market data for ${market.symbol} not used: the order is on ${String(input.symbol)}.`);
		usable = false;
	}
	if (usable && market) {
		if (!has(effective.contractValue) && market.contractValue) effective.contractValue = market.contractValue;
		if (!has(effective.fundingIntervalHours) && market.fundingIntervalHours) effective.fundingIntervalHours = market.fundingIntervalHours;
		if (!has(effective.minCollateralUsd) && market.minCollateralUsd) effective.minCollateralUsd = market.minCollateralUsd;
		const imf = parseDecimal(market.initialMarginFraction);
		const cap = market.maxLeverage ?? (imf?.gt(0) ? toPlain(ONE.div(imf)) : undefined);
		// Hyperliquid reads a bare max leverage as its rate (1 / (2 × max)): only with no table of its own.
		if (!has(effective.maxLeverage) && cap && !(input.venue === 'hyperliquid' && own)) effective.maxLeverage = cap;
		if (!own) {
			let applied = false;
			if (market.tiers && market.tiers.length > 0 && input.venue !== 'gmx-v2' && input.venue !== 'aster-simple') {
				effective.tiers = market.tiers;
				// OKX position tiers are in contracts (market-params.ts): the default when a caller leaves the basis out.
				effective.tierBasis = market.tierBasis ?? (input.venue === 'okx-swap' ? 'contracts' : 'notional');
				applied = true;
			} else if (input.venue === 'dydx-v4' && market.maintenanceMarginFraction) {
				effective.maintenanceMarginRate = market.maintenanceMarginFraction;
				applied = true;
			} else if (input.venue === 'gmx-v2') {
				const factor = gmxFactorFor(market, effective, assumptions, memo);
				if (factor) {
					effective.minCollateralFactor = factor;
					applied = true;
				}
			} else if (input.venue === 'aster-simple') {
				const lossRate = lossRateFor(market.lossRateBands, memo.parse(effective.leverage));
				if (lossRate) {
					effective.liquidationLossRate = lossRate;
					applied = true;
				}
			} else if (input.venue === 'hyperliquid' && market.maxLeverage) {
				applied = true; // the rate is 1 / (2 × the market's max leverage), set above
			}
			if (applied) origin = market.source;
		}
	}
	if (!origin && !own && typed && has(typed.maintenanceMarginRate) && input.venue !== 'gmx-v2' && input.venue !== 'aster-simple') {
		effective.maintenanceMarginRate = typed.maintenanceMarginRate;
		delete effective.tiers;
		origin = typed.savedAtMs === undefined ? {kind: 'typed'} : {kind: 'typed', savedAtMs: typed.savedAtMs};
	}
	// OKX contract tiers need the contract value: the bundled one when neither the page nor the market gave it.
	if (effective.tierBasis === 'contracts' && !has(effective.contractValue) && !has(effective.contracts)) {
		const symbol = typeof input.symbol === 'string' ? input.symbol.trim().toUpperCase() : undefined;
		const bundled = symbol ? BUNDLED_CONTRACT_VALUES[input.venue]?.[symbol] : undefined;
		if (bundled) effective.contractValue = bundled.contractValue;
	}
	return origin ? {input: effective, origin} : {input: effective};
}

/** True when the only thing the model missed is the maintenance rate (so a fallback can supply one). */
export function onlyRateMissing(reader: InputReader): boolean {
	return reader.issues.length > 0 && reader.issues.every(issue => issue.field === 'maintenanceMarginRate' && issue.code === 'missing');
}

export type Fallback = {input: AssessInput; source: ParameterSource; range?: LiquidationRange; assumption: string};

function run(model: VenueModel, input: AssessInput, memo: DecimalMemo): PositionCore | undefined {
	const reader = new InputReader(input as unknown as Record<string, unknown>, memo);
	const position = model.position(reader, input);
	return reader.ok ? position : undefined;
}

/**
 * The rate implied by the venue's own estimate, else the documented tier-1 range. Undefined when neither applies:
 * the caller keeps its 'maintenanceMarginRate' issue.
 */
export function rateFallback(model: VenueModel, input: AssessInput, memo: DecimalMemo = new DecimalMemo()): Fallback | undefined {
	return impliedFallback(model, input, memo) ?? rangeFallback(model, input, memo);
}

/** The rate implied by the venue's own liquidation estimate, when the input carries one and a rate gives it. */
export function impliedFallback(model: VenueModel, input: AssessInput, memo: DecimalMemo = new DecimalMemo()): Fallback | undefined {
	const {meta} = model;
	const venueLiquidation = memo.parse(input.venueLiquidationPrice);
	if (venueLiquidation?.gt(0)) {
		// Any rate gives the model the backing margin and size; the implied rate is then solved exactly.
		const probe = run(model, {...input, maintenanceMarginRate: '0'}, memo);
		const implied = probe?.impliedRate?.(venueLiquidation);
		if (implied) {
			const rate = toPlain(implied.toDecimalPlaces(12));
			const candidate: AssessInput = {...input, maintenanceMarginRate: rate};
			if (run(model, candidate, memo)) {
				const percent = implied.times(100).toDecimalPlaces(4).toFixed();
				return {
					input: candidate,
					source: {kind: 'implied', label: `implied by ${meta.label}'s own estimate`, venueLiquidationPrice: toPlain(venueLiquidation), maintenanceMarginRate: rate},
					assumption: `Maintenance rate ${percent} % implied by ${meta.label}'s own liquidation estimate (${toPlain(venueLiquidation)}); no tier table for this market.`,
				};
			}
		}
	}
	return undefined;
}

/**
 * A liquidation range over the venue's documented tier-1 rates (GMX: its minimum collateral factors). The figures
 * use the end nearest the entry. Undefined when the venue documents no range or an end cannot be computed.
 */
export function rangeFallback(model: VenueModel, input: AssessInput, memo: DecimalMemo = new DecimalMemo()): Fallback | undefined {
	const {meta} = model;
	const range = TIER_ONE_RANGES[meta.id];
	if (!range) return undefined;
	const field = range.field ?? 'maintenanceMarginRate';
	const leverage = memo.parse(input.leverage);
	let highRate = new D(range.highRate);
	const lowRate = new D(range.lowRate);
	if (range.maxLeverageRule === 'half-initial' && leverage?.gt(0)) {
		const cap = ONE.div(leverage.times(2));
		if (cap.lt(highRate)) highRate = cap;
	}
	if (highRate.lt(lowRate)) return undefined;
	const lowInput: AssessInput = {...input, [field]: toPlain(lowRate)};
	const highInput: AssessInput = {...input, [field]: toPlain(highRate)};
	const low = run(model, lowInput, memo);
	const high = run(model, highInput, memo);
	if (!low || !high) return undefined;
	const lowPercent = lowRate.times(100).toDecimalPlaces(4).toFixed();
	const highPercent = highRate.times(100).toDecimalPlaces(4).toFixed();
	const what = field === 'minCollateralFactor' ? 'Minimum collateral factor' : 'Maintenance rate';
	const source: Fallback['source'] = {kind: 'range', label: range.label, url: range.source, asOf: range.asOf, lowRate: toPlain(lowRate), highRate: toPlain(highRate), parameter: field === 'minCollateralFactor' ? 'min-collateral-factor' : 'maintenance-rate'};
	// A higher rate only brings liquidation closer. With none even at the highest documented rate (a cross long the
	// balance carries past zero), there is none at any: the figures say so, still labelled as resting on the range.
	if (high.liquidation.kind !== 'price') {
		return {input: highInput, source, assumption: `${what} unknown for this market: no liquidation price at any of ${range.label} (${lowPercent}–${highPercent} %).`};
	}
	// None at the lowest rate only: the figures use the nearer end, and say the other has none.
	if (low.liquidation.kind !== 'price') {
		return {
			input: highInput,
			source,
			assumption: `${what} unknown for this market: liquidation at ${toPlain(high.liquidation.price)} at ${highPercent} %, none at ${lowPercent} % (${range.label}); the figures use the nearer end.`,
		};
	}
	const nearest = high.liquidation.price;
	const farthest = low.liquidation.price;
	const [a, b] = nearest.lt(farthest) ? [nearest, farthest] : [farthest, nearest];
	return {
		input: highInput,
		source,
		range: {
			low: toPlain(a),
			high: toPlain(b),
			nearest: toPlain(nearest),
			farthest: toPlain(farthest),
			lowRate: toPlain(lowRate),
			highRate: toPlain(highRate),
			reason: 'maintenance-rate-unknown',
		},
		assumption: `${what} unknown for this market: liquidation between ${toPlain(a)} and ${toPlain(b)} over ${range.label} (${lowPercent}–${highPercent} %); the figures use the nearer end.`,
	};
}

/** True when the venue's range is over a parameter its model otherwise defaults (GMX's collateral factor). */
export function rangeReplacesDefault(venue: AssessInput['venue']): boolean {
	return TIER_ONE_RANGES[venue]?.field === 'minCollateralFactor';
}

/**
 * Only the venue's live data, and numbers given with the order itself ('input': the popup's custom model, a
 * vector), may be shown as fact. A rate remembered for the market ('typed') is a fallback the trader entered once and
 * the venue may have changed since: stated as theirs, never an all-clear.
 */
export function isFactual(source: ParameterSource): boolean {
	return source.kind === 'live' || source.kind === 'input';
}
