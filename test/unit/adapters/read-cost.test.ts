/**
 * Reads run on the page's main thread on every keystroke and at 1 Hz. Looking up a label walks a whole subtree
 * (`elementsWithText`); over the document that is every element of the exchange page. A read may do that once:
 * the Mark, Funding, Countdown and Balance rows and the form's own lookup share the walk (a fixture plus a
 * 4,500-cell order book, 10,600 elements, headless Chromium: 80–210 ms a read before, 12–20 ms after, per venue).
 */
import {describe, expect, it} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {listFixtures, loadDocument} from './fixture-loader.js';

const fixtures = listFixtures().filter(fixture => fixture.sidecar.expected.found);

describe.each(fixtures)('$adapterId/$name', ({adapterId, html, sidecar}) => {
	it('walks the whole document at most once per read', () => {
		const doc = loadDocument(html, sidecar.url);
		const querySelectorAll = doc.querySelectorAll.bind(doc);
		let walks = 0;
		doc.querySelectorAll = ((selectors: string) => {
			if (selectors === '*') walks += 1;
			return querySelectorAll(selectors);
		}) as typeof doc.querySelectorAll;
		const result = adapterById(adapterId)!.read(doc);
		expect(result.found).toBe(true);
		expect(walks).toBeLessThanOrEqual(1);
	});

	it('looks the `<label for>` elements up once per read, not once per control with an id', () => {
		const doc = loadDocument(html, sidecar.url);
		const querySelectorAll = doc.querySelectorAll.bind(doc);
		let lookups = 0;
		doc.querySelectorAll = ((selectors: string) => {
			if (selectors === 'label[for]') lookups += 1;
			return querySelectorAll(selectors);
		}) as typeof doc.querySelectorAll;
		adapterById(adapterId)!.read(doc);
		expect(lookups).toBeLessThanOrEqual(1);
	});
});
