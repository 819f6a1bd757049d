import {describe, expect, it} from 'vitest';
import {D} from '../../../src/core/decimal.js';
import {openRiskLoss, portfolioHeat} from '../../../src/core/portfolio-heat.js';

describe('openRiskLoss: the move from entry to stop times the size', () => {
	it('a long loses (entry − stop) × size: 3,000 → 2,850 on 2 ETH is 300', () => {
		expect(openRiskLoss({side: 'long', entryPrice: '3000', stopLossPrice: '2850', quantity: '2'})).toEqual({status: 'at-risk', loss: '300'});
	});

	it('a short loses (stop − entry) × size: 150 → 160 on 20 SOL is 200', () => {
		expect(openRiskLoss({side: 'short', entryPrice: '150', stopLossPrice: '160', quantity: '20'})).toEqual({status: 'at-risk', loss: '200'});
	});

	it('a stop moved past the entry locks in a gain and counts 0; a stop at the entry counts 0', () => {
		expect(openRiskLoss({side: 'long', entryPrice: '100', stopLossPrice: '105', quantity: '1'})).toEqual({status: 'in-profit', loss: '0'});
		expect(openRiskLoss({side: 'short', entryPrice: '100', stopLossPrice: '100', quantity: '1'})).toEqual({status: 'breakeven', loss: '0'});
	});

	it('keeps full precision: 0.1 × (0.3 − 0.2) is 0.01, not a float', () => {
		expect(openRiskLoss({side: 'long', entryPrice: '0.3', stopLossPrice: '0.2', quantity: '0.1'})?.loss).toBe('0.01');
	});

	it.each([
		['garbage', 'abc'],
		['zero', '0'],
		['negative', '-5'],
		['exponent', '1e309'],
		['above 1e30', '1'.padEnd(32, '0')],
		['comma decimal', '1.234,5'],
	])('refuses a %s figure (no loss, never NaN)', (_what, bad) => {
		expect(openRiskLoss({side: 'long', entryPrice: bad, stopLossPrice: '1', quantity: '1'})).toBeUndefined();
		expect(openRiskLoss({side: 'long', entryPrice: '2', stopLossPrice: bad, quantity: '1'})).toBeUndefined();
		expect(openRiskLoss({side: 'long', entryPrice: '2', stopLossPrice: '1', quantity: bad})).toBeUndefined();
	});
});

describe('portfolioHeat', () => {
	const listed = [
		{side: 'long', entryPrice: '3000', stopLossPrice: '2850', quantity: '2'},
		{side: 'short', entryPrice: '150', stopLossPrice: '160', quantity: '20'},
	] as const;

	it('adds the listed losses and the sized trade: (300 + 200 + 200) / 10,000 = 7 %, above 6 %', () => {
		const heat = portfolioHeat({listed: [...listed], sizedLoss: '200', accountBalance: '10000', thresholdPercent: '6'});
		expect(heat).toEqual({
			listedLoss: '500',
			sizedLoss: '200',
			totalLoss: '700',
			accountBalance: '10000',
			totalPercentOfAccount: '7',
			thresholdPercent: '6',
			isAboveThreshold: true,
		});
	});

	it('flags strictly above the threshold: exactly 6 % is not flagged', () => {
		const heat = portfolioHeat({listed: [...listed], sizedLoss: '100', accountBalance: '10000', thresholdPercent: '6'});
		expect(heat?.totalPercentOfAccount).toBe('6');
		expect(heat?.isAboveThreshold).toBe(false);
		const above = portfolioHeat({listed: [...listed], sizedLoss: '100.01', accountBalance: '10000', thresholdPercent: '6'});
		expect(above?.totalPercentOfAccount).toBe('6.0001');
		expect(above?.isAboveThreshold).toBe(true);
	});

	it('without a sized trade the total is the listed trades alone', () => {
		const heat = portfolioHeat({listed: [...listed], accountBalance: '20000', thresholdPercent: '6'});
		expect(heat?.sizedLoss).toBeUndefined();
		expect(heat?.totalLoss).toBe('500');
		expect(heat?.totalPercentOfAccount).toBe('2.5');
		expect(heat?.isAboveThreshold).toBe(false);
	});

	it('computes nothing rather than a total that leaves out an unreadable trade', () => {
		expect(portfolioHeat({listed: [...listed, {side: 'long', entryPrice: '--', stopLossPrice: '1', quantity: '1'}], accountBalance: '10000', thresholdPercent: '6'})).toBeUndefined();
	});

	it.each([['0'], ['-1'], ['abc'], ['1e309']])('computes nothing for an account of %s (no ÷ 0, no NaN)', account => {
		expect(portfolioHeat({listed: [...listed], accountBalance: account, thresholdPercent: '6'})).toBeUndefined();
	});

	it('a threshold edited in options applies: 7 % is within a 10 % limit', () => {
		const heat = portfolioHeat({listed: [...listed], sizedLoss: '200', accountBalance: '10000', thresholdPercent: '10'});
		expect(heat?.isAboveThreshold).toBe(false);
		expect(new D(heat!.totalPercentOfAccount).eq(7)).toBe(true);
	});
});
