// @vitest-environment happy-dom
/**
 * The generic adapter reads the demo page without venue-specific code (fixtures from different venues:
 * generic.test.ts). The demo page builds its order form with
 * JavaScript, so this runs the page's own module (src/demo/demo.ts) in happy-dom on /demo/futures/BTCUSDT with
 * `?tick=0` (frozen mark price and countdown), fills the form as a user would, and checks that the generic
 * adapter reads what the page shows: price, size, leverage, side, margin mode, TP/SL.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import generic from '../../../src/adapters/generic.js';

const DEMO_HTML = readFileSync(path.resolve(import.meta.dirname, '../../../src/demo/index.html'), 'utf8');
const hint = 'Is the generic adapter wrong? Fix its label reading (no venue-specific code). Did the demo page change? Update this test.';

const $ = <T extends Element = HTMLElement>(selector: string) => {
	const element = document.querySelector<T>(selector);
	if (!element) throw new Error(`demo page has no ${selector}`);
	return element;
};

function type(input: HTMLInputElement, value: string) {
	input.value = value;
	input.dispatchEvent(new Event('input', {bubbles: true}));
}

function read() {
	const result = generic.read(document);
	expect(result.found, `generic found no order form on the demo page. ${hint}`).toBe(true);
	if (!result.found) throw new Error('no form');
	return result.draft;
}

function okValue(field: unknown) {
	const read = field as {state: string; value?: unknown};
	return read.state === 'ok' ? read.value : read;
}

beforeAll(async () => {
	history.replaceState(null, '', '/demo/futures/BTCUSDT?tick=0');
	document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(DEMO_HTML)![1]!;
	// demo.ts is a page script (not a module): import it by path so it runs once against this document.
	const demoScript = path.resolve(import.meta.dirname, '../../../src/demo/demo.ts');
	await import(/* @vite-ignore */ demoScript);
});

describe('generic adapter on the demo page (rendered by src/demo/demo.ts)', () => {
	it('renders the BTCUSDT order form', () => {
		expect($('[data-testid="symbol"]').textContent).toBe('BTCUSDT');
		expect($('[data-testid="order-form"]')).toBeTruthy();
	});

	it('reads a limit order with its price, size, leverage, side and cross margin as the page shows them', () => {
		type($<HTMLInputElement>('input[id^="unitAmount-"]'), '0.25');
		const draft = read();
		const shownPrice = $<HTMLInputElement>('input[id^="limitPrice-"]').value; // "60000.0"
		const shownLeverage = $('[data-testid="leverage-button"]').textContent; // "20x"
		expect(okValue(draft.orderType), `generic order type. ${hint}`).toBe('limit');
		expect(okValue(draft.price), `generic price vs the page's "${shownPrice}". ${hint}`).toBe(String(Number(shownPrice)));
		expect(okValue(draft.size), `generic size vs the page's 0.25 ${$('[data-testid="size-unit"]').textContent?.trim().slice(0, 3)}. ${hint}`).toEqual({value: '0.25', unit: 'base'});
		expect(okValue(draft.leverage), `generic leverage vs the page's "${shownLeverage}". ${hint}`).toBe('20');
		expect(okValue(draft.marginMode), `generic margin mode vs the page's "${$('[data-testid="margin-mode"]').textContent}". ${hint}`).toBe('cross');
		// Buy/Long and Sell/Short are both offered and neither is chosen: docs/adapters.md says 'both'.
		expect(okValue(draft.side), `generic side with both buttons shown. ${hint}`).toBe('both');
		// TP/SL off: not set.
		expect(draft.takeProfit.state, `generic take-profit with TP/SL off. ${hint}`).not.toBe('ok');
		expect(draft.stopLoss.state, `generic stop-loss with TP/SL off. ${hint}`).not.toBe('ok');
	});

	it('follows the user: isolated margin, Market tab (no price), TP/SL ticked and typed', () => {
		$<HTMLButtonElement>('[data-testid="margin-mode"]').click();
		expect($('[data-testid="margin-mode"]').textContent).toBe('Isolated');
		$<HTMLElement>('[data-tab-key="MARKET"]').click();
		expect(document.querySelector('[data-testid="price-field"]'), 'the demo removes the price field on Market').toBeNull();
		const toggle = $<HTMLInputElement>('[data-testid="tpsl-toggle"]');
		toggle.checked = true;
		toggle.dispatchEvent(new Event('change', {bubbles: true}));
		type($<HTMLInputElement>('[data-testid="tp-price"]'), '66000');
		type($<HTMLInputElement>('[data-testid="sl-price"]'), '57500.5');
		type($<HTMLInputElement>('input[id^="unitAmount-"]'), '0.4');

		const draft = read();
		expect(okValue(draft.orderType), `generic order type on the Market tab. ${hint}`).toBe('market');
		expect(draft.price.state, `generic price on the Market tab (no price field). ${hint}`).not.toBe('ok');
		expect(okValue(draft.size), `generic size. ${hint}`).toEqual({value: '0.4', unit: 'base'});
		expect(okValue(draft.leverage), `generic leverage. ${hint}`).toBe('20');
		expect(okValue(draft.marginMode), `generic margin mode after switching to Isolated. ${hint}`).toBe('isolated');
		expect(okValue(draft.side), `generic side. ${hint}`).toBe('both');
		expect(okValue(draft.takeProfit), `generic take-profit vs the page's 66000. ${hint}`).toBe('66000');
		expect(okValue(draft.stopLoss), `generic stop-loss vs the page's 57500.5. ${hint}`).toBe('57500.5');
	});

	it('reads the size unit from the unit <select>, not from nearby "USDT"/"TP" chips of other fields', () => {
		const unit = $<HTMLSelectElement>('[data-testid="size-unit"]');
		unit.value = 'USDT';
		unit.dispatchEvent(new Event('change', {bubbles: true}));
		type($<HTMLInputElement>('input[id^="unitAmount-"]'), '1500');
		expect(okValue(read().size), `generic size with the unit select on USDT. ${hint}`).toEqual({value: '1500', unit: 'quote'});
		unit.value = 'BTC';
		$<HTMLElement>('[data-tab-key="LIMIT"]').click(); // the price field (with its "USDT" chip) comes back
		type($<HTMLInputElement>('input[id^="unitAmount-"]'), '0.5');
		expect(okValue(read().size), `generic size with the unit select on BTC next to a price field in USDT. ${hint}`).toEqual({value: '0.5', unit: 'base'});
	});
});
