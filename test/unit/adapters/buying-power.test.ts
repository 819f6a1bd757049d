/**
 * "Buying Power" is what the balance can open at leverage (dYdX v4: free collateral × the market's max leverage,
 * e.g. `freeCollateral.times(50)`), not the balance that backs a position: read as the balance it puts a cross
 * liquidation price many times too far away. A form that shows only Buying Power leaves the balance unread.
 */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

function fixture(name: string) {
	const base = `${FIXTURES_DIR}/${name}`;
	return loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
}

test('dYdX: a "Buying Power $125,000.00" row is not the balance', () => {
	const doc = fixture('dydx-v4/2026-12-04-market-short-cross');
	const term = [...doc.querySelectorAll('dt')].find(element => element.textContent === 'Available Balance')!;
	term.querySelector('span')!.textContent = 'Buying Power';
	term.nextElementSibling!.innerHTML = '<output title="125000 USD">$125,000.00</output>';
	const result = adapterById('dydx-v4')!.read(doc);
	expect(result.found && result.draft.balance.state).not.toBe('ok');
});

test('generic: a "Buying Power 125,000.00 USDT" row is not the balance', () => {
	const doc = fixture('bybit-linear/2026-11-21-limit-cross');
	const label = [...doc.querySelectorAll('span, div')].find(element => element.children.length === 0 && element.textContent === 'Available Balance')!;
	label.textContent = 'Buying Power';
	label.nextElementSibling!.textContent = '125,000.00 USDT';
	const result = adapterById('generic')!.read(doc);
	expect(result.found && result.draft.balance.state).not.toBe('ok');
});
