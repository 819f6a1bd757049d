/**
 * Market parameters as data: what a venue publishes for one market (tiers, contract value, funding interval,
 * leverage caps, venue-specific fractions) and where it came from. The background fetches and caches them
 * (src/background/market-data/); the core takes them as input and never fetches (principle: pure core).
 * Amounts are decimal strings. Times are epoch milliseconds handed in by the caller (the core reads no clock).
 */
import type {Tier, VenueId} from './types.js';

/** Where a market's parameters came from, shown beside every figure that used them. */
export type ParamSource =
	/** The venue's own public market-data API. `label` names it ("OKX position tiers"). */
	| {kind: 'live'; label: string; url: string; fetchedAtMs: number}
	/** A table bundled with LiqGuard, written from the venue's published docs. `asOf` is an ISO date. */
	| {kind: 'bundled'; label: string; url: string; asOf: string}
	/** The maintenance rate the user typed for this market. */
	| {kind: 'typed'; savedAtMs?: number};

export type MarketParams = {
	venue: VenueId;
	/** The venue's own market id (BTCUSDT, BTC-USDT-SWAP, BTC, BTC-USD, ETH/USD …). */
	symbol: string;
	/**
	 * Maintenance tiers. `tierBasis` says what floor/cap measure: 'notional' (quote currency; Binance, Bybit,
	 * Hyperliquid, Aster Pro) or 'contracts' (OKX position tiers: minSz/maxSz in contracts; the tier does not move
	 * with price and its rate applies to the whole position, no deduction). GMX v2: tiers of position size in USD
	 * (`maxPositionSize` as an inclusive cap), each tier's min collateral factor in `maintenanceMarginRate`; the core
	 * uses the tier holding the position's size and none above the last cap (src/core/market-input.ts).
	 */
	tiers?: readonly Tier[];
	tierBasis?: 'notional' | 'contracts';
	/** OKX `ctVal`: base units per contract. */
	contractValue?: string;
	fundingIntervalHours?: string;
	/** Highest leverage the market allows at its smallest size. */
	maxLeverage?: string;
	/** dYdX: initial and maintenance margin fractions (already scaled for the open interest where applicable). */
	initialMarginFraction?: string;
	maintenanceMarginFraction?: string;
	/**
	 * GMX v2: a min collateral factor (a fraction) for every size, used when no `tiers` are given, and the USD floor
	 * its liquidation check uses.
	 */
	minCollateralFactor?: string;
	minCollateralUsd?: string;
	/** Aster Simple: loss-rate bands by leverage (the band whose [minLeverage, maxLeverage] holds the order's). */
	lossRateBands?: readonly {minLeverage: string; maxLeverage: string; liquidationLossRate: string}[];
	source: ParamSource;
};
