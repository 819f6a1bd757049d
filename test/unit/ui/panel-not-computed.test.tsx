// @vitest-environment happy-dom
/** The panel's view of what LiqGuard could not compute: per side, per field, and the failure of LiqGuard itself. */
import {cleanup, render} from '@testing-library/preact';
import {afterEach, describe, expect, test} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {dangerWarnings} from '../../../src/content/gate.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import type {AssessOptions} from '../../../src/core/assess.js';
import {formatMessage} from '../../../src/core/messages.js';
import {DEFAULT_SETTINGS, toEngineSettings} from '../../../src/settings/settings.js';
import {Panel} from '../../../src/ui/panel/panel.js';
import {hostAttributes, type PanelView} from '../../../src/ui/panel/view.js';
import {LIVE_BTCUSDT, demoDraft} from '../messaging/draft-fixture.js';

afterEach(cleanup);

// The real English messages, as the content script's t() gives them.
const t = (key: string, substitutions: readonly string[] = []) => formatMessage(key, substitutions);

function viewOf(patch: Partial<OrderDraft>, options: AssessOptions = {}): PanelView {
	const draft = demoDraft(patch);
	const assessment = Object.keys(options).length > 0
		? assessDraft(draft, toEngineSettings(DEFAULT_SETTINGS), {detail: 'panel', ...options})
		: evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment;
	return {state: assessment.state, venue: 'binance-usdm', draft, assessment, theme: 'dark'};
}

function renderPanel(view: PanelView) {
	const {container} = render(<Panel view={view} t={t} isFloating={false} width={320} onAcknowledge={() => undefined} />);
	return {container, pill: container.querySelector('.pill')!, text: container.textContent ?? ''};
}

const oneBtc = {state: 'ok', value: {value: '1', unit: 'base'}} as const;

describe('a side not computed', () => {
	test('125x × 1 BTC: danger pill, no ✓, no "No warnings", each side says why and what fixes it', () => {
		const view = viewOf({leverage: {state: 'ok', value: '125'}, size: oneBtc});
		const {container, pill, text} = renderPanel(view);
		expect(pill.textContent).toBe('Danger');
		expect(pill.className).toBe('pill danger');
		expect(text).not.toContain('✓');
		expect(text).not.toContain('No warnings at your thresholds.');
		// Both sides refused for the same reason: said once.
		const items = [...container.querySelectorAll('ul.not-computed li')];
		expect(items.map(item => item.getAttribute('data-side'))).toEqual(['both']);
		expect(items[0]!.getAttribute('data-severity')).toBe('danger');
		expect(items[0]!.textContent).toContain('Danger · Not computed');
		expect(items[0]!.textContent).toContain("125x is above Binance USDⓈ-M's limit for a 60,000.00 USDT position (100x up to 600,000.00).");
		expect(items[0]!.textContent).toContain('To fix: lower the leverage to 100x, or the size to 0.833333 (under 50,000.00 USDT), the most 125x allows.');
		expect(hostAttributes(view)['data-not-computed']).toBe('long short');
		expect(hostAttributes(view)['data-liquidation-price-long']).toBe('');
	});

	test('no tier data for the market: "?" pill, the reason, no ✓', () => {
		const {container, pill, text} = renderPanel(viewOf({venue: 'bybit-linear', symbol: {state: 'ok', value: 'SOLUSDT'}}));
		expect(pill.textContent).toBe('?');
		expect(pill.className).toBe('pill unknown');
		expect(text).not.toContain('No warnings at your thresholds.');
		expect(container.querySelector('ul.not-computed li')?.textContent).toContain('No maintenance rate for SOLUSDT on Bybit USDT perpetual');
	});

	test('sides refused for different reasons are listed per side', () => {
		// The engine refuses both sides alike here; the short is given another reason so the two differ.
		const view = viewOf({leverage: {state: 'ok', value: '125'}, size: oneBtc});
		const assessment = {...view.assessment!, short: {ok: false as const, issues: [{field: 'maintenanceMarginRate', code: 'missing' as const, message: 'x', data: {kind: 'no-tier-data' as const, symbol: 'BTCUSDT', venueLabel: 'Binance USDⓈ-M'}}]}};
		const {container} = renderPanel({...view, assessment});
		const items = [...container.querySelectorAll('ul.not-computed li')];
		expect(items.map(item => [item.getAttribute('data-side'), item.getAttribute('data-severity')])).toEqual([['long', 'danger'], ['short', 'unknown']]);
		expect(items[0]!.textContent).toContain('Long: not computed');
		expect(items[1]!.textContent).toContain('Short: not computed');
	});

	test('the gate notice for a refused order shows the same words', () => {
		const view = viewOf({leverage: {state: 'ok', value: '125'}, size: oneBtc});
		const warnings = dangerWarnings(view.assessment, 'long', 'BTCUSDT');
		const {container} = renderPanel({...view, gate: {status: 'held', side: 'long', warnings}});
		expect(container.querySelector('[data-gate="held"]')?.textContent).toContain(
			"LiqGuard held this long order: 125x is above Binance USDⓈ-M's limit for a 60,000.00 USDT position (100x up to 600,000.00).",
		);
	});
});

