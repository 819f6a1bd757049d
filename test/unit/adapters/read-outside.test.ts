/**
 * `readOutside`, the contract the heartbeat relies on (content/heartbeat-read.ts): while nothing in the form changed,
 * the last read patched with `readOutside` is what a whole read gives. On every fixture, with its own adapter and
 * with the generic one, each text outside the form root and the page title are changed, one at a time, the way a
 * page changes them (other digits, a label that no longer matches), and a whole read must equal the patched one: a
 * field that depends on anything outside the form and is not in `readOutside` fails here.
 */
import {describe, expect, test} from 'vitest';
import type {Adapter} from '../../../src/adapters/define-adapter.js';
import {adapterById} from '../../../src/adapters/index.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {listFixtures, loadDocument} from './fixture-loader.js';
import {demo} from '../../../src/adapters/demo.js';
import {withVenue} from '../../../src/adapters/generic.js';

const generic = withVenue('custom');

/** The demo exchange's ticker bar and order form (src/demo), which its fixture leaves out: the ticker is outside. */
const DEMO_PAGE = `<!doctype html><html><head><title>BTCUSDT Perpetual | DemoEx Futures</title></head><body>
	<section class="ticker"><h1 data-testid="symbol">BTCUSDT</h1><span data-testid="mark-price">60,012.3</span>
	<span data-testid="funding-rate">0.0100%</span> / <span data-testid="funding-countdown">07:59:12</span></section>
	<form data-testid="order-form">
		<button type="button" data-testid="margin-mode">Cross</button><button type="button" data-testid="leverage-button">20x</button>
		<div data-testid="order-type" role="tablist"><button role="tab" aria-selected="true" data-tab-key="LIMIT">Limit</button></div>
		<b data-testid="available">10,000.00 USDT</b>
		<input id="limitPrice-1" value="60000.0"><input id="unitAmount-1" value="0.25"><select data-testid="size-unit"><option>BTC</option></select>
		<input type="checkbox" data-testid="tpsl-toggle">
		<button type="submit" data-testid="buy-long">Buy/Long</button><button type="submit" data-testid="sell-short">Sell/Short</button>
	</form></body></html>`;

/** Other digits ("60,000.5" → "93,333.8"), and the text backwards ("Mark" → "kraM": a label that no longer matches). */
const CHANGES: [string, (text: string) => string][] = [
	['other digits', text => text.replace(/\d/g, digit => String((Number(digit) + 3) % 10))],
	['reversed', text => [...text].reverse().join('')],
];

function outsideTexts(doc: Document, root: Element): Text[] {
	const texts: Text[] = [];
	const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (!root.contains(node) && (node.textContent ?? '').trim()) texts.push(node as Text);
	}
	return texts;
}

type Case = {adapter: Adapter; label: string; html: string; url: string};

/** The venue fixtures are BTC and ETH markets; each is also read as SOL, its page and URL with the asset renamed. */
const asSol = (text: string) => text.replace(/BTC|ETH/g, 'SOL').replace(/\b(?:btc|eth)(?=[-_/])/g, 'sol');

const cases: Case[] = [
	...listFixtures().flatMap(({adapterId, name, html, sidecar}) => {
		const own = adapterById(adapterId);
		return [
			...(own ? [{adapter: own, label: `${adapterId}/${name}`, html, url: sidecar.url}] : []),
			...(own ? [{adapter: own, label: `${adapterId}/${name} as SOL`, html: asSol(html), url: asSol(sidecar.url)}] : []),
			{adapter: generic, label: `generic on ${adapterId}/${name}`, html, url: sidecar.url},
		];
	}),
	{adapter: demo, label: 'demo page with its ticker bar', html: DEMO_PAGE, url: 'http://localhost/demo/futures/BTCUSDT'},
];

/**
 * `change` made to the page after a whole read, as between two heartbeats: the whole read after it against the read
 * before it patched with `readOutside`; undefined when no form is read.
 */
