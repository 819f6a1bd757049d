// @vitest-environment happy-dom
/**
 * The heartbeat's read of an unchanged form: the last read patched with the adapter's `readOutside`, 'unchanged' when
 * nothing the answer or the panel read moved, and a whole read whenever the form may have changed unseen.
 */
import {beforeEach, describe, expect, test} from 'vitest';
import type {OrderDraft} from '../../../src/core/draft.js';
import {controlValues, createHeartbeatRead, WHOLE_READ_BEATS} from '../../../src/content/heartbeat-read.js';
import {demoDraft} from '../messaging/draft-fixture.js';

let root: HTMLElement;
let outside: Partial<OrderDraft> | undefined;

beforeEach(() => {
	document.body.innerHTML = '<form><input id="size" value=""><input type="checkbox" id="tpsl"><select><option>BTC</option><option>USDT</option></select></form>';
	root = document.querySelector('form')!;
	outside = {markPrice: {state: 'ok', value: '60000'}, fundingCountdownSeconds: {state: 'ok', value: '28740'}};
});

const started = () => {
	const heartbeat = createHeartbeatRead({readOutside: (_doc, _root, fields) => outside && Object.fromEntries(Object.entries(outside).filter(([field]) => !fields || fields.has(field)))}, document);
	heartbeat.wholeRead(root, {found: true, draft: demoDraft({size: {state: 'empty'}, markPrice: {state: 'ok', value: '60000'}, fundingCountdownSeconds: {state: 'ok', value: '28740'}})});
	return heartbeat;
};
/** What the answer read under a limit order with no size, and what the panel read to show it. */
const ANSWER_FIELDS = ['price', 'size', 'leverage', 'symbol'];
const RENDERED_FIELDS = ['price', 'size', 'fundingCountdownSeconds'];

describe('controlValues', () => {
	test('changes with a value or a checked state set by a script, which is no mutation', () => {
		const before = controlValues(root);
		(root.querySelector('#size') as HTMLInputElement).value = '0.5';
		const typed = controlValues(root);
		expect(typed).not.toBe(before);
		(root.querySelector('#tpsl') as HTMLInputElement).checked = true;
		expect(controlValues(root)).not.toBe(typed);
		const checked = controlValues(root);
		(root.querySelector('select') as HTMLSelectElement).selectedIndex = 1;
		expect(controlValues(root)).not.toBe(checked);
	});
});

describe('createHeartbeatRead', () => {
	test('a mark tick nothing shown read is unchanged; one the answer read is the last read patched', () => {
		const heartbeat = started();
		outside = {...outside, markPrice: {state: 'ok', value: '60012.5'}};
		expect(heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS)).toBe('unchanged');
		const patched = heartbeat.read(root, ANSWER_FIELDS, [...RENDERED_FIELDS, 'markPrice']);
		expect(patched).toEqual({found: true, draft: demoDraft({size: {state: 'empty'}, markPrice: {state: 'ok', value: '60012.5'}, fundingCountdownSeconds: {state: 'ok', value: '28740'}})});
		// With no render to say what the panel read, every field counts.
		outside = {...outside, markPrice: {state: 'ok', value: '60013'}};
		expect(heartbeat.read(root, ANSWER_FIELDS, undefined)).toMatchObject({found: true});
	});

	test('a read that goes on carries every field outside the form as it is, not only the one that moved', () => {
		const heartbeat = started();
		outside = {...outside, markPrice: {state: 'ok', value: '60012.5'}, symbol: {state: 'ok', value: 'SOLUSDT'}};
		const patched = heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS);
		expect(patched).toMatchObject({found: true, draft: {symbol: {state: 'ok', value: 'SOLUSDT'}, markPrice: {state: 'ok', value: '60012.5'}}});
	});

	test('the countdown counts by the minute the panel shows', () => {
		const heartbeat = started();
		outside = {...outside, fundingCountdownSeconds: {state: 'ok', value: '28770'}}; // 7h 59m 30s: the minute shown, 7h 59m
		expect(heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS)).toBe('unchanged');
		outside = {...outside, fundingCountdownSeconds: {state: 'ok', value: '28679'}}; // 7h 57m 59s: another minute shown
		expect(heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS)).toMatchObject({found: true});
	});

	test('reads whole: another root, a control changed, no last read, readOutside failing, and every WHOLE_READ_BEATS beats', () => {
		const heartbeat = started();
		const other = document.createElement('form');
		expect(heartbeat.read(other, ANSWER_FIELDS, RENDERED_FIELDS)).toBe('whole');
		heartbeat.wholeRead(root, {found: true, draft: demoDraft()});
		(root.querySelector('#size') as HTMLInputElement).value = '1';
		expect(heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS)).toBe('whole');
		heartbeat.wholeRead(root, {found: false, reason: 'no-form'});
		expect(heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS)).toBe('whole');
		heartbeat.wholeRead(root, {found: true, draft: demoDraft()});
		outside = undefined;
		expect(heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS)).toBe('whole');
		outside = {};
		heartbeat.wholeRead(root, {found: true, draft: demoDraft()});
		const kinds = Array.from({length: 2 * WHOLE_READ_BEATS}, () => {
			const kind = heartbeat.read(root, ANSWER_FIELDS, RENDERED_FIELDS);
			if (kind === 'whole') heartbeat.wholeRead(root, {found: true, draft: demoDraft()});
			return kind;
		});
		expect(kinds.filter(kind => kind === 'whole')).toHaveLength(2);
		expect(kinds.indexOf('whole')).toBe(WHOLE_READ_BEATS - 1);
	});
});
