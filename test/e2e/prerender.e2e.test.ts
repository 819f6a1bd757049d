/**
 * A page prerendered by Speculation Rules, then shown: Chrome runs content scripts in the prerendered document,
 * whose messages carry a non-zero frameId (https://github.com/w3c/webextensions/issues/396), and a port keeps the
 * sender it was opened with. The panel must still reach its answer once the user navigates to the page.
 * Dev build (the demo exchange at http://localhost:<port>/demo/): run `node build.mjs` first.
 *
 * Driven by puppeteer-core, not Playwright: with Playwright attached, Chromium cancels every prerender
 * ("PrerenderingDisabledByDevTools", Preload.prerenderStatusUpdated), so the page would never be prerendered.
 */
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join} from 'node:path';
import puppeteer, {type Browser} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {panelAttributesScript} from './demo-page.js';
import {assertBuilt, CHROMIUM_ARGS, CHROMIUM_PATH, DIST_CHROME, DIST_DEMO} from './harness.js';

const START_PAGE = `<!doctype html><html><head><title>start</title>
<script type="speculationrules">{"prerender": [{"source": "list", "urls": ["/demo/"]}]}</script>
</head><body><a id="go" href="/demo/">Trade</a></body></html>`;

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
	server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
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
	origin = `http://localhost:${(server.address() as AddressInfo).port}`;
	assertBuilt(DIST_CHROME);
	browser = await puppeteer.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		ignoreDefaultArgs: ['--disable-extensions'],
		args: [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`, ...CHROMIUM_ARGS],
	});
});

afterAll(async () => {
	await browser?.close();
	await new Promise(done => server?.close(done));
});

describe('Chromium: a prerendered exchange page', () => {
	test('the worker answers the panel once the prerendered page is shown', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}/start.html`);
		// Let the prerender load (and its content script run) before the user navigates.
		await new Promise(resolve => setTimeout(resolve, 2500));
		await page.click('#go');
		await new Promise(resolve => setTimeout(resolve, 300));
		const activationStart = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & {activationStart?: number}).activationStart ?? 0);
		// The page really was prerendered (else this test proves nothing about prerendering).
		expect(activationStart).toBeGreaterThan(0);
		const deadline = Date.now() + 5000;
		let state: string | undefined;
		while (Date.now() < deadline) {
			state = (await page.evaluate(panelAttributesScript))?.['data-state'];
			if (state === 'ready' || state === 'needs-input') break;
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		// The worker answered this document (the demo form opens without a size: needs-input), not 'error'/'reading'.
		expect(['ready', 'needs-input']).toContain(state);
	});
});
