/** No stop-loss: say what the liquidation will take instead. Info only: many traders set stops after the fill. */
import {D} from '../decimal.js';
import {formatMoney, formatPercent} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'no-stop-loss',
	title: 'No stop-loss',
	description: 'Notes when no stop-loss is set and what a move to liquidation would cost.',
	thresholds: [],
	evaluate({figures, input}) {
		if (input.stopLossPrice !== undefined && input.stopLossPrice !== '') return undefined;
		if (figures.liquidation.kind !== 'price' || figures.liquidationDistancePercent === undefined) return undefined;
		// Already past the price: no move is needed (liquidation-near says so); "a −1 % move liquidates" would be nonsense.
		if (new D(figures.liquidationDistancePercent).lte(0)) return undefined;
		return {
			severity: 'info',
			messageKey: 'rule_no_stop_loss',
			substitutions: [formatPercent(figures.liquidationDistancePercent), formatMoney(figures.risk?.orderMaxLoss ?? figures.risk?.maxLoss ?? figures.initialMargin)],
		};
	},
});
