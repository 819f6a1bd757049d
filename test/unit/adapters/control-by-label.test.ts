import {Window} from 'happy-dom';
import {afterEach, describe, expect, test} from 'vitest';
import {controlByLabel} from '../../../src/adapters/dom-read.js';

const windows: Window[] = [];
function documentOf(body: string): Document {
	const window = new Window({url: 'https://example.com/'});
	windows.push(window);
	window.document.body.innerHTML = body;
	return window.document as unknown as Document;
}
afterEach(async () => {
	for (const window of windows.splice(0)) await window.happyDOM.close();
});

/** A card with a Collateral row and a second row labelled `otherLabel` holding the leverage input (value 500). */
const card = (collateralInput: string, otherLabel: string) => `
	<div class="card">
		<div class="row"><span>Collateral</span><div class="box">${collateralInput}<span>USDT</span></div></div>
		<div class="row"><span>${otherLabel}</span><div class="box"><input type="text" value="500"><span>x</span></div></div>
	</div>`;

describe('controlByLabel: a label without its own input never takes the neighbouring row\'s input', () => {
	test('the row\'s own input, next to a unit, is found', () => {
		const doc = documentOf(card('<input type="text" value="10">', 'Leverage'));
		expect((controlByLabel(doc, /^Collateral$/, 2) as HTMLInputElement | undefined)?.value).toBe('10');
	});

	test.each(['Leverage12abc', 'Hebel', 'Leverage (max 1001x)'])('with its input gone and the other row labelled "%s" (not in our vocabulary): unread', otherLabel => {
		const doc = documentOf(card('', otherLabel));
		expect(controlByLabel(doc, /^Collateral$/, 2, [/^leverage$/i])).toBeUndefined();
	});

	test('a button beside the input ("Max") is not another field\'s label', () => {
		const doc = documentOf('<div class="row"><span>Collateral</span><div class="box"><input type="text" value="10"><button>Max</button></div></div>');
		expect((controlByLabel(doc, /^Collateral$/, 2) as HTMLInputElement | undefined)?.value).toBe('10');
	});
});

describe('a price label never takes a quantity input', () => {
	test('Bybit 2022 layout with the price input and the qty label gone: price is unread, not the 0.150 BTC quantity', async () => {
		const {readFileSync} = await import('node:fs');
		const {adapterById} = await import('../../../src/adapters/index.js');
		const {FIXTURES_DIR, loadDocument} = await import('./fixture-loader.js');
		const base = `${FIXTURES_DIR}/bybit-linear/2022-09-28-limit-long-cross-checkbox-side`;
		const doc = loadDocument(readFileSync(`${base}.html`, 'utf8'), (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {url: string}).url);
		try {
			// Found by `npm run fuzz` (FUZZ_SEED=674511117): remove the "Order by Qty" label and the price input.
			[...doc.querySelectorAll('span')].find(span => span.textContent === 'Order by Qty')!.remove();
			(doc.querySelector('input[value="19,300.0"]')!.parentElement as Element).remove();
			const result = adapterById('bybit-linear')!.read(doc);
			expect(result.found && result.draft.price.state).toBe('unread');
		} finally {
			await (doc.defaultView as unknown as {happyDOM: {close(): Promise<void>}}).happyDOM.close();
		}
	});
});
