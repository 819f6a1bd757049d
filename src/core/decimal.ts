/**
 * The one Decimal constructor of LiqGuard. Nothing else imports decimal.js: a cloned constructor keeps our
 * precision safe from any other code that calls `Decimal.set` (decimal.js README, "Use").
 *
 * Amounts enter and leave the core as plain decimal strings (`DecimalString`): optional "-", digits, optional
 * "." and digits. No exponent, no grouping, never NaN or Infinity.
 */
import Decimal from 'decimal.js';

/** 40 significant digits: far beyond any venue's precision, so rounding never reaches a displayed digit. */
export const D = Decimal.clone({
	precision: 40,
	rounding: Decimal.ROUND_HALF_EVEN,
	toExpNeg: -60,
	toExpPos: 60,
});
export type Dec = Decimal;

/** A plain decimal number as text, e.g. "57411.7" or "-0.0001". */
export type DecimalString = string;

const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Largest magnitude we accept for any amount: 1e30 is far above any market's price × size. */
const MAX_ABS = new D('1e30');

/**
 * Strict parse of a plain decimal string. Anything else (exponents, grouping, NaN, Infinity, empty text,
 * magnitudes above 1e30) gives `undefined`, never a guess.
 */
export function parseDecimal(text: unknown): Dec | undefined {
	if (typeof text !== 'string') return undefined;
	const trimmed = text.trim();
	if (trimmed.length === 0 || trimmed.length > 80 || !PLAIN_DECIMAL.test(trimmed)) return undefined;
	const value = new D(trimmed);
	// The pattern admits no exponent, NaN or Infinity, so the value is finite. `e` is the decimal exponent of its
	// first digit: above 30 it is beyond 1e30; at 30 only 1e30 itself is in range. (Cheaper than abs().gt(): this
	// runs for every input field of every assessment.)
	if (value.e > 30 || (value.e === 30 && !value.abs().eq(MAX_ABS))) return undefined;
	return value;
}

export function isDecimalString(text: unknown): text is DecimalString {
	return parseDecimal(text) !== undefined;
}

/** Full-precision plain text of a finite Decimal (no exponent). */
export function toPlain(value: Dec): DecimalString {
	if (!value.isFinite()) throw new RangeError('toPlain: non-finite value');
	const text = value.toFixed();
	return text === '-0' ? '0' : text;
}

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);
