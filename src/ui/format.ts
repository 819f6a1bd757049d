/**
 * Display formatting of the engine's decimal strings for the on-page panel (the content script, which carries no
 * decimal.js).
 *
 * `Intl.NumberFormat#format` takes the string itself and rounds it exactly (ECMA-402 "Intl.NumberFormat v3",
 * https://tc39.es/proposal-intl-numberformat-v3/), so no amount passes through a binary float on its way to
 * the screen. Rounding is half-even and prices follow the precision rule of src/core/format.ts, so a price in
 * the panel's table reads the same as in the warning texts the core writes beside it.
 */
const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const LOCALE = 'en-US';

type FormatValue = Parameters<Intl.NumberFormat['format']>[0];

/** Intl's names of the core's two modes: ROUND_HALF_EVEN, and ROUND_DOWN (towards zero) for leverage. */
type RoundingMode = 'halfEven' | 'trunc';

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(minimumFractionDigits: number, maximumFractionDigits: number, roundingMode: RoundingMode): Intl.NumberFormat {
	const key = `${minimumFractionDigits}:${maximumFractionDigits}:${roundingMode}`;
	let format = formatters.get(key);
	if (!format) {
		// `roundingMode` is ES2023 (Chrome 106, Firefox 116); the lib this project compiles against is ES2022.
		const options = {minimumFractionDigits, maximumFractionDigits, roundingMode} as Intl.NumberFormatOptions;
		format = new Intl.NumberFormat(LOCALE, options);
		formatters.set(key, format);
	}
	return format;
}

/**
 * Decimal places of a price, the rule of core/format.ts `formatPrice`: 1 from 10,000, 2 from 100, 4 from 1;
 * below 1, four significant digits (at least 4 places, at most 10).
 */
function pricePlaces(value: string): number {
	const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
	const integerDigits = whole.replace(/^0+/, '').length;
	if (integerDigits >= 5) return 1;
	if (integerDigits >= 3) return 2;
	if (integerDigits >= 1) return 4;
	const leadingZeros = /^0*/.exec(fraction)![0].length;
	return leadingZeros === fraction.length ? 4 : Math.min(10, leadingZeros + 4);
}

/**
 * Formatted texts of recent values. A render formats ≈ 40 figures and most are the same as in the render before
 * (a mark-price tick moves a few): `Intl.NumberFormat#format` of a string was the largest item of the panel's
 * render in a profile of the bench's busy page (bench/busy.html). Keyed by value and format; dropped whole when
 * full, so it stays small however long the tab is open.
 */
const recent = new Map<string, string>();
const RECENT_LIMIT = 512;

function remembered(key: string, compute: () => string): string {
	let text = recent.get(key);
	if (text === undefined) {
		text = compute();
		if (recent.size >= RECENT_LIMIT) recent.clear();
		recent.set(key, text);
	}
	return text;
}

function format(value: string, minimumFractionDigits: number, maximumFractionDigits: number, roundingMode: RoundingMode = 'halfEven'): string {
	return remembered(`${value} ${minimumFractionDigits} ${maximumFractionDigits} ${roundingMode}`, () =>
		PLAIN_DECIMAL.test(value) ? formatter(minimumFractionDigits, maximumFractionDigits, roundingMode).format(value as unknown as FormatValue) : value);
}

/** A price with precision that follows its magnitude: 57,411.7 / 3,012.45 / 1.2345 / 0.0001235. */
export function formatPrice(value: string): string {
	return remembered(`${value} price`, () => (PLAIN_DECIMAL.test(value) ? format(value, 0, pricePlaces(value)) : value));
}

/** An amount of quote currency: two decimals, grouped (1,234.50). */
export function formatAmount(value: string): string {
	return format(value, 2, 2);
}

/** A percent value (already ×100): "12.3456" → "12.35". */
export function formatPercent(value: string): string {
	return format(value, 0, 2);
}

/** A quantity in base units: up to 6 decimals, trailing zeros dropped. */
export function formatQuantity(value: string): string {
	return format(value, 0, 6);
}

/**
 * Leverage "20" → "20x". Truncated to 2 places as core/format.ts `formatLeverage` does, so the panel's row reads as
 * the leverage warning beside it (half-even showed 12.999 as "13x" there against "12.99x" in the warning).
 */
export function formatLeverage(value: string): string {
	return `${format(value, 0, 2, 'trunc')}x`;
}

/** Seconds → "7h 59m". */
export function formatCountdown(seconds: string): string {
	if (!/^\d+$/.test(seconds)) return seconds;
	const total = Number(seconds);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	return hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`;
}

/** Fraction → percent text: "0.0001" → "0.01%". String arithmetic: the decimal point moves two places. */
export function formatRateAsPercent(rate: string): string {
	if (!PLAIN_DECIMAL.test(rate)) return rate;
	const negative = rate.startsWith('-');
	const [whole = '0', fraction = ''] = rate.replace(/^-/, '').split('.');
	const padded = fraction.padEnd(2, '0');
	const percent = `${whole}${padded.slice(0, 2)}.${padded.slice(2) || '0'}`.replace(/^0+(?=\d)/, '');
	return `${negative ? '-' : ''}${format(percent, 0, 4)}%`;
}
