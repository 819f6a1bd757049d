/** Loss at the stop (or, without a stop, everything the position can lose) as a share of the account. */
import {D} from '../core/decimal.js';
import {formatMoney, formatPercent} from '../core/format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'risk-per-trade',
	title: 'Risk per trade',
	description: 'Warns when the loss at the stop-loss, or without one the whole margin at stake, is a large share of the account.',
	thresholds: ['riskPerTradeWarnPercent', 'riskPerTradeDangerPercent'],
	evaluate({figures, thresholds}) {
		const risk = figures.risk;
		if (!risk) return undefined;
		const withStop = risk.lossAtStopPercentOfAccount !== undefined && risk.lossAtStop !== undefined;
		const percentText = withStop ? risk.lossAtStopPercentOfAccount : risk.maxLossPercentOfAccount;
		if (percentText === undefined) return undefined;
		const percent = new D(percentText);
		const severity = percent.gt(thresholds.riskPerTradeDangerPercent) ? 'danger' : percent.gt(thresholds.riskPerTradeWarnPercent) ? 'warn' : undefined;
		if (!severity) return undefined;
		return withStop
			? {severity, messageKey: 'rule_risk_per_trade', substitutions: [formatMoney(risk.lossAtStop!), formatPercent(percent)]}
			: {severity, messageKey: 'rule_risk_per_trade_no_stop', substitutions: [formatPercent(percent), formatMoney(risk.maxLoss)]};
	},
});
