/**
 * A page prerendered by Speculation Rules runs its content scripts before the user sees it. Its messages carry a
 * sender with a non-zero `frameId` and `documentLifecycle: 'prerender'`, though it is the tab's top document
 * (https://github.com/w3c/webextensions/issues/396), and a `runtime.Port` keeps the sender it was opened with: a
 * port opened while prerendering would be refused by the worker's top-frame check (messaging/guards.ts) for the
 * page's whole life, leaving the panel on "error" and the gate open. Nothing is started until the page is shown.
 * https://developer.chrome.com/docs/web-platform/prerender-pages#detect_prerender_in_javascript
 */
export function whenShown(doc: Document, signal: AbortSignal): Promise<void> {
	if (!(doc as Document & {prerendering?: boolean}).prerendering) return Promise.resolve();
	return new Promise(resolve => {
		doc.addEventListener('prerenderingchange', () => resolve(), {once: true, signal});
	});
}
