// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, within} from '@testing-library/preact';
import {afterEach, describe, expect, it} from 'vitest';
import {assess as realAssess} from '../../../src/core/assess.js';
import type {FieldRead, OrderDraft} from '../../../src/core/draft.js';
import {PopupApp} from '../../../src/popup/popup-app.js';
import {isReminderSnoozed} from '../../../src/settings/reminders.js';
import {DEFAULT_SETTINGS, type Settings, saveSettings, toEngineSettings} from '../../../src/settings/settings.js';
import {liquidationText} from '../../../src/popup/results.js';
import {formatPrice} from '../../../src/core/format.js';
import {formatAmount} from '../../../src/ui/components/format-number.js';
import {FakeStorageArea} from '../settings/fake-storage.js';
import {FIXED_ASSESSMENT, recordingAssess} from './fake-assessment.js';

afterEach(cleanup);

function type(label: string | RegExp, text: string) {
	fireEvent.input(screen.getByLabelText(label), {target: {value: text}});
}

function renderPopup(overrides: Partial<Parameters<typeof PopupApp>[0]> = {}) {
	const engine = recordingAssess();
	const saved: Settings[] = [];
	render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={next => void saved.push(next)} assess={engine.assess} {...overrides} />);
	return {calls: engine.calls, saved};
}

/** The sizer's fields, typed in the form's order; a field left out is not typed. */
function fillSizer(fields: {symbol?: string; account?: string; risk?: string; entry?: string; stop?: string; leverage?: string}) {
	if (fields.symbol !== undefined) type(/^Symbol/, fields.symbol);
	if (fields.account !== undefined) type(/Account size/, fields.account);
	if (fields.risk !== undefined) type(/Risk per trade/, fields.risk);
	if (fields.entry !== undefined) type(/Sizer entry price/, fields.entry);
	if (fields.stop !== undefined) type(/Sizer stop-loss price/, fields.stop);
	if (fields.leverage !== undefined) type(/Sizer leverage/, fields.leverage);
}

function fillOrder() {
	type('Entry price', '60,000');
	type('Leverage', '10');
	type('Size', '0.5');
}

const results = () => screen.getByRole('region', {name: 'Calculator results'});

