import {describe, expect, test} from 'vitest';
import messages from '../../../src/_locales/en/messages.json' with {type: 'json'};
import {createTranslate} from '../../../src/content/translate.js';
import {formatMessage} from '../../../src/core/messages.js';

/** getMessage as the browser implements it for direct "$1"…"$9" and named placeholders (core/messages.ts). */
function fakeGetMessage() {
	const calls: string[] = [];
	const getMessage = (key: string, substitutions?: string[]) => {
		calls.push(key);
		return (messages as Record<string, unknown>)[key] === undefined ? '' : formatMessage(key, substitutions ?? []);
	};
	return {getMessage, calls};
}

describe('content translate (template cache)', () => {
	test('fills substitutions like getMessage would, for every message with placeholders', () => {
		const {getMessage} = fakeGetMessage();
		const t = createTranslate(getMessage);
		const keys = Object.entries(messages as Record<string, {message: string}>)
			.filter(([, entry]) => /\$/.test(entry.message))
			.map(([key]) => key);
		expect(keys.length).toBeGreaterThan(5);
		for (const key of keys) {
			const values = ['57,411.7', '1.6', 'BTC $5', '$1', 'x', 'y', 'z', 'w', 'v'];
			expect(t(key, values), key).toBe(formatMessage(key, values));
		}
	});

	test('one getMessage call per key and substitution count, however many distinct values are shown', () => {
		const {getMessage, calls} = fakeGetMessage();
		const t = createTranslate(getMessage);
		for (let price = 0; price < 1000; price++) t('panel_venue_agrees', [String(60_000 + price)]);
		t('panel_title');
		t('panel_title');
		expect(calls).toEqual(['panel_venue_agrees', 'panel_title']);
		expect(t('panel_venue_agrees', ['61,000'])).toBe(formatMessage('panel_venue_agrees', ['61,000']));
	});

	test('an unknown key reads as the key; a throwing getMessage does not break the panel', () => {
		expect(createTranslate(fakeGetMessage().getMessage)('no_such_key')).toBe('no_such_key');
		const throwing = createTranslate(() => {
			throw new Error('Extension context invalidated.');
		});
		expect(throwing('panel_title', ['x'])).toBe('panel_title');
	});
});
