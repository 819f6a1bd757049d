import {describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {D} from '../../../src/core/decimal.js';
import {checkSizer} from '../../../src/core/sizer-check.js';
import type {AssessInput} from '../../../src/core/types.js';

/** The ux case: 10,000 account, 2 % risk, long BTCUSDT from 60,000, stop 58,800, on Binance (taker 0.05 %). */
const base: AssessInput = {
	venue: 'binance-usdm',
	symbol: 'BTCUSDT',
	side: 'long',
	marginMode: 'isolated',
	entryPrice: '60000',
	stopLossPrice: '58800',
	accountBalance: '10000',
	walletBalance: '10000',
	riskPercent: '2',
};
// Per BTC at the stop: 1,200 move + 30 open fee (60,000 × 0.05 %) + 29.4 close fee (58,800 × 0.05 %) = 1,259.4,
// so 200 of risk buys 200 / 1,259.4 BTC.
const QUANTITY = new D(200).div('1259.4');

function figuresAt(leverage: string) {
	const result = assess({...base, leverage, quantity: QUANTITY.toFixed()});
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.value.figures;
}

const near = (value: string | undefined, expected: string) => expect(new D(value!).minus(expected).abs().lt('1e-9'), `${value} ≈ ${expected}`).toBe(true);

describe('checkSizer: leverage against the stop', () => {
	it('50x is a danger: liquidation at 60,000 × 0.98 / 0.996 = 59,036.14 is before the stop; safe up to 38.26x', () => {
		const check = checkSizer(figuresAt('50'));
		if (check?.leverage.status !== 'danger') throw new Error('expected a danger');
		expect(check.leverage.stopStatus).toBe('beyond');
		expect(check.leverage.leverage).toBe('50');
		near(check.leverage.liquidationPrice, new D(60000).times('0.98').div('0.996').toFixed());
		// Liquidation must sit at or below (58,800 − 10 % × 60,000) / 0.9 = 58,666.67 (the 10 % stop buffer):
		// 60,000 / L = 60,000 − 0.996 × 58,666.67 = 1,568 → L = 38.265, floored to 38.26.
		expect(check.leverage.maxSafeLeverage).toBe('38.26');
		// What is lost instead: the margin, 60,000 × q / 50.
		near(check.leverage.margin, QUANTITY.times(1200).toFixed());
	});

	it('38.26x is not flagged; 38.27x (past the safe maximum, inside the stop buffer) is', () => {
		expect(checkSizer(figuresAt('38.26'))?.leverage.status).toBe('ok');
		const check = checkSizer(figuresAt('38.27'));
		expect(check?.leverage.status).toBe('danger');
		expect(check?.leverage.status === 'danger' && check.leverage.stopStatus).toBe('near');
	});

	it('10x is fine', () => {
		expect(checkSizer(figuresAt('10'))?.leverage).toEqual({status: 'ok'});
	});
});

describe('checkSizer: the fees inside the loss at the stop', () => {
	it('splits 200 into the 1,200 × q move, the 30 × q open fee and the 29.4 × q close fee at the stop', () => {
		const fees = checkSizer(figuresAt('10'))?.fees;
		near(fees?.moveLoss, QUANTITY.times(1200).toFixed()); // 190.5669…
		near(fees?.openFee, QUANTITY.times(30).toFixed()); // 4.7642…
		near(fees?.closeFeeAtStop, QUANTITY.times('29.4').toFixed()); // 4.6689…
		near(fees?.feesTotal, QUANTITY.times('59.4').toFixed()); // 9.4331…
		expect(fees?.openFeeRate).toBe('0.0005');
		expect(fees?.closeFeeRate).toBe('0.0005');
		near(fees?.lossAtStop, '200');
		expect(new D(fees!.moveLoss).plus(fees!.feesTotal).minus(fees!.lossAtStop).abs().lt('1e-9')).toBe(true);
	});

	it('gives no check for a stop on the profit side (there is no loss to split)', () => {
		const result = assess({...base, stopLossPrice: '61000', leverage: '10', quantity: '0.1'});
		if (!result.ok) throw new Error('expected figures');
		expect(checkSizer(result.value.figures)).toBeUndefined();
	});
});
