/**
 * The trader's words for what LiqGuard could not compute, rendered through the real messages.json (formatMessage),
 * as the popup shows them; the panel reads the same keys.
 */
import {describe, expect, test} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import {formatMessage} from '../../../src/core/messages.js';
import type {AssessInput, InputIssue} from '../../../src/core/types.js';
import {explainIssue, explainNeed, renderMessage, type Explanation} from '../../../src/ui/explain-issue.js';
import {demoDraft} from '../messaging/draft-fixture.js';

const text = ({reason, fix}: Explanation) => ({reason: renderMessage(reason, formatMessage), fix: fix && renderMessage(fix, formatMessage)});

function issuesOf(input: AssessInput): readonly InputIssue[] {
	const result = assess(input);
	if (result.ok) throw new Error('expected a refusal');
	return result.issues;
}

const btc: AssessInput = {venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', quantity: '1', entryPrice: '60000', leverage: '125'};

describe('engine issues in trader words', () => {
	test("125x × 1 BTC names Binance's cap for a 60,000 position and the size 125x allows", () => {
		// Binance BTCUSDT brackets (src/core/data/tiers.ts): 125x below 50,000 notional, 100x from 50,000 to 600,000.
		expect(text(explainIssue(issuesOf(btc)[0]!, 'BTCUSDT'))).toEqual({
			reason: "125x is above Binance USDⓈ-M's limit for a 60,000.00 USDT position (100x up to 600,000.00).",
			fix: 'lower the leverage to 100x, or the size to 0.833333 (under 50,000.00 USDT), the most 125x allows.',
		});
	});

	test('100x × 11 BTC: 660,000 is in the 75x bracket; 100x is allowed just under 600,000', () => {
		expect(text(explainIssue(issuesOf({...btc, quantity: '11', leverage: '100'})[0]!, 'BTCUSDT'))).toEqual({
			reason: "100x is above Binance USDⓈ-M's limit for a 660,000.00 USDT position (75x up to 3,000,000.00).",
			fix: 'lower the leverage to 75x, or the size to 9.999999 (under 600,000.00 USDT), the most 100x allows.',
		});
	});

	test('a leverage no bracket allows says only to lower it', () => {
		expect(text(explainIssue(issuesOf({...btc, leverage: '150'})[0]!, 'BTCUSDT')).fix).toBe('lower the leverage to 100x or less.');
	});

	test('a market without tier data: no maintenance rate, and what to do instead', () => {
		expect(text(explainIssue(issuesOf({...btc, venue: 'bybit-linear', symbol: 'SOLUSDT', entryPrice: '150', leverage: '10'})[0]!))).toEqual({
			reason: 'No maintenance rate for SOLUSDT on Bybit USDT perpetual: LiqGuard has no tier table for this market, so it computes no liquidation price.',
			fix: "enter the market's maintenance rate in the popup's calculator, or pick the market's tier; until then, check the exchange's own liquidation estimate.",
		});
	});

	test('a leverage that opens liquidated names the ceiling', () => {
		const issue = issuesOf({venue: 'custom', side: 'long', quantity: '1', entryPrice: '100', leverage: '28', maintenanceMarginRate: '0.0363'})[0]!;
		expect(text(explainIssue(issue))).toEqual({
			reason: 'At 28x the margin is below the maintenance requirement: the position would be liquidated as it opens.',
			fix: 'keep the leverage under 27.54x.',
		});
	});

	test('a venue with one maximum (Aster Simple) names it', () => {
		const issue = issuesOf({venue: 'aster-simple', side: 'long', initialMargin: '10', entryPrice: '60000', leverage: '1500'}).find(found => found.field === 'leverage')!;
		expect(text(explainIssue(issue)).reason).toBe("1,500x is above Aster Simple (1001x)'s maximum of 1,001x.");
	});

	test.each([
		['price 0', {entryPrice: '0'}, 'Price must be above 0.'],
		['garbage size', {quantity: 'abc'}, 'Size is not a number LiqGuard can use.'],
		['cross without a balance', {marginMode: 'cross', leverage: '10'}, 'Balance is missing.'],
	] as const)('%s: the field by its label, never the engine key', (_name, patch, reason) => {
		const explained = text(explainIssue(issuesOf({...btc, ...patch} as AssessInput)[0]!));
		expect(explained.reason).toBe(reason);
		expect(explained.reason).not.toMatch(/entryPrice|quantity|walletBalance/);
	});
});

describe('fields the math needs, from what the page showed', () => {
	const need = (patch: Parameters<typeof demoDraft>[0], field: 'size' | 'leverage' | 'price' | 'balance' = 'size') => {
		const draft = demoDraft(patch);
		const assessment = assessDraft(draft);
		expect(assessment.state).toBe('needs-input');
		expect(assessment.needs).toContain(field);
		return text(explainNeed(field, draft));
	};

	test.each([
		['0', {size: {state: 'ok', value: {value: '0', unit: 'base'}}}, 'Size reads 0: 0 is not a size.'],
		['negative', {size: {state: 'ok', value: {value: '-0.5', unit: 'base'}}}, 'Size reads -0.5: it must not be negative.'],
		['garbage', {size: {state: 'unread', reason: 'unparseable', text: 'abc'}}, 'Size reads "abc", which is not a number.'],
		['1e309', {size: {state: 'unread', reason: 'unparseable', text: '1e309'}}, 'Size reads "1e309": too large to be an order.'],
		['40 digits', {size: {state: 'unread', reason: 'unparseable', text: '1'.repeat(40)}}, `Size reads "${'1'.repeat(40)}": too large to be an order.`],
		['1.234,5', {size: {state: 'unread', reason: 'unparseable', text: '1.234,5'}}, `Size reads "1.234,5": it uses ',' as the decimal mark, which LiqGuard will not guess at.`],
		['0,5', {size: {state: 'unread', reason: 'ambiguous', text: '0,5'}}, `Size reads "0,5": it uses ',' as the decimal mark, which LiqGuard will not guess at.`],
		['1,234 (ambiguous)', {size: {state: 'unread', reason: 'ambiguous', text: '1,234'}}, 'Size reads "1,234": the separator could mean decimals or thousands.'],
		['empty', {size: {state: 'empty'}}, 'Size is empty.'],
		['not on the page', {size: {state: 'unread', reason: 'not-found'}}, 'Size: not found on this page.'],
	] as const)('size %s', (_name, patch, reason) => {
		expect(need(patch as never).reason).toBe(reason);
	});

	test('leverage 0 and a cross order without a balance', () => {
		expect(need({leverage: {state: 'ok', value: '0'}}, 'leverage').reason).toBe('Leverage reads 0: it must be above 0.');
		expect(need({marginMode: {state: 'ok', value: 'cross'}, balance: {state: 'unread', reason: 'not-found'}}, 'balance')).toEqual({
			reason: 'Cross margin puts the whole balance behind the order, and the balance is not read.',
			fix: 'show the available balance in the order form, or switch to isolated margin.',
		});
	});

	test('a price that reads 0 is named as such', () => {
		expect(need({price: {state: 'ok', value: '0'}}, 'price').reason).toBe('Price reads 0: it must be above 0.');
	});
});
