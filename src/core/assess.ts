/**
 * `assess(input, settings)`: every figure the panel and the popup show, plus the warnings.
 *
 *   input ──► venue model (liquidation, margins) ──► distance, PnL ladder, funding, fees, risk, odds ──► rules
 *
 * Input problems come back as `{ok: false, issues}` naming the field; nothing throws from deep inside and no figure
 * is NaN: every number passes through a Decimal that was checked finite, and derived figures are computed only when
 * their inputs exist.
 */
import {RULES} from './rules/index.js';
import {D, type Dec, HUNDRED, ONE, ZERO, parseDecimal, toPlain} from './decimal.js';
import {DEFAULT_ENGINE_SETTINGS, type EngineSettings} from './engine-settings.js';
import {breakEvenPrice, fee} from './fees.js';
import {fundingPayment, fundingPrice, readFunding} from './funding.js';
import {DecimalMemo, InputReader} from './input.js';
import {type SolvedLiquidation, signed} from './liquidation.js';
import {formatMessage} from './messages.js';
import type {MarketParams} from './market-params.js';
import {type Fallback, type TypedRate, impliedFallback, isFactual, onlyRateMissing, rangeFallback, rangeReplacesDefault, rateFallback, withMarket} from './market-input.js';
import {HOURS_PER_YEAR, DEFAULT_VOLATILITY, FALLBACK_VOLATILITY} from './volatility.js';
import {probabilityPercent, touchProbability} from './odds.js';
import {baseAsset} from './symbols.js';
import {DEFAULT_THRESHOLDS, type ThresholdKey} from './thresholds.js';
import type {
	AssessInput,
	Assessment,
	FeeFigures,
	Figures,
	FundingFigures,
	InputIssue,
	Liquidation,
	OddsFigures,
	PnlStep,
	Result,
	RiskFigures,
	Severity,
	StopCheck,
	VenueId,
	Warning,
} from './types.js';
import {VENUE_IDS} from './types.js';
import {VENUE_MODELS} from './venues/index.js';
import type {PositionCore, VenueMeta} from './venues/model.js';

/** PnL ladder moves (percent of entry), with their signed fraction precomputed: constants, parsed once. */
const LADDER_MOVES = ['1', '-1', '5', '-5', '10', '-10'].map(text => {
	const movePercent = new D(text);
	return {movePercent, text, moveRate: movePercent.div(HUNDRED)};
});
/** The odds horizons (1 h, 8 h, 24 h) in years. */
const HORIZON_YEARS = [1, 8, 24].map(hours => new D(hours).div(HOURS_PER_YEAR)) as [Dec, Dec, Dec];
const SEVERITY_RANK: Record<Severity, number> = {info: 0, warn: 1, danger: 2};

function toLiquidation(solved: SolvedLiquidation): Liquidation | undefined {
	if (solved.kind === 'beyond-table') return undefined;
	if (solved.kind === 'none') return {kind: 'none', reason: solved.reason};
	const base = {kind: 'price', price: toPlain(solved.price), maintenanceMarginRate: toPlain(solved.tier.rate), maintenanceDeduction: toPlain(solved.tier.deduction)} as const;
	return solved.tier.index > 0 || solved.tier.cap !== undefined ? {...base, tierIndex: solved.tier.index} : base;
}

/** The assumption line for a venue's default fee tier: constant per venue and side, built once. */
const feeAssumptionCache = new Map<string, string>();
function defaultFeeAssumption(meta: VenueMeta, field: 'takerFeeRate' | 'makerFeeRate'): string {
	const key = `${meta.id} ${field}`;
	let text = feeAssumptionCache.get(key);
	if (text === undefined) {
		text = `${field === 'takerFeeRate' ? 'Taker' : 'Maker'} fee ${new D(meta[field]).times(100).toFixed()} % (${meta.label} default tier); set your tier in options.`;
		feeAssumptionCache.set(key, text);
	}
	return text;
}

