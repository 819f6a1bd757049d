/**
 * Cross margin puts the whole balance behind one order (seed 000: "cross margin can wipe your whole account").
 * Info-level reminder of the blast radius; the panel adds how to switch to isolated on this venue.
 */
import {formatMoney} from '../core/format.js';
import {defineRule} from './define-rule.js';

export default defineRule({
	id: 'cross-margin-exposure',
	title: 'Cross margin: the whole balance at stake',
	description: 'Reminds that on cross margin the whole wallet backs this order, and what isolated margin would cap the loss at.',
	thresholds: [],
	evaluate({figures}) {
		if (figures.marginMode !== 'cross') return undefined;
		const balance = figures.crossExposure;
		return balance === undefined
			? {severity: 'warn', messageKey: 'rule_cross_margin_exposure_unknown', substitutions: [formatMoney(figures.initialMargin)]}
			: {severity: 'warn', messageKey: 'rule_cross_margin_exposure', substitutions: [formatMoney(balance), formatMoney(figures.initialMargin)]};
	},
});
