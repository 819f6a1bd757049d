/**
 * The owner of live market data: fetches a venue's public market data on first need, refreshes it when older than
 * 24 h, keeps it in `storage.local` with its URL and fetch time, and answers from the cache at once.
 *
 * - Never delays an answer: `lookup` reads only the cache and starts any fetch in the background; `onUpdate` fires
 *   when new data is stored or a request failed, and the worker then asks the panels to re-evaluate.
 * - At most one request in flight per endpoint; after a failure the endpoint is left alone for `retryAfterMs`.
 * - Every response is validated against the venue's documented shape (the venue modules); one that does not
 *   validate is refused and logged, and the previous cache stays.
 * - Requests carry no cookies and no credentials (`credentials: 'omit'`), no referrer, nothing about the user.
 * - Bounded: a response above `MAX_RESPONSE_BYTES` is refused; at most `MAX_PER_MARKET_DOCS` per-market documents
 *   are kept (the oldest fetched is dropped first); a stored document above `MAX_STORED_BYTES` is refused.
 */
import type {MarketParams} from '../../core/market-params.js';
import type {VenueId} from '../../core/types.js';
import type {StorageAreaLike} from '../../settings/storage-area.js';
import {isAllowedUrl} from './endpoints.js';
import {type CacheEntry, combine, type DocSpec, planFor} from './plans.js';
import {isRecord} from './schema.js';

export const MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const RETRY_AFTER_MS = 10 * 60 * 1000;
/** Largest response read: the biggest documented list (Bybit instruments, OKX instruments) is well under 1 MB. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Largest parsed document stored (parsed entries are a fraction of the response). */
export const MAX_STORED_BYTES = 1024 * 1024;
/** Per-market documents kept (OKX tiers and funding, Bybit risk limits): the markets a trader looked at lately. */
export const MAX_PER_MARKET_DOCS = 60;
const REQUEST_TIMEOUT_MS = 15_000;

/** `storage.local` key prefix of cached documents. */
export const CACHE_PREFIX = 'marketData:';

export type ResponseLike = {ok: boolean; status: number; headers: {get(name: string): string | null}; text(): Promise<string>};
export type FetchLike = (url: string, init: RequestInit) => Promise<ResponseLike>;

export type LookupState =
	/** Live parameters from the cache (possibly being refreshed). */
	| 'live'
	/** Nothing cached yet; a request is on its way. */
	| 'pending'
	/** The last request failed or was refused; nothing usable cached. */
	| 'unavailable'
	/** The venue publishes no usable public source, or the symbol is not one of its markets. */
	| 'unsupported';

export type Lookup = {state: LookupState; params?: MarketParams};

export type MarketDataDeps = {
	fetch: FetchLike;
	now: () => number;
	storage: StorageAreaLike;
	onUpdate: () => void;
	log?: (message: string) => void;
};

export class MarketData {
	private readonly memory = new Map<string, CacheEntry | null>();
	private readonly inFlight = new Map<string, Promise<void>>();
	private readonly failedAtMs = new Map<string, number>();

	constructor(private readonly deps: MarketDataDeps) {}

	/** Answers from the cache at once; starts a fetch for what is missing or older than 24 h. */
	async lookup(venue: VenueId, symbol: string, options: {marginMode?: 'cross' | 'isolated'} = {}): Promise<Lookup> {
		const plan = planFor(venue, symbol, options.marginMode);
		if (!plan) return {state: 'unsupported'};
		const entries = await Promise.all(plan.docs.map(doc => this.cached(doc.key)));
		const now = this.deps.now();
		plan.docs.forEach((doc, index) => {
			const entry = entries[index];
			if (!entry || now - entry.fetchedAtMs > MAX_AGE_MS || entry.fetchedAtMs > now) this.refresh(doc);
		});
		const combined = combine(plan, entries);
		if (combined) return {state: 'live', params: {...combined.entry, venue, symbol, source: combined.source}};
		// The primary document is there but lacks this market: the venue does not list it.
		if (entries[0]) return {state: 'unsupported'};
		return {state: this.inFlight.has(plan.docs[0]!.key) ? 'pending' : 'unavailable'};
	}

	/** Resolves when every request in flight has settled (tests, and the e2e hook). */
	async settled(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
	}

