/**
 * Types of the risk engine. Every amount is a `DecimalString`; rates are fractions (`Rate`), percents are ×100
 * (`Percent`). Field names follow the `liqguard-vectors/1` format (test/vectors/README.md) so a vector's
 * `inputs` object is a valid `PositionInput` once `venue` is added.
 */
import type {DecimalString} from './decimal.js';
import type {ParamSource} from './market-params.js';

export type Side = 'long' | 'short';
export type MarginMode = 'isolated' | 'cross';

export const VENUE_IDS = [
	'binance-usdm',
	'bybit-linear',
	'okx-swap',
	'hyperliquid',
	'aster-pro',
	'aster-simple',
	'dydx-v4',
	'gmx-v2',
	'custom',
] as const;
export type VenueId = (typeof VENUE_IDS)[number];

export type Tier = {
	notionalFloor: DecimalString;
	/** Exclusive; absent on the last tier (unbounded). */
	notionalCap?: DecimalString;
	maintenanceMarginRate?: DecimalString;
	/** Derived with the venues' common recursion when absent. */
	maintenanceDeduction?: DecimalString;
	maxLeverage?: DecimalString;
};

export type OtherPosition = {
	symbol?: string;
	side: Side;
	quantity: DecimalString;
	entryPrice: DecimalString;
	markPrice: DecimalString;
	maintenanceMarginRate: DecimalString;
	maintenanceDeduction?: DecimalString;
};

/** One position (existing, or the order about to be placed) and its account context. */
export type PositionInput = {
	venue: VenueId;
	side?: Side;
	marginMode?: MarginMode;
	positionMode?: 'one-way' | 'hedge';
	/** Bybit only: 'classic' selects the pre-UTA formula; default 'unified'. */
	accountType?: 'unified' | 'classic';
	symbol?: string;
	entryPrice?: DecimalString;
	/** Base units, > 0. */
	quantity?: DecimalString;
	contracts?: DecimalString;
	contractValue?: DecimalString;
	leverage?: DecimalString;
	markPrice?: DecimalString;
	oraclePrice?: DecimalString;
	isolatedMargin?: DecimalString;
	extraMargin?: DecimalString;
	walletBalance?: DecimalString;
	equity?: DecimalString;
	otherPositions?: readonly OtherPosition[];
	/** Positive = received by the holder, not yet in the margin figures. */
	accumulatedFunding?: DecimalString;
	maintenanceMarginRate?: DecimalString;
	maintenanceDeduction?: DecimalString;
	maxLeverage?: DecimalString;
	tiers?: readonly Tier[];
	/**
	 * What a tier's floor/cap measure. 'notional' (default): the quote-currency notional, tier at the liquidation
	 * price, deductions by the recursion. 'contracts' (OKX position tiers, minSz/maxSz): floor/cap are contract
	 * counts, the tier is the one holding the position's contracts (it does not move with price) and its rate
	 * applies to the whole position with no deduction. Needs `contracts`, or `quantity` and `contractValue`.
	 */
	tierBasis?: 'notional' | 'contracts';
	takerFeeRate?: DecimalString;
	makerFeeRate?: DecimalString;
	/** Per interval, positive = longs pay. */
	fundingRate?: DecimalString;
	fundingIntervalHours?: DecimalString;
	holdHours?: DecimalString;
	// aster-simple
	initialMargin?: DecimalString;
	liquidationLossRate?: DecimalString;
	// gmx-v2
	sizeInUsd?: DecimalString;
	sizeInTokens?: DecimalString;
	collateralUsd?: DecimalString;
	closingFeeUsd?: DecimalString;
	minCollateralFactor?: DecimalString;
	minCollateralUsd?: DecimalString;
	priceImpactDeltaUsd?: DecimalString;
	pendingBorrowingFeesUsd?: DecimalString;
	pendingFundingFeesUsd?: DecimalString;
};

