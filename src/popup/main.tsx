/**
 * Popup entry (bundled to popup.js). Wires the browser to PopupApp:
 * - settings: `storage.sync` (validated on read; changes from the options page re-render at once);
 * - prefill: the active tab's latest order draft from `storage.session` key `draft:<tabId>`, which the
 *   background writes (there is no popup→content request in src/messaging/protocol.ts yet);
 * - the math: `assess` from src/core, called here directly; no background round trip.
 */
import {render} from 'preact';
import browser from 'webextension-polyfill';
import {assess} from '../core/assess.js';
import type {OrderDraft} from '../core/draft.js';
import {loadSettings, onSettingsChanged, saveSettings, type Settings, type Validated} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {asStoredDraft, draftKey} from './calculator-form.js';
import {PopupApp} from './popup-app.js';

const sync = browser.storage.sync as StorageAreaLike;
const session = browser.storage.session as StorageAreaLike | undefined;

async function activeTabDraft(): Promise<{tabId?: number; draft?: OrderDraft}> {
	const [tab] = await browser.tabs.query({active: true, currentWindow: true});
	if (tab?.id === undefined || !session) return {};
	const key = draftKey(tab.id);
	const stored = await session.get(key).catch(() => ({}) as Record<string, unknown>);
	return {tabId: tab.id, draft: asStoredDraft(stored[key])};
}

async function start(root: HTMLElement): Promise<void> {
	const [initial, {tabId, draft}] = await Promise.all([loadSettings(sync), activeTabDraft()]);
	const show = ({settings, errors}: Validated) =>
		render(
			<PopupApp
				settings={settings}
				settingsErrors={errors}
				onSaveSettings={(next: Settings) => void saveSettings(sync, next)}
				assess={assess}
				draft={draft}
				tabId={tabId}
				session={session}
				onOpenOptions={() => void browser.runtime.openOptionsPage()}
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
