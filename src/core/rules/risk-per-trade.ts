/** Loss at the stop (or, without a stop, everything the position can lose) as a share of the account. */
import {D} from '../decimal.js';
import {formatMoney, formatPercent} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'risk-per-trade',
	title: 'Risk per trade',
	description: 'Warns when the loss at the stop-loss, or without one what the order can lose (its margin, or on cross the move to its liquidation), is a large share of the account.',
	thresholds: ['riskPerTradeWarnPercent', 'riskPerTradeDangerPercent'],
	evaluate({figures, thresholds}) {
		const risk = figures.risk;
		if (!risk) return undefined;
		const withStop = risk.lossAtStopPercentOfAccount !== undefined && risk.lossAtStop !== undefined;
		// Cross without a stop: the order's own loss (to its liquidation, or to 0) is the risk of this trade; the rest
		// of the balance is named beside it, not counted as this order's loss.
		const ownLoss = !withStop && risk.orderMaxLoss !== undefined && risk.orderMaxLossPercentOfAccount !== undefined;
		const percentText = withStop ? risk.lossAtStopPercentOfAccount : ownLoss ? risk.orderMaxLossPercentOfAccount : risk.maxLossPercentOfAccount;
		if (percentText === undefined) return undefined;
		const percent = new D(percentText);
		const severity = percent.gt(thresholds.riskPerTradeDangerPercent) ? 'danger' : percent.gt(thresholds.riskPerTradeWarnPercent) ? 'warn' : undefined;
		if (!severity) return undefined;
		if (withStop) return {severity, messageKey: 'rule_risk_per_trade', substitutions: [formatMoney(risk.lossAtStop!), formatPercent(percent)]};
		if (ownLoss) {
			return {severity, messageKey: 'rule_risk_per_trade_no_stop_cross', substitutions: [formatMoney(risk.orderMaxLoss!), formatPercent(percent), formatMoney(risk.maxLoss)]};
		}
		return {severity, messageKey: 'rule_risk_per_trade_no_stop', substitutions: [formatPercent(percent), formatMoney(risk.maxLoss)]};
	},
});
