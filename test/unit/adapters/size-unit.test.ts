/** A size is in coins only when its unit chip names a coin: an unlisted stablecoin is not a base asset. */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {sizeUnitFromText} from '../../../src/adapters/dom-read.js';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

test.each([
	['BTC', 'base'],
	['Amount (ETH)', 'base'],
	['USDT', 'quote'],
	['Contracts', 'contracts'],
	['FDUSD', undefined],
	['USDE', undefined],
	['Amount (USD1)', undefined],
	['EURC', undefined],
])('sizeUnitFromText("%s") → %s', (text, unit) => {
	expect(sizeUnitFromText(text)).toBe(unit);
});

test('Aster Pro quantity in USDF (Aster\'s stablecoin, not in the Binance quote list): size unread, not 1,000 coins', () => {
	const base = `${FIXTURES_DIR}/aster-pro/2026-11-21-market-isolated-usdt-size`;
	const html = readFileSync(`${base}.html`, 'utf8');
	const doc = loadDocument(html, (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
	const unit = [...doc.querySelectorAll('.bn-select-field')].find(element => element.textContent?.trim() === 'USDT');
	unit!.textContent = 'USDF';
	const result = adapterById('aster-pro')!.read(doc);
	expect(result.found && result.draft.size).toMatchObject({state: 'unread', reason: 'ambiguous'});
});
