/**
 * The venue catalogue: one record per venue model, the single place for what LiqGuard knows about a venue as such
 * (its name, where its rules are documented, its public market data and its bundled fallback tables). The engine's
 * models (`./<id>.ts`), the popup, the options and the reminders read it from here; an adapter names its venue
 * (`Adapter.venue`), and that venue's record is the adapter's name too.
 *
 * A venue's proper name is data and lives here; sentences shown to the trader are UI text and live in
 * `_locales/<lang>/messages.json`, named here by message key.
 */
import type {VenueId} from '../types.js';

export type VenueSource = {url: string; checked: string; what: string};

/** The names of the public market-data requests (`ENDPOINTS` in src/background/market-data/endpoints.ts). */
export type MarketEndpointName =
	| 'okxInstruments'
	| 'okxPositionTiers'
	| 'okxFundingRate'
	| 'bybitInstruments'
	| 'bybitRiskLimit'
	| 'hyperliquidMeta'
	| 'dydxPerpetualMarkets'
	| 'gmxMarkets';

/**
 * The offline tables in `core/data/tiers.ts` holding entries for a venue: `tiers` = BUNDLED_TIERS, `contract-values`
 * = BUNDLED_CONTRACT_VALUES, `tier-one-range` = TIER_ONE_RANGES, `loss-rate-bands` = ASTER_SIMPLE_BANDS.
 */
export type BundledTableName = 'tiers' | 'contract-values' | 'tier-one-range' | 'loss-rate-bands';

export type VenueMarketData = {
	/** The public, keyless requests the worker makes for this venue's parameters; empty = no live source. */
	endpoints: readonly MarketEndpointName[];
	/** Why there is no live source, when `endpoints` is empty. */
	noLiveSource?: string;
	bundled: readonly BundledTableName[];
};

export type VenueRecord = {
	id: VenueId;
	/** The venue's own product name, the one label shown everywhere (panel, popup, options, warnings). */
	name: string;
	/**
	 * Message key of how to switch this venue's order form to isolated margin (the reminder's how-to). Absent for a
	 * venue without cross margin: its positions are always isolated, so the reminder never shows there.
	 */
	isolatedHowToKey?: string;
	/** Where the model's rules are documented, with the date checked. */
	sources: readonly VenueSource[];
	marketData: VenueMarketData;
};

