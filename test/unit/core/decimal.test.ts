/** The one strict parse every amount goes through: plain decimals up to 1e30 in magnitude, nothing else. */
import {describe, expect, test} from 'vitest';
import {parseDecimal} from '../../../src/core/decimal.js';

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
