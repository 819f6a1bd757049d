// @vitest-environment happy-dom
/**
 * The sizer protects the trader: leverage past its own safe maximum is a danger, the fees inside the size are
 * stated, a stop on the wrong side is named at the field, bad text gets a reason per field. Figures computed by hand.
 */
import {cleanup, fireEvent, render, screen, within} from '@testing-library/preact';
import {afterEach, describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {PopupApp} from '../../../src/popup/popup-app.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {BAD_NUMBER_CASES} from './bad-number-cases.js';

afterEach(cleanup);

function type(label: string | RegExp, text: string) {
	fireEvent.input(screen.getByLabelText(label), {target: {value: text}});
}

function renderSizer(fields: {account: string; risk?: string; entry: string; stop: string; leverage: string}) {
	render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
	type(/Account size/, fields.account);
	if (fields.risk !== undefined) type(/Risk per trade/, fields.risk);
	type(/Sizer entry price/, fields.entry);
	type(/Sizer stop-loss price/, fields.stop);
	type(/Sizer leverage/, fields.leverage);
}

const sizerResults = () => screen.getByRole('region', {name: 'Sizer results'});
const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const errorOf = (label: RegExp) => {
	const describedBy = input(label).getAttribute('aria-describedby') ?? '';
	return document.getElementById(describedBy.split(' ')[0]!)?.textContent ?? '';
};

describe('the sizer flags leverage that liquidates before its stop', () => {
	// 10,000 account, 2 % = 200 at risk; long from 60,000, stop 58,800, Binance BTCUSDT (the default market), taker 0.05 %.
	// Per BTC: 1,200 move + 30 open fee + 29.4 close fee at the stop = 1,259.4 → 200 / 1,259.4 = 0.158806 BTC.
	const ux09 = {account: '10000', risk: '2', entry: '60000', stop: '58800'};

	it('50x: danger, liquidation 59,036.1 before the stop, at most 38.26x; the margin is what is lost', () => {
		renderSizer({...ux09, leverage: '50'});
		const region = sizerResults();
		expect(within(region).getByTestId('sizer-quantity').textContent).toBe('0.158806');
		const flag = within(region).getByTestId('sizer-leverage-danger');
		expect(flag.getAttribute('role')).toBe('alert');
		expect(flag.className).toContain('warning--danger');
		// 60,000 × (1 − 1/50) / (1 − 0.004) = 59,036.14; margin 0.158806 × 60,000 / 50 = 190.57.
		expect(flag.textContent).toContain('50x liquidates at 59,036.1, before your stop at 58,800');
		expect(flag.textContent).toContain('the whole margin (190.57)');
		// (58,800 − 6,000) / 0.9 = 58,666.67 must be at or above the liquidation: 60,000 / (60,000 − 0.996 × 58,666.67) = 38.265.
		expect(flag.textContent).toContain('Use 38.26x or less.');
		expect(within(region).getByTestId('sizer-max-leverage').textContent).toBe('38.26x');
	});

	it('states the fees included in the size: 9.43 of the 200.00 (open 4.76, close at the stop 4.67)', () => {
		renderSizer({...ux09, leverage: '50'});
		const region = sizerResults();
		expect(within(region).getByTestId('sizer-loss').textContent).toBe('200.00');
		// 0.158806 × 30 = 4.764; 0.158806 × 29.4 = 4.669; together 0.158806 × 59.4 = 9.433.
		expect(within(region).getByTestId('sizer-fees').textContent).toBe('9.43: open 4.76 at 0.05 %, close at the stop 4.67 at 0.05 %');
		// 0.158806 × 1,200 = 190.57.
		expect(within(region).getByTestId('sizer-move-loss').textContent).toBe('190.57');
	});

	it('38x: no flag; 38.27x: flagged (the liquidation is inside the stop buffer)', () => {
		renderSizer({...ux09, leverage: '38'});
		expect(within(sizerResults()).queryByTestId('sizer-leverage-danger')).toBeNull();
		type(/Sizer leverage/, '38.27');
		const flag = within(sizerResults()).getByTestId('sizer-leverage-danger');
		expect(flag.textContent).toContain('so close to your stop at 58,800');
		expect(flag.textContent).toContain('Use 38.26x or less.');
	});

	it('names the default market it sized on', () => {
		renderSizer({...ux09, leverage: '10'});
		expect(screen.getByText(/Uses the venue, symbol and side of the calculator \(BTCUSDT \(default\), long, isolated\)/)).toBeTruthy();
	});
});

describe('a stop on the wrong side gets a clear message at the field', () => {
	it('long with the stop above the entry', () => {
		renderSizer({account: '10000', entry: '60000', stop: '61000', leverage: '10'});
		expect(errorOf(/Sizer stop-loss price/)).toContain('For a long the stop goes below the entry (60,000); 61,000 is above it');
		expect(input(/Sizer stop-loss price/).getAttribute('aria-invalid')).toBe('true');
		expect(sizerResults().textContent).toContain('Fix the highlighted fields.');
		expect(sizerResults().textContent).not.toContain('no sizing');
	});

	it('short with the stop below the entry', () => {
		renderSizer({account: '10000', entry: '60000', stop: '59000', leverage: '10'});
		fireEvent.click(screen.getByLabelText('Short'));
		expect(errorOf(/Sizer stop-loss price/)).toContain('For a short the stop goes above the entry (60,000); 59,000 is below it');
		fireEvent.click(screen.getByLabelText('Long'));
		expect(input(/Sizer stop-loss price/).getAttribute('aria-invalid')).toBe('false');
		expect(within(sizerResults()).getByTestId('sizer-quantity')).toBeTruthy();
	});

	it('a stop at the entry', () => {
		renderSizer({account: '10000', entry: '60000', stop: '60,000', leverage: '10'});
		expect(errorOf(/Sizer stop-loss price/)).toContain('The stop is at the entry (60,000): there is no loss to size from.');
	});
});

describe('bad input in the sizer: a reason per field, the text kept', () => {
	const fields = [/Account size/, /Risk per trade/, /Sizer entry price/, /Sizer stop-loss price/, /Sizer leverage/];
	it.each(BAD_NUMBER_CASES)('%s', (_what, text, reason) => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
		for (const label of fields) {
			type(label, text);
			expect(errorOf(label), String(label)).toContain(reason);
			expect(input(label).value).toBe(text);
		}
		expect(sizerResults().textContent).toContain('Fix the highlighted fields.');
		expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
	});
});

