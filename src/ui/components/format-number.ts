/**
 * Display formatting of engine figures (decimal strings). Rounds for the eye only; the figures themselves stay
 * exact. Grouping is always ',' and the decimal mark '.', matching the one input rule of parse-input.ts.
 */
import {D, type DecimalString, isDecimalString} from '../../core/decimal.js';

/** Shown where a figure is missing. */
export const DASH = '—';

function group(plain: string): string {
	const negative = plain.startsWith('-');
	const [whole = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * Amount with grouping: `places` decimals, or for small magnitudes enough significant digits (5) that a price
 * like 0.00012345 does not show as 0.00.
 */
export function formatAmount(value: DecimalString | undefined, places = 2): string {
	if (value === undefined || !isDecimalString(value)) return DASH;
	const number = new D(value);
	const rounded =
		!number.isZero() && number.abs().lt(new D(10).pow(-places))
			? number.toSignificantDigits(5, D.ROUND_HALF_EVEN).toFixed()
			: number.toDecimalPlaces(places, D.ROUND_HALF_EVEN).toFixed(places);
	return group(/^-0(?:\.0*)?$/.test(rounded) ? rounded.slice(1) : rounded);
}

/** Percent figure ("12.3456" → "12.35 %"). */
export function formatPercent(value: DecimalString | undefined, places = 2): string {
	const text = formatAmount(value, places);
	return text === DASH ? DASH : `${text} %`;
}

/** Signed amount with an explicit '+' for gains. */
export function formatSigned(value: DecimalString | undefined, places = 2): string {
	const text = formatAmount(value, places);
	return text !== DASH && !text.startsWith('-') && text.replace(/[0.,]/g, '') !== '' ? `+${text}` : text;
}