/** Settings-driven defaults applied to the input before the models see it (fee overrides, the custom rate). */
function withSettings(input: AssessInput, settings: EngineSettings, meta: VenueMeta, assumptions: string[]): AssessInput {
	const override = settings.fees[input.venue] ?? {};
	const effective: AssessInput = {...input};
	for (const field of ['takerFeeRate', 'makerFeeRate'] as const) {
		if (effective[field] !== undefined && effective[field] !== '') continue;
		const fromSettings = override[field] ?? (input.venue === 'custom' ? settings.custom[field] : undefined);
		if (fromSettings !== undefined) effective[field] = fromSettings;
		else assumptions.push(defaultFeeAssumption(meta, field));
	}
	if (input.venue === 'custom' && effective.maintenanceMarginRate === undefined && effective.tiers === undefined && settings.custom.maintenanceMarginRate) {
		effective.maintenanceMarginRate = settings.custom.maintenanceMarginRate;
	}
	return effective;
}

/** Parsed thresholds per settings object (settings are immutable values: a cache of constants, not state). */
const thresholdCache = new WeakMap<EngineSettings['thresholds'], Record<ThresholdKey, Dec>>();
function thresholdsOf(settings: EngineSettings): Record<ThresholdKey, Dec> {
	const cached = thresholdCache.get(settings.thresholds);
	if (cached) return cached;
	const result = {} as Record<ThresholdKey, Dec>;
	for (const key of Object.keys(DEFAULT_THRESHOLDS) as ThresholdKey[]) {
		result[key] = parseDecimal(settings.thresholds[key]) ?? new D(DEFAULT_THRESHOLDS[key]);
	}
	thresholdCache.set(settings.thresholds, result);
	return result;
}

function ladder(position: PositionCore, liquidation: SolvedLiquidation, margin: Dec, notional: Dec): PnlStep[] {
	const {sign, entryPrice} = position;
	return LADDER_MOVES.map(({movePercent, text, moveRate}) => {
		const price = entryPrice.times(ONE.plus(sign === 1 ? moveRate : moveRate.neg()));
		const pnl = notional.times(moveRate);
		const liquidated = liquidation.kind === 'price' && (sign === 1 ? price.lte(liquidation.price) : price.gte(liquidation.price));
		return {
			movePercent: text,
			price: toPlain(price),
			pnl: toPlain(pnl),
			pnlPercentOfMargin: toPlain(pnl.div(margin).times(HUNDRED)),
			liquidated,
		};
	});
}

function stopCheck(position: PositionCore, stop: Dec, buffer: Dec): StopCheck {
	const {sign, entryPrice, liquidation, maxLeverage} = position;
	if (sign === 1 ? stop.gte(entryPrice) : stop.lte(entryPrice)) return {status: 'wrong-side'};
	if (liquidation.kind !== 'price') return {status: 'no-liquidation'};
	const lp = liquidation.price;
	const beyond = sign === 1 ? stop.lte(lp) : stop.gte(lp);
	const near = stop.minus(lp).abs().lt(buffer.times(entryPrice.minus(lp).abs()));
	const status: StopCheck['status'] = beyond ? 'beyond' : near ? 'near' : 'ok';
	// A buffer of 100 % would need the stop at the entry: no leverage answers it (the formula below divides by 0).
	if (!position.maxLeverageFor || buffer.gte(1)) return {status};
	// The stop keeps `buffer` of the entry→liquidation distance iff LP is at or beyond (SL − buffer·E)/(1 − buffer).
	let target = stop.minus(buffer.times(entryPrice)).div(ONE.minus(buffer));
	if (sign === 1 && target.lte(0)) target = ZERO;
	const found = position.maxLeverageFor(target);
	if (found === undefined) return {status};
	const capped = (found === 'any' || found.gt(maxLeverage) ? maxLeverage : found).toDecimalPlaces(2, D.ROUND_DOWN);
	// Below 1x no venue opens the order: there is no safe leverage to offer.
	return capped.lt(1) ? {status} : {status, maxSafeLeverage: toPlain(capped)};
}

