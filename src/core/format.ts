/**
 * Number formatting for warning messages (plain language: "1.6 %", "57,412 USDT"). Presentation rounding happens
 * here only; the figures themselves stay at full precision.
 */
import {D, type Dec, type DecimalString} from './decimal.js';

/** Group thousands with commas: "57411.7" → "57,411.7". */
function group(plain: string): string {
	const [whole = '', fraction] = plain.split('.');
	const negative = whole.startsWith('-');
	const digits = negative ? whole.slice(1) : whole;
	const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A price with enough significant digits to be read against the order book: 5 significant, at least 2 decimals under 10. */
export function formatPrice(value: Dec | DecimalString): string {
	const d = new D(value);
	const abs = d.abs();
	let places: number;
	if (abs.gte(10000)) places = 1;
	else if (abs.gte(100)) places = 2;
	else if (abs.gte(1)) places = 4;
	else places = abs.isZero() ? 4 : Math.min(10, Math.max(4, 3 - abs.e)); // `e`: decimal exponent of the first digit
	return group(d.toDecimalPlaces(places, D.ROUND_HALF_EVEN).toFixed());
}

/** Money with 2 decimals and grouping. */
export function formatMoney(value: Dec | DecimalString): string {
	return group(new D(value).toDecimalPlaces(2, D.ROUND_HALF_EVEN).toFixed(2));
}

/** A percent value (already ×100) with 1 decimal, or 2 under 1 %. */
export function formatPercent(value: Dec | DecimalString): string {
	const d = new D(value);
	const places = d.abs().lt(1) && !d.isZero() ? 2 : 1;
	return group(d.toDecimalPlaces(places, D.ROUND_HALF_EVEN).toFixed(places));
}

/** Leverage as the venue shows it: "20", "12.5". */
export function formatLeverage(value: Dec | DecimalString): string {
	return new D(value).toDecimalPlaces(2, D.ROUND_DOWN).toFixed();
}
