import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	parseCountdown,
	parseLeverageText,
	parseNumber,
	percentToRate,
	shiftDecimal,
	type ParseNumberOptions,
	type ParsedNumber,
} from '../../../src/adapters/parse-number.js';

const number = (value: string, unit?: string): ParsedNumber =>
	unit === undefined ? {kind: 'number', value} : {kind: 'number', value, unit};

// [text, options, expected] — texts are shapes the venues show, as seen in public scripts and front ends that read
// them (e.g. OKX's grouped price input in https://github.com/mop824/okx-hotkey@ba4e1c7 dom-dumps; dYdX's locale
// decimal comma in https://github.com/dydxprotocol/v4-web).
const cases: Array<[string, ParseNumberOptions, ParsedNumber | 'empty' | 'invalid' | 'ambiguous']> = [
	['71441.7', {}, number('71441.7')],
	['71,441.7', {}, number('71441.7')], // OKX price input with enable_thousands
	['₮71,793.2', {}, number('71793.2', '₮')], // OKX price band
	['119,768.1619 USDT', {}, number('119768.1619', 'USDT')], // Bybit balance
	['6,996.26 USDT', {}, number('6996.26', 'USDT')],
	['$1,234.56', {}, number('1234.56', '$')], // Hyperliquid, GMX
	['-$1,234.56', {}, number('-1234.56', '$')],
	['$-1,234.56', {}, number('-1234.56', '$')],
	['0.00 HYPE', {}, number('0', 'HYPE')], // Binance closeable amount
	['0.0100%', {}, number('0.01', '%')],
	['-0.0050%', {}, number('-0.005', '%')],
	['\u22120.0050%', {}, number('-0.005', '%')], // unicode minus
	['20x', {}, number('20', 'x')],
	['10.00x', {}, number('10', 'x')], // Bybit
	['5×', {}, number('5', 'x')], // dYdX U+00D7
	['5 X', {}, number('5', 'x')],
	['0.5', {}, number('0.5')],
	['.5', {}, number('0.5')],
	['007', {}, number('7')],
	['-0', {}, number('0')],
	['1 234 567.89', {}, number('1234567.89')],
	['1\u00A0234.5', {}, number('1234.5')], // NBSP grouping
	['1\u202F234,5', {decimalSeparator: ','}, number('1234.5')], // narrow NBSP, French
	['1\u2009234', {}, number('1234')], // thin space
	['1.234,56', {decimalSeparator: ','}, number('1234.56')], // German
	['1234,5', {decimalSeparator: ','}, number('1234.5')], // dYdX comma locale input
	["1'234.5", {}, number('1234.5')], // Swiss
	['\u200E71,441.7\u200F', {}, number('71441.7')], // bidi marks
	['71\u200B441.7', {}, number('71441.7')], // zero-width space
	['1.5k', {allowMagnitude: true}, number('1500')],
	['2.25M', {allowMagnitude: true}, number('2250000')],
	['3B', {allowMagnitude: true}, number('3000000000')],
	['1.2M USDT', {allowMagnitude: true}, number('1200000', 'USDT')],
	['1.5k', {}, 'invalid'], // magnitude off by default
	['--', {}, 'empty'],
	['—', {}, 'empty'],
	['–', {}, 'empty'],
	['-- USDT', {}, 'empty'],
	['--/-- USDT', {}, 'empty'], // Bybit logged out
	['N/A', {}, 'empty'],
	['', {}, 'empty'],
	['   ', {}, 'empty'],
	['\u200B', {}, 'empty'],
	['1e309', {}, 'invalid'],
	['1E5', {}, 'invalid'],
	['Infinity', {}, 'invalid'],
	['-Infinity', {}, 'invalid'],
	['NaN', {}, 'invalid'],
	['abc', {}, 'invalid'],
	['12abc', {}, 'invalid'],
	['1,23', {}, 'invalid'], // not a valid group in '.' mode
	['1,2345.6', {}, 'invalid'],
	['01,234', {}, 'invalid'],
	['1.2.3', {}, 'invalid'],
	['1,,234', {}, 'invalid'],
	['1, 234', {}, 'invalid'],
	['1 234,567.8', {}, 'invalid'], // two grouping characters
	['1 2', {}, 'invalid'],
	['12 34', {}, 'invalid'],
	['1.234', {decimalSeparator: 'auto'}, 'ambiguous'],
	['1,234', {decimalSeparator: 'auto'}, 'ambiguous'],
	['123,456', {decimalSeparator: 'auto'}, 'ambiguous'],
	['0,123', {decimalSeparator: 'auto'}, number('0.123')],
	['1,23', {decimalSeparator: 'auto'}, number('1.23')],
	['1,2345', {decimalSeparator: 'auto'}, number('1.2345')],
	['1234,567', {decimalSeparator: 'auto'}, number('1234.567')],
	['1,234.5', {decimalSeparator: 'auto'}, number('1234.5')],
	['1.234,5', {decimalSeparator: 'auto'}, number('1234.5')],
	['1,234,567', {decimalSeparator: 'auto'}, number('1234567')],
	['1.234.567', {decimalSeparator: 'auto'}, number('1234567')],
	['1 234,567', {decimalSeparator: 'auto'}, number('1234.567')],
	['1234', {decimalSeparator: 'auto'}, number('1234')],
	['1,234', {}, number('1234')], // '.' mode: the comma groups
	['1,234', {decimalSeparator: ','}, number('1.234')],
	['5 BTC', {units: ['USDT']}, 'invalid'],
	['5 USDT', {units: ['USDT']}, number('5', 'USDT')],
	['5×', {units: ['x']}, number('5', 'x')],
	['-5', {allowNegative: false}, 'invalid'],
	['1'.repeat(31), {}, 'invalid'], // above the core's 1e30 cap
	['1'.repeat(30), {}, number('1'.repeat(30))],
	['5 5', {}, 'invalid'],
	['5 USDT 6', {}, 'invalid'],
	['$5 USDT', {}, 'invalid'], // two units
	['x', {}, 'invalid'],
	['USDT', {}, 'invalid'],
];