export type AssessOptions = {
	/**
	 * 'full' (default): every figure, for the popup's calculator and sizer. 'panel': what the on-page panel and its
	 * warnings use — no PnL ladder (`pnlLadder` is empty) and no position sizer (`risk.sizing` absent). Those are shown
	 * only in the popup, and a page edit asks for both sides: skipping them saves ≈ 12 % of the engine's time per
	 * side, per keystroke and per mark-price tick (the engine suite of `npm run bench`, bench/engine.ts). No warning
	 * rule reads either.
	 */
	detail?: 'full' | 'panel';
	/**
	 * The market's parameters (tiers and their basis, contract value, funding interval, max leverage, dYdX fractions,
	 * GMX collateral factor, Aster Simple loss-rate bands), from the venue's public API or a table the caller holds.
	 * Used where the input has none of its own; `source` labels the figures (`Figures.parameterSource`).
	 */
	market?: MarketParams;
	/** The maintenance rate the user typed for this market: used when the market data has no rate; labelled as theirs. */
	typedRate?: TypedRate;
};

export function assess(input: AssessInput, settings: EngineSettings = DEFAULT_ENGINE_SETTINGS, options: AssessOptions = {}): Result<Assessment> {
	return assessWithMemo(input, settings, options, new DecimalMemo());
}

/**
 * `assess` reading its numbers through `memo`: the texts a caller already parsed (`assessDraft` parses the draft's
 * numbers and assesses both sides with the same memo) are not parsed again. Core-internal: the public entry takes
 * strings only.
 */
