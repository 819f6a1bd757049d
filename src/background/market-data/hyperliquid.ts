/**
 * Hyperliquid perpetuals (main dex).
 *
 * POST https://api.hyperliquid.xyz/info `{"type":"meta"}`
 * (https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals, checked 2026-12-04):
 * `{universe: [{name, szDecimals, maxLeverage, marginTableId?, isDelisted?}], marginTables: [[id, {description,
 * marginTiers: [{lowerBound, maxLeverage}]}]]}`. A tier applies from its `lowerBound` (USDC notional) upward; its
 * maintenance rate is half the initial margin at its max leverage, 1 / (2 × maxLeverage), and ids below 50 are not
 * listed: id N < 50 is one tier of max leverage N (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers,
 * checked 2026-12-04). Funding is paid every hour.
 */
import type {Tier} from '../../core/types.js';
import {decimal, fail, guarded, list, MAX_MARKETS, MAX_TIERS, marketId, plain, positive, record, type MarketEntry, type ParseResult} from './schema.js';

export function parseHyperliquidMeta(body: unknown): ParseResult {
	return guarded(() => {
		const top = record(body, 'response');
		const universe = list(top.universe, 'universe', MAX_MARKETS);
		if (universe.length === 0) fail('universe is empty');
		const tables = new Map<number, Tier[]>();
		list(top.marginTables ?? [], 'marginTables', MAX_MARKETS).forEach((raw, index) => {
			const pair = list(raw, `marginTables[${index}]`, 2);
			const id = pair[0];
			if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) fail(`marginTables[${index}][0] is not a table id`);
			const table = record(pair[1], `marginTables[${index}][1]`);
			const rows = list(table.marginTiers, `marginTables[${index}][1].marginTiers`, MAX_TIERS).map((tierRaw, tierIndex) => {
				const tier = record(tierRaw, `marginTables[${index}][1].marginTiers[${tierIndex}]`);
				return {
					floor: decimal(tier.lowerBound, `marginTables[${index}].marginTiers[${tierIndex}].lowerBound`),
					maxLeverage: positive(tier.maxLeverage, `marginTables[${index}].marginTiers[${tierIndex}].maxLeverage`),
				};
			});
			if (rows.length === 0) fail(`marginTables[${index}] has no tiers`);
			if (!rows[0]!.floor.eq(0)) fail(`marginTables[${index}]'s first tier does not start at 0`);
			rows.forEach((row, tierIndex) => {
				const previous = rows[tierIndex - 1];
				if (previous && !row.floor.gt(previous.floor)) fail(`marginTables[${index}]'s tiers are not in ascending order`);
			});
			tables.set(
				id,
				rows.map((row, tierIndex) => {
					const next = rows[tierIndex + 1];
					return {notionalFloor: plain(row.floor), ...(next ? {notionalCap: plain(next.floor)} : {}), maxLeverage: plain(row.maxLeverage)};
				}),
			);
		});
		const markets: Record<string, MarketEntry> = {};
		universe.forEach((raw, index) => {
			const asset = record(raw, `universe[${index}]`);
			if (asset.isDelisted === true) return;
			const name = marketId(asset.name, `universe[${index}].name`);
			const maxLeverage = positive(asset.maxLeverage, `universe[${index}].maxLeverage`);
			let tiers: Tier[];
			if (asset.marginTableId === undefined) tiers = [{notionalFloor: '0', maxLeverage: plain(maxLeverage)}];
			else {
				const id = asset.marginTableId;
				if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) fail(`universe[${index}].marginTableId is not a table id`);
				const listed = tables.get(id);
				if (listed) tiers = listed;
				else if (id > 0 && id < 50) tiers = [{notionalFloor: '0', maxLeverage: String(id)}];
				else fail(`universe[${index}] uses margin table ${id}, which the response does not list`);
			}
			markets[name] = {tiers, tierBasis: 'notional', maxLeverage: plain(maxLeverage), fundingIntervalHours: '1'};
		});
		return {markets};
	});
}

/** The page's coin ("SOL", "kPEPE"); the URL may carry "SOL-USD" or "SOL/USDC" on some layouts. */
export function hyperliquidCoinOf(symbol: string): string | undefined {
	const coin = symbol.split(/[-/]/)[0] ?? '';
	return /^[A-Za-z0-9]{1,20}$/.test(coin) ? coin : undefined;
}
