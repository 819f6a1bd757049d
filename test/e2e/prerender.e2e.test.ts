/**
 * A page prerendered by Speculation Rules, then shown: Chrome runs content scripts in the prerendered document,
 * whose messages carry a non-zero frameId (https://github.com/w3c/webextensions/issues/396), and a port keeps the
 * sender it was opened with. The panel must still reach its answer once the user navigates to the page.
 * Dev build (the demo exchange at http://localhost:<port>/demo/): run `node build.mjs` first.
 *
 * Driven by puppeteer-core, not Playwright: with Playwright attached, Chromium cancels every prerender
 * ("PrerenderingDisabledByDevTools", Preload.prerenderStatusUpdated), so the page would never be prerendered.
 */
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join} from 'node:path';
import puppeteer, {type Browser} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {assertBuilt, CHROMIUM_ARGS, CHROMIUM_PATH, DIST_CHROME, DIST_DEMO, ROOT} from './harness.js';

/** A user-added site (its host resolved to the test server, see launch) and the generic venue page it serves. */
const SITE = 'http://perp.test';
const GENERIC_PAGE = readFileSync(join(ROOT, 'test/e2e/pages/simple-perps.html'), 'utf8');
const SITE_START = `<!doctype html><html><head><title>start</title>
<script type="speculationrules">{"prerender": [{"source": "list", "urls": ["/trade/BTC-PERP"]}]}</script>
</head><body><a id="go" href="/trade/BTC-PERP">Trade</a></body></html>`;

const START_PAGE = `<!doctype html><html><head><title>start</title>
<script type="speculationrules">{"prerender": [{"source": "list", "urls": ["/demo/"]}]}</script>
</head><body><a id="go" href="/demo/">Trade</a></body></html>`;

let browser: Browser;
let server: Server;
let origin: string;
let port: number;
let grantedDir: string | undefined;

/** Chromium with `extensionDir`; perp.test resolves to the test server. */
function launch(extensionDir: string): Promise<Browser> {
	return puppeteer.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		ignoreDefaultArgs: ['--disable-extensions'],
		args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--host-resolver-rules=MAP perp.test:80 127.0.0.1:${port}`, ...CHROMIUM_ARGS],
	});
}

/** Requests the server saw: path and `Sec-Purpose` (Chromium sends "prefetch;prerender" for a prerender). */
const requests: {path: string; purpose: string}[] = [];

/**
 * The draft the worker stored for a tab (the popup's prefill, written when it answers an evaluateDraft): proof that
 * the worker answered the page's content script. Read in the worker, not the page: after a prerender activation
 * puppeteer's page handle can keep pointing at the swapped-out frame.
 */
async function answeredDraft(adapter: string): Promise<{adapter: string; venue: string} | undefined> {
	const worker = await extensionWorker();
	const deadline = Date.now() + 5000;
	while (Date.now() < deadline) {
		const drafts = await worker.evaluate(async () => Object.entries(await chrome.storage.session.get(null)).filter(([key]) => key.startsWith('draft:')).map(([, value]) => value as {adapter: string; venue: string}));
		const found = drafts.find(draft => draft.adapter === adapter);
		if (found) return {adapter: found.adapter, venue: found.venue};
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	return undefined;
}

async function extensionWorker() {
	const target = await browser.waitForTarget(candidate => candidate.type() === 'service_worker' && candidate.url().startsWith('chrome-extension://'));
	const worker = (await target.worker())!;
	// Just after launch the worker's context can answer before the extension APIs are bound to it.
	for (let attempt = 0; attempt < 50 && !(await worker.evaluate(() => typeof chrome !== 'undefined' && chrome.storage !== undefined)); attempt++) {
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	return worker;
}

/** The page at `path` was fetched as a prerender and never fetched again (the click activated it). */
function wasPrerendered(path: string): boolean {
	const own = requests.filter(request => request.path === path);
	return own.length === 1 && own[0]!.purpose.includes('prerender');
}

beforeAll(async () => {
	server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		requests.push({path, purpose: String(request.headers['sec-purpose'] ?? '')});
		if (request.headers.host === 'perp.test') {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(path === '/start.html' ? SITE_START : GENERIC_PAGE);
			return;
		}
		if (path === '/start.html') {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(START_PAGE);
			return;
		}
		const file = /^\/demo\/(demo\.(?:js|css))$/.exec(path)?.[1] ?? (path.startsWith('/demo') ? 'index.html' : undefined);
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		const type = extname(file) === '.js' ? 'text/javascript' : extname(file) === '.css' ? 'text/css' : 'text/html; charset=utf-8';
		response.writeHead(200, {'content-type': type}).end(readFileSync(join(DIST_DEMO, file)));
	});
	await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
	port = (server.address() as AddressInfo).port;
	origin = `http://localhost:${port}`;
	assertBuilt(DIST_CHROME);
	browser = await launch(DIST_CHROME);
});

afterAll(async () => {
	await browser?.close();
	if (grantedDir) rmSync(grantedDir, {recursive: true, force: true});
	await new Promise(done => server?.close(done));
});

describe('Chromium: a prerendered exchange page', () => {
	test('the worker answers the panel once the prerendered page is shown', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}/start.html`);
		// Let the prerender load (and its content script run) before the user navigates.
		await new Promise(resolve => setTimeout(resolve, 2500));
		await page.click('#go');
		// The worker answered the shown page's reads (the demo adapter's draft), and the page was the prerendered one.
		expect(await answeredDraft('demo')).toEqual({adapter: 'demo', venue: 'binance-usdm'});
		expect(wasPrerendered('/demo/')).toBe(true);
	});

	test('a user-added site prerendered, then shown: its session starts (siteVenue is not asked while prerendering)', async () => {
		await browser.close();
		// A copy of the build that already holds the site's host permission (what the popup's prompt grants).
		grantedDir = mkdtempSync(join(tmpdir(), 'liqguard-prerender-'));
		cpSync(DIST_CHROME, grantedDir, {recursive: true});
		const manifest = JSON.parse(readFileSync(join(grantedDir, 'manifest.json'), 'utf8')) as {host_permissions: string[]};
		manifest.host_permissions.push(`${SITE}/*`);
		writeFileSync(join(grantedDir, 'manifest.json'), JSON.stringify(manifest));
		browser = await launch(grantedDir);
		const worker = await extensionWorker();
		await worker.evaluate(async site => {
			await chrome.storage.sync.set({settings: {schemaVersion: 1, customSites: [{origin: site, venue: 'hyperliquid'}]}});
		}, SITE);
		// What the popup's button does after the prompt: useOnSite registers the site's content script.
		const extensionId = new URL(worker.url()).host;
		const popup = await browser.newPage();
		await popup.goto(`chrome-extension://${extensionId}/popup.html`);
		await popup.evaluate(site => chrome.runtime.sendMessage({app: 'liqguard', name: 'useOnSite', data: {origin: site, tabId: 0}}), SITE);
		await popup.close();
		const deadline = Date.now() + 5000;
		let ids: string[] = [];
		while (Date.now() < deadline && ids.length === 0) {
			ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map(script => script.id));
			if (ids.length === 0) await new Promise(resolve => setTimeout(resolve, 50));
		}
		expect(ids).toEqual([`site:${SITE}`]);
		const page = await browser.newPage();
		await page.goto(`${SITE}/start.html`);
		await new Promise(resolve => setTimeout(resolve, 2500));
		await page.click('#go');
		expect(await answeredDraft('generic')).toEqual({adapter: 'generic', venue: 'hyperliquid'});
		expect(wasPrerendered('/trade/BTC-PERP')).toBe(true);
	});
});
