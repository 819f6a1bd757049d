/**
 * Live market data end to end in Chromium. The worker's requests to the venues' public APIs are intercepted with
 * Playwright's `context.route` (which sees the extension service worker's fetches) and answered with the bodies of
 * test/fixtures/market-data (written by us in each venue's documented shape); every other request is aborted.
 * Venue pages are the saved fixtures of test/fixtures/<adapter>/ served at the venue's URL for the market under
 * test (the adapters read the market from the URL; the form's numbers are the fixture's).
 *
 * Expected liquidation prices are worked out by hand from the recorded tier, each in a comment, with the formula of
 * the venue's model (src/core/venues/*.ts headers).
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page, Route} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {panelAttributesScript} from './demo-page.js';
import {ROOT, launchChromium, relativeError, type ChromiumSession} from './harness.js';

const FIXTURES = join(ROOT, 'test/fixtures');
const API = join(FIXTURES, 'market-data');
const page = (adapter: string, file: string) => join(FIXTURES, adapter, `${file}.html`);

/** A fixture whose form names its market in the page (dYdX's header): the same form, on another market. */
function pageOn(adapter: string, file: string, from: string, to: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'liqguard-market-')), `${file}.html`);
	writeFileSync(path, readFileSync(page(adapter, file), 'utf8').replaceAll(from, to));
	return path;
}

/** The API answers: URL prefix → fixture body. */
const API_BODIES: [string, string][] = [
	['https://www.okx.com/api/v5/public/instruments?instType=SWAP', 'okx-instruments.json'],
	['https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=isolated&instFamily=BTC-USDT', 'okx-position-tiers-btc-usdt.json'],
	['https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=isolated&instFamily=ETH-USDT', 'okx-position-tiers-eth-usdt.json'],
	['https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USDT-SWAP', 'okx-funding-rate-btc-usdt-swap.json'],
	['https://www.okx.com/api/v5/public/funding-rate?instId=ETH-USDT-SWAP', 'okx-funding-rate-eth-usdt-swap.json'],
	['https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000', 'bybit-instruments.json'],
	['https://api.bybit.com/v5/market/risk-limit?category=linear&symbol=SOLUSDT', 'bybit-risk-limit-solusdt.json'],
	['https://api.hyperliquid.xyz/info', 'hyperliquid-meta.json'],
	['https://indexer.dydx.trade/v4/perpetualMarkets', 'dydx-perpetual-markets.json'],
	['https://arbitrum.gmxapi.io/v1/markets', 'gmx-markets.json'],
];
const API_HOSTS = ['www.okx.com/api/', 'api.bybit.com', 'api.hyperliquid.xyz', 'indexer.dydx.trade', 'arbitrum.gmxapi.io'];
const isApi = (url: string) => API_HOSTS.some(host => url.includes(`://${host}`));

type Mode = 'answer' | 'fail';

