// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {Panel} from '../../../src/ui/panel/panel.js';
import {hostAttributes, type PanelView} from '../../../src/ui/panel/view.js';
import {demoDraft} from '../messaging/draft-fixture.js';
import {trustedClick} from './trusted-click.js';

afterEach(cleanup);

const t = (key: string, substitutions: readonly string[] = []) => `${key}${substitutions.length > 0 ? `(${substitutions.join('|')})` : ''}`;

function readyView(leverage = '50'): PanelView {
	const draft = demoDraft({leverage: {state: 'ok', value: leverage}});
	return {state: 'ready', venue: 'binance-usdm', draft, assessment: evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment, theme: 'dark'};
}

describe('panel host contract', () => {
	test('ready: plain decimal strings for what was read and the liquidation price of each side', () => {
		const attributes = hostAttributes(readyView());
		expect(attributes).toMatchObject({
			'data-liqguard-panel': '',
			'data-state': 'ready',
			'data-venue': 'binance-usdm',
			'data-side': 'both',
			'data-margin-mode': 'isolated',
			'data-leverage': '50',
			'data-entry-price': '60000',
			'data-quantity': '0.5',
		});
		expect(Number(attributes['data-liquidation-price-long'])).toBeCloseTo(29_400 / 0.498, 6);
		expect(attributes['data-liquidation-price-short']).toMatch(/^\d+(\.\d+)?$/);
	});

	test('reading: no liquidation number at all, whatever the previous state showed', () => {
		const attributes = hostAttributes({...readyView(), state: 'reading', assessment: undefined});
		expect(attributes['data-liquidation-price-long']).toBe('');
		expect(attributes['data-liquidation-price-short']).toBe('');
		expect(attributes['data-quantity']).toBe('0.5');
	});

	test('an unread field leaves its attribute empty', () => {
		const draft = demoDraft({leverage: {state: 'unread', reason: 'unparseable', text: '??'}});
		expect(hostAttributes({state: 'needs-input', venue: 'binance-usdm', draft, theme: 'light'})['data-leverage']).toBe('');
	});
});