function compare(adapter: Adapter, doc: Document, root: Element, change: () => void): {whole: OrderDraft; patched: OrderDraft} | undefined {
	const before = adapter.read(doc);
	change();
	// At the heartbeat: only what is outside the form, with what the read before it found (rows it remembers).
	const outside = adapter.readOutside(doc, root);
	const now = adapter.read(doc);
	// A change that moves the form root is seen by the session's lookup at each heartbeat, which then reads whole.
	if (!before.found || !now.found || adapter.formRoot(doc) !== root) return undefined;
	expect(outside).toBeDefined();
	return {whole: now.draft, patched: {...before.draft, ...outside}};
}

describe.each(cases)('$label', ({adapter, html, url}) => {
	const doc = loadDocument(html, url);
	const root = adapter.formRoot(doc);
	const first = adapter.read(doc);

	test('readOutside gives the fields as the whole read does', () => {
		if (!root || !first.found) {
			expect(first.found && root !== undefined).toBe(false);
			return;
		}
		const outside = adapter.readOutside(doc, root);
		expect(outside).toBeDefined();
		for (const [field, value] of Object.entries(outside!)) expect(value, field).toEqual(first.draft[field as keyof OrderDraft]);
	});

	test('asked for some fields, readOutside gives each as the whole read does', () => {
		if (!root || !first.found) return expect(first.found && root !== undefined).toBe(false);
		for (const field of Object.keys(adapter.readOutside(doc, root) ?? {})) {
			const some = adapter.readOutside(doc, root, new Set([field]));
			expect(some?.[field as keyof OrderDraft], field).toEqual(first.draft[field as keyof OrderDraft]);
		}
		expect(adapter.readOutside(doc, root, new Set())).toBeDefined();
	});

	test('a text changed outside the form changes no field but those of readOutside', () => {
		if (!root || !first.found) return expect(first.found && root !== undefined).toBe(false);
		for (const text of outsideTexts(doc, root)) {
			const original = text.data;
			for (const [how, change] of CHANGES) {
				const changed = change(original);
				if (changed === original) continue;
				const result = compare(adapter, doc, root, () => (text.data = changed));
				text.data = original;
				if (result) expect(result.whole, `"${original}" → "${changed}" (${how}) outside the form`).toEqual(result.patched);
			}
		}
		expect(adapter.read(doc)).toEqual(first);
	});

	test('a new page title changes no field but those of readOutside', () => {
		if (!root || !first.found) return expect(first.found && root !== undefined).toBe(false);
		const original = doc.title;
		for (const title of [`61,234.5 | ETH/USD | ${original}`, 'SOLUSDT 150.25 | Perpetual', '']) {
			const result = compare(adapter, doc, root, () => (doc.title = title));
			if (result) expect(result.whole, `title "${title}"`).toEqual(result.patched);
		}
		doc.title = original;
		expect(adapter.read(doc)).toEqual(first);
	});
});

test('the fixtures show the mark, funding or balance outside the form, so the changes above reach them', () => {
	const outsideFields = new Set<string>();
	for (const {adapter, html, url} of cases) {
		const doc = loadDocument(html, url);
		const root = adapter.formRoot(doc);
		if (!root || outsideTexts(doc, root).length === 0) continue;
		for (const [field, value] of Object.entries(adapter.readOutside(doc, root) ?? {})) if ((value as {state?: string}).state === 'ok') outsideFields.add(field);
	}
	expect([...outsideFields].sort()).toEqual(expect.arrayContaining(['balance', 'fundingCountdownSeconds', 'fundingRate', 'markPrice', 'symbol']));
});

test('the fixtures read as SOL are read as SOL markets', () => {
	const symbols = cases
		.filter(({label}) => label.endsWith(' as SOL'))
		.map(({adapter, html, url}) => adapter.read(loadDocument(html, url)))
		.flatMap(result => (result.found && result.draft.symbol.state === 'ok' ? [result.draft.symbol.value] : []));
	expect(new Set(symbols)).toEqual(new Set(['SOLUSDT', 'SOL-USDT-SWAP', 'SOL', 'SOL-USD', 'SOL/USD', 'SOLUSD']));
	expect(symbols.every(symbol => /SOL/i.test(symbol))).toBe(true);
});
