// @vitest-environment happy-dom
/** The popup's refusals in a trader's words: the same sentences as the panel, no engine keys. */
import {cleanup, render} from '@testing-library/preact';
import {afterEach, expect, test} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {IssueList} from '../../../src/popup/results.js';

afterEach(cleanup);

function refusal(input: Parameters<typeof assess>[0]) {
	const result = assess(input);
	if (result.ok) throw new Error('expected a refusal');
	return result.issues;
}

test('SOLUSDT on Bybit without a rate: says what is missing and what to do, not "maintenanceMarginRate is required"', () => {
	const issues = refusal({venue: 'bybit-linear', symbol: 'SOLUSDT', side: 'long', quantity: '10', entryPrice: '150', leverage: '10'});
	const {container} = render(<IssueList issues={issues} symbol="SOLUSDT" />);
	const text = container.textContent ?? '';
	expect(text).toBe(
		"No maintenance rate for SOLUSDT on Bybit USDT perpetual: LiqGuard has no tier table for this market, so it computes no liquidation price. To fix: enter the market's maintenance rate in the popup's calculator, or pick the market's tier; until then, check the exchange's own liquidation estimate.",
	);
	expect(text).not.toMatch(/maintenanceMarginRate|is required/);
});

test('125x × 1 BTC: the cap for the size and the size the leverage allows', () => {
	const issues = refusal({venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', quantity: '1', entryPrice: '60000', leverage: '125'});
	const {container} = render(<IssueList issues={issues} symbol="BTCUSDT" />);
	expect(container.querySelector('li')?.getAttribute('data-code')).toBe('above-venue-max');
	expect(container.textContent).toBe(
		"125x is above Binance USDⓈ-M's limit for a 60,000.00 USDT position (100x up to 600,000.00). To fix: lower the leverage to 100x, or the size to 0.833333 (under 50,000.00 USDT), the most 125x allows.",
	);
});

test("a cross order's own loss is shown beside the wallet that backs it", async () => {
	const {AssessmentView} = await import('../../../src/popup/results.js');
	const result = assess({venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'cross', quantity: '0.01', entryPrice: '60000', leverage: '10', walletBalance: '10000'});
	if (!result.ok) throw new Error('expected figures');
	const {getByTestId} = render(<AssessmentView assessment={result.value} />);
	// 0.01 BTC long at 60,000 with no liquidation above 0: the move to 0 takes 600 of the 10,000.
	expect(getByTestId('cross-exposure').textContent).toBe('10,000.00');
	expect(getByTestId('order-max-loss').textContent).toBe('600.00');
});
