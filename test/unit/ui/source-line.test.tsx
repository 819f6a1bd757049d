// @vitest-environment happy-dom
/**
 * The source line (panel and popup share its text) and the ✓: only live venue data earns it; a bundled table, a
 * typed rate or no table shows the fallback mark and says why.
 */
import {cleanup, render} from '@testing-library/preact';
import {afterEach, describe, expect, test} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {englishSourceTranslate, sourceLineText, timeAgo} from '../../../src/ui/components/source-line.js';
import {Panel} from '../../../src/ui/panel/panel.js';
import {hostAttributes, type PanelView} from '../../../src/ui/panel/view.js';
import type {MarketNotice} from '../../../src/background/market-data/resolve.js';
import {LIVE_BTCUSDT, demoDraft} from '../messaging/draft-fixture.js';
import messages from '../../../src/_locales/en/messages.json' with {type: 'json'};
import {SOURCE_LINE_EN} from '../../../src/ui/components/source-line.js';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 4, 12);
const HOUR = 3_600_000;
const t = englishSourceTranslate;
const LIVE: MarketNotice = {state: 'live', source: {kind: 'live', label: 'OKX position tiers', url: 'https://www.okx.com/api/v5/public/position-tiers', fetchedAtMs: NOW - 3 * HOUR}};
const BUNDLED_OFF: MarketNotice = {state: 'disabled', source: {kind: 'bundled', label: 'bundled table', url: 'https://example.invalid', asOf: '2024-10-24'}};

describe('source line text', () => {
	test.each([
		[LIVE, 'OKX position tiers, fetched 3 h ago'],
		[BUNDLED_OFF, 'Bundled table, 2024-10-24 (market-data updates are off)'],
		[{...BUNDLED_OFF, state: 'unavailable'} as MarketNotice, "Bundled table, 2024-10-24 (the venue's public data is unavailable)"],
		[{state: 'pending'} as MarketNotice, "No maintenance table for this market (fetching the venue's public data)"],
		[{state: 'typed', source: {kind: 'typed', savedAtMs: NOW}} as MarketNotice, 'Maintenance rate you typed'],
	])('%j → %s', (notice, text) => {
		expect(sourceLineText(notice, NOW, t)).toBe(text);
	});

	test('a range names what it is over: a maintenance rate, or GMX\'s minimum collateral factor', () => {
		const range = {kind: 'range', label: 'documented tier-1 rates', url: 'https://example.invalid', asOf: '2026-11-21', lowRate: '0.0025', highRate: '0.01'} as const;
		const notice = {state: 'unsupported'} as MarketNotice;
		expect(sourceLineText({state: 'live'} as MarketNotice, NOW, t, {...range, parameter: 'maintenance-rate'})).toBe('Maintenance rate unknown: figures use the nearest end of 0.25% to 1% (documented tier-1 rates, 2026-11-21)');
		expect(sourceLineText(notice, NOW, t, {...range, parameter: 'min-collateral-factor'})).toMatch(/^Minimum collateral factor unknown: figures use the nearest end of 0\.25% to 1% \(/);
	});

	test('time ago in whole units, never negative', () => {
		expect(timeAgo(NOW - 30_000, NOW, t)).toBe('just now');
		expect(timeAgo(NOW - 59 * 60_000, NOW, t)).toBe('59 min ago');
		expect(timeAgo(NOW - 47 * HOUR, NOW, t)).toBe('47 h ago');
		expect(timeAgo(NOW - 72 * HOUR, NOW, t)).toBe('3 days ago');
		expect(timeAgo(NOW + HOUR, NOW, t)).toBe('just now');
	});

	test('the popup’s English templates are the locale file’s messages', () => {
		for (const [key, template] of Object.entries(SOURCE_LINE_EN)) expect((messages as Record<string, {message: string}>)[key]?.message, key).toBe(template);
	});
});

describe('panel: ✓ only for live data', () => {
	function view(market?: MarketNotice): PanelView {
		const draft = demoDraft({leverage: {state: 'ok', value: '2'}});
		// What the worker hands the engine: live parameters only with a live notice.
		const params = market?.state === 'live' ? {...LIVE_BTCUSDT, source: LIVE.source!} : undefined;
		const assessed = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS, false, undefined, market ? {...(params ? {params} : {}), notice: market} : undefined).assessment;
		// No warnings, so the pill shows what the data earns (a warning shows its severity either way).
		const quiet = (side: typeof assessed.long) => (side?.ok ? {ok: true as const, assessment: {...side.assessment, warnings: []}} : side);
		const assessment = {...assessed, long: quiet(assessed.long), short: quiet(assessed.short)};
		return {state: 'ready', venue: 'binance-usdm', draft, assessment, theme: 'dark', ...(market ? {market} : {})};
	}
	const panelT = (key: string, substitutions?: readonly string[]) => t(key, substitutions);
	const pillOf = (container: Element) => container.querySelector('.pill')?.textContent;

	test('live: ✓ and the source line', () => {
		const {container} = render(<Panel view={view(LIVE)} t={panelT} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		expect(pillOf(container)).toBe('✓');
		expect(container.querySelector('.source')?.textContent).toMatch(/^OKX position tiers, fetched \d+ (h|days) ago$/);
		expect(hostAttributes(view(LIVE))['data-market-source']).toBe('live');
	});

	test.each([
		['bundled, switch off', BUNDLED_OFF],
		['typed', {state: 'typed', source: {kind: 'typed', savedAtMs: NOW}} as MarketNotice],
		['no table', {state: 'unavailable'} as MarketNotice],
	])('%s: no ✓, the fallback is named', (_what, notice) => {
		const {container} = render(<Panel view={view(notice)} t={panelT} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		expect(pillOf(container)).toBe('≈');
		// Without live data the engine falls back to the bundled Binance BTC table: the line names it, and the notice
		// says why the live data is not used.
		expect(container.querySelector('.source')?.getAttribute('data-market-source')).toBe('bundled');
		expect(container.querySelector('.source')?.textContent).toMatch(/^Bundled table, /);
	});
});
