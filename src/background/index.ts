/**
 * Background worker (MV3 service worker in Chrome, event page in Firefox).
 *
 * Component map, in start order:
 * 1. `runtime.onMessage` and `runtime.onConnect` (the content script's port, messaging/port.ts): registered
 *    synchronously at top level, so a message that wakes a stopped worker is never lost
 *    (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * 2. `messaging/handle.ts` checks the sender and validates the payload; handlers below do the work.
 * 3. `runtime.onInstalled` / `onStartup`: settings migration (`migrateStoredSettings`) and re-registration of the
 *    content scripts of user-added sites (`sites.ts`).
 * 4. `storage.onChanged`: settings → reconcile the sites' scripts (the options page adds/removes sites);
 *    a tab's snooze changed (popup) → push `refresh` to that tab.
 * 5. `tabs.onRemoved` / `onUpdated`: drop the tab's session keys (prefill draft, snooze).
 * 6. Market data (`market-data/`): `paramsFor` answers from the cache of the venues' public APIs (or the typed rate)
 *    for `evaluateDraft` and the popup's `marketParams`; a fetch it starts ends with a `refresh` push to the panels.
 *
 * No module state that matters: settings live in `storage.sync`, badges in the browser, the per-tab draft and
 * snooze in `storage.session`. The worker keeps in-memory copies of the settings and snoozes (`storage-memo.ts`,
 * invalidated by `storage.onChanged`) so a keystroke does not re-read and re-validate storage; a restarted worker
 * loads them again on its first message.
 *
 * Reply first: the badge and the popup's prefill are written in a task after the answer has been posted, and
 * only when they changed (docs/performance.md, "What the bench found").
 */
import browser from 'webextension-polyfill';
import {createBackgroundListener} from '../messaging/handle.js';
import {PORT_NAME, servePort, type PortLike} from '../messaging/port.js';
import {APP, type RefreshNotice} from '../messaging/protocol.js';
import {isReminderSnoozed, snoozeKey, snoozeReminder} from '../settings/reminders.js';
import {grantedByManifest, loadSettings, migrateStoredSettings, parseSettings, SETTINGS_KEY, toEngineSettings} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {showSeverity} from './badge.js';
import {restrictToTrustedContexts, type AccessLevelArea} from './storage-access.js';
import {answerKey, partKeys} from './answer-key.js';
import {evaluateDraft} from './evaluate-draft.js';
import {reconcileSites, removedSites, serialised, useOnSite, venueForPage, type SitesApi} from './sites.js';
import {keyedMemoFromStorage, lastWritten, memoFromStorage} from './storage-memo.js';
import {MarketData} from './market-data/owner.js';
import {type MarketAnswer, resolveMarket} from './market-data/resolve.js';
import {readTypedRate, TYPED_RATE_PREFIX} from './market-data/typed-rates.js';
import {trackFieldReads} from '../core/draft.js';
import type {VenueId} from '../core/types.js';
import {DRAFT_WRITE_INTERVAL_MS, keyedThrottle} from './throttle.js';

const sync = browser.storage.sync as StorageAreaLike;
const session = browser.storage.session as StorageAreaLike;
const local = browser.storage.local as StorageAreaLike;

/** `storage.session` key of the latest validated draft of a tab (the popup's prefill; docs/settings.md). */
export function draftKey(tabId: number): string {
	return `draft:${tabId}`;
}

const sitesApi: SitesApi = {
	getRegisteredContentScripts: filter => browser.scripting.getRegisteredContentScripts(filter),
	registerContentScripts: scripts => browser.scripting.registerContentScripts(scripts),
	unregisterContentScripts: filter => browser.scripting.unregisterContentScripts(filter),
	executeScript: injection => browser.scripting.executeScript(injection),
	containsOrigin: pattern => browser.permissions.contains({origins: [pattern]}),
	removeOrigin: pattern => browser.permissions.remove({origins: [pattern]}),
	tabUrl: async tabId => (await browser.tabs.get(tabId)).url,
};

