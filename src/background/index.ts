/**
 * Background worker (MV3 service worker in Chrome, event page in Firefox).
 *
 * Component map, in start order:
 * 1. `runtime.onMessage`: registered synchronously at top level, so a message that wakes a stopped worker is
 *    never lost (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * 2. `messaging/handle.ts` checks the sender and validates the payload; handlers below do the work.
 * 3. `runtime.onInstalled` / `onStartup`: settings migration (`migrateStoredSettings`) and re-registration of the
 *    content scripts of user-added sites (`sites.ts`).
 * 4. `storage.onChanged`: settings → reconcile the sites' scripts (the options page adds/removes sites);
 *    a tab's snooze changed (popup) → push `refresh` to that tab.
 * 5. `tabs.onRemoved` / `onUpdated`: drop the tab's session keys (prefill draft, snooze).
 *
 * No module state that matters: settings come from `storage.sync` per message, badges live in the browser, the
 * per-tab draft and snooze live in `storage.session`.
 */
import browser from 'webextension-polyfill';
import {createBackgroundListener} from '../messaging/handle.js';
import {APP, type RefreshNotice} from '../messaging/protocol.js';
import {isReminderSnoozed, snoozeKey, snoozeReminder} from '../settings/reminders.js';
import {loadSettings, migrateStoredSettings, parseSettings, SETTINGS_KEY} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {showSeverity} from './badge.js';
import {evaluateDraft} from './evaluate-draft.js';
import {reconcileSites, removedSites, serialised, useOnSite, venueForPage, type SitesApi} from './sites.js';

const sync = browser.storage.sync as StorageAreaLike;
const session = browser.storage.session as StorageAreaLike;

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

async function syncSites(removed: readonly string[] = []): Promise<void> {
	await serialised(async () => {
		const {settings} = await loadSettings(sync);
		await reconcileSites(sitesApi, settings.customSites, removed);
	});
}

const listener = createBackgroundListener(
	{
		async evaluateDraft(request, sender) {
			const [{settings}, isSnoozed] = await Promise.all([loadSettings(sync), isReminderSnoozed(session, sender.tabId)]);
			if (__DEV__) await e2eReplyDelay();
			const result = evaluateDraft(request, settings, isSnoozed);
			// The badge and the popup's prefill are conveniences: failing to write them must not fail the assessment.
			showSeverity(browser.action, sender.tabId, result.worst).catch(() => undefined);
			session.set({[draftKey(sender.tabId)]: request.draft}).catch(() => undefined);
			return result;
		},
		async clearBadge(_data, sender) {
			await showSeverity(browser.action, sender.tabId, undefined).catch(() => undefined);
			await session.remove(draftKey(sender.tabId)).catch(() => undefined);
			return {cleared: true};
		},
		async snoozeReminder(_data, sender) {
			await snoozeReminder(session, sender.tabId);
			return {snoozed: true};
		},
		async siteVenue(_data, sender) {
			const {settings} = await loadSettings(sync);
			return {venue: venueForPage(settings.customSites, sender.url)};
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

browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

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
		const before = changes[SETTINGS_KEY].oldValue === undefined ? [] : parseSettings(changes[SETTINGS_KEY].oldValue).settings.customSites;
		const after = parseSettings(changes[SETTINGS_KEY].newValue).settings.customSites;
		syncSites(removedSites(before, after)).catch((error: unknown) => console.error('LiqGuard: site scripts', error));
	}
	if (area === 'session') {
		// The popup snoozed or un-snoozed a tab: tell that tab's panel to re-evaluate (ignored if no panel there).
		for (const key of Object.keys(changes)) {
			const tabId = /^reminderSnoozed:(\d+)$/.exec(key)?.[1];
			if (tabId === undefined || key !== snoozeKey(Number(tabId))) continue;
			const notice: RefreshNotice = {app: APP, name: 'refresh'};
			browser.tabs.sendMessage(Number(tabId), notice, {frameId: 0}).catch(() => undefined);
		}
	}
});

browser.tabs.onRemoved.addListener(tabId => {
	session.remove([draftKey(tabId), snoozeKey(tabId)]).catch(() => undefined);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
	// A new document is loading in the tab: its draft is gone (the new page's content script writes a new one).
	// The snooze stays: it lasts until the tab closes.
	if (changeInfo.status === 'loading') session.remove(draftKey(tabId)).catch(() => undefined);
});

/** e2e hook (dev builds only): delay replies to prove the gate fails open when the worker does not answer. */
async function e2eReplyDelay(): Promise<void> {
	const {e2eReplyDelayMs} = await browser.storage.local.get('e2eReplyDelayMs');
	if (typeof e2eReplyDelayMs === 'number' && e2eReplyDelayMs > 0) {
		await new Promise(resolve => setTimeout(resolve, e2eReplyDelayMs));
	}
}
