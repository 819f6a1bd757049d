/**
 * A hostile exchange page against the **release** build in Chromium (`node build.mjs --release`, into a temp dir):
 * a page script that defines the old panel element name first (and asks for its ElementInternals, which handed
 * out the closed shadow root), clicks our buttons with `.click()` and dispatched events, hides the host, reads the
 * host's attributes, and spoofs the digits of the size input three ways. The order page is the Binance USDⓈ-M
 * fixture (cross, set to 100x so the default "confirm" gate holds a Buy) at its real URL; the page counts the
 * clicks that reach its own Buy handler, as an order placed.
 *
 * The release build has no data-* contract and a closed shadow root: this suite reads the panel the way no page
 * can, through the DevTools protocol (DOM.describeNode with pierce), and clicks our buttons from the page's world
 * with DOM.resolveNode + Runtime.callFunctionOn, as a page that had got hold of them would.
 *
 * Firefox, where cheap: the dev build (its shadow root is open, so the page reaches our buttons directly) on the
 * demo exchange: the page's clicks on "I understand" do nothing, its style changes to the host are undone, and a
 * right-to-left override in the size input is unread.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {CDPSession, Page} from 'playwright-core';
import type {Page as FirefoxPage} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {SEL, orderCount, setLeverage, waitForPanel, type PageDriver} from './demo-page.js';
import {buildIsolated, type Built} from '../unit/meta/isolated-build.js';
import {ROOT, launchChromium, launchFirefox, serveDemo, type ChromiumSession, type DemoServer, type FirefoxSession} from './harness.js';

/** The release build under test, made from a private copy of the sources (isolated-build.ts): `npm test` builds dev only. */
let built: Built;
let RELEASE_CHROME: string;
const FIXTURE = join(ROOT, 'test/fixtures/binance-usdm/2026-11-21-limit-cross-base.html');
const URL_ = 'https://www.binance.com/en/futures/BTCUSDT';

/** Runs in the page's own world before the content script mounts anything. */
const HOSTILE_SCRIPT = `<script>
window.__orders = 0;
window.__hostile = {constructed: 0, stolenRoots: 0};
customElements.define('liqguard-panel', class extends HTMLElement {
	constructor() {
		super();
		window.__hostile.constructed += 1;
		try { this.internals = this.attachInternals(); } catch (error) {}
	}
	connectedCallback() {
		// After the extension's attachShadow, ElementInternals.shadowRoot exposes even a closed root.
		queueMicrotask(() => { if (this.internals && this.internals.shadowRoot) window.__hostile.stolenRoots += 1; });
	}
});
// The exchange's own order handler: a click that reaches it places the order.
document.addEventListener('click', event => {
	if (event.target instanceof Element && event.target.closest('.bn-button__buy, .bn-button__sell')) window.__orders += 1;
});
</script>`;

function hostilePage(): string {
	const html = readFileSync(FIXTURE, 'utf8').replace('>20x<', '>100x<');
	expect(html).toContain('>100x<');
	return html.replace(/<head>/i, `<head>${HOSTILE_SCRIPT}`);
}

let chromium: ChromiumSession;
let page: Page;
let cdp: CDPSession;

/** A node inside the panel's (closed) shadow root, by selector: its CDP node id, or undefined. */
async function panelNode(selector: string): Promise<number | undefined> {
	const {root} = await cdp.send('DOM.getDocument', {depth: 1});
	const {nodeId: hostId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: ':root > div'});
	if (!hostId) return undefined;
	const {node} = await cdp.send('DOM.describeNode', {nodeId: hostId, depth: 1, pierce: true});
	const shadow = node.shadowRoots?.[0];
	if (!shadow) return undefined;
	const {nodeIds} = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {backendNodeIds: [shadow.backendNodeId]});
	const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: nodeIds[0]!, selector});
	return nodeId || undefined;
}

async function panelAttribute(selector: string, name: string): Promise<string | undefined> {
	const nodeId = await panelNode(selector);
	if (!nodeId) return undefined;
	const {attributes} = await cdp.send('DOM.getAttributes', {nodeId});
	const at = attributes.indexOf(name);
	return at === -1 ? undefined : attributes[at + 1];
}

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await read();
	while (!isDone(value) && Date.now() < deadline) {
		await page.waitForTimeout(50);
		value = await read();
	}
	return value;
}

/** The page's own world calls `.click()` and dispatches a click on one of our buttons. */
async function pageClicks(selector: string): Promise<void> {
	const nodeId = await panelNode(selector);
	expect(nodeId, selector).toBeDefined();
	const {object} = await cdp.send('DOM.resolveNode', {nodeId: nodeId!});
	await cdp.send('Runtime.callFunctionOn', {
		objectId: object.objectId!,
		functionDeclaration: 'function () { this.click(); this.dispatchEvent(new MouseEvent("click", {bubbles: true, composed: true, cancelable: true})); }',
	});
}

