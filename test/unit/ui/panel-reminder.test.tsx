// @vitest-environment happy-dom
/** The isolated-margin reminder block of the panel and the popup's "Use LiqGuard on this site". */
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
import {trustedClick} from './trusted-click.js';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {assess} from '../../../src/core/assess.js';
import {PopupApp} from '../../../src/popup/popup-app.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {Panel} from '../../../src/ui/panel/panel.js';
import type {PanelView} from '../../../src/ui/panel/view.js';
import {demoDraft} from '../messaging/draft-fixture.js';

afterEach(cleanup);

const t = (key: string, substitutions: readonly string[] = []) => `${key}${substitutions.length > 0 ? `(${substitutions.join('|')})` : ''}`;

function crossView(isSnoozed = false): PanelView {
	const draft = demoDraft({marginMode: {state: 'ok', value: 'cross'}, leverage: {state: 'ok', value: '10'}});
	const result = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS, isSnoozed);
	const view: PanelView = {state: 'ready', venue: 'binance-usdm', draft, assessment: result.assessment, theme: 'dark'};
	if (result.reminder) view.reminder = result.reminder;
	return view;
}

describe('panel reminder', () => {
	test('shows the blast radius and the how-to; the snooze button calls back', () => {
		const onSnooze = vi.fn();
		const {container} = render(<Panel view={crossView()} t={t} isFloating={false} width={300} onAcknowledge={() => {}} onSnoozeReminder={onSnooze} />);
		const block = container.querySelector('[data-reminder="isolated"]');
		expect(block).not.toBeNull();
		expect(block?.querySelector('[data-blast-radius]')?.getAttribute('data-blast-radius')).toBe('10000');
		expect(block?.textContent).toContain('panel_reminder_blast(10,000');
		// No extension i18n under test: the worker's how-to is the catalogue's message key, like every other key here.
		expect(block?.textContent).toContain('panel_reminder_howto(venue_isolated_howto_binance_usdm)');
		trustedClick(screen.getByText('panel_reminder_snooze'));
		expect(onSnooze).toHaveBeenCalledOnce();
	});

	test('absent when the background sends no reminder (snoozed)', () => {
		const {container} = render(<Panel view={crossView(true)} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(container.querySelector('[data-reminder]')).toBeNull();
	});

	test('the cross-margin warning is listed only when the reminder is not shown (the message appears once)', () => {
		const shown = render(<Panel view={crossView()} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(shown.container.querySelector('[data-reminder]')).not.toBeNull();
		expect(shown.container.querySelector('[data-rule="cross-margin-exposure"]')).toBeNull();
		cleanup();
		const snoozed = render(<Panel view={crossView(true)} t={t} isFloating={false} width={300} onAcknowledge={() => {}} />);
		expect(snoozed.container.querySelector('[data-rule="cross-margin-exposure"]')?.getAttribute('data-severity')).toBe('warn');
	});
});

describe('popup: Use LiqGuard on this site', () => {
	test('shown for an unsupported origin; the click hands origin and chosen venue to onUseOnSite', async () => {
		const onUse = vi.fn(async () => ({ok: true as const, injected: true}));
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} unsupportedOrigin="https://trade.example.test" onUseOnSite={onUse} />);
		fireEvent.change(screen.getByLabelText('Venue model for the math'), {target: {value: 'bybit-linear'}});
		fireEvent.click(screen.getByRole('button', {name: 'Use LiqGuard on this site'}));
		expect(onUse).toHaveBeenCalledWith('https://trade.example.test', 'bybit-linear');
		await waitFor(() => expect(screen.getByText('LiqGuard now reads order forms on https://trade.example.test.')).toBeTruthy());
	});

	test('a declined permission is said plainly', async () => {
		const onUse = vi.fn(async () => ({ok: false as const, reason: 'The browser did not grant access to https://trade.example.test; nothing was added.'}));
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} unsupportedOrigin="https://trade.example.test" onUseOnSite={onUse} />);
		fireEvent.click(screen.getByRole('button', {name: 'Use LiqGuard on this site'}));
		await waitFor(() => expect(screen.getByText(/did not grant access/)).toBeTruthy());
	});

	test('a request that throws says so instead of still asking', async () => {
		const onUse = vi.fn(() => Promise.reject(new Error('Permissions may only be requested from within a user gesture')));
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} unsupportedOrigin="https://trade.example.test" onUseOnSite={onUse} />);
		fireEvent.click(screen.getByRole('button', {name: 'Use LiqGuard on this site'}));
		await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not added: Permissions may only be requested from within a user gesture'));
	});

	test('not shown on a supported venue (no origin passed) nor for a site already added', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} onUseOnSite={vi.fn()} />);
		expect(screen.queryByRole('button', {name: 'Use LiqGuard on this site'})).toBeNull();
		cleanup();
		const settings = {...DEFAULT_SETTINGS, customSites: [{origin: 'https://trade.example.test', venue: 'custom' as const}]};
		render(<PopupApp settings={settings} onSaveSettings={() => {}} assess={assess} unsupportedOrigin="https://trade.example.test" onUseOnSite={vi.fn()} />);
		expect(screen.queryByRole('button', {name: 'Use LiqGuard on this site'})).toBeNull();
		expect(screen.getByText(/LiqGuard reads order forms on https:\/\/trade.example.test/)).toBeTruthy();
	});
});
