/**
 * OKX's "Available" balance read in any UI language: the value is found by the `max-asset` hook and the label's place
 * (a button on the live page: okx.com/trade-swap/btc-usdt-swap as saved in mop824/okx-hotkey@ba4e1c7
 * dom-dumps/futures-full.html), not by the label's words. The label texts below are deliberately not OKX strings:
 * what is tested is that the read does not depend on them.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {availableValueText} from '../../../src/adapters/okx-swap.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

const LIVE_SHAPE = (label: string, value: string) => `<div data-testid="max-asset"><div><div><div data-testid="okd-popup"><button type="button" class="okui-plain-button"><span>${label}</span></button></div><div data-testid="okd-popup"><span>${value}</span></div></div></div></div>`;

function box(html: string): Element {
	return loadDocument(`<!doctype html><html><body>${html}</body></html>`, 'https://www.okx.com/trade-swap/btc-usdt-swap').querySelector('[data-testid="max-asset"]')!;
}

describe('OKX available balance without reading its label', () => {
	it.each([
		['Available', '6,996.26 USDT', '6,996.26 USDT'],
		['Label in another language', '6,996.26 USDT', '6,996.26 USDT'],
		['Label in another language', '-- USDT', '-- USDT'],
	])('live shape: label %j, value %j → %j', (label, value, expected) => {
		expect(availableValueText(box(LIVE_SHAPE(label, value)))).toBe(expected);
	});

	it.each([
		['<span>Available</span><span>6,996.26 USDT</span>', '6,996.26 USDT'],
		['<span>可用</span><span>6,996.26 USDT</span>', '6,996.26 USDT'],
		['<span>Label in another language</span><span>6,996.26 USDT</span>', '6,996.26 USDT'],
		// No digit: no figure to isolate, the text stays whole and the balance reads as unread (below), never a number.
		['<span>Label in another language</span><span>-- USDT</span>', 'Label in another language-- USDT'],
	])('plain spans %j → %j', (html, expected) => {
		expect(availableValueText(box(`<div data-testid="max-asset">${html}</div>`))).toBe(expected);
	});

	it('reads the balance of the English fixture the same with its label replaced', () => {
		const base = `${FIXTURES_DIR}/okx-swap/2026-11-21-limit-cross-contracts`;
		const url = (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url;
		const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), url);
		doc.querySelector('[data-testid="max-asset"] span')!.textContent = 'Label in another language';
		const result = adapterById('okx-swap')!.read(doc);
		if (!result.found) throw new Error('no form');
		expect(result.draft.balance).toEqual({state: 'ok', value: '6996.26', text: '6,996.26 USDT'});
	});

	it('keeps a direction control in front of the figure for the number reader to refuse (adapter fuzz)', () => {
		expect(availableValueText(box('<div data-testid="max-asset"><span>Label</span><span>\u202E1000007 USDT</span></div>'))).toBe('\u202E1000007 USDT');
	});

	it('leaves a digit-free unknown label unread rather than guessing', () => {
		const base = `${FIXTURES_DIR}/okx-swap/2026-11-21-limit-cross-contracts`;
		const url = (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url;
		const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), url);
		const spans = doc.querySelectorAll('[data-testid="max-asset"] span');
		spans[0]!.textContent = 'Label in another language';
		spans[1]!.textContent = 'USDT';
		const result = adapterById('okx-swap')!.read(doc);
		if (!result.found) throw new Error('no form');
		expect(result.draft.balance.state).toBe('unread');
	});
});