	private async cached(key: string): Promise<CacheEntry | undefined> {
		if (this.memory.has(key)) return this.memory.get(key) ?? undefined;
		const storageKey = CACHE_PREFIX + key;
		const stored = (await this.deps.storage.get(storageKey).catch(() => ({}) as Record<string, unknown>))[storageKey];
		const entry = isCacheEntry(stored) ? stored : undefined;
		// A fetch may have finished while storage was read: keep its newer entry.
		if (!this.memory.has(key)) this.memory.set(key, entry ?? null);
		return this.memory.get(key) ?? undefined;
	}

	private refresh(doc: DocSpec): void {
		if (this.inFlight.has(doc.key)) return;
		const failedAt = this.failedAtMs.get(doc.key);
		if (failedAt !== undefined && this.deps.now() - failedAt < RETRY_AFTER_MS) return;
		const request = this.fetchDoc(doc)
			.catch((error: unknown) => {
				this.failedAtMs.set(doc.key, this.deps.now());
				this.log(`${doc.request.url}: ${error instanceof Error ? error.message : String(error)}; the previous cache stays`);
				return true;
			})
			.then(failed => {
				this.inFlight.delete(doc.key);
				// A panel that said "fetching" must now say "unavailable" (no request follows: the endpoint rests).
				if (failed === true) this.deps.onUpdate();
			});
		this.inFlight.set(doc.key, request);
	}

	private async fetchDoc(doc: DocSpec): Promise<void> {
		const {url, method, body} = doc.request;
		if (!isAllowedUrl(url)) throw new Error('not an allowed API address');
		const init: RequestInit = {
			method,
			credentials: 'omit',
			cache: 'no-store',
			referrerPolicy: 'no-referrer',
			redirect: 'error',
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		};
		if (body !== undefined) {
			init.body = body;
			init.headers = {'Content-Type': 'application/json'};
		}
		const response = await this.deps.fetch(url, init);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const declared = Number(response.headers.get('content-length') ?? '0');
		if (declared > MAX_RESPONSE_BYTES) throw new Error(`response of ${declared} bytes refused (limit ${MAX_RESPONSE_BYTES})`);
		const text = await response.text();
		if (text.length > MAX_RESPONSE_BYTES) throw new Error(`response of ${text.length} characters refused (limit ${MAX_RESPONSE_BYTES})`);
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			throw new Error('response is not JSON');
		}
		const parsed = doc.parse(json);
		if (!parsed.ok) throw new Error(`response refused: ${parsed.problem}`);
		const entry: CacheEntry = {url, fetchedAtMs: this.deps.now(), markets: parsed.doc.markets};
		const bytes = JSON.stringify(entry).length;
		if (bytes > MAX_STORED_BYTES) throw new Error(`parsed data of ${bytes} bytes refused (limit ${MAX_STORED_BYTES})`);
		this.memory.set(doc.key, entry);
		this.failedAtMs.delete(doc.key);
		await this.deps.storage.set({[CACHE_PREFIX + doc.key]: entry});
		if (doc.isPerMarket) await this.evictPerMarket(doc.key);
		this.deps.onUpdate();
	}

	/** Keeps the newest `MAX_PER_MARKET_DOCS` per-market documents. */
	private async evictPerMarket(keep: string): Promise<void> {
		const all = await this.deps.storage.get(null);
		const perMarket = Object.entries(all)
			.filter(([key, value]) => key.startsWith(CACHE_PREFIX) && /:(?:position-tiers|risk-limit|funding-rate):/.test(key) && isCacheEntry(value))
			.map(([key, value]) => ({key, fetchedAtMs: (value as CacheEntry).fetchedAtMs}))
			.sort((a, b) => b.fetchedAtMs - a.fetchedAtMs);
		const drop = perMarket.slice(MAX_PER_MARKET_DOCS).map(item => item.key).filter(key => key !== CACHE_PREFIX + keep);
		if (drop.length === 0) return;
		for (const key of drop) this.memory.delete(key.slice(CACHE_PREFIX.length));
		await this.deps.storage.remove(drop);
	}

	private log(message: string): void {
		(this.deps.log ?? (text => console.warn(`LiqGuard market data: ${text}`)))(message);
	}
}

function isCacheEntry(value: unknown): value is CacheEntry {
	return isRecord(value) && typeof value.url === 'string' && typeof value.fetchedAtMs === 'number' && Number.isFinite(value.fetchedAtMs) && isRecord(value.markets);
}
