import {describe, expect, test} from 'vitest';
import {formatLeverage as coreLeverage, formatPrice as corePrice} from '../../../src/core/format.js';
import {formatAmount, formatCountdown, formatLeverage, formatPercent, formatPrice, formatQuantity, formatRateAsPercent} from '../../../src/ui/format.js';

describe('display formatting', () => {
	test('prices keep precision that follows their magnitude, grouped', () => {
		expect(formatPrice('59036.1445783132530120481927710843373494')).toBe('59,036.1');
		expect(formatPrice('3012.456')).toBe('3,012.46');
		expect(formatPrice('1.23456')).toBe('1.2346');
		expect(formatPrice('0.000123456789')).toBe('0.0001235');
	});

	test('rounds the exact decimal half-even, as the core does: 0.125 → 0.12, 0.135 → 0.14', () => {
		expect(formatAmount('0.125')).toBe('0.12');
		expect(formatAmount('0.135')).toBe('0.14');
		expect(formatAmount('1234.5')).toBe('1,234.50');
	});

	test('a price reads the same as in the warnings the core formats (core/format.ts formatPrice)', () => {
		// Ties at the last shown digit (a venue's own estimate, 61,234.45) and prices below 1 used to differ:
		// the panel's row said 61,234.5 while the warning beside it said 61,234.4.
		const prices = ['61234.45', '61234.55', '54300.25', '3012.455', '3012.465', '1.23455', '0.5', '0.123456789', '0.0000012345', '0.00000000001234', '0', '100', '99.99995', '9999.995'];
		for (let index = 0; index < 300; index++) {
			const digits = String((index * 7_919_117 + 12_345) % 1e9).padStart(9, '0');
			const point = index % 10;
			prices.push(`${digits.slice(0, point) || '0'}.${digits.slice(point)}5`);
		}
		for (const price of prices) expect(formatPrice(price), price).toBe(corePrice(price));
	});

	test('a leverage reads as in the warnings the core formats (core/format.ts formatLeverage, truncated)', () => {
		for (const leverage of ['20', '12.5', '12.999', '12.345', '12.355', '0.005', '99.995', '125']) {
			expect(formatLeverage(leverage), leverage).toBe(`${coreLeverage(leverage)}x`);
		}
	});

	test('percent, quantity, leverage, countdown and rate', () => {
		expect(formatPercent('12.3456')).toBe('12.35');
		expect(formatQuantity('0.500000')).toBe('0.5');
		expect(formatLeverage('20')).toBe('20x');
		expect(formatCountdown('28740')).toBe('7h 59m');
		expect(formatRateAsPercent('0.0001')).toBe('0.01%');
		expect(formatRateAsPercent('-0.00075')).toBe('-0.075%');
	});

	test('text that is not a plain decimal is shown as is', () => {
		expect(formatPrice('n/a')).toBe('n/a');
	});

	test('a value reads the same in every format whatever was formatted before it (the recent-text memo is keyed by value and format)', () => {
		const all = () => [formatPrice('0.125'), formatAmount('0.125'), formatPercent('0.125'), formatQuantity('0.125'), formatLeverage('0.125'), formatRateAsPercent('0.125')];
		const expected = ['0.125', '0.12', '0.12', '0.125', '0.12x', '12.5%'];
		expect(all()).toEqual(expected);
		// More values than the memo holds: it is emptied and filled again, and every text is still computed right.
		for (let i = 0; i < 600; i++) expect(formatAmount(`${i}.005`)).toBe(`${i}.00`);
		expect(all()).toEqual(expected);
		expect([formatAmount('0.125'), formatPrice('0.125')]).toEqual(['0.12', '0.125']);
	});
});
