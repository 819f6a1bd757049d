/**
 * The one number reader of the adapters: page text → plain decimal string, or a clear "no".
 *
 * Pure string/regex work (no decimal.js: it would bloat every content script). The output is a plain decimal
 * (`DecimalString`): optional "-", digits, optional "." and digits, canonical (no leading zeros, no trailing
 * fractional zeros, no exponent, no grouping), e.g. "71441.7".
 *
 * Rules, each from what public scripts and front ends show on the venues (OKX's price input keeps grouping
 * commas, mop824/okx-hotkey@ba4e1c7; dYdX inputs follow the locale's decimal mark, dydxprotocol/v4-web):
 * - grouping: "," "." space, NBSP, thin/narrow spaces, apostrophe; groups after the first must be 3 digits.
 * - decimal separator: '.' (default), ',' (dYdX in a comma locale), or 'auto'. In 'auto', a lone separator
 *   followed by exactly three digits ("1,234", "1.234") is ambiguous unless something else settles it.
 * - placeholders ("--", "—", "–", "--/--", "N/A") and blank text are `empty`, not zero.
 * - units: "$", "₮" before; "USDT", "BTC", "%", "x", "×", … after (the caller can restrict the list).
 * - k/M/B magnitude suffixes only when the caller enables them.
 * - invisible characters (zero-width, the LRM/RLM/ALM marks) are dropped; unicode minus is "-".
 * - bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) make the text unread: they reorder what the
 *   user sees ("\u202E00006" is shown as 60000), so no reading of the code points is what the page shows.
 * - letters glued to the digits are a unit only when declared (the caller's `units`, or DEFAULT_UNITS): "6OOOO"
 *   (letter O) is shown as 60000 and must not read as 6 with the unit "OOOO".
 * - text longer than MAX_INPUT_LENGTH is refused before any other work (a page can put 10 MB in an input).
 * - anything else ("1e309", "Infinity", "NaN", two numbers) is `invalid`.
 */
import type {DecimalString} from '../core/decimal.js';

export type ParsedNumber =
	| {kind: 'number'; value: DecimalString; unit?: string}
	| {kind: 'empty'}
	| {kind: 'invalid'; text: string}
	| {kind: 'ambiguous'; text: string};

export type ParseNumberOptions = {
	/** @default '.' */
	decimalSeparator?: '.' | ',' | 'auto';
	/**
	 * Units accepted before or after the number (matched case-sensitively, except that x/X/× all mean 'x').
	 * @default DEFAULT_UNITS plus any upper-case currency/asset code of 2–10 letters
	 */
	units?: readonly string[];
	/** Accept "1.5k", "2M", "3B" (some venues abbreviate volumes). @default false */
	allowMagnitude?: boolean;
	/** Accept a leading sign. @default true */
	allowNegative?: boolean;
};

export const DEFAULT_UNITS: readonly string[] = ['$', '₮', '%', 'x', 'X', '×', 'Contracts', 'Cont', 'contracts'];

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u200E\u200F\u061C\u00AD]/g;
/** Embeddings, overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI): https://www.unicode.org/reports/tr9/#Explicit_Directional_Embeddings */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/**
 * Page text is cut to this many characters before it is normalised (normalizeText): a 10 MB input value cost
 * ≈ 200 ms of regex work per event, all of it for text no reader keeps. The cut is marked with "…", which no
 * reader accepts, so a cut number never reads as its first part.
 */
export const MAX_PAGE_TEXT = 4096;
/** A number, leverage or countdown longer than this is refused before normalising (no real one comes close). */
const MAX_INPUT_LENGTH = 256;
const SPACE_LIKE = /[\u00A0\u2007\u2009\u202F\u2002-\u2006\u2008\u200A\u3000]/g;
const MINUS_LIKE = /[\u2212\uFE63\uFF0D]/g;
/** Swiss grouping as Intl writes it (de-CH "1’234.5"): typographic apostrophes group like "'". */
const APOSTROPHE_LIKE = /[\u2019\u02BC]/g;
const PLACEHOLDER = /^[-\u2012\u2013\u2014\u2015/\s]*[-\u2012\u2013\u2014\u2015][-\u2012\u2013\u2014\u2015/\s]*$/;
const CODE_UNIT = /^[A-Z]{2,10}$/;
/** Longest integer part we accept: 1e30 is the core's cap too (core/decimal.ts). */
const MAX_INTEGER_DIGITS = 30;
const MAX_TEXT_LENGTH = 80;

