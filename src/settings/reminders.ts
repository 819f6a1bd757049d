/**
 * Isolated-margin reminders: how to switch to isolated on each venue, whether a reminder shows, and the
 * per-tab snooze. The snooze lives in `storage.session` keyed by tab id, never in sync storage: it belongs to
 * one tab and must vanish with the browser session. Chrome and Firefox never reuse a tab id within a session,
 * so a stale entry for a closed tab cannot hide the reminder elsewhere; the background may also delete it on
 * `tabs.onRemoved`.
 */
import type {VenueId} from '../core/types.js';
import type {Settings} from './settings.js';
import type {StorageAreaLike} from './storage-area.js';

/**
 * What to click to switch this venue's order form to isolated margin. All of it comes from
 * /work/shared/research/dom.md §0.2 and the venue sections; none of it has been checked on the live sites.
 */
export const ISOLATED_SWITCH_STEPS: Readonly<Record<VenueId, string>> = {
	'binance-usdm': "Click 'Cross' above the order form and choose Isolated, then Confirm. (from research/dom.md, not verified live)",
	'bybit-linear': "Click 'Cross' next to the leverage above the order form, pick Isolated Margin and confirm. (from research/dom.md, not verified live)",
	'okx-swap': "Click 'Cross' in the order settings above the form and choose Isolated. (from research/dom.md, not verified live)",
	hyperliquid: "Click 'Cross' above the order form and choose Isolated in the dialog. (from research/dom.md, not verified live)",
	'aster-pro': "Click the margin mode ('Cross') next to the leverage above the form and choose Isolated. (from research/dom.md, not verified live)",
	'aster-simple': 'Simple mode positions are isolated per trade; switch to Pro for the Cross/Isolated choice. (from research/dom.md, not verified live)',
	'dydx-v4': "Choose 'Isolated' in the Cross / Isolated toggle at the top of the trade form. (from research/dom.md, not verified live)",
	'gmx-v2': 'GMX v2 positions are always isolated per market and collateral; no switch is needed. (from research/dom.md, not verified live)',
	custom: "Look for a 'Cross' / 'Isolated' switch near the leverage on this site's order form.",
};

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