/** Parsed settings and their engine form (one object per settings value, so the engine's per-settings caches hit). */
const settingsMemo = memoFromStorage(async () => {
	const {settings} = await loadSettings(sync);
	return {settings, engine: toEngineSettings(settings)};
});
const snoozeMemo = keyedMemoFromStorage((tabId: number) => isReminderSnoozed(session, tabId));
const replyDelayMemo = memoFromStorage(e2eReplyDelayMs);
const badgeWritten = lastWritten<number>();
const draftWritten = lastWritten<number>();
/** The popup's prefill, at most one write per tab per second (throttle.ts). */
const draftWrites = keyedThrottle<number, unknown>(DRAFT_WRITE_INTERVAL_MS, (tabId, draft) => {
	afterReply(() => session.set({[draftKey(tabId)]: draft}).catch(error => {
		draftWritten.forget(tabId);
		throw error;
	}));
});
/** Tabs this worker answered: told to re-evaluate when the settings change (below). */
const answeredTabs = new Set<number>();

/**
 * Live market parameters (market-data/owner.ts): answered from the cache at once; a fetch it starts ends with a
 * refresh push to the panels this worker answered, which re-evaluate with the new data.
 */
const marketData = new MarketData({
	fetch: (url, init) => fetch(url, init),
	now: () => Date.now(),
	storage: local,
	onUpdate: () => {
		for (const tabId of answeredTabs) sendRefresh(tabId);
	},
});
const typedRateMemo = keyedMemoFromStorage((key: string) => {
	const [venue, symbol] = key.split('\n') as [VenueId, string];
	return readTypedRate(local, venue, symbol);
});

/**
 * The one place a market's parameters are decided, for the panel (evaluateDraft) and the popup (marketParams):
 * live data when the switch is on and the cache has it, else the rate the user typed, else the core's fallback.
 * With the switch off no request is made at all.
 */
async function paramsFor(venue: VenueId, symbol: string, options: {marginMode?: 'isolated' | 'cross'} = {}): Promise<MarketAnswer> {
	const [{settings}, typed] = await Promise.all([settingsMemo.get(), typedRateMemo.get(`${venue}\n${symbol.trim().toUpperCase()}`)]);
	const isEnabled = settings.marketDataUpdates;
	const lookup = isEnabled ? await marketData.lookup(venue, symbol, options) : undefined;
	return resolveMarket({venue, symbol, isEnabled, lookup, typed});
}

/** Runs `write` in a later task: after the reply to the current message has been posted. */
function afterReply(write: () => Promise<unknown>): void {
	setTimeout(() => void write().catch(() => undefined), 0);
}

function forgetTab(tabId: number): void {
	badgeWritten.forget(tabId);
	draftWritten.forget(tabId);
	draftWrites.forget(tabId);
}

async function syncSites(removed: readonly string[] = []): Promise<void> {
	await serialised(async () => {
		const {settings} = await loadSettings(sync);
		// A site on a supported exchange's host (the manifest's own content scripts, whose host permission is granted at
		// install) is never registered: it would run on every page of that host without the browser asking.
		const hosts = (browser.runtime.getManifest().content_scripts ?? []).flatMap(script => script.matches ?? []);
		await reconcileSites(sitesApi, settings.customSites.filter(site => !grantedByManifest(site.origin, hosts)), removed);
	});
}

