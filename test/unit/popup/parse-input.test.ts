import {describe, expect, it} from 'vitest';
import {formatAmount, formatPercent, formatSigned} from '../../../src/ui/components/format-number.js';
import {parseUserDecimal, percentToRate, rateToPercent} from '../../../src/ui/components/parse-input.js';

describe('parseUserDecimal: one rule for typed numbers', () => {
	it.each([
		['1234.5', '1234.5'],
		['1,234.5', '1234.5'],
		['12,345,678', '12345678'],
		[' .5 ', '0.5'],
		['60000.', '60000'],
	])('reads %j as %s', (text, value) => {
		expect(parseUserDecimal(text)).toEqual({kind: 'ok', value});
	});

	it.each(['1.234,5', '0,5', '1.234.567,89'])('refuses the comma decimal mark in %j with a clear message', text => {
		const parsed = parseUserDecimal(text);
		expect(parsed.kind).toBe('error');
		expect(parsed.kind === 'error' && parsed.message).toMatch(/Use \. for decimals/);
	});

	it.each([
		['12,34', /Use \. for decimals/],
		['1,23,456', /groups thousands/],
		['1e5', /Enter a number/],
		['abc', /Enter a number/],
		['Infinity', /Enter a number/],
	])('refuses %j', (text, message) => {
		const parsed = parseUserDecimal(text);
		expect(parsed.kind === 'error' && parsed.message).toMatch(message);
	});

	it('applies sign and range rules', () => {
		expect(parseUserDecimal('-1')).toEqual({kind: 'error', message: 'Must not be negative.'});
		expect(parseUserDecimal('-0.01', {isSignedAllowed: true})).toEqual({kind: 'ok', value: '-0.01'});
		expect(parseUserDecimal('0', {isPositive: true})).toEqual({kind: 'error', message: 'Must be above 0.'});
		expect(parseUserDecimal('2001', {max: '2000'})).toEqual({kind: 'error', message: 'Must be at most 2000.'});
		expect(parseUserDecimal('   ')).toEqual({kind: 'empty'});
	});

	it('converts percent and fraction exactly', () => {
		expect(percentToRate('0.5')).toBe('0.005');
		expect(percentToRate('0.01')).toBe('0.0001');
		expect(rateToPercent('0.0004')).toBe('0.04');
	});
});

describe('number formatting for display', () => {
	it('groups, rounds and never shows NaN', () => {
		expect(formatAmount('54240.9638554')).toBe('54,240.96');
		expect(formatAmount('-1234567.5')).toBe('-1,234,567.50');
		expect(formatAmount('0.000123456')).toBe('0.00012346');
		expect(formatAmount('NaN')).toBe('—');
		expect(formatAmount(undefined)).toBe('—');
		expect(formatPercent('9.598396')).toBe('9.60 %');
		expect(formatSigned('300')).toBe('+300.00');
		expect(formatSigned('-0.001')).toBe('-0.001');
		expect(formatSigned('0')).toBe('0.00');
	});
});
