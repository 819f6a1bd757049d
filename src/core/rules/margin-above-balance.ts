/**
 * The order's initial margin is more than the balance read from the form: the exchange refuses it as typed (or a
 * venue that shrinks orders to fit fills a different one). Danger: the figures describe an order that cannot exist.
 */
import {D} from '../decimal.js';
import {formatMoney} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'margin-above-balance',
	title: 'Margin above the balance',
	description: 'Flags an order whose initial margin is more than the available balance read from the form: the exchange would refuse it.',
	thresholds: [],
	evaluate({figures}) {
		const available = figures.risk?.accountBalance;
		if (available === undefined) return undefined;
		if (new D(figures.initialMargin).lte(available)) return undefined;
		return {severity: 'danger', messageKey: 'rule_margin_above_balance', substitutions: [formatMoney(figures.initialMargin), formatMoney(available)]};
	},
});
