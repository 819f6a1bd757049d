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
/** Sign, integer digits without leading zeros, fraction digits without trailing zeros. */
const PARTS = /^(-?)0*(\d*)(?:\.(\d*?)0*)?$/;

const MAX_LENGTH = 80;
/** Largest magnitude we accept for any amount: 1e30 is far above any market's price × size. As digits: 31 of them. */
const MAX_ABS_DIGITS = `1${'0'.repeat(30)}`;

/**
 * The text check every amount passes before any Decimal is built: a plain decimal (optional "-", digits, optional
 * "." and digits) of at most 80 characters once trimmed, at most 1e30 in magnitude. Returns the canonical text
 * ("1.50" → "1.5", ".5" → "0.5", "5." → "5", "-0" → "0", "0007" → "7"), which is what `toPlain` gives for the
 * parsed value; `undefined` for anything else (exponents, grouping, NaN, Infinity, empty text, bidi marks).
 *
 * The magnitude is read off the digits: with leading zeros dropped, an integer part of 31 digits or more is at
 * least 1e30, and only 1e30 itself (no fraction left once trailing zeros are dropped) is in range. The background's
 * payload check uses this alone and `parseDecimal` uses it first, so the two cannot disagree on what an amount is.
 */
export function plainDecimalText(text: unknown): DecimalString | undefined {
	if (typeof text !== 'string') return undefined;
	const trimmed = text.trim();
	if (trimmed.length === 0 || trimmed.length > MAX_LENGTH || !PLAIN_DECIMAL.test(trimmed)) return undefined;
	const [, sign, integer = '', fraction = ''] = PARTS.exec(trimmed)!;
	if (integer.length > MAX_ABS_DIGITS.length) return undefined;
	if (integer.length === MAX_ABS_DIGITS.length && (integer !== MAX_ABS_DIGITS || fraction.length > 0)) return undefined;
	const isZero = integer.length === 0 && fraction.length === 0;
	return `${sign === '-' && !isZero ? '-' : ''}${integer || '0'}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/**
 * Strict parse of a plain decimal string. Anything else (exponents, grouping, NaN, Infinity, empty text,
 * magnitudes above 1e30) gives `undefined`, never a guess.
 */
export function parseDecimal(text: unknown): Dec | undefined {
	const plain = plainDecimalText(text);
	return plain === undefined ? undefined : new D(plain);
}

export function isDecimalString(text: unknown): text is DecimalString {
	return plainDecimalText(text) !== undefined;
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
