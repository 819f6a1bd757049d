/**
 * Background worker (MV3 service worker in Chrome, event page in Firefox).
 *
 * Component map, in start order:
 * 1. `runtime.onMessage`: registered synchronously at top level, so a message that wakes a stopped worker is
 *    never lost (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * 2. `messaging/handle.ts` checks the sender and validates the payload; handlers below do the work.
 *
 * No module state that matters: settings come from `storage.sync` per message, badges live in the browser.
 */
import browser from 'webextension-polyfill';
import {createBackgroundListener} from '../messaging/handle.js';
import {loadSettings} from '../settings/settings.js';
import {showSeverity} from './badge.js';
import {evaluateDraft} from './evaluate-draft.js';

const listener = createBackgroundListener(
	{
		async evaluateDraft(request, sender) {
			const {settings} = await loadSettings(browser.storage.sync);
			if (__DEV__) await e2eReplyDelay();
			const result = evaluateDraft(request, settings);
			// The badge is a convenience: a failure to paint it must not fail the assessment.
			showSeverity(browser.action, sender.tabId, result.worst).catch(() => undefined);
			return result;
		},
		async clearBadge(_data, sender) {
			await showSeverity(browser.action, sender.tabId, undefined).catch(() => undefined);
			return {cleared: true};
		},
	},
	() => browser.runtime.id,
);

browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

/** e2e hook (dev builds only): delay replies to prove the gate fails open when the worker does not answer. */
async function e2eReplyDelay(): Promise<void> {
	const {e2eReplyDelayMs} = await browser.storage.local.get('e2eReplyDelayMs');
	if (typeof e2eReplyDelayMs === 'number' && e2eReplyDelayMs > 0) {
		await new Promise(resolve => setTimeout(resolve, e2eReplyDelayMs));
	}
}
