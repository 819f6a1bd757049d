/**
 * The market the popup assumes when its optional symbol is empty: for a venue whose engine model needs a market to
 * find its maintenance tiers, the one market with a bundled table on every such venue, BTC, named as the venue
 * names it. It is always shown as "BTCUSDT (default)", never as if the trader had typed it.
 *
 * Names (checked 2026-12-04):
 * - Binance USDⓈ-M: `symbol` "BTCUSDT" in GET /fapi/v1/exchangeInfo,
 *   https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Exchange-Information
 * - Aster Pro: the same Binance-compatible symbols, https://github.com/asterdex/api-docs
 * - Bybit USDT perpetual: `symbol` "BTCUSDT" for category=linear in GET /v5/market/instruments-info,
 *   https://bybit-exchange.github.io/docs/v5/market/instrument
 * - Hyperliquid: the bare coin name "BTC" in the `meta` universe,
 *   https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals
 *
 * Venues left out either need no market (dYdX and GMX models use one documented rate), or have no bundled table for
 * any market (OKX, Aster Simple, the custom model): a default there would not help, so the popup asks instead.
 */
import {baseAsset} from '../core/symbols.js';
import {BUNDLED_TIERS} from '../core/data/tiers.js';
import type {VenueId} from '../core/types.js';

export const DEFAULT_MARKETS: Readonly<Partial<Record<VenueId, string>>> = {
	'binance-usdm': 'BTCUSDT',
	'aster-pro': 'BTCUSDT',
	'bybit-linear': 'BTCUSDT',
	hyperliquid: 'BTC',
};

/** The venue's default market, only when LiqGuard bundles its tier table (so the default gives a figure). */
export function defaultMarketOf(venue: VenueId): string | undefined {
	const market = DEFAULT_MARKETS[venue];
	const asset = baseAsset(market);
	return market && asset && BUNDLED_TIERS[venue]?.[asset] ? market : undefined;
}

/** The symbol to send to the engine: what was typed (upper-cased), else the venue's default, else none. */
export function resolveSymbol(typed: string, venue: VenueId): {symbol?: string; isDefault: boolean} {
	const symbol = typed.trim().toUpperCase();
	if (symbol) return {symbol, isDefault: false};
	const fallback = defaultMarketOf(venue);
	return fallback ? {symbol: fallback, isDefault: true} : {isDefault: false};
}
