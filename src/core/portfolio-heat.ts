/**
 * Portfolio heat: what the trades a trader has open would lose together if every stop filled, in percent of the
 * account. Trades in crypto move together, so their stops tend to be hit on the same day; the sum, not each trade
 * alone, is what the account has at risk.
 *
 * A listed trade's loss is the price move from its entry to its stop times its size. Fees, funding and slippage are
 * not included (the list does not know the venue or the fee tier): they add to the figure, never reduce it. The
 * trade being sized comes in with its own loss at the stop, which the engine computes with fees.
 */
import {D, type Dec, HUNDRED, ZERO, parseDecimal, toPlain, type DecimalString} from './decimal.js';
import type {Side} from './types.js';

export type OpenRisk = {side: Side; entryPrice: DecimalString; stopLossPrice: DecimalString; quantity: DecimalString};

/**
 * 'at-risk': the stop is on the losing side of the entry. 'breakeven': the stop is at the entry. 'in-profit': the stop
 * has been moved past the entry, so filling it locks in a gain; such a trade adds nothing to the heat.
 */
export type OpenRiskStatus = 'at-risk' | 'breakeven' | 'in-profit';

export type OpenRiskLoss = {status: OpenRiskStatus; loss: DecimalString};

function positive(text: DecimalString): Dec | undefined {
	const value = parseDecimal(text);
	return value && value.gt(0) ? value : undefined;
}

/** The price-move loss of one open trade if its stop fills; undefined when a figure is not a positive decimal. */
export function openRiskLoss(risk: OpenRisk): OpenRiskLoss | undefined {
	const entry = positive(risk.entryPrice);
	const stop = positive(risk.stopLossPrice);
	const quantity = positive(risk.quantity);
	if (!entry || !stop || !quantity || (risk.side !== 'long' && risk.side !== 'short')) return undefined;
	const move = risk.side === 'long' ? entry.minus(stop) : stop.minus(entry);
	if (move.isZero()) return {status: 'breakeven', loss: '0'};
	if (move.lt(0)) return {status: 'in-profit', loss: '0'};
	return {status: 'at-risk', loss: toPlain(move.times(quantity))};
}

export type PortfolioHeat = {
	/** Σ of the listed trades' losses at their stops (price move only). */
	listedLoss: DecimalString;
	/** The sized trade's loss at its stop, fees included, when there is one. */
	sizedLoss?: DecimalString;
	totalLoss: DecimalString;
	accountBalance: DecimalString;
	totalPercentOfAccount: DecimalString;
	thresholdPercent: DecimalString;
	/** Strictly above the threshold. */
	isAboveThreshold: boolean;
};

export type PortfolioHeatInput = {
	listed: readonly OpenRisk[];
	sizedLoss?: DecimalString;
	accountBalance: DecimalString;
	thresholdPercent: DecimalString;
};

/**
 * The total at risk and its share of the account. Undefined when any listed trade or the account is not a valid
 * figure: a total that silently left a trade out would understate the heat.
 */
export function portfolioHeat(input: PortfolioHeatInput): PortfolioHeat | undefined {
	const account = positive(input.accountBalance);
	const threshold = parseDecimal(input.thresholdPercent);
	if (!account || !threshold) return undefined;
	let listed: Dec = ZERO;
	for (const risk of input.listed) {
		const loss = openRiskLoss(risk);
		if (!loss) return undefined;
		listed = listed.plus(loss.loss);
	}
	let total = listed;
	if (input.sizedLoss !== undefined) {
		const sized = parseDecimal(input.sizedLoss);
		if (!sized || sized.lt(0)) return undefined;
		total = total.plus(sized);
	}
	const percent = total.div(account).times(HUNDRED);
	const heat: PortfolioHeat = {
		listedLoss: toPlain(listed),
		totalLoss: toPlain(total),
		accountBalance: toPlain(account),
		totalPercentOfAccount: toPlain(percent),
		thresholdPercent: toPlain(new D(threshold)),
		isAboveThreshold: percent.gt(threshold),
	};
	if (input.sizedLoss !== undefined) heat.sizedLoss = toPlain(new D(input.sizedLoss));
	return heat;
}
