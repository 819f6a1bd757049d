/**
 * `npm run fixture -- FILE URL`: a saved page becomes a dated fixture + sidecar, cleaned again on the way in (a saved
 * file is untrusted too), with the adapter picked by the URL.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const work = mkdtempSync(path.join(tmpdir(), 'liqguard-fixture-script-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const DIRTY = `<!doctype html><html lang="en"><head><title>Demo</title><script>steal()</script><link rel="stylesheet" href="https://x.example/a.css"></head>
<body><div id="app"><form data-testid="order-form" onsubmit="go()">
<div class="chips"><button type="button" data-testid="margin-mode">Isolated</button><button type="button" data-testid="leverage-button">10x</button></div>
<div data-testid="order-type" role="tablist"><button role="tab" data-tab-key="LIMIT" aria-selected="true">Limit</button></div>
<div class="row"><span>Avbl</span><b data-testid="available">9,999.00 USDT</b></div>
<input id="limitPrice-1" value="50000"><input id="unitAmount-1" value="0.2"><select data-testid="size-unit"><option selected>BTC</option></select>
<p>Contact trader@example.com · UID 99887766 · 0x1234567890abcdef1234567890abcdef12345678</p>
<iframe src="https://ads.example"></iframe><img src="https://x.example/avatar/99887766.png" onerror="leak()">
<button type="submit" data-testid="buy-long" onclick="x()">Buy/Long</button><button type="submit" data-testid="sell-short">Sell/Short</button>
<div><span>Cost</span><span data-testid="cost">1,000.00 USDT</span></div>
</form></div></body></html>`;

// Each case starts tsx one to three times: seconds on a loaded 2-core machine, so more than vitest's 5 s default.
const SPAWN_TIMEOUT_MS = 60_000;

describe('npm run fixture', () => {
	it('writes a cleaned, dated fixture and a sidecar with the adapter\'s read', () => {
		const file = path.join(work, 'saved.html');
		writeFileSync(file, DIRTY);
		const out = path.join(work, 'fixtures');
		execFileSync(TSX, ['scripts/fixture.ts', file, 'http://localhost:8080/demo/futures/BTCUSDT', '--out', out, '--date', '2026-12-04', '--state', 'Limit Isolated!'], {cwd: ROOT, stdio: 'pipe'});
		expect(readdirSync(path.join(out, 'demo')).sort()).toEqual(['2026-12-04-limit-isolated.html', '2026-12-04-limit-isolated.json']);
		const html = readFileSync(path.join(out, 'demo', '2026-12-04-limit-isolated.html'), 'utf8');
		expect(html).not.toMatch(/<script|<iframe|<link|\son\w+=|src=|trader@example\.com|99887766|0x1234567890/i);
		expect(html).toContain('value="0.2"');
		expect(html).toContain('•,•••.•• USDT'); // 9,999.00, masked
		const sidecar = JSON.parse(readFileSync(path.join(out, 'demo', '2026-12-04-limit-isolated.json'), 'utf8'));
		expect(sidecar.url).toBe('http://localhost:8080/demo/futures/BTCUSDT');
		expect(sidecar.capturedAt).toBe('2026-12-04');
		expect(sidecar.expected.found).toBe(true);
		expect(sidecar.expected.draft.size).toEqual({state: 'ok', value: {value: '0.2', unit: 'base'}, text: '0.2'});
		expect(sidecar.expected.draft.leverage).toEqual({state: 'ok', value: '10', text: '10x'});
		expect(sidecar.expected.draft.balance.state).toBe('unread');
		expect(sidecar.expected.draft.venueMargin).toEqual({state: 'ok', value: '1000', text: '1,000.00 USDT'});
	}, SPAWN_TIMEOUT_MS);

	it('refuses a URL no adapter matches, and never overwrites a fixture', () => {
		const file = path.join(work, 'saved.html');
		writeFileSync(file, DIRTY);
		const unknown = spawnSync(TSX, ['scripts/fixture.ts', file, 'https://example.com/trade', '--out', path.join(work, 'none')], {cwd: ROOT, encoding: 'utf8'});
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('no adapter matches');
		const out = path.join(work, 'twice');
		const args = ['scripts/fixture.ts', file, 'http://localhost/demo/', '--out', out, '--date', '2026-12-04', '--state', 'again'];
		expect(spawnSync(TSX, args, {cwd: ROOT}).status).toBe(0);
		const second = spawnSync(TSX, args, {cwd: ROOT, encoding: 'utf8'});
		expect(second.status).toBe(1);
		expect(second.stderr).toContain('exists');
	}, SPAWN_TIMEOUT_MS);
});