describe('panel rendering', () => {
	test('warnings carry data-rule and data-severity, worst first, in an aria-live list', () => {
		const {container} = render(<Panel view={readyView('100')} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		const items = [...container.querySelectorAll('li[data-rule]')];
		expect(items.length).toBeGreaterThan(0);
		expect(items[0]?.getAttribute('data-severity')).toBe('danger');
		expect(items.every(item => item.getAttribute('data-rule') !== '')).toBe(true);
		expect(container.querySelector('ul.warnings')?.getAttribute('aria-live')).toBe('polite');
	});

	test('an unread field is marked as not read', () => {
		const draft = demoDraft({size: {state: 'unread', reason: 'unparseable', text: '12abc'}});
		const {container} = render(<Panel view={{state: 'needs-input', venue: 'binance-usdm', draft, assessment: {state: 'needs-input', needs: ['size']}, theme: 'dark'}} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		const size = container.querySelector('[data-field="size"]');
		expect(size?.getAttribute('data-read-state')).toBe('unread');
		expect(size?.textContent).toBe('panel_unread');
		expect(screen.getByRole('status').textContent).toBe('panel_state_needs_input(panel_field_size)');
	});

	test('the venue estimate row says so when the venue shows a price where we find none', () => {
		const draft = demoDraft({
			side: {state: 'ok', value: 'long'},
			marginMode: {state: 'ok', value: 'cross'},
			balance: {state: 'ok', value: '3000000'},
			venueLiquidationPrice: {state: 'ok', value: '49000'},
		});
		const assessment = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment;
		const view: PanelView = {state: 'ready', venue: 'binance-usdm', draft, assessment, theme: 'dark'};
		const {container} = render(<Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		const row = [...container.querySelectorAll('tr')].find(tr => tr.querySelector('th')?.textContent === 'panel_venue_check');
		expect(row?.querySelector('td')?.textContent).toBe('panel_venue_differs_none(49,000)');
		expect(container.querySelector('li[data-rule="venue-estimate-mismatch"]')).not.toBeNull();
	});

	test('what the figures assume is listed, and open when the margin mode was not read', () => {
		const draft = demoDraft({marginMode: {state: 'unread', reason: 'not-found'}});
		const assessment = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment;
		const view: PanelView = {state: 'ready', venue: 'binance-usdm', draft, assessment, theme: 'dark'};
		const {container} = render(<Panel view={view} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		const details = container.querySelector('details.assumptions') as HTMLDetailsElement;
		expect(details.open).toBe(true);
		expect(details.textContent).toContain('Margin mode unread: figures assume isolated margin.');
		// Both sides assume the same: listed once.
		expect([...details.querySelectorAll('li')].filter(li => li.textContent?.startsWith('Margin mode unread'))).toHaveLength(1);
		cleanup();
		// Everything read: the venue defaults are still listed, closed.
		const read = render(<Panel view={readyView()} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		const closed = read.container.querySelector('details.assumptions') as HTMLDetailsElement;
		expect(closed.open).toBe(false);
		expect(closed.textContent).not.toContain('Margin mode unread');
	});

	test('a re-render shows every change to what was read, to the warnings and to the assumptions', () => {
		const props = {t, isFloating: false, width: 300, onAcknowledge: () => undefined};
		const viewOf = (overrides: Parameters<typeof demoDraft>[0]): PanelView => {
			const draft = demoDraft(overrides);
			return {state: 'ready', venue: 'binance-usdm', draft, assessment: evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment, theme: 'dark'};
		};
		const leverage = (value: string) => ({leverage: {state: 'ok', value}} as const);
		const {container, rerender} = render(<Panel view={viewOf(leverage('100'))} {...props} />);
		const text = (selector: string) => container.querySelector(selector)?.textContent;
		const leverageWarning = () => text('li[data-rule="leverage-high"]') ?? '';
		expect(text('[data-field="fundingCountdownSeconds"]')).toBe('7h 59m');
		expect(leverageWarning()).toContain('100');
		// Only the funding countdown moved: the read list shows it.
		rerender(<Panel view={viewOf({...leverage('100'), fundingCountdownSeconds: {state: 'ok', value: '59'}})} {...props} />);
		expect(text('[data-field="fundingCountdownSeconds"]')).toBe('0m');
		// Same warning rule, new substitution (the leverage in its text): the warning's text follows.
		rerender(<Panel view={viewOf(leverage('125'))} {...props} />);
		expect(text('[data-field="leverage"]')).toBe('125x');
		expect(leverageWarning()).toContain('125');
		expect(leverageWarning()).not.toContain('100');
		// The margin mode becomes unread: the assumptions gain a line and open; read again, they close without it.
		rerender(<Panel view={viewOf({...leverage('125'), marginMode: {state: 'unread', reason: 'not-found'}})} {...props} />);
		const details = () => container.querySelector('details.assumptions') as HTMLDetailsElement;
		expect(details().open).toBe(true);
		expect(details().textContent).toContain('Margin mode unread');
		rerender(<Panel view={viewOf(leverage('125'))} {...props} />);
		expect(details().open).toBe(false);
		expect(details().textContent).not.toContain('Margin mode unread');
	});

	test('the read list shows the balance and funding rate the figures were computed with', () => {
		const {container} = render(<Panel view={readyView()} t={t} isFloating={false} width={300} onAcknowledge={() => undefined} />);
		expect(container.querySelector('[data-field="balance"]')?.textContent).toBe('10,000.00');
		expect(container.querySelector('[data-field="fundingRate"]')?.textContent).toBe('0.01%');
	});

	test('a held submit shows an alert whose button acknowledges; collapse hides the body and is keyboard reachable', () => {
		const onAcknowledge = vi.fn();
		const view = readyView('100');
		const held: PanelView = {...view, gate: {status: 'held', side: 'long', warnings: []}};
		const {container} = render(<Panel view={held} t={t} isFloating={true} width={300} onAcknowledge={onAcknowledge} />);
		expect(screen.getByRole('alert')).toBeTruthy();
		trustedClick(screen.getByText('panel_gate_acknowledge'));
		expect(onAcknowledge).toHaveBeenCalledOnce();
		const collapse = screen.getByLabelText('panel_collapse');
		expect(collapse.tagName).toBe('BUTTON');
		trustedClick(collapse);
		expect(container.querySelector('.body')).toBeNull();
		expect(screen.getByLabelText('panel_expand').getAttribute('aria-expanded')).toBe('false');
	});

	test('a page script\'s click (untrusted) acknowledges, snoozes and collapses nothing', () => {
		const onAcknowledge = vi.fn();
		const onSnooze = vi.fn();
		const view = readyView('100');
		const held: PanelView = {...view, gate: {status: 'held', side: 'long', warnings: []}, reminder: {howTo: 'x'}};
		const {container} = render(<Panel view={held} t={t} isFloating={true} width={300} onAcknowledge={onAcknowledge} onSnoozeReminder={onSnooze} />);
		(screen.getByText('panel_gate_acknowledge') as HTMLElement).click();
		fireEvent.click(screen.getByText('panel_gate_acknowledge'));
		(screen.getByText('panel_reminder_snooze') as HTMLElement).click();
		(screen.getByLabelText('panel_collapse') as HTMLElement).click();
		expect(onAcknowledge).not.toHaveBeenCalled();
		expect(onSnooze).not.toHaveBeenCalled();
		expect(container.querySelector('.body')).not.toBeNull();
	});
});