export const VENUE_CATALOGUE: Readonly<Record<VenueId, VenueRecord>> = {
	'binance-usdm': {
		id: 'binance-usdm',
		name: 'Binance USDⓈ-M',
		isolatedHowToKey: 'venue_isolated_howto_binance_usdm',
		sources: [
			{
				url: 'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93',
				checked: '2026-11-21',
				what: 'liquidation formula, maintenance amount recursion',
			},
			{url: 'https://www.binance.com/en/support/faq/binance-futures-fee-structure-fee-calculations-360033544231', checked: '2026-11-21', what: 'fees'},
			{url: 'https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-Info', checked: '2026-11-21', what: 'funding interval per symbol'},
		],
		marketData: {endpoints: [], noLiveSource: 'The documented bracket endpoint (GET /fapi/v1/leverageBracket) is USER_DATA, signed with an API key; the keyless feed of its own web page is undocumented.', bundled: ['tiers', 'tier-one-range']},
	},
	'bybit-linear': {
		id: 'bybit-linear',
		name: 'Bybit USDT perpetual',
		isolatedHowToKey: 'venue_isolated_howto_bybit_linear',
		sources: [
			{url: 'https://www.bybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account', checked: '2026-11-21', what: 'UTA isolated liquidation (quoted)'},
			{url: 'https://www.bybit.com/en/help-center/article/UTA-Trading-Rules', checked: '2026-11-21', what: 'UTA liquidation process'},
			{url: 'https://testnet.bybit.com/en-US/help-center/s/article/Liquidation-Price-USDT-Contract', checked: '2026-11-21', what: 'classic account formula'},
			{url: 'https://www.bybit.com/en/help-center/article/Funding-fee-calculation', checked: '2026-11-21', what: 'funding'},
		],
		marketData: {endpoints: ['bybitRiskLimit', 'bybitInstruments'], bundled: ['tiers']},
	},
	'okx-swap': {
		id: 'okx-swap',
		name: 'OKX perpetual swap',
		isolatedHowToKey: 'venue_isolated_howto_okx_swap',
		sources: [
			{url: 'https://www.okx.com/learn/when-would-my-order-be-liquidated', checked: '2026-11-21', what: 'margin ratio and liquidation'},
			{url: 'https://www.okx.com/help/vii-introduction-to-the-isolated-mode-of-single-multi-currency-portfolio-margin', checked: '2026-11-21', what: 'isolated margin ratio incl. fee'},
			{url: 'https://okx.com/pt-pt/help/iv-introduction-to-perpetual-swap-funding-fee', checked: '2026-11-21', what: 'funding'},
		],
		marketData: {endpoints: ['okxPositionTiers', 'okxInstruments', 'okxFundingRate'], bundled: ['contract-values', 'tier-one-range']},
	},
	hyperliquid: {
		id: 'hyperliquid',
		name: 'Hyperliquid',
		isolatedHowToKey: 'venue_isolated_howto_hyperliquid',
		sources: [
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations', checked: '2026-11-21', what: 'liquidation formula'},
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers', checked: '2026-11-21', what: 'margin tiers'},
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/funding', checked: '2026-11-21', what: 'hourly funding on oracle price'},
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/fees', checked: '2026-11-21', what: 'fees'},
		],
		marketData: {endpoints: ['hyperliquidMeta'], bundled: ['tiers', 'tier-one-range']},
	},
	'aster-pro': {
		id: 'aster-pro',
		name: 'Aster Pro',
		isolatedHowToKey: 'venue_isolated_howto_aster_pro',
		sources: [
			{url: 'https://www.asterdex.com/en/futures/trading-rules/leverage-and-margin', checked: '2026-11-21', what: 'IM and MM definitions'},
			{url: 'https://github.com/asterdex/api-docs', checked: '2026-11-21', what: 'Binance-compatible leverageBracket / positionRisk'},
			{url: 'https://docs.asterdex.com/product/asterex-pro/pro-fees', checked: '2026-11-21', what: 'fees (page content not captured)'},
		],
		marketData: {endpoints: [], noLiveSource: 'The documented bracket endpoint (GET /fapi/v3/leverageBracket) is USER_DATA, signed with an API key.', bundled: ['tiers', 'tier-one-range']},
	},
	'aster-simple': {
		id: 'aster-simple',
		name: 'Aster Simple (1001x)',
		sources: [
			{url: 'https://docs.asterdex.com/product/perp-shield/liquidations', checked: '2026-11-21', what: 'liquidation formula and loss-rate bands'},
			{url: 'https://docs.asterdex.com/trading/shield-mode/user-tutorial', checked: '2026-11-21', what: 'hourly funding, 20x–1001x'},
			{url: 'https://apollox-finance.gitbook.io/apollox-finance/welcome/trading-on-v2/faq/v2-fees-and-slippage', checked: '2026-11-21', what: 'fees (predecessor)'},
		],
		marketData: {endpoints: [], noLiveSource: 'Simple mode publishes no per-pair parameters; its documented loss-rate bands are bundled.', bundled: ['loss-rate-bands']},
	},
	'dydx-v4': {
		id: 'dydx-v4',
		name: 'dYdX v4',
		isolatedHowToKey: 'venue_isolated_howto_dydx_v4',
		sources: [
			{url: 'https://github.com/dydxprotocol/v4-documentation/blob/HEAD/pages/concepts-trading/margin.md', checked: '2026-11-21', what: 'margin requirements'},
			{url: 'https://github.com/dydxprotocol/v4-web/blob/HEAD/src/bonsai/calculators/subaccount.ts', checked: '2026-11-21', what: 'liquidation price'},
			{url: 'https://docs.dydx.exchange/introduction-trading_fees', checked: '2026-11-21', what: 'fees'},
		],
		marketData: {endpoints: ['dydxPerpetualMarkets'], bundled: []},
	},
	'gmx-v2': {
		id: 'gmx-v2',
		name: 'GMX v2',
		sources: [
			{url: 'https://docs.gmx.io/docs/trading/liquidations', checked: '2026-11-21', what: 'liquidation condition'},
			{url: 'https://github.com/gmx-io/gmx-interface/blob/HEAD/src/domain/synthetics/positions/utils.ts', checked: '2026-11-21', what: 'getLiquidationPrice'},
			{url: 'https://docs.gmx.io/docs/trading/fees', checked: '2026-11-21', what: 'position fees'},
		],
		marketData: {endpoints: ['gmxMarkets'], bundled: ['tier-one-range']},
	},
	custom: {
		id: 'custom',
		name: 'Custom (your maintenance rate)',
		isolatedHowToKey: 'venue_isolated_howto_custom',
		sources: [
			{
				url: 'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93',
				checked: '2026-11-21',
				what: 'the maintenance-margin liquidation condition every order-book venue shares',
			},
		],
		marketData: {endpoints: [], noLiveSource: 'Any other exchange: the rate comes from the user.', bundled: []},
	},
};

/**
 * The venue's name. A call, not a property read, so a bundle that imports a venue model without using it can still
 * drop it (`@__PURE__` at the call site): the content script must not carry the engine's tables.
 */
export function venueName(id: VenueId): string {
	return VENUE_CATALOGUE[id].name;
}
