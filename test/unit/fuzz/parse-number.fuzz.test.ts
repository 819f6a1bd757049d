/**
 * Bad input: fast-check fuzz of the adapters' one number reader (src/adapters/parse-number.ts).
 *
 * The oracle is a careful reader: a number written in a locale the caller names (or 'auto'), with units, RTL
 * marks and zero-width characters sprinkled in, must read as exactly that number (or, in 'auto', as ambiguous
 * when nothing on the page settles "1,234"); once garbled (a letter inside, an exponent, two numbers, doubled
 * marks, NaN/Infinity, out-of-range digits) it must never read as a number other than the original.
 * FUZZ_RUNS cases per property (200 in npm test, 10,000 in npm run fuzz).
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseLeverageText, parseNumber, type ParseNumberOptions} from '../../../src/adapters/parse-number.js';
import {fuzzParameters} from './runs.js';

const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
/** Invisible marks a careful reader ignores: zero-width characters, LRM/RLM/ALM, soft hyphen. */
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u061C', '\u00AD'];
/** Bidi embeddings, overrides and isolates: they reorder what is shown, so no reading of the code points is safe. */
const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Plain decimals from 1e-12 to just under 1e30, canonical. */
const decimal = fc
	.tuple(
		fc.boolean(),
		fc.oneof(fc.constant('0'), fc.bigInt({min: 1n, max: 10n ** 30n - 1n}).map(String), fc.integer({min: 1, max: 999_999}).map(String)),
		fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,12}$/)),
	)
	.map(([negative, integer, fraction]) => {
		const trimmed = fraction.replace(/0+$/, '');
		const body = trimmed ? `${integer}.${trimmed}` : integer;
		return negative && body !== '0' ? `-${body}` : body;
	});

type Locale = {name: string; group: string; decimal: '.' | ','; mode: ParseNumberOptions['decimalSeparator']};
const LOCALES: Locale[] = [
	{name: 'en', group: ',', decimal: '.', mode: '.'},
	{name: 'en-plain', group: '', decimal: '.', mode: '.'},
	{name: 'de', group: '.', decimal: ',', mode: ','},
	{name: 'fr', group: '\u202F', decimal: ',', mode: ','},
	{name: 'fr-nbsp', group: '\u00A0', decimal: ',', mode: ','},
	{name: 'ch', group: '\u2019', decimal: '.', mode: '.'},
	{name: 'ch-ascii', group: "'", decimal: '.', mode: '.'},
	{name: 'en-auto', group: ',', decimal: '.', mode: 'auto'},
	{name: 'de-auto', group: '.', decimal: ',', mode: 'auto'},
	{name: 'fr-auto', group: ' ', decimal: ',', mode: 'auto'},
];

function grouped(integer: string, separator: string): string {
	if (!separator) return integer;
	return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** How a page might show `value`: locale grouping, sign style, currency or asset unit. */
const rendered = fc
	.record({
		value: decimal,
		locale: fc.constantFrom(...LOCALES),
		minus: fc.constantFrom('-', '\u2212'),
		unit: fc.constantFrom(['', ''], ['$', ''], ['', ' USDT'], ['', 'USDT'], ['', ' BTC'], ['', '%'], ['', 'x'], ['', ' Cont']),
	})
	.map(({value, locale, minus, unit: [prefix, suffix]}) => {
		const negative = value.startsWith('-');
		const [integer = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
		const body = `${grouped(integer, locale.group)}${fraction ? locale.decimal + fraction : ''}`;
		return {value, locale, text: `${negative ? minus : ''}${prefix}${body}${suffix}`};
	});

/** Inserts invisible marks (RTL, zero-width, soft hyphen) at random places. */
const sprinkled = fc
	.tuple(rendered, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), {maxLength: 4}), fc.constantFrom('', ' ', '\u00A0', '\n\t'))
	.map(([item, marks, pad]) => {
		let {text} = item;
		for (const [at, mark] of marks) {
			const i = at % (text.length + 1);
			text = text.slice(0, i) + mark + text.slice(i);
		}
		return {...item, text: `${pad}${text}${pad}`};
	});

function readsAsOrUnread(text: string, options: ParseNumberOptions, value: string) {
	const parsed = parseNumber(text, options);
	if (parsed.kind === 'number') {
		expect(parsed.value, JSON.stringify(text)).toBe(value);
		expect(parsed.value).toMatch(CANONICAL);
	}
	return parsed;
}

