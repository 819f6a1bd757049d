/** Funding bleeds margin even when the price is flat. Compared per day, as a share of the margin. */
import {D} from '../decimal.js';
import {formatMoney, formatPercent} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'funding-drag',
	title: 'Funding eats the margin',
	description: 'Warns when paying funding at the current rate costs a large share of the margin per day.',
	thresholds: ['fundingDailyWarnPercent'],
	evaluate({figures, thresholds}) {
		const funding = figures.funding;
		if (!funding) return undefined;
		const daily = new D(funding.dailyPercentOfMargin);
		if (daily.lt(thresholds.fundingDailyWarnPercent) || daily.lte(0)) return undefined;
		return {
			severity: 'warn',
			messageKey: 'rule_funding_drag',
			substitutions: [formatPercent(daily), formatPercent(new D(funding.ratePerInterval).times(100)), funding.intervalHours, formatMoney(funding.paymentOverHold), funding.holdHours],
		};
	},
});
