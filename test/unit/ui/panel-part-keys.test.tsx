// @vitest-environment happy-dom
import {cleanup, render} from '@testing-library/preact';
import {afterEach, describe, expect, test} from 'vitest';
import {partKeys} from '../../../src/background/answer-key.js';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {Panel} from '../../../src/ui/panel/panel.js';
import type {PanelView} from '../../../src/ui/panel/view.js';
import {demoDraft} from '../messaging/draft-fixture.js';

afterEach(cleanup);

/** A mark-price tick of 1 USDT at 20x: the distance to liquidation moves; the warnings' rounded figures and the assumptions stay. */
async function viewAt(markPrice: string, leverage = '20'): Promise<PanelView> {
	const draft = demoDraft({markPrice: {state: 'ok', value: markPrice}, leverage: {state: 'ok', value: leverage}});
	const result = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS);
	return {state: 'ready', venue: 'binance-usdm', draft, assessment: result.assessment, partKeys: await partKeys(result), theme: 'dark'};
}

describe('the panel\'s parts keyed by the worker', () => {
	test('a tick that leaves the warnings and assumptions as they were re-renders the figures, not those parts', async () => {
		const asked: string[] = [];
		const t = (key: string) => {
			asked.push(key);
			return key;
		};
		const first = await viewAt('60000');
		const second = await viewAt('60001');
		// The figures moved with the mark; the warnings' and assumptions' keys did not.
		expect(second.assessment).not.toEqual(first.assessment);
		expect(second.partKeys).toEqual(first.partKeys);
		const panel = (view: PanelView) => <Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />;
		const {rerender, container} = render(panel(first));
		const count = (key: string) => asked.filter(each => each === key).length;
		expect(count('panel_warnings')).toBeGreaterThan(0);
		const warnings = count('panel_warnings');
		const liquidation = count('panel_liquidation');
		const listed = container.querySelectorAll('li[data-rule]').length;
		expect(listed).toBeGreaterThan(0);
		rerender(panel(second));
		expect(count('panel_warnings')).toBe(warnings);
		expect(count('panel_liquidation')).toBeGreaterThan(liquidation);
		expect(container.querySelectorAll('li[data-rule]').length).toBe(listed);
		// Another leverage changes the warnings: they are rendered again.
		rerender(panel(await viewAt('60001', '100')));
		expect(count('panel_warnings')).toBeGreaterThan(warnings);
	});
});

describe('the read list and the needs list', () => {
	test('a tick of what they do not show (the mark under a limit order, the countdown\'s seconds) does not render them again; a shown change does', () => {
		const asked: string[] = [];
		const t = (key: string) => {
			asked.push(key);
			return key;
		};
		const count = (key: string) => asked.filter(each => each === key).length;
		// The form as it sits before the user types a size: the panel says what it needs.
		// The session keeps the shown answer's objects while the worker's answer repeats (session.ts, answerKey).
		let shown: PanelView['assessment'];
		const view = (markPrice: string, countdown: string, price = '60000'): PanelView => {
			const draft = demoDraft({size: {state: 'empty'}, price: {state: 'ok', value: price, text: price}, markPrice: {state: 'ok', value: markPrice}, fundingCountdownSeconds: {state: 'ok', value: countdown}});
			shown ??= evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment;
			return {state: 'needs-input', venue: 'binance-usdm', draft, assessment: shown, theme: 'dark'};
		};
		const panel = (next: PanelView) => <Panel view={next} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />;
		const {rerender, container} = render(panel(view('60000', '28750')));
		expect(container.querySelector('[data-needs]')?.getAttribute('data-needs')).toBe('size');
		const [read, needs] = [count('panel_read_heading'), count('panel_cannot_check')];
		expect(read).toBeGreaterThan(0);
		expect(needs).toBeGreaterThan(0);
		// 28750 s and 28749 s both read "7h 59m".
		rerender(panel(view('60003.7', '28749')));
		expect([count('panel_read_heading'), count('panel_cannot_check')]).toEqual([read, needs]);
		// A new limit price is shown: the read list is rendered again.
		rerender(panel(view('60003.7', '28749', '59000')));
		expect(count('panel_read_heading')).toBeGreaterThan(read);
		expect(container.querySelector('dd[data-field="price"]')?.textContent).toBe('59,000');
	});
});
