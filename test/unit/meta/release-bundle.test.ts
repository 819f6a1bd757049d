/**
 * What a page could learn from, or use in, the release build: no demo adapter code, no `data-*` figures contract on
 * the panel host, no custom element name; the dev build keeps the contract the e2e suites read.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {buildIsolated, type Built} from './isolated-build.js';

let built: Built;
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

beforeAll(async () => {
	built = await buildIsolated();
}, 120_000);

afterAll(() => built?.cleanup());

describe('release bundle', () => {
	test('the demo adapter\'s code is not in the release content script (its selectors are in the dev one)', () => {
		// The demo adapter's own form selector and mark-price test id: no venue adapter uses them.
		expect(read(built.dev.chrome, 'content.js')).toContain('data-testid="order-form"');
		for (const dir of [built.release.chrome, built.release.firefox]) {
			const content = read(dir, 'content.js');
			for (const marker of ['data-testid="order-form"', 'data-testid="mark-price"', 'LiqGuard demo exchange']) expect(content.includes(marker), marker).toBe(false);
		}
	});

	test('the host\'s data-* contract (liquidation prices, gate state) is written by dev builds only', () => {
		expect(read(built.dev.chrome, 'content.js')).toContain('data-liquidation-price-long');
		for (const dir of [built.release.chrome, built.release.firefox]) {
			const content = read(dir, 'content.js');
			// (The panel's own markup inside the closed shadow root keeps its data-rule/data-gate hooks: no page can read them.)
			for (const name of ['data-liquidation-price-long', 'data-liquidation-price-short', 'data-liqguard-panel', 'data-entry-price', 'data-margin-mode']) {
				expect(content.includes(name), name).toBe(false);
			}
		}
	});

	test('no build creates a custom element for the panel host', () => {
		for (const dir of [built.dev.chrome, built.release.chrome]) {
			expect(read(dir, 'content.js').includes('createElement("liqguard-panel")'), dir).toBe(false);
			expect(/customElements/.test(read(dir, 'content.js')), dir).toBe(false);
		}
	});
});
