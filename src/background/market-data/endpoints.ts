/**
 * Every network address LiqGuard may contact, in one place: the venues' public market-data APIs. build.mjs bundles
 * this file to generate the manifest's `host_permissions` for them and the worker's CSP `connect-src`; nothing else
 * in the extension opens a connection (the popup and options pages keep `connect-src 'none'` in their own CSP).
 *
 * Only public, keyless, documented endpoints: no API key, no cookie (`credentials: 'omit'`), nothing about the user
 * in a request. Each entry cites the venue's own doc page and the date it was checked.
 *
 * Which venue uses which request, and why some venues have none (Binance USDⓈ-M and Aster Pro: their bracket
 * endpoints are signed; Aster Simple: no per-pair parameters), is in the venue catalogue, core/venues/catalogue.ts.
 */
import type {MarketEndpointName} from '../../core/venues/catalogue.js';

export type ApiOrigin = {
	/** Scheme + host, no path: what the CSP `connect-src` lists. */
	origin: string;
	/** The host permission: the API's path prefix only, not the venue's web pages. */
	hostPermission: string;
};

/** The venues' API hosts LiqGuard may contact (host permission + CSP connect-src are generated from this list). */
export const API_ORIGINS: readonly ApiOrigin[] = [
	{origin: 'https://www.okx.com', hostPermission: 'https://www.okx.com/api/v5/public/*'},
	{origin: 'https://api.bybit.com', hostPermission: 'https://api.bybit.com/v5/market/*'},
	{origin: 'https://api.hyperliquid.xyz', hostPermission: 'https://api.hyperliquid.xyz/info'},
	{origin: 'https://indexer.dydx.trade', hostPermission: 'https://indexer.dydx.trade/v4/*'},
	{origin: 'https://arbitrum.gmxapi.io', hostPermission: 'https://arbitrum.gmxapi.io/v1/*'},
];

/** The worker's CSP `connect-src`: the API path prefixes above (CSP source expressions may carry a path). */
export function connectSources(): string[] {
	return API_ORIGINS.map(entry => entry.hostPermission.replace(/\*$/, ''));
}

export type EndpointDoc = {url: string; checked: string};

/** The documentation of each endpoint used, checked 2026-12-04. */
export const ENDPOINT_DOCS = {
	okxInstruments: {url: 'https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments', checked: '2026-12-04'},
	okxPositionTiers: {url: 'https://www.okx.com/docs-v5/en/#public-data-rest-api-get-position-tiers', checked: '2026-12-04'},
	okxFundingRate: {url: 'https://www.okx.com/docs-v5/en/#public-data-rest-api-get-funding-rate', checked: '2026-12-04'},
	bybitInstruments: {url: 'https://bybit-exchange.github.io/docs/v5/market/instrument', checked: '2026-12-04'},
	bybitRiskLimit: {url: 'https://bybit-exchange.github.io/docs/v5/market/risk-limit', checked: '2026-12-04'},
	hyperliquidMeta: {
		url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals#retrieve-perpetuals-metadata-universe-and-margin-tables',
		checked: '2026-12-04',
	},
	dydxPerpetualMarkets: {url: 'https://docs.dydx.exchange/api_integration-indexer/indexer_api', checked: '2026-12-04'},
	gmxMarkets: {url: 'https://docs.gmx.io/docs/api/', checked: '2026-12-04'},
} as const satisfies Record<MarketEndpointName, EndpointDoc>;

/** One request: a GET, or Hyperliquid's POST with a fixed public body. Never a user-specific field. */
export type ApiRequest = {url: string; method: 'GET' | 'POST'; body?: string};

const OKX = 'https://www.okx.com/api/v5/public';
const BYBIT = 'https://api.bybit.com/v5/market';

export const ENDPOINTS = {
	/** Every USDT/USDC swap at once: contract value, max leverage. */
	okxInstruments: {url: `${OKX}/instruments?instType=SWAP`, method: 'GET'},
	/** One instrument family's tiers (OKX requires the family for SWAP): reveals the market being viewed, as the page does. */
	okxPositionTiers: (instFamily: string, tdMode: 'cross' | 'isolated'): ApiRequest => ({
		url: `${OKX}/position-tiers?instType=SWAP&tdMode=${tdMode}&instFamily=${encodeURIComponent(instFamily)}`,
		method: 'GET',
	}),
	/** One swap's funding times (its interval is the difference); same market as the tiers request. */
	okxFundingRate: (instId: string): ApiRequest => ({url: `${OKX}/funding-rate?instId=${encodeURIComponent(instId)}`, method: 'GET'}),
	/** Every linear contract at once (≤ 1000 per page): max leverage, funding interval. */
	bybitInstruments: {url: `${BYBIT}/instruments-info?category=linear&limit=1000`, method: 'GET'},
	/** One symbol's risk-limit tiers (the whole list is ~30 pages of 15 symbols). */
	bybitRiskLimit: (symbol: string): ApiRequest => ({url: `${BYBIT}/risk-limit?category=linear&symbol=${encodeURIComponent(symbol)}`, method: 'GET'}),
	/** The whole main-dex universe and its margin tables. */
	hyperliquidMeta: {url: 'https://api.hyperliquid.xyz/info', method: 'POST', body: '{"type":"meta"}'},
	/** Every market with its margin fractions. */
	dydxPerpetualMarkets: {url: 'https://indexer.dydx.trade/v4/perpetualMarkets', method: 'GET'},
	/** Every Arbitrum market with its leverage tiers and min collateral. */
	gmxMarkets: {url: 'https://arbitrum.gmxapi.io/v1/markets', method: 'GET'},
} as const satisfies Record<MarketEndpointName, ApiRequest | ((...args: never[]) => ApiRequest)>;

/** True when `url` is under one of the listed API prefixes (the owner refuses anything else). */
export function isAllowedUrl(url: string): boolean {
	return connectSources().some(prefix => url.startsWith(prefix));
}
