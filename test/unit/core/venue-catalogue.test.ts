/**
 * The venue catalogue is the one place a venue's name, how-to, sources, market data and bundled tables are kept:
 * every reader agrees with it, and what it says about market data and bundled tables is what the code does.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {ADAPTERS} from '../../../src/adapters/index.js';
import {ENDPOINTS} from '../../../src/background/market-data/endpoints.js';
import {planFor} from '../../../src/background/market-data/plans.js';
import {ASTER_SIMPLE_BANDS, BUNDLED_CONTRACT_VALUES, BUNDLED_TIERS, TIER_ONE_RANGES} from '../../../src/core/data/tiers.js';
import {VENUE_IDS, type VenueId} from '../../../src/core/types.js';
import {VENUE_CATALOGUE, venueName, type BundledTableName, type MarketEndpointName} from '../../../src/core/venues/catalogue.js';
import {VENUE_MODELS} from '../../../src/core/venues/index.js';

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales/en/messages.json'), 'utf8')) as Record<string, {message: string}>;

/** A market of each venue with a live source, as its page names it. */
const SAMPLE_MARKET: Partial<Record<VenueId, string>> = {
	'okx-swap': 'BTC-USDT-SWAP',
	'bybit-linear': 'BTCUSDT',
	hyperliquid: 'BTC',
	'dydx-v4': 'BTC-USD',
	'gmx-v2': 'BTC/USD',
};

const requestOf = (name: MarketEndpointName) => {
	const endpoint = ENDPOINTS[name];
	return typeof endpoint === 'function' ? endpoint('BTC-USDT', 'isolated') : endpoint;
};
const path = (url: string) => url.split('?')[0];

describe.each(VENUE_IDS.map(id => [id]))('%s', id => {
	const record = VENUE_CATALOGUE[id];

	test('one record, its name the engine model\'s', () => {
		expect(record.id).toBe(id);
		expect(record.name.trim()).not.toBe('');
		expect(VENUE_MODELS[id].meta.label).toBe(record.name);
		expect(venueName(id)).toBe(record.name);
	});

	test('sources are dated URLs', () => {
		expect(record.sources.length).toBeGreaterThan(0);
		for (const source of record.sources) {
			expect(source.url).toMatch(/^https:\/\//);
			expect(source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	test('an isolated how-to, a message of the locale, exactly when the venue has cross margin', () => {
		if (VENUE_MODELS[id].meta.hasCross) expect(messages[record.isolatedHowToKey!]?.message.length).toBeGreaterThan(20);
		else expect(record.isolatedHowToKey).toBeUndefined();
	});

	test('the bundled tables it names are the ones holding it', () => {
		const holding: Record<BundledTableName, boolean> = {
			tiers: BUNDLED_TIERS[id] !== undefined,
			'contract-values': BUNDLED_CONTRACT_VALUES[id] !== undefined,
			'tier-one-range': TIER_ONE_RANGES[id] !== undefined,
			'loss-rate-bands': id === 'aster-simple' && ASTER_SIMPLE_BANDS.bands.length > 0,
		};
		const named = Object.entries(holding).filter(([, isHeld]) => isHeld).map(([name]) => name);
		expect([...record.marketData.bundled].sort()).toEqual(named.sort());
	});

	test('its market-data endpoints are the requests its plan makes; none means a stated reason and no plan', () => {
		const {endpoints, noLiveSource} = record.marketData;
		const market = SAMPLE_MARKET[id];
		if (endpoints.length === 0) {
			expect(noLiveSource?.length).toBeGreaterThan(10);
			expect(market).toBeUndefined();
			for (const symbol of ['BTCUSDT', 'BTC-USDT-SWAP', 'BTC']) expect(planFor(id, symbol)).toBeUndefined();
			return;
		}
		expect(noLiveSource).toBeUndefined();
		const plan = planFor(id, market!);
		expect(plan, `a plan for ${market}`).toBeDefined();
		expect(plan!.docs.map(doc => path(doc.request.url)).sort()).toEqual(endpoints.map(name => path(requestOf(name).url)).sort());
	});
});

test('every adapter reads for a venue of the catalogue (its name, wherever shown, is that venue\'s)', () => {
	for (const adapter of ADAPTERS) expect(Object.keys(VENUE_CATALOGUE)).toContain(adapter.venue);
});

test('every how-to message of the locale belongs to a venue (none that can never be shown)', () => {
	const keys = Object.keys(messages).filter(key => key.startsWith('venue_isolated_howto_'));
	expect(keys.sort()).toEqual(VENUE_IDS.flatMap(id => VENUE_CATALOGUE[id].isolatedHowToKey ?? []).sort());
});

test('every market-data endpoint belongs to exactly one venue', () => {
	const claimed = VENUE_IDS.flatMap(id => VENUE_CATALOGUE[id].marketData.endpoints);
	expect([...claimed].sort()).toEqual(Object.keys(ENDPOINTS).sort());
});
