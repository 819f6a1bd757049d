/**
 * No false all-clear, in the built extension in Chromium: an order LiqGuard cannot compute never shows ✓, the one
 * the venue would refuse is held, a cross order's loss is stated in proportion, and "I understand" covers only the
 * order it was shown for.
 */
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {SEL, orderCount, setLeverage, setMarginMode, waitForPanel, type PageDriver, playwrightDriver} from './demo-page.js';
import {ROOT, launchChromium, serveDemo, type ChromiumSession, type DemoServer} from './harness.js';

let demo: DemoServer;
let chromium: ChromiumSession;
let page: Page;
let driver: PageDriver;

const OKX_URL = 'https://www.okx.com/trade-swap/btc-usdt-swap';
const OKX_FIXTURE = join(ROOT, 'test/fixtures/okx-swap/2026-04-07-limit-isolated-left-po-form.html');

const panelText = () => page.locator(`${SEL.panel} section.panel`).textContent();
const pillText = () => page.locator(`${SEL.panel} .pill`).textContent();

async function fillOrder(order: {leverage: number; price: string; size: string; mode?: 'Cross' | 'Isolated'}) {
	await setMarginMode(driver, order.mode ?? 'Isolated');
	await setLeverage(driver, order.leverage);
	await page.locator(SEL.price).first().fill(order.price);
	await page.locator(SEL.size).first().fill(order.size);
	return waitForPanel(driver, {
		'data-state': 'ready',
		'data-leverage': String(order.leverage),
		'data-quantity': order.size,
		'data-margin-mode': (order.mode ?? 'Isolated').toLowerCase(),
	});
}

beforeAll(async () => {
	demo = await serveDemo();
	chromium = await launchChromium();
	// Only the demo server and the one fixture page are served; any other request goes nowhere (no market data).
	await chromium.context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, route => route.abort());
	await chromium.routeFixture(OKX_URL, OKX_FIXTURE);
	page = await chromium.context.newPage();
	driver = playwrightDriver(page);
	await page.goto(demo.url('/demo/?tick=0'));
	await waitForPanel(driver, {'data-state': 'needs-input'});
});

afterAll(async () => {
	await chromium?.close();
	await demo?.close();
});

