/**
 * In real Chromium: the isolated-margin reminder on the demo page (shows on cross with the blast
 * radius, reacts to the options page without a reload, snooze for this tab), the per-tab draft the popup
 * prefills from, and user-added sites (script registration and injection by the background).
 *
 * Not automated: the browser's permission prompt. `permissions.request` needs a user gesture and shows a
 * native dialog no automation API accepts (Playwright's grantPermissions covers web permissions, not extension
 * host permissions). So the popup's button is not clicked here. Instead:
 * - with the normal build, `useOnSite` sent from the popup page is refused to register/inject while the
 *   permission is missing;
 * - with a copy of the build whose manifest already lists the test origin as a host permission (so
 *   `permissions.contains` is true, as after the user accepted the prompt), the same typed message registers
 *   and injects the content script; removing the site from settings unregisters it. `permissions.remove` cannot
 *   take back a manifest permission, so the revocation itself is covered only by unit tests (sites.ts).
 */
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {formatAmount} from '../../src/ui/format.js';
import {SEL, setLeverage, setMarginMode, waitForPanel, type PageDriver} from './demo-page.js';
import {DIST_CHROME, ROOT, launchChromium, serveDemo, type ChromiumSession, type DemoServer} from './harness.js';

const REMINDER = `${SEL.panel} [data-reminder="isolated"]`;
const SITE = 'https://trade.example-perps.test';
// A generic order form for a user-added site; kept out of test/fixtures (those are venue captures with sidecars).
const GENERIC_FIXTURE = join(ROOT, 'test/e2e/pages/simple-perps.html');

function driverOf(target: Page): PageDriver {
	return {
		click: selector => target.locator(selector).first().click(),
		fill: (selector, text) => target.locator(selector).first().fill(text),
		press: (selector, key) => target.locator(selector).first().press(key),
		evaluate: fn => target.evaluate(fn),
	};
}

/** The tab id of `page`, asked from an extension page (tabs.query by URL needs the host permission, which the demo has). */
async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
	return extensionPage.evaluate(async pattern => {
		const [tab] = await chrome.tabs.query({url: pattern});
		return tab?.id ?? -1;
	}, url);
}

