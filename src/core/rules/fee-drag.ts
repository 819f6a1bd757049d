/** Round-trip fees as a share of the margin: at high leverage the trade starts deep in the red. */
import {D} from '../decimal.js';
import {formatMoney, formatPercent, formatPrice} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'fee-drag',
	title: 'Fees eat the margin',
	description: 'Warns when opening and closing fees are a large share of the margin, with the break-even price.',
	thresholds: ['feeDragWarnPercent', 'feeDragDangerPercent'],
	evaluate({figures, thresholds}) {
		const {fees} = figures;
		const percent = new D(fees.roundTripPercentOfMargin);
		const severity = percent.gte(thresholds.feeDragDangerPercent) ? 'danger' : percent.gte(thresholds.feeDragWarnPercent) ? 'warn' : undefined;
		if (!severity) return undefined;
		return {
			severity,
			messageKey: 'rule_fee_drag',
			substitutions: [formatMoney(fees.roundTripFee), formatPercent(percent), formatPrice(fees.breakEvenPrice)],
		};
	},
});