/** What `assess` needs beyond the position: the trader's plan and account. */
export type AssessInput = PositionInput & {
	/** How the opening order fills; a market order pays taker, a resting limit order maker. Default 'market'. */
	orderType?: 'limit' | 'market';
	/** Whole account (for risk % of account); defaults to walletBalance. */
	accountBalance?: DecimalString;
	stopLossPrice?: DecimalString;
	takeProfitPrice?: DecimalString;
	/** Annualised volatility as a fraction (0.6 = 60 %/yr); default per asset (see volatility.ts). */
	annualVolatilityRate?: DecimalString;
	/** Risk budget for the position sizer, percent of account (default from thresholds). */
	riskPercent?: DecimalString;
	/** The venue's own liquidation estimate read from the page, for the cross-check. */
	venueLiquidationPrice?: DecimalString;
};

/**
 * A named input problem; the field is a key of the input. `message` is for developers and logs; `data` carries the
 * figures a UI needs to say it in a trader's words (plain decimals and names, no UI text): see src/ui/explain-issue.ts.
 */
export type InputIssue = {field: string; code: InputIssueCode; message: string; data?: IssueData};

/**
 * - `venue-cap`: the leverage is above what the venue's tier for this size allows. `maxLeverage` is that cap,
 *   `tierCap` the notional up to which it holds (absent on an open-ended last tier), `allowedNotional` /
 *   `allowedQuantity` the largest position the typed leverage is allowed for (absent when no size is).
 * - `venue-max`: above the venue's single maximum (`maxLeverage`).
 * - `opens-liquidated`: the margin at this leverage is below the maintenance requirement; `ceiling` is the leverage
 *   to stay under.
 * - `no-tier-data`: no maintenance rate given and none bundled for `symbol` on `venueLabel`.
 * - `beyond-tier-data`: the position at liquidation is larger than the tier table reaches.
 */
export type IssueData = {
	kind: 'venue-cap' | 'venue-max' | 'opens-liquidated' | 'no-tier-data' | 'beyond-tier-data';
	venueLabel?: string;
	symbol?: string;
	leverage?: DecimalString;
	notional?: DecimalString;
	maxLeverage?: DecimalString;
	tierCap?: DecimalString;
	allowedNotional?: DecimalString;
	allowedQuantity?: DecimalString;
	ceiling?: DecimalString;
};
export type InputIssueCode =
	| 'missing'
	| 'not-a-number'
	| 'not-positive'
	| 'negative'
	| 'out-of-range'
	| 'above-venue-max'
	| 'inconsistent'
	| 'unsupported';

export type Result<T> = {ok: true; value: T} | {ok: false; issues: readonly InputIssue[]};

/** A liquidation price, or the statement that none exists. Never a number ≤ 0. */
export type Liquidation =
	| {
			kind: 'price';
			price: DecimalString;
			/** Maintenance rate and deduction used (of the tier containing the notional at that price). */
			maintenanceMarginRate: DecimalString;
			maintenanceDeduction: DecimalString;
			/** 0-based tier index when a tier table was used. */
			tierIndex?: number;
	  }
	| {kind: 'none'; reason: 'below-zero' | 'unreachable'};

export type PnlStep = {
	/** Price move in the position's favour (+) or against it (−), percent. */
	movePercent: DecimalString;
	price: DecimalString;
	pnl: DecimalString;
	/** PnL as percent of the initial margin. */
	pnlPercentOfMargin: DecimalString;
	/** True when this price is at or beyond the liquidation price. */
	liquidated: boolean;
};

