/** Odds of touching the liquidation price within 24 h at typical volatility (driftless GBM, see src/core/odds.ts). */
import {D} from '../decimal.js';
import {formatPercent} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'liquidation-odds',
	title: 'Likely to be liquidated soon',
	description: 'Warns when, at typical volatility, the price has a high chance of touching the liquidation price within 24 hours.',
	thresholds: ['liquidationOddsWarnPercent', 'liquidationOddsDangerPercent'],
	evaluate({figures, thresholds}) {
		const odds = figures.odds;
		if (!odds) return undefined;
		const day = new D(odds.touch24hPercent);
		const severity = day.gte(thresholds.liquidationOddsDangerPercent) ? 'danger' : day.gte(thresholds.liquidationOddsWarnPercent) ? 'warn' : undefined;
		if (!severity) return undefined;
		return {
			severity,
			messageKey: 'rule_liquidation_odds',
			substitutions: [formatPercent(new D(odds.annualVolatilityRate).times(100)), formatPercent(day), formatPercent(odds.touch1hPercent)],
		};
	},
});
