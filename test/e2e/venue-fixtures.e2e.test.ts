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

/** Adapters rebuilt from the venues' own front-end source: every state of theirs runs, not only the first. */
const EVERY_FIXTURE = new Set(['dydx-v4', 'gmx-v2', 'okx-swap']);

function firstFixturePerAdapter(): Fixture[] {
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
			if (!EVERY_FIXTURE.has(adapter.id)) break;
		}
	}
	return fixtures;
}

const FIXTURES = firstFixturePerAdapter();
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
		if (EVERY_FIXTURE.has(fixture.adapter)) {
			// The panel reads the side, and shows a liquidation price — or, where the page lacks a field ("-missing-"
			// fixtures: logged out, no balance for a cross order, no leverage), says what it needs instead.
			expect(attributes?.['data-side']).toBe(ok(fixture.draft.side) ?? 'both');
			expect(attributes?.['data-state']).toBe(/-missing-/.test(fixture.name) ? 'needs-input' : 'ready');
			// OKX BTC-USDT-SWAP has no bundled tier table: its figures use the nearest end of OKX's tier-1 range.
			const side = attributes?.['data-side'];
			for (const each of ['long', 'short'] as const) {
				if (attributes?.['data-state'] === 'ready' && (side === each || side === 'both')) {
					expect(Number(attributes[`data-liquidation-price-${each}`]), JSON.stringify(attributes)).toBeGreaterThan(0);
				}
			}
		}
		expect(chromium.foreignRequests.filter(url => !url.startsWith(new URL(fixture.url).origin) && !isMarketData(url))).toEqual([]);
		// The market-data APIs are unreachable here: nothing may claim live parameters.
		expect(attributes?.['data-market-source']).not.toBe('live');
	});
});
