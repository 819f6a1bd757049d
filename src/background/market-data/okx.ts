/**
 * OKX USDT/USDC-margined perpetual swaps.
 *
 * - GET /api/v5/public/instruments?instType=SWAP (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments,
 *   checked 2026-12-04): `{code: "0", data: [{instId, instFamily, ctVal, ctMult, ctType, lever, state, …}]}`, strings.
 *   Contract value in base units = ctVal × ctMult; `lever` = the instrument's max leverage.
 * - GET /api/v5/public/position-tiers?instType=SWAP&tdMode=…&instFamily=…
 *   (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-position-tiers, checked 2026-12-04):
 *   `{code: "0", data: [{instFamily, tier, minSz, maxSz, mmr, imr, maxLever, …}]}`. Tiers are in contracts: the
 *   tier does not move with price, and its mmr applies to the whole position with no deduction.
 * - GET /api/v5/public/funding-rate?instId=… (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-funding-rate,
 *   checked 2026-12-04): `{code: "0", data: [{instId, fundingTime, nextFundingTime, fundingRate, …}]}`, times in
 *   epoch ms as strings. OKX has no interval field: the interval is nextFundingTime − fundingTime (1, 2, 4 or 8 h).
 */
import {
	decimal,
	fail,
	guarded,
	list,
	MAX_MARKETS,
	MAX_TIERS,
	marketId,
	plain,
	positive,
	rate,
	record,
	type MarketEntry,
	type ParseResult,
} from './schema.js';
import type {Tier} from '../../core/types.js';

function envelope(body: unknown): unknown[] {
	const top = record(body, 'response');
	if (top.code !== '0') fail(`code is ${JSON.stringify(top.code)}, not "0"`);
	return list(top.data, 'data', MAX_MARKETS * MAX_TIERS);
}

export function parseOkxInstruments(body: unknown): ParseResult {
	return guarded(() => {
		const data = envelope(body);
		if (data.length > MAX_MARKETS) fail(`data has ${data.length} instruments`);
		const markets: Record<string, MarketEntry> = {};
		data.forEach((raw, index) => {
			const item = record(raw, `data[${index}]`);
			if (item.instType !== 'SWAP') fail(`data[${index}].instType is not SWAP`);
			// Inverse (coin-margined) swaps have their contract value in USD: not the linear model.
			if (item.ctType !== 'linear') return;
			const id = marketId(item.instId, `data[${index}].instId`);
			const contractValue = positive(item.ctVal, `data[${index}].ctVal`).times(positive(item.ctMult ?? '1', `data[${index}].ctMult`));
			markets[id] = {contractValue: plain(contractValue), maxLeverage: plain(positive(item.lever, `data[${index}].lever`))};
		});
		return {markets};
	});
}

/** Parses one family's tiers; the entry is keyed by the family ("BTC-USDT"). */
export function parseOkxPositionTiers(body: unknown): ParseResult {
	return guarded(() => {
		const data = envelope(body);
		if (data.length === 0) fail('data is empty: no tiers for this family');
		if (data.length > MAX_TIERS) fail(`data has ${data.length} tiers`);
		let family: string | undefined;
		const rows = data.map((raw, index) => {
			const item = record(raw, `data[${index}]`);
			const itemFamily = marketId(item.instFamily, `data[${index}].instFamily`);
			if (family !== undefined && itemFamily !== family) fail(`data[${index}] is for ${itemFamily}, not ${family}`);
			family = itemFamily;
			const minSz = decimal(item.minSz, `data[${index}].minSz`);
			const maxSz = positive(item.maxSz, `data[${index}].maxSz`);
			if (minSz.lt(0) || !maxSz.gt(minSz)) fail(`data[${index}]: maxSz is not above minSz`);
			return {minSz, maxSz, mmr: rate(item.mmr, `data[${index}].mmr`), maxLever: positive(item.maxLever, `data[${index}].maxLever`)};
		});
		rows.sort((a, b) => a.minSz.comparedTo(b.minSz));
		rows.forEach((row, index) => {
			const previous = rows[index - 1];
			if (index === 0 && !row.minSz.eq(0)) fail('the first tier does not start at 0 contracts');
			if (previous && row.minSz.lt(previous.maxSz.minus(1))) fail(`tiers ${index} and ${index + 1} overlap`);
			if (previous && row.minSz.gt(previous.maxSz.plus(1))) fail(`a gap between tiers ${index} and ${index + 1}`);
			if (previous && row.mmr.lt(previous.mmr)) fail(`tier ${index + 1}'s mmr is below tier ${index}'s`);
		});
		// Floors and caps in contracts (tierBasis 'contracts'). OKX lists tier i+1 from maxSz(i) + 1 while sizes step in
		// lots finer than one contract: a size between the two is above tier i, so it belongs to tier i+1. The table
		// is stored contiguous (each floor is the previous tier's maxSz), and the core takes the first tier whose
		// maxSz holds the position's contracts.
		const tiers: Tier[] = rows.map((row, index) => ({
			notionalFloor: plain(index === 0 ? row.minSz : rows[index - 1]!.maxSz),
			notionalCap: plain(row.maxSz),
			maintenanceMarginRate: plain(row.mmr),
			maintenanceDeduction: '0',
			maxLeverage: plain(row.maxLever),
		}));
		return {markets: {[family as string]: {tiers, tierBasis: 'contracts', maxLeverage: tiers[0]!.maxLeverage}}};
	});
}

/** "BTC-USDT-SWAP" → "BTC-USDT" (the instrument family the tiers endpoint takes); undefined for anything else. */
export function okxFamilyOf(instId: string): string | undefined {
	const match = /^([A-Z0-9]{1,20}-(?:USDT|USDC|USD))-SWAP$/.exec(instId.toUpperCase());
	return match?.[1];
}

const HOUR_MS = 3_600_000;

/** One instrument's funding interval in hours, keyed by instId. */
export function parseOkxFundingRate(body: unknown): ParseResult {
	return guarded(() => {
		const data = envelope(body);
		if (data.length !== 1) fail(`data has ${data.length} entries, not 1`);
		const item = record(data[0], 'data[0]');
		const id = marketId(item.instId, 'data[0].instId');
		const current = positive(item.fundingTime, 'data[0].fundingTime');
		const next = positive(item.nextFundingTime, 'data[0].nextFundingTime');
		const hours = next.minus(current).div(HOUR_MS);
		if (!hours.isInteger() || hours.lt(1) || hours.gt(24)) fail(`the funding interval ${hours.toFixed()} h is not a whole number of hours from 1 to 24`);
		return {markets: {[id]: {fundingIntervalHours: plain(hours)}}};
	});
}
