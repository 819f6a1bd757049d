/**
 * Base asset of a venue's market name: "BTCUSDT", "BTC-USDT-SWAP", "BTC", "BTC-USD", "ETH/USD", "BTC-PERP" → "BTC".
 * Used only to find bundled tier tables and default volatilities; an unknown name gives the whole upper-cased name.
 */
/** Longest first: "BTCBUSD" must lose "BUSD", not "USD". */
const QUOTES = ['FDUSD', 'BUSD', 'USDT', 'USDC', 'USD'];

export function baseAsset(symbol: string | undefined): string | undefined {
	if (typeof symbol !== 'string') return undefined;
	const upper = symbol.trim().toUpperCase();
	if (!/^[A-Z0-9./:_-]{1,40}$/.test(upper)) return undefined;
	const first = upper.split(/[-/:_ ]/)[0] ?? upper;
	if (first !== upper) return first.replace(/^\d+/, '') || first;
	for (const quote of QUOTES) {
		if (upper.length > quote.length && upper.endsWith(quote)) return upper.slice(0, -quote.length);
	}
	return upper;
}
