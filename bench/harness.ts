/**
 * The bench's own harness: the built dev extension (dist/chrome: the demo adapter exists only there) in Debian's
 * Chromium through playwright-core, and a local server for the demo exchange and the busy page.
 */
import {existsSync, readFileSync, rmSync, mkdtempSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {chromium, type BrowserContext, type CDPSession, type Page} from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
const DIST_CHROME = join(ROOT, 'dist/chrome');
const DIST_DEMO = join(ROOT, 'dist/demo');
/** The busy page, at the demo's trade route (the demo adapter matches http://localhost/demo/*). */
export const BUSY_PATH = '/demo/futures/BTCUSDT';
export const SIZE_SELECTOR = 'input[id^="unitAmount-"]';

export type Server = {origin: string; close(): Promise<void>};

/** dist/demo at /demo/ (other /demo/ paths get index.html, as an SPA host does) and bench/busy.html at BUSY_PATH. */
export async function serve(): Promise<Server> {
	if (!existsSync(join(DIST_DEMO, 'demo.js'))) throw new Error('dist/demo is missing: run `node build.mjs` first');
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const asset = /^\/demo\/(demo\.(?:js|css))$/.exec(path)?.[1];
		const file = asset ? join(DIST_DEMO, asset) : path.startsWith(BUSY_PATH) ? join(ROOT, 'bench/busy.html') : path.startsWith('/demo') ? join(DIST_DEMO, 'index.html') : '';
		if (!file) return void response.writeHead(404).end();
		const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
		response.writeHead(200, {'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store'}).end(readFileSync(file));
	});
	await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
	const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
	return {origin, close: () => new Promise(done => server.close(() => done()))};
}

/**
 * The same server at a host LiqGuard has no content script for: Chromium resolves every `*.localhost` to the
 * loopback. Another site, so another renderer process (CDP figures are per process).
 */
export const controlOrigin = (origin: string) => origin.replace('//localhost:', '//bench-control.localhost:');

export type Session = {context: BrowserContext; extensionId: string; chromium: string; close(): Promise<void>};

export async function launch(): Promise<Session> {
	if (!existsSync(join(DIST_CHROME, 'manifest.json'))) throw new Error('dist/chrome is missing: run `node build.mjs` first');
	const profile = mkdtempSync(join(tmpdir(), 'liqguard-bench-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport: {width: 1280, height: 860},
		args: [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`, '--no-sandbox', '--disable-gpu',
			'--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	// tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; page.evaluate ships their source as is.
	await context.addInitScript('globalThis.__name = globalThis.__name || (f => f)');
	const worker = context.serviceWorkers().find(each => each.url().startsWith('chrome-extension://'))
		?? await context.waitForEvent('serviceworker', {timeout: 10_000});
	const page = context.pages()[0] ?? await context.newPage();
	const cdp = await context.newCDPSession(page);
	const {product} = (await cdp.send('Browser.getVersion')) as {product: string};
	await cdp.detach();
	return {
		context,
		extensionId: new URL(worker.url()).host,
		chromium: product.replace(/^\w+\//, ''),
		close: async () => {
			await context.close();
			rmSync(profile, {recursive: true, force: true});
		},
	};
}

/**
 * A tab in a window of its own: tabs opened with `context.newPage()` share one window where only the last renders
 * frames; a `window.open` popup gets its own, and in headless Chromium every window is visible.
 */
export async function openWindow(context: BrowserContext, url: string): Promise<{page: Page; cdp: CDPSession}> {
	const opener = context.pages()[0] ?? await context.newPage();
	const [page] = await Promise.all([context.waitForEvent('page'), opener.evaluate(target => void window.open(target, '_blank', 'popup,width=1280,height=860'), url)]);
	await page.waitForLoadState('load');
	return {page, cdp: await context.newCDPSession(page)};
}

/**
 * Resolves when LiqGuard's panel has an answer. Polled by a plain `page.evaluate`, not `page.waitForFunction`,
 * which leaves Playwright's injected script (≈ 0.5 MB of heap) in the page for good.
 */
export async function waitForPanel(page: Page, limitMs = 10_000): Promise<void> {
	await page.evaluate(limit => new Promise<void>((resolve, reject) => {
		const started = performance.now();
		const poll = () => {
			const state = document.querySelector('[data-liqguard-panel]')?.getAttribute('data-state');
			if (state === 'needs-input' || state === 'ready') resolve();
			else if (performance.now() - started > limit) reject(new Error(`LiqGuard's panel had no answer within ${limit} ms`));
			else setTimeout(poll, 50);
		};
		poll();
	}), limitMs);
}