describe('parseNumber', () => {
	it.each(cases)('reads %j with %j', (text, options, expected) => {
		const result = parseNumber(text, options);
		if (expected === 'empty') expect(result).toEqual({kind: 'empty'});
		else if (expected === 'invalid' || expected === 'ambiguous') expect(result.kind).toBe(expected);
		else expect(result).toEqual(expected);
	});

	it('rejects non-strings', () => {
		expect(parseNumber(undefined).kind).toBe('invalid');
		expect(parseNumber(5).kind).toBe('invalid');
	});
});

/** A canonical plain decimal, e.g. "-1234.5". */
const decimalArbitrary = fc
	.tuple(fc.boolean(), fc.bigInt({min: 0n, max: 10n ** 20n}), fc.stringMatching(/^\d{0,8}$/))
	.map(([negative, integer, fraction]) => {
		const trimmed = fraction.replace(/0+$/, '');
		const body = trimmed ? `${integer}.${trimmed}` : String(integer);
		return negative && body !== '0' ? `-${body}` : body;
	});

function group(integer: string, separator: string): string {
	return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

describe('parseNumber properties', () => {
	it('formatting a decimal with grouping then parsing gives it back', () => {
		fc.assert(
			fc.property(
				decimalArbitrary,
				fc.constantFrom(
					{group: ',', decimal: '.', mode: '.' as const},
					{group: '\u00A0', decimal: '.', mode: '.' as const},
					{group: '.', decimal: ',', mode: ',' as const},
					{group: '\u202F', decimal: ',', mode: ',' as const},
					{group: '', decimal: ',', mode: ',' as const},
					{group: '', decimal: '.', mode: '.' as const},
				),
				fc.constantFrom('', ' USDT', '%', 'x', ' BTC'),
				(value, style, unit) => {
					const negative = value.startsWith('-');
					const [integer = '', fraction] = (negative ? value.slice(1) : value).split('.');
					const text = `${negative ? '-' : ''}${group(integer, style.group)}${fraction ? style.decimal + fraction : ''}${unit}`;
					const parsed = parseNumber(text, {decimalSeparator: style.mode});
					expect(parsed.kind).toBe('number');
					if (parsed.kind === 'number') expect(parsed.value).toBe(value);
				},
			),
			{numRuns: 2000},
		);
	});

	it('random text never yields a number a careful reader would not take', () => {
		// A careful reader takes a number only from digits with at most the allowed marks around them.
		const alphabet = fc.constantFrom(...'0123456789.,- $%xX×eE\u00A0\u200BabUSDT—'.split(''));
		fc.assert(
			fc.property(fc.array(alphabet, {maxLength: 16}).map(chars => chars.join('')), text => {
				const parsed = parseNumber(text, {decimalSeparator: 'auto'});
				if (parsed.kind !== 'number') return;
				// Its digits are the text's digits, in order, with zeros trimmed at the ends only.
				const digitsIn = text.replace(/\D/g, '');
				const digitsOut = parsed.value.replace(/\D/g, '');
				expect(digitsIn.replace(/^0+/, '')).toContain(digitsOut.replace(/^0+/, '').replace(/0+$/, ''));
				expect(text).not.toMatch(/[eE]\d|\d[eE]|ab|NaN/);
				expect(parsed.value).toMatch(/^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/);
			}),
			{numRuns: 5000},
		);
	});

	it('output is always a canonical plain decimal', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 24}), text => {
				const parsed = parseNumber(text, {decimalSeparator: 'auto', allowMagnitude: true});
				if (parsed.kind === 'number') expect(parsed.value).toMatch(/^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/);
			}),
			{numRuns: 5000},
		);
	});
});

