/**
 * Background handlers for the reminder and user-added sites: the reminder decision in `evaluateDraft`, the snooze key, and
 * the user-added sites' script registration (`sites.ts`) against a fake scripting/permissions API.
 */
import {describe, expect, test, vi} from 'vitest';
import {evaluateDraft, reminderFor} from '../../../src/background/evaluate-draft.js';
import {reconcileSites, removedSites, scriptFor, useOnSite, venueForPage, type RegisteredScript, type SitesApi} from '../../../src/background/sites.js';
import {isReminderSnoozed, snoozeReminder} from '../../../src/settings/reminders.js';
import {DEFAULT_SETTINGS, type Settings} from '../../../src/settings/settings.js';
import {demoDraft} from '../messaging/draft-fixture.js';
import {FakeStorageArea} from '../settings/fake-storage.js';

const cross = () => demoDraft({marginMode: {state: 'ok', value: 'cross'}, leverage: {state: 'ok', value: '10'}});

describe('isolated-margin reminder in evaluateDraft', () => {
	test('on cross with reminders on: the venue how-to, and the blast radius in the figures', () => {
		// The worker reads the how-to from the locale through chrome.i18n (Chrome and Firefox alike).
		vi.stubGlobal('chrome', {i18n: {getMessage: (key: string) => (key === 'venue_isolated_howto_binance_usdm' ? 'Switch it, Binance' : '')}});
		const result = evaluateDraft({revision: 1, draft: cross()}, DEFAULT_SETTINGS);
		vi.unstubAllGlobals();
		expect(result.reminder).toEqual({howTo: 'Switch it, Binance'});
		const long = result.assessment.long;
		expect(long?.ok && long.assessment.figures.crossExposure).toBe('10000');
	});

	test('not on isolated, not when snoozed, not when off globally or for this adapter', () => {
		expect(evaluateDraft({revision: 1, draft: demoDraft()}, DEFAULT_SETTINGS).reminder).toBeUndefined();
		expect(evaluateDraft({revision: 1, draft: cross()}, DEFAULT_SETTINGS, true).reminder).toBeUndefined();
		const off: Settings = {...DEFAULT_SETTINGS, reminders: {enabled: false, perVenue: {}}};
		expect(reminderFor(cross(), off, false)).toBeUndefined();
		expect(reminderFor(cross(), {...DEFAULT_SETTINGS, reminders: {enabled: true, perVenue: {demo: false}}}, false)).toBeUndefined();
		// A per-venue "on" wins over the global "off".
		expect(reminderFor(cross(), {...DEFAULT_SETTINGS, reminders: {enabled: false, perVenue: {demo: true}}}, false)).toBeDefined();
	});

	test('the snooze is per tab in session storage', async () => {
		const session = new FakeStorageArea();
		await snoozeReminder(session, 7);
		expect(await isReminderSnoozed(session, 7)).toBe(true);
		expect(await isReminderSnoozed(session, 8)).toBe(false);
		expect(session.items.get('reminderSnoozed:7')).toBe(true);
	});
});

class FakeSitesApi implements SitesApi {
	scripts: RegisteredScript[] = [];
	granted = new Set<string>();
	removed: string[] = [];
	injected: number[] = [];
	tabs = new Map<number, string>();
	async getRegisteredContentScripts() {
		return this.scripts.map(script => ({id: script.id, matches: script.matches}));
	}
	async registerContentScripts(scripts: RegisteredScript[]) {
		for (const script of scripts) {
			if (this.scripts.some(other => other.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
			this.scripts.push(script);
		}
	}
	async unregisterContentScripts(filter: {ids: string[]}) {
		this.scripts = this.scripts.filter(script => !filter.ids.includes(script.id));
	}
	async executeScript(injection: {target: {tabId: number}; files: string[]}) {
		this.injected.push(injection.target.tabId);
		return [];
	}
	async containsOrigin(pattern: string) {
		return this.granted.has(pattern);
	}
	async removeOrigin(pattern: string) {
		this.removed.push(pattern);
		return this.granted.delete(pattern);
	}
	async tabUrl(tabId: number) {
		return this.tabs.get(tabId);
	}
}

const SITE = {origin: 'https://trade.example-perps.test', venue: 'hyperliquid' as const};

describe('user-added sites (scripting)', () => {
	test('registers a persistent document_start script for a granted site, once', async () => {
		const api = new FakeSitesApi();
		api.granted.add(`${SITE.origin}/*`);
		expect(await reconcileSites(api, [SITE])).toEqual({registered: [SITE.origin], unregistered: [], missingPermission: []});
		expect(api.scripts).toEqual([scriptFor(SITE.origin)]);
		expect(api.scripts[0]).toMatchObject({matches: [`${SITE.origin}/*`], js: ['content.js'], runAt: 'document_start', persistAcrossSessions: true});
		expect((await reconcileSites(api, [SITE])).registered).toEqual([]);
	});

	test('startup: a listed site whose registration went missing is registered again; one without permission is not', async () => {
		const api = new FakeSitesApi();
		api.granted.add(`${SITE.origin}/*`);
		const other = {origin: 'https://no-permission.test', venue: 'custom' as const};
		const result = await reconcileSites(api, [SITE, other]);
		expect(result.registered).toEqual([SITE.origin]);
		expect(result.missingPermission).toEqual([other.origin]);
	});

	test('removing a site unregisters its script and gives its permission back; other scripts are left alone', async () => {
		const api = new FakeSitesApi();
		api.granted.add(`${SITE.origin}/*`);
		await reconcileSites(api, [SITE]);
		api.scripts.push({...scriptFor('https://x.test'), id: 'not-ours'});
		const result = await reconcileSites(api, [], removedSites([SITE], []));
		expect(result.unregistered).toEqual([SITE.origin]);
		expect(api.scripts.map(script => script.id)).toEqual(['not-ours']);
		expect(api.removed).toEqual([`${SITE.origin}/*`]);
		expect(api.granted.size).toBe(0);
	});

	test('useOnSite injects into the tab only when the site is listed, granted and shown in that tab', async () => {
		const api = new FakeSitesApi();
		api.tabs.set(4, `${SITE.origin}/trade/BTC`);
		api.tabs.set(5, 'https://elsewhere.test/');
		// Not listed → nothing.
		expect(await useOnSite(api, [], {origin: SITE.origin, tabId: 4})).toEqual({registered: false, injected: false});
		// Listed but no permission → nothing.
		expect(await useOnSite(api, [SITE], {origin: SITE.origin, tabId: 4})).toEqual({registered: false, injected: false});
		api.granted.add(`${SITE.origin}/*`);
		// Another origin's tab → registered, not injected.
		expect(await useOnSite(api, [SITE], {origin: SITE.origin, tabId: 5})).toEqual({registered: true, injected: false});
		expect(await useOnSite(api, [SITE], {origin: SITE.origin, tabId: 4})).toEqual({registered: true, injected: true});
		expect(api.injected).toEqual([4]);
		expect(api.scripts).toHaveLength(1);
	});

	test('venueForPage: the venue of the page origin, or null', () => {
		expect(venueForPage([SITE], `${SITE.origin}/trade?x=1`)).toBe('hyperliquid');
		expect(venueForPage([SITE], 'https://trade.example-perps.test.evil.test/')).toBeNull();
		expect(venueForPage([SITE], undefined)).toBeNull();
		expect(venueForPage([SITE], 'not a url')).toBeNull();
	});
});
