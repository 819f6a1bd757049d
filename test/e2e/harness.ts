/**
 * Shared launch harness for the e2e suites (https://playwright.dev/docs/chrome-extensions for Chromium,
 * https://pptr.dev/webdriver-bidi for Firefox).
 *
 * - `launchChromium()`: Debian's Chromium through playwright-core with the built `dist/chrome` loaded; extension
 *   id, the service worker, `stopServiceWorkers()` over CDP, `routeFixture()` to serve a fixture file at an
 *   exchange's real URL, and a recorder of every network request that is not to an allowed host.
 * - `launchFirefox()`: Firefox ESR through puppeteer-core (WebDriver BiDi) with `dist/firefox` installed as a
 *   temporary add-on.
 * - `serveDemo()`: the demo exchange page (`dist/demo`) on http://localhost:<random port>/demo/.
 *
 * Run `npm run build` first (`npm test` does).
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {extname, join, resolve} from 'node:path';
import {chromium, type BrowserContext, type Page, type Worker} from 'playwright-core';
import puppeteer, {type Browser as PuppeteerBrowser} from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST_CHROME = join(ROOT, 'dist/chrome');
export const DIST_FIREFOX = join(ROOT, 'dist/firefox');
export const DIST_DEMO = join(ROOT, 'dist/demo');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** No sandbox (the tests run as root), no GPU, no background traffic of Chromium's own. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.map': 'application/json',
};

export function assertBuilt(dir: string): void {
	if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run build\` first`);
}

export type DemoServer = {origin: string; url(path?: string): string; close(): Promise<void>};

/** Serves dist/demo at /demo/ (every other path under /demo/ gets index.html, as an SPA host does). */
export async function serveDemo(port = 0): Promise<DemoServer> {
	assertBuilt(DIST_CHROME);
	const server: Server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		if (!path.startsWith('/demo')) {
			response.writeHead(404).end();
			return;
		}
		const file = /^\/demo\/(demo\.(?:js|css|js\.map))$/.exec(path)?.[1] ?? 'index.html';
		response.writeHead(200, {'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
		response.end(readFileSync(join(DIST_DEMO, file)));
	});
	await new Promise<void>(done => server.listen(port, '127.0.0.1', done));
	const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (path = '/demo/') => `${origin}${path}`,
		close: () => new Promise(done => server.close(() => done())),
	};
}

export type ChromiumSession = {
	context: BrowserContext;
	extensionId: string;
	/** The extension's current service worker (waits for one to start). */
	serviceWorker(): Promise<Worker>;
	/**
	 * A service worker of the extension other than `previous`: after `runtime.reload()` (same id for an unpacked
	 * extension) the old worker object may still be listed for a moment, so `serviceWorker()` could return it.
	 */
	serviceWorkerAfter(previous: Worker): Promise<Worker>;
	/** Stops every service worker, as Chrome does after 30 s idle (CDP ServiceWorker.stopAllWorkers). */
	stopServiceWorkers(page: Page): Promise<void>;
	/** Serves `html` (a string or a fixture file path) for every request matching `url`. */
	routeFixture(url: string | RegExp, html: string): Promise<void>;
	/** Requests to hosts other than `allowedHosts`, from any page, frame or worker of the context. */
	foreignRequests: string[];
	close(): Promise<void>;
};

