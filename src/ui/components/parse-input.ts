/**
 * The one rule for numbers typed into the popup and options page: plain decimals with '.' for decimals and
 * optional ',' grouping in threes ("1,234.5"). A ',' used as the decimal mark ("1.234,5", "0,5") is refused
 * with a message rather than guessed, because reading it the wrong way is a factor of 1000 in a risk figure.
 */
import {D, type DecimalString, toPlain} from '../../core/decimal.js';

export type ParsedInput = {kind: 'empty'} | {kind: 'ok'; value: DecimalString} | {kind: 'error'; message: string};

export type InputRule = {
	/** Refuse zero and below (prices, sizes, leverage). */
	isPositive?: boolean;
	/** Allow a leading '-' (funding rates, maker rebates). */
	isSignedAllowed?: boolean;
	min?: DecimalString;
	max?: DecimalString;
};

const PLAIN = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const COMMA_DECIMAL = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)?,\d+$/;

/** Parses what the user typed; whitespace around it is ignored. */
export function parseUserDecimal(text: string, rule: InputRule = {}): ParsedInput {
	const trimmed = text.trim();
	if (trimmed === '') return {kind: 'empty'};
	let plain: string;
	if (PLAIN.test(trimmed)) plain = trimmed;
	else if (GROUPED.test(trimmed)) plain = trimmed.replaceAll(',', '');
	else if (COMMA_DECIMAL.test(trimmed) || /\.\d*,/.test(trimmed)) {
		return {kind: 'error', message: "Use . for decimals (1234.5, not 1.234,5); ',' only groups thousands."};
	} else if (trimmed.includes(',')) {
		return {kind: 'error', message: "',' only groups thousands in threes, like 1,234.5."};
	} else {
		return {kind: 'error', message: 'Enter a number like 1234.5 (digits and an optional .).'};
	}
	if (plain.length > 60) return {kind: 'error', message: 'That number is too long.'};
	const value = new D(plain);
	if (value.isNegative() && !value.isZero() && !rule.isSignedAllowed) return {kind: 'error', message: 'Must not be negative.'};
	if (rule.isPositive && value.lte(0)) return {kind: 'error', message: 'Must be above 0.'};
	if (rule.min !== undefined && value.lt(rule.min)) return {kind: 'error', message: `Must be at least ${rule.min}.`};
	if (rule.max !== undefined && value.gt(rule.max)) return {kind: 'error', message: `Must be at most ${rule.max}.`};
	return {kind: 'ok', value: toPlain(value)};
}

/** Percent as typed (×100) → fraction for the engine ("0.5" % → "0.005"). Unit conversion only. */
export function percentToRate(percent: DecimalString): DecimalString {
	return toPlain(new D(percent).div(100));
}

/** Fraction from settings → percent text for an input ("0.005" → "0.5"). */
export function rateToPercent(rate: DecimalString): DecimalString {
	return toPlain(new D(rate).mul(100));
}
