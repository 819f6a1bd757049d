/**
 * "Report a misread" end to end, in Chromium with the built extension on the demo exchange: a real mouse click
 * (Playwright's, a trusted event) opens the preview, a second one saves the file; the download is caught, turned into
 * a fixture by `npm run fixture`'s script, and the fixture test table passes on it. And the misread state in the
 * real panel, on a page built to mislead served at Binance's URL.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {panelAttributesScript, SEL, setLeverage, setMarginMode, waitForPanel, type PageDriver, playwrightDriver} from './demo-page.js';
import {launchChromium, ROOT, serveDemo, type ChromiumSession, type DemoServer} from './harness.js';

let demo: DemoServer;
let chromium: ChromiumSession;
let page: Page;
let driver: PageDriver;
const work = mkdtempSync(join(tmpdir(), 'liqguard-report-'));

beforeAll(async () => {
	demo = await serveDemo();
	chromium = await launchChromium();
	page = await chromium.context.newPage();
	driver = playwrightDriver(page);
});

afterAll(async () => {
	await chromium?.close();
	await demo?.close();
	rmSync(work, {recursive: true, force: true});
});

describe('Chromium: Report a misread on the demo exchange', () => {
	test('the saved snapshot round-trips through npm run fixture into a passing fixture test', async () => {
		await page.goto(demo.url('/demo/futures/BTCUSDT?tick=0'));
		await waitForPanel(driver, {'data-state': 'needs-input'});
		await setMarginMode(driver, 'Isolated');
		await setLeverage(driver, 20);
		await page.locator(SEL.price).first().fill('60000');
		await page.locator(SEL.size).first().fill('0.05');
		const attributes = await waitForPanel(driver, {'data-state': 'ready', 'data-leverage': '20', 'data-quantity': '0.05'});
		// The demo's Cost (0.05 × 60,000 / 20 = 150.00) agrees with the read: no misread.
		expect(attributes['data-misread']).toBe('');

		// Playwright clicks with the mouse (CDP input events), so the panel sees isTrusted clicks.
		await page.locator('[data-action="report-misread"]').click();
		const preview = page.locator('[data-snapshot="prepared"]');
		await preview.waitFor();
		expect(await preview.locator('[data-snapshot-fields]').getAttribute('data-snapshot-fields')).toBe('5'); // price, size, unit, TP, SL
		expect(await preview.locator('[data-snapshot-masked]').getAttribute('data-snapshot-masked')).toBe('1'); // the Avbl balance
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-snapshot"]').click()]);
		expect(download.suggestedFilename()).toMatch(/^liqguard-snapshot-demo-\d{4}-\d{2}-\d{2}\.html$/);
		const saved = join(work, download.suggestedFilename());
		await download.saveAs(saved);
		const html = readFileSync(saved, 'utf8');
		expect(html).not.toMatch(/<script|\son\w+=/i);
		expect(html).not.toContain('10,000.00');
		expect(html).toMatch(/id="unitAmount-\d+"[^>]*value="0.05"|value="0.05"[^>]*id="unitAmount-\d+"/);

		const fixtures = join(work, 'fixtures');
		execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/fixture.ts', saved, page.url(), '--out', fixtures, '--state', 'report-roundtrip'], {cwd: ROOT, stdio: 'pipe'});
		const written = readdirSync(join(fixtures, 'demo'));
		expect(written.sort()).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}-report-roundtrip\.html$/), expect.stringMatching(/-report-roundtrip\.json$/)]);
		const sidecar = JSON.parse(readFileSync(join(fixtures, 'demo', written.find(name => name.endsWith('.json'))!), 'utf8'));
		expect(sidecar.expected.found).toBe(true);
		expect(sidecar.expected.draft.size).toEqual({state: 'ok', value: {value: '0.05', unit: 'base'}, text: '0.05'});
		expect(sidecar.expected.draft.leverage).toMatchObject({state: 'ok', value: '20'});
		expect(sidecar.expected.draft.marginMode).toMatchObject({state: 'ok', value: 'isolated'});
		expect(sidecar.expected.draft.price).toMatchObject({state: 'ok', value: '60000'});
		expect(sidecar.expected.draft.balance.state).toBe('unread'); // masked: "••,•••.•• USDT" is no number

		// The fixture test table, pointed at the new fixture tree, on the new fixture only.
		const run = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--project', 'unit', 'test/unit/adapters/fixtures.test.ts', '-t', "demo'/"], {
			cwd: ROOT,
			env: {...process.env, LIQGUARD_FIXTURES_DIR: fixtures},
			encoding: 'utf8',
		});
		const output = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
		expect(run.status, output).toBe(0);
		// The five checks of one fixture (adapter, read, submit sides, URL patterns, clean); the other fixtures' rows skipped.
		expect(output).toMatch(/Tests\s+5 passed/);
	});

	test('on a page built to mislead, the panel says it may be misreading it and names both figures', async () => {
		// The Binance page of test/misleading: the size is read from a quick-close field (0.500 BTC) while the venue's
		// Cost (178.50 USDT) is that of the 0.050 BTC really typed.
		const url = 'https://www.binance.com/en/futures/BTCUSDT';
		await chromium.routeFixture(url, join(ROOT, 'test/misleading/binance-usdm/2026-11-21-unit-amount-prefix-on-close-field.html'));
		const venue = await chromium.context.newPage();
		await venue.goto(url);
		const venueDriver: PageDriver = {...driver, evaluate: fn => venue.evaluate(fn)};
		const attributes = await waitForPanel(venueDriver, {'data-state': 'ready', 'data-misread': 'true'}, 10_000);
		expect(attributes['data-quantity']).toBe('0.5');
		const notice = venue.locator('[data-misread="true"] [data-misread-kind="margin"]');
		expect(await notice.getAttribute('data-venue-figure')).toBe('178.5');
		expect(await notice.getAttribute('data-our-figure')).toBe('1785');
		expect(await notice.textContent()).toContain('178.50');
		expect(await notice.textContent()).toContain('1,785.00');
		expect(await venue.locator('.pill').textContent()).not.toBe('✓');
		expect(await venue.locator('[data-doubtful="true"] .figures').count()).toBe(1);
		expect(await venue.evaluate(panelAttributesScript)).toMatchObject({'data-misread': 'true'});
		await venue.close();
	});
});
