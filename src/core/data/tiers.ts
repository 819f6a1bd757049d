/**
 * Bundled maintenance tier tables, dated, with their source. Venues change these: the live tables (Binance
 * GET /fapi/v1/leverageBracket, Bybit GET /v5/market/risk-limit, Hyperliquid `meta` marginTables) win; these are
 * used only when the input gives no rate or table, and the panel says so ("bundled table as of …").
 */
import type {Tier, VenueId} from '../types.js';

export type BundledTable = {asOf: string; source: string; tiers: readonly Tier[]; note?: string; tierBasis?: 'notional' | 'contracts'};

const t = (floor: string, cap: string | undefined, rate: string, maxLeverage: string, deduction?: string): Tier => ({
	notionalFloor: floor,
	...(cap === undefined ? {} : {notionalCap: cap}),
	maintenanceMarginRate: rate,
	maxLeverage,
	...(deduction === undefined ? {} : {maintenanceDeduction: deduction}),
});

/**
 * Binance USDⓈ-M: freqtrade's snapshot of GET /fapi/v1/leverageBracket (file commit 2024-10-24); every `cum` checks
 * against the FAQ recursion. Binance's own leverage-and-margin page renders from an undocumented feed; its own
 * notice of 2021-03-18 (https://www.binance.com/en/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6, checked
 * 2026-12-04) gives the same BTCUSDT tier 1 (0–50,000 USDT, 0.40 %, 125x); its later rows have since changed.
 */
const BINANCE_SOURCE = 'https://github.com/freqtrade/freqtrade/blob/HEAD/freqtrade/exchange/binance_leverage_tiers.json';
const BINANCE_BTC: readonly Tier[] = [
	t('0', '50000', '0.004', '125', '0'),
	t('50000', '600000', '0.005', '100', '50'),
	t('600000', '3000000', '0.0065', '75', '950'),
	t('3000000', '12000000', '0.01', '50', '11450'),
	t('12000000', '70000000', '0.02', '25', '131450'),
	t('70000000', '100000000', '0.025', '20', '481450'),
	t('100000000', '230000000', '0.05', '10', '2981450'),
	t('230000000', '480000000', '0.1', '5', '14481450'),
	t('480000000', '600000000', '0.125', '4', '26481450'),
	t('600000000', '800000000', '0.15', '3', '41481450'),
	t('800000000', '1200000000', '0.25', '2', '121481450'),
	t('1200000000', '1800000000', '0.5', '1', '421481450'),
];
const BINANCE_ETH: readonly Tier[] = [
	t('0', '50000', '0.004', '125', '0'),
	t('50000', '600000', '0.005', '100', '50'),
	t('600000', '3000000', '0.0065', '75', '950'),
	t('3000000', '12000000', '0.01', '50', '11450'),
	t('12000000', '50000000', '0.02', '25', '131450'),
	t('50000000', '65000000', '0.025', '20', '381450'),
	t('65000000', '150000000', '0.05', '10', '2006450'),
	t('150000000', '320000000', '0.1', '5', '9506450'),
	t('320000000', '400000000', '0.125', '4', '17506450'),
	t('400000000', '530000000', '0.15', '3', '27506450'),
	t('530000000', '800000000', '0.25', '2', '80506450'),
	t('800000000', '1200000000', '0.5', '1', '280506450'),
];

/**
 * Bybit BTCUSDT risk limits, GET /v5/market/risk-limit as captured 2026-08-05 by a third-party repository
 * (SECONDARY; consistent with the MMR steps Bybit's page states, BYBIT_SOURCE below). Only tiers 1–5 are
 * contiguous in the capture, so the table stops at 4.4M: a larger position asks for the rate instead of guessing.
 */
const BYBIT_SOURCE = 'https://www.bybit.com/en/help-center/article/Maintenance-Margin-USDT-Contract';
const BYBIT_BTC: readonly Tier[] = [
	t('0', '2000000', '0.005', '100', '0'),
	t('2000000', '2600000', '0.0056', '90', '1200'),
	t('2600000', '3200000', '0.0063', '80', '3020'),
	t('3200000', '3800000', '0.0067', '75', '4300'),
	t('3800000', '4400000', '0.0071', '70', '5820'),
];

