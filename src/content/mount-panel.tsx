/**
 * The panel's host element and shadow root.
 *
 * The host hangs off <html>, outside the page's layout, and is positioned absolutely under the adapter's
 * anchor (docked) or fixed in a corner (floating, draggable): it never shifts the page. Inline `!important`
 * styles and the shadow root keep page CSS out. The root is open in dev/test builds so Playwright can pierce it,
 * closed in release.
 *
 * The page is untrusted (SECURITY.md, threat model):
 * - The host is a plain `div`, never a custom element name. A page that defines that name first owns the element's
 *   class: `attachInternals()` then hands it the closed shadow root (`ElementInternals.shadowRoot`), and
 *   `static disabledFeatures = ['shadow']` makes `attachShadow` throw. A `div` has no page-definable behaviour.
 * - The host's inline style is ours: a page that rewrites it (opacity:0, display:none, a transform, pointer-events,
 *   clip-path …, to hide the panel or overlay a clickjacked acknowledgement) gets it written back at once.
 * - The `data-*` test contract (liquidation prices, gate state) is written in dev/test builds only: in a release
 *   build any page script could read the user's figures off the host.
 */
import {render} from 'preact';
import {sameOnFields, trackFieldReads} from '../core/draft.js';
import {Panel} from '../ui/panel/panel.js';
import {PANEL_CSS} from '../ui/panel/styles.js';
import type {SnapshotSource} from '../ui/panel/report-misread.js';
import {hostAttributes, type PanelView, type Translate} from '../ui/panel/view.js';

/** Where a docked host goes: the anchor's bottom-left corner in document coordinates, and its width. */
export type PlacedBox = {left: number; top: number; width: number};

export type PanelHandle = {
	/** Writes the contract attributes now; re-renders now, or after `visualDelayMs` unless updated again. */
	update(view: PanelView, visualDelayMs?: number): void;
	/** The draft fields the panel read to render the view it shows; undefined before its first render. */
	readFields(): readonly string[] | undefined;
	/** Docks the host at `box` (under the adapter's anchor, in document coordinates), or floats it when undefined. */
	place(box: PlacedBox | undefined): void;
	readonly host: HTMLElement;
};

/**
 * `contain` + `will-change`: the host is its own layout, paint and compositing boundary, so re-rendering the panel
 * never invalidates the exchange page's layout or paint, and the page's 50 Hz order-book updates do not repaint
 * the panel (bench: Paint and Commit back to the page's own baseline; docs/performance.md).
 */
const HOST_RESET =
	'all:initial!important;display:block!important;z-index:2147483000!important;margin:0!important;padding:0!important;border:0!important;contain:layout paint style!important;will-change:transform!important;';
const MIN_WIDTH = 260;
const MAX_WIDTH = 360;
const minuteNow = () => Math.floor(Date.now() / 60_000);

export type MountPanelOptions = {
	doc: Document;
	t: Translate;
	onAcknowledge(): void;
	onSnoozeReminder?(): void;
	snapshot?: SnapshotSource;
	/** The user expanded or collapsed the panel (it has rendered the latest view it was given). */
	onCollapsedChange?(): void;
	signal: AbortSignal;
};