/** Text with invisible characters removed, space-likes turned into spaces and unicode minus into "-". */
export function normalizeText(text: string): string {
	if (text.length > MAX_PAGE_TEXT) text = `${text.slice(0, MAX_PAGE_TEXT)}…`;
	return text.replace(INVISIBLE, '').replace(SPACE_LIKE, ' ').replace(MINUS_LIKE, '-').replace(/\s+/g, ' ').trim();
}

function isUnitAllowed(unit: string, options: ParseNumberOptions): boolean {
	if (options.units) return options.units.includes(unit) || (unit === '×' && options.units.includes('x'));
	return DEFAULT_UNITS.includes(unit) || CODE_UNIT.test(unit);
}

function canonicalUnit(unit: string): string {
	return unit === 'X' || unit === '×' ? 'x' : unit;
}

/** "007.500" → "7.5"; "-0" → "0". Input: digits with at most one ".". */
export function canonicalDecimal(negative: boolean, integerDigits: string, fractionDigits: string): DecimalString {
	const integer = integerDigits.replace(/^0+(?=\d)/, '') || '0';
	const fraction = fractionDigits.replace(/0+$/, '');
	const body = fraction ? `${integer}.${fraction}` : integer;
	return negative && body !== '0' ? `-${body}` : body;
}

type Split = {integer: string; fraction: string} | 'invalid' | 'ambiguous';

/** Valid grouping: first group 1–3 digits (not a lone "0" unless it is the only group), then groups of 3. */
function ungroup(integerPart: string, groupChar: string | undefined): string | undefined {
	if (groupChar === undefined) return /^\d+$/.test(integerPart) ? integerPart : undefined;
	const groups = integerPart.split(groupChar);
	if (groups.length < 2) return /^\d+$/.test(integerPart) ? integerPart : undefined;
	const [first, ...rest] = groups;
	if (!first || !/^\d{1,3}$/.test(first) || /^0/.test(first)) return undefined;
	if (!rest.every(group => /^\d{3}$/.test(group))) return undefined;
	return groups.join('');
}

function splitWith(body: string, decimal: '.' | ','): Split {
	const separators = [...new Set(body.replace(/\d/g, ''))];
	const groupCandidates = separators.filter(char => char !== decimal);
	if (groupCandidates.length > 1) return 'invalid';
	const groupChar = groupCandidates[0];
	const decimalAt = body.indexOf(decimal);
	if (decimalAt !== body.lastIndexOf(decimal)) return 'invalid';
	const integerPart = decimalAt === -1 ? body : body.slice(0, decimalAt);
	const fraction = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
	if (!/^\d*$/.test(fraction)) return 'invalid';
	if (decimalAt !== -1 && fraction === '' && integerPart === '') return 'invalid';
	if (integerPart === '') return fraction ? {integer: '0', fraction} : 'invalid';
	const integer = ungroup(integerPart, groupChar);
	return integer === undefined ? 'invalid' : {integer, fraction};
}