it('a plain number above 1e30 is too large, at its field (not an engine key)', () => {
	render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
	const huge = '1'.padEnd(32, '0');
	for (const label of [/Account size/, /Sizer entry price/, /Sizer stop-loss price/]) {
		type(label, huge);
		expect(errorOf(label)).toBe('Too large for an amount, a price or a leverage.');
		expect(input(label).value).toBe(huge);
	}
	expect(sizerResults().textContent).toContain('Fix the highlighted fields.');
});

describe('an empty symbol uses the venue default or asks for one, never an engine key', () => {
	it('Binance: the hint names BTCUSDT (default) and the calculator computes', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
		type('Entry price', '60000');
		type('Leverage', '10');
		type('Size', '0.5');
		expect(screen.getByTestId('calc-symbol-hint').textContent).toBe('Empty: BTCUSDT (default), whose tier table LiqGuard bundles.');
		expect((screen.getByLabelText(/^Symbol/) as HTMLInputElement).placeholder).toBe('BTCUSDT');
		// 60,000 × (1 − 1/10) / (1 − 0.004) = 54,216.87.
		expect(screen.getByTestId('liquidation-price').textContent).toBe('≈ 54,216.9');
	});

	it('Hyperliquid names its market as the venue does: BTC', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
		fireEvent.change(screen.getByLabelText('Venue model'), {target: {value: 'hyperliquid'}});
		expect(screen.getByTestId('calc-symbol-hint').textContent).toBe('Empty: BTC (default), whose tier table LiqGuard bundles.');
	});

	it('OKX (no bundled table for any market): asks for the market in words', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
		fireEvent.change(screen.getByLabelText('Venue model'), {target: {value: 'okx-swap'}});
		type('Entry price', '60000');
		type('Leverage', '10');
		type('Size', '0.5');
		const hint = screen.getByTestId('calc-symbol-hint').textContent ?? '';
		expect(hint).toBe('No default market for OKX perpetual swap: enter the market you trade.');
		expect(hint).not.toContain('maintenanceMarginRate');
	});

	it('a typed symbol wins over the default', () => {
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => {}} assess={assess} />);
		type(/^Symbol/, 'ethusdt');
		expect(screen.getByTestId('calc-symbol-hint').textContent).toBe("Selects the venue's bundled tier table when there is one.");
	});
});
