/**
 * What every venue model provides, and the shared "linear" model (liquidation.ts: equity = maintenance, solved
 * for price) that Binance, Aster Pro, Bybit (unified), OKX, Hyperliquid, dYdX and the custom model are instances of.
 */
import {D, type Dec, ONE, ZERO, toPlain} from '../decimal.js';
import {InputReader} from '../input.js';
import {type Sign, type SolvedLiquidation, decSign, maintenanceFor, marginForLiquidation, signOf, solveLiquidation} from '../liquidation.js';
import {baseAsset} from '../symbols.js';
import {BUNDLED_TIERS} from '../data/tiers.js';
import {type NormalTier, normaliseTiers, singleTier, tierFor} from '../tiers.js';
import type {MarginMode, OtherPosition, ParameterSource, PositionInput, Tier, VenueId} from '../types.js';

export type {VenueSource} from './catalogue.js';

export type VenueMeta = {
	id: VenueId;
	/** The venue's name from the catalogue (`VENUE_CATALOGUE[id].name`), for the engine's messages. */
	label: string;
	hasCross: boolean;
	/** Which price triggers liquidation. */
	liquidationTrigger: 'mark' | 'oracle' | 'last' | 'index';
	/** Which price funding is paid on (mark on Binance/Bybit/OKX, oracle on Hyperliquid/dYdX, per their funding docs). */
	fundingPrice: 'mark' | 'oracle';
	takerFeeRate: string;
	makerFeeRate: string;
	fundingIntervalHours: string;
	/** Venue-wide maximum leverage for the largest markets; tier tables may lower it. */
	maxLeverage: string;
	/**
	 * Hyperliquid: a tier (or a single max leverage) without a maintenance rate uses 1 / (2 × max leverage), half the
	 * initial margin at max leverage. Stated once here: the position model and `computeOutput` both read it.
	 */
	maintenanceFromMaxLeverage?: boolean;
	/** Default maintenance rate when neither input nor bundled table gives one (a documented assumption), if any. */
	defaultMaintenanceMarginRate?: {rate: string; note: string};
};

/** A position as a venue model sees it, with everything needed to derive the figures. */
export type PositionCore = {
	sign: Sign;
	marginMode: MarginMode;
	quantity: Dec;
	entryPrice: Dec;
	/** mark / oracle / entry: where distances are measured from. */
	referencePrice: Dec;
	leverage: Dec | undefined;
	/** Venue definition (Bybit unified includes the fee to close). Undefined when leverage and margin are unknown. */
	initialMargin: Dec | undefined;
	backingMargin: Dec;
	maintenance: {margin: Dec; rate: Dec; deduction: Dec} | undefined;
	liquidation: SolvedLiquidation;
	/** Liquidation price after adding `delta` to the backing margin (negative = funding paid). */
	liquidationWithMarginDelta(delta: Dec): SolvedLiquidation;
	/** Equity above the liquidation requirement at `price` (quote currency). */
	bufferAt(price: Dec): Dec | undefined;
	/** Highest leverage the venue allows for this size: the tier at the entry notional, else the venue's maximum. */
	maxLeverage: Dec;
	/** Highest leverage whose liquidation price is at or beyond `target` (isolated only). 'any' = every leverage. */
	maxLeverageFor?(target: Dec): Dec | 'any' | undefined;
	estimatedFeeToClose: Dec;
	assumptions: string[];
	/**
	 * Where the maintenance parameters came from, as far as the model knows: 'input' when the input carried them
	 * (`assess` then names the real origin: live market data, a typed rate), else the bundled table or venue default.
	 */
	parameterSource: ParameterSource;
	/**
	 * The single maintenance rate at which this position's liquidation price would be `price` (no deduction), or
	 * undefined when no rate in [0, 1) gives it. Used to read the rate implied by a venue's own estimate.
	 */
	impliedRate?(price: Dec): Dec | undefined;
};