export async function launchChromium(
	options: {
		allowedHosts?: readonly string[];
		headless?: boolean;
		extensionDir?: string;
		/**
		 * Starts the profile with developer mode on, as for anyone who loaded the extension unpacked by hand. Needed
		 * for `runtime.reload()`: without it Chromium 156 unloads the unpacked extension and leaves it disabled
		 * (its pages fail with ERR_BLOCKED_BY_CLIENT and no worker comes back).
		 */
		developerMode?: boolean;
	} = {},
): Promise<ChromiumSession> {
	const extensionDir = options.extensionDir ?? DIST_CHROME;
	assertBuilt(extensionDir);
	const profile = mkdtempSync(join(tmpdir(), 'liqguard-chromium-'));
	if (options.developerMode) {
		mkdirSync(join(profile, 'Default'));
		writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({extensions: {ui: {developer_mode: true}}}));
	}
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: options.headless ?? true,
		viewport: {width: 1280, height: 860},
		args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS],
	});
	const allowed = new Set(['localhost', '127.0.0.1', ...(options.allowedHosts ?? [])]);
	const foreignRequests: string[] = [];
	context.on('request', request => {
		const url = new URL(request.url());
		if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
		if (!allowed.has(url.hostname)) foreignRequests.push(request.url());
	});
	const serviceWorker = async () => {
		const existing = context.serviceWorkers().find(worker => worker.url().startsWith('chrome-extension://'));
		return existing ?? context.waitForEvent('serviceworker', {timeout: 10_000});
	};
	const extensionId = new URL((await serviceWorker()).url()).host;
	const serviceWorkerAfter = async (previous: Worker) => {
		const isNew = (worker: Worker) => worker !== previous && worker.url().startsWith(`chrome-extension://${extensionId}/`);
		// Listen before looking, so a worker that starts in between is not missed.
		const started = context.waitForEvent('serviceworker', {predicate: isNew, timeout: 10_000});
		const existing = context.serviceWorkers().find(isNew);
		if (existing) {
			started.catch(() => undefined);
			return existing;
		}
		return started;
	};
	return {
		context,
		extensionId,
		serviceWorker,
		serviceWorkerAfter,
		async stopServiceWorkers(page) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('ServiceWorker.enable');
			await cdp.send('ServiceWorker.stopAllWorkers');
			await cdp.detach();
		},
		async routeFixture(url, html) {
			const body = existsSync(html) ? readFileSync(html, 'utf8') : html;
			// Requests to the fixture's own host are the page's, not ours.
			const host = typeof url === 'string' ? /^[a-z]+:\/\/([^/*]+)/.exec(url)?.[1] : undefined;
			if (host) allowed.add(host);
			// Playwright matches without the fragment (an SPA's #/route), so the pattern must not carry one.
			const pattern = typeof url === 'string' ? url.replace(/#.*$/, '') : url;
			await context.route(pattern, route => route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body}));
		},
		foreignRequests,
		async close() {
			await context.close();
			rmSync(profile, {recursive: true, force: true});
		},
	};
}

/** The fixed internal UUID Firefox gives our add-on, so moz-extension:// URLs are predictable in tests. */
export const FIREFOX_EXTENSION_UUID = '5b1f0c6e-7a43-4d2e-9c1e-2f3a4b5c6d7e';

export type FirefoxSession = {browser: PuppeteerBrowser; extensionId: string; close(): Promise<void>};

export async function launchFirefox(options: {extensionDir?: string; headless?: boolean} = {}): Promise<FirefoxSession> {
	const extensionDir = options.extensionDir ?? DIST_FIREFOX;
	assertBuilt(extensionDir);
	const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
		browser_specific_settings: {gecko: {id: string}};
	};
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX_PATH,
		headless: options.headless ?? true,
		extraPrefsFirefox: {
			'extensions.webextensions.uuids': JSON.stringify({[manifest.browser_specific_settings.gecko.id]: FIREFOX_EXTENSION_UUID}),
		},
	});
	const extensionId = await browser.installExtension(extensionDir);
	return {browser, extensionId, close: () => browser.close()};
}

/** Expected isolated liquidation price, Binance-style, computed independently of the engine. */
export function isolatedLiquidationPrice(input: {
	side: 'long' | 'short';
	quantity: number;
	entryPrice: number;
	leverage: number;
	maintenanceMarginRate: number;
	maintenanceDeduction?: number;
}): number {
	const {quantity, entryPrice, leverage, maintenanceMarginRate: rate} = input;
	const deduction = input.maintenanceDeduction ?? 0;
	const margin = (quantity * entryPrice) / leverage;
	return input.side === 'long'
		? (quantity * entryPrice - margin - deduction) / (quantity * (1 - rate))
		: (quantity * entryPrice + margin + deduction) / (quantity * (1 + rate));
}

/** |a − b| / b, for comparing a decimal string from the page with an expected float. */
export function relativeError(actual: string | null, expected: number): number {
	if (actual === null || actual === '') return Number.POSITIVE_INFINITY;
	return Math.abs(Number(actual) - expected) / Math.abs(expected);
}
