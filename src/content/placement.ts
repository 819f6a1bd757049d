/**
 * Where the panel sits and which theme it wears: docked under the adapter's anchor (re-placed only when the anchor
 * moved) and following the page's background.
 *
 * Reading the anchor's box forces a layout when the page has changed anything since the last one, so it is not
 * done on every read (a mark-price tick is a read). It is done only when due (the heartbeat, a new form root, a
 * window resize) and then by the next read, which the form watch makes after the browser's layout of a frame
 * (form-watch.ts, `schedule`), where the box is up to date and reading it forces nothing; and from the
 * ResizeObserver's callback, also after the layout, when the form or the anchor changes size. A read in a task (a
 * user's edit) leaves it to the next frame.
 *
 * No IntersectionObserver: once a document has had one, Chromium 156 runs
 * `IntersectionObserverController::computeIntersections` twice in every frame for the rest of the page's life, even
 * after `disconnect()` and a garbage collection (≈ 1–2 ms/s of a busy page's main thread, against a control tab).
 */
import type {Adapter} from '../adapters/define-adapter.js';
import type {PanelView} from '../ui/panel/view.js';
import type {PanelHandle, PlacedBox} from './mount-panel.js';
import {pageTheme} from './theme.js';

export type Theme = PanelView['theme'];

/** Heartbeats between looks at the theme when nothing said it changed (see `themeDue`). */
export const THEME_BEATS = 10;

export type PlacementOptions = {
	adapter: Adapter;
	doc: Document;
	win: Window;
	signal: AbortSignal;
	panel(): PanelHandle | undefined;
	/** The form root being watched (form-watch.ts). */
	root(): Element | undefined;
	/** The page's theme changed. */
	onTheme(theme: Theme): void;
};

export type Placement = {
	/** The anchor's place and the page's theme need looking at again at the next read (a new form root). */
	markDue(): void;
	/**
	 * The heartbeat: look at the anchor's place again at the next read (content above the form may have moved it
	 * without resizing it), and at the theme every THEME_BEATS beats.
	 */
	heartbeat(): void;
	/** After a read: look now if this is a frame and a look is due, else in the next frame. */
	afterRead(inFrame: boolean): void;
	theme(): Theme;
};

export function createPlacement(options: PlacementOptions): Placement {
	const {adapter, doc, win, signal} = options;
	let layoutDue = true;
	let layoutFrame: number | undefined;
	let placedAnchor: Element | undefined;
	let placedAt: string | undefined;
	let theme: Theme = 'dark';
	/*
	 * The theme is a computed style of each element from the form up to the first opaque background: looked at again
	 * only when it can have changed. Venues switch themes with a class or attribute on <html> or <body> (theme.ts),
	 * which the observer below sees; a new form root and every THEME_BEATS heartbeats look again for any other way.
	 */
	let themeDue = true;
	let beats = 0;
	const themeObserver = new MutationObserver(() => {
		themeDue = true;
	});
	const watchThemeRoots = () => {
		themeObserver.observe(doc.documentElement, {attributes: true});
		if (doc.body) themeObserver.observe(doc.body, {attributes: true});
	};
	watchThemeRoots();
	const {ResizeObserver} = win as Window & typeof globalThis;
	const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
		layoutDue = true;
		// Called after the frame's layout: the boxes are fresh, reading them forces nothing.
		if (layoutFrame !== undefined) win.cancelAnimationFrame(layoutFrame);
		relayout();
	}) : undefined;
	let resizeWatched: Element[] = [];
	const watchSizes = (elements: readonly (Element | undefined)[]) => {
		const next = elements.filter((element): element is Element => element !== undefined);
		if (!resizeObserver || (next.length === resizeWatched.length && next.every((element, index) => element === resizeWatched[index]))) return;
		resizeObserver.disconnect();
		for (const element of next) resizeObserver.observe(element);
		resizeWatched = next;
	};
	win.addEventListener('resize', () => {
		layoutDue = true;
	}, {signal});
	signal.addEventListener('abort', () => {
		resizeObserver?.disconnect();
		themeObserver.disconnect();
		if (layoutFrame !== undefined) win.cancelAnimationFrame(layoutFrame);
	});

	function relayout(): void {
		layoutFrame = undefined;
		const panel = options.panel();
		const root = options.root();
		if (signal.aborted || !panel || !root) return;
		layoutDue = false;
		const anchor = adapter.mountAfter(doc);
		watchSizes([root, anchor]);
		const rect = anchor?.getBoundingClientRect();
		const box: PlacedBox | undefined = rect && {left: rect.left + win.scrollX, top: rect.bottom + win.scrollY, width: rect.width};
		// Re-place only when the anchor moved: rewriting the host's inline style every heartbeat restyles it.
		const placement = box ? `${box.left.toFixed(2)},${box.top.toFixed(2)},${box.width.toFixed(2)}` : 'floating';
		if (anchor !== placedAnchor || placement !== placedAt || panel.host.parentNode !== doc.documentElement) {
			panel.place(box);
			placedAnchor = anchor;
			placedAt = placement;
		}
		if (!themeDue) return;
		themeDue = false;
		const next = pageTheme(root, win);
		if (next !== theme) {
			theme = next;
			options.onTheme(theme);
		}
	}

	return {
		markDue() {
			layoutDue = true;
			themeDue = true;
		},
		heartbeat() {
			layoutDue = true;
			beats += 1;
			if (beats % THEME_BEATS === 0) {
				themeDue = true;
				watchThemeRoots(); // <body> may have come (or been replaced) since
			}
		},
		afterRead(inFrame) {
			// The anchor's box is fresh; a theme change the observer saw waits for the next look (at most a heartbeat).
			if (!layoutDue) return;
			if (inFrame) relayout();
			else if (layoutFrame === undefined) layoutFrame = win.requestAnimationFrame(relayout);
		},
		theme: () => theme,
	};
}
