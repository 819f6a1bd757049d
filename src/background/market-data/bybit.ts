/**
 * Bybit USDT linear perpetuals (unified account).
 *
 * - GET /v5/market/instruments-info?category=linear (https://bybit-exchange.github.io/docs/v5/market/instrument,
 *   checked 2026-12-04): `{retCode: 0, result: {category: "linear", list: [{symbol, contractType, status,
 *   leverageFilter: {maxLeverage}, fundingInterval}]}}`; `fundingInterval` is in minutes.
 * - GET /v5/market/risk-limit?category=linear&symbol=… (https://bybit-exchange.github.io/docs/v5/market/risk-limit,
 *   checked 2026-12-04): `{retCode: 0, result: {category: "linear", list: [{id, symbol, riskLimitValue,
 *   maintenanceMargin, initialMargin, isLowestRisk, maxLeverage, mmDeduction}]}}`, decimal strings. A tier runs from
 *   the previous tier's `riskLimitValue` (position value, USDT) up to its own; MM = value × rate − mmDeduction.
 *   The docs' only example is an inverse response whose rates read like percents ("0.5"): every tier is checked
 *   against its own max leverage (initialMargin × maxLeverage ≈ 1), so a percent-scaled table is refused.
 */
import {D} from '../../core/decimal.js';
import type {Tier} from '../../core/types.js';
import {

	fail,
	guarded,
	list,
	MAX_MARKETS,
	MAX_TIERS,
	marketId,
	minutesToHours,
	optionalDecimal,
	plain,
	positive,
	rate,
	record,
	type MarketEntry,
	type ParseResult,
} from './schema.js';

function result(body: unknown): Record<string, unknown> {
	const top = record(body, 'response');
	if (top.retCode !== 0) fail(`retCode is ${JSON.stringify(top.retCode)}, not 0`);
	const inner = record(top.result, 'result');
	if (inner.category !== 'linear') fail('result.category is not linear');
	return inner;
}

export function parseBybitInstruments(body: unknown): ParseResult {
	return guarded(() => {
		const items = list(result(body).list, 'result.list', MAX_MARKETS);
		const markets: Record<string, MarketEntry> = {};
		items.forEach((raw, index) => {
			const item = record(raw, `result.list[${index}]`);
			if (item.contractType !== 'LinearPerpetual') return;
			const id = marketId(item.symbol, `result.list[${index}].symbol`);
			const leverage = record(item.leverageFilter, `result.list[${index}].leverageFilter`);
			const entry: MarketEntry = {maxLeverage: plain(positive(leverage.maxLeverage, `result.list[${index}].leverageFilter.maxLeverage`))};
			const minutes = optionalDecimal(item.fundingInterval, `result.list[${index}].fundingInterval`);
			if (minutes?.gt(0)) entry.fundingIntervalHours = minutesToHours(minutes);
			markets[id] = entry;
		});
		return {markets};
	});
}

const LEVERAGE_TOLERANCE = new D('0.05');

export function parseBybitRiskLimit(body: unknown): ParseResult {
	return guarded(() => {
		const items = list(result(body).list, 'result.list', MAX_TIERS);
		if (items.length === 0) fail('result.list is empty: no tiers for this symbol');
		let symbol: string | undefined;
		const rows = items.map((raw, index) => {
			const path = `result.list[${index}]`;
			const item = record(raw, path);
			const itemSymbol = marketId(item.symbol, `${path}.symbol`);
			if (symbol !== undefined && itemSymbol !== symbol) fail(`${path} is for ${itemSymbol}, not ${symbol}`);
			symbol = itemSymbol;
			const cap = positive(item.riskLimitValue, `${path}.riskLimitValue`);
			const maintenance = rate(item.maintenanceMargin, `${path}.maintenanceMargin`);
			const initial = rate(item.initialMargin, `${path}.initialMargin`);
			const maxLeverage = positive(item.maxLeverage, `${path}.maxLeverage`);
			if (!maintenance.lt(initial)) fail(`${path}: maintenanceMargin is not below initialMargin`);
			if (initial.times(maxLeverage).minus(1).abs().gt(LEVERAGE_TOLERANCE)) {
				fail(`${path}: initialMargin ${initial.toFixed()} does not match maxLeverage ${maxLeverage.toFixed()} (not fractions?)`);
			}
			// An empty mmDeduction (seen on the first tier) means none.
			const deduction = optionalDecimal(item.mmDeduction, `${path}.mmDeduction`) ?? new D(0);
			if (deduction.lt(0)) fail(`${path}.mmDeduction is negative`);
			return {cap, maintenance, maxLeverage, deduction};
		});
		rows.sort((a, b) => a.cap.comparedTo(b.cap));
		const tiers: Tier[] = rows.map((row, index) => {
			const previous = rows[index - 1];
			if (previous?.cap.eq(row.cap)) fail('two tiers have the same riskLimitValue');
			if (previous && row.maintenance.lt(previous.maintenance)) fail(`tier ${index + 1}'s maintenanceMargin is below tier ${index}'s`);
			return {
				notionalFloor: previous ? plain(previous.cap) : '0',
				notionalCap: plain(row.cap),
				maintenanceMarginRate: plain(row.maintenance),
				maintenanceDeduction: plain(row.deduction),
				maxLeverage: plain(row.maxLeverage),
			};
		});
		return {markets: {[symbol as string]: {tiers, tierBasis: 'notional', maxLeverage: tiers[0]!.maxLeverage}}};
	});
}

/** Bybit's linear symbols are the page's ("SOLUSDT", "1000PEPEUSDT"). */
export function bybitSymbolOf(symbol: string): string | undefined {
	const upper = symbol.toUpperCase();
	return /^[A-Z0-9]{2,30}(USDT|USDC|PERP)$/.test(upper) ? upper : undefined;
}

