/**
 * A page in a UI language we have no label table for: every English word of a venue fixture (text and placeholders)
 * is replaced by a placeholder word, the markup kept. What the adapter still reads must be what it read on the
 * English page (structural anchors), and everything else unread or empty: never a different figure, never a guess.
 * Asset codes (BTC, USDT), numbers and units such as "20x" stay, as they do on the venues' translated pages.
 */
import {describe, expect, it} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {listFixtures, loadDocument} from './fixture-loader.js';

/** Words of two or more letters with a lower-case letter: "Cross", "Available", "price" (not "BTC", "USDT", "x"). */
const WORD = /[A-Za-z]*[a-z][A-Za-z]*/g;
const PLACEHOLDER = 'qqq';

function translateAway(doc: Document): void {
	const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
	for (const text of texts) {
		if (text.parentElement?.closest('script, style')) continue;
		text.data = text.data.replace(WORD, word => (word.length >= 2 ? PLACEHOLDER : word));
	}
	for (const element of doc.body.querySelectorAll('[placeholder]')) {
		element.setAttribute('placeholder', element.getAttribute('placeholder')!.replace(WORD, word => (word.length >= 2 ? PLACEHOLDER : word)));
	}
}

const VENUES = ['aster-pro', 'aster-simple', 'binance-usdm', 'bybit-linear', 'hyperliquid', 'okx-swap'];
const FIXTURES = listFixtures().filter(fixture => VENUES.includes(fixture.adapterId));

describe('a page in a language without a label table', () => {
	it.each(FIXTURES.map(fixture => [fixture.adapterId, fixture.name, fixture] as const))('%s/%s: reads only what it read in English', (adapterId, _name, fixture) => {
		const adapter = adapterById(adapterId)!;
		const english = adapter.read(loadDocument(fixture.html, fixture.sidecar.url));
		const doc = loadDocument(fixture.html, fixture.sidecar.url);
		translateAway(doc);
		const other = adapter.read(doc);
		// A form with nothing to open in English (a hedge-mode Close tab) must not open one in another language.
		if (!english.found) expect(other).toEqual(english);
		if (!other.found || !english.found) return; // no form found: nothing shown, nothing to compare
		for (const [field, read] of Object.entries(other.draft) as Array<[string, {state: string; value?: unknown}]>) {
			if (!read || typeof read !== 'object' || !('state' in read) || read.state !== 'ok') continue;
			// Side 'both' commits to nothing: the panel shows both sides' figures.
			if (field === 'side' && read.value === 'both') continue;
			const before = (english.draft as unknown as Record<string, {state: string; value?: unknown}>)[field];
			expect({field, value: read.value}, `\`${field}\` read as ${JSON.stringify(read)} without labels, ${JSON.stringify(before)} in English`).toEqual({
				field,
				value: before?.state === 'ok' ? before.value : '(unread in English)',
			});
		}
	});
});

/** The fields each venue reads by structure (docs/adapters.md, "Which fields are read by label"), on one fixture each. */
const STRUCTURAL: Array<[string, string, string[]]> = [
	['binance-usdm', '2026-11-21-limit-cross-base', ['orderType', 'price', 'size', 'leverage']],
	['aster-pro', '2026-11-21-limit-cross-base', ['orderType', 'price', 'size', 'leverage']],
	// Size stays unread: its unit is the "(Contracts)" label.
	['okx-swap', '2026-11-21-limit-cross-contracts', ['orderType', 'price', 'leverage', 'balance']],
];

describe('structural anchors in a language without a label table', () => {
	it.each(STRUCTURAL)('%s/%s reads %j', (adapterId, name, fields) => {
		const fixture = FIXTURES.find(candidate => candidate.adapterId === adapterId && candidate.name === name)!;
		const doc = loadDocument(fixture.html, fixture.sidecar.url);
		translateAway(doc);
		const read = adapterById(adapterId)!.read(doc);
		if (!read.found) throw new Error('no form');
		const draft = read.draft as unknown as Record<string, {state: string}>;
		for (const field of fields) expect(draft[field]?.state, field).toBe('ok');
		// Label-read fields: unread, never a figure.
		for (const field of ['marginMode', 'venueLiquidationPrice', 'markPrice']) expect(draft[field]?.state, field).not.toBe('ok');
	});
});
