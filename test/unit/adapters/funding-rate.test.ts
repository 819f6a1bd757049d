/** A funding rate is read only where the page writes it as a percent: a bare number is not assumed to be one. */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {rateField} from '../../../src/adapters/dom-read.js';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

test('rateField: "0.0100%" is 0.0001; a bare "0.0001" is ambiguous, not 0.000001', () => {
	expect(rateField('0.0100%')).toEqual({state: 'ok', value: '0.0001', text: '0.0100%'});
	expect(rateField('-0,0030 %', {decimalSeparator: ','})).toEqual({state: 'ok', value: '-0.00003', text: '-0,0030 %'});
	expect(rateField('0.0001')).toEqual({state: 'unread', reason: 'ambiguous', text: '0.0001'});
	expect(rateField('--')).toEqual({state: 'empty', text: '--'});
});

test('Bybit Funding Rate / Countdown cell "1 / 2": the rate is unread, not 1 %', () => {
	const base = `${FIXTURES_DIR}/bybit-linear/2026-11-21-limit-cross`;
	const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
	[...doc.querySelectorAll('div')].find(div => div.textContent === '0.0100% / 03:59:12')!.textContent = '1 / 2';
	const result = adapterById('bybit-linear')!.read(doc);
	expect(result.found && result.draft.fundingRate.state).toBe('unread');
	expect(result.found && result.draft.fundingCountdownSeconds.state).toBe('unread');
});
