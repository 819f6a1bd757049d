/**
 * One table over every venue fixture (test/fixtures/<adapter-id>/<yyyy-mm-dd>-<state>.html + .json):
 * - its adapter reads it exactly as the sidecar's `expected` says;
 * - its submit controls report the sides the sidecar lists;
 * - every other adapter's match patterns reject its URL (github-url-detection's cross-negative matrix);
 * - meta: every adapter file is registered, ids equal file names, each venue has the required fixture states.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {matchesUrl} from '../../../src/adapters/define-adapter.js';
import {ADAPTERS, adapterById, adapterForUrl} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, listFixtures, loadDocument} from './fixture-loader.js';

const fixtures = listFixtures();
const ADAPTERS_DIR = path.resolve(import.meta.dirname, '../../../src/adapters');
/** Files in src/adapters that are helpers, not adapters. */
const HELPERS = new Set(['define-adapter', 'index', 'parse-number', 'dom-read', 'instruments', 'binance-form', 'label-form']);
/** Adapters owned elsewhere or without venue fixtures of their own. */
const WITHOUT_VENUE_FIXTURES = new Set(['demo', 'generic']);

const fix = 'Did the page change? Capture a new fixture. Is the adapter wrong? Fix the selector.';

describe.each(fixtures)('$adapterId/$name', ({adapterId, name, html, sidecar}) => {
	const adapter = adapterById(adapterId);

	it('has a registered adapter', () => {
		expect(adapter, `test/fixtures/${adapterId} has no adapter with id "${adapterId}" in src/adapters/index.ts. Add it, or rename the folder.`).toBeDefined();
	});

	it('is read exactly as its sidecar expects', () => {
		const result = adapter!.read(loadDocument(html, sidecar.url));
		if (!sidecar.expected.found || !result.found) {
			expect(result, `${adapterId} found=${String(result.found)} on ${name} but the fixture says ${String(sidecar.expected.found)}. ${fix}`).toEqual(sidecar.expected);
			return;
		}
		for (const [field, want] of Object.entries(sidecar.expected.draft)) {
			const got = (result.draft as Record<string, unknown>)[field];
			expect(got, `${adapterId} read \`${field}\` as ${JSON.stringify(got)} on ${name} but the fixture says ${JSON.stringify(want)}. ${fix}`).toEqual(want);
		}
		expect(result).toEqual(sidecar.expected);
	});

	it('reports the side of each submit control', () => {
		const doc = loadDocument(html, sidecar.url);
		for (const [selector, side] of sidecar.submit ?? []) {
			const control = doc.querySelector(selector);
			expect(control, `${name}: no element for "${selector}". Fix the fixture's sidecar.`).not.toBeNull();
			const got = adapter!.submitTarget(control!, doc, 'click')?.side ?? null;
			expect(got, `${adapterId} says "${selector}" on ${name} submits ${String(got)}, the fixture says ${String(side)}. ${fix}`).toBe(side);
		}
	});

	it('is matched by its own adapter and by no other', () => {
		expect(matchesUrl(adapter!, sidecar.url), `${adapterId}'s match patterns reject its own fixture URL ${sidecar.url}. Widen the pattern.`).toBe(true);
		for (const other of ADAPTERS.filter(candidate => candidate.id !== adapterId)) {
			expect(matchesUrl(other, sidecar.url), `${other.id}'s match patterns accept ${sidecar.url}, a ${adapterId} page. Narrow ${other.id}'s pattern or add excludeMatches.`).toBe(false);
		}
		expect(adapterForUrl(sidecar.url)?.id).toBe(adapterId);
	});

	it('is clean: no script, under 20 KB, dated like its file name', () => {
		expect(html, `${name} contains a <script>: fixtures are markup only.`).not.toMatch(/<script/i);
		expect(html.length, `${name} is over 20 KB: trim it.`).toBeLessThan(20_000);
		expect(sidecar.capturedAt).toBe(name.slice(0, 10));
		expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
		expect(html, `${name} looks like it holds an e-mail address: scrub it.`).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
	});
});

