/**
 * A stop-loss past the liquidation price never fires (https://github.com/MetaMask/metamask-extension/issues/41898,
 * https://github.com/richkuo/go-trader/issues/1450, https://github.com/gmx-io/gmx-interface/pull/2583);
 * one within the last stretch before it can be skipped by a wick.
 */
import {D} from '../decimal.js';
import {formatLeverage, formatPercent, formatPrice} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'stop-beyond-liquidation',
	title: 'Stop-loss beyond liquidation',
	description: 'Flags a stop-loss at or past the liquidation price (it would never fire) or too close to it, with the highest safe leverage.',
	thresholds: ['stopBufferPercent'],
	evaluate({figures, thresholds}) {
		const stop = figures.risk?.stop;
		const stopPrice = figures.risk?.stopLossPrice;
		if (!stop || stopPrice === undefined) return undefined;
		if (stop.status === 'wrong-side') return {severity: 'warn', messageKey: 'rule_stop_wrong_side', substitutions: [formatPrice(stopPrice)]};
		if (figures.liquidation.kind !== 'price') return undefined;
		const liquidation = formatPrice(figures.liquidation.price);
		const safe = stop.maxSafeLeverage === undefined ? undefined : formatLeverage(new D(stop.maxSafeLeverage));
		if (stop.status === 'beyond') {
			return safe
				? {severity: 'danger', messageKey: 'rule_stop_beyond_liquidation', substitutions: [formatPrice(stopPrice), liquidation, safe]}
				: {severity: 'danger', messageKey: 'rule_stop_beyond_liquidation_cross', substitutions: [formatPrice(stopPrice), liquidation]};
		}
		if (stop.status === 'near') {
			const buffer = formatPercent(thresholds.stopBufferPercent);
			return safe
				? {severity: 'warn', messageKey: 'rule_stop_near_liquidation', substitutions: [formatPrice(stopPrice), buffer, liquidation, safe]}
				: {severity: 'warn', messageKey: 'rule_stop_near_liquidation_cross', substitutions: [formatPrice(stopPrice), buffer, liquidation]};
		}
		return undefined;
	},
});
