/**
 * The built dist/firefox in Firefox ESR (puppeteer-core over WebDriver BiDi, https://pptr.dev/webdriver-bidi), on the
 * demo exchange page: the same contract as in Chromium, launched once for the file.
 */
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {SEL, orderCount, setLeverage, setMarginMode, waitForPanel, type PageDriver} from './demo-page.js';
import {isolatedLiquidationPrice, launchFirefox, relativeError, serveDemo, type DemoServer, type FirefoxSession} from './harness.js';

let demo: DemoServer;
let firefox: FirefoxSession;
let page: Page;
let driver: PageDriver;
const pageErrors: string[] = [];

beforeAll(async () => {
	demo = await serveDemo();
	firefox = await launchFirefox();
	page = await firefox.browser.newPage();
	page.on('pageerror', error => pageErrors.push(String(error)));
	driver = {
		click: selector => page.locator(selector).click(),
		fill: selector => page.locator(selector).fill(''),
		press: (selector, key) => page.locator(selector).click().then(() => page.keyboard.press(key as 'Enter')),
		evaluate: fn => page.evaluate(fn),
	};
	driver.fill = (selector, text) => page.locator(selector).fill(text);
});

afterAll(async () => {
	await firefox?.close();
	await demo?.close();
});

describe('Firefox: panel on the demo exchange', () => {
	test('typing price, size and leverage shows the isolated liquidation price for both sides', async () => {
		await page.goto(demo.url('/demo/?tick=0'));
		await waitForPanel(driver, {'data-state': 'needs-input'}, 10_000);
		await setMarginMode(driver, 'Isolated');
		await setLeverage(driver, 50);
		await driver.fill(SEL.price, '60000');
		await driver.fill(SEL.size, '0.5');
		const attributes = await waitForPanel(driver, {'data-state': 'ready', 'data-leverage': '50', 'data-quantity': '0.5', 'data-margin-mode': 'isolated'});
		const input = {quantity: 0.5, entryPrice: 60_000, leverage: 50, maintenanceMarginRate: 0.004};
		expect(relativeError(attributes['data-liquidation-price-long'] ?? '', isolatedLiquidationPrice({...input, side: 'long'}))).toBeLessThan(1e-9);
		expect(relativeError(attributes['data-liquidation-price-short'] ?? '', isolatedLiquidationPrice({...input, side: 'short'}))).toBeLessThan(1e-9);
	});

	test('an unreadable size is marked unread', async () => {
		await driver.fill(SEL.size, 'abc');
		await waitForPanel(driver, {'data-state': 'needs-input', 'data-quantity': ''});
		const readState = await page.$eval(`pierce/[data-field="size"]`, element => element.getAttribute('data-read-state'));
		expect(readState).toBe('unread');
	});

	test('confirm mode holds a dangerous Sell/Short until "I understand"', async () => {
		await setLeverage(driver, 100);
		await driver.fill(SEL.size, '0.5');
		await waitForPanel(driver, {'data-state': 'ready', 'data-leverage': '100', 'data-quantity': '0.5'});
		const before = await orderCount(driver);
		await page.locator(SEL.sell).click();
		await waitForPanel(driver, {'data-gate': 'held'});
		expect(await orderCount(driver)).toBe(before);
		await page.locator('pierce/[data-action="acknowledge"]').click();
		await waitForPanel(driver, {'data-gate': 'armed'});
		await page.locator(SEL.sell).click();
		await expect.poll(() => orderCount(driver)).toBe(before + 1);
	});

	test('SPA navigation restarts the panel on the new market', async () => {
		await page.locator('nav a[href="/demo/futures/ETHUSDT"]').click();
		await waitForPanel(driver, {'data-symbol': 'ETHUSDT', 'data-state': 'needs-input'});
		expect(pageErrors).toEqual([]);
	});
});
