/**
 * GMX v2 on Arbitrum.
 *
 * GET https://arbitrum.gmxapi.io/v1/markets (GMX API, https://docs.gmx.io/docs/api/, checked 2026-12-04; schema
 * `MarketWithTiersResponse` / `LeverageTierResponse` in GMX's generated OpenAPI): a list of markets `{symbol,
 * isListed, isSpotOnly, minCollateralUsd, leverageTiers: [{maxPositionSize, minCollateralFactor, maxLeverage}]}`,
 * every amount a string. A tier's `minCollateralFactor` is the factor an open position of up to its `maxPositionSize`
 * (USD) must keep; GMX's liquidation check uses `minCollateralFactorForLiquidation`, which GMX keeps at or below it,
 * so using this factor places the liquidation no later than GMX's (errs toward warning early).
 *
 * The factor depends on the position's size, and the list is not documented as sorted: the tiers are handed on
 * sorted by `maxPositionSize` (MarketParams `tiers`, basis 'notional', the factor in `maintenanceMarginRate`) and the
 * core picks the tier by the position's USD size (src/core/market-input.ts). No single `minCollateralFactor` is
 * emitted: taking one tier's for every size labelled a 15M position on a 10M-capped tier with that tier's factor as
 * live fact. A position above the last listed cap gets no live factor (the core's documented range applies).
 *
 * GMX keeps factors and USD amounts as 30-decimal fixed point on chain. The OpenAPI types them as strings without a
 * scale, so both forms are read: a plain fraction, or an integer of 20 or more digits divided by 10^30.
 */
import {D, type Dec} from '../../core/decimal.js';
import {decimal, fail, guarded, isRecord, list, MAX_MARKETS, MAX_TIERS, plain, record, type MarketEntry, type ParseResult} from './schema.js';

const FIXED_POINT = new D(10).pow(30);

function scaled(value: unknown, path: string): Dec {
	// A fixed-point USD size (10M USD = 10^37) is past decimal()'s ±1e30 bound until scaled: scale it first.
	if (typeof value === 'string' && /^\d{31,60}$/.test(value)) return decimal(plain(new D(value).div(FIXED_POINT)), path);
	const parsed = decimal(value, path);
	return parsed.isInteger() && parsed.gte(new D(10).pow(19)) ? parsed.div(FIXED_POINT) : parsed;
}

/** Entries keyed by index asset ("ETH"); a base listed twice with different figures is left out, never guessed. */
export function parseGmxMarkets(body: unknown): ParseResult {
	return guarded(() => {
		const items = list(Array.isArray(body) ? body : record(body, 'response').markets, 'markets', MAX_MARKETS);
		if (items.length === 0) fail('markets is empty');
		const markets: Record<string, MarketEntry> = {};
		const conflicted = new Set<string>();
		items.forEach((raw, index) => {
			const path = `markets[${index}]`;
			const market = record(raw, path);
			if (market.isListed === false || market.isSpotOnly === true) return;
			const symbol = typeof market.symbol === 'string' ? market.symbol : fail(`${path}.symbol is not text`);
			const base = /^([A-Za-z0-9.]{1,20})\/USD\b/.exec(symbol)?.[1]?.toUpperCase();
			if (base === undefined) return;
			const tiers = list(market.leverageTiers, `${path}.leverageTiers`, MAX_TIERS).map((tierRaw, tierIndex) => {
				const tier = isRecord(tierRaw) ? tierRaw : fail(`${path}.leverageTiers[${tierIndex}] is not an object`);
				const factor = scaled(tier.minCollateralFactor, `${path}.leverageTiers[${tierIndex}].minCollateralFactor`);
				if (!(factor.gt(0) && factor.lt(1))) fail(`${path}: minCollateralFactor ${factor.toFixed()} is not a fraction`);
				const cap = scaled(tier.maxPositionSize, `${path}.leverageTiers[${tierIndex}].maxPositionSize`);
				if (!cap.gt(0)) fail(`${path}.leverageTiers[${tierIndex}].maxPositionSize is not above 0`);
				return {cap, factor};
			});
			if (tiers.length === 0) fail(`${path}.leverageTiers is empty`);
			// Smallest cap first: the tier of a position is the first whose cap holds its size.
			tiers.sort((a, b) => a.cap.comparedTo(b.cap));
			tiers.forEach((tier, i) => {
				if (i > 0 && tier.cap.eq(tiers[i - 1]!.cap)) fail(`${path}.leverageTiers: two tiers capped at ${tier.cap.toFixed()}`);
			});
			const minUsd = scaled(market.minCollateralUsd, `${path}.minCollateralUsd`);
			if (minUsd.lt(0) || minUsd.gt(1_000_000)) fail(`${path}.minCollateralUsd ${minUsd.toFixed()} is out of range`);
			// maxLeverage is left out: its scale is not documented and the model does not need it. The cap is GMX's
			// maxPositionSize, inclusive (a position of exactly that size is in the tier).
			const entry: MarketEntry = {
				tiers: tiers.map((tier, i) => ({
					notionalFloor: i === 0 ? '0' : plain(tiers[i - 1]!.cap),
					notionalCap: plain(tier.cap),
					maintenanceMarginRate: plain(tier.factor),
				})),
				tierBasis: 'notional',
				minCollateralUsd: plain(minUsd),
			};
			const seen = markets[base];
			if (conflicted.has(base)) return;
			if (seen && JSON.stringify(seen) !== JSON.stringify(entry)) {
				conflicted.add(base);
				delete markets[base];
				return;
			}
			markets[base] = entry;
		});
		return {markets};
	});
}

/** "ETH/USD" (the page's title) → "ETH". */
export function gmxBaseOf(symbol: string): string | undefined {
	return /^([A-Za-z0-9.]{1,20})\/USD/.exec(symbol)?.[1]?.toUpperCase();
}
