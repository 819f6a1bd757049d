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

/** Counts the document's `querySelectorAll(selector)` calls from now on. */
function countQueries(doc: Document, selector: string): {count: number} {
	const counter = {count: 0};
	const querySelectorAll = doc.querySelectorAll.bind(doc);
	doc.querySelectorAll = ((selectors: string) => {
		if (selectors === selector) counter.count += 1;
		return querySelectorAll(selectors);
	}) as typeof doc.querySelectorAll;
	return counter;
}

describe.each(fixtures)('$adapterId/$name', ({adapterId, html, sidecar}) => {
	it('walks the whole document at most once per read', () => {
		const doc = loadDocument(html, sidecar.url);
		const walks = countQueries(doc, '*');
		const result = adapterById(adapterId)!.read(doc);
		expect(result.found).toBe(true);
		expect(walks.count).toBeLessThanOrEqual(1);
	});

	it('at the heartbeat, reads what is outside the form without walking the document while its rows stay', () => {
		const doc = loadDocument(html, sidecar.url);
		const adapter = adapterById(adapterId)!;
		const root = adapter.formRoot(doc)!;
		const whole = adapter.read(doc);
		const walks = countQueries(doc, '*');
		const outside = adapter.readOutside(doc, root);
		expect(walks.count).toBeLessThanOrEqual(1);
		// Every row found by its label on the whole page is found again beside the same label, without a walk.
		const found = Object.entries(outside ?? {}).filter(([, value]) => (value as {state: string}).state !== 'unread');
		if (whole.found && found.length === Object.keys(outside ?? {}).length) expect(walks.count).toBe(0);
		for (const [field, value] of Object.entries(outside ?? {})) expect(value, field).toEqual(whole.found ? whole.draft[field as keyof typeof whole.draft] : undefined);
	});

	it('looks the `<label for>` elements up once per read, not once per control with an id', () => {
		const doc = loadDocument(html, sidecar.url);
		const lookups = countQueries(doc, 'label[for]');
		adapterById(adapterId)!.read(doc);
		expect(lookups.count).toBeLessThanOrEqual(1);
	});
});
