/**
 * The market-data owner with a fake fetch and a fake clock: first need → one request, cached with URL and time;
 * answers never wait for the network; one request in flight per endpoint; refresh after 24 h; a response that does
 * not validate (or an HTTP error) is refused and logged and the previous cache stays; the cache is bounded.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, describe, expect, test} from 'vitest';
import {
	CACHE_PREFIX,
	type FetchLike,
	MAX_AGE_MS,
	MAX_PER_MARKET_DOCS,
	MAX_RESPONSE_BYTES,
	MarketData,
	RETRY_AFTER_MS,
} from '../../../../src/background/market-data/owner.js';
import {FakeStorageArea} from '../../settings/fake-storage.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/market-data');
const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const HL_URL = 'https://api.hyperliquid.xyz/info';
const OKX_TIERS_BTC = 'https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=isolated&instFamily=BTC-USDT';
const OKX_INSTRUMENTS = 'https://www.okx.com/api/v5/public/instruments?instType=SWAP';
const OKX_FUNDING_BTC = 'https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USDT-SWAP';
const T0 = Date.UTC(2026, 11, 4, 12);

type Reply = {status?: number; body: string; headers?: Record<string, string>};

class FakeNetwork {
	readonly calls: {url: string; init: RequestInit}[] = [];
	readonly routes = new Map<string, () => Reply>();
	/** Requests wait here until `release()`, so a test can look at the state while they are in flight. */
	private gate: Promise<void> = Promise.resolve();
	private open: () => void = () => undefined;

	hold(): void {
		this.gate = new Promise(resolve => (this.open = resolve));
	}

	release(): void {
		this.open();
	}

	readonly fetch: FetchLike = async (url, init) => {
		this.calls.push({url, init});
		await this.gate;
		const route = this.routes.get(url);
		const reply = route ? route() : {status: 404, body: 'not found'};
		const headers = new Map(Object.entries(reply.headers ?? {}));
		return {ok: (reply.status ?? 200) < 300, status: reply.status ?? 200, headers: {get: name => headers.get(name) ?? null}, text: async () => reply.body};
	};

	count(url: string): number {
		return this.calls.filter(call => call.url === url).length;
	}
}

let network: FakeNetwork;
let storage: FakeStorageArea;
let nowMs: number;
let updates: number;
let logs: string[];
let owner: MarketData;

function newOwner(): MarketData {
	return new MarketData({fetch: network.fetch, now: () => nowMs, storage, onUpdate: () => updates++, log: message => logs.push(message)});
}

beforeEach(() => {
	network = new FakeNetwork();
	storage = new FakeStorageArea();
	nowMs = T0;
	updates = 0;
	logs = [];
	owner = newOwner();
	network.routes.set(HL_URL, () => ({body: text('hyperliquid-meta.json')}));
	network.routes.set(OKX_TIERS_BTC, () => ({body: text('okx-position-tiers-btc-usdt.json')}));
	network.routes.set(OKX_INSTRUMENTS, () => ({body: text('okx-instruments.json')}));
	network.routes.set(OKX_FUNDING_BTC, () => ({body: text('okx-funding-rate-btc-usdt-swap.json')}));
});

