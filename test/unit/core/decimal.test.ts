/** The one strict parse every amount goes through: plain decimals up to 1e30 in magnitude, nothing else. */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {checkedDecimalText, parseDecimal, plainDecimalText, toPlain} from '../../../src/core/decimal.js';

const E30 = `1${'0'.repeat(30)}`;

describe('parseDecimal', () => {
	test.each([
		['0', '0'],
		['-0.5', '-0.5'],
		['.5', '0.5'],
		['5.', '5'],
		[' 7 ', '7'],
		['0.000000000000000000000000000001', '1e-30'],
		[`${'9'.repeat(30)}.99`, `${'9'.repeat(30)}.99`],
		[E30, E30],
		[`-${E30}`, `-${E30}`],
		[`${E30}.000`, E30],
		[`000${E30}`, E30],
	])('accepts %j', (text, expected) => {
		const value = parseDecimal(text);
		expect(value).toBeDefined();
		expect(value!.eq(expected)).toBe(true);
	});

	test.each([
		`${E30}.0000001`,
		`-${E30}.1`,
		`1${'0'.repeat(31)}`,
		'9'.repeat(31),
		`-${'9'.repeat(40)}`,
		'1e30', '1e309', '1E5', 'NaN', 'Infinity', '-Infinity', '--', '1.234,5', '1,234.5', '', '  ', '0x10', '+5', '.', '-',
	])('refuses %j', text => {
		expect(parseDecimal(text)).toBeUndefined();
	});

	test('refuses what is not a string', () => {
		for (const value of [5, null, undefined, {}, ['1']]) expect(parseDecimal(value)).toBeUndefined();
	});
});

/**
 * The text check alone (what the background's payload check runs) against decimal.js itself: the grammar of a plain
 * decimal, 80 characters once trimmed, |value| ≤ 1e30 compared by decimal.js, and its unrounded plain text.
 */
function reference(text: string): string | undefined {
	const trimmed = text.trim();
	if (trimmed.length === 0 || trimmed.length > 80 || !/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(trimmed)) return undefined;
	const value = new Decimal(trimmed);
	if (value.abs().gt(new Decimal(10).pow(30))) return undefined;
	const plain = value.toFixed();
	return plain === '-0' ? '0' : plain;
}

describe('plainDecimalText', () => {
	test.each([
		[E30, E30],
		[`${E30}.0`, E30],
		[`${E30}.000`, E30],
		[`-${E30}`, `-${E30}`],
		[`0000${E30}`, E30],
		['-0', '0'],
		['-0.000', '0'],
		['.5', '0.5'],
		['-.5', '-0.5'],
		['5.', '5'],
		['1.50', '1.5'],
		['60000.50', '60000.5'],
		['0007', '7'],
		[' 7 ', '7'],
		['\u00a07\t', '7'],
		[`${'0'.repeat(70)}1`, '1'],
		[`${'0'.repeat(60)}1${'0'.repeat(15)}`, `1${'0'.repeat(15)}`],
		[`0.${'0'.repeat(29)}1`, `0.${'0'.repeat(29)}1`],
		[`${'9'.repeat(30)}.99`, `${'9'.repeat(30)}.99`],
		['1'.padStart(80, '0'), '1'],
	])('accepts %j as %j', (text, canonical) => {
		expect(plainDecimalText(text)).toBe(canonical);
	});

	test.each([
		[`${E30}.1`, 'just above 1e30'],
		[`${E30}.${'0'.repeat(40)}1`, 'above 1e30 far right of the point'],
		[`-${E30}.1`, 'below -1e30'],
		[`2${'0'.repeat(30)}`, '31 digits, not 1e30'],
		[`1${'0'.repeat(29)}1`, '31 digits, 1e30 + 1'],
		[`1${'0'.repeat(31)}`, '32 digits'],
		['1'.padStart(81, '0'), '81 characters'],
		['1e30', 'an exponent'],
		['1E5', 'an exponent'],
		['1,000', 'grouping'],
		['1 000', 'grouping by a space'],
		['1.234,5', 'a decimal comma'],
		['NaN', 'NaN'],
		['Infinity', 'Infinity'],
		['-Infinity', '-Infinity'],
		['\u200e100', 'a left-to-right mark'],
		['100\u200f', 'a right-to-left mark'],
		['\u2066100\u2069', 'an isolate'],
		['\u202e001', 'an override'],
		['\uff11\uff10\uff10', 'full-width digits'],
		['\u0661\u0660\u0660', 'Arabic-Indic digits'],
		['+5', 'a plus sign'],
		['0x10', 'hex'],
		['.', 'a lone point'],
		['-', 'a lone minus'],
		['', 'empty text'],
	])('refuses %j (%s)', text => {
		expect(plainDecimalText(text)).toBeUndefined();
		expect(parseDecimal(text)).toBeUndefined();
	});

	test('refuses what is not a string', () => {
		for (const value of [5, null, undefined, {}, ['1'], 10n]) expect(plainDecimalText(value)).toBeUndefined();
	});

	test('the check alone hands back the trimmed text as written: the parse reads it, the canonical form is the guard\'s', () => {
		expect(checkedDecimalText(' 0007.50 ')).toBe('0007.50');
		expect(checkedDecimalText(`-${E30}.000`)).toBe(`-${E30}.000`);
		expect(checkedDecimalText(`-${E30}.001`)).toBeUndefined();
		expect(parseDecimal('-0')?.isZero()).toBe(true);
	});

	test('agrees with decimal.js on long runs of zeros, digits and points, and with the parse on every accepted text', () => {
		const digits = (max: number) => fc.array(fc.constantFrom('0', '1', '5', '9'), {maxLength: max}).map(list => list.join(''));
		const text = fc
			.tuple(
				fc.constantFrom('', '-', ' ', '+'),
				fc.nat({max: 60}).map(n => '0'.repeat(n)),
				digits(33),
				fc.constantFrom('', '.', '.', ','),
				digits(45),
				fc.nat({max: 30}).map(n => '0'.repeat(n)),
				fc.constantFrom('', ' ', 'e5'),
			)
			.map(parts => parts.join(''));
		fc.assert(
			fc.property(text, candidate => {
				const expected = reference(candidate);
				expect(plainDecimalText(candidate)).toBe(expected);
				expect(checkedDecimalText(candidate)).toBe(expected === undefined ? undefined : candidate.trim());
				const parsed = parseDecimal(candidate);
				expect(parsed === undefined ? undefined : toPlain(parsed)).toBe(expected);
			}),
			{numRuns: 3000},
		);
	});
});
