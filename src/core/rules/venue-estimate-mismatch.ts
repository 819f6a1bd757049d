/** The venue's own liquidation estimate disagrees with ours: a tier, a fee or our reading of the form is off. */
import {formatPercent, formatPrice} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'venue-estimate-mismatch',
	title: "Differs from the exchange's estimate",
	description: "Flags when the exchange's own estimated liquidation price differs from LiqGuard's by more than the set percentage.",
	thresholds: ['venueMismatchPercent'],
	evaluate({figures}) {
		const check = figures.venueCheck;
		if (!check || check.agrees) return undefined;
		if (check.ours === 'none' || figures.liquidation.kind !== 'price') {
			return {severity: 'warn', messageKey: 'rule_venue_estimate_none', substitutions: [formatPrice(check.venueLiquidationPrice)]};
		}
		return {
			severity: 'warn',
			messageKey: 'rule_venue_estimate_mismatch',
			substitutions: [formatPrice(check.venueLiquidationPrice), formatPrice(figures.liquidation.price), formatPercent(check.differencePercent.replace(/^-/, ''))],
		};
	},
});
