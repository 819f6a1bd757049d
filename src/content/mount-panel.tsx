/**
 * The panel's host element and shadow root.
 *
 * The host hangs off <html>, outside the page's layout, and is positioned absolutely under the adapter's
 * anchor (docked) or fixed in a corner (floating, draggable): it never shifts the page. Inline `!important`
 * styles and the shadow root keep page CSS out. The root is open in dev/test builds so Playwright can pierce it
 * (research/tooling.md §3), closed in release.
 */
import {render} from 'preact';
import {Panel} from '../ui/panel/panel.js';
import {PANEL_CSS} from '../ui/panel/styles.js';
import type {SnapshotSource} from '../ui/panel/report-misread.js';
import {hostAttributes, type PanelView, type Translate} from '../ui/panel/view.js';

/** Where a docked host goes: the anchor's bottom-left corner in document coordinates, and its width. */
export type PlacedBox = {left: number; top: number; width: number};

export type PanelHandle = {
	/** Writes the contract attributes now; re-renders now, or after `visualDelayMs` unless updated again. */
	update(view: PanelView, visualDelayMs?: number): void;
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

export function mountPanel(options: {doc: Document; t: Translate; onAcknowledge(): void; onSnoozeReminder?(): void; snapshot?: SnapshotSource; signal: AbortSignal}): PanelHandle {
	const {doc, t, signal} = options;
	const host = doc.createElement('liqguard-panel');
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

	const paint = () => {
		pendingRender = undefined;
		if (!view || signal.aborted) return;
		render(
			<Panel view={view} t={t} isFloating={isFloating} width={width} onAcknowledge={options.onAcknowledge} onMove={move} onSnoozeReminder={options.onSnoozeReminder} snapshot={options.snapshot} />,
			container,
		);
	};
	const move = (dx: number, dy: number) => {
		const rect = host.getBoundingClientRect();
		floatingOffset = {top: Math.max(0, rect.top + dy), right: 0, left: Math.max(0, rect.left + dx)};
		applyPosition(undefined);
	};
	const applyPosition = (box: PlacedBox | undefined) => {
		if (box) {
			width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, box.width)));
			host.setAttribute('style', `${HOST_RESET}position:absolute!important;top:${box.top}px!important;left:${box.left}px!important;`);
		} else {
			const horizontal = floatingOffset.left === undefined ? `right:${floatingOffset.right}px!important;` : `left:${floatingOffset.left}px!important;`;
			host.setAttribute('style', `${HOST_RESET}position:fixed!important;top:${floatingOffset.top}px!important;${horizontal}`);
		}
	};

	signal.addEventListener('abort', () => {
		clearTimeout(pendingRender);
		render(null, container);
		host.remove();
	});

	return {
		host,
		update(next, visualDelayMs = 0) {
			view = next;
			// Only what changed: a setAttribute with the same value still queues mutation records and restyles the host.
			for (const [name, value] of Object.entries(hostAttributes(next))) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
			clearTimeout(pendingRender);
			if (visualDelayMs > 0) pendingRender = setTimeout(paint, visualDelayMs);
			else paint();
		},
		place(box) {
			if (!host.isConnected) doc.documentElement.append(host);
			const wasFloating = isFloating;
			const oldWidth = width;
			isFloating = box === undefined;
			applyPosition(box);
			if ((wasFloating !== isFloating || oldWidth !== width) && !pendingRender) paint();
		},
	};
}
