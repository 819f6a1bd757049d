/** Label-read balances (generic, Bybit, Hyperliquid, Aster Simple) are read in the quote currency only. */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

test.each([
	['0.5 BTC', {state: 'unread'}],
	['5,230.12 USDC', {state: 'ok', value: '5230.12'}],
])('Bybit "Available Balance %s"', (shown, want) => {
	const base = `${FIXTURES_DIR}/bybit-linear/2026-11-21-limit-cross`;
	const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
	const value = [...doc.querySelectorAll('span, div')].find(element => element.children.length === 0 && element.textContent === '5,230.12 USDT');
	value!.textContent = shown;
	for (const id of ['bybit-linear', 'generic']) {
		const result = adapterById(id)!.read(doc);
		expect(result.found && result.draft.balance, id).toMatchObject(want);
	}
});
