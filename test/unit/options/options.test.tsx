// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
import {afterEach, describe, expect, it} from 'vitest';
import {THRESHOLD_SPECS} from '../../../src/core/thresholds.js';
import {OptionsApp} from '../../../src/options/options-app.js';
import {
	DEFAULT_SETTINGS,
	exportSettings,
	loadSettings,
	SETTINGS_KEY,
	saveSettings,
	type Settings,
} from '../../../src/settings/settings.js';
import {FakeStorageArea} from '../settings/fake-storage.js';

afterEach(cleanup);

async function renderOptions(stored?: unknown, extra: {requestOrigin?: (origin: string) => Promise<boolean>} = {}) {
	const area = new FakeStorageArea(stored === undefined ? {} : {[SETTINGS_KEY]: stored});
	const exported: string[] = [];
	render(<OptionsApp area={area} initial={await loadSettings(area)} onExport={json => exported.push(json)} {...extra} />);
	return {area, exported};
}

const type = (label: string | RegExp, text: string) => fireEvent.input(screen.getByLabelText(label), {target: {value: text}});
const stored = (area: FakeStorageArea) => area.items.get(SETTINGS_KEY) as Settings | undefined;
const saveButton = () => screen.getByRole('button', {name: 'Save'}) as HTMLButtonElement;

