// @vitest-environment happy-dom
/**
 * Open risks and portfolio heat in the popup: the list kept in storage.local as typed, each trade's loss at its
 * stop, the total with the sized trade in % of the account, flagged above the threshold. Figures computed by hand.
 */
import {cleanup, fireEvent, render, screen, waitFor, within} from '@testing-library/preact';
import {afterEach, describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {OPEN_RISKS_KEY, rowsFromStored} from '../../../src/popup/open-risks-form.js';
import {PopupApp} from '../../../src/popup/popup-app.js';
import {DEFAULT_SETTINGS, type Settings} from '../../../src/settings/settings.js';
import type {StorageAreaLike} from '../../../src/settings/storage-area.js';
import {FakeStorageArea} from '../settings/fake-storage.js';
import {BAD_NUMBER_CASES} from './bad-number-cases.js';

afterEach(cleanup);

function type(label: string | RegExp, text: string) {
	fireEvent.input(screen.getByLabelText(label), {target: {value: text}});
}

async function renderPopup(local: StorageAreaLike = new FakeStorageArea(), settings: Settings = DEFAULT_SETTINGS) {
	render(<PopupApp settings={settings} onSaveSettings={() => {}} assess={assess} local={local} />);
	await screen.findByRole('button', {name: 'Add an open trade'});
	return local;
}

async function addTrade(index: number, trade: {symbol?: string; side?: 'long' | 'short'; entry: string; stop: string; size: string}) {
	fireEvent.click(screen.getByRole('button', {name: 'Add an open trade'}));
	await screen.findByLabelText(new RegExp(`Trade ${index} entry price`));
	if (trade.symbol !== undefined) type(new RegExp(`Trade ${index} symbol`), trade.symbol);
	if (trade.side) fireEvent.change(screen.getByLabelText(`Trade ${index} side`), {target: {value: trade.side}});
	type(new RegExp(`Trade ${index} entry price`), trade.entry);
	type(new RegExp(`Trade ${index} stop-loss price`), trade.stop);
	type(new RegExp(`Trade ${index} size`), trade.size);
}

const heat = () => screen.getByRole('region', {name: 'Portfolio heat'});

/** ETH long 3,000 → 2,850 × 2 = 300; SOL short 150 → 160 × 20 = 200. */
async function addTwoTrades() {
	await addTrade(1, {symbol: 'ETHUSDT', entry: '3,000', stop: '2850', size: '2'});
	await addTrade(2, {symbol: 'SOLUSDT', side: 'short', entry: '150', stop: '160', size: '20'});
}

/** The sizing case of a 50x long with its stop 2 % below (10,000 account, 2 % risk), at 10x: 200 / 1,259.4 = 0.158806 BTC, losing exactly 200.00 at its stop, fees included. */
function fillSizer() {
	type(/Account size/, '10,000');
	type(/Risk per trade/, '2');
	type(/Sizer entry price/, '60000');
	type(/Sizer stop-loss price/, '58800');
	type(/Sizer leverage/, '10');
}

describe('portfolio heat', () => {
	it('totals the listed trades and the sized trade: 300 + 200 + 200 = 700, 7.00 % of 10,000, above 6 %', async () => {
		await renderPopup();
		await addTwoTrades();
		expect(screen.getByTestId('open-risk-loss-1').textContent).toBe('Loss at the stop: 300.00');
		expect(screen.getByTestId('open-risk-loss-2').textContent).toBe('Loss at the stop: 200.00');
		expect(heat().textContent).toContain('Enter the account size in the sizer above');
		fillSizer();
		expect(within(heat()).getByTestId('heat-listed').textContent).toBe('500.00');
		expect(within(heat()).getByTestId('heat-sized').textContent).toBe('200.00');
		expect(within(heat()).getByTestId('heat-total').textContent).toBe('700.00 (7.00 % of 10,000.00)');
		const flag = within(heat()).getByTestId('heat-flag');
		expect(flag.textContent).toContain('you lose 7.00 % of the account: above your 6 % limit');
		expect(heat().textContent).toContain('price move only');
	});

	it('the threshold edited in options applies: 7 % is within a 10 % limit', async () => {
		await renderPopup(new FakeStorageArea(), {...DEFAULT_SETTINGS, thresholds: {...DEFAULT_SETTINGS.thresholds, portfolioHeatWarnPercent: '10'}});
		await addTwoTrades();
		fillSizer();
		expect(within(heat()).queryByTestId('heat-flag')).toBeNull();
		expect(within(heat()).getByTestId('heat-within').textContent).toBe('Within your 10 % limit for all open trades together.');
	});

	it('without a sized trade the total is the list alone, and it says the sized trade is not in it', async () => {
		await renderPopup();
		await addTwoTrades();
		type(/Account size/, '10000');
		expect(within(heat()).getByTestId('heat-sized').textContent).toContain('not included: the sizer has no size yet');
		expect(within(heat()).getByTestId('heat-total').textContent).toBe('500.00 (5.00 % of 10,000.00)');
		expect(within(heat()).getByTestId('heat-within')).toBeTruthy();
	});

	it('a stop moved past the entry counts 0 and says why', async () => {
		await renderPopup();
		await addTrade(1, {entry: '100', stop: '110', size: '5'});
		expect(screen.getByTestId('open-risk-loss-1').textContent).toBe('Loss at the stop: 0 (the stop is past the entry, on the profit side)');
	});

	it('keeps the list in storage.local as typed and reads it back on the next open', async () => {
		const local = await renderPopup();
		await addTwoTrades();
		await waitFor(() => expect(rowsFromStored((local as FakeStorageArea).items.get(OPEN_RISKS_KEY))).toHaveLength(2));
		const stored = (local as FakeStorageArea).items.get(OPEN_RISKS_KEY) as {version: number; rows: Record<string, string>[]};
		expect(stored.version).toBe(1);
		expect(stored.rows[0]).toMatchObject({symbol: 'ETHUSDT', side: 'long', entryPrice: '3,000', stopLossPrice: '2850', size: '2'});
		expect(stored.rows[1]).toMatchObject({side: 'short', entryPrice: '150'});
		cleanup();
		await renderPopup(local);
		expect((screen.getByLabelText(/Trade 1 entry price/) as HTMLInputElement).value).toBe('3,000');
		expect((screen.getByLabelText('Trade 2 side') as HTMLSelectElement).value).toBe('short');
		expect(screen.getByTestId('open-risk-loss-2').textContent).toBe('Loss at the stop: 200.00');
	});

	it('removes a trade from the list and from storage', async () => {
		const local = (await renderPopup()) as FakeStorageArea;
		await addTwoTrades();
		fireEvent.click(screen.getByRole('button', {name: 'Remove trade 1'}));
		expect(screen.getByTestId('open-risk-loss-1').textContent).toBe('Loss at the stop: 200.00');
		await waitFor(() => expect(rowsFromStored(local.items.get(OPEN_RISKS_KEY)).map(row => row.symbol)).toEqual(['SOLUSDT']));
	});
});

describe('bad input in the list: a reason per field, nothing lost, no total', () => {
	it.each([...BAD_NUMBER_CASES, ['above 1e30', '1'.padEnd(32, '0'), 'Too large to be a price or a size.'] as const])('%s', async (_what, text, reason) => {
		const local = (await renderPopup()) as FakeStorageArea;
		await addTrade(1, {entry: '100', stop: '90', size: '1'});
		type(/Account size/, '10000');
		for (const [label, name] of [[/Trade 1 entry price/, 'entry price'], [/Trade 1 stop-loss price/, 'stop-loss price'], [/Trade 1 size/, 'size']] as const) {
			const field = screen.getByLabelText(label) as HTMLInputElement;
			const before = field.value;
			type(label, text);
			const message = document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent;
			expect(message, name).toContain(reason);
			expect(field.value).toBe(text);
			expect(within(heat()).getByTestId('heat-pending').textContent).toBe(`— Total not computed: fix trade 1 (${name}).`);
			type(label, before);
		}
		expect(within(heat()).getByTestId('heat-total').textContent).toBe('10.00 (0.10 % of 10,000.00)');
		// What was typed is what is stored, right or wrong.
		type(/Trade 1 size/, text);
		await waitFor(() => expect(rowsFromStored(local.items.get(OPEN_RISKS_KEY))[0]?.size).toBe(text));
		expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
	});

	it('an incomplete trade holds the total and says what to enter', async () => {
		await renderPopup();
		fireEvent.click(screen.getByRole('button', {name: 'Add an open trade'}));
		type(/Account size/, '10000');
		expect(within(heat()).getByTestId('heat-pending').textContent).toBe("— Total not computed: enter trade 1's entry price, stop-loss price, size.");
	});

	it('a symbol that is not a market name is named, and blocks the total', async () => {
		await renderPopup();
		await addTrade(1, {symbol: 'BTC USDT!', entry: '100', stop: '90', size: '1'});
		expect(screen.getByText('Letters, digits and - / : _ . only, like BTCUSDT.')).toBeTruthy();
		expect(within(heat()).getByTestId('heat-pending').textContent).toContain('fix trade 1 (symbol)');
	});
});

describe('storage faults', () => {
	it('a damaged stored list keeps what it can and shows it', async () => {
		const local = new FakeStorageArea({[OPEN_RISKS_KEY]: {version: 1, rows: [{id: 'r1', side: 'sideways', entryPrice: 100, stopLossPrice: '90', size: '1'}, 'junk', null]}});
		await renderPopup(local);
		expect((screen.getByLabelText(/Trade 1 entry price/) as HTMLInputElement).value).toBe('100');
		expect((screen.getByLabelText('Trade 1 side') as HTMLSelectElement).value).toBe('long');
		expect(screen.queryByLabelText(/Trade 2 entry price/)).toBeNull();
	});

	it('a list that cannot be read says so and is never written over', async () => {
		const local = new FakeStorageArea();
		local.get = () => Promise.reject(new Error('IO error'));
		await renderPopup(local);
		expect(screen.getByText(/Your saved list could not be read \(IO error\); changes here are not saved\./)).toBeTruthy();
		await addTrade(1, {entry: '100', stop: '90', size: '1'});
		expect(local.writes).toEqual([]);
	});

	it('a write the browser refuses says so; the list stays on screen', async () => {
		const local = new FakeStorageArea();
		local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
		await renderPopup(local);
		await addTrade(1, {entry: '100', stop: '90', size: '1'});
		await screen.findByText(/The list could not be saved \(QUOTA_BYTES quota exceeded\)/);
		expect(screen.getByTestId('open-risk-loss-1').textContent).toBe('Loss at the stop: 10.00');
	});
});
