/**
 * dYdX v4 (dYdX Chain).
 *
 * GET https://indexer.dydx.trade/v4/perpetualMarkets (https://docs.dydx.exchange/api_integration-indexer/indexer_api,
 * checked 2026-12-04): `{markets: {[ticker]: {ticker, status, initialMarginFraction, maintenanceMarginFraction, …}}}`,
 * decimal strings. The indexer gives the liquidity tier's base IMF and IMF × maintenance fraction, so the MMF is the
 * whole-position maintenance rate; open-interest scaling raises only the IMF (max leverage). Funding is hourly.
 */
import {D} from '../../core/decimal.js';
import {fail, guarded, MAX_MARKETS, marketId, plain, rate, record, type MarketEntry, type ParseResult} from './schema.js';

export function parseDydxPerpetualMarkets(body: unknown): ParseResult {
	return guarded(() => {
		const top = record(body, 'response');
		const entries = Object.entries(record(top.markets, 'markets'));
		if (entries.length === 0) fail('markets is empty');
		if (entries.length > MAX_MARKETS) fail(`markets has ${entries.length} entries`);
		const markets: Record<string, MarketEntry> = {};
		for (const [key, raw] of entries) {
			const market = record(raw, `markets.${key.slice(0, 40)}`);
			const ticker = marketId(market.ticker, `markets.${key.slice(0, 40)}.ticker`);
			if (ticker !== key) fail(`markets.${key.slice(0, 40)}.ticker does not match its key`);
			const initial = rate(market.initialMarginFraction, `markets.${ticker}.initialMarginFraction`);
			const maintenance = rate(market.maintenanceMarginFraction, `markets.${ticker}.maintenanceMarginFraction`);
			if (maintenance.gt(initial)) fail(`markets.${ticker}: maintenance fraction above initial`);
			markets[ticker] = {
				initialMarginFraction: plain(initial),
				maintenanceMarginFraction: plain(maintenance),
				maxLeverage: plain(new D(1).div(initial).toDecimalPlaces(4)),
				fundingIntervalHours: '1',
			};
		}
		return {markets};
	});
}

/** "SOL-USD" as on the page. */
export function dydxTickerOf(symbol: string): string | undefined {
	const upper = symbol.toUpperCase();
	return /^[A-Z0-9,._]{1,30}-USD$/.test(upper) ? upper : undefined;
}
