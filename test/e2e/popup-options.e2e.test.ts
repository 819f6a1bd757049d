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
		// The bundled Binance table (the worker's market data is unreachable here): an estimate, marked "≈".
		await expect.poll(() => page.getByTestId('liquidation-price').textContent()).toBe(`≈ ${liquidationText(expected.value.figures.liquidation)}`);
		expect(await page.getByTestId('initial-margin').textContent()).toBe(formatAmount(expected.value.figures.initialMargin));
		await page.getByLabel('Entry price', {exact: true}).fill('1.234,5');
		await expect.poll(() => page.getByText(/Use \. for decimals/).count()).toBe(1);
		await page.close();
	});

	it('the sizer flags 50x past its safe 38.26x and states the fees in the size', async () => {
		const page = await session.context.newPage();
		await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
		await page.getByLabel(/Account size/).fill('10000');
		await page.getByLabel(/Risk per trade/).fill('2');
		await page.getByLabel(/Sizer entry price/).fill('60000');
		await page.getByLabel(/Sizer stop-loss price/).fill('58800');
		await page.getByLabel(/Sizer leverage/).fill('50');
		// Per BTC: 1,200 to the stop + 30 open fee + 29.4 close fee (Binance taker 0.05 %) = 1,259.4; 200 / 1,259.4 = 0.158806.
		await expect.poll(() => page.getByTestId('sizer-quantity').textContent()).toBe('0.158806');
		expect(await page.getByText(/Uses the venue, symbol and side of the calculator \(BTCUSDT \(default\), long, isolated\)/).count()).toBe(1);
		const flag = (await page.getByTestId('sizer-leverage-danger').textContent()) ?? '';
		// Liquidation 60,000 × 0.98 / 0.996 = 59,036.14, before the stop; safe: 60,000 / (60,000 − 0.996 × 58,666.67) = 38.26x.
		expect(flag).toContain('50x liquidates at 59,036.1, before your stop at 58,800');
		expect(flag).toContain('the whole margin (190.57)');
		expect(flag).toContain('Use 38.26x or less.');
		expect(await page.getByTestId('sizer-fees').textContent()).toBe('9.43: open 4.76 at 0.05 %, close at the stop 4.67 at 0.05 %');
		await page.getByLabel(/Sizer leverage/).fill('38');
		await expect.poll(() => page.getByTestId('sizer-leverage-danger').count()).toBe(0);
		await page.getByLabel(/Sizer stop-loss price/).fill('61000');
		await expect.poll(() => page.getByText(/For a long the stop goes below the entry \(60,000\); 61,000 is above it/).count()).toBe(1);
		await page.close();
	});

	it('portfolio heat: open trades kept in storage.local, the total with the sized trade flagged above 6 %, the threshold from options', async () => {
		const page = await session.context.newPage();
		await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
		const addTrade = async (index: number, trade: {symbol: string; side: 'long' | 'short'; entry: string; stop: string; size: string}) => {
			await page.getByRole('button', {name: 'Add an open trade'}).click();
			await page.getByLabel(new RegExp(`Trade ${index} symbol`)).fill(trade.symbol);
			await page.getByLabel(`Trade ${index} side`).selectOption(trade.side);
			await page.getByLabel(`Trade ${index} entry price`).fill(trade.entry);
			await page.getByLabel(`Trade ${index} stop-loss price`).fill(trade.stop);
			await page.getByLabel(`Trade ${index} size`).fill(trade.size);
		};
		// (3,000 − 2,850) × 2 = 300 and (160 − 150) × 20 = 200.
		await addTrade(1, {symbol: 'ETHUSDT', side: 'long', entry: '3,000', stop: '2850', size: '2'});
		await addTrade(2, {symbol: 'SOLUSDT', side: 'short', entry: '150', stop: '160', size: '20'});
		// The sized trade: 2 % of 10,000 = 200 at its stop, fees included.
		await page.getByLabel(/Account size/).fill('10000');
		await page.getByLabel(/Risk per trade/).fill('2');
		await page.getByLabel(/Sizer entry price/).fill('60000');
		await page.getByLabel(/Sizer stop-loss price/).fill('58800');
		await page.getByLabel(/Sizer leverage/).fill('10');
		await expect.poll(() => page.getByTestId('heat-total').textContent()).toBe('700.00 (7.00 % of 10,000.00)');
		expect(await page.getByTestId('heat-listed').textContent()).toBe('500.00');
		expect(await page.getByTestId('heat-flag').textContent()).toContain('you lose 7.00 % of the account: above your 6 % limit');
		const stored = await page.evaluate(async () => (await chrome.storage.local.get('openRisks')).openRisks);
		expect(stored).toMatchObject({version: 1, rows: [{symbol: 'ETHUSDT', entryPrice: '3,000', size: '2'}, {side: 'short', stopLossPrice: '160'}]});
		const sync = await page.evaluate(async () => (await chrome.storage.sync.get(null)) as Record<string, unknown>);
		expect(JSON.stringify(sync)).not.toContain('ETHUSDT');

		const options = await session.context.newPage();
		await options.goto(`chrome-extension://${session.extensionId}/options.html`);
		await options.getByLabel('Total risk of your open trades above (portfolio heat)').fill('8');
		await options.getByRole('button', {name: 'Save'}).click();
		await options.getByText('Saved. Open tabs use the new settings now.').waitFor();
		await options.close();
		await expect.poll(() => page.getByTestId('heat-within').textContent()).toBe('Within your 8 % limit for all open trades together.');

		const reopened = await session.context.newPage();
		await reopened.goto(`chrome-extension://${session.extensionId}/popup.html`);
		await expect.poll(() => reopened.getByLabel('Trade 2 entry price').inputValue()).toBe('150');
		await page.close();
		await reopened.close();
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