describe('shiftDecimal and percentToRate', () => {
	it.each([
		['1.5', 3, '1500'],
		['1', -2, '0.01'],
		['0.0100', -2, '0.0001'],
		['-0.005', -2, '-0.00005'],
		['123.45', -1, '12.345'],
		['0', 5, '0'],
	] as const)('shifts %s by %i to %s', (value, places, expected) => {
		expect(shiftDecimal(value, places)).toBe(expected);
	});

	it('stores a funding percent as a fraction', () => {
		expect(percentToRate('0.01')).toBe('0.0001');
		expect(percentToRate('-0.0375')).toBe('-0.000375');
	});
});

describe('parseLeverageText', () => {
	it.each([
		['20x', {kind: 'single', value: '20'}],
		['10.00x', {kind: 'single', value: '10'}],
		['5×', {kind: 'single', value: '5'}],
		['Cross 20x', {kind: 'single', value: '20'}],
		['5x5x', {kind: 'pair', long: '5', short: '5'}], // OKX long/short
		['3x10x', {kind: 'pair', long: '3', short: '10'}],
		['--x', {kind: 'empty'}],
		['', {kind: 'empty'}],
		['Leverage', {kind: 'invalid'}],
		['1x2x3x', {kind: 'invalid'}],
		// A garbled value in an OKX pair is a missing value, never the other one alone (fuzz, 10,000 cases).
		['3xInfinityx', {kind: 'invalid'}],
		['NaNx10x', {kind: 'invalid'}],
		['20xCross', {kind: 'single', value: '20'}],
		['Max 125x', {kind: 'single', value: '125'}],
	] as const)('reads %j', (text, expected) => {
		expect(parseLeverageText(text)).toEqual(expected);
	});
});

describe('parseCountdown', () => {
	it.each([
		['07:59:58', '28798'],
		['00:00:01', '1'],
		['59:58', '3598'],
		['\u200E01:00:00', '3600'],
		['7h', undefined],
		['07:60:00', undefined],
		['--:--:--', undefined],
		// OKX's funding countdown in units (live page, logged out; see okx-swap.ts).
		['4h 21m 11s', '15671'],
		['07:59:12', '28752'],
		['59m', '3540'],
		['0h 0m 9s', '9'],
		['4h21m11s', '15671'],
		['1h 60m', undefined],
		['8h', undefined],
		['4h 21', undefined],
		['m', undefined],
	] as const)('reads %j as %j seconds', (text, expected) => {
		expect(parseCountdown(text)).toBe(expected);
	});
});

describe('the parsers remember what they read (a form is read once a second with mostly the same texts)', () => {
	it('gives each options its own result for the same text', () => {
		expect(parseNumber('1,234', {decimalSeparator: '.'})).toEqual({kind: 'number', value: '1234'});
		expect(parseNumber('1,234', {decimalSeparator: ','})).toEqual({kind: 'number', value: '1.234'});
		expect(parseNumber('10 BTC', {units: ['USDT']}).kind).toBe('invalid');
		expect(parseNumber('10 BTC', {units: ['BTC']})).toEqual({kind: 'number', value: '10', unit: 'BTC'});
		expect(parseNumber('-5', {allowNegative: false}).kind).toBe('invalid');
		expect(parseNumber('-5')).toEqual({kind: 'number', value: '-5'});
		expect(parseNumber('1.5k', {allowMagnitude: true})).toEqual({kind: 'number', value: '1500'});
		expect(parseNumber('1.5k').kind).toBe('invalid');
	});

	it('shares a result only frozen, so no caller can change what another reads', () => {
		const first = parseNumber('60,000.5 USDT');
		expect(parseNumber('60,000.5 USDT')).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		expect(Object.isFrozen(parseLeverageText('20x'))).toBe(true);
		expect(parseCountdown('07:59:58')).toBe('28798');
		expect(parseCountdown('07:59:58')).toBe('28798');
		expect(parseCountdown('nope')).toBeUndefined();
		expect(parseCountdown('nope')).toBeUndefined();
	});

	it('reads the same after many distinct texts (the memo is bounded and emptied)', () => {
		for (let index = 0; index < 1000; index++) expect(parseNumber(`${index}.5`)).toEqual({kind: 'number', value: `${index}.5`});
		expect(parseNumber('1,234', {decimalSeparator: ','})).toEqual({kind: 'number', value: '1.234'});
		expect(parseLeverageText('5x5x')).toEqual({kind: 'pair', long: '5', short: '5'});
	});
});