export function assessWithMemo(input: AssessInput, settings: EngineSettings, options: AssessOptions, memo: DecimalMemo): Result<Assessment> {
	const isFull = options.detail !== 'panel';
	if (typeof input !== 'object' || input === null) return {ok: false, issues: [{field: 'input', code: 'missing', message: 'no input'}]};
	if (!(VENUE_IDS as readonly unknown[]).includes(input.venue)) {
		return {ok: false, issues: [{field: 'venue', code: 'out-of-range', message: `unknown venue "${String(input.venue)}"`}]};
	}
	const venue: VenueId = input.venue;
	const model = VENUE_MODELS[venue];
	const {meta} = model;
	const assumptions: string[] = [];
	const merged = withMarket(withSettings(input, settings, meta, assumptions), input, options.market, options.typedRate, assumptions, memo);
	let effective = merged.input;
	let reader = new InputReader(effective as unknown as Record<string, unknown>, memo);
	let position = model.position(reader, effective);
	let fallback: Fallback | undefined;
	if (!position && onlyRateMissing(reader)) {
		// No rate from the input, the market data, a typed rate or a bundled table: the venue's own estimate, then a range.
		fallback = rateFallback(model, effective, memo);
	} else if (position?.parameterSource.kind === 'venue-default') {
		// A venue default is a guess: the venue's own estimate says more (dYdX's mainnet fractions are governance-set).
		// GMX: its documented 0.25–1 % collateral factors as a range rather than one default shown alone.
		fallback = impliedFallback(model, effective, memo) ?? (rangeReplacesDefault(venue) ? rangeFallback(model, effective, memo) : undefined);
	}
	if (fallback) {
		effective = fallback.input;
		reader = new InputReader(effective as unknown as Record<string, unknown>, memo);
		position = model.position(reader, effective);
		assumptions.push(fallback.assumption);
	}
	const orderType = reader.oneOf('orderType', ['limit', 'market'] as const, 'market');
	const stop = reader.decimal('stopLossPrice', {bound: 'positive'});
	const takeProfit = reader.decimal('takeProfitPrice', {bound: 'positive'});
	const accountIn = reader.decimal('accountBalance', {bound: 'non-negative'});
	const volatilityIn = reader.decimal('annualVolatilityRate', {bound: 'positive'});
	const riskPercentIn = reader.decimal('riskPercent', {bound: 'positive'});
	const venueLiquidation = reader.decimal('venueLiquidationPrice', {bound: 'positive'});
	const wallet = reader.decimal('walletBalance', {bound: 'non-negative'});
	const takerRate = reader.rate('takerFeeRate') ?? new D(meta.takerFeeRate);
	const makerRate = reader.makerRate('makerFeeRate') ?? new D(meta.makerFeeRate);
	const funding = readFunding(reader, meta, false);
	if (volatilityIn && volatilityIn.gt(20)) reader.issue('annualVolatilityRate', 'out-of-range', 'annualVolatilityRate is a fraction (0.6 = 60 % a year)');
	if (riskPercentIn && riskPercentIn.gt(100)) reader.issue('riskPercent', 'out-of-range', 'riskPercent must be at most 100');
	if (!position || !reader.ok) return {ok: false, issues: reader.issues.length > 0 ? reader.issues : [{field: 'input', code: 'missing', message: 'incomplete input'}]};
	if (!position.initialMargin) return fail('leverage', 'missing', 'leverage is required');
	const liquidation = toLiquidation(position.liquidation);
	if (!liquidation) {
		return {
			ok: false,
			issues: [
				{
					field: 'maintenanceMarginRate',
					code: 'out-of-range',
					message: 'the position at liquidation is larger than the tier table: give the maintenance rate',
					data: {kind: 'beyond-tier-data', venueLabel: meta.label, ...(effective.symbol ? {symbol: effective.symbol} : {})},
				},
			],
		};
	}
	assumptions.unshift(...position.assumptions);
	const parameterSource = fallback?.source ?? (position.parameterSource.kind === 'input' ? (merged.origin ?? position.parameterSource) : position.parameterSource);

	const thresholds = thresholdsOf(settings);
	const {sign, quantity, entryPrice, referencePrice} = position;
	const notional = quantity.times(entryPrice);
	const margin = position.initialMargin;
	const lp = position.liquidation.kind === 'price' ? position.liquidation.price : undefined;

	const figures: Figures = {
		venue,
		side: sign === 1 ? 'long' : 'short',
		marginMode: position.marginMode,
		quantity: toPlain(quantity),
		entryPrice: toPlain(entryPrice),
		referencePrice: toPlain(referencePrice),
		notional: toPlain(notional),
		initialMargin: toPlain(margin),
		backingMargin: toPlain(position.backingMargin),
		liquidation,
		pnlLadder: isFull ? ladder(position, position.liquidation, margin, notional) : [],
		fees: feeFigures(),
		assumptions,
		parameterSource,
		parametersAreFact: isFactual(parameterSource),
	};
	if (fallback?.range) figures.liquidationRange = fallback.range;
	if (position.leverage) figures.leverage = toPlain(position.leverage);
	if (position.maintenance) {
		figures.maintenanceMargin = toPlain(position.maintenance.margin);
		figures.maintenanceMarginRate = toPlain(position.maintenance.rate);
		figures.maintenanceDeduction = toPlain(position.maintenance.deduction);
	}
	if (lp) {
		figures.liquidationDistance = toPlain(referencePrice.minus(lp).abs());
		figures.liquidationDistancePercent = toPlain(signed(sign, referencePrice.minus(lp)).div(referencePrice).times(HUNDRED));
	}
	if (position.backingMargin.gt(0)) figures.wipeoutMovePercent = toPlain(position.backingMargin.div(notional).times(HUNDRED));
	// Cross: the balance behind the order is the wallet, or the equity a model valued the account with (dYdX).
	const equity = wallet ? undefined : memo.parse(effective.equity);
	const crossBalance = position.marginMode !== 'cross' ? undefined : (wallet ?? (equity?.gt(0) ? equity : undefined));
	if (crossBalance) figures.crossExposure = toPlain(crossBalance);

	const fundingFigures = fundingFiguresOf();
	if (fundingFigures) figures.funding = fundingFigures;
	figures.risk = riskFigures();
	const odds = oddsFigures();
	if (odds) figures.odds = odds;
	if (fallback?.source.kind === 'implied') {
		// The rate was solved from the venue's own estimate: comparing against it again would only agree with itself.
	} else if (venueLiquidation && lp) {
		const difference = lp.minus(venueLiquidation).div(venueLiquidation).times(HUNDRED);
		figures.venueCheck = {
			venueLiquidationPrice: toPlain(venueLiquidation),
			differencePercent: toPlain(difference.toDecimalPlaces(6)),
			agrees: difference.abs().lte(thresholds.venueMismatchPercent),
		};
	} else if (venueLiquidation) {
		// The exchange shows a price where we find none: one of us has the position wrong (a leverage, margin mode or
		// balance misread, or a rule we do not model). Silence here would let "no liquidation" stand unchallenged.
		figures.venueCheck = {venueLiquidationPrice: toPlain(venueLiquidation), ours: 'none', agrees: false};
	}

	const warnings: Warning[] = [];
	for (const rule of RULES) {
		const hit = rule.evaluate({figures, input: effective, thresholds});
		if (hit) {
			warnings.push({
				rule: rule.id,
				severity: hit.severity,
				message: formatMessage(hit.messageKey, hit.substitutions),
				messageKey: hit.messageKey,
				substitutions: hit.substitutions,
			});
		}
	}
	warnings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
	const worst = warnings[0]?.severity;
	return {ok: true, value: worst ? {figures, warnings, worst} : {figures, warnings}};

	// ---- helpers closed over the validated position ------------------------------------------------------------

	function fail(field: string, code: InputIssue['code'], message: string): Result<Assessment> {
		return {ok: false, issues: [{field, code, message}]};
	}

	function openRate(): Dec {
		return orderType === 'limit' ? makerRate : takerRate;
	}

	function feeFigures(): FeeFigures {
		const openFee = fee(notional, openRate());
		const closeFee = fee(notional, takerRate);
		const roundTrip = openFee.plus(closeFee);
		return {
			openFeeRate: toPlain(openRate()),
			closeFeeRate: toPlain(takerRate),
			openFee: toPlain(openFee),
			closeFee: toPlain(closeFee),
			roundTripFee: toPlain(roundTrip),
			roundTripPercentOfMargin: toPlain(roundTrip.div(margin).times(HUNDRED)),
			breakEvenPrice: toPlain(breakEvenPrice(sign, entryPrice, openRate(), takerRate)),
		};
	}

	function fundingFiguresOf(): FundingFigures | undefined {
		if (!funding) return undefined;
		const price = fundingPrice(reader, meta) ?? entryPrice;
		const hold = funding.holdHours ?? thresholds.defaultHoldHours;
		// Intervals are per market on most venues (Binance has 1, 4 and 8 h symbols): the daily figure scales with it.
		if (!reader.has('fundingIntervalHours')) {
			assumptions.push(`Funding every ${meta.fundingIntervalHours} h (${meta.label} default interval); a market that settles more often costs more per day.`);
		}
		const perInterval = fundingPayment({sign, quantity, price, ratePerInterval: funding.ratePerInterval, intervals: ONE});
		const overHold = perInterval.times(hold).div(funding.intervalHours);
		const daily = perInterval.times(24).div(funding.intervalHours);
		const after = toLiquidation(position!.liquidationWithMarginDelta(overHold.neg()));
		const result: FundingFigures = {
			ratePerInterval: toPlain(funding.ratePerInterval),
			intervalHours: toPlain(funding.intervalHours),
			paymentPerInterval: toPlain(perInterval),
			holdHours: toPlain(hold),
			paymentOverHold: toPlain(overHold),
			holdPercentOfMargin: toPlain(overHold.div(margin).times(HUNDRED)),
			dailyPercentOfMargin: toPlain(daily.div(margin).times(HUNDRED)),
		};
		if (after) result.liquidationAfterHold = after;
		const buffer = position!.bufferAt(referencePrice);
		if (daily.gt(0) && buffer !== undefined) result.daysToLiquidation = toPlain(buffer.gt(0) ? buffer.div(daily) : ZERO);
		return result;
	}

	function riskFigures(): RiskFigures {
		const account = accountIn ?? wallet;
		const maxLoss = position!.marginMode === 'cross' ? (crossBalance ?? account ?? margin) : margin;
		const risk: RiskFigures = {maxLoss: toPlain(maxLoss)};
		const percentOf = (amount: Dec) => (account && account.gt(0) ? toPlain(amount.div(account).times(HUNDRED)) : undefined);
		if (account) risk.accountBalance = toPlain(account);
		const maxLossPercent = percentOf(maxLoss);
		if (maxLossPercent !== undefined) risk.maxLossPercentOfAccount = maxLossPercent;
		if (position!.marginMode === 'cross') {
			// The whole balance backs a cross order, but the order alone loses only what the price move takes: to its
			// liquidation price, or to 0 for a long that has none (ux: a 600 USDT long is not "100 % of 10,000").
			const own = lp ? quantity.times(entryPrice.minus(lp).abs()) : sign === 1 ? notional : undefined;
			// Within a tenth of the balance the two figures say the same: only the balance is stated then.
			if (own && own.lt(maxLoss.times('0.9'))) {
				risk.orderMaxLoss = toPlain(own);
				const ownPercent = percentOf(own);
				if (ownPercent !== undefined) risk.orderMaxLossPercentOfAccount = ownPercent;
			}
		}
		if (!stop) return risk;
		risk.stopLossPrice = toPlain(stop);
		risk.stop = stopCheck(position!, stop, thresholds.stopBufferPercent.div(HUNDRED));
		if (risk.stop.status === 'wrong-side') return risk;
		// Loss at the stop: the move plus the open fee and a taker close at the stop price.
		const perUnit = entryPrice.minus(stop).abs().plus(entryPrice.times(openRate())).plus(stop.times(takerRate));
		const loss = quantity.times(perUnit);
		risk.lossAtStop = toPlain(loss);
		const lossPercent = percentOf(loss);
		if (lossPercent !== undefined) risk.lossAtStopPercentOfAccount = lossPercent;
		if (takeProfit && (sign === 1 ? takeProfit.gt(entryPrice) : takeProfit.lt(entryPrice)) && loss.gt(0)) {
			const reward = quantity.times(takeProfit.minus(entryPrice).abs()).minus(fee(notional, openRate())).minus(fee(quantity.times(takeProfit), takerRate));
			risk.rewardToRisk = toPlain(reward.div(loss).toDecimalPlaces(4));
		}
		const leverage = position!.leverage;
		const costPerUnit = isFull && leverage ? entryPrice.div(leverage).plus(entryPrice.times(openRate())) : undefined;
		// A maker rebate can outweigh the loss of a stop very close to the entry, or the margin at very high leverage:
		// a unit then risks or costs nothing, no size follows from the budget, and the sizer stays out (no ÷ 0).
		if (account && account.gt(0) && leverage && costPerUnit?.gt(0) && perUnit.gt(0)) {
			const riskPercent = riskPercentIn ?? thresholds.defaultRiskPercent;
			const quantityForRisk = account.times(riskPercent).div(HUNDRED).div(perUnit);
			const available = wallet ?? account;
			const affordable = available.div(costPerUnit);
			const sized = quantityForRisk.gt(affordable) ? affordable : quantityForRisk;
			risk.sizing = {
				riskPercent: toPlain(riskPercent),
				quantityForRisk: toPlain(quantityForRisk),
				quantity: toPlain(sized),
				notional: toPlain(sized.times(entryPrice)),
				margin: toPlain(sized.times(entryPrice).div(leverage)),
				coveredByBalance: quantityForRisk.lte(affordable),
				...(quantityForRisk.gt(affordable) ? {cappedBy: 'balance' as const} : {}),
			};
		}
		const fees = figures.fees;
		if (loss.gt(0)) fees.roundTripInR = toPlain(new D(fees.roundTripFee).div(loss).toDecimalPlaces(4));
		return risk;
	}

	function oddsFigures(): OddsFigures | undefined {
		if (!lp) return undefined;
		const asset = baseAsset(effective.symbol);
		const configured = asset ? memo.parse(settings.volatility[asset] ?? '') : undefined;
		const bundled = asset ? DEFAULT_VOLATILITY[asset] : undefined;
		const volatility = volatilityIn ?? configured ?? new D(bundled ?? FALLBACK_VOLATILITY);
		const isDefault = !volatilityIn && !configured;
		if (isDefault) {
			assumptions.push(`Volatility ${volatility.times(100).toFixed()} % a year (${bundled ? `typical for ${asset}` : 'default for unlisted assets'}); set it in options.`);
		}
		const at = (years: Dec) => probabilityPercent(touchProbability({sign, price: referencePrice, barrier: lp, annualVolatility: volatility, years}));
		return {
			annualVolatilityRate: toPlain(volatility),
			volatilityIsDefault: isDefault,
			touch1hPercent: at(HORIZON_YEARS[0]),
			touch8hPercent: at(HORIZON_YEARS[1]),
			touch24hPercent: at(HORIZON_YEARS[2]),
		};
	}
}