/** States each venue's fixtures must cover; long/short may be covered by the read or by submit sides. */
const REQUIRED: Record<string, {cross: boolean; isolated: boolean; layoutVariant: boolean}> = {
	'binance-usdm': {cross: true, isolated: true, layoutVariant: true},
	'bybit-linear': {cross: true, isolated: true, layoutVariant: true},
	'okx-swap': {cross: true, isolated: true, layoutVariant: true},
	hyperliquid: {cross: true, isolated: true, layoutVariant: false},
	'aster-pro': {cross: true, isolated: true, layoutVariant: true},
	'aster-simple': {cross: false, isolated: false, layoutVariant: false},
	'dydx-v4': {cross: true, isolated: true, layoutVariant: false},
	'gmx-v2': {cross: false, isolated: true, layoutVariant: true},
};

describe('adapter registry and fixture coverage', () => {
	const files = readdirSync(ADAPTERS_DIR)
		.filter(file => file.endsWith('.ts'))
		.map(file => file.replace(/\.ts$/, ''))
		.filter(file => !HELPERS.has(file));

	it('lists every adapter file, under its file name', () => {
		expect(ADAPTERS.map(adapter => adapter.id).sort(), 'src/adapters/index.ts must list every adapter file once. Add the missing import.').toEqual([...files].sort());
	});

	it('keeps the registry alphabetical', () => {
		const ids = ADAPTERS.map(adapter => adapter.id);
		expect(ids).toEqual([...ids].sort());
	});

	it('has match patterns for every static adapter and none for injected-only ones', () => {
		for (const adapter of ADAPTERS) {
			if (adapter.dynamicOnly) expect(adapter.matches).toEqual([]);
			else expect(adapter.matches.length, `${adapter.id} has no match patterns`).toBeGreaterThan(0);
		}
	});

	it.each(Object.entries(REQUIRED))('%s has the required fixture states', (id, required) => {
		const own = fixtures.filter(fixture => fixture.adapterId === id);
		const reads = own.flatMap(fixture => (fixture.sidecar.expected.found ? [fixture.sidecar.expected.draft] : []));
		const value = (field: keyof (typeof reads)[number]) => reads.map(draft => draft[field]).flatMap(read => (typeof read === 'object' && read.state === 'ok' ? [read.value] : []));
		const message = (what: string) => `${id} has no fixture with ${what} in ${path.relative(process.cwd(), FIXTURES_DIR)}/${id}. Add one.`;
		expect(value('orderType'), message('a limit order')).toContain('limit');
		expect(value('orderType'), message('a market order')).toContain('market');
		const sides = [...value('side'), ...own.flatMap(fixture => (fixture.sidecar.submit ?? []).map(([, side]) => side))];
		expect(sides.some(side => side === 'long' || side === 'both'), message('a long side (read, or a Buy/Long control)')).toBe(true);
		expect(sides.some(side => side === 'short' || side === 'both'), message('a short side')).toBe(true);
		if (sides.includes('both')) {
			expect(own.some(fixture => (fixture.sidecar.submit ?? []).some(([, side]) => side === 'long')), message('a Buy/Long submit control')).toBe(true);
			expect(own.some(fixture => (fixture.sidecar.submit ?? []).some(([, side]) => side === 'short')), message('a Sell/Short submit control')).toBe(true);
		}
		if (required.cross) expect(value('marginMode'), message('cross margin')).toContain('cross');
		if (required.isolated) expect(value('marginMode'), message('isolated margin')).toContain('isolated');
		expect(own.some(fixture => /missing/.test(fixture.name)), message('a missing field ("-missing-" in the name)')).toBe(true);
		if (required.layoutVariant) {
			expect(new Set(own.map(fixture => fixture.sidecar.capturedAt)).size, message('an older layout (an earlier date)')).toBeGreaterThan(1);
		}
	});

	it('has fixtures only for registered venue adapters', () => {
		for (const fixture of fixtures) expect(WITHOUT_VENUE_FIXTURES.has(fixture.adapterId) || fixture.adapterId in REQUIRED).toBe(true);
	});
});