const listener = createBackgroundListener(
	{
		async evaluateDraft(request, sender) {
			const {tabId} = sender;
			answeredTabs.add(tabId);
			const [{settings, engine}, isSnoozed] = await Promise.all([settingsMemo.get(), snoozeMemo.get(tabId)]);
			if (__DEV__) {
				const delayMs = await replyDelayMemo.get();
				if (delayMs > 0) await new Promise(resolve => setTimeout(resolve, delayMs));
			}
			// Everything that shapes the answer reads the draft through this view, which records the fields it reads.
			const {draft, fields} = trackFieldReads(request.draft);
			const symbol = draft.symbol.state === 'ok' ? draft.symbol.value : undefined;
			const marginMode = draft.marginMode.state === 'ok' ? draft.marginMode.value : undefined;
			// Market data is an improvement, never a condition: a failure of ours here leaves the fallback, not an error.
			const answer = symbol === undefined ? undefined : await paramsFor(draft.venue, symbol, marginMode ? {marginMode} : {}).catch(() => undefined);
			const market = answer && {...(answer.params ? {params: answer.params} : {}), notice: answer.notice};
			const result = evaluateDraft({...request, draft}, settings, isSnoozed, engine, market);
			result.readFields = fields();
			[result.answerKey, result.partKeys] = await Promise.all([answerKey(result), partKeys(result)]);
			// The badge and the popup's prefill are conveniences: written after the reply, only when changed, and
			// failing to write them must not fail the assessment (a failed write is retried on the next message).
			if (badgeWritten.changed(tabId, `${result.worst ?? ''}${result.isIncomplete ? '?' : ''}`)) {
				afterReply(() => showSeverity(browser.action, tabId, result.worst, result.isIncomplete === true).catch(error => {
					badgeWritten.forget(tabId);
					throw error;
				}));
			}
			if (draftWritten.changed(tabId, JSON.stringify(request.draft))) draftWrites.push(tabId, request.draft);
			return result;
		},
		async clearBadge(_data, sender) {
			forgetTab(sender.tabId);
			await showSeverity(browser.action, sender.tabId, undefined).catch(() => undefined);
			await session.remove(draftKey(sender.tabId)).catch(() => undefined);
			return {cleared: true};
		},
		async snoozeReminder(_data, sender) {
			await snoozeReminder(session, sender.tabId);
			// The panel re-evaluates at once; its request may arrive before storage.onChanged clears the memo.
			snoozeMemo.invalidate(sender.tabId);
			return {snoozed: true};
		},
		async siteVenue(_data, sender) {
			const {settings} = await settingsMemo.get();
			return {venue: venueForPage(settings.customSites, sender.url)};
		},
		async marketParams(request) {
			const answer = await paramsFor(request.venue, request.symbol, request.marginMode ? {marginMode: request.marginMode} : {});
			return {params: answer.params ?? null, notice: answer.notice};
		},
		async useOnSite(request) {
			return serialised(async () => {
				const {settings} = await loadSettings(sync);
				return useOnSite(sitesApi, settings.customSites, request);
			});
		},
	},
	() => browser.runtime.id,
	() => browser.runtime.getURL(''),
);

// Content scripts can neither read nor write settings (storage-access.ts). `chrome.*`, not the polyfill: the
// polyfill does not wrap setAccessLevel, and Firefox has none (feature-detected).
const chromeStorage = (globalThis as {chrome?: {storage?: Record<string, AccessLevelArea | undefined>}}).chrome?.storage;
void restrictToTrustedContexts({sync: chromeStorage?.sync, local: chromeStorage?.local});

browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
// The content script's requests arrive over one port per page (messaging/port.ts); same listener, same checks.
browser.runtime.onConnect.addListener(port => {
	if (port.name === PORT_NAME) servePort(port as unknown as PortLike, listener as never);
});

browser.runtime.onInstalled.addListener(() => {
	// Writes migrated settings back once per install/update (docs/settings.md "Migrations"), then makes sure the
	// user-added sites' scripts exist (an update may drop dynamic registrations).
	void migrateStoredSettings(sync)
		.catch((error: unknown) => console.error('LiqGuard: settings migration failed', error))
		.then(() => syncSites())
		.catch((error: unknown) => console.error('LiqGuard: site scripts', error));
});

