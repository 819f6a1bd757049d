// @vitest-environment happy-dom
/** The portfolio heat threshold on the options page: shown with its default and reason, edited, validated, stored. */
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import {afterEach, describe, expect, it} from 'vitest';
import {OptionsApp} from '../../../src/options/options-app.js';
import {loadSettings, SCHEMA_VERSION, SETTINGS_KEY, type Settings} from '../../../src/settings/settings.js';
import {FakeStorageArea} from '../settings/fake-storage.js';

afterEach(cleanup);

const LABEL = 'Total risk of your open trades above (portfolio heat)';

async function renderOptions(stored?: unknown) {
	const area = new FakeStorageArea(stored === undefined ? {} : {[SETTINGS_KEY]: stored});
	render(<OptionsApp area={area} initial={await loadSettings(area)} onExport={() => {}} />);
	return area;
}

const field = () => screen.getByLabelText(LABEL) as HTMLInputElement;
const saveButton = () => screen.getByRole('button', {name: 'Save'}) as HTMLButtonElement;

describe('portfolio heat threshold in options', () => {
	it('shows 6 % by default with the reason', async () => {
		await renderOptions();
		expect(field().value).toBe('6');
		const hint = document.getElementById(field().getAttribute('aria-describedby')!)!.textContent ?? '';
		expect(hint).toContain('Default 6');
		expect(hint).toContain('open trades often hit their stops on the same day');
	});

	it('saves an edited threshold to sync storage with the current schema', async () => {
		const area = await renderOptions();
		fireEvent.input(field(), {target: {value: '8.5'}});
		fireEvent.click(saveButton());
		await screen.findByText('Saved. Open tabs use the new settings now.');
		const stored = area.items.get(SETTINGS_KEY) as Settings;
		expect(stored.thresholds.portfolioHeatWarnPercent).toBe('8.5');
		expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
	});

	it.each([
		['6,5', /Use \. for decimals/],
		['-1', /Must not be negative\./],
		['101', /above the maximum 100/],
		['abc', /Enter a number like 1234\.5/],
	])('refuses %s with the reason and saves nothing', async (text, reason) => {
		const area = await renderOptions();
		fireEvent.input(field(), {target: {value: text}});
		expect(field().getAttribute('aria-invalid')).toBe('true');
		expect(screen.getByText(reason)).toBeTruthy();
		expect(field().value).toBe(text);
		expect(saveButton().disabled).toBe(true);
		expect(area.writes).toEqual([]);
	});

	it('reads a v1 object (no heat threshold) as 6 with no notice', async () => {
		await renderOptions({schemaVersion: 1, thresholds: {leverageWarn: '15'}});
		expect(field().value).toBe('6');
		expect((screen.getByLabelText('Leverage: warn at') as HTMLInputElement).value).toBe('15');
		expect(screen.queryByRole('alert')).toBeNull();
	});
});
