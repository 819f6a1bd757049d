/** Days until funding alone, with the price flat, brings the position to liquidation. */
import {D} from '../decimal.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'funding-liquidation',
	title: 'Funding alone liquidates',
	description: 'Warns when paying funding at the current rate would liquidate the position within days even if the price stays flat.',
	thresholds: ['fundingDaysWarn'],
	evaluate({figures, thresholds}) {
		const days = figures.funding?.daysToLiquidation;
		if (days === undefined) return undefined;
		const value = new D(days);
		if (value.gte(thresholds.fundingDaysWarn)) return undefined;
		const severity = value.lt(1) ? 'danger' : 'warn';
		return {severity, messageKey: 'rule_funding_liquidation', substitutions: [value.toDecimalPlaces(1, D.ROUND_DOWN).toFixed(1)]};
	},
});
