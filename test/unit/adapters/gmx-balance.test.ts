/** GMX shows the wallet balance of the token you pay with: only a stablecoin balance is a balance in dollars. */
import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

test.each([
	['1.5', 'ETH', 'unread'],
	['0.25', 'WBTC', 'unread'],
	['5,000.00', 'USDC', 'ok'],
	['5,000.00', 'USDC.e', 'ok'],
])('Balance "%s" in %s reads %s', (shown, token, state) => {
	const base = `${FIXTURES_DIR}/gmx-v2/2026-12-04-market-long-usd-size`;
	const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
	// MarginField.tsx (gmx-interface@a78e920): the balance button shows the amount without its symbol; the token selector beside it names the token.
	doc.querySelector('[data-qa="margin-max"] .numbers')!.textContent = shown;
	doc.querySelector('[data-qa="margin-collateral-selector"] .inline-flex')!.textContent = token;
	const result = adapterById('gmx-v2')!.read(doc);
	expect(result.found && result.draft.balance.state).toBe(state);
	if (state === 'ok') expect(result.found && result.draft.balance).toMatchObject({value: '5000'});
});