function splitAuto(body: string): Split {
	const hasDot = body.includes('.');
	const hasComma = body.includes(',');
	if (hasDot && hasComma) return splitWith(body, body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',');
	const mark = hasDot ? '.' : hasComma ? ',' : undefined;
	if (!mark) return splitWith(body, '.');
	const count = body.split(mark).length - 1;
	if (count > 1) return splitWith(body, mark === '.' ? ',' : '.'); // repeated: it groups
	if (/[ ']/.test(body)) return splitWith(body, mark); // another char groups, so this one is the decimal mark
	const [integerPart = '', fraction = ''] = body.split(mark);
	if (fraction.length !== 3 || integerPart === '' || /^0+$/.test(integerPart) || integerPart.length > 3) {
		return splitWith(body, mark);
	}
	return 'ambiguous'; // "1,234" or "1.234": a thousand-ish or one-and-a-bit, nothing on the page says which
}

const MAGNITUDE: Readonly<Record<string, number>> = {k: 3, K: 3, M: 6, B: 9};

/** Moves the decimal point: shiftDecimal("1.5", 3) = "1500"; shiftDecimal("1", -2) = "0.01". */
export function shiftDecimal(value: DecimalString, places: number): DecimalString {
	const negative = value.startsWith('-');
	const [integer = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
	let digits = integer + fraction;
	let point = integer.length + places;
	if (point < 0) {
		digits = '0'.repeat(-point) + digits;
		point = 0;
	}
	if (point > digits.length) digits += '0'.repeat(point - digits.length);
	return canonicalDecimal(negative, digits.slice(0, point), digits.slice(point));
}

/** A percent figure as a fraction: "0.0100" % → "0.0001". */
export function percentToRate(percent: DecimalString): DecimalString {
	return shiftDecimal(percent, -2);
}

/** String(input) can throw ({toString: []}, a revoked Proxy, Symbol in a template); the reader never throws. */
function describeNonString(input: unknown): string {
	try {
		return String(input).slice(0, MAX_TEXT_LENGTH);
	} catch {
		return `[${typeof input}]`;
	}
}

/*
 * The parsers' results by input. The form is read at every edit and once a second (the heartbeat), and most of its
 * texts ("20x", "Cross", "10,000.00 USDT", "0.0100%") are the same at each read: parsed once, not once a second
 * (parsing them at every read is about a fifth of a heartbeat's read on a busy page, timed inside the page). Results
 * are frozen, since callers share them. At most MEMO_ENTRIES inputs per parser and none over MEMO_INPUT_LENGTH
 * characters: a page whose texts never repeat only empties the memo more often.
 */
const MEMO_ENTRIES = 256;
const MEMO_INPUT_LENGTH = 64;

function createMemo<R>(): (key: string, parse: () => R) => R {
	const results = new Map<string, R>();
	return (key, parse) => {
		const known = results.get(key);
		if (known !== undefined) return known;
		const result = parse();
		if (results.size >= MEMO_ENTRIES) results.clear();
		results.set(key, typeof result === 'object' && result !== null ? Object.freeze(result) : result);
		return result;
	};
}

/** The options as part of a memo key: every option that changes a result. */
const unitKeys = new WeakMap<readonly string[], string>();
function optionsKey(options: ParseNumberOptions): string {
	let units = '*';
	if (options.units) {
		units = unitKeys.get(options.units) ?? options.units.join('\u0001');
		unitKeys.set(options.units, units);
	}
	return `${options.decimalSeparator ?? '.'}|${Boolean(options.allowMagnitude)}|${options.allowNegative !== false}|${units}`;
}

const numberMemo = createMemo<ParsedNumber>();

export function parseNumber(input: unknown, options: ParseNumberOptions = {}): ParsedNumber {
	if (typeof input !== 'string') return {kind: 'invalid', text: describeNonString(input)};
	if (input.length > MEMO_INPUT_LENGTH) return parseNumberOnce(input, options);
	return numberMemo(`${optionsKey(options)}\u0000${input}`, () => parseNumberOnce(input, options));
}

function parseNumberOnce(input: string, options: ParseNumberOptions): ParsedNumber {
	if (input.length > MAX_INPUT_LENGTH) return {kind: 'invalid', text: normalizeText(input.slice(0, MAX_TEXT_LENGTH))};
	if (BIDI_CONTROL.test(input)) return {kind: 'invalid', text: normalizeText(input)};
	const text = normalizeText(input).replace(APOSTROPHE_LIKE, "'");
	if (text === '' || /^N\/?A$/i.test(text)) return {kind: 'empty'}; // "N/A": no liquidation price (Hyperliquid)
	if (text.length > MAX_TEXT_LENGTH) return {kind: 'invalid', text};
	const invalid = {kind: 'invalid', text} as const;

	let rest = text;
	let negative = false;
	let unit: string | undefined;
	const takeSign = (): boolean => {
		const sign = /^([+-])\s*/.exec(rest);
		if (!sign) return true;
		if (negative || (sign[1] === '-' && options.allowNegative === false)) return false;
		negative = sign[1] === '-';
		rest = rest.slice(sign[0].length);
		return true;
	};
	if (!takeSign()) return invalid;
	const prefix = /^([$₮€£])\s*/.exec(rest);
	if (prefix?.[1]) {
		if (!isUnitAllowed(prefix[1], options)) return invalid;
		unit = prefix[1];
		rest = rest.slice(prefix[0].length);
		if (!negative && !takeSign()) return invalid;
	}

	// Suffix unit: letters/symbols after the last digit (or the whole text when it is a placeholder).
	const suffix = /(?:\d|^|[\s/])([^\d\s]+)$/.exec(rest);
	let suffixText = suffix?.[1];
	if (suffixText && /^[-\u2012-\u2015/]+$/.test(suffixText)) suffixText = undefined; // "--" is not a unit
	let magnitude = 0;
	if (suffixText) {
		const head = rest.slice(0, rest.length - suffixText.length);
		const attached = /\d$/.test(head);
		if (options.allowMagnitude && attached && suffixText in MAGNITUDE) {
			magnitude = MAGNITUDE[suffixText] ?? 0;
		} else {
			if (!isUnitAllowed(suffixText, options) || unit) return invalid;
			// Glued to the digits, only a declared unit: "6OOOO" is 60000 in a font where O looks like 0.
			if (attached && !(options.units ?? DEFAULT_UNITS).includes(suffixText) && !(suffixText === '×' && options.units?.includes('x'))) return invalid;
			// "1E5", "0EU": an exponent-looking letter glued to the digits is never a unit.
			if (attached && /^[eE]/.test(suffixText)) return invalid;
			unit = suffixText;
		}
		rest = head.trimEnd();
		const glued = /\d([kKMB])$/.exec(rest);
		if (!magnitude && options.allowMagnitude && glued?.[1]) {
			magnitude = MAGNITUDE[glued[1]] ?? 0;
			rest = rest.slice(0, -1);
		}
	}
	if (PLACEHOLDER.test(rest)) return {kind: 'empty'};
	if (rest === '') return unit === undefined ? {kind: 'empty'} : invalid;
	if (!/^[\d.,' ]+$/.test(rest) || !/\d/.test(rest) || /[.,' ]{2}|^[,' ]|[,' ]$/.test(rest)) return invalid;

	const mode = options.decimalSeparator ?? '.';
	const split = mode === 'auto' ? splitAuto(rest) : splitWith(rest, mode);
	if (split === 'ambiguous') return {kind: 'ambiguous', text};
	if (split === 'invalid') return invalid;
	if (split.integer.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return invalid;
	let value = canonicalDecimal(negative, split.integer, split.fraction);
	if (magnitude) value = shiftDecimal(value, magnitude);
	return unit === undefined ? {kind: 'number', value} : {kind: 'number', value, unit: canonicalUnit(unit)};
}

/**
 * Leverage text → per-side values. "20x", "10.00x", "5×", "5 X" → one value; OKX's "5x5x" (long then short,
 * mop824/okx-hotkey@ba4e1c7 dom-dumps/futures-full.html) → two. Text without an "x"/"×" mark is not leverage.
 */
type ParsedLeverage = {kind: 'single'; value: DecimalString} | {kind: 'pair'; long: DecimalString; short: DecimalString} | {kind: 'empty'} | {kind: 'invalid'};
const leverageMemo = createMemo<ParsedLeverage>();

export function parseLeverageText(input: string): ParsedLeverage {
	return input.length > MEMO_INPUT_LENGTH ? parseLeverageOnce(input) : leverageMemo(input, () => parseLeverageOnce(input));
}

function parseLeverageOnce(input: string): ParsedLeverage {
	if (input.length > MAX_INPUT_LENGTH || BIDI_CONTROL.test(input)) return {kind: 'invalid'};
	const text = normalizeText(input);
	// A token starts after a non-letter/non-digit (or after the "x" of OKX's "5x5x"): "lO0x" holds no leverage.
	const token = /(?<=^|[^\p{L}\p{Nd}.,]|\d\s*[xX×])(\d+(?:[.,]\d+)?)\s*[xX×]/gu;
	const found = [...text.matchAll(token)];
	if (found.length === 0) return /^[-\u2013\u2014/\sxX×]*$/.test(text) ? {kind: 'empty'} : {kind: 'invalid'};
	// Digits (any script) outside the "<n>x" tokens mean the text is not (only) leverage: "0x1F", "1e309x", "1.2.5x".
	// An orphan mark ("$x10x": a garbled first value) means a value is missing.
	const rest = text.replace(token, ' ');
	if (/\p{Nd}/u.test(rest) || /(?<!\p{L})[xX×](?!\p{L})/u.test(rest)) return {kind: 'invalid'};
	// A word glued in place of the second value of a "<n>x<n>x" pair ("3xInfinityx"): a value is missing, not a
	// single leverage (fuzz, OKX: "3x10x" garbled to "3xInfinityx" read as 3x). "20xCross" stays a leverage; a
	// garbled first value ("NaNx10x") already has no token the lookbehind accepts.
	if (/\d\s*[xX×]\p{L}+[xX×](?!\p{L})/u.test(text)) return {kind: 'invalid'};
	const values: string[] = [];
	for (const match of found) {
		const parsed = parseNumber(match[1] ?? '', {decimalSeparator: 'auto', units: []});
		if (parsed.kind !== 'number') return {kind: 'invalid'};
		values.push(parsed.value);
	}
	const [first, second] = values;
	if (values.length === 1 && first !== undefined) return {kind: 'single', value: first};
	if (values.length === 2 && first !== undefined && second !== undefined) return {kind: 'pair', long: first, short: second};
	return {kind: 'invalid'};
}

/**
 * "07:59:58" → "28798", "59:58" → "3598", OKX's unit form "4h 21m 11s" → "15671", "59m" → "3540" (seconds). Hours
 * alone ("8h") are not a countdown: that is how a funding interval is written ("Funding (8h)"). Anything else →
 * undefined.
 */
const countdownMemo = createMemo<DecimalString | null>();

export function parseCountdown(input: string): DecimalString | undefined {
	if (input.length > MEMO_INPUT_LENGTH) return parseCountdownOnce(input);
	return countdownMemo(input, () => parseCountdownOnce(input) ?? null) ?? undefined;
}

function parseCountdownOnce(input: string): DecimalString | undefined {
	if (input.length > MAX_INPUT_LENGTH || BIDI_CONTROL.test(input)) return undefined;
	const text = normalizeText(input);
	const units = /^(?:(\d{1,3})\s*h)?\s*(?:(\d{1,2})\s*m)?\s*(?:(\d{1,2})\s*s)?$/i.exec(text);
	if (units && (units[2] !== undefined || units[3] !== undefined)) {
		const [hours, minutes, seconds] = [units[1], units[2], units[3]].map(part => Number(part ?? '0')) as [number, number, number];
		if (minutes > 59 || seconds > 59) return undefined;
		return String(hours * 3600 + minutes * 60 + seconds);
	}
	const match = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)$/.exec(text);
	if (!match) return undefined;
	const hours = Number(match[1] ?? '0');
	const minutes = Number(match[2]);
	const seconds = Number(match[3]);
	return String(hours * 3600 + minutes * 60 + seconds);
}
