// @vitest-environment happy-dom
/**
 * The popup with market parameters from the background: the figures use them and say where they came from; with
 * none, the engine's missing-rate refusal offers the typed-rate field, whose rate is then used and labelled typed.
 */
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
import {afterEach, describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import type {MarketParams} from '../../../src/core/market-params.js';
import type {VenueId} from '../../../src/core/types.js';
import {PopupApp} from '../../../src/popup/popup-app.js';
import type {MarketAnswer, MarketApi} from '../../../src/popup/market-source.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 4, 15);
const OKX_BTC: MarketParams = {
	venue: 'okx-swap',
	symbol: 'BTC-USDT-SWAP',
	contractValue: '0.01',
	tierBasis: 'contracts',
	tiers: [{notionalFloor: '0', notionalCap: '2000', maintenanceMarginRate: '0.004', maintenanceDeduction: '0', maxLeverage: '100'}],
	source: {kind: 'live', label: 'OKX position tiers', url: 'https://www.okx.com/api/v5/public/position-tiers', fetchedAtMs: NOW - 3 * 3600_000},
};

function fakeApi(answer: (venue: VenueId, symbol: string) => MarketAnswer | undefined) {
	const saved: {venue: VenueId; symbol: string; rate: string}[] = [];
	const api: MarketApi = {
		params: async (venue, symbol) => answer(venue, symbol),
		saveTypedRate: async (venue, symbol, rate) => {
			saved.push({venue, symbol, rate});
			return true;
		},
		now: () => NOW,
	};
	return {api, saved};
}

function type(label: string | RegExp, text: string) {
	fireEvent.input(screen.getByLabelText(label), {target: {value: text}});
}

function fillOkxOrder() {
	fireEvent.change(screen.getByLabelText('Venue model'), {target: {value: 'okx-swap'}});
	type(/^Symbol/, 'BTC-USDT-SWAP');
	type('Entry price', '90000');
	type('Leverage', '10');
	type('Size', '0.15');
}

describe('popup market parameters', () => {
	it('uses the live OKX tier and shows its source line', async () => {
		const {api} = fakeApi(() => ({params: OKX_BTC, notice: {state: 'live', source: OKX_BTC.source}}));
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => undefined} assess={assess} market={api} />);
		fillOkxOrder();
		// 0.15 BTC = 15 contracts: tier 1, mmr 0.4 %, no deduction. Isolated long, margin 13,500 / 10 = 1,350:
		// LP = (90,000 − 1,350 / 0.15) / (1 − 0.004 − 0.0005 taker) = 81,000 / 0.9955 = 81,366.15
		await waitFor(() => expect(screen.getByTestId('market-source').textContent).toBe('Parameters: OKX position tiers, fetched 3 h ago'));
		expect(screen.getByTestId('liquidation-price').textContent).toMatch(/^81,366\.1/);
	});

	it('the position sizer uses the same live tier: it sizes an OKX trade instead of asking for the rate', async () => {
		const {api} = fakeApi(() => ({params: OKX_BTC, notice: {state: 'live', source: OKX_BTC.source}}));
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => undefined} assess={assess} market={api} />);
		fillOkxOrder();
		await waitFor(() => expect(screen.getByTestId('market-source')).toBeTruthy());
		type(/Account size/, '10000');
		type(/Risk per trade/, '1');
		type(/Sizer entry price/, '90000');
		type(/Sizer stop-loss price/, '88000');
		type(/Sizer leverage/, '10');
		const sizer = screen.getByRole('region', {name: 'Sizer results'});
		await waitFor(() => expect(sizer.querySelector('.refused')).toBeNull());
		// 1 % of 10,000 = 100 at risk: per BTC, the 2,000 stop distance plus taker fees 0.05 % in (45) and out at the
		// stop (44) = 2,089, so 100 / 2,089 = 0.047870 BTC (4.8 contracts, tier 1).
		expect(sizer.textContent).toContain('0.047870');
		expect(sizer.textContent).not.toMatch(/maintenanceMarginRate/);
	});

	it('without a table: a range, the typed field saves per market, and the typed rate is labelled', async () => {
		let typed: string | undefined;
		const {api, saved} = fakeApi(() =>
			typed === undefined
				? {params: null, notice: {state: 'unavailable'}}
				: {
						params: {venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', tiers: [{notionalFloor: '0', maintenanceMarginRate: typed, maintenanceDeduction: '0'}], tierBasis: 'notional', source: {kind: 'typed', savedAtMs: NOW}},
						notice: {state: 'typed', source: {kind: 'typed', savedAtMs: NOW}},
					},
		);
		render(<PopupApp settings={DEFAULT_SETTINGS} onSaveSettings={() => undefined} assess={assess} market={api} />);
		fillOkxOrder();
		await waitFor(() => expect(screen.getByTestId('typed-rate')).toBeTruthy());
		// Meanwhile the figures span OKX's documented tier-1 rates, marked as an estimate, never a plain figure.
		expect(screen.getByTestId('liquidation-price').textContent).toMatch(/^≈ between /);
		type(/Maintenance margin rate for BTC-USDT-SWAP/, '0.4');
		typed = '0.004';
		fireEvent.click(screen.getByRole('button', {name: 'Remember for this market'}));
		await waitFor(() => expect(saved).toEqual([{venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', rate: '0.004'}]));
		await waitFor(() => expect(screen.getByTestId('market-source').textContent).toBe('Parameters: Maintenance rate you typed'));
		expect(screen.getByTestId('liquidation-price').textContent).toMatch(/^≈ 81,366\.1/);
	});
});