describe('isolated-margin reminder on the demo page', () => {
	let demo: DemoServer;
	let chromium: ChromiumSession;
	let page: Page;
	let driver: PageDriver;
	let extensionPage: Page;

	beforeAll(async () => {
		demo = await serveDemo();
		chromium = await launchChromium();
		page = await chromium.context.newPage();
		driver = driverOf(page);
		extensionPage = await chromium.context.newPage();
		await extensionPage.goto(`chrome-extension://${chromium.extensionId}/options.html`);
		await page.bringToFront();
		await page.goto(demo.url('/demo/?tick=0'));
		await waitForPanel(driver, {'data-state': 'needs-input'});
	});

	afterAll(async () => {
		await chromium?.close();
		await demo?.close();
	});

	test('on cross the panel shows the reminder with the blast radius and the how-to; the tab draft is stored for the popup', async () => {
		await setMarginMode(driver, 'Cross');
		await setLeverage(driver, 20);
		await page.locator(SEL.price).first().fill('60000');
		await page.locator(SEL.size).first().fill('0.5');
		await waitForPanel(driver, {'data-state': 'ready', 'data-margin-mode': 'cross', 'data-quantity': '0.5'});
		await expect.poll(() => page.locator(REMINDER).count()).toBe(1);
		const radius = await page.locator(`${REMINDER} [data-blast-radius]`).getAttribute('data-blast-radius');
		// The demo's available balance (10,000 USDT) is what backs a cross order.
		expect(radius).toBe('10000');
		const text = await page.locator(REMINDER).textContent();
		expect(text).toContain(formatAmount('10000'));
		expect(text).toContain('Isolated');
		// The how-to is the locale's sentence for the venue (the worker reads it through chrome.i18n), not its key.
		expect(text).toContain('Click "Cross" at the top of the order form and choose "Isolated"');
		expect(text).not.toContain('venue_isolated_howto');

		// Prefill: the background keeps the latest validated draft of the tab in storage.session, written at most once a
		// second per tab (the last draft within 1 s).
		const tabId = await tabIdOf(extensionPage, `${demo.origin}/demo/*`);
		expect(tabId).toBeGreaterThanOrEqual(0);
		const stored = () => extensionPage.evaluate(async key => (await chrome.storage.session.get(key))[key], `draft:${tabId}`);
		await expect.poll(stored, {timeout: 3000}).toMatchObject({adapter: 'demo', marginMode: {state: 'ok', value: 'cross'}, size: {state: 'ok', value: {value: '0.5'}}});
	});

	test('turning reminders off in the options page hides it in the open tab without a reload, and on again shows it', async () => {
		const checkbox = extensionPage.getByLabel('Remind me when an order form is on cross margin');
		await checkbox.uncheck();
		await extensionPage.getByRole('button', {name: 'Save'}).click();
		await extensionPage.getByText('Saved. Open tabs use the new settings now.').waitFor();
		await expect.poll(() => page.locator(REMINDER).count()).toBe(0);
		// Same document: the form kept its values, the panel is still ready.
		await waitForPanel(driver, {'data-state': 'ready', 'data-margin-mode': 'cross'});

		await checkbox.check();
		await extensionPage.getByRole('button', {name: 'Save'}).click();
		await expect.poll(() => page.locator(REMINDER).count()).toBe(1);
	});

	test('isolated margin shows no reminder', async () => {
		await setMarginMode(driver, 'Isolated');
		await waitForPanel(driver, {'data-state': 'ready', 'data-margin-mode': 'isolated'});
		await expect.poll(() => page.locator(REMINDER).count()).toBe(0);
		await setMarginMode(driver, 'Cross');
		await expect.poll(() => page.locator(REMINDER).count()).toBe(1);
	});

	test('"Snooze for this tab" hides it for this tab only, stored in storage.session by the background', async () => {
		await page.locator(`${REMINDER} [data-action="snooze-reminder"]`).click();
		await expect.poll(() => page.locator(REMINDER).count()).toBe(0);
		const tabId = await tabIdOf(extensionPage, `${demo.origin}/demo/*`);
		const snoozed = await extensionPage.evaluate(async key => (await chrome.storage.session.get(key))[key], `reminderSnoozed:${tabId}`);
		expect(snoozed).toBe(true);
		// A changed form is re-assessed, still without the reminder in this tab.
		await page.locator(SEL.size).first().fill('0.4');
		await waitForPanel(driver, {'data-state': 'ready', 'data-quantity': '0.4', 'data-margin-mode': 'cross'});
		expect(await page.locator(REMINDER).count()).toBe(0);

		// Another tab on cross still gets the reminder.
		const other = await chromium.context.newPage();
		await other.goto(demo.url('/demo/?tick=0'));
		const otherDriver = driverOf(other);
		await waitForPanel(otherDriver, {'data-state': 'needs-input'});
		await setMarginMode(otherDriver, 'Cross');
		await setLeverage(otherDriver, 20);
		await other.locator(SEL.price).first().fill('60000');
		await other.locator(SEL.size).first().fill('0.5');
		await waitForPanel(otherDriver, {'data-state': 'ready', 'data-margin-mode': 'cross'});
		await expect.poll(() => other.locator(REMINDER).count()).toBe(1);

		// Un-snoozing from an extension page (as the popup does) pushes a refresh to the snoozed tab.
		await extensionPage.evaluate(async key => chrome.storage.session.remove(key), `reminderSnoozed:${tabId}`);
		await expect.poll(() => page.locator(REMINDER).count()).toBe(1);
		await other.close();
	});
});

