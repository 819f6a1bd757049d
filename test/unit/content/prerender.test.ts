// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, test} from 'vitest';
import {whenShown} from '../../../src/content/prerender.js';
import {isTrustedSender} from '../../../src/messaging/guards.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('prerendered pages', () => {
	test('the worker refuses a prerendering document\'s sender (non-zero frameId), so the content script must wait', () => {
		// The shape Chrome sends for a prerendered top-level document (w3c/webextensions#396).
		const prerendering = {id: 'ext', frameId: 697, documentLifecycle: 'prerender', tab: {id: 4}};
		expect(isTrustedSender(prerendering, 'ext')).toBe(false);
		const shown = {...prerendering, frameId: 0, documentLifecycle: 'active'};
		expect(isTrustedSender(shown, 'ext')).toBe(true);
	});

	test('whenShown waits for prerenderingchange while the document is prerendering', async () => {
		Object.defineProperty(document, 'prerendering', {value: true, configurable: true});
		let shown = false;
		const waiting = whenShown(document, new AbortController().signal).then(() => {
			shown = true;
		});
		await new Promise(resolve => setTimeout(resolve, 10));
		expect(shown).toBe(false);
		Object.defineProperty(document, 'prerendering', {value: false, configurable: true});
		document.dispatchEvent(new Event('prerenderingchange'));
		await waiting;
		expect(shown).toBe(true);
	});

	test('a shown page starts at once', async () => {
		Object.defineProperty(document, 'prerendering', {value: false, configurable: true});
		await expect(whenShown(document, new AbortController().signal)).resolves.toBeUndefined();
	});

	test('the content script starts its session (and opens its port) only once the page is shown', () => {
		const source = readFileSync(join(ROOT, 'src/content/index.ts'), 'utf8');
		expect(source).toMatch(/whenShown\(document, life\.signal\)\.then\(\(\) => restart\(\)\)/);
		expect(source).toMatch(/function restart\(\): void \{[\s\S]{0,300}prerendering\) return;/);
	});
});