describe('quick calculator', () => {
	it('says which required fields are missing before computing anything', () => {
		const {calls} = renderPopup();
		expect(results().textContent).toContain('Enter entry price, leverage, size.');
		expect(calls).toEqual([]);
	});

	it('sends the typed order to the engine and shows its figures as you type', () => {
		const {calls} = renderPopup();
		fillOrder();
		expect(calls.at(-1)).toEqual({
			venue: 'binance-usdm',
			// The symbol was left empty: Binance's default market, named next to the field.
			symbol: 'BTCUSDT',
			side: 'long',
			marginMode: 'isolated',
			entryPrice: '60000',
			leverage: '10',
			quantity: '0.5',
		});
		const region = results();
		expect(region.getAttribute('aria-live')).toBe('polite');
		expect(within(region).getByTestId('liquidation-price').textContent).toBe('54,241');
		expect(within(region).getByTestId('liquidation-distance').textContent).toBe('9.60 %');
		expect(within(region).getByTestId('initial-margin').textContent).toBe('3,000.00');
		expect(within(region).getByTestId('fees').textContent).toBe('30.00 (1.00 % of margin)');
		expect(within(region).getByTestId('break-even').textContent).toBe('60,060.1');
		// A payment (positive) carries no '+': in the ladder below '+' is a gain.
		expect(within(region).getByTestId('funding').textContent).toBe('9.00 (0.30 % of margin)');
		expect(within(region).getByTestId('odds').textContent).toBe('0.01 % / 2.5 % / 12.2 %');
		expect(within(region).getByRole('table', {name: 'PnL ladder'}).textContent).toContain('liquidated');
		expect(within(region).getByRole('table', {name: 'PnL ladder'}).textContent).toContain('+300.00');
		expect(within(region).getByRole('list', {name: 'Warnings'}).textContent).toContain('12 % chance');
	});

	it('labels the funding row with the hold the engine used, not rounded to a whole hour', () => {
		const funding = {...FIXED_ASSESSMENT.figures.funding!, holdHours: '1.5'};
		const answer = {...FIXED_ASSESSMENT, figures: {...FIXED_ASSESSMENT.figures, funding}};
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={recordingAssess({ok: true, value: answer}).assess} />);
		fillOrder();
		expect(within(results()).getByText('Funding over 1.5 h')).toBeTruthy();
	});

	it('converts size given as notional or as margin into quantity', () => {
		const {calls} = renderPopup();
		fillOrder();
		type('Size', '30000');
		fireEvent.change(screen.getByLabelText('Size is'), {target: {value: 'notional'}});
		expect(calls.at(-1)?.quantity).toBe('0.5');
		type('Size', '3000');
		fireEvent.change(screen.getByLabelText('Size is'), {target: {value: 'margin'}});
		expect(calls.at(-1)?.quantity).toBe('0.5');
	});

	it('passes optional fields in engine units: funding percent becomes a fraction', () => {
		const {calls} = renderPopup();
		fillOrder();
		type(/Stop-loss price/, '57000');
		type(/Take-profit price/, '66000');
		type(/Wallet balance/, '10000');
		type(/Funding rate per interval/, '0.01');
		type(/Planned hold/, '48');
		fireEvent.click(screen.getByLabelText('Short'));
		fireEvent.click(screen.getByLabelText('Cross'));
		expect(calls.at(-1)).toMatchObject({
			side: 'short',
			marginMode: 'cross',
			stopLossPrice: '57000',
			takeProfitPrice: '66000',
			walletBalance: '10000',
			fundingRate: '0.0001',
			holdHours: '48',
		});
	});

	it('flags a comma decimal mark next to the field and computes nothing', () => {
		const {calls} = renderPopup();
		fillOrder();
		const before = calls.length;
		type('Entry price', '60.000,5');
		const input = screen.getByLabelText('Entry price');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		const message = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
		expect(message?.textContent).toMatch(/Use \. for decimals/);
		expect(results().textContent).toContain('Fix the highlighted fields.');
		expect(calls.length).toBe(before);
	});

	it('asks for the maintenance rate on the custom venue and sends it as a fraction', () => {
		const {calls} = renderPopup();
		fireEvent.change(screen.getByLabelText('Venue model'), {target: {value: 'custom'}});
		fillOrder();
		expect(results().textContent).toContain('maintenance margin rate');
		type(/Maintenance margin rate/, '0.5');
		expect(calls.at(-1)).toMatchObject({venue: 'custom', maintenanceMarginRate: '0.005'});
	});

	it('shows a dash and the engine reasons when the engine refuses, never NaN', () => {
		const refusing = recordingAssess({ok: false, issues: [{field: 'leverage', code: 'above-venue-max', message: 'above the venue maximum 125x'}]});
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={refusing.assess} />);
		fillOrder();
		expect(results().textContent).toContain('— The engine cannot compute this order:');
		expect(results().textContent).toContain('Leverage: above the venue maximum 125x');
		expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
	});

	it('shows exactly the real engine figures for a Binance BTCUSDT order', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={realAssess} />);
		type(/Symbol/, 'btcusdt');
		fillOrder();
		type(/Funding rate per interval/, '0.01');
		const expected = realAssess(
			{venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'isolated', entryPrice: '60000', leverage: '10', quantity: '0.5', fundingRate: '0.0001'},
			toEngineSettings(DEFAULT_SETTINGS),
		);
		if (!expected.ok) throw new Error(JSON.stringify(expected.issues));
		const {figures} = expected.value;
		const region = results();
		// The bundled Binance table: an estimate, so marked "≈".
		expect(figures.parametersAreFact).toBe(false);
		expect(within(region).getByTestId('liquidation-price').textContent).toBe(`≈ ${liquidationText(figures.liquidation)}`);
		expect(within(region).getByTestId('initial-margin').textContent).toBe(formatAmount(figures.initialMargin));
		expect(within(region).getByTestId('break-even').textContent).toBe(formatPrice(figures.fees.breakEvenPrice));
		expect(within(region).getByTestId('funding').textContent).toContain(formatAmount(figures.funding!.paymentOverHold));
	});

	it('shows a sub-dollar price to the precision of its magnitude, not to two decimals', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={realAssess} />);
		fireEvent.change(screen.getByLabelText('Venue model'), {target: {value: 'custom'}});
		type(/Maintenance margin rate/, '0.5');
		type('Entry price', '0.1523');
		type('Leverage', '10');
		type('Size', '1000');
		const expected = realAssess(
			{venue: 'custom', maintenanceMarginRate: '0.005', side: 'long', marginMode: 'isolated', entryPrice: '0.1523', leverage: '10', quantity: '1000'},
			toEngineSettings(DEFAULT_SETTINGS),
		);
		if (!expected.ok) throw new Error(JSON.stringify(expected.issues));
		const {figures} = expected.value;
		const {liquidation} = figures;
		if (liquidation.kind !== 'price') throw new Error('expected a liquidation price');
		const region = results();
		// Two decimals showed a liquidation near 0.1378 as "0.14".
		expect(within(region).getByTestId('liquidation-price').textContent).toBe(formatPrice(liquidation.price));
		expect(within(region).getByTestId('liquidation-price').textContent).toMatch(/^0\.13\d\d$/);
		expect(within(region).getByTestId('break-even').textContent).toBe(formatPrice(figures.fees.breakEvenPrice));
		expect(within(region).getByTestId('break-even').textContent).not.toBe('0.1523');
		expect(within(region).getByRole('table', {name: 'PnL ladder'}).textContent).toContain(formatPrice(figures.pnlLadder[0]!.price));
	});

	it('sizes with the real engine: the second pass assesses the sized position', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={realAssess} />);
		type(/Symbol/, 'BTCUSDT');
		type(/Account size/, '10000');
		type(/Sizer entry price/, '60000');
		type(/Sizer stop-loss price/, '57000');
		type(/Sizer leverage/, '10');
		const base = {venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'isolated', entryPrice: '60000', leverage: '10', stopLossPrice: '57000', accountBalance: '10000', walletBalance: '10000', riskPercent: '1'} as const;
		const first = realAssess({...base, quantity: '1'}, toEngineSettings(DEFAULT_SETTINGS));
		const quantity = first.ok ? first.value.figures.risk!.sizing!.quantity : 'missing';
		const second = realAssess({...base, quantity}, toEngineSettings(DEFAULT_SETTINGS));
		if (!second.ok) throw new Error(JSON.stringify(second.issues));
		const region = screen.getByRole('region', {name: 'Sizer results'});
		expect(within(region).getByTestId('sizer-quantity').textContent).toBe(formatAmount(second.value.figures.risk!.sizing!.quantity, 6));
		expect(within(region).getByTestId('sizer-margin').textContent).toBe(formatAmount(second.value.figures.risk!.sizing!.margin));
		expect(within(region).getByTestId('sizer-max-leverage').textContent).toBe(`${second.value.figures.risk!.stop!.maxSafeLeverage}x`);
		expect(within(region).getByTestId('sizer-covered').textContent).toBe('yes');
	});

	it('renders whatever the real engine answers without NaN', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={realAssess} />);
		fillOrder();
		type(/Stop-loss price/, '57000');
		type(/Wallet balance/, '10000');
		expect(results().textContent).not.toMatch(/NaN|undefined|Infinity/);
		expect(results().textContent!.length).toBeGreaterThan(5);
	});

	it('prefills from the draft read on the tab, and reset clears it', () => {
		const ok = <T,>(value: T): FieldRead<T> => ({state: 'ok', value});
		const draft: OrderDraft = {
			adapter: 'bybit-linear',
			venue: 'bybit-linear',
			symbol: ok('ETHUSDT'),
			side: ok('short'),
			orderType: ok('limit'),
			price: ok('3000'),
			markPrice: ok('2990'),
			size: {state: 'ok', value: {value: '1500', unit: 'quote'}},
			leverage: ok('20'),
			marginMode: ok('cross'),
			balance: ok('5000'),
			stopLoss: ok('3100'),
			takeProfit: {state: 'empty'},
			venueLiquidationPrice: {state: 'unread', reason: 'not-found'},
			fundingRate: ok('0.0001'),
			fundingCountdownSeconds: {state: 'unread', reason: 'not-found'},
		};
		const {calls} = renderPopup({draft});
		expect(screen.getByText('Prefilled from the order form LiqGuard read on this tab.')).toBeTruthy();
		expect(calls.at(-1)).toEqual({
			venue: 'bybit-linear',
			symbol: 'ETHUSDT',
			side: 'short',
			marginMode: 'cross',
			entryPrice: '3000',
			leverage: '20',
			quantity: '0.5',
			stopLossPrice: '3100',
			walletBalance: '5000',
			fundingRate: '0.0001',
		});
		fireEvent.click(screen.getByRole('button', {name: 'Reset calculator'}));
		expect((screen.getByLabelText('Entry price') as HTMLInputElement).value).toBe('');
		expect((screen.getByLabelText('Venue model') as HTMLSelectElement).value).toBe('binance-usdm');
		expect(screen.queryByText(/Prefilled/)).toBeNull();
	});

	it('the prefill note says which choices were not read on the tab and show a default', () => {
		const draft = {adapter: 'binance-usdm', venue: 'binance-usdm', side: {state: 'ok', value: 'both'}, marginMode: {state: 'unread', reason: 'not-found'}, size: {state: 'empty'}} as unknown as OrderDraft;
		renderPopup({draft});
		expect(screen.getByText('Prefilled from the order form LiqGuard read on this tab. Not read there, left at the default: side, margin mode.')).toBeTruthy();
	});

	it('ties every input to a label', () => {
		renderPopup();
		for (const input of document.querySelectorAll('input, select')) {
			expect(document.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
		}
	});
});