export type Figures = {
	venue: VenueId;
	side: Side;
	marginMode: MarginMode;
	quantity: DecimalString;
	entryPrice: DecimalString;
	/** Price distances are measured from here: mark (or oracle) if given, else the entry price. */
	referencePrice: DecimalString;
	notional: DecimalString;
	leverage?: DecimalString;
	initialMargin: DecimalString;
	/** Margin that backs the position (isolated margin, or cross wallet less others' needs). */
	backingMargin: DecimalString;
	/** Absent where the venue has no maintenance margin (Aster Simple uses a loss rate) or the notional is off-table. */
	maintenanceMargin?: DecimalString;
	maintenanceMarginRate?: DecimalString;
	maintenanceDeduction?: DecimalString;
	liquidation: Liquidation;
	/** |reference − liquidation|, when there is a liquidation price. */
	liquidationDistance?: DecimalString;
	/** s × (reference − liquidation) / reference × 100; positive = safe side. */
	liquidationDistancePercent?: DecimalString;
	/** Bankruptcy move: percent move against the position that wipes its backing margin. */
	wipeoutMovePercent?: DecimalString;
	/** PnL at ±1/5/10 % moves; empty when the caller asked for the panel's figures only (`AssessOptions.detail`). */
	pnlLadder: readonly PnlStep[];
	funding?: FundingFigures;
	fees: FeeFigures;
	risk?: RiskFigures;
	odds?: OddsFigures;
	/** Cross margin: the balance that backs this order (everything it can lose). */
	crossExposure?: DecimalString;
	venueCheck?: VenueCheck;
	/** Assumptions behind defaults used (e.g. a bundled tier table, a default fee), for the panel's fine print. */
	assumptions: readonly string[];
	/** Where the maintenance parameters (rate, tiers, loss rate, collateral factor) behind these figures came from. */
	parameterSource: ParameterSource;
	/**
	 * True only when `parameterSource` may be shown as fact: the venue's own live data ('live'), or numbers given with
	 * the order itself ('input'). A remembered typed rate, bundled tables, venue defaults, implied rates and ranges are
	 * shown as what they are and never earn an all-clear (✓).
	 */
	parametersAreFact: boolean;
	/**
	 * Set when the maintenance rate is unknown and the figures span the venue's documented tier-1 rates
	 * (`parameterSource.kind === 'range'`): "liquidation between `low` and `high`: maintenance rate unknown".
	 * `liquidation` and every figure derived from it use the end nearest the entry (the highest rate), so a
	 * distance or warning errs early.
	 */
	liquidationRange?: LiquidationRange;
};

/**
 * Where the maintenance parameters came from. The market-data members (`live`, `bundled`, `typed`) are
 * `ParamSource`; the rest are the engine's own fallbacks:
 * - `input`: a rate or table given with the order itself (the calculator's own field, a vector, an API caller). A
 *   caller holding a table it did not get from the user passes it as `AssessOptions.market`, with its source.
 * - `venue-default`: a documented default of the venue model (dYdX genesis fraction, GMX 1 % collateral factor).
 * - `implied`: solved from the venue's own displayed liquidation estimate ("implied by OKX's own estimate").
 * - `range`: the venue's documented tier-1 rates; see `Figures.liquidationRange`.
 */
export type ParameterSource =
	| ParamSource
	| {kind: 'input'}
	| {kind: 'venue-default'; label: string; note: string}
	| {kind: 'implied'; label: string; venueLiquidationPrice: DecimalString; maintenanceMarginRate: DecimalString}
	/** `parameter`: what the range is over — a maintenance rate, or GMX's minimum collateral factor. */
	| {kind: 'range'; label: string; url: string; asOf: string; lowRate: DecimalString; highRate: DecimalString; parameter: 'maintenance-rate' | 'min-collateral-factor'};

/**
 * Liquidation prices at the two ends of a documented rate range. `low` ≤ `high` as prices. `nearest` is the one
 * closer to the entry (the highest rate: what `Figures.liquidation` uses), `farthest` the other.
 */
export type LiquidationRange = {
	low: DecimalString;
	high: DecimalString;
	nearest: DecimalString;
	farthest: DecimalString;
	lowRate: DecimalString;
	highRate: DecimalString;
	reason: 'maintenance-rate-unknown';
};

export type FundingFigures = {
	ratePerInterval: DecimalString;
	intervalHours: DecimalString;
	/** Signed, positive = the holder pays, for one interval. */
	paymentPerInterval: DecimalString;
	holdHours: DecimalString;
	/** Signed, over the planned hold. */
	paymentOverHold: DecimalString;
	/** Paid over the hold as percent of initial margin (negative when received). */
	holdPercentOfMargin: DecimalString;
	/** Paid per day as percent of initial margin (negative when received). */
	dailyPercentOfMargin: DecimalString;
	/** Absent when not computable: the liquidation notional after the hold lies past a partial tier table. */
	liquidationAfterHold?: Liquidation;
	/** Days of funding alone (price flat at the reference) until liquidation; absent when funding is received or zero. */
	daysToLiquidation?: DecimalString;
};