describe('user-added site (generic adapter, scripting)', () => {
	let chromium: ChromiumSession;
	let grantedDir: string | undefined;

	afterAll(async () => {
		await chromium?.close();
		if (grantedDir) rmSync(grantedDir, {recursive: true, force: true});
	});

	async function openSite(session: ChromiumSession): Promise<{page: Page; popup: Page; tabId: number}> {
		await session.routeFixture(`${SITE}/**`, GENERIC_FIXTURE);
		const page = await session.context.newPage();
		await page.goto(`${SITE}/trade/BTC-PERP`);
		const popup = await session.context.newPage();
		await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
		// Without the host permission neither URL nor title is visible to tabs.query: the site's tab is the newest
		// one before this popup tab.
		const tabId = await popup.evaluate(async () => {
			const own = (await chrome.tabs.getCurrent())?.id;
			const ids = (await chrome.tabs.query({})).map(tab => tab.id ?? -1).filter(id => id !== own);
			return Math.max(-1, ...ids);
		});
		expect(tabId).toBeGreaterThanOrEqual(0);
		return {page, popup, tabId};
	}

	async function addSite(popup: Page, venue: string): Promise<void> {
		// What the popup's button does after the permission prompt: save the site with its venue model.
		await popup.evaluate(
			async ([origin, model]) => {
				const {settings} = await chrome.storage.sync.get('settings');
				await chrome.storage.sync.set({settings: {...(settings ?? {schemaVersion: 1}), customSites: [{origin, venue: model}]}});
			},
			[SITE, venue] as const,
		);
	}

	const useOnSite = (popup: Page, tabId: number) =>
		popup.evaluate(([origin, tab]) => chrome.runtime.sendMessage({app: 'liqguard', name: 'useOnSite', data: {origin, tabId: tab}}), [SITE, tabId] as const);

	test('without the granted permission the background registers and injects nothing', async () => {
		chromium = await launchChromium();
		const {page, popup, tabId} = await openSite(chromium);
		await addSite(popup, 'hyperliquid');
		await expect(useOnSite(popup, tabId)).resolves.toEqual({ok: true, value: {registered: false, injected: false}});
		const scripts = await popup.evaluate(() => chrome.scripting.getRegisteredContentScripts());
		expect(scripts).toEqual([]);
		await page.waitForTimeout(300);
		expect(await page.locator(SEL.panel).count()).toBe(0);
		await chromium.close();
	});

	test('with the permission granted: registered persistently, injected at once with the chosen venue model; removing the site unregisters it', async () => {
		// A copy of the build that already holds the test origin's host permission (what the prompt grants).
		grantedDir = mkdtempSync(join(tmpdir(), 'liqguard-granted-'));
		cpSync(DIST_CHROME, grantedDir, {recursive: true});
		const manifestPath = join(grantedDir, 'manifest.json');
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {host_permissions: string[]};
		manifest.host_permissions.push(`${SITE}/*`);
		writeFileSync(manifestPath, JSON.stringify(manifest));
		chromium = await launchChromium({extensionDir: grantedDir});
		const {page, popup, tabId} = await openSite(chromium);
		expect(await page.locator(SEL.panel).count()).toBe(0);

		await addSite(popup, 'hyperliquid');
		await expect(useOnSite(popup, tabId)).resolves.toEqual({ok: true, value: {registered: true, injected: true}});
		const driver = driverOf(page);
		const attributes = await waitForPanel(driver, {'data-venue': 'hyperliquid', 'data-margin-mode': 'cross'});
		expect(attributes['data-leverage']).toBe('10');
		const scripts = await popup.evaluate(() => chrome.scripting.getRegisteredContentScripts());
		expect(scripts).toMatchObject([{id: `site:${SITE}`, matches: [`${SITE}/*`], js: ['content.js'], runAt: 'document_start', persistAcrossSessions: true}]);

		// A reload runs the registered script at document_start.
		await page.reload();
		await waitForPanel(driver, {'data-venue': 'hyperliquid'});

		// The venue model follows the settings at once.
		await addSite(popup, 'bybit-linear');
		await waitForPanel(driver, {'data-venue': 'bybit-linear'});

		// Removing the site in the options page (Remove, Save) unregisters the script.
		const options = await chromium.context.newPage();
		await options.goto(`chrome-extension://${chromium.extensionId}/options.html`);
		await options.getByRole('button', {name: `Remove ${SITE}`}).click();
		await options.getByRole('button', {name: 'Save'}).click();
		await expect.poll(() => popup.evaluate(() => chrome.scripting.getRegisteredContentScripts()), {timeout: 5000}).toEqual([]);
		// The open page's session ends (siteVenue now answers null) and a reload starts nothing.
		await expect.poll(() => page.locator(SEL.panel).count()).toBe(0);
		await page.reload();
		await page.waitForTimeout(500);
		expect(await page.locator(SEL.panel).count()).toBe(0);
	});
});
