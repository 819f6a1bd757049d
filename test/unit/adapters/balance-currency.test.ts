/**
 * The balance backs a position quoted in dollars: "Available 0.5 BTC" (OKX's coin-margined BTC-USD-SWAP shares the
 * /trade-swap/ pages) is not $0.5. Binance-derived forms (Binance, Aster Pro) and OKX read it in a quote currency
 * only, as the label-read venues do (label-balance.test.ts).
 */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

function readWithBalance(fixture: string, adapterId: string, from: string, shown: string) {
	const base = `${FIXTURES_DIR}/${fixture}`;
	const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
	const value = [...doc.querySelectorAll('span')].find(element => element.children.length === 0 && element.textContent === from);
	value!.textContent = shown;
	const result = adapterById(adapterId)!.read(doc);
	if (!result.found) throw new Error('no form');
	return result.draft.balance;
}

test.each([
	['0.5 BTC', {state: 'unread'}],
	['6,996.26 USDC', {state: 'ok', value: '6996.26'}],
])('OKX "Available %s"', (shown, want) => {
	expect(readWithBalance('okx-swap/2026-11-21-limit-cross-contracts', 'okx-swap', '6,996.26 USDT', shown)).toMatchObject(want);
});

test.each([
	['0.5 BTC', {state: 'unread'}],
	['1,234.56 USDC', {state: 'ok', value: '1234.56'}],
])('Binance "Avbl %s"', (shown, want) => {
	expect(readWithBalance('binance-usdm/2026-11-21-limit-cross-base', 'binance-usdm', '1,234.56 USDT', shown)).toMatchObject(want);
});
