// @vitest-environment happy-dom
/** The panel host belongs to <html>: a page that hides it inside a container of its own does not keep it there. */
import {afterEach, expect, test, vi} from 'vitest';
import {mountPanel} from '../../../src/content/mount-panel.js';

vi.stubGlobal('__DEV__', true);

const controller = new AbortController();
afterEach(() => controller.abort());

test('a host the page moved into its own hidden container goes back under <html> at the next placement', () => {
	const panel = mountPanel({doc: document, t: key => key, onAcknowledge: () => undefined, signal: controller.signal});
	expect(panel.host.parentNode).toBe(document.documentElement);
	const hidden = document.createElement('div');
	hidden.style.display = 'none';
	document.body.append(hidden);
	hidden.append(panel.host);
	expect(panel.host.isConnected).toBe(true);
	panel.place(undefined);
	expect(panel.host.parentNode).toBe(document.documentElement);
});
