/**
 * Popup and options page in real Chromium (extension URLs opened in a tab), driven by their labels. Results are
 * compared with `assess` run in the test process. The panel side of the reminder switches (the open tab reacting
 * to the options page) is in reminders-sites.e2e.test.ts.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {assess} from '../../src/core/assess.js';
import {liquidationText} from '../../src/popup/results.js';
import {DEFAULT_SETTINGS, toEngineSettings} from '../../src/settings/settings.js';
import {formatAmount} from '../../src/ui/components/format-number.js';
import {type ChromiumSession, launchChromium} from './harness.js';

let session: ChromiumSession;
beforeAll(async () => {
	session = await launchChromium();
});
afterAll(async () => {
	await session?.close();
});

describe('popup and options in Chromium', () => {
	it('computes the calculator figures the engine computes', async () => {
		const page = await session.context.newPage();
		await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
		await page.getByLabel(/^Symbol/).fill('BTCUSDT');
		await page.getByLabel('Entry price', {exact: true}).fill('60,000');
		await page.getByLabel('Leverage', {exact: true}).fill('25');
		await page.getByLabel('Size', {exact: true}).fill('0.5');
		const expected = assess(
			{venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'isolated', entryPrice: '60000', leverage: '25', quantity: '0.5'},
			toEngineSettings(DEFAULT_SETTINGS),
		);
		if (!expected.ok) throw new Error(JSON.stringify(expected.issues));
		await expect.poll(() => page.getByTestId('liquidation-price').textContent()).toBe(liquidationText(expected.value.figures.liquidation));
		expect(await page.getByTestId('initial-margin').textContent()).toBe(formatAmount(expected.value.figures.initialMargin));
		await page.getByLabel('Entry price', {exact: true}).fill('1.234,5');
		await expect.poll(() => page.getByText(/Use \. for decimals/).count()).toBe(1);
		await page.close();
	});

	it('saves a threshold and a reminder switch from the options page to sync storage', async () => {
		const page = await session.context.newPage();
		await page.goto(`chrome-extension://${session.extensionId}/options.html`);
		await page.getByLabel('Leverage: warn at').fill('10');
		await page.getByLabel('Remind me when an order form is on cross margin').uncheck();
		await page.getByRole('button', {name: 'Save'}).click();
		await page.getByText('Saved. Open tabs use the new settings now.').waitFor();
		const stored = await page.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
		expect(stored).toMatchObject({thresholds: {leverageWarn: '10'}, reminders: {enabled: false}});
		const popup = await session.context.newPage();
		await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
		expect(await popup.getByLabel('Remind me when an order form is on cross margin').isChecked()).toBe(false);
		await page.close();
		await popup.close();
	});
});