export function mountPanel(options: MountPanelOptions): PanelHandle {
	const {doc, t, signal} = options;
	const host = doc.createElement('div');
	if (__DEV__) host.setAttribute('data-liqguard-panel', '');
	const shadow = host.attachShadow({mode: __DEV__ ? 'open' : 'closed'});
	const style = doc.createElement('style');
	style.textContent = PANEL_CSS;
	const container = doc.createElement('div');
	shadow.append(style, container);
	doc.documentElement.append(host);

	let view: PanelView | undefined;
	let isFloating = true;
	let width = 300;
	let floatingOffset = {top: 72, right: 16, left: undefined as number | undefined};
	let pendingRender: ReturnType<typeof setTimeout> | undefined;
	/** The host's inline style as we last wrote it; anything else found there is the page's and is undone. */
	let ownStyle = '';
	const setStyle = (style: string) => {
		ownStyle = style;
		if (host.getAttribute('style') !== style) host.setAttribute('style', style);
	};
	const styleGuard = new MutationObserver(records => {
		for (const {attributeName: name} of records) {
			if (name === 'style') {
				if (host.getAttribute('style') !== ownStyle) host.setAttribute('style', ownStyle);
			} else if (name !== null && host.hasAttribute(name)) {
				// `inert` would make the acknowledgement unclickable; `hidden`/`popover`/`class` are not ours either.
				host.removeAttribute(name);
			}
		}
	});
	styleGuard.observe(host, {attributes: true, attributeFilter: ['style', 'class', 'hidden', 'popover', 'inert']});

	/**
	 * The view last rendered, the draft fields read by renders of it so far (the panel's own state renders it again
	 * with the same view: expanding it reads the fields of its body), and the minute it was rendered in.
	 */
	let painted: {view: PanelView; fields(): readonly string[]; minute: number} | undefined;
	const paint = () => {
		pendingRender = undefined;
		if (!view || signal.aborted) return;
		// The panel reads the draft through a view that records which fields it reads (see `isUnchangedForPanel`).
		const tracked = view.draft ? trackFieldReads(view.draft) : undefined;
		render(
			<Panel
				view={tracked ? {...view, draft: tracked.draft} : view}
				t={t}
				isFloating={isFloating}
				width={width}
				onAcknowledge={options.onAcknowledge}
				onMove={move}
				onSnoozeReminder={options.onSnoozeReminder}
				snapshot={options.snapshot}
				onCollapsedChange={onCollapsedChange}
			/>,
			container,
		);
		painted = {view, fields: tracked ? tracked.fields : () => [], minute: minuteNow()};
	};
	/*
	 * A view that differs from the one rendered only in draft fields the panel did not read renders the same panel:
	 * the mark ticking under a limit order with no size yet (nothing shown reads it), about once a second on every
	 * venue. The panel is a function of its view, `t`, its own state (which renders on its own) and the minute (the
	 * source line's "fetched N min ago"), and the parts it renders only when their inputs change (`Memo`) take the
	 * draft fields they show as inputs, which the panel reads at each render: so the fields recorded are all it shows.
	 * A skipped view is not the one rendered: expanding the panel (its own state) then paints the latest view.
	 */
	const isUnchangedForPanel = (next: PanelView): boolean => {
		if (!painted || pendingRender !== undefined || painted.minute !== minuteNow()) return false;
		const last = painted.view;
		const keys = Object.keys(next) as (keyof PanelView)[];
		if (keys.length !== Object.keys(last).length || keys.some(key => key !== 'draft' && next[key] !== last[key])) return false;
		if (!next.draft || !last.draft) return next.draft === last.draft;
		return next.draft === last.draft || sameOnFields(next.draft, last.draft, painted.fields());
	};
	const onCollapsedChange = () => {
		paint();
		options.onCollapsedChange?.();
	};
	const move = (dx: number, dy: number) => {
		const rect = host.getBoundingClientRect();
		floatingOffset = {top: Math.max(0, rect.top + dy), right: 0, left: Math.max(0, rect.left + dx)};
		applyPosition(undefined);
	};
	const applyPosition = (box: PlacedBox | undefined) => {
		if (box) {
			width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, box.width)));
			setStyle(`${HOST_RESET}position:absolute!important;top:${box.top}px!important;left:${box.left}px!important;`);
		} else {
			const horizontal = floatingOffset.left === undefined ? `right:${floatingOffset.right}px!important;` : `left:${floatingOffset.left}px!important;`;
			setStyle(`${HOST_RESET}position:fixed!important;top:${floatingOffset.top}px!important;${horizontal}`);
		}
	};

	signal.addEventListener('abort', () => {
		styleGuard.disconnect();
		clearTimeout(pendingRender);
		render(null, container);
		host.remove();
	});

	return {
		host,
		readFields: () => painted?.fields(),
		update(next, visualDelayMs = 0) {
			view = next;
			// Only what changed: a setAttribute with the same value still queues mutation records and restyles the host.
			if (__DEV__) for (const [name, value] of Object.entries(hostAttributes(next))) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
			if (visualDelayMs === 0 && isUnchangedForPanel(next)) return;
			clearTimeout(pendingRender);
			if (visualDelayMs > 0) pendingRender = setTimeout(paint, visualDelayMs);
			else paint();
		},
		place(box) {
			// Ours is a child of <html>: a page that removed it, or moved it into a hidden container of its own (still
			// connected, never shown), gets it put back where it belongs.
			if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
			const wasFloating = isFloating;
			const oldWidth = width;
			isFloating = box === undefined;
			applyPosition(box);
			if ((wasFloating !== isFloating || oldWidth !== width) && !pendingRender) paint();
		},
	};
}