/** Hyperliquid mainnet margin tiers (HYPERLIQUID_SOURCE below): rate = 1 / (2 × max leverage). */
const HYPERLIQUID_SOURCE = 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers';
const hl = (floor: string, cap: string | undefined, maxLeverage: string): Tier => ({
	notionalFloor: floor,
	...(cap === undefined ? {} : {notionalCap: cap}),
	maxLeverage,
});

export const BUNDLED_TIERS: Partial<Record<VenueId, Readonly<Record<string, BundledTable>>>> = {
	'binance-usdm': {
		BTC: {asOf: '2024-10-24', source: BINANCE_SOURCE, tiers: BINANCE_BTC},
		ETH: {asOf: '2024-10-24', source: BINANCE_SOURCE, tiers: BINANCE_ETH},
	},
	'aster-pro': {
		// Aster publishes no bracket table we could capture; its futures API is Binance-compatible
		// (https://github.com/asterdex/api-docs), so Binance's brackets are the working assumption.
		BTC: {asOf: '2024-10-24', source: BINANCE_SOURCE, tiers: BINANCE_BTC, note: "Binance's BTCUSDT brackets, assumed for Aster Pro"},
		ETH: {asOf: '2024-10-24', source: BINANCE_SOURCE, tiers: BINANCE_ETH, note: "Binance's ETHUSDT brackets, assumed for Aster Pro"},
	},
	'bybit-linear': {
		BTC: {asOf: '2026-08-05', source: BYBIT_SOURCE, tiers: BYBIT_BTC, note: 'tiers 1–5 only (to 4.4M USDT)'},
	},
	hyperliquid: {
		BTC: {asOf: '2026-11-21', source: HYPERLIQUID_SOURCE, tiers: [hl('0', '150000000', '40'), hl('150000000', undefined, '20')]},
		ETH: {asOf: '2026-11-21', source: HYPERLIQUID_SOURCE, tiers: [hl('0', '100000000', '25'), hl('100000000', undefined, '15')]},
		SOL: {asOf: '2026-11-21', source: HYPERLIQUID_SOURCE, tiers: [hl('0', '70000000', '20'), hl('70000000', undefined, '10')]},
		XRP: {asOf: '2026-11-21', source: HYPERLIQUID_SOURCE, tiers: [hl('0', '40000000', '20'), hl('40000000', undefined, '10')]},
	},
};

/**
 * OKX contract values (`ctVal`, base units per contract) for the bundled markets: the instrument's own field in
 * GET /api/v5/public/instruments (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments) and the
 * order form's "Single contract value 0.01 BTC" hint; checked 2026-11-21. OKX publishes no BTC-USDT-SWAP or
 * ETH-USDT-SWAP position-tier table outside its API that we could find (its position-tier notices list altcoins),
 * so no OKX rate is bundled: an OKX market without live tiers falls back to its own estimate, then a range.
 */
export const BUNDLED_CONTRACT_VALUES: Partial<Record<VenueId, Readonly<Record<string, {contractValue: string; asOf: string; source: string}>>>> = {
	'okx-swap': {
		// Keyed by instrument id: BTC-USD-SWAP (coin-margined) has another contract.
		'BTC-USDT-SWAP': {contractValue: '0.01', asOf: '2026-11-21', source: 'https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments'},
		'ETH-USDT-SWAP': {contractValue: '0.1', asOf: '2026-11-21', source: 'https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments'},
	},
};

/**
 * The documented tier-1 maintenance rates of a venue, for the last fallback (a liquidation range, never a figure
 * shown as fact). `maxLeverageRule`: Hyperliquid's rate is 1 / (2 × max leverage), so an order at leverage L can
 * only be on a market whose rate is at most 1 / (2 × L): the high end is capped there.
 */