describe('parseNumber fuzz: the careful-reader oracle', () => {
	test('a number in the named locale, with units and invisible marks, reads as exactly that number', () => {
		fc.assert(
			fc.property(sprinkled, ({value, locale, text}) => {
				const parsed = readsAsOrUnread(text, {decimalSeparator: locale.mode}, value);
				// An undeclared code glued to the digits ("100USDT") is refused like "6OOOO": it is not a declared unit.
				if (/\dUSDT/.test(text.replace(/[\u200B-\u200F\u2060\uFEFF\u061C\u00AD]/g, ''))) expect(parsed.kind, JSON.stringify(text)).toBe('invalid');
				// In a fixed locale there is no excuse; in 'auto' only "1,234"-like text may be ambiguous.
				else if (locale.mode === 'auto') expect(['number', 'ambiguous'], JSON.stringify(text)).toContain(parsed.kind);
				else expect(parsed.kind, JSON.stringify(text)).toBe('number');
			}),
			fuzzParameters(),
		);
	});

	/** Garbling edits: a careful reader would not take any number from the result. */
	const garble = fc.oneof(
		// a letter (not a unit, not an exponent, not a magnitude) between two characters of the number
		fc.tuple(fc.nat(), fc.constantFrom(...'acdfghijlnopqrstuvwyzACDFGHIJLNOPQRSTUVWYZ@#&*_=?!;'.split(''))).map(
			([at, letter]) =>
				(text: string) => {
					const digits = [...text.matchAll(/\d(?=\d)/g)].map(match => match.index);
					if (digits.length === 0) return `${text}${letter}1`;
					const i = (digits[at % digits.length] ?? 0) + 1;
					return text.slice(0, i) + letter + text.slice(i);
				},
		),
		fc.constantFrom(
			(text: string) => `${text}e5`,
			(text: string) => `${text}E-3`,
			(text: string) => `${text}; ${text}`, // ("a b" with space grouping is one valid number)
			(text: string) => `${text}/${text}`,
			(text: string) => `${text}..5`,
			(text: string) => `${text},,5`,
			(text: string) => `--${text}`,
			(text: string) => `+-${text}`,
			(text: string) => `${text}-`,
			(text: string) => `0x${text}`,
			(text: string) => `${text}(`,
			(text: string) => text.replace(/\d/, 'O'),
			(text: string) => text.replace(/0/g, 'O'), // "6OOOO": letter O drawn like a zero, glued as if a unit
			(text: string) => text.replace(/0+(?=\D*$)/, zeros => 'O'.repeat(zeros.length)),
			(text: string) => text.replace(/\d(?!.*\d)/, 'l'),
			() => '1e309',
			() => '-1e309',
			() => 'NaN',
			() => 'Infinity',
			() => '-Infinity',
			() => '1'.repeat(31),
			() => `${'9'.repeat(31)}.5`,
			() => '9'.repeat(200),
			() => '١٢٣٤',
			() => '１２３',
		),
	);

	test('garbled text is never read as a different number', () => {
		fc.assert(
			fc.property(sprinkled, garble, ({value, locale, text}, edit) => {
				const garbled = edit(text);
				for (const options of [{decimalSeparator: locale.mode}, {decimalSeparator: 'auto' as const}, {decimalSeparator: locale.mode, allowMagnitude: true}]) {
					const parsed = parseNumber(garbled, options);
					if (parsed.kind === 'number') expect(parsed.value, `${JSON.stringify(garbled)} from ${JSON.stringify(text)}`).toBe(value);
				}
			}),
			fuzzParameters(),
		);
	});

	test('a bidi embedding, override or isolate anywhere in the text: never a number (nor a leverage)', () => {
		fc.assert(
			fc.property(sprinkled, fc.nat(), fc.constantFrom(...BIDI_CONTROLS), ({locale, text}, at, control) => {
				const i = at % (text.length + 1);
				const spoofed = text.slice(0, i) + control + text.slice(i);
				for (const options of [{decimalSeparator: locale.mode}, {decimalSeparator: 'auto' as const}, {decimalSeparator: locale.mode, allowMagnitude: true}]) {
					expect(parseNumber(spoofed, options).kind, JSON.stringify(spoofed)).not.toBe('number');
				}
				expect(parseLeverageText(`${spoofed}x`).kind).toBe('invalid');
			}),
			fuzzParameters(),
		);
	});

	test('reversed digits behind a right-to-left override (shown as the number) never read as the reversed number', () => {
		fc.assert(
			fc.property(fc.integer({min: 10, max: 10_000_000}), value => {
				const reversed = [...String(value)].reverse().join('');
				expect(parseNumber(`\u202E${reversed}`).kind).toBe('invalid');
				expect(parseNumber(`\u2067${reversed}\u2069`).kind).toBe('invalid');
			}),
			fuzzParameters(),
		);
	});

	test('huge and tiny numbers: up to 30 integer digits read exactly, beyond that never', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 40}), fc.integer({min: 0, max: 40}), fc.constantFrom(...LOCALES), (intDigits, fracDigits, locale) => {
				const integer = `7${'3'.repeat(intDigits - 1)}`;
				const fraction = fracDigits ? `${'0'.repeat(fracDigits - 1)}1` : '';
				const text = `${grouped(integer, locale.group)}${fraction ? locale.decimal + fraction : ''}`;
				const parsed = parseNumber(text, {decimalSeparator: locale.mode});
				const value = fraction ? `${integer}.${fraction}` : integer;
				if (text.length > 80 || intDigits > 30) expect(parsed.kind, text).toBe('invalid');
				else if (parsed.kind === 'number') expect(parsed.value).toBe(value);
				else expect(locale.mode === 'auto' ? ['ambiguous'] : [], `${text} → ${parsed.kind}`).toContain(parsed.kind);
			}),
			fuzzParameters(),
		);
	});

	test('any string: never throws, output canonical and made of the input digits in order', () => {
		const alphabet = fc.oneof(
			fc.constantFrom(...'0123456789.,- $%xX×eEkMB\u00A0\u202F\u2212\'USDTN/A—–'.split(''), ...INVISIBLES),
			fc.string({unit: 'grapheme', maxLength: 1}),
		);
		fc.assert(
			fc.property(fc.array(alphabet, {maxLength: 24}).map(chars => chars.join('')), fc.constantFrom<ParseNumberOptions>({}, {decimalSeparator: 'auto'}, {decimalSeparator: ','}, {allowMagnitude: true}, {units: []}, {allowNegative: false}), (text, options) => {
				const parsed = parseNumber(text, options);
				expect(['number', 'empty', 'invalid', 'ambiguous']).toContain(parsed.kind);
				if (parsed.kind !== 'number') return;
				expect(parsed.value).toMatch(CANONICAL);
				if (options.allowNegative === false) expect(parsed.value.startsWith('-')).toBe(false);
				if (options.allowMagnitude) return; // k/M/B append zeros
				const strip = (digits: string) => digits.replace(/^0+/, '').replace(/0+$/, '');
				expect(strip(parsed.value.replace(/\D/g, '')), JSON.stringify(text)).toBe(strip(text.replace(/\D/g, '')));
			}),
			fuzzParameters(),
		);
	});

	test('non-strings are invalid, never a number', () => {
		fc.assert(
			fc.property(fc.anything(), input => {
				fc.pre(typeof input !== 'string');
				expect(parseNumber(input).kind).toBe('invalid');
			}),
			fuzzParameters(),
		);
	});
});

describe('parseLeverageText: garbled leverage is never another number', () => {
	test.each(['0x1Fx', '1e309x', '1.2.5x', '12abc5x', '5x5x5x', '10 20x', '١٢٣x10x', 'lO0x', '$x10x', 'Infinityx10x'])('%s is invalid', text => {
		expect(parseLeverageText(text).kind).toBe('invalid');
	});

	test('random garbling around "<n>x" reads the same n, a pair, or nothing', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 1001}), fc.string({maxLength: 6}), fc.string({maxLength: 6}), (leverage, before, after) => {
				fc.pre(!/[\d.,]\s*$/.test(before)); // "1" + "1x" is legitimately 11x
				const text = `${before}${leverage}x${after}`;
				const parsed = parseLeverageText(text);
				if (parsed.kind === 'single') expect(parsed.value, JSON.stringify(text)).toBe(String(leverage));
				if (parsed.kind === 'pair') expect(/\d/.test(before + after), JSON.stringify(text)).toBe(true);
			}),
			fuzzParameters(),
		);
	});
});
