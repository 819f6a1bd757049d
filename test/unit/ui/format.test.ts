import {describe, expect, test} from 'vitest';
import {formatAmount, formatCountdown, formatLeverage, formatPercent, formatPrice, formatQuantity, formatRateAsPercent} from '../../../src/ui/format.js';

describe('display formatting', () => {
	test('prices keep precision that follows their magnitude, grouped', () => {
		expect(formatPrice('59036.1445783132530120481927710843373494')).toBe('59,036.1');
		expect(formatPrice('3012.456')).toBe('3,012.46');
		expect(formatPrice('1.23456')).toBe('1.2346');
		expect(formatPrice('0.000123456789')).toBe('0.00012346');
	});

	test('rounds the exact decimal, not a float: 0.125 → 0.13 at two places (half-expand)', () => {
		expect(formatAmount('0.125')).toBe('0.13');
		expect(formatAmount('1234.5')).toBe('1,234.50');
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
});
