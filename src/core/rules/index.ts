/** The explicit registry of warning rules, alphabetical. A meta-test checks every file here is listed. */
import crossMarginExposure from './cross-margin-exposure.js';
import type {Rule} from './define-rule.js';
import feeDrag from './fee-drag.js';
import fundingDrag from './funding-drag.js';
import fundingLiquidation from './funding-liquidation.js';
import leverageHigh from './leverage-high.js';
import liquidationNear from './liquidation-near.js';
import liquidationOdds from './liquidation-odds.js';
import marginAboveBalance from './margin-above-balance.js';
import noStopLoss from './no-stop-loss.js';
import riskPerTrade from './risk-per-trade.js';
import stopBeyondLiquidation from './stop-beyond-liquidation.js';
import venueEstimateMismatch from './venue-estimate-mismatch.js';

export const RULES: readonly Rule[] = [
	crossMarginExposure,
	feeDrag,
	fundingDrag,
	fundingLiquidation,
	leverageHigh,
	liquidationNear,
	liquidationOdds,
	marginAboveBalance,
	noStopLoss,
	riskPerTrade,
	stopBeyondLiquidation,
	venueEstimateMismatch,
];

export type {Rule, RuleContext, RuleHit} from './define-rule.js';
