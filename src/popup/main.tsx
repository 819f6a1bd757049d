/**
 * Popup entry (bundled to popup.js). Wires the browser to PopupApp:
 * - settings: `storage.sync` (validated on read; changes from the options page re-render at once);
 * - prefill: the active tab's latest order draft from `storage.session` key `draft:<tabId>`, which the
 *   background writes (there is no popup→content request in src/messaging/protocol.ts yet);
 * - the sizer's open risks: `storage.local` key `openRisks` (this browser only; see open-risks-form.ts);
 * - the math: `assess` from src/core, called here directly; no background round trip.
 * - "Use LiqGuard on this site": `permissions.request` here (the click's gesture), save the site, then the typed
 *   `useOnSite` request: the background registers and injects the content script (it owns `scripting`).
 */
import {render} from 'preact';
import browser from 'webextension-polyfill';
import {adapterForUrl} from '../adapters/index.js';
import {assess} from '../core/assess.js';
import type {OrderDraft} from '../core/draft.js';
import type {VenueId} from '../core/types.js';
import {createCaller} from '../messaging/send.js';
import {loadSettings, onSettingsChanged, saveSettings, type Settings, type Validated} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {asStoredDraft, draftKey} from './calculator-form.js';
import {PopupApp} from './popup-app.js';
import type {UseOnSiteOutcome} from './use-on-site.js';
import type {MarketApi} from './market-source.js';
import {saveTypedRate} from '../background/market-data/typed-rates.js';

const sync = browser.storage.sync as StorageAreaLike;
const session = browser.storage.session as StorageAreaLike | undefined;
const local = browser.storage.local as StorageAreaLike;

const call = createCaller(message => browser.runtime.sendMessage(message));

/** Market parameters come from the background (the popup opens no connection: its CSP says connect-src 'none'). */
const market: MarketApi = {
	async params(venue, symbol, marginMode) {
		const reply = await call('marketParams', {venue, symbol, marginMode});
		return reply.ok ? reply.value : undefined;
	},
	saveTypedRate: (venue, symbol, rate) => saveTypedRate(browser.storage.local as StorageAreaLike, venue, symbol, rate, Date.now()),
	now: () => Date.now(),
};

/**
 * The tab's origin when it is an https page no built-in adapter supports (the URL is visible via activeTab).
 * https only: the manifest's optional host permissions are `https://*\/*`.
 */
function unsupportedOriginOf(url: string | undefined): string | undefined {
	if (url === undefined) return undefined;
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'https:') return undefined;
		return adapterForUrl(url) ? undefined : parsed.origin;
	} catch {
		return undefined;
	}
}

async function activeTabDraft(): Promise<{tabId?: number; draft?: OrderDraft; unsupportedOrigin?: string}> {
	const [tab] = await browser.tabs.query({active: true, currentWindow: true});
	if (tab?.id === undefined) return {};
	const unsupportedOrigin = unsupportedOriginOf(tab.url);
	if (!session) return {tabId: tab.id, unsupportedOrigin};
	const key = draftKey(tab.id);
	const stored = await session.get(key).catch(() => ({}) as Record<string, unknown>);
	return {tabId: tab.id, draft: asStoredDraft(stored[key]), unsupportedOrigin};
}

/** Must be called synchronously from the click: `permissions.request` is the first thing it does. */
async function useOnSite(origin: string, venue: VenueId, tabId: number | undefined): Promise<UseOnSiteOutcome> {
	const granted = await browser.permissions.request({origins: [`${origin}/*`]});
	if (!granted) return {ok: false, reason: `The browser did not grant access to ${origin}; nothing was added.`};
	const {settings} = await loadSettings(sync);
	const saved = await saveSettings(sync, {...settings, customSites: [...settings.customSites.filter(site => site.origin !== origin), {origin, venue}]});
	if (!saved.ok) return {ok: false, reason: saved.reason};
	if (tabId === undefined) return {ok: true, injected: false};
	const reply = await call('useOnSite', {origin, tabId});
	if (!reply.ok) return {ok: false, reason: `Added ${origin}, but the script could not start: ${reply.error.message}`};
	return {ok: true, injected: reply.value.injected};
}

async function start(root: HTMLElement): Promise<void> {
	const [initial, {tabId, draft, unsupportedOrigin}] = await Promise.all([loadSettings(sync), activeTabDraft()]);
	const show = ({settings, errors}: Validated) =>
		render(
			<PopupApp
				settings={settings}
				settingsErrors={errors}
				onSaveSettings={(next: Settings) => saveSettings(sync, next)}
				assess={assess}
				draft={draft}
				tabId={tabId}
				session={session}
				local={local}
				onOpenOptions={() => void browser.runtime.openOptionsPage()}
				unsupportedOrigin={unsupportedOrigin}
				onUseOnSite={(origin, venue) => useOnSite(origin, venue, tabId)}
				market={market}
			/>,
			root,
		);
	show(initial);
	onSettingsChanged(sync, show, new AbortController().signal);
}

const root = document.getElementById('app');
if (root) {
	start(root).catch((error: unknown) => {
		root.textContent = `LiqGuard could not start: ${error instanceof Error ? error.message : String(error)}`;
	});
}
