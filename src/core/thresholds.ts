/**
 * Warning thresholds with their defaults and the reason for each. The options page renders these; the rules read
 * them. Percent values are ×100 (`5` = 5 %).
 */
import type {DecimalString} from './decimal.js';

export type ThresholdKey =
	| 'leverageWarn'
	| 'leverageDanger'
	| 'liquidationDistanceWarnPercent'
	| 'liquidationDistanceDangerPercent'
	| 'riskPerTradeWarnPercent'
	| 'riskPerTradeDangerPercent'
	| 'fundingDailyWarnPercent'
	| 'feeDragWarnPercent'
	| 'feeDragDangerPercent'
	| 'stopBufferPercent'
	| 'liquidationOddsWarnPercent'
	| 'liquidationOddsDangerPercent'
	| 'fundingDaysWarn'
	| 'venueMismatchPercent'
	| 'defaultRiskPercent'
	| 'defaultHoldHours'
	| 'portfolioHeatWarnPercent';

export type RiskThresholds = Record<ThresholdKey, DecimalString>;

export type ThresholdSpec = {
	default: DecimalString;
	min: DecimalString;
	max: DecimalString;
	unit: 'x' | '%' | 'days' | 'hours';
	label: string;
	reason: string;
};

export const THRESHOLD_SPECS: Readonly<Record<ThresholdKey, ThresholdSpec>> = {
	leverageWarn: {
		default: '20',
		min: '1',
		max: '2000',
		unit: 'x',
		label: 'Leverage: warn at',
		reason: 'At 20x a 5 % move, a routine daily swing for crypto, costs the whole margin.',
	},
	leverageDanger: {
		default: '50',
		min: '1',
		max: '2000',
		unit: 'x',
		label: 'Leverage: danger at',
		reason: 'At 50x about a 2 % move liquidates; BTC moves that much within hours on an ordinary day.',
	},
	liquidationDistanceWarnPercent: {
		default: '5',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Liquidation closer than (warn)',
		reason: 'A liquidation within 5 % of the price is within one day of typical BTC volatility.',
	},
	liquidationDistanceDangerPercent: {
		default: '2',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Liquidation closer than (danger)',
		reason: 'Within 2 % a wick or a news candle liquidates before a stop can act.',
	},
	riskPerTradeWarnPercent: {
		default: '2',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Risk per trade above (warn)',
		reason: 'Common money-management practice keeps a single loss at 1–2 % of the account.',
	},
	riskPerTradeDangerPercent: {
		default: '10',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Risk per trade above (danger)',
		reason: 'Ten losses of 10 % in a row leave about a third of the account; such streaks are ordinary.',
	},
	fundingDailyWarnPercent: {
		default: '5',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Funding per day at or above (% of margin)',
		reason: 'Funding above 5 % of the margin a day eats the margin in weeks even when the price is flat.',
	},
	feeDragWarnPercent: {
		default: '10',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Round-trip fees at or above (% of margin, warn)',
		reason: 'At 100x, opening and closing at taker rates costs about 10 % of the margin before any move.',
	},
	feeDragDangerPercent: {
		default: '25',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Round-trip fees at or above (% of margin, danger)',
		reason: 'When fees take a quarter of the margin the trade starts deep in the red.',
	},
	stopBufferPercent: {
		default: '10',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Stop must stay this far inside the liquidation distance',
		reason: 'A stop within the last 10 % of the way to liquidation can be skipped by slippage and wicks.',
	},
	liquidationOddsWarnPercent: {
		default: '10',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Odds of touching liquidation in 24 h at or above (warn)',
		reason: 'One chance in ten a day adds up to likely liquidation within a couple of weeks.',
	},
	liquidationOddsDangerPercent: {
		default: '50',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Odds of touching liquidation in 24 h at or above (danger)',
		reason: 'A coin flip or worse that the position is liquidated within a day.',
	},
	fundingDaysWarn: {
		default: '7',
		min: '0',
		max: '3650',
		unit: 'days',
		label: 'Funding alone liquidates within (days)',
		reason: 'Funding can liquidate a flat position within a week at high leverage and high rates.',
	},
	venueMismatchPercent: {
		default: '0.5',
		min: '0',
		max: '100',
		unit: '%',
		label: "Flag when the venue's estimate differs by more than",
		reason: 'A larger gap means a tier, a fee or our reading of the form is off.',
	},
	defaultRiskPercent: {
		default: '1',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Position sizer: risk per trade',
		reason: 'Risking 1 % of the account per trade survives long losing streaks.',
	},
	defaultHoldHours: {
		default: '24',
		min: '0',
		max: '87600',
		unit: 'hours',
		label: 'Planned hold for funding',
		reason: 'One day covers three 8-hour or twenty-four 1-hour funding payments.',
	},
	portfolioHeatWarnPercent: {
		default: '6',
		min: '0',
		max: '100',
		unit: '%',
		label: 'Total risk of your open trades above (portfolio heat)',
		reason: 'Crypto markets move together, so open trades often hit their stops on the same day; 6 % is three trades at 2 % or six at 1 %, a day the account recovers from.',
	},
};

export const DEFAULT_THRESHOLDS: RiskThresholds = Object.fromEntries(
	Object.entries(THRESHOLD_SPECS).map(([key, spec]) => [key, spec.default]),
) as RiskThresholds;
