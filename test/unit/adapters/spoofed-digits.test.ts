// @vitest-environment happy-dom
/**
 * Digits a page shows in one order and stores in another, or letters drawn like digits: each is read as unread,
 * never as the number its code points spell. Every case here is shown on screen as 60000.
 */
import {describe, expect, test} from 'vitest';
import {inputNumber, leverageField, countdownField, numberField} from '../../../src/adapters/dom-read.js';
import {parseCountdown, parseLeverageText, parseNumber} from '../../../src/adapters/parse-number.js';

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('bidi embeddings, overrides and isolates make the text unread', () => {
	test('a right-to-left override: "\\u202E00006" is shown as 60000 and is not read as 6', () => {
		expect(parseNumber('\u202E00006').kind).toBe('invalid');
		expect(numberField('\u202E00006').state).toBe('unread');
	});

	test.each(BIDI_CONTROLS.map(control => [control.codePointAt(0)!.toString(16), control]))('U+%s anywhere in a number, a leverage or a countdown', (_name, control) => {
		expect(parseNumber(`60${control}000`).kind).toBe('invalid');
		expect(parseNumber(`${control}60000${control}`, {decimalSeparator: 'auto'}).kind).toBe('invalid');
		expect(parseLeverageText(`${control}02x`).kind).toBe('invalid');
		expect(leverageField(`2${control}0x`).state).toBe('unread');
		expect(parseCountdown(`${control}07:59:58`)).toBeUndefined();
		expect(countdownField(`07:59${control}:58`).state).toBe('unread');
	});

	test('the LRM/RLM/ALM marks (which reorder nothing inside a number) are still only noise', () => {
		expect(parseNumber('\u200E60,000\u200F')).toEqual({kind: 'number', value: '60000'});
		expect(parseNumber('60\u061C000')).toEqual({kind: 'number', value: '60000'});
	});
});

describe('letters glued to digits are a unit only when declared', () => {
	test('"6OOOO" (letter O) is not 6 with the unit "OOOO"', () => {
		expect(parseNumber('6OOOO').kind).toBe('invalid');
		expect(parseNumber('6OOOO', {decimalSeparator: 'auto'}).kind).toBe('invalid');
		expect(parseNumber('6lll').kind).toBe('invalid');
	});

	test('a declared unit may be glued; an undeclared code only with a space', () => {
		expect(parseNumber('20x')).toEqual({kind: 'number', value: '20', unit: 'x'});
		expect(parseNumber('12Cont')).toEqual({kind: 'number', value: '12', unit: 'Cont'});
		expect(parseNumber('100USDT', {units: ['USDT']})).toEqual({kind: 'number', value: '100', unit: 'USDT'});
		expect(parseNumber('100 USDT')).toEqual({kind: 'number', value: '100', unit: 'USDT'});
		expect(parseNumber('100USDT').kind).toBe('invalid');
		expect(parseNumber('6 OOOO')).toEqual({kind: 'number', value: '6', unit: 'OOOO'}); // shown with the gap: not 60000
	});
});

describe('an input whose computed unicode-bidi is an override is unread', () => {
	test.each(['bidi-override', 'isolate-override'])('unicode-bidi: %s (inline or from a stylesheet)', bidi => {
		document.body.innerHTML = `<style>.spoof{unicode-bidi:${bidi};direction:rtl}</style><input id="a" style="unicode-bidi:${bidi};direction:rtl" value="00006"><input id="b" class="spoof" value="00006"><input id="c" value="60000">`;
		for (const id of ['a', 'b']) {
			const read = inputNumber(document.getElementById(id)!);
			expect(read.state, id).toBe('unread');
			expect(read.text).toBe('00006');
		}
		expect(inputNumber(document.getElementById('c')!)).toEqual({state: 'ok', value: '60000', text: '60000'});
	});
});

describe('page text is cut before it is normalised', () => {
	test('a 10 MB value is refused at once, and what is kept of it is bounded', () => {
		const huge = `1${' '.repeat(10 * 1024 * 1024)}000`;
		const started = performance.now();
		const read = numberField(huge);
		const elapsedMs = performance.now() - started;
		expect(read.state).toBe('unread');
		expect(read.text!.length).toBeLessThanOrEqual(4097);
		// Before the cut this was ≈ 150–250 ms on this machine (five regex passes over 10 MB).
		expect(elapsedMs).toBeLessThan(50);
	});

	test('a number cut by the bound never reads as its first part', () => {
		expect(numberField(`5${'\u200B'.repeat(5000)}0`).state).toBe('unread');
		expect(leverageField(`5x${' '.repeat(5000)}0`).state).toBe('unread');
	});
});