export type VenueModel = {
	meta: VenueMeta;
	position(reader: InputReader, input: PositionInput): PositionCore | undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// Shared input steps

export function resolveQuantity(reader: InputReader, input: PositionInput): Dec | undefined {
	const quantity = reader.decimal('quantity', {bound: 'positive'});
	const contracts = reader.decimal('contracts', {bound: 'positive'});
	const contractValue = reader.decimal('contractValue', {bound: 'positive'});
	const fromContracts = contracts && contractValue ? contracts.times(contractValue) : undefined;
	if (reader.has('contracts') && !reader.has('contractValue') && !quantity) {
		return reader.issue('contractValue', 'missing', 'contractValue is required to convert contracts to base units');
	}
	if (quantity && fromContracts && !quantity.eq(fromContracts)) {
		return reader.issue('contracts', 'inconsistent', 'contracts × contractValue does not equal quantity');
	}
	const result = quantity ?? fromContracts;
	if (!result && !reader.issues.some(issue => issue.field === 'quantity' || issue.field === 'contracts')) {
		reader.issue('quantity', 'missing', 'quantity is required');
	}
	void input;
	return result;
}

export function resolveSide(reader: InputReader): Sign | undefined {
	const side = reader.oneOf('side', ['long', 'short'] as const);
	return side === undefined ? undefined : signOf(side);
}

export function resolveMarginMode(reader: InputReader, meta: VenueMeta): MarginMode | undefined {
	const mode = reader.oneOf('marginMode', ['isolated', 'cross'] as const, 'isolated');
	if (mode === 'cross' && !meta.hasCross) {
		return reader.issue('marginMode', 'unsupported', `${meta.label} has no cross margin: positions are isolated`);
	}
	return mode;
}

/**
 * Bundled tables are constant data: normalise each once (≈100 µs of Decimal work) and reuse it. A cache of
 * constants, not state: the result depends only on the table.
 */
const bundledCache = new WeakMap<readonly Tier[], NormalTier[]>();
function normalisedBundled(tiers: readonly Tier[], rateFromMaxLeverage: boolean): NormalTier[] | undefined {
	const cached = bundledCache.get(tiers);
	if (cached) return cached;
	const scratch = new InputReader({});
	const normal = normaliseTiers(tiers, scratch, {rateFromMaxLeverage});
	if (normal) bundledCache.set(tiers, normal);
	return normal;
}

export type ResolvedTiers = {tiers: NormalTier[]; source: ParameterSource};

/**
 * Tier table from the input, else the input's single rate, else the bundled table, else the venue default.
 * `assess` puts live market parameters and a typed rate into the input before this runs (and names them); the
 * implied rate and the range are `assess`'s later fallbacks, after this reports 'maintenanceMarginRate' missing.
 *
 * OKX position tiers (`tierBasis: 'contracts'`) are by position size in contracts, not notional: the tier holding
 * the position's contracts applies at every price, its rate to the whole position, with no deduction (OKX API
 * GET /api/v5/public/position-tiers, minSz/maxSz "in contracts", https://www.okx.com/docs-v5/en/#public-data-rest-api-get-position-tiers;
 * OKX notices give each tier as "Min./Max. amount (Cont)" with one maintenance ratio,
 * https://www.okx.com/help/okx-to-adjust-position-tiers-of-perpetual-swaps-2023-05-15; checked 2026-12-04). The
 * result is then a one-row table the solver treats as a single rate.
 */
export function resolveTierSource(
	reader: InputReader,
	input: PositionInput,
	meta: VenueMeta,
	assumptions: string[],
): ResolvedTiers | undefined {
	const rateFromMaxLeverage = meta.maintenanceFromMaxLeverage === true;
	if (input.tiers !== undefined) {
		const basis = reader.oneOf('tierBasis', ['notional', 'contracts'] as const, 'notional');
		if (!basis) return undefined;
		// Contract tiers carry no deduction: a given one would be a mistake, and the recursion must not run.
		const tiers = normaliseTiers(basis === 'contracts' ? input.tiers.map(tier => ({...tier, maintenanceDeduction: '0'})) : input.tiers, reader, {rateFromMaxLeverage});
		if (!tiers) return undefined;
		const chosen = basis === 'contracts' ? contractTier(reader, tiers, meta.label, input.symbol) : tiers;
		return chosen && {tiers: chosen, source: {kind: 'input'}};
	}
	const rate = reader.rate('maintenanceMarginRate');
	const deduction = reader.decimal('maintenanceDeduction', {bound: 'non-negative'}) ?? ZERO;
	const maxLeverage = reader.decimal('maxLeverage', {bound: 'positive'});
	if (rate) return {tiers: singleTier(rate, deduction, maxLeverage), source: {kind: 'input'}};
	if (reader.issues.some(issue => issue.field === 'maintenanceMarginRate')) return undefined;
	if (rateFromMaxLeverage && maxLeverage) return {tiers: singleTier(ONE.div(maxLeverage.times(2)), deduction, maxLeverage), source: {kind: 'input'}};
	const asset = baseAsset(input.symbol);
	const bundled = asset ? BUNDLED_TIERS[meta.id]?.[asset] : undefined;
	if (bundled) {
		assumptions.push(
			`Maintenance tiers: bundled ${asset} table as of ${bundled.asOf}${bundled.note ? ` (${bundled.note})` : ''}; the live table may differ.`,
		);
		const source: ParameterSource = {kind: 'bundled', label: `bundled ${meta.label} ${asset} table`, url: bundled.source, asOf: bundled.asOf};
		const normal = normalisedBundled(bundled.tiers, rateFromMaxLeverage);
		if (!normal) return undefined;
		if (bundled.tierBasis === 'contracts') {
			const chosen = contractTier(reader, normal, meta.label, input.symbol);
			return chosen && {tiers: chosen, source};
		}
		return {tiers: normal, source};
	}
	if (meta.defaultMaintenanceMarginRate) {
		assumptions.push(meta.defaultMaintenanceMarginRate.note);
		return {
			tiers: singleTier(new D(meta.defaultMaintenanceMarginRate.rate)),
			source: {kind: 'venue-default', label: `${meta.label} default`, note: meta.defaultMaintenanceMarginRate.note},
		};
	}
	return reader.issue(
		'maintenanceMarginRate',
		'missing',
		`maintenanceMarginRate is required: no ${meta.label} tier table for ${input.symbol ?? 'this market'}`,
		{kind: 'no-tier-data', venueLabel: meta.label, ...(input.symbol ? {symbol: input.symbol} : {})},
	);
}

/** `resolveTierSource` without the source, for callers that need only the table. */
export function resolveTiers(reader: InputReader, input: PositionInput, meta: VenueMeta, assumptions: string[]): NormalTier[] | undefined {
	return resolveTierSource(reader, input, meta, assumptions)?.tiers;
}

/** The contract tier holding the position, as a one-row table (floor 0, unbounded, no deduction). */
function contractTier(reader: InputReader, tiers: readonly NormalTier[], venueLabel: string, symbol: string | undefined): NormalTier[] | undefined {
	const contractValue = reader.decimal('contractValue', {bound: 'positive'});
	const given = reader.decimal('contracts', {bound: 'positive'});
	const quantity = reader.decimal('quantity', {bound: 'positive'});
	const contracts = given ?? (quantity && contractValue ? quantity.div(contractValue) : undefined);
	if (!contracts) {
		if (!reader.ok) return undefined;
		return reader.issue('contractValue', 'missing', 'contractValue is required: OKX position tiers are counted in contracts');
	}
	// OKX lists a tier as "Min. amount 1,501 – Max. amount 3,000 (Cont)": the maximum belongs to its tier, and a size
	// between one tier's maximum and the next one's minimum (sizes step in lots finer than 1 contract) is above the
	// lower tier, so it belongs to the higher one. Tiers are ascending (normaliseTiers checks).
	const tier = contracts.lt(tiers[0]?.floor ?? ZERO) ? undefined : tiers.find(row => row.cap === undefined || contracts.lte(row.cap));
	if (!tier) {
		return reader.issue('tiers', 'out-of-range', `the position (${contracts.toFixed()} contracts) is outside the position-tier table`, {
			kind: 'beyond-tier-data',
			venueLabel,
			...(symbol ? {symbol} : {}),
		});
	}
	return [{index: tier.index, floor: ZERO, cap: undefined, rate: tier.rate, deduction: ZERO, maxLeverage: tier.maxLeverage}];
}

/**
 * The largest position the typed leverage is allowed for: the cap of the last tier, counting from the smallest,
 * up to which every tier allows it (tiers lower their maximum as the notional grows). Nothing when no tier does.
 */
function allowedAt(tiers: readonly NormalTier[], leverage: Dec, venueMax: Dec, entryPrice: Dec): {allowedNotional?: string; allowedQuantity?: string} {
	let allowed: Dec | undefined;
	for (const tier of tiers) {
		if (leverage.gt(tier.maxLeverage ?? venueMax)) break;
		if (tier.cap === undefined) return {};
		allowed = tier.cap;
	}
	if (!allowed) return {};
	// A tier's cap is exclusive: the largest size is just under it, shown to 6 places and rounded down into the tier.
	const step = new D('0.000001');
	let quantity = allowed.div(entryPrice).toDecimalPlaces(6, D.ROUND_DOWN);
	if (quantity.times(entryPrice).gte(allowed)) quantity = quantity.minus(step);
	return quantity.gt(0) ? {allowedNotional: toPlain(allowed), allowedQuantity: toPlain(quantity)} : {};
}

/** Σ (PnL − maintenance) of the other positions of a cross account, valued at their mark prices (§4.3 of the vectors README). */
export function otherPositionsNet(
	reader: InputReader,
	others: readonly OtherPosition[] | undefined,
	options: {includePnl: boolean},
): {net: Dec; maintenance: Dec} | undefined {
	let net = ZERO;
	let maintenance = ZERO;
	if (others === undefined) return {net, maintenance};
	if (!Array.isArray(others) || others.length > 500) return reader.issue('otherPositions', 'out-of-range', 'otherPositions must be a list (≤ 500)');
	for (const [index, other] of others.entries()) {
		const sub = `otherPositions[${index}]`;
		if (typeof other !== 'object' || other === null) return reader.issue(sub, 'not-a-number', `${sub} must be an object`);
		const inner = reader.sibling(other as unknown as Record<string, unknown>);
		const side = inner.oneOf('side', ['long', 'short'] as const);
		const quantity = inner.decimal('quantity', {required: true, bound: 'positive'});
		const entry = inner.decimal('entryPrice', {required: true, bound: 'positive'});
		const mark = inner.decimal('markPrice', {required: true, bound: 'positive'});
		const rate = inner.rate('maintenanceMarginRate', true);
		const deduction = inner.decimal('maintenanceDeduction', {bound: 'non-negative'}) ?? ZERO;
		if (!inner.ok || !side || !quantity || !entry || !mark || !rate) {
			const first = inner.issues[0];
			return reader.issue(`${sub}.${first?.field ?? 'side'}`, first?.code ?? 'missing', `${sub}: ${first?.message ?? 'invalid'}`);
		}
		const otherMaintenance = quantity.times(mark).times(rate).minus(deduction);
		const pnl = decSign(signOf(side)).times(quantity).times(mark.minus(entry));
		maintenance = maintenance.plus(otherMaintenance);
		net = net.plus(options.includePnl ? pnl : ZERO).minus(otherMaintenance);
	}
	return {net, maintenance};
}

// ---------------------------------------------------------------------------------------------------------------
// The linear model

export type LinearOptions = {
	meta: VenueMeta;
	/** OKX: taker fee added to the maintenance rate in the liquidation condition. */
	takerFeeInMaintenance?: boolean;
	/** Bybit unified: extra margin counts as extra / (1 − s × taker); fee to close added to IM and MM. */
	bybitUnified?: boolean;
	/** dYdX: with `equity`, the position is valued at the oracle price and M = equity − others' maintenance. */
	equityAtOracle?: boolean;
};

export function linearPosition(reader: InputReader, input: PositionInput, options: LinearOptions): PositionCore | undefined {
	const {meta} = options;
	const assumptions: string[] = [];
	const sign = resolveSide(reader);
	const marginMode = resolveMarginMode(reader, meta);
	const quantity = resolveQuantity(reader, input);
	const leverage = reader.decimal('leverage', {bound: 'positive'});
	const mark = reader.decimal('markPrice', {bound: 'positive'});
	const oracle = reader.decimal('oraclePrice', {bound: 'positive'});
	const takerFeeRate = reader.rate('takerFeeRate') ?? new D(meta.takerFeeRate);
	const extraMargin = reader.decimal('extraMargin', {bound: 'non-negative'}) ?? ZERO;
	const accumulatedFunding = reader.decimal('accumulatedFunding') ?? ZERO;
	const resolved = resolveTierSource(reader, input, meta, assumptions);
	const tiers = resolved?.tiers;
	const useEquity = options.equityAtOracle === true && reader.has('equity');
	const equity = useEquity ? reader.decimal('equity', {required: true}) : undefined;
	let entryPrice = reader.decimal('entryPrice', {required: !useEquity, bound: 'positive'});
	if (useEquity) {
		const valuation = oracle ?? mark ?? entryPrice;
		if (!valuation) return reader.issue('oraclePrice', 'missing', 'oraclePrice is required with equity');
		entryPrice = valuation;
	}
	if (!reader.ok || sign === undefined || !marginMode || !quantity || !entryPrice || !tiers) return undefined;
	const s = decSign(sign);
	const rateAddon = options.takerFeeInMaintenance ? takerFeeRate : ZERO;
	const referencePrice = (meta.liquidationTrigger === 'oracle' ? (oracle ?? mark) : (mark ?? oracle)) ?? entryPrice;
	const notional = quantity.times(entryPrice);

	// Leverage must be allowed by the tier containing the entry notional (venues reject such orders).
	const entryTier = tierFor(tiers, notional);
	// A market's own cap (market data, or dYdX's 1 / IMF) applies when its tier does not carry one.
	const marketMaxLeverage = reader.decimal('maxLeverage', {bound: 'positive'});
	const maxLeverage = entryTier?.maxLeverage ?? marketMaxLeverage ?? new D(meta.maxLeverage);
	if (leverage && leverage.gt(maxLeverage)) {
		return reader.issue('leverage', 'above-venue-max', `${leverage.toFixed()}x is above ${meta.label}'s maximum ${maxLeverage.toFixed()}x for this size`, {
			kind: 'venue-cap',
			venueLabel: meta.label,
			leverage: toPlain(leverage),
			notional: toPlain(notional),
			maxLeverage: toPlain(maxLeverage),
			...(entryTier?.cap ? {tierCap: toPlain(entryTier.cap)} : {}),
			...allowedAt(tiers, leverage, new D(meta.maxLeverage), entryPrice),
		});
	}

	// Bybit's fee to close at the bankruptcy price (UTA page, see bybit-linear.ts).
	const bankruptcyPrice = options.bybitUnified && leverage ? entryPrice.times(ONE.minus(s.div(leverage))) : undefined;
	const estimatedFeeToClose = options.bybitUnified
		? (bankruptcyPrice ? quantity.times(bankruptcyPrice).times(takerFeeRate) : ZERO)
		: quantity.times(mark ?? entryPrice).times(takerFeeRate);

	let backingMargin: Dec;
	let isolatedBase: Dec | undefined;
	let extraTerm = extraMargin;
	if (options.bybitUnified) extraTerm = extraMargin.div(ONE.minus(s.times(takerFeeRate)));
	if (useEquity && equity) {
		const others = otherPositionsNet(reader, marginMode === 'cross' ? input.otherPositions : undefined, {includePnl: false});
		if (!others) return undefined;
		backingMargin = equity.minus(others.maintenance).plus(accumulatedFunding);
	} else if (marginMode === 'cross') {
		const wallet = reader.decimal('walletBalance', {required: true});
		const others = otherPositionsNet(reader, input.otherPositions, {includePnl: true});
		if (!wallet || !others) return undefined;
		if (input.otherPositions === undefined) assumptions.push('Cross margin: other open positions unknown, assumed none.');
		backingMargin = wallet.plus(others.net).plus(accumulatedFunding);
	} else {
		// Positive: a zero margin backs nothing, and every "% of margin" figure would divide by it.
		const given = reader.decimal('isolatedMargin', {bound: 'positive'});
		if (!given && !leverage) {
			return reader.issue('leverage', 'missing', 'leverage (or isolatedMargin) is required for an isolated position');
		}
		isolatedBase = given ?? notional.div(leverage ?? ONE);
		backingMargin = isolatedBase.plus(extraTerm).plus(accumulatedFunding);
		// An order whose initial margin does not exceed its maintenance requirement is liquidated on opening
		// (e.g. 28x against a 3.63 % rate; freqtrade #7294 met this with a 25 % tier). Venues cap leverage per tier to
		// prevent it; with a bare rate we must check it ourselves.
		if (!given && leverage && entryTier && isolatedBase.lte(maintenanceFor(notional, entryTier, rateAddon))) {
			const ceiling = ONE.div(entryTier.rate.plus(rateAddon)).toDecimalPlaces(2, D.ROUND_DOWN);
			return reader.issue(
				'leverage',
				'above-venue-max',
				`at ${leverage.toFixed()}x the margin is below the maintenance requirement: the position would be liquidated on opening (keep leverage under ${ceiling.toFixed()}x)`,
				{kind: 'opens-liquidated', leverage: toPlain(leverage), ceiling: toPlain(ceiling)},
			);
		}
	}
	if (!reader.ok) return undefined;

	const solve = (margin: Dec): SolvedLiquidation =>
		solveLiquidation({sign, quantity, entryPrice, backingMargin: margin, tiers, rateAddon});
	const liquidation = solve(backingMargin);

	const currentNotional = quantity.times(referencePrice);
	const currentTier = tierFor(tiers, currentNotional);
	const feeInMm = options.bybitUnified ? estimatedFeeToClose : ZERO;
	const maintenance = currentTier
		? // The maintenance margin itself is N × rate − D (vectors README §5); OKX's fee term belongs to the liquidation condition only.
			{margin: maintenanceFor(currentNotional, currentTier).plus(feeInMm), rate: currentTier.rate, deduction: currentTier.deduction}
		: undefined;
	const baseInitial = leverage ? notional.div(leverage) : isolatedBase;
	const initialMargin = baseInitial ? baseInitial.plus(feeInMm) : undefined;

	const core: PositionCore = {
		sign,
		marginMode,
		quantity,
		entryPrice,
		referencePrice,
		leverage,
		maxLeverage,
		initialMargin,
		backingMargin,
		maintenance,
		liquidation,
		liquidationWithMarginDelta: delta => solve(backingMargin.plus(delta)),
		bufferAt(price) {
			const tier = tierFor(tiers, quantity.times(price));
			if (!tier) return undefined;
			const equityAtPrice = backingMargin.plus(s.times(quantity).times(price.minus(entryPrice)));
			return equityAtPrice.minus(maintenanceFor(quantity.times(price), tier, rateAddon));
		},
		estimatedFeeToClose,
		assumptions,
		parameterSource: resolved!.source,
		impliedRate(price) {
			// A liquidation price lies on the losing side of the entry (below it for a long, above for a short): an
			// estimate on the other side is not one this position can have (most likely a misread), so it implies nothing.
			if (s.times(entryPrice.minus(price)).lte(0)) return undefined;
			// M + s·Q·(p − E) = Q·p·(m + addon)  ⇒  m = (M + s·Q·(p − E)) / (Q·p) − addon, with no deduction.
			const m = backingMargin.plus(s.times(quantity).times(price.minus(entryPrice))).div(quantity.times(price)).minus(rateAddon);
			// A rate of 0 (an estimate at the bankruptcy price) is no maintenance rate any venue uses either.
			return m.gt(0) && m.lt(1) ? m : undefined;
		},
	};
	if (marginMode === 'isolated' && !useEquity && !reader.has('isolatedMargin')) {
		// M(L) = notional / L + (extra terms): invert the solver at the target price.
		const fixed = extraTerm.plus(accumulatedFunding);
		core.maxLeverageFor = target => {
			const needed = marginForLiquidation({sign, quantity, entryPrice, target, tiers, rateAddon, tierAt: n => tierFor(tiers, n)});
			if (!needed) return undefined;
			const variable = needed.minus(fixed);
			if (variable.lte(0)) return 'any';
			return notional.div(variable);
		};
	}
	return core;
}

