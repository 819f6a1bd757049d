/**
 * Which responses one market needs, per venue, and how their entries combine into `MarketParams`.
 *
 * Whole-list endpoints (Hyperliquid meta, dYdX markets, GMX markets, OKX and Bybit instruments) reveal nothing: the
 * same request for every user. OKX tiers and funding times and Bybit risk limits are asked per market (OKX requires the family; Bybit's
 * whole list is ~30 pages), which tells the venue which market is being viewed: the venue's own page, open in the
 * tab, has already told it. No request ever carries an account, a size, a side or any other user data.
 */
import type {ParamSource} from '../../core/market-params.js';
import type {VenueId} from '../../core/types.js';
import {bybitSymbolOf, parseBybitInstruments, parseBybitRiskLimit} from './bybit.js';
import {dydxTickerOf, parseDydxPerpetualMarkets} from './dydx.js';
import {type ApiRequest, ENDPOINTS} from './endpoints.js';
import {gmxBaseOf, parseGmxMarkets} from './gmx.js';
import {hyperliquidCoinOf, parseHyperliquidMeta} from './hyperliquid.js';
import {okxFamilyOf, parseOkxFundingRate, parseOkxInstruments, parseOkxPositionTiers} from './okx.js';
import type {MarketEntry, ParseResult} from './schema.js';

export type DocSpec = {
	/** Storage key suffix; one cache entry per key. */
	key: string;
	request: ApiRequest;
	parse: (body: unknown) => ParseResult;
	/** Whether a key is per market (bounded separately) or the venue's whole list. */
	isPerMarket: boolean;
};

export type Plan = {
	/** The first document is the primary one: its name and URL are the figures' source. */
	docs: readonly DocSpec[];
	/** The market's id in each document, in the same order. */
	ids: readonly string[];
	label: string;
};

export const LIVE_VENUES: readonly VenueId[] = ['okx-swap', 'bybit-linear', 'hyperliquid', 'dydx-v4', 'gmx-v2'];

const WHOLE = {
	okxInstruments: {key: 'okx-swap:instruments', request: ENDPOINTS.okxInstruments, parse: parseOkxInstruments, isPerMarket: false},
	bybitInstruments: {key: 'bybit-linear:instruments', request: ENDPOINTS.bybitInstruments, parse: parseBybitInstruments, isPerMarket: false},
	hyperliquidMeta: {key: 'hyperliquid:meta', request: ENDPOINTS.hyperliquidMeta, parse: parseHyperliquidMeta, isPerMarket: false},
	dydxMarkets: {key: 'dydx-v4:perpetualMarkets', request: ENDPOINTS.dydxPerpetualMarkets, parse: parseDydxPerpetualMarkets, isPerMarket: false},
	gmxMarkets: {key: 'gmx-v2:markets', request: ENDPOINTS.gmxMarkets, parse: parseGmxMarkets, isPerMarket: false},
} satisfies Record<string, DocSpec>;

/** The plan for one market, or undefined when the venue has no public source or the symbol is not one of its ids. */
export function planFor(venue: VenueId, symbol: string, marginMode: 'cross' | 'isolated' = 'isolated'): Plan | undefined {
	switch (venue) {
		case 'okx-swap': {
			const instId = symbol.toUpperCase();
			const family = okxFamilyOf(instId);
			if (!family) return undefined;
			const tiers: DocSpec = {
				key: `okx-swap:position-tiers:${family}:${marginMode}`,
				request: ENDPOINTS.okxPositionTiers(family, marginMode),
				parse: parseOkxPositionTiers,
				isPerMarket: true,
			};
			const funding: DocSpec = {key: `okx-swap:funding-rate:${instId}`, request: ENDPOINTS.okxFundingRate(instId), parse: parseOkxFundingRate, isPerMarket: true};
			return {docs: [tiers, WHOLE.okxInstruments, funding], ids: [family, instId, instId], label: 'OKX position tiers'};
		}
		case 'bybit-linear': {
			const id = bybitSymbolOf(symbol);
			if (!id) return undefined;
			const riskLimit: DocSpec = {key: `bybit-linear:risk-limit:${id}`, request: ENDPOINTS.bybitRiskLimit(id), parse: parseBybitRiskLimit, isPerMarket: true};
			return {docs: [riskLimit, WHOLE.bybitInstruments], ids: [id, id], label: 'Bybit risk limits'};
		}
		case 'hyperliquid': {
			const coin = hyperliquidCoinOf(symbol);
			return coin ? {docs: [WHOLE.hyperliquidMeta], ids: [coin], label: 'Hyperliquid margin tables'} : undefined;
		}
		case 'dydx-v4': {
			const ticker = dydxTickerOf(symbol);
			return ticker ? {docs: [WHOLE.dydxMarkets], ids: [ticker], label: 'dYdX indexer markets'} : undefined;
		}
		case 'gmx-v2': {
			const base = gmxBaseOf(symbol);
			return base ? {docs: [WHOLE.gmxMarkets], ids: [base], label: 'GMX markets'} : undefined;
		}
		default:
			return undefined;
	}
}

export type CacheEntry = {url: string; fetchedAtMs: number; markets: Record<string, MarketEntry>};

/**
 * The market's params from the cached documents, or undefined while the primary document lacks the market. A
 * secondary document (instruments) adds contract value, caps and funding interval when present.
 */
export function combine(plan: Plan, entries: readonly (CacheEntry | undefined)[]): {entry: MarketEntry; source: ParamSource} | undefined {
	const primary = entries[0];
	const own = primary && marketIn(primary, plan.ids[0]!);
	if (!primary || !own) return undefined;
	let entry: MarketEntry = {};
	let fetchedAtMs = primary.fetchedAtMs;
	entries.forEach((cached, index) => {
		const part = cached && marketIn(cached, plan.ids[index]!);
		if (!cached || !part || index === 0) return;
		entry = {...entry, ...part};
		fetchedAtMs = Math.min(fetchedAtMs, cached.fetchedAtMs);
	});
	// The primary table's own fields win (its max leverage is the smallest tier's).
	entry = {...entry, ...own};
	return {entry, source: {kind: 'live', label: plan.label, url: primary.url, fetchedAtMs}};
}

/** The entry for `id`, or for the one id that differs only in case (a typed "KPEPE" finds Hyperliquid's "kPEPE"). */
function marketIn(entry: CacheEntry, id: string): MarketEntry | undefined {
	if (Object.hasOwn(entry.markets, id)) return entry.markets[id];
	const matches = Object.keys(entry.markets).filter(key => key.toUpperCase() === id.toUpperCase());
	return matches.length === 1 ? entry.markets[matches[0]!] : undefined;
}