describe('position sizer', () => {
	const sizerResults = () => screen.getByRole('region', {name: 'Sizer results'});

	it('sizes from account, default risk %, entry and stop and shows the engine figures', () => {
		const {calls} = renderPopup({settings: {...DEFAULT_SETTINGS, thresholds: {...DEFAULT_SETTINGS.thresholds, defaultRiskPercent: '0.5'}}});
		type(/Account size/, '10,000');
		type(/Sizer entry price/, '60000');
		type(/Sizer stop-loss price/, '57000');
		expect(sizerResults().textContent).toContain('Enter leverage.');
		type(/Sizer leverage/, '10');
		expect(calls.at(-1)).toEqual({
			venue: 'binance-usdm',
			symbol: 'BTCUSDT',
			side: 'long',
			marginMode: 'isolated',
			entryPrice: '60000',
			leverage: '10',
			stopLossPrice: '57000',
			accountBalance: '10000',
			walletBalance: '10000',
			riskPercent: '0.5',
			// second pass: the size the engine gave in the first
			quantity: '0.2',
		});
		expect(calls.at(-2)?.quantity).toBe('0.00000001');
		const region = sizerResults();
		expect(within(region).getByTestId('sizer-quantity').textContent).toBe('0.200000');
		expect(within(region).getByTestId('sizer-margin').textContent).toBe('1,200.00');
		expect(within(region).getByTestId('sizer-max-leverage').textContent).toBe('18.5x');
		expect(within(region).getByTestId('sizer-covered').textContent).toBe('yes');
	});

	it('shows the highest safe leverage as the engine floored it, never rounded up past the limit', () => {
		const stop = {status: 'ok', maxSafeLeverage: '12.46'} as const;
		const answer = {...FIXED_ASSESSMENT, figures: {...FIXED_ASSESSMENT.figures, risk: {...FIXED_ASSESSMENT.figures.risk!, stop}}};
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={recordingAssess({ok: true, value: answer}).assess} />);
		type(/Account size/, '10000');
		type(/Sizer entry price/, '60000');
		type(/Sizer stop-loss price/, '57000');
		type(/Sizer leverage/, '10');
		// One decimal half-even showed "12.5x": a leverage above the highest whose liquidation stays beyond the stop.
		expect(within(sizerResults()).getByTestId('sizer-max-leverage').textContent).toBe('12.46x');
	});

	it('the first pass does not refuse a leverage the real size allows (125x on 0.28 BTC of BTCUSDT)', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={realAssess} />);
		fillSizer({symbol: 'BTCUSDT', account: '10,000', risk: '1', entry: '60000', stop: '59700', leverage: '125'});
		// 100 / 359.85 = 0.2779 BTC ≈ 16,674 USDT notional: Binance's first BTCUSDT tier (up to 50,000) allows 125x.
		expect(within(sizerResults()).getByTestId('sizer-quantity').textContent).toBe('0.277894');
		// The leverage as parsed, not as typed.
		type(/Sizer leverage/, '020.0');
		expect(sizerResults().textContent).toContain('Margin at 20x');
	});

	it('a risk size whose tier refuses the leverage: the refusal names the limit and the risk size is shown beside it', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={realAssess} />);
		fillSizer({symbol: 'BTCUSDT', account: '1,000,000', risk: '1', entry: '60000', stop: '59700', leverage: '100'});
		const region = sizerResults();
		// 1 % of 1,000,000 = 10,000 over 300 (stop) + 30 + 29.85 (taker fees at 0.05 % in and out) = 27.789 BTC
		// ≈ 1.67M notional: Binance's BTCUSDT tier there allows 75x.
		// The 600,000–3,000,000 bracket allows 75x; 100x is allowed up to 600,000 (src/core/data/tiers.ts).
		expect(region.textContent).toContain("100x is above Binance USDⓈ-M's limit for a 1,667,361.40 position (75x up to 3,000,000.00).");
		const note = within(region).getByTestId('sizer-refused-size').textContent ?? '';
		expect(note).toMatch(/The size for 1(\.00)?\s?% risk would be 27\.789/);
		expect(within(region).queryByTestId('sizer-quantity')).toBeNull();
	});

	it('uses a typed risk % over the default', () => {
		const {calls} = renderPopup();
		fillSizer({account: '10000', risk: '2', entry: '60000', stop: '57000', leverage: '5'});
		expect(calls.at(-1)?.riskPercent).toBe('2');
		type(/Risk per trade/, '200');
		expect(screen.getByLabelText(/Risk per trade/).getAttribute('aria-invalid')).toBe('true');
	});
});

