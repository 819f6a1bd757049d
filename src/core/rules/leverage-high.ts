/** High leverage: a small move liquidates. The message states the move in percent, the figure newcomers miss. */
import {formatLeverage, formatPercent} from '../format.js';
import {D} from '../decimal.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'leverage-high',
	title: 'High leverage',
	description: 'Warns at high leverage and says how small a move against you liquidates the position.',
	thresholds: ['leverageWarn', 'leverageDanger'],
	evaluate({figures, thresholds}) {
		if (figures.leverage === undefined) return undefined;
		const leverage = new D(figures.leverage);
		const severity = leverage.gte(thresholds.leverageDanger) ? 'danger' : leverage.gte(thresholds.leverageWarn) ? 'warn' : undefined;
		if (!severity) return undefined;
		const {liquidation, entryPrice} = figures;
		const move = liquidation.kind === 'price' ? new D(liquidation.price).minus(entryPrice).abs().div(entryPrice).times(100) : undefined;
		return move
			? {severity, messageKey: 'rule_leverage_high', substitutions: [formatLeverage(leverage), formatPercent(move)]}
			: {severity, messageKey: 'rule_leverage_high_no_liquidation', substitutions: [formatLeverage(leverage)]};
	},
});
