import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {VENUE_IDS} from '../../../src/core/types.js';
import {
	isolatedHowTo,
	isReminderEnabled,
	isReminderSnoozed,
	shouldShowReminder,
	snoozeReminder,
	unsnoozeReminder,
	withReminderOverride,
} from '../../../src/settings/reminders.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {FakeStorageArea} from './fake-storage.js';

describe('isolated-margin reminders', () => {
	it('has switch instructions for every venue model, from the locale by the catalogue\'s key', () => {
		const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales/en/messages.json'), 'utf8')) as Record<string, {message: string}>;
		const getMessage = (key: string) => messages[key]?.message ?? '';
		const texts = VENUE_IDS.map(venue => isolatedHowTo(venue, getMessage));
		for (const text of texts) expect(text.length).toBeGreaterThan(20);
		// One sentence per venue with cross margin, none repeated (the two isolated-only venues share the generic one).
		expect(new Set(texts).size).toBe(VENUE_IDS.length - 2);
		expect(isolatedHowTo('okx-swap', getMessage)).toBe('Click "Cross" in the order-settings bar above the form and choose "Isolated".');
		// GMX has no cross margin, so no how-to of its own: a form read as cross there gets the generic sentence.
		expect(isolatedHowTo('gmx-v2', getMessage)).toBe("Look for a 'Cross' / 'Isolated' switch near the leverage on this site's order form.");
	});

	it('outside an extension (no i18n) the how-to falls back to its message key, never an empty string', () => {
		expect(isolatedHowTo('bybit-linear', () => '')).toBe('venue_isolated_howto_bybit_linear');
	});

	it('a per-venue override beats the global switch, and removing it follows the global switch again', () => {
		const off = {...DEFAULT_SETTINGS, reminders: {enabled: false, perVenue: {}}};
		const bybitOn = withReminderOverride(off, 'bybit-linear', true);
		expect(isReminderEnabled(bybitOn, 'bybit-linear')).toBe(true);
		expect(isReminderEnabled(bybitOn, 'binance-usdm')).toBe(false);
		expect(isReminderEnabled(withReminderOverride(bybitOn, 'bybit-linear', undefined), 'bybit-linear')).toBe(false);
		expect(off.reminders.perVenue).toEqual({});
	});

	it('shows only on cross margin, when enabled and not snoozed', () => {
		const base = {settings: DEFAULT_SETTINGS, adapterId: 'binance-usdm', isSnoozed: false};
		expect(shouldShowReminder({...base, marginMode: 'cross'})).toBe(true);
		expect(shouldShowReminder({...base, marginMode: 'isolated'})).toBe(false);
		expect(shouldShowReminder({...base, marginMode: undefined})).toBe(false);
		expect(shouldShowReminder({...base, marginMode: 'cross', isSnoozed: true})).toBe(false);
		const disabled = withReminderOverride(DEFAULT_SETTINGS, 'binance-usdm', false);
		expect(shouldShowReminder({...base, settings: disabled, marginMode: 'cross'})).toBe(false);
	});

	it('snoozes one tab in session storage without touching other tabs', async () => {
		const session = new FakeStorageArea();
		await snoozeReminder(session, 7);
		expect(await isReminderSnoozed(session, 7)).toBe(true);
		expect(await isReminderSnoozed(session, 8)).toBe(false);
		await unsnoozeReminder(session, 7);
		expect(await isReminderSnoozed(session, 7)).toBe(false);
	});
});