browser.runtime.onStartup.addListener(() => {
	// persistAcrossSessions keeps them in Chrome; compare anyway (Firefox, or a registration lost on a crash).
	syncSites().catch((error: unknown) => console.error('LiqGuard: site scripts', error));
});

browser.storage.onChanged.addListener((changes, area) => {
	if (area === 'sync' && changes[SETTINGS_KEY]) {
		settingsMemo.invalidate();
		// Content scripts do not watch storage (it is closed to them, storage-access.ts): this push is how every panel
		// learns of new settings, and how a user-added site's page restarts with a changed or removed venue model.
		// Every tab, not only those this worker answered: a worker woken by this very change has answered none.
		browser.tabs.query({}).then(
			tabs => {
				for (const tab of tabs) if (tab.id !== undefined && tab.id >= 0) sendRefresh(tab.id);
			},
			() => {
				for (const tabId of answeredTabs) sendRefresh(tabId);
			},
		);
		const before = changes[SETTINGS_KEY].oldValue === undefined ? [] : parseSettings(changes[SETTINGS_KEY].oldValue).settings.customSites;
		const after = parseSettings(changes[SETTINGS_KEY].newValue).settings.customSites;
		syncSites(removedSites(before, after)).catch((error: unknown) => console.error('LiqGuard: site scripts', error));
	}
	if (area === 'local' && 'e2eReplyDelayMs' in changes) replyDelayMemo.invalidate();
	if (area === 'local') {
		// The popup saved or cleared a typed maintenance rate: the panels use it too.
		const typedKeys = Object.keys(changes).filter(key => key.startsWith(TYPED_RATE_PREFIX));
		for (const key of typedKeys) {
			const rest = key.slice(TYPED_RATE_PREFIX.length);
			const split = rest.indexOf(':');
			typedRateMemo.invalidate(`${rest.slice(0, split)}\n${rest.slice(split + 1)}`);
		}
		if (typedKeys.length > 0) for (const tabId of answeredTabs) sendRefresh(tabId);
	}
	if (area === 'session') {
		// The popup snoozed or un-snoozed a tab: tell that tab's panel to re-evaluate (ignored if no panel there).
		for (const key of Object.keys(changes)) {
			const tabId = /^reminderSnoozed:(\d+)$/.exec(key)?.[1];
			if (tabId === undefined || key !== snoozeKey(Number(tabId))) continue;
			snoozeMemo.invalidate(Number(tabId));
			sendRefresh(Number(tabId));
		}
	}
});

/** Asks the tab's panel to re-evaluate its form (ignored where there is no panel). */
function sendRefresh(tabId: number): void {
	const notice: RefreshNotice = {app: APP, name: 'refresh'};
	browser.tabs.sendMessage(tabId, notice, {frameId: 0}).catch(() => undefined);
}

browser.tabs.onRemoved.addListener(tabId => {
	answeredTabs.delete(tabId);
	forgetTab(tabId);
	snoozeMemo.invalidate(tabId);
	session.remove([draftKey(tabId), snoozeKey(tabId)]).catch(() => undefined);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
	// A new document is loading in the tab: its draft is gone (the new page's content script writes a new one).
	// The snooze stays: it lasts until the tab closes.
	// A navigation also resets the tab's badge in the browser.
	if (changeInfo.status === 'loading') {
		forgetTab(tabId);
		session.remove(draftKey(tabId)).catch(() => undefined);
	}
});

/**
 * e2e hook (dev builds only): delay replies to prove the gate fails open when the worker does not answer. Read
 * once per worker and again when `storage.local` changes, so it costs nothing per message.
 */
async function e2eReplyDelayMs(): Promise<number> {
	if (!__DEV__) return 0;
	const {e2eReplyDelayMs: delayMs} = await browser.storage.local.get('e2eReplyDelayMs');
	return typeof delayMs === 'number' && delayMs > 0 ? delayMs : 0;
}