export type RateRange = {
	lowRate: string;
	highRate: string;
	label: string;
	asOf: string;
	source: string;
	maxLeverageRule?: 'half-initial';
	/** The input the range is over: the maintenance rate, or GMX's minimum collateral factor. */
	field?: 'maintenanceMarginRate' | 'minCollateralFactor';
};

export const TIER_ONE_RANGES: Partial<Record<VenueId, RateRange>> = {
	// OKX position-tier notices: tier-1 maintenance ratios from 0.50 % (ADAUSDT after the change) to 1.00 % (the
	// "before" column of every listed USDT swap), https://www.okx.com/help/okx-to-adjust-position-tiers-of-perpetual-swaps-2023-05-15
	// (and the 2023-04-17 notice), checked 2026-12-04.
	'okx-swap': {
		lowRate: '0.005',
		highRate: '0.01',
		label: "OKX's published tier-1 rates (0.5–1 %)",
		asOf: '2023-05-15',
		source: 'https://www.okx.com/help/okx-to-adjust-position-tiers-of-perpetual-swaps-2023-05-15',
	},
	// Binance's own tier notice (Updates to Leverage and Margin Tiers of Binance Futures Contracts, 2021-03-18,
	// https://www.binance.com/en/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6, checked 2026-12-04): tier 1 is
	// 0.40 % at 125x (BTCUSDT) and 1.00 % at 50x (smaller USDT perpetuals), and every row's maintenance rate is half
	// its initial margin at the row's max leverage, down to 5.00 % at 10x. An order at leverage L is on a market whose
	// tier 1 allows L, so its rate is at most 1 / (2 × L).
	'binance-usdm': {
		lowRate: '0.004',
		highRate: '0.05',
		label: "Binance's published tier-1 rates (0.4 % at 125x; half the initial margin at the market's max leverage)",
		asOf: '2021-03-18',
		source: 'https://www.binance.com/en/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6',
		maxLeverageRule: 'half-initial',
	},
	// Aster's futures API and margin definitions are Binance's (see the Aster Pro model): Binance's range, said so.
	'aster-pro': {
		lowRate: '0.004',
		highRate: '0.05',
		label: "Binance's published tier-1 rates, assumed for Aster Pro",
		asOf: '2021-03-18',
		source: 'https://www.binance.com/en/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6',
		maxLeverageRule: 'half-initial',
	},
	// Margin tiers page: max leverage from 40x down to 3x per asset, maintenance = half the initial margin at max
	// leverage (1.25 %–16.7 %), https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers, checked 2026-11-21.
	hyperliquid: {
		lowRate: '0.0125',
		highRate: '0.16666666666666666667',
		label: "Hyperliquid's documented margin tiers (40x–3x)",
		asOf: '2026-11-21',
		source: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers',
		maxLeverageRule: 'half-initial',
	},
	// GMX liquidations page: the minimum collateral threshold is 0.25 %–1 % of the position size, per market,
	// https://docs.gmx.io/docs/trading/liquidations, checked 2026-11-21.
	'gmx-v2': {
		lowRate: '0.0025',
		highRate: '0.01',
		label: "GMX's documented minimum collateral factors (0.25–1 %)",
		asOf: '2026-11-21',
		source: 'https://docs.gmx.io/docs/trading/liquidations',
		field: 'minCollateralFactor',
	},
};

/**
 * Aster Simple (Perp Shield) loss-rate bands from its docs: 65 % for 20x–500x, 60 % for 501x–1001x,
 * https://docs.asterdex.com/product/perp-shield/liquidations, checked 2026-11-21. Newer per-pair bands are reported
 * by third parties only; the live value wins when the market data carries one.
 */
export const ASTER_SIMPLE_BANDS = {
	asOf: '2026-11-21',
	source: 'https://docs.asterdex.com/product/perp-shield/liquidations',
	bands: [
		{minLeverage: '20', maxLeverage: '500', liquidationLossRate: '0.65'},
		{minLeverage: '501', maxLeverage: '1001', liquidationLossRate: '0.6'},
	],
} as const;
