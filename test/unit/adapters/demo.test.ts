// @vitest-environment happy-dom
/**
 * The demo adapter reads the demo page's numbers with the shared readers (dom-read.ts), like every venue adapter:
 * a hand-grouped "1234,567" is unread (not 1,234,567), a negative funding rate is read, the countdown is to the
 * second, and a size unit it does not know is no size in coins.
 */
import {beforeEach, expect, test} from 'vitest';
import {demo} from '../../../src/adapters/demo.js';

function page({size = '0.25', unit = 'BTC', funding = '0.0100%', countdown = '07:59:12'} = {}) {
	document.body.innerHTML = `
		<h1 data-testid="symbol">BTCUSDT</h1>
		<span data-testid="mark-price">60,012.3</span>
		<span data-testid="funding-rate">${funding}</span> / <span data-testid="funding-countdown">${countdown}</span>
		<form data-testid="order-form">
			<button type="button" data-testid="margin-mode">Cross</button><button type="button" data-testid="leverage-button">20x</button>
			<div data-testid="order-type" role="tablist"><button role="tab" aria-selected="true" data-tab-key="LIMIT">Limit</button></div>
			<b data-testid="available">10,000.00 USDT</b>
			<input id="limitPrice-1" value="60000.0">
			<input id="unitAmount-1" value="${size}"><select data-testid="size-unit"><option>${unit}</option></select>
			<input type="checkbox" data-testid="tpsl-toggle">
			<button type="submit" data-testid="buy-long">Buy/Long</button><button type="submit" data-testid="sell-short">Sell/Short</button>
		</form>`;
	const result = demo.read(document);
	if (!result.found) throw new Error('no form');
	return result.draft;
}

beforeEach(() => {
	document.body.innerHTML = '';
});

test('reads the page as shown', () => {
	const draft = page();
	expect(draft.price).toMatchObject({state: 'ok', value: '60000'});
	expect(draft.size).toMatchObject({state: 'ok', value: {value: '0.25', unit: 'base'}});
	expect(draft.leverage).toMatchObject({state: 'ok', value: '20'});
	expect(draft.marginMode).toMatchObject({state: 'ok', value: 'cross'});
	expect(draft.balance).toMatchObject({state: 'ok', value: '10000'});
	expect(draft.markPrice).toMatchObject({state: 'ok', value: '60012.3'});
	expect(draft.fundingRate).toMatchObject({state: 'ok', value: '0.0001'});
});

test('a size typed "1234,567" is unread, not 1,234,567', () => {
	expect(page({size: '1234,567'}).size.state).toBe('unread');
});

test('a negative funding rate "-0.0100%" is read', () => {
	expect(page({funding: '-0.0100%'}).fundingRate).toMatchObject({state: 'ok', value: '-0.0001'});
});

test('the funding countdown is read to the second, as on every venue', () => {
	expect(page({countdown: '07:59:12'}).fundingCountdownSeconds).toMatchObject({state: 'ok', value: String(7 * 3600 + 59 * 60 + 12)});
});

test('a size unit that names no coin ("") is no size in coins', () => {
	expect(page({unit: ''}).size.state).toBe('unread');
});
