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
/** Already canonical: no leading zero before other digits, no trailing zero after the point, no bare point. */
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
/** Sign, integer digits without leading zeros, fraction digits without trailing zeros. */
const PARTS = /^(-?)0*(\d*)(?:\.(\d*?)0*)?$/;

const MAX_LENGTH = 80;
/** Largest magnitude we accept for any amount: 1e30 is far above any market's price × size. As digits: 31 of them. */
const MAX_ABS_DIGITS = `1${'0'.repeat(30)}`;
const ZERO_CODE = 48;
const MINUS_CODE = 45;

/**
 * The text check every amount passes before any Decimal is built: a plain decimal (optional "-", digits, optional
 * "." and digits) of at most 80 characters once trimmed, at most 1e30 in magnitude. Returns the trimmed text, or
 * `undefined` for anything else (exponents, grouping, NaN, Infinity, empty text, bidi marks, other digits than 0–9).
 * `parseDecimal` runs it first and the background's payload check runs it alone (through `plainDecimalText`), so
 * the two cannot disagree on what an amount is.
 */
export function checkedDecimalText(text: unknown): string | undefined {
	if (typeof text !== 'string') return undefined;
	const trimmed = text.trim();
	if (trimmed.length === 0 || trimmed.length > MAX_LENGTH || !PLAIN_DECIMAL.test(trimmed)) return undefined;
	// 30 characters hold at most 30 digits before the point: below 1e30 whatever they are.
	return trimmed.length <= 30 || isWithinMaxMagnitude(trimmed) ? trimmed : undefined;
}

/**
 * |value| ≤ 1e30, read off the digits of a text the pattern accepted: leading zeros dropped, an integer part of 31
 * digits or more is at least 1e30, and of those only 1e30 itself (every further digit 0) is in range.
 */
function isWithinMaxMagnitude(plain: string): boolean {
	let start = plain.charCodeAt(0) === MINUS_CODE ? 1 : 0;
	while (plain.charCodeAt(start) === ZERO_CODE) start++;
	const point = plain.indexOf('.', start);
	const end = point === -1 ? plain.length : point;
	const digits = end - start;
	if (digits !== MAX_ABS_DIGITS.length) return digits < MAX_ABS_DIGITS.length;
	if (plain.slice(start, end) !== MAX_ABS_DIGITS) return false;
	for (let index = end + 1; index < plain.length; index++) if (plain.charCodeAt(index) !== ZERO_CODE) return false;
	return true;
}

/**
 * An amount in its canonical text, as `toPlain` gives it for the parsed value ("1.50" → "1.5", ".5" → "0.5",
 * "5." → "5", "-0" → "0", "0007" → "7"), without building a Decimal; `undefined` where `checkedDecimalText` refuses.
 */
export function plainDecimalText(text: unknown): DecimalString | undefined {
	const checked = checkedDecimalText(text);
	if (checked === undefined) return undefined;
	if (CANONICAL.test(checked) && checked !== '-0') return checked;
	const [, sign, integer = '', fraction = ''] = PARTS.exec(checked)!;
	const isZero = integer.length === 0 && fraction.length === 0;
	return `${sign === '-' && !isZero ? '-' : ''}${integer || '0'}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/**
 * Strict parse of a plain decimal string. Anything else (exponents, grouping, NaN, Infinity, empty text,
 * magnitudes above 1e30) gives `undefined`, never a guess.
 */
export function parseDecimal(text: unknown): Dec | undefined {
	const checked = checkedDecimalText(text);
	return checked === undefined ? undefined : new D(checked);
}

export function isDecimalString(text: unknown): text is DecimalString {
	return checkedDecimalText(text) !== undefined;
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