/** The page sets the size input (untrusted input event) and the panel's read of it is awaited. */
async function pageTypesSize(value: string, style = ''): Promise<void> {
	await page.evaluate(
		([text, css]) => {
			const input = document.querySelector<HTMLInputElement>('input[aria-label="Size"]')!;
			input.setAttribute('style', css);
			input.value = text;
			input.dispatchEvent(new Event('input', {bubbles: true}));
		},
		[value, style] as const,
	);
}

const sizeState = () => panelAttribute('dd[data-field="size"]', 'data-read-state');

beforeAll(async () => {
	built = await buildIsolated();
	RELEASE_CHROME = built.release.chrome;
	chromium = await launchChromium({extensionDir: RELEASE_CHROME});
	await chromium.context.route(/^https?:\/\//, route => route.abort());
	await chromium.routeFixture(URL_, hostilePage());
	page = await chromium.context.newPage();
	cdp = await chromium.context.newCDPSession(page);
	await page.goto(URL_);
	// Ready: the assessment of the 100x order is shown (the pill says danger).
	await until(() => panelAttribute('.pill', 'class'), value => value?.includes('danger') === true, 10_000);
});

afterAll(async () => {
	await chromium?.close();
	built?.cleanup();
});

describe('Chromium release build: a hostile page', () => {
	test('the build under test is the release one (no demo, minified)', () => {
		const manifest = JSON.parse(readFileSync(join(RELEASE_CHROME, 'manifest.json'), 'utf8')) as {host_permissions: string[]};
		expect(manifest.host_permissions.some(pattern => pattern.includes('localhost'))).toBe(false);
	});

	test('pre-defining the old custom element name gets the page nothing: the host is a plain div, no root to steal', async () => {
		expect(await panelAttribute('.pill', 'class')).toContain('danger');
		const seen = await page.evaluate(() => {
			const host = document.querySelector(':root > div') as HTMLElement | null;
			return {
				hostile: (window as unknown as {__hostile: {constructed: number; stolenRoots: number}}).__hostile,
				tag: host?.tagName,
				shadowRoot: host?.shadowRoot === null,
				customPanels: document.querySelectorAll('liqguard-panel').length,
			};
		});
		expect(seen).toEqual({hostile: {constructed: 0, stolenRoots: 0}, tag: 'DIV', shadowRoot: true, customPanels: 0});
	});

	test('the host carries no data-* contract a page could read (no prices, no gate state)', async () => {
		const names = await page.evaluate(() => [...(document.querySelector(':root > div')?.attributes ?? [])].map(attribute => attribute.name));
		expect(names).toEqual(['style']);
	});

	test('the gate holds the user\'s Buy; the page\'s .click() on "I understand" does not arm it; the next Buy is held too', async () => {
		await page.click('.bn-button__buy');
		expect(await page.evaluate(() => (window as unknown as {__orders: number}).__orders)).toBe(0);
		expect(await until(() => panelAttribute('[data-gate]', 'data-gate'), value => value === 'held')).toBe('held');
		await pageClicks('button[data-action="acknowledge"]');
		await page.waitForTimeout(200);
		expect(await panelAttribute('[data-gate]', 'data-gate')).toBe('held');
		await page.click('.bn-button__buy');
		expect(await page.evaluate(() => (window as unknown as {__orders: number}).__orders)).toBe(0);
	});

	test('the page\'s .click() on collapse collapses nothing', async () => {
		await pageClicks('button.icon');
		await page.waitForTimeout(100);
		expect(await panelNode('.body')).toBeDefined();
	});

	test('hiding the host (opacity, display, visibility, transform, pointer-events, clip-path, inert) is undone', async () => {
		const after = await page.evaluate(async () => {
			const host = document.querySelector(':root > div') as HTMLElement;
			host.style.opacity = '0';
			host.setAttribute('style', 'display:none!important;visibility:hidden!important;opacity:0!important;transform:scale(0)!important;pointer-events:none!important;clip-path:inset(50%)!important');
			host.setAttribute('inert', '');
			await new Promise(resolve => setTimeout(resolve, 50));
			const style = getComputedStyle(host);
			return {
				display: style.display,
				visibility: style.visibility,
				opacity: style.opacity,
				transform: style.transform,
				pointerEvents: style.pointerEvents,
				clipPath: style.clipPath,
				inert: host.hasAttribute('inert'),
				height: host.getBoundingClientRect().height > 0,
			};
		});
		expect(after).toEqual({display: 'block', visibility: 'visible', opacity: '1', transform: 'none', pointerEvents: 'auto', clipPath: 'none', inert: false, height: true});
	});

	test('code in our isolated world (a content-script compromise) can neither read nor write settings', async () => {
		// The content script's isolated world, found through the DevTools protocol (no page can reach it).
		const session = await chromium.context.newCDPSession(page);
		const contexts: {id: number; origin: string; auxData?: {type?: string}}[] = [];
		session.on('Runtime.executionContextCreated', event => contexts.push(event.context as never));
		await session.send('Runtime.enable');
		const isolated = contexts.find(context => context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://'));
		expect(isolated).toBeDefined();
		const {result} = await session.send('Runtime.evaluate', {
			contextId: isolated!.id,
			awaitPromise: true,
			returnByValue: true,
			expression: `(async () => {
				const attempt = async run => { try { await run(); return 'allowed'; } catch (error) { return 'refused'; } };
				return {
					syncSet: await attempt(() => chrome.storage.sync.set({settings: {schemaVersion: 1, gateMode: 'off'}})),
					syncGet: await attempt(() => chrome.storage.sync.get('settings')),
					localSet: await attempt(() => chrome.storage.local.set({e2eReplyDelayMs: 5000})),
				};
			})()`,
		});
		expect(result.value).toEqual({syncSet: 'refused', syncGet: 'refused', localSet: 'refused'});
		await session.detach();
	});

	test('spoofed digits are unread: a right-to-left override, letters glued as a fake unit, CSS bidi-override', async () => {
		expect(await sizeState()).toBe('ok');
		for (const [value, style] of [
			['\u202E050.0', ''], // shown as 0.050, code points 050.0
			['1OO', ''], // "1OO" with letter O, shown like 100
			['050.0', 'unicode-bidi: bidi-override; direction: rtl'], // shown as 0.050
		] as const) {
			await pageTypesSize(value, style);
			expect(await until(sizeState, state => state === 'unread'), JSON.stringify(value)).toBe('unread');
			await pageTypesSize('0.050');
			expect(await until(sizeState, state => state === 'ok'), 'restored').toBe('ok');
		}
	});
});

describe('Firefox dev build (open shadow root): the page reaches our buttons and still cannot act for the user', () => {
	let demo: DemoServer;
	let firefox: FirefoxSession;
	let ffPage: FirefoxPage;
	let driver: PageDriver;

	beforeAll(async () => {
		demo = await serveDemo();
		firefox = await launchFirefox();
		ffPage = await firefox.browser.newPage();
		driver = {
			click: selector => ffPage.locator(selector).click(),
			fill: (selector, text) => ffPage.locator(selector).fill(text),
			press: (selector, key) => ffPage.locator(selector).click().then(() => ffPage.keyboard.press(key as 'Enter')),
			evaluate: fn => ffPage.evaluate(fn),
		};
	});

	afterAll(async () => {
		await firefox?.close();
		await demo?.close();
	});

	test('.click() on "I understand" leaves the hold in place; hiding the host is undone; an RLO size is unread', async () => {
		await ffPage.goto(demo.url('/demo/?tick=0'));
		await waitForPanel(driver, {'data-state': 'needs-input'}, 10_000);
		await setLeverage(driver, 100);
		await driver.fill(SEL.price, '60000');
		await driver.fill(SEL.size, '0.5');
		await waitForPanel(driver, {'data-state': 'ready', 'data-leverage': '100', 'data-quantity': '0.5'});
		const before = await orderCount(driver);
		await ffPage.locator(SEL.sell).click();
		await waitForPanel(driver, {'data-gate': 'held'});
		const seen = await ffPage.evaluate(async () => {
			const host = document.querySelector('[data-liqguard-panel]') as HTMLElement;
			const button = host.shadowRoot!.querySelector('[data-action="acknowledge"]') as HTMLElement;
			button.click();
			button.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
			host.style.opacity = '0';
			host.setAttribute('inert', '');
			await new Promise(resolve => setTimeout(resolve, 200));
			return {tag: host.tagName, gate: host.dataset.gate, opacity: getComputedStyle(host).opacity, inert: host.hasAttribute('inert')};
		});
		expect(seen).toEqual({tag: 'DIV', gate: 'held', opacity: '1', inert: false});
		await ffPage.locator(SEL.sell).click();
		expect(await orderCount(driver)).toBe(before);
		await ffPage.evaluate(() => {
			const input = document.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!;
			input.value = '\u202E5.0';
			input.dispatchEvent(new Event('input', {bubbles: true}));
		});
		await waitForPanel(driver, {'data-quantity': ''});
		expect(await ffPage.$eval('pierce/[data-field="size"]', element => element.getAttribute('data-read-state'))).toBe('unread');
	});
});