/** Routes: venue pages, API bodies (or HTTP 500), everything else aborted. Returns the API requests seen. */
async function setUp(session: ChromiumSession, mode: Mode, pages: readonly Case[]): Promise<string[]> {
	const seen: string[] = [];
	await session.context.route(/^https?:\/\//, route => route.abort());
	await session.context.route(
		url => isApi(url.href),
		async (route: Route) => {
			const url = route.request().url();
			seen.push(url);
			if (mode === 'fail') return route.fulfill({status: 500, contentType: 'text/plain', body: 'unavailable'});
			const match = API_BODIES.find(([prefix]) => url === prefix);
			return match
				? route.fulfill({status: 200, contentType: 'application/json', path: join(API, match[1])})
				: route.fulfill({status: 404, contentType: 'text/plain', body: 'no such market'});
		},
	);
	for (const item of pages) await session.routeFixture(item.url, item.html);
	return seen;
}

type Case = {name: string; url: string; html: string; long?: number; short?: number; label: string};

/**
 * One non-BTC market per venue with a public source, and OKX BTC-USDT-SWAP. Numbers read by the fixtures
 * (their .json sidecars): price, size, leverage; isolated margin M = notional / leverage throughout.
 */
const CASES: Case[] = [
	{
		// OKX 2026-04-07 form: limit 70,950.1, 12 contracts × 0.01 BTC = 0.12 BTC, 20x. 12 contracts → tier 1, mmr 0.4 %,
		// no deduction; OKX adds the taker fee 0.05 % to the rate. M/Q = 70,950.1 / 20 = 3,547.505.
		// Long (70,950.1 − 3,547.505) / (1 − 0.0045) = 67,402.595 / 0.9955 = 67,707.0768;
		// short (70,950.1 + 3,547.505) / 1.0045 = 74,497.605 / 1.0045 = 74,163.9672.
		name: 'OKX BTC-USDT-SWAP',
		url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
		html: page('okx-swap', '2026-04-07-limit-isolated-left-po-form'),
		long: 67402.595 / 0.9955,
		short: 74497.605 / 1.0045,
		label: 'OKX position tiers',
	},
	{
		// The same form on ETH-USDT-SWAP: 12 contracts × 0.1 ETH = 1.2 ETH at 70,950.1 (the fixture's price), 20x.
		// 12 contracts → ETH tier 1, mmr 0.5 % + taker 0.05 %: long 67,402.595 / 0.9945 = 67,775.3595;
		// short 74,497.605 / 1.0055 = 74,090.1094.
		name: 'OKX ETH-USDT-SWAP',
		url: 'https://www.okx.com/trade-swap/eth-usdt-swap',
		html: page('okx-swap', '2026-04-07-limit-isolated-left-po-form'),
		long: 67402.595 / 0.9945,
		short: 74497.605 / 1.0055,
		label: 'OKX position tiers',
	},
	{
		// Bybit form: market at mark 71,388.2, 1,500 USDT, 25x, isolated. Notional 1,500 → SOLUSDT tier 1 (up to
		// 200,000): MMR 1 %, deduction 0. UTA: LP = EP (1 ∓ 1/Lev) / (1 ∓ MMR):
		// long 71,388.2 × 0.96 / 0.99 = 69,225.0424; short 71,388.2 × 1.04 / 1.01 = 73,508.6713.
		name: 'Bybit SOLUSDT',
		url: 'https://www.bybit.com/trade/usdt/SOLUSDT',
		html: page('bybit-linear', '2026-11-21-market-isolated-usdt-size-tpsl'),
		long: (71388.2 * 0.96) / 0.99,
		short: (71388.2 * 1.04) / 1.01,
		label: 'Bybit risk limits',
	},
	{
		// Hyperliquid form: market short at mark 71,420, 250 USDC, 10x, isolated. SOL's table 54, tier 1 max 20x:
		// maintenance 1 / (2 × 20) = 2.5 %. Short (E + E/10) / (1 + 0.025) = 71,420 × 1.1 / 1.025 = 76,646.8293.
		name: 'Hyperliquid SOL',
		url: 'https://app.hyperliquid.xyz/trade/SOL',
		html: page('hyperliquid', '2026-11-21-market-short-isolated-usdc-size'),
		short: (71420 * 1.1) / 1.025,
		label: 'Hyperliquid margin tables',
	},
	{
		// dYdX form (its BTC-USD page, shown on SOL-USD): limit long 71,000, 0.02, 5x, isolated (backed by its margin at
		// the entry). SOL-USD MMF 3 %: (E − E/5) / (1 − 0.03) = 71,000 × 0.8 / 0.97 = 58,556.7010.
		name: 'dYdX SOL-USD',
		url: 'https://dydx.trade/trade/SOL-USD',
		html: pageOn('dydx-v4', '2026-12-04-limit-long-isolated-tpsl', 'BTC-USD', 'SOL-USD'),
		long: (71000 * 0.8) / 0.97,
		label: 'dYdX indexer markets',
	},
	{
		// GMX form (ETH/USD): market long at the mark 3,456.78, 5,000 USD, 10x: collateral 500, close fee 5,000 × 0.06 % =
		// 3. ETH min collateral factor 0.5 % → 25 (above the 1 USD floor). LP = (25 − (500 − 3) + 5,000) / (5,000 /
		// 3,456.78) = 4,528 × 3,456.78 / 5,000 = 3,130.4600.
		name: 'GMX ETH/USD',
		url: 'https://app.gmx.io/trade/long',
		html: page('gmx-v2', '2026-12-04-market-long-usd-size'),
		long: (4528 * 3456.78) / 5000,
		label: 'GMX markets',
	},
];

async function panelWhen(tab: Page, done: (attributes: Record<string, string>) => boolean, timeoutMs = 8000): Promise<Record<string, string>> {
	const deadline = Date.now() + timeoutMs;
	let last: Record<string, string> | undefined;
	while (Date.now() < deadline) {
		last = await tab.evaluate(panelAttributesScript);
		if (last && done(last)) return last;
		await tab.waitForTimeout(50);
	}
	throw new Error(`panel never got there; last seen ${JSON.stringify(last)}`);
}

async function sourceLine(tab: Page): Promise<string> {
	return tab.evaluate(() => {
		const host = document.querySelector('[data-liqguard-panel]');
		const root = host?.shadowRoot ?? host;
		return root?.querySelector('.source')?.textContent ?? '';
	});
}

async function pill(tab: Page): Promise<string> {
	return tab.evaluate(() => {
		const host = document.querySelector('[data-liqguard-panel]');
		return (host?.shadowRoot ?? host)?.querySelector('.pill')?.textContent ?? '';
	});
}

describe('Chromium: the venues’ public market data answered from recorded bodies', () => {
	let session: ChromiumSession;
	let seen: string[];
	beforeAll(async () => {
		session = await launchChromium();
		seen = await setUp(session, 'answer', CASES);
	});
	afterAll(async () => {
		await session?.close();
	});

	test.each(CASES.map(item => [item.name, item] as const))('%s: the panel shows the liquidation price the recorded tiers imply, and its source', async (_name, item) => {
		const tab = await session.context.newPage();
		await tab.goto(item.url);
		const attributes = await panelWhen(tab, found => found['data-state'] === 'ready' && found['data-market-source'] === 'live');
		if (item.long !== undefined) expect(relativeError(attributes['data-liquidation-price-long'] ?? '', item.long), `long ${attributes['data-liquidation-price-long']}`).toBeLessThan(1e-6);
		if (item.short !== undefined) expect(relativeError(attributes['data-liquidation-price-short'] ?? '', item.short), `short ${attributes['data-liquidation-price-short']}`).toBeLessThan(1e-6);
		expect(await sourceLine(tab)).toMatch(new RegExp(`^${item.label}, fetched (just now|\\d+ min ago)$`));
		await tab.close();
	});

	/** The popup's calculator, long, isolated: venue, symbol, entry, leverage, quantity → expected liquidation. */
	const POPUP_CASES: {venue: string; symbol: string; entry: string; leverage: string; size: string; long: number; label: string}[] = [
		// 0.15 BTC = 15 contracts → tier 1, mmr 0.4 % + taker 0.05 %: (90,000 − 9,000) / 0.9955 = 81,366.1477.
		{venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', entry: '90000', leverage: '10', size: '0.15', long: 81000 / 0.9955, label: 'OKX position tiers'},
		// Notional 1,400 → SOLUSDT tier 1, MMR 1 %: 140 × 0.9 / 0.99 = 127.2727.
		{venue: 'bybit-linear', symbol: 'SOLUSDT', entry: '140', leverage: '10', size: '10', long: (140 * 0.9) / 0.99, label: 'Bybit risk limits'},
		// SOL table tier 1, 20x → 2.5 %: (140 − 14) / 0.975 = 129.2308.
		{venue: 'hyperliquid', symbol: 'SOL', entry: '140', leverage: '10', size: '10', long: 126 / 0.975, label: 'Hyperliquid margin tables'},
		// SOL-USD MMF 3 %: 126 / 0.97 = 129.8969.
		{venue: 'dydx-v4', symbol: 'SOL-USD', entry: '140', leverage: '10', size: '10', long: 126 / 0.97, label: 'dYdX indexer markets'},
		// ETH factor 0.5 % of 3,000 = 15 (> 1 USD floor); collateral 300, close fee 1.8: 15 − 298.2 + 3,000 = 2,716.8.
		{venue: 'gmx-v2', symbol: 'ETH/USD', entry: '3000', leverage: '10', size: '1', long: 2716.8, label: 'GMX markets'},
	];

	test.each(POPUP_CASES.map(item => [item.venue, item.symbol, item] as const))('popup, %s %s: the liquidation price of the recorded tier, through the worker', async (_venue, _symbol, item) => {
		const popup = await session.context.newPage();
		await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
		await popup.getByLabel('Venue model').selectOption(item.venue);
		await popup.getByLabel(/^Symbol/).fill(item.symbol);
		await popup.getByLabel('Entry price', {exact: true}).fill(item.entry);
		await popup.getByLabel('Leverage', {exact: true}).fill(item.leverage);
		await popup.getByLabel('Size', {exact: true}).fill(item.size);
		await expect.poll(() => popup.getByTestId('market-source').textContent(), {timeout: 8000}).toMatch(new RegExp(`^Parameters: ${item.label}, fetched (just now|\\d+ min ago)$`));
		const shown = ((await popup.getByTestId('liquidation-price').textContent()) ?? '').replaceAll(',', '');
		expect(relativeError(shown, item.long), shown).toBeLessThan(1e-4);
		await popup.close();
	});

	test('the popup computes OKX ETH-USDT-SWAP with the same tier, through the worker, and names its source', async () => {
		const popup = await session.context.newPage();
		await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
		await popup.getByLabel('Venue model').selectOption('okx-swap');
		await popup.getByLabel(/^Symbol/).fill('ETH-USDT-SWAP');
		await popup.getByLabel('Entry price', {exact: true}).fill('3000');
		await popup.getByLabel('Leverage', {exact: true}).fill('10');
		await popup.getByLabel('Size', {exact: true}).fill('2');
		// 2 ETH = 20 contracts of 0.1 → tier 1, mmr 0.5 % + taker 0.05 %. Long: (3,000 − 300) / 0.9945 = 2,714.93.
		await expect.poll(() => popup.getByTestId('market-source').textContent(), {timeout: 8000}).toMatch(/^Parameters: OKX position tiers, fetched (just now|\d+ min ago)$/);
		expect(await popup.getByTestId('liquidation-price').textContent()).toBe('2,714.93');
		await popup.close();
	});

	test('requests: only the listed API URLs, each at most once per endpoint', () => {
		expect(seen.length).toBeGreaterThan(0);
		for (const url of seen) expect(API_BODIES.map(([prefix]) => prefix), url).toContain(url);
		expect(new Set(seen).size).toBe(seen.length);
	});
});

describe('Chromium: the first answer does not wait for the network', () => {
	test('a cold cache: the panel answers from the fallback at once, then updates to the live table when it arrives', async () => {
		const session = await launchChromium();
		try {
			const HL = CASES[3]!;
			let release: () => void = () => undefined;
			const held = new Promise<void>(resolve => (release = resolve));
			await session.context.route(/^https?:\/\//, route => route.abort());
			await session.context.route('https://api.hyperliquid.xyz/info', async route => {
				await held;
				await route.fulfill({status: 200, contentType: 'application/json', path: join(API, 'hyperliquid-meta.json')});
			});
			await session.routeFixture(HL.url, HL.html);
			const tab = await session.context.newPage();
			await tab.goto(HL.url);
			// While the request is held: an answer, not from live data.
			const first = await panelWhen(tab, found => ['ready', 'needs-input'].includes(found['data-state'] ?? ''), 5000);
			expect(first['data-market-source']).not.toBe('live');
			release();
			const updated = await panelWhen(tab, found => found['data-market-source'] === 'live');
			expect(relativeError(updated['data-liquidation-price-short'] ?? '', HL.short!)).toBeLessThan(1e-6);
			await tab.close();
		} finally {
			await session.close();
		}
	});
});

describe('Chromium: fallback when the APIs fail or the switch is off', () => {
	const OKX = CASES[0]!;
	const BYBIT = CASES[2]!;

	test('the APIs answer 500: the panel states the fallback, no ✓', async () => {
		const session = await launchChromium();
		try {
			const seen = await setUp(session, 'fail', [OKX, BYBIT]);
			const tab = await session.context.newPage();
			await tab.goto(BYBIT.url);
			// Bybit SOLUSDT has no bundled table: the engine names the missing rate, the source line says why.
			await expect.poll(() => seen.length, {timeout: 8000}).toBeGreaterThan(0);
			await expect.poll(() => sourceLine(tab).catch(() => ''), {timeout: 8000}).toMatch(/the venue's public data is unavailable/);
			expect(await pill(tab)).not.toBe('✓');
			const attributes = await tab.evaluate(panelAttributesScript);
			expect(attributes?.['data-market-source']).not.toBe('live');
			await tab.close();
		} finally {
			await session.close();
		}
	});

	test('the switch off: no request at all, the fallback states itself, no ✓', async () => {
		const session = await launchChromium();
		try {
			const seen = await setUp(session, 'answer', [OKX]);
			const worker = await session.serviceWorker();
			await worker.evaluate(async () => {
				await chrome.storage.sync.set({settings: {schemaVersion: 2, marketDataUpdates: false}});
			});
			const tab = await session.context.newPage();
			await tab.goto(OKX.url);
			const attributes = await panelWhen(tab, found => ['ready', 'needs-input'].includes(found['data-state'] ?? ''));
			await tab.waitForTimeout(1500);
			expect(seen).toEqual([]);
			expect(attributes['data-market-source']).not.toBe('live');
			expect(await pill(tab)).not.toBe('✓');
			await tab.close();
		} finally {
			await session.close();
		}
	});
});
