/** Liquidation close to the current price (distance measured from mark/oracle, else entry). */
import {D} from '../decimal.js';
import {formatPercent, formatPrice} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'liquidation-near',
	title: 'Liquidation close to the price',
	description: 'Warns when the liquidation price is within a few percent of the current price.',
	thresholds: ['liquidationDistanceWarnPercent', 'liquidationDistanceDangerPercent'],
	evaluate({figures, thresholds}) {
		const {liquidation, liquidationDistancePercent} = figures;
		if (liquidation.kind !== 'price' || liquidationDistancePercent === undefined) return undefined;
		const distance = new D(liquidationDistancePercent);
		if (distance.lte(0)) return {severity: 'danger', messageKey: 'rule_liquidation_near_past', substitutions: [formatPrice(liquidation.price)]};
		const severity = distance.lt(thresholds.liquidationDistanceDangerPercent)
			? 'danger'
			: distance.lt(thresholds.liquidationDistanceWarnPercent)
				? 'warn'
				: undefined;
		if (!severity) return undefined;
		return {severity, messageKey: 'rule_liquidation_near', substitutions: [formatPrice(liquidation.price), formatPercent(distance)]};
	},
});