describe('first need', () => {
	test('a cold cache answers at once without params, then one request fills it and the panels are told', async () => {
		network.hold();
		const first = await owner.lookup('hyperliquid', 'SOL');
		expect(first).toEqual({state: 'pending'});
		expect(network.count(HL_URL)).toBe(1);
		network.release();
		await owner.settled();
		expect(updates).toBe(1);
		const stored = storage.items.get(`${CACHE_PREFIX}hyperliquid:meta`) as {url: string; fetchedAtMs: number; markets: Record<string, unknown>};
		expect(stored.url).toBe(HL_URL);
		expect(stored.fetchedAtMs).toBe(T0);
		expect(Object.keys(stored.markets)).toEqual(['BTC', 'ETH', 'SOL', 'DOGE', 'kPEPE']);
		const second = await owner.lookup('hyperliquid', 'SOL');
		expect(second.state).toBe('live');
		expect(second.params).toMatchObject({
			venue: 'hyperliquid',
			symbol: 'SOL',
			maxLeverage: '20',
			source: {kind: 'live', label: 'Hyperliquid margin tables', url: HL_URL, fetchedAtMs: T0},
		});
		expect(network.count(HL_URL)).toBe(1);
	});

	test('a request: GET/POST with credentials omitted, no referrer, no cache; Hyperliquid’s body is only {"type":"meta"}', async () => {
		await owner.lookup('hyperliquid', 'SOL');
		await owner.lookup('okx-swap', 'BTC-USDT-SWAP');
		await owner.settled();
		for (const call of network.calls) {
			expect(call.init.credentials, call.url).toBe('omit');
			expect(call.init.referrerPolicy, call.url).toBe('no-referrer');
			expect(call.init.cache, call.url).toBe('no-store');
		}
		const hl = network.calls.find(call => call.url === HL_URL)!;
		expect(hl.init.method).toBe('POST');
		expect(hl.init.body).toBe('{"type":"meta"}');
		expect(network.calls.find(call => call.url === OKX_TIERS_BTC)?.init.method).toBe('GET');
		expect(network.calls.map(call => call.url).sort()).toEqual([HL_URL, OKX_FUNDING_BTC, OKX_INSTRUMENTS, OKX_TIERS_BTC].sort());
	});

	test('never more than one request in flight per endpoint, however many lookups', async () => {
		network.hold();
		await Promise.all(Array.from({length: 20}, () => owner.lookup('hyperliquid', 'SOL')));
		await Promise.all([owner.lookup('hyperliquid', 'DOGE'), owner.lookup('hyperliquid', 'BTC')]);
		expect(network.count(HL_URL)).toBe(1);
		network.release();
		await owner.settled();
	});

	test('a restarted worker answers from storage.local without a request', async () => {
		await owner.lookup('okx-swap', 'BTC-USDT-SWAP');
		await owner.settled();
		const restarted = newOwner();
		nowMs = T0 + 3 * 60 * 60 * 1000;
		const answer = await restarted.lookup('okx-swap', 'BTC-USDT-SWAP');
		expect(answer.params).toMatchObject({
			contractValue: '0.01',
			fundingIntervalHours: '4',
			tierBasis: 'contracts',
			source: {kind: 'live', label: 'OKX position tiers', url: OKX_TIERS_BTC, fetchedAtMs: T0},
		});
		expect(network.calls).toHaveLength(3);
	});

	test('a market the venue does not list, or a symbol that is not one of its ids: unsupported, no request for junk', async () => {
		await owner.lookup('hyperliquid', 'SOL');
		await owner.settled();
		expect(await owner.lookup('hyperliquid', 'NOTACOIN')).toEqual({state: 'unsupported'});
		expect(await owner.lookup('okx-swap', 'BTCUSDT')).toEqual({state: 'unsupported'});
		expect(await owner.lookup('binance-usdm', 'SOLUSDT')).toEqual({state: 'unsupported'});
		expect(await owner.lookup('aster-simple', 'BTCUSD')).toEqual({state: 'unsupported'});
		expect(network.calls).toHaveLength(1);
	});
});

describe('refresh after 24 h', () => {
	test('within 24 h no request; after, the cached answer at once and one refresh behind it', async () => {
		await owner.lookup('hyperliquid', 'SOL');
		await owner.settled();
		nowMs = T0 + MAX_AGE_MS;
		await owner.lookup('hyperliquid', 'SOL');
		expect(network.count(HL_URL)).toBe(1);
		nowMs = T0 + MAX_AGE_MS + 1;
		network.hold();
		const stale = await owner.lookup('hyperliquid', 'SOL');
		expect(stale.params?.source).toMatchObject({fetchedAtMs: T0});
		expect(network.count(HL_URL)).toBe(2);
		network.release();
		await owner.settled();
		expect((await owner.lookup('hyperliquid', 'SOL')).params?.source).toMatchObject({fetchedAtMs: T0 + MAX_AGE_MS + 1});
	});
});