describe('Chromium: no false all-clear on the demo page', () => {
	test("125x × 1 BTC: danger, Binance's cap for the size named, Buy/Long held", async () => {
		const attributes = await fillOrder({leverage: 125, price: '60000', size: '1'});
		expect(attributes['data-not-computed']).toBe('long short');
		expect(attributes['data-liquidation-price-long']).toBe('');
		await expect.poll(pillText).toBe('Danger');
		const text = await panelText();
		expect(text).not.toContain('✓');
		expect(text).not.toContain('No warnings at your thresholds.');
		// Binance BTCUSDT brackets: 100x from 50,000 to 600,000 notional; 125x only below 50,000 (0.833333 BTC at 60,000).
		expect(text).toContain("125x is above Binance USDⓈ-M's limit for a 60,000.00 USDT position (100x up to 600,000.00).");
		expect(text).toContain('or the size to 0.833333 (under 50,000.00 USDT), the most 125x allows.');
		const before = await orderCount(driver);
		await page.locator(SEL.buy).click();
		await waitForPanel(driver, {'data-gate': 'held'});
		expect(await orderCount(driver)).toBe(before);
		await expect(page.locator(`${SEL.panel} [data-gate="held"]`).textContent()).resolves.toContain('125x is above');
	});

	test('a size the parser refuses says why, and never shows ✓', async () => {
		await page.locator(SEL.size).first().fill('0');
		await waitForPanel(driver, {'data-state': 'needs-input', 'data-leverage': '125'});
		await expect.poll(() => page.locator(`${SEL.panel} [data-needs]`).textContent()).toContain('0 is not a size.');
		expect(await pillText()).toBe('?');
	});

	test('a cross 600 USDT order: what the order can lose, beside the balance that backs it', async () => {
		await fillOrder({leverage: 10, price: '60000', size: '0.01', mode: 'Cross'});
		// Both sides are shown (the demo form has two buttons); the short's loss has no floor, the long's does.
		const risk = page.locator(`${SEL.panel} li[data-rule="risk-per-trade"][data-side="long"]`);
		// 0.01 BTC long at 60,000: no liquidation above 0, so the move to 0 takes its 600 (6 % of 10,000), not 100 %.
		await expect.poll(() => risk.textContent()).toContain(
			'Without a stop-loss this order can lose about 600.00 (6.0 % of your account); on cross margin, if other positions fail, the whole 10,000.00 backs them.',
		);
		expect(await risk.getAttribute('data-severity')).toBe('warn');
		// The short has no floor (its liquidation is far above): its whole-balance figure stands, the long's does not.
		expect(await risk.textContent()).not.toContain('100.0 %');
		// No danger stands on the long side: Buy/Long is not held.
		const before = await orderCount(driver);
		await page.locator(SEL.buy).click();
		await expect.poll(() => orderCount(driver)).toBe(before + 1);
	});

	test('"I understand" ends when the order changes: size, then side', async () => {
		await fillOrder({leverage: 100, price: '60000', size: '0.5'});
		const before = await orderCount(driver);
		await page.locator(SEL.buy).click();
		await waitForPanel(driver, {'data-gate': 'held'});
		await page.locator(`${SEL.panel} [data-action="acknowledge"]`).click();
		await waitForPanel(driver, {'data-gate': 'armed'});
		// A different size: the allowance was for 0.5 BTC.
		await page.locator(SEL.size).first().fill('0.6');
		await waitForPanel(driver, {'data-state': 'ready', 'data-quantity': '0.6', 'data-gate': ''});
		await page.locator(SEL.buy).click();
		await waitForPanel(driver, {'data-gate': 'held'});
		expect(await orderCount(driver)).toBe(before);
		// Acknowledged for Buy/Long: a Sell/Short of the same size is another order.
		await page.locator(`${SEL.panel} [data-action="acknowledge"]`).click();
		await waitForPanel(driver, {'data-gate': 'armed'});
		await page.locator(SEL.sell).click();
		await waitForPanel(driver, {'data-gate': 'held'});
		expect(await orderCount(driver)).toBe(before);
	});
});

describe('Chromium: OKX page with no market data', () => {
	test('every field read, no tier data: a range over OKX\'s documented tier-1 rates, marked as such, never ✓', async () => {
		const okx = await chromium.context.newPage();
		await okx.goto(OKX_URL);
		let attributes: Record<string, string> | undefined;
		await expect
			.poll(async () => {
				attributes = await okx.evaluate(() => {
					const host = document.querySelector('[data-liqguard-panel]');
					return host ? Object.fromEntries([...host.attributes].map(attribute => [attribute.name, attribute.value])) : undefined;
				});
				return attributes?.['data-state'];
			}, {timeout: 5000})
			.toBe('ready');
		expect(attributes?.['data-venue']).toBe('okx-swap');
		expect(attributes?.['data-not-computed']).toBe('');
		expect(attributes?.['data-market-source']).toBe('range');
		const text = (await okx.locator('[data-liqguard-panel] section.panel').textContent()) ?? '';
		expect(text).not.toContain('✓');
		expect(text).not.toContain('No warnings at your thresholds.');
		// The reason, in the source line: the rate is unknown, the figures span OKX's tier-1 rates 0.5 %–1 %.
		expect(text).toMatch(/Maintenance rate unknown: figures use the nearest end of 0\.5 ?% to 1 ?%/);
		// The liquidation price itself is shown as a range, marked as an estimate.
		expect(await okx.locator('[data-liqguard-panel] td.liq').first().textContent()).toMatch(/^≈ between [\d,.]+ and [\d,.]+/);
		expect(await okx.locator('[data-liqguard-panel] .pill').textContent()).not.toBe('✓');
		await okx.close();
	});
});
