/**
 * The dYdX and GMX adapters against variations of their fixtures that the components can render
 * (dydxprotocol/v4-web@2248cb6, gmx-io/gmx-interface@a78e920): fallbacks, contradictions and rows that change shape.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {FIXTURES_DIR, loadDocument} from './fixture-loader.js';

function fixture(name: string): Document {
	const base = `${FIXTURES_DIR}/${name}`;
	return loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
}

function read(adapterId: string, doc: Document): OrderDraft {
	const result = adapterById(adapterId)!.read(doc);
	if (!result.found) throw new Error(`${adapterId}: no form`);
	return result.draft;
}

describe('dYdX v4', () => {
	it('finds side, margin mode and leverage above the <form> (4 and 5 ancestors up)', () => {
		const doc = fixture('dydx-v4/2026-12-04-limit-long-isolated-tpsl');
		const form = doc.querySelector('form')!;
		let sideTabs = 0;
		for (let node: Element | null = form; node && !node.querySelector('[id$="-trigger-BUY"]'); node = node.parentElement) sideTabs++;
		expect(sideTabs).toBe(4);
		expect(adapterById('dydx-v4')!.formRoot(doc)?.querySelector('[role="radio"]')).not.toBeNull();
		const draft = read('dydx-v4', doc);
		expect([draft.side.state, draft.marginMode.state, draft.leverage.state]).toEqual(['ok', 'ok', 'ok']);
	});

	it('reads the number from the Output title, and from the text by <html lang> when there is none', () => {
		const doc = fixture('dydx-v4/2026-12-04-market-long-cross-tablet-dialog-de');
		const outputs = [...doc.querySelectorAll('dt')].find(term => term.textContent === 'Liquidationspreis')!.nextElementSibling!.querySelectorAll('output');
		expect(read('dydx-v4', doc).venueLiquidationPrice).toEqual({state: 'ok', value: '2485.07', text: '$2.485,1'});
		outputs[outputs.length - 1]!.removeAttribute('title');
		expect(read('dydx-v4', doc).venueLiquidationPrice).toEqual({state: 'ok', value: '2485.1', text: '$2.485,1'});
	});

	it('takes the value after the order from a receipt row showing an existing position before it', () => {
		const doc = fixture('dydx-v4/2026-12-04-limit-long-isolated-tpsl');
		const cell = [...doc.querySelectorAll('dt')].find(term => term.textContent === 'Liquidation Price')!.nextElementSibling!;
		const before = cell.querySelector('output')!;
		before.setAttribute('title', '61000 USD');
		before.textContent = '$61,000';
		expect(read('dydx-v4', doc).venueLiquidationPrice).toEqual({state: 'ok', value: '58556.7', text: '$58,557'});
	});

	it('falls back to the source strings when the tab ids change, and will not pick a side the label contradicts', () => {
		const doc = fixture('dydx-v4/2026-12-04-market-short-cross');
		const sell = doc.querySelector('[id$="-trigger-SELL"]')!;
		sell.id = 'tab-sell';
		expect(read('dydx-v4', doc).side).toEqual({state: 'ok', value: 'short', text: 'Sell | Short'});
		const other = fixture('dydx-v4/2026-12-04-market-short-cross');
		other.querySelector('[id$="-trigger-SELL"] div')!.textContent = 'Buy | Long';
		expect(read('dydx-v4', other).side).toEqual({state: 'unread', reason: 'ambiguous', text: 'Buy | Long'});
	});

	it('reads no balance without the account panel, and a cross order then waits for one', () => {
		const doc = fixture('dydx-v4/2026-12-04-market-short-cross');
		doc.querySelector('aside')!.remove();
		const draft = read('dydx-v4', doc);
		expect(draft.marginMode).toEqual({state: 'ok', value: 'cross', text: 'Cross'});
		expect(draft.balance).toEqual({state: 'unread', reason: 'not-found'});
		expect(assessDraft(draft)).toMatchObject({state: 'needs-input', needs: ['balance']});
	});

	it('reads a stop order as an order type it does not price', () => {
		const doc = fixture('dydx-v4/2026-12-04-limit-long-isolated-tpsl');
		for (const tab of doc.querySelectorAll('[id$="-trigger-LIMIT"]')) tab.setAttribute('aria-selected', tab.hasAttribute('aria-haspopup') ? 'true' : 'false');
		const menu = doc.querySelector('[aria-haspopup="menu"][id$="-trigger-LIMIT"]')!;
		menu.id = menu.id.replace('LIMIT', 'TRIGGER_LIMIT');
		menu.querySelector('div')!.textContent = 'Stop';
		expect(read('dydx-v4', doc).orderType).toEqual({state: 'unread', reason: 'unparseable', text: 'Stop'});
	});
});

describe('GMX v2', () => {
	it('finds the leverage field and the side tabs above the <form>', () => {
		const doc = fixture('gmx-v2/2026-12-04-market-long-usd-size');
		expect(doc.querySelector('form')!.contains(doc.querySelector('[data-qa="leverage-slider"]'))).toBe(false);
		expect(read('gmx-v2', doc).leverage).toEqual({state: 'ok', value: '10', text: '10x'});
	});

	it('takes the value after "→" when a position exists (ValueTransition)', () => {
		const doc = fixture('gmx-v2/2026-12-04-limit-short-token-size-tpsl');
		const value = [...doc.querySelectorAll('div')].find(div => div.textContent === 'Liquidation price')!.nextElementSibling!;
		value.innerHTML = '<div class="ValueTransition numbers"><div class="muted inline-block">$4,250.10 <svg class="transition-arrow inline-block"></svg></div> $4,102.80</div>';
		expect(read('gmx-v2', doc).venueLiquidationPrice).toEqual({state: 'ok', value: '4102.8', text: '$4,102.80'});
	});

	it('leaves the side unread when the route and the active tab disagree', () => {
		const html = readFileSync(`${FIXTURES_DIR}/gmx-v2/2026-12-04-market-long-usd-size.html`, 'utf8');
		const draft = read('gmx-v2', loadDocument(html, 'https://app.gmx.io/trade/short'));
		expect(draft.side).toEqual({state: 'unread', reason: 'ambiguous', text: 'short / long'});
	});

	it('reads "> 50" (leverage beyond the field\'s range) as unread, not 50', () => {
		const doc = fixture('gmx-v2/2026-12-04-market-long-usd-size');
		doc.querySelector('[data-qa="leverage-slider"]')!.innerHTML = '<span class="whitespace-nowrap text-13">&gt; 50<span class="ml-4">x</span></span>';
		expect(read('gmx-v2', doc).leverage).toEqual({state: 'unread', reason: 'unparseable', text: '> 50x'});
	});

	it('reads the order type by position and will not trust a tab whose label says otherwise', () => {
		const doc = fixture('gmx-v2/2026-12-04-market-long-usd-size');
		doc.querySelector('[data-qa="trade-mode"] button')!.textContent = 'Limit';
		expect(read('gmx-v2', doc).orderType).toEqual({state: 'unread', reason: 'unparseable', text: 'Limit'});
	});

	it('reads a TP/SL-mode form (closing a position) as no form', () => {
		const doc = fixture('gmx-v2/2026-12-04-market-long-usd-size');
		const size = doc.querySelector('[data-qa="position-size-input"]')!;
		size.setAttribute('data-qa', 'close-input');
		expect(adapterById('gmx-v2')!.read(doc)).toEqual({found: false, reason: 'no-form'});
	});
});