export type FeeFigures = {
	openFeeRate: DecimalString;
	closeFeeRate: DecimalString;
	openFee: DecimalString;
	/** Closing at the entry price (or at the stop, for the risk figures). */
	closeFee: DecimalString;
	roundTripFee: DecimalString;
	roundTripPercentOfMargin: DecimalString;
	/** Round trip as a multiple of the risk at the stop, when a stop is given. */
	roundTripInR?: DecimalString;
	breakEvenPrice: DecimalString;
};

export type RiskFigures = {
	accountBalance?: DecimalString;
	stopLossPrice?: DecimalString;
	/** Loss if the stop fills (price move plus fees), quote currency. */
	lossAtStop?: DecimalString;
	lossAtStopPercentOfAccount?: DecimalString;
	/** What can be lost with no stop: the isolated margin, or the whole cross balance. */
	maxLoss: DecimalString;
	maxLossPercentOfAccount?: DecimalString;
	/**
	 * Cross margin only, when under 90 % of `maxLoss`: what this order by itself can lose without a stop — the move
	 * to its own liquidation price, or for a long with none, to a price of 0 (its notional). The rest of the balance
	 * is at stake only through other positions. Absent for a short with no liquidation price (no bound).
	 */
	orderMaxLoss?: DecimalString;
	orderMaxLossPercentOfAccount?: DecimalString;
	stop?: StopCheck;
	/** The position sizer's answer; not computed for the panel's figures only (`AssessOptions.detail`). */
	sizing?: SizingFigures;
	rewardToRisk?: DecimalString;
};

export type StopCheck = {
	/**
	 * 'beyond': the stop lies at or past the liquidation price; 'near': within the buffer; 'ok'; 'wrong-side': the
	 * "stop" is on the profit side of the entry (not a stop-loss); 'no-liquidation': the position has none.
	 */
	status: 'beyond' | 'near' | 'ok' | 'no-liquidation' | 'wrong-side';
	/** Highest leverage whose liquidation stays beyond the stop with the buffer (isolated only). */
	maxSafeLeverage?: DecimalString;
};

export type SizingFigures = {
	riskPercent: DecimalString;
	/** Size that loses `riskPercent` of the account at the stop, fees included, before caps. */
	quantityForRisk: DecimalString;
	/** After the caps of leverage and balance. */
	quantity: DecimalString;
	notional: DecimalString;
	margin: DecimalString;
	cappedBy?: 'balance';
	coveredByBalance: boolean;
};

export type OddsFigures = {
	annualVolatilityRate: DecimalString;
	volatilityIsDefault: boolean;
	/** Probability (percent) that the price touches the liquidation price within 1 h, 8 h, 24 h. */
	touch1hPercent: DecimalString;
	touch8hPercent: DecimalString;
	touch24hPercent: DecimalString;
};

export type VenueCheck =
	| {
			venueLiquidationPrice: DecimalString;
			/** (ours − venue) / venue × 100. */
			differencePercent: DecimalString;
			agrees: boolean;
			ours?: undefined;
	  }
	| {
			/** The venue shows a liquidation price where we find none (below zero or unreachable): they disagree. */
			venueLiquidationPrice: DecimalString;
			ours: 'none';
			agrees: false;
			differencePercent?: undefined;
	  };

export type Severity = 'info' | 'warn' | 'danger';

export type Warning = {
	/** Stable id = the rule's file name under src/core/rules. */
	rule: string;
	severity: Severity;
	/** Plain language, from src/_locales/en/messages.json. */
	message: string;
	/** messages.json key and substitutions, so a UI can localise. */
	messageKey: string;
	substitutions: readonly string[];
};

export type Assessment = {
	figures: Figures;
	warnings: readonly Warning[];
	/** Worst severity among the warnings, or undefined. */
	worst?: Severity;
};