describe('reminder switches in the popup', () => {
	it('turns reminders off globally and overrides the active site', () => {
		const draft = {adapter: 'binance-usdm', venue: 'binance-usdm', size: {state: 'empty'}} as unknown as OrderDraft;
		const {saved} = renderPopup({draft});
		fireEvent.click(screen.getByLabelText('Remind me when an order form is on cross margin'));
		expect(saved.at(-1)?.reminders.enabled).toBe(false);
		fireEvent.change(screen.getByLabelText('Reminders on this site (binance-usdm)'), {target: {value: 'off'}});
		expect(saved.at(-1)?.reminders.perVenue).toEqual({'binance-usdm': false});
	});

	it('snoozes reminders for this tab only', async () => {
		const session = new FakeStorageArea();
		renderPopup({session, tabId: 42});
		fireEvent.click(await screen.findByRole('button', {name: 'Snooze reminders for this tab'}));
		await screen.findByRole('button', {name: 'Show reminders in this tab again'});
		expect(await isReminderSnoozed(session, 42)).toBe(true);
		expect(await isReminderSnoozed(session, 43)).toBe(false);
	});

	it('a switch whose save failed says so, with the reason, and keeps showing the stored state', async () => {
		const draft = {adapter: 'binance-usdm', venue: 'binance-usdm', size: {state: 'empty'}} as unknown as OrderDraft;
		const sync = new FakeStorageArea();
		sync.set = () => Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
		renderPopup({draft, onSaveSettings: next => saveSettings(sync, next)});
		const box = screen.getByLabelText('Remind me when an order form is on cross margin') as HTMLInputElement;
		fireEvent.click(box);
		expect((await screen.findByRole('alert')).textContent).toBe('Not saved: the browser refused the write (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded)');
		// The settings prop (what storage holds) did not change: the switch is back to on.
		expect((screen.getByLabelText('Remind me when an order form is on cross margin') as HTMLInputElement).checked).toBe(true);
		cleanup();
		renderPopup({draft, onSaveSettings: () => Promise.resolve({ok: false, reason: 'settings take 9000 bytes; browser sync allows 8192'})});
		fireEvent.change(screen.getByLabelText('Reminders on this site (binance-usdm)'), {target: {value: 'off'}});
		expect((await screen.findByRole('alert')).textContent).toContain('9000 bytes');
		expect((screen.getByLabelText('Reminders on this site (binance-usdm)') as HTMLSelectElement).value).toBe('follow');
	});

	it('a snooze that could not be stored says so and leaves the button as it was', async () => {
		const session = new FakeStorageArea();
		session.set = () => Promise.reject(new Error('session storage unavailable'));
		renderPopup({session, tabId: 42});
		fireEvent.click(await screen.findByRole('button', {name: 'Snooze reminders for this tab'}));
		expect((await screen.findByRole('alert')).textContent).toBe('Not changed: session storage unavailable');
		expect(screen.getByRole('button', {name: 'Snooze reminders for this tab'})).toBeTruthy();
	});
});

