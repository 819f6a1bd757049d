/**
 * OKX's header as the live page renders it (okx.com/trade-swap/btc-usdt-swap, logged out; structure as saved in
 * mop824/okx-hotkey@ba4e1c7 dom-dumps/futures-full.html): the funding label carries the interval "(8h)", sits in a
 * popover wrapper whose sibling is the value, and the countdown is written in units or as a clock.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

const base = `${FIXTURES_DIR}/okx-swap/2026-12-04-limit-isolated-logged-out-ticker-funding`;
const html = readFileSync(`${base}.html`, 'utf8');
const url = (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url;
const okx = adapterById('okx-swap')!;

function readWith(countdown: string, label = 'Funding rate (8h) / Countdown') {
	const doc = loadDocument(html, url);
	const item = [...doc.querySelectorAll('.ticker-item')].find(element => element.textContent?.includes('Funding rate'))!;
	item.querySelector('.label')!.textContent = label;
	const value = item.querySelector('.value')!;
	value.innerHTML = `<span style="color: rgb(255, 177, 23);">0.01%</span>&nbsp;/&nbsp;${countdown}`;
	const result = okx.read(doc);
	if (!result.found) throw new Error('no form');
	return result.draft;
}

describe('OKX funding rate and countdown in the ticker header', () => {
	it.each([
		['4h 21m 11s', '15671'],
		['07:59:12', '28752'],
		['59m', '3540'],
	])('reads the countdown %j as %s seconds and the rate 0.01 % as 0.0001', (countdown, seconds) => {
		const draft = readWith(countdown);
		expect(draft.fundingCountdownSeconds).toEqual({state: 'ok', value: seconds, text: countdown});
		expect(draft.fundingRate).toEqual({state: 'ok', value: '0.0001', text: '0.01%'});
	});

	it('reads the label with or without the interval', () => {
		expect(readWith('07:59:12', 'Funding rate / Countdown').fundingCountdownSeconds.state).toBe('ok');
		expect(readWith('07:59:12', 'Funding (4h) / Countdown').fundingRate).toEqual({state: 'ok', value: '0.0001', text: '0.01%'});
	});

	it('leaves both unread when the countdown is not one ("8h" is an interval, not a time left)', () => {
		const draft = readWith('8h');
		expect(draft.fundingCountdownSeconds.state).toBe('unread');
		expect(draft.fundingRate.state).toBe('unread');
	});

	it('reads the mark price from its ticker item, not the index price beside it', () => {
		expect(readWith('07:59:12').markPrice).toEqual({state: 'ok', value: '71433.3', text: '71,433.3'});
	});
});
