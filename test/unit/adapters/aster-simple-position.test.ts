/** Aster Simple's Position Size row is taken as a size in dollars only when its unit is a dollar one. */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

test.each([
	['0.02 BTC', {state: 'unread'}],
	['1,000.00 USDT', {state: 'ok', value: {value: '1000', unit: 'quote'}}],
])('Position Size "%s"', (shown, want) => {
	const base = `${FIXTURES_DIR}/aster-simple/2026-11-21-limit-short`;
	const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
	[...doc.querySelectorAll('span')].find(span => span.textContent === '1,000.00 USD')!.textContent = shown;
	const result = adapterById('aster-simple')!.read(doc);
	expect(result.found && result.draft.size).toMatchObject(want);
});
