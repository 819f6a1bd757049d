import {describe, expect, it} from 'vitest';
import {VENUE_IDS} from '../../../src/core/types.js';
import {
	ISOLATED_SWITCH_STEPS,
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
	it('has switch instructions for every venue model, marked unverified where they come from research', () => {
		for (const venue of VENUE_IDS) {
			expect(ISOLATED_SWITCH_STEPS[venue].length).toBeGreaterThan(20);
			if (venue !== 'custom') expect(ISOLATED_SWITCH_STEPS[venue]).toContain('(from research/dom.md, not verified live)');
		}
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
