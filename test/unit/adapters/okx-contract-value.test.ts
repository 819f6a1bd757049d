/** OKX's "Single contract value … <ccy>" hint is a contract value in base units only when <ccy> is the base asset. */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

function readWith(url: string, placeholder: string) {
	const doc = loadDocument(readFileSync(`${FIXTURES_DIR}/okx-swap/2026-11-21-limit-cross-contracts.html`, 'utf8'), url);
	doc.querySelector('input[placeholder^="Single contract value"]')!.setAttribute('placeholder', placeholder);
	const result = adapterById('okx-swap')!.read(doc);
	if (!result.found) throw new Error('no form');
	return result.draft;
}

test('coin-margined BTC-USD-SWAP, "Single contract value 100 USD": no contract value (not 100 BTC a contract)', () => {
	expect(readWith('https://www.okx.com/trade-swap/btc-usd-swap', 'Single contract value 100 USD').contractValue).toBeUndefined();
});

test('BTC-USDT-SWAP, "Single contract value 0.01 BTC": 0.01', () => {
	expect(readWith('https://www.okx.com/trade-swap/btc-usdt-swap', 'Single contract value 0.01 BTC').contractValue).toBe('0.01');
});
