/**
 * Isolated-margin reminders: how to switch to isolated on each venue (the catalogue's message), whether a reminder
 * shows, and the per-tab snooze. The snooze lives in `storage.session` keyed by tab id, never in sync storage: it
 * belongs to one tab and must vanish with the browser session. Chrome and Firefox never reuse a tab id within a
 * session, so a stale entry for a closed tab cannot hide the reminder elsewhere; the background may also delete it
 * on `tabs.onRemoved`.
 */
import type {VenueId} from '../core/types.js';
import {VENUE_CATALOGUE} from '../core/venues/catalogue.js';
import type {Settings} from './settings.js';
import type {StorageAreaLike} from './storage-area.js';

/** Reads a message of the extension's locale (`i18n.getMessage`). */
export type GetMessage = (key: string) => string;

/**
 * How to switch this venue's order form to isolated margin, in the user's language: the catalogue names the
 * message, the locale holds the words. A venue without cross margin has none (the reminder shows only on cross);
 * should a form still read as cross there, the generic sentence of the custom model applies. Falls back to the key
 * when no translation is available.
 */
export function isolatedHowTo(venue: VenueId, getMessage: GetMessage = extensionMessage): string {
	const key = VENUE_CATALOGUE[venue].isolatedHowToKey ?? VENUE_CATALOGUE.custom.isolatedHowToKey!;
	return getMessage(key) || key;
}

/**
 * `chrome.i18n.getMessage` where the extension's API is present (the worker, in Chrome and Firefox alike), else
 * nothing. Not the webextension-polyfill: importing it outside an extension throws, and this module is shared.
 */
function extensionMessage(key: string): string {
	return typeof chrome === 'undefined' || chrome.i18n === undefined ? '' : chrome.i18n.getMessage(key);
}

/** Whether reminders are on for this adapter: its override if set, else the global switch. */
export function isReminderEnabled(settings: Settings, adapterId: string): boolean {
	return settings.reminders.perVenue[adapterId] ?? settings.reminders.enabled;
}

/** Settings with the per-venue override set (`undefined` removes it, so the venue follows the global switch). */
export function withReminderOverride(settings: Settings, adapterId: string, enabled: boolean | undefined): Settings {
	const perVenue = {...settings.reminders.perVenue};
	if (enabled === undefined) delete perVenue[adapterId];
	else perVenue[adapterId] = enabled;
	return {...settings, reminders: {...settings.reminders, perVenue}};
}

/** `storage.session` key of a tab's reminder snooze. */
export function snoozeKey(tabId: number): string {
	return `reminderSnoozed:${tabId}`;
}

export async function snoozeReminder(session: StorageAreaLike, tabId: number): Promise<void> {
	await session.set({[snoozeKey(tabId)]: true});
}

export async function unsnoozeReminder(session: StorageAreaLike, tabId: number): Promise<void> {
	await session.remove(snoozeKey(tabId));
}

export async function isReminderSnoozed(session: StorageAreaLike, tabId: number): Promise<boolean> {
	const key = snoozeKey(tabId);
	return (await session.get(key))[key] === true;
}

/** The reminder shows on cross margin when it is enabled for the adapter and not snoozed in the tab. */
export function shouldShowReminder(options: {
	settings: Settings;
	adapterId: string;
	marginMode: 'isolated' | 'cross' | undefined;
	isSnoozed: boolean;
}): boolean {
	return options.marginMode === 'cross' && !options.isSnoozed && isReminderEnabled(options.settings, options.adapterId);
}