describe('refusals keep the previous cache', () => {
	async function primeThenBreak(reply: Reply): Promise<void> {
		await owner.lookup('hyperliquid', 'SOL');
		await owner.settled();
		network.routes.set(HL_URL, () => reply);
		nowMs = T0 + MAX_AGE_MS + 1;
		await owner.lookup('hyperliquid', 'SOL');
		await owner.settled();
	}

	test.each([
		['HTTP 500', {status: 500, body: 'oops'}, /HTTP 500/],
		['not JSON (truncated)', {body: text('hyperliquid-meta.json').slice(0, 200)}, /not JSON/],
		['the wrong shape', {body: JSON.stringify({universe: 'all of them'})}, /universe is not a list/],
		['empty', {body: ''}, /not JSON/],
		['declared too large', {body: '{}', headers: {'content-length': String(MAX_RESPONSE_BYTES + 1)}}, /refused \(limit/],
		['too large', {body: `{"universe":[${'0,'.repeat(MAX_RESPONSE_BYTES / 2)}0]}`}, /characters refused/],
	])('%s: refused, logged, the cached table still answers', async (_what, reply, message) => {
		await primeThenBreak(reply);
		expect(logs.at(-1)).toMatch(message);
		expect(logs.at(-1)).toMatch(/previous cache stays/);
		const answer = await owner.lookup('hyperliquid', 'SOL');
		expect(answer.state).toBe('live');
		expect(answer.params?.source).toMatchObject({fetchedAtMs: T0});
		expect((storage.items.get(`${CACHE_PREFIX}hyperliquid:meta`) as {fetchedAtMs: number}).fetchedAtMs).toBe(T0);
		// Told twice: the first data, then the failure (a panel that said "fetching" re-evaluates).
		expect(updates).toBe(2);
	});

	test('with nothing cached a failure answers unavailable, and the endpoint rests 10 minutes before a retry', async () => {
		network.routes.set(HL_URL, () => ({status: 500, body: ''}));
		await owner.lookup('hyperliquid', 'SOL');
		await owner.settled();
		expect(updates).toBe(1);
		expect(await owner.lookup('hyperliquid', 'SOL')).toEqual({state: 'unavailable'});
		nowMs = T0 + RETRY_AFTER_MS - 1;
		await owner.lookup('hyperliquid', 'SOL');
		expect(network.count(HL_URL)).toBe(1);
		nowMs = T0 + RETRY_AFTER_MS;
		network.routes.set(HL_URL, () => ({body: text('hyperliquid-meta.json')}));
		await owner.lookup('hyperliquid', 'SOL');
		await owner.settled();
		expect(network.count(HL_URL)).toBe(2);
		expect((await owner.lookup('hyperliquid', 'SOL')).state).toBe('live');
	});

	test('a corrupted storage entry is ignored and fetched again', async () => {
		storage.items.set(`${CACHE_PREFIX}hyperliquid:meta`, {url: HL_URL, fetchedAtMs: 'yesterday', markets: {}});
		expect(await owner.lookup('hyperliquid', 'SOL')).toEqual({state: 'pending'});
		await owner.settled();
		expect((await owner.lookup('hyperliquid', 'SOL')).state).toBe('live');
	});
});

describe('bounds', () => {
	test(`at most ${MAX_PER_MARKET_DOCS} per-market tables are kept; the oldest fetched goes first`, async () => {
		const riskLimit = JSON.parse(text('bybit-risk-limit-solusdt.json')) as {result: {list: {symbol: string}[]}};
		const symbols = Array.from({length: MAX_PER_MARKET_DOCS + 2}, (_, index) => `C${index}USDT`);
		for (const symbol of symbols) {
			const body = JSON.stringify({...riskLimit, result: {...riskLimit.result, list: riskLimit.result.list.map(tier => ({...tier, symbol}))}});
			network.routes.set(`https://api.bybit.com/v5/market/risk-limit?category=linear&symbol=${symbol}`, () => ({body}));
		}
		network.routes.set('https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000', () => ({body: text('bybit-instruments.json')}));
		for (const symbol of symbols) {
			nowMs += 1000;
			await owner.lookup('bybit-linear', symbol);
			await owner.settled();
		}
		const kept = [...storage.items.keys()].filter(key => key.includes(':risk-limit:'));
		expect(kept).toHaveLength(MAX_PER_MARKET_DOCS);
		expect(kept).not.toContain(`${CACHE_PREFIX}bybit-linear:risk-limit:C0USDT`);
		expect(kept).not.toContain(`${CACHE_PREFIX}bybit-linear:risk-limit:C1USDT`);
		expect(kept).toContain(`${CACHE_PREFIX}bybit-linear:risk-limit:C${MAX_PER_MARKET_DOCS + 1}USDT`);
		expect(storage.items.has(`${CACHE_PREFIX}bybit-linear:instruments`)).toBe(true);
	});
});
