/**
 * "Report a misread" in Firefox ESR (puppeteer-core over WebDriver BiDi): the save is an `<a download>` with a blob:
 * URL made by the content script inside the panel's shadow root. Firefox is told to save downloads to a temporary
 * folder without asking, and the test waits for the file there.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {SEL, setLeverage, setMarginMode, waitForPanel, type PageDriver} from './demo-page.js';
import {assertBuilt, DIST_FIREFOX, FIREFOX_PATH, serveDemo, type DemoServer} from './harness.js';

let demo: DemoServer;
let browser: Browser;
let page: Page;
let driver: PageDriver;
const downloads = mkdtempSync(join(tmpdir(), 'liqguard-ff-downloads-'));

beforeAll(async () => {
	assertBuilt(DIST_FIREFOX);
	demo = await serveDemo();
	browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX_PATH,
		headless: true,
		extraPrefsFirefox: {
			'browser.download.folderList': 2,
			'browser.download.dir': downloads,
			'browser.download.useDownloadDir': true,
			'browser.download.always_ask_before_handling_new_types': false,
			'browser.helperApps.neverAsk.saveToDisk': 'text/html',
		},
	});
	await browser.installExtension(DIST_FIREFOX);
	page = await browser.newPage();
	driver = {
		click: selector => page.locator(selector).click(),
		fill: (selector, text) => page.locator(selector).fill(text),
		press: (selector, key) => page.locator(selector).click().then(() => page.keyboard.press(key as 'Enter')),
		evaluate: fn => page.evaluate(fn),
	};
});

afterAll(async () => {
	await browser?.close();
	await demo?.close();
	rmSync(downloads, {recursive: true, force: true});
});

describe('Firefox: Report a misread on the demo exchange', () => {
	test('a real click saves the cleaned snapshot as an .html file', async () => {
		await page.goto(demo.url('/demo/futures/BTCUSDT?tick=0'));
		await waitForPanel(driver, {'data-state': 'needs-input'}, 10_000);
		await setMarginMode(driver, 'Isolated');
		await setLeverage(driver, 20);
		await driver.fill(SEL.price, '60000');
		await driver.fill(SEL.size, '0.05');
		await waitForPanel(driver, {'data-state': 'ready', 'data-leverage': '20', 'data-quantity': '0.05'});
		await page.locator('pierce/[data-action="report-misread"]').click();
		await page.locator('pierce/[data-snapshot="prepared"]').wait();
		await page.locator('pierce/[data-action="save-snapshot"]').click();
		const deadline = Date.now() + 10_000;
		let files: string[] = [];
		while (Date.now() < deadline) {
			// Firefox creates the empty target first and writes through a .part file: wait until that is gone.
			const names = existsSync(downloads) ? readdirSync(downloads) : [];
			files = names.filter(name => name.endsWith('.html'));
			if (files.length > 0 && !names.some(name => name.endsWith('.part')) && statSync(join(downloads, files[0]!)).size > 0) break;
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		expect(files).toEqual([expect.stringMatching(/^liqguard-snapshot-demo-\d{4}-\d{2}-\d{2}\.html$/)]);
		const html = readFileSync(join(downloads, files[0]!), 'utf8');
		expect(html).toContain('data-testid="order-form"');
		expect(html).not.toMatch(/<script|\son\w+=/i);
		expect(html).not.toContain('10,000.00');
	});
});
