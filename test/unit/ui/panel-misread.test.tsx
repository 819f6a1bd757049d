// @vitest-environment happy-dom
/** The panel's "may be misreading this page" state and the "Report a misread" action. */
import {cleanup, fireEvent, render} from '@testing-library/preact';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {Panel} from '../../../src/ui/panel/panel.js';
import {hostAttributes, type PanelView} from '../../../src/ui/panel/view.js';
import {LIVE_BTCUSDT, demoDraft} from '../messaging/draft-fixture.js';

afterEach(cleanup);

const t = (key: string, substitutions: readonly string[] = []) => `${key}${substitutions.length > 0 ? `(${substitutions.join('|')})` : ''}`;

/** 0.5 BTC at 60,000, isolated 50x: initial margin 600. */
function viewWithCost(cost: string): PanelView {
	const draft = demoDraft({venueMargin: {state: 'ok', value: cost, text: `${cost} USDT`}});
	// With the venue's live brackets, so the figures may be facts and only the misread can take the ✓ away.
	const {assessment} = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS, false, undefined, {params: LIVE_BTCUSDT, notice: {state: 'live', source: LIVE_BTCUSDT.source}});
	return {state: 'ready', venue: 'binance-usdm', draft, assessment, theme: 'dark'};
}

/** The same view with the rule warnings removed: isolates the pill's misread logic from the thresholds. */
function withoutWarnings(view: PanelView): PanelView {
	const assessment = view.assessment && {...view.assessment};
	for (const side of ['long', 'short'] as const) {
		const assessed = assessment?.[side];
		if (assessment && assessed?.ok) {
			const {worst: _worst, ...rest} = assessed.assessment;
			assessment[side] = {ok: true, assessment: {...rest, warnings: []}};
		}
	}
	return {...view, ...(assessment ? {assessment} : {})};
}

describe('misread state', () => {
	test('the venue\'s cost agrees: no notice, figures not marked, the contract says nothing', () => {
		const view = viewWithCost('600.00');
		const {container} = render(<Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(container.querySelector('[data-misread]')).toBeNull();
		expect(container.querySelector('[data-doubtful]')).toBeNull();
		expect(hostAttributes(view)['data-misread']).toBe('');
	});

	test('the venue\'s cost is ten times ours: names both numbers, no ✓, figures doubtful', () => {
		const view = viewWithCost('6000.00');
		const {container} = render(<Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		const notice = container.querySelector('[data-misread="true"]');
		expect(notice?.textContent).toContain('panel_misread_title');
		const item = notice?.querySelector('[data-misread-kind="margin"]');
		expect(item?.textContent).toBe('panel_misread_margin(6,000.00|600.00)');
		// 50x raises warnings: the pill shows the worst (it may well be real), never a ✓.
		expect(container.querySelector('.pill')?.textContent).toMatch(/^panel_severity_(?:danger|warn|info)$/);
		expect(container.textContent).not.toContain('✓');
		expect(container.querySelector('[data-doubtful="true"] .figures')).not.toBeNull();
		expect(hostAttributes(view)['data-misread']).toBe('true');
	});

	test('with no warning the pill shows "?" instead of ✓', () => {
		const view = withoutWarnings(viewWithCost('6000.00'));
		const {container} = render(<Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(container.querySelectorAll('.warnings li[data-rule]')).toHaveLength(0);
		expect(container.querySelector('.pill')?.textContent).toBe('?');
	});

	test('without a disagreement (and no warning) the ready state keeps its ✓', () => {
		const view = withoutWarnings(viewWithCost('600.00'));
		const {container} = render(<Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(view.assessment?.misread?.findings).toEqual([]);
		expect(container.querySelector('.pill')?.textContent).toBe('✓');
	});
});

describe('report a misread', () => {
	test('no snapshot source, no action', () => {
		const {container} = render(<Panel view={viewWithCost('600.00')} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(container.querySelector('[data-action="report-misread"]')).toBeNull();
	});

	test('a scripted (untrusted) click builds nothing', () => {
		const snapshot = vi.fn(() => ({html: '<!doctype html>', fileName: 'x.html', summary: {fields: 0, masked: {balances: 0, accountIds: 0, addresses: 0, emails: 0}, removed: {scripts: 0, eventHandlers: 0, frames: 0, hiddenInputs: 0, links: 0}, bytes: 15}}));
		const {container} = render(<Panel view={viewWithCost('600.00')} t={t} isFloating={false} width={300} onAcknowledge={() => {}} snapshot={snapshot} />);
		const button = container.querySelector('[data-action="report-misread"]');
		expect(button?.textContent).toBe('panel_report_misread');
		fireEvent.click(button!);
		expect(snapshot).not.toHaveBeenCalled();
		expect(container.querySelector('[data-snapshot]')).toBeNull();
	});
});