describe('a field the math needs, with the parser reason', () => {
	test.each([
		['0', {size: {state: 'ok', value: {value: '0', unit: 'base'}}}, 'Size reads 0: 0 is not a size.'],
		['1.234,5', {size: {state: 'unread', reason: 'unparseable', text: '1.234,5'}}, `Size reads "1.234,5": it uses ',' as the decimal mark`],
		['1e309', {size: {state: 'unread', reason: 'unparseable', text: '1e309'}}, 'Size reads "1e309": too large to be an order.'],
		['garbage', {size: {state: 'unread', reason: 'unparseable', text: 'abc'}}, 'Size reads "abc", which is not a number.'],
		['a negative price', {price: {state: 'ok', value: '-60000'}}, 'Price reads -60000: it must not be negative.'],
	] as const)('size %s: "?" pill and the reason, never ✓', (_name, patch, reason) => {
		const {container, pill, text} = renderPanel(viewOf(patch as never));
		expect(pill.textContent).toBe('?');
		expect(text).not.toContain('✓');
		expect(container.querySelector('ul.not-computed[data-needs]')?.textContent).toContain(reason);
	});

	test('an empty form is waiting, not a fault: no "?"', () => {
		const {pill} = renderPanel(viewOf({size: {state: 'empty'}}));
		expect(pill.textContent).toBe('…');
	});
});

describe('the all-clear and LiqGuard failing', () => {
	test('✓ and "No warnings" only when every side offered is computed and nothing stands', () => {
		// 0.1 BTC long at 2x (margin 3,000 of 10,000), stop 59,000 (about 1 % of the account): nothing to flag.
		const quiet: Partial<OrderDraft> = {
			side: {state: 'ok', value: 'long'},
			leverage: {state: 'ok', value: '2'},
			size: {state: 'ok', value: {value: '0.1', unit: 'base'}},
			fundingRate: {state: 'empty'},
			stopLoss: {state: 'ok', value: '59000'},
		};
		// The venue's live brackets: the figures rest on facts.
		const typed: AssessOptions = {market: LIVE_BTCUSDT};
		const {pill, text} = renderPanel(viewOf(quiet, typed));
		expect(pill.textContent).toBe('✓');
		expect(text).toContain('No warnings at your thresholds.');
		cleanup();
		// The same order on the bundled table only: an estimate, so "≈" and no "No warnings".
		const bundled = renderPanel(viewOf(quiet));
		expect(bundled.pill.textContent).toBe('≈');
		expect(bundled.text).not.toContain('No warnings at your thresholds.');
		cleanup();
		// The same order with the balance unread: margin and account risk are unchecked, so no ✓.
		const unread = renderPanel(viewOf({...quiet, balance: {state: 'unread', reason: 'not-found'}}, typed));
		expect(unread.pill.textContent).toBe('?');
		expect(unread.text).not.toContain('No warnings at your thresholds.');
		expect(unread.container.querySelector('[data-unchecked="balance"]')?.textContent).toBe(
			'Balance: not read, so the margin and the risk to your account are not checked.',
		);
	});

	test('an error says LiqGuard failed and that the order is not held for it; no ✓', () => {
		const {container, pill, text} = renderPanel({state: 'error', venue: 'binance-usdm', draft: demoDraft(), errorKey: 'panel_error_unknown', theme: 'dark'});
		expect(text).toContain('LiqGuard could not check this order: internal error');
		expect(container.querySelector('[data-fail-open]')?.textContent).toContain('LiqGuard does not block trades on its own faults');
		expect(pill.textContent).toBe('…');
	});
});
