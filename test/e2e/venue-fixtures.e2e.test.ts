/**
 * The built extension on saved venue pages served at the venues' real URLs by route interception (the fixtures
 * of test/fixtures/<adapter>/, one per adapter): the manifest's match patterns inject the content script, the
 * adapter reads the form and the panel's contract shows what the fixture's sidecar expects.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {ADAPTERS} from '../../src/adapters/index.js';
import type {OrderDraft} from '../../src/core/draft.js';
import {panelAttributesScript} from './demo-page.js';
import {ROOT, launchChromium, type ChromiumSession} from './harness.js';
import {connectSources} from '../../src/background/market-data/endpoints.js';

/** The worker's public market-data requests (aborted here: every fixture runs on the fallback). */
const isMarketData = (url: string) => connectSources().some(prefix => url.startsWith(prefix));

type Fixture = {adapter: string; html: string; url: string; draft: OrderDraft; name: string};

/** Every saved page of every venue whose sidecar says a form is there. */
function everyFixture(): Fixture[] {
	const fixtures: Fixture[] = [];
	const root = join(ROOT, 'test/fixtures');
	for (const adapter of ADAPTERS) {
		if (adapter.dynamicOnly || adapter.id === 'demo' || !existsSync(join(root, adapter.id))) continue;
		for (const file of readdirSync(join(root, adapter.id)).filter(name => name.endsWith('.html')).sort()) {
			const sidecarPath = join(root, adapter.id, file.replace(/\.html$/, '.json'));
			if (!existsSync(sidecarPath)) continue;
			const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as {url?: string; expected?: {found?: boolean; draft?: OrderDraft}};
			if (!sidecar.url || sidecar.expected?.found !== true || !sidecar.expected.draft) continue;
			fixtures.push({adapter: adapter.id, html: join(root, adapter.id, file), url: sidecar.url, draft: sidecar.expected.draft, name: file.replace(/\.html$/, '')});
		}
	}
	return fixtures;
}

const FIXTURES = everyFixture();

/**
 * What the panel needs before it can compute anything, read off the sidecar (what the page shows): a size, a
 * leverage, the entry price (a limit order's price, a market order's mark; either while the type is unread) and,
 * on cross margin, the balance. A "-missing-" page may lack only fields the math does without.
 */
function hasWhatTheMathNeeds(draft: OrderDraft): boolean {
	const isOk = (read: {state: string} | undefined) => read?.state === 'ok';
	const type = draft.orderType.state === 'ok' ? draft.orderType.value : undefined;
	const entry = type === 'market' ? isOk(draft.markPrice) : type === 'limit' ? isOk(draft.price) : isOk(draft.price) || isOk(draft.markPrice);
	const isCross = draft.marginMode.state === 'ok' && draft.marginMode.value === 'cross';
	return entry && isOk(draft.size) && isOk(draft.leverage) && (!isCross || isOk(draft.balance));
}

let chromium: ChromiumSession;
let page: Page;

beforeAll(async () => {
	chromium = await launchChromium();
	page = await chromium.context.newPage();
	// Fixture pages are inert snapshots: nothing but the page itself is served.
	await chromium.context.route(/^https?:\/\//, route => route.abort());
	for (const fixture of FIXTURES) await chromium.routeFixture(fixture.url, fixture.html);
});

afterAll(async () => {
	await chromium?.close();
});

describe('Chromium: saved venue pages at their real URLs', () => {
	test('there is at least one venue fixture to run', () => {
		expect(FIXTURES.length).toBeGreaterThan(0);
	});

	test.each(FIXTURES.map(fixture => [`${fixture.adapter}/${fixture.name}`, fixture] as const))('%s: the panel shows what the adapter reads', async (_id, fixture) => {
		await page.close();
		page = await chromium.context.newPage();
		// Several fixtures share a URL: the route registered last answers, so this one's is registered again.
		await chromium.routeFixture(fixture.url, fixture.html);
		await page.goto(fixture.url);
		const ok = <T,>(read: {state: string; value?: T}) => (read.state === 'ok' ? read.value : undefined);
		const expected: Record<string, string> = {'data-venue': fixture.draft.venue};
		const leverage = ok(fixture.draft.leverage);
		if (leverage !== undefined) expected['data-leverage'] = leverage;
		const mode = ok(fixture.draft.marginMode);
		if (mode !== undefined) expected['data-margin-mode'] = mode;
		const deadline = Date.now() + 5000;
		let attributes: Record<string, string> | undefined;
		while (Date.now() < deadline) {
			attributes = await page.evaluate(panelAttributesScript);
			if (attributes && ['ready', 'needs-input'].includes(attributes['data-state'] ?? '') && Object.entries(expected).every(([name, value]) => attributes?.[name] === value)) break;
			await page.waitForTimeout(50);
		}
		expect(attributes).toMatchObject(expected);
		expect(['ready', 'needs-input']).toContain(attributes?.['data-state']);
		// The panel reads the side, and for every side it offers shows a liquidation price or states why not (a side
		// not computed, with its reason in the panel); where the page lacks a field ("-missing-" fixtures: logged out,
		// no balance for a cross order, no leverage), it says what it needs instead. Figures name their source.
		expect(attributes?.['data-side']).toBe(ok(fixture.draft.side) ?? 'both');
		const isIncomplete = !hasWhatTheMathNeeds(fixture.draft);
		expect(attributes?.['data-state']).toBe(isIncomplete ? 'needs-input' : 'ready');
		if (attributes?.['data-state'] === 'ready') {
			const side = attributes['data-side'];
			const notComputed = (attributes['data-not-computed'] ?? '').split(' ');
			for (const each of ['long', 'short'] as const) {
				if (side !== each && side !== 'both') continue;
				if (notComputed.includes(each)) continue;
				const price = attributes[`data-liquidation-price-${each}`] ?? '';
				// A liquidation price, or none because it would be at or below zero (a long at low leverage).
				if (price !== '') expect(Number(price), JSON.stringify(attributes)).toBeGreaterThan(0);
				else expect(await page.locator('[data-liqguard-panel] td.liq').first().textContent(), JSON.stringify(attributes)).toMatch(/none|None/);
			}
			const anyComputed = ['long', 'short'].some(each => (side === each || side === 'both') && !notComputed.includes(each));
			if (anyComputed) expect(attributes['data-market-source'], JSON.stringify(attributes)).not.toBe('');
		}
		expect(chromium.foreignRequests.filter(url => !url.startsWith(new URL(fixture.url).origin) && !isMarketData(url))).toEqual([]);
		// The market-data APIs are unreachable here: nothing may claim live parameters.
		expect(attributes?.['data-market-source']).not.toBe('live');
	});
});
