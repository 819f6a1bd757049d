/**
 * Cross margin puts the whole balance behind one order (a trader's words: "cross margin can wipe your whole account").
 * Info-level reminder of the blast radius; the panel adds how to switch to isolated on this venue.
 */
import {D} from '../decimal.js';
import {formatMoney} from '../format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'cross-margin-exposure',
	title: 'Cross margin: the whole balance at stake',
	description: 'Reminds that on cross margin the whole wallet backs this order: what the order itself can lose (to its stop or liquidation) and the balance other positions can take with it.',
	thresholds: [],
	evaluate({figures}) {
		if (figures.marginMode !== 'cross') return undefined;
		const balance = figures.crossExposure;
		const risk = figures.risk;
		// What this order itself can lose: at a stop that fires before liquidation, else the move to liquidation (or 0).
		const stopFires = risk?.lossAtStop !== undefined && (risk.stop?.status === 'ok' || risk.stop?.status === 'near' || risk.stop?.status === 'no-liquidation');
		const own = stopFires ? risk.lossAtStop : risk?.orderMaxLoss;
		// Within a tenth of the balance the two figures tell the same story: the plain message says it (as for orderMaxLoss).
		if (balance !== undefined && own !== undefined && new D(own).lt(new D(balance).times('0.9'))) {
			return {severity: 'warn', messageKey: 'rule_cross_margin_exposure_bounded', substitutions: [formatMoney(own), formatMoney(balance)]};
		}
		return balance === undefined
			? {severity: 'warn', messageKey: 'rule_cross_margin_exposure_unknown', substitutions: [formatMoney(figures.initialMargin)]}
			: {severity: 'warn', messageKey: 'rule_cross_margin_exposure', substitutions: [formatMoney(balance), formatMoney(figures.initialMargin)]};
	},
});
