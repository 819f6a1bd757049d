/**
 * Display formatting of the engine's decimal strings. The only place numbers become display text.
 *
 * `Intl.NumberFormat#format` takes the string itself and rounds it exactly (ECMA-402 "Intl.NumberFormat v3",
 * https://tc39.es/proposal-intl-numberformat-v3/), so no amount passes through a binary float on its way to
 * the screen.
 */
const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const LOCALE = 'en-US';

type FormatValue = Parameters<Intl.NumberFormat['format']>[0];

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
	const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(LOCALE, {minimumFractionDigits, maximumFractionDigits});
		formatters.set(key, format);
	}
	return format;
}

/** Digits before the decimal point, ignoring sign and leading zeros: "0.05" → 0, "57411.7" → 5. */
function integerDigits(value: string): number {
	const whole = value.replace(/^-/, '').split('.')[0] ?? '';
	return whole.replace(/^0+/, '').length;
}

function format(value: string, minimumFractionDigits: number, maximumFractionDigits: number): string {
	if (!PLAIN_DECIMAL.test(value)) return value;
	return formatter(minimumFractionDigits, maximumFractionDigits).format(value as unknown as FormatValue);
}

/** A price with precision that follows its magnitude: 57,411.7 / 3,012.45 / 1.2345 / 0.00012345. */
export function formatPrice(value: string): string {
	const digits = integerDigits(value);
	const fraction = digits >= 5 ? 1 : digits >= 3 ? 2 : digits >= 1 ? 4 : 8;
	return format(value, 0, fraction);
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

/** Leverage "20" → "20x". */
export function formatLeverage(value: string): string {
	return `${format(value, 0, 2)}x`;
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