describe('options page', () => {
	it('renders every threshold from THRESHOLD_SPECS with its default and reason', async () => {
		await renderOptions();
		for (const spec of Object.values(THRESHOLD_SPECS)) {
			const input = screen.getByLabelText(spec.label) as HTMLInputElement;
			expect(input.value).toBe(spec.default);
			const hint = document.getElementById(input.getAttribute('aria-describedby')!)!;
			expect(hint.textContent).toContain(`Default ${spec.default}`);
			expect(hint.textContent).toContain(spec.reason);
		}
	});

	it('saves a changed threshold to sync storage', async () => {
		const {area} = await renderOptions();
		expect(saveButton().disabled).toBe(true);
		type('Leverage: warn at', '10');
		fireEvent.click(saveButton());
		await screen.findByText('Saved. Open tabs use the new settings now.');
		expect(stored(area)?.thresholds.leverageWarn).toBe('10');
	});

	it('validates as typed, including warn above danger, and will not save', async () => {
		const {area} = await renderOptions();
		type('Leverage: warn at', '0');
		expect(screen.getByLabelText('Leverage: warn at').getAttribute('aria-invalid')).toBe('true');
		expect(screen.getByText("'0' is below the minimum 1.")).toBeTruthy();
		expect(saveButton().disabled).toBe(true);
		type('Leverage: warn at', '80');
		expect(screen.getByText('Must not be above "Leverage: danger at" (50).')).toBeTruthy();
		type('Leverage: warn at', '1.234,5');
		expect(screen.getByText(/Use \. for decimals/)).toBeTruthy();
		expect(saveButton().disabled).toBe(true);
		expect(area.writes).toEqual([]);
	});

	it('shows the fallbacks of a corrupted stored value as a notice and keeps the rest', async () => {
		await renderOptions({...DEFAULT_SETTINGS, gateMode: 'warn', thresholds: {...DEFAULT_SETTINGS.thresholds, leverageWarn: '-5'}});
		expect(screen.getByRole('alert').textContent).toContain("thresholds.leverageWarn: '-5' is below the minimum 1; using the default 20");
		expect((screen.getByLabelText('Warn: show the panel only') as HTMLInputElement).checked).toBe(true);
		expect((screen.getByLabelText('Leverage: warn at') as HTMLInputElement).value).toBe('20');
	});

	it("the market-data switch: on by default, stored off when unticked", async () => {
		const {area} = await renderOptions();
		const box = screen.getByLabelText("Update market data from the exchanges' public APIs") as HTMLInputElement;
		expect(box.checked).toBe(true);
		fireEvent.click(box);
		fireEvent.click(saveButton());
		await screen.findByText('Saved. Open tabs use the new settings now.');
		expect(stored(area)?.marketDataUpdates).toBe(false);
	});

	it('stores gate mode, reminders, per-venue enable, fees and volatility in engine units', async () => {
		const {area} = await renderOptions();
		fireEvent.click(screen.getByLabelText('Off: no panel gate'));
		fireEvent.click(screen.getByLabelText('Remind me when an order form is on cross margin'));
		fireEvent.change(screen.getByLabelText('Reminders on Bybit USDT perpetual'), {target: {value: 'on'}});
		fireEvent.click(screen.getByLabelText('Enable on OKX perpetual swap'));
		type(/^Binance USDⓈ-M taker fee/, '0.04');
		type(/^Binance USDⓈ-M maker fee/, '-0.005');
		fireEvent.click(screen.getByRole('button', {name: 'Add asset'}));
		type('Asset 1', 'sol');
		type('Volatility of asset 1', '95');
		type(/^Custom maintenance margin rate/, '0.5');
		fireEvent.click(saveButton());
		await screen.findByText('Saved. Open tabs use the new settings now.');
		expect(stored(area)).toMatchObject({
			gateMode: 'off',
			reminders: {enabled: false, perVenue: {'bybit-linear': true}},
			adapters: {'okx-swap': false},
			fees: {'binance-usdm': {takerFeeRate: '0.0004', makerFeeRate: '-0.00005'}},
			volatility: {SOL: '0.95'},
			custom: {maintenanceMarginRate: '0.005'},
		});
	});

	it('adds a site after the browser grants access, refuses bad addresses, and removes sites', async () => {
		const asked: string[] = [];
		const {area} = await renderOptions(undefined, {requestOrigin: async origin => (asked.push(origin), !origin.includes('denied'))});
		type('Site address', 'perp example');
		fireEvent.click(screen.getByRole('button', {name: 'Add site'}));
		expect((await screen.findByRole('alert')).textContent).toContain('is not a web address');

		type('Site address', 'https://denied.example/trade');
		fireEvent.click(screen.getByRole('button', {name: 'Add site'}));
		expect((await screen.findByRole('alert')).textContent).toContain('did not grant access to https://denied.example');

		type('Site address', 'https://perp.example/trade/BTC');
		fireEvent.change(screen.getByLabelText('Venue model for this site'), {target: {value: 'hyperliquid'}});
		fireEvent.click(screen.getByRole('button', {name: 'Add site'}));
		await screen.findByText('https://perp.example — Hyperliquid');
		expect(asked).toEqual(['https://denied.example', 'https://perp.example']);
		fireEvent.click(saveButton());
		await waitFor(() => expect(stored(area)?.customSites).toEqual([{origin: 'https://perp.example', venue: 'hyperliquid'}]));

		fireEvent.click(screen.getByRole('button', {name: 'Remove https://perp.example'}));
		fireEvent.click(saveButton());
		await waitFor(() => expect(stored(area)?.customSites).toEqual([]));
	});

	it('exports the saved settings and imports them back', async () => {
		const custom = {...DEFAULT_SETTINGS, gateMode: 'warn' as const};
		const {area, exported} = await renderOptions(custom);
		fireEvent.click(screen.getByRole('button', {name: 'Export settings'}));
		expect(exported).toEqual([exportSettings(custom)]);

		await saveSettings(area, DEFAULT_SETTINGS);
		await waitFor(() => expect((screen.getByLabelText('Confirm: hold the click until you confirm') as HTMLInputElement).checked).toBe(true));
		type('Import settings (paste an exported file)', exported[0]!);
		fireEvent.click(screen.getByRole('button', {name: 'Import'}));
		await screen.findByText('Imported and saved.');
		expect(stored(area)?.gateMode).toBe('warn');
	});

	it('refuses an invalid import with the reason and changes nothing', async () => {
		const {area} = await renderOptions();
		type('Import settings (paste an exported file)', '{"schemaVersion": 1, "thresholds": {"leverageDanger": "9999"}}');
		fireEvent.click(screen.getByRole('button', {name: 'Import'}));
		expect((await screen.findByRole('status')).textContent).toBe(
			"Import refused, nothing changed: thresholds.leverageDanger: '9999' is above the maximum 2000; using the default 50",
		);
		expect(area.writes).toEqual([]);
	});

	it('resets to the defaults', async () => {
		const {area} = await renderOptions({...DEFAULT_SETTINGS, gateMode: 'off'});
		fireEvent.click(screen.getByRole('button', {name: 'Reset to defaults'}));
		await screen.findByText('Reset to the defaults.');
		expect(area.items.has(SETTINGS_KEY)).toBe(false);
		expect((screen.getByLabelText('Confirm: hold the click until you confirm') as HTMLInputElement).checked).toBe(true);
	});

	it('a Save or Reset the browser refuses says so and keeps the form as it was', async () => {
		const {area} = await renderOptions({...DEFAULT_SETTINGS, gateMode: 'off'});
		area.set = () => Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
		area.remove = () => Promise.reject(new Error('storage unavailable'));
		type('Leverage: warn at', '10');
		fireEvent.click(saveButton());
		await screen.findByText('Not saved: the browser refused the write (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded)');
		expect((screen.getByLabelText('Leverage: warn at') as HTMLInputElement).value).toBe('10');
		fireEvent.click(screen.getByRole('button', {name: 'Reset to defaults'}));
		await screen.findByText('Not reset: the browser refused the write (storage unavailable)');
		expect(stored(area)?.gateMode).toBe('off');
		expect((screen.getByLabelText('Leverage: warn at') as HTMLInputElement).value).toBe('10');
	});

	it('ties every control to a label', async () => {
		await renderOptions({...DEFAULT_SETTINGS, volatility: {BTC: '0.6'}});
		for (const control of document.querySelectorAll('input, select, textarea')) {
			expect(document.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
		}
	});
});
