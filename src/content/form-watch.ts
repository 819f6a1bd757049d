/**
 * When the session reads the order form: observers on the form, the no-form throttle, and one read per user edit.
 *
 * - DOM mutations (the page re-rendering) and the heartbeat are coalesced to one read per frame, made after the
 *   browser's layout of that frame (`schedule`): there, the reads that need computed style or a box (the CSS bidi
 *   check of each input, the panel's anchor, the page's theme) find them up to date and force nothing. Read from an
 *   animation frame instead, they forced a style recalculation of a busy page at every read (a third of LiqGuard's
 *   main-thread time on the bench's busy page, in a Chromium trace).
 * - A user's own input or change event in the form is read at once instead, at the document in the capture phase,
 *   before any handler of the page (a React root listens on its container, below the document): the request leaves
 *   while the page's own handler and its re-render run, not after them. Waiting for the frame cost half a frame on
 *   average (≈ 8 ms at 60 Hz); alternating builds, 3 × 300 edits each, input → panel p50 went 4.1/4.2/4.4 →
 *   3.9/4.1/4.0 ms on a quiet page and 3.3/3.5/3.6 → 2.9/3.2/3.2 ms on a busy one.
 * - When the event reaches the window (after the page's handlers), the form is read again only if the page changed
 *   it meanwhile: the edited field's value moved (a page that formats or clamps what was typed) or the form's
 *   subtree mutated. Otherwise the capture read stands and the adapter reads once per edit. For an event the page
 *   stops on the way, the same check runs in the next task. A handler that sets another control's `value` property
 *   and nothing else (no mutation) is read at the next mutation or heartbeat; the gate re-reads the form at the
 *   submit and passes a form its reply does not describe, so it never holds or clears on a stale read.
 *
 * Everything started here is tied to `signal`.
 */
import type {Adapter} from '../adapters/define-adapter.js';

/** With no form on the page, DOM changes look for it at most this often (see scheduleAbsentLookup). */
export const ABSENT_LOOKUP_MS = 250;

export type FormWatchOptions = {
	adapter: Adapter;
	doc: Document;
	win: Window;
	signal: AbortSignal;
	/** A node of our own (the panel host): its mutations are not the page's. */
	isOurs(node: Node): boolean;
	/**
	 * Read the form now; `inFrame` when called in a frame (after its layout, or in an animation frame). `whole`:
	 * something asked for a read of the whole form (a change, an edit, a retry); when only the heartbeat asked, the
	 * session may read less (heartbeat-read.ts).
	 */
	onRead(inFrame: boolean, whole: boolean): void;
	/** The watched form root changed (the panel's anchor may have moved). */
	onRootChange(): void;
	/** An element of ours that has a box once the panel shows (its host): what `schedule` observes (see there). */
	probe(): Element | undefined;
};

export type FormWatch = {
	/** The form root being watched, looked up again when it left the page. */
	root(): Element | undefined;
	/** Looks the form root up afresh and watches it. */
	ensureObserved(): Element | undefined;
	/** A read in the next frame, after its layout (coalesced); 'heartbeat' when only the heartbeat asks for it. */
	schedule(reason?: 'change' | 'heartbeat'): void;
};

/** A read waiting on the probe longer than this (a host with no box yet) is made in an animation frame instead. */
export const PROBE_PATIENCE_MS = 250;

type Edit = {target: Node; value: string | undefined; mutated: boolean};

/**
 * What a control holds: its value, and for a checkbox or radio whether it is checked (what a user's edit sets, and
 * what a page script can set with no mutation); undefined for a node with no value.
 */
export const controlValue = (node: Node): string | undefined => {
	const {value, checked} = node as {value?: unknown; checked?: unknown};
	return typeof value === 'string' ? `${value}|${checked === true}` : undefined;
};

export function createFormWatch(options: FormWatchOptions): FormWatch {
	const {adapter, doc, win, signal} = options;
	let observedRoot: Element | undefined;
	let frame: number | undefined;
	/** A read waiting for the probe's report, since when. */
	let probing: {element: Element; sinceMs: number} | undefined;
	/*
	 * The browser calls a ResizeObserver back after the layout of a frame, and a new observation of an element with a
	 * box is reported once (https://drafts.csswg.org/resize-observer/#dom-resizeobserver-observe): observing the
	 * panel's host asks for exactly one call after the next layout. One-shot: the host is unobserved at once, so the
	 * panel's own re-render never makes a second report (or the page's "ResizeObserver loop" error).
	 */
	const {ResizeObserver} = win as Window & typeof globalThis;
	const probeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
		if (probing) readNow(true);
	}) : undefined;
	let soon: ReturnType<typeof setTimeout> | undefined;
	let absentLookup: ReturnType<typeof setTimeout> | undefined;
	let lastAbsentLookupMs = Number.NEGATIVE_INFINITY;
	/** A read of the whole form was asked for since the last read (see `onRead`). */
	let wholeDue = false;
	/** The user's edit read in the capture phase, until its bubble-phase check. */
	let edit: Edit | undefined;
	const isPages = (records: MutationRecord[]) => records.some(record => !options.isOurs(record.target));
	const observer = new MutationObserver(records => {
		if (!isPages(records)) return;
		if (edit) edit.mutated = true;
		if (observedRoot) schedule();
		else scheduleAbsentLookup();
	});
	/*
	 * SPAs replace the whole form node on a symbol, tab or order-type switch. The subtree observer then watches a
	 * detached node, and typing in the new form is not inside it: without this, the panel and the gate kept the old
	 * form's figures until the 1 s heartbeat. Each ancestor is watched for its direct children only, so the cost per
	 * page mutation is one isConnected check.
	 */
	const replacementObserver = new MutationObserver(() => {
		if (observedRoot && !observedRoot.isConnected) {
			ensureObserved();
			schedule();
		}
	});
	signal.addEventListener('abort', () => {
		observer.disconnect();
		replacementObserver.disconnect();
		if (frame !== undefined) win.cancelAnimationFrame(frame);
		probeObserver?.disconnect();
		if (soon !== undefined) clearTimeout(soon);
		if (absentLookup !== undefined) clearTimeout(absentLookup);
	});

	function ensureObserved(): Element | undefined {
		const root = adapter.formRoot(doc);
		if (root === observedRoot) return root;
		observer.disconnect();
		observedRoot = root;
		options.onRootChange();
		// Only the form's subtree; before the form exists, watch the document for it.
		if (root) observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
		else observer.observe(doc.documentElement, {subtree: true, childList: true});
		replacementObserver.disconnect();
		for (let ancestor = root?.parentNode; ancestor; ancestor = ancestor.parentNode) replacementObserver.observe(ancestor, {childList: true});
		return root;
	}

	function readNow(inFrame: boolean, whole = wholeDue): void {
		if (frame !== undefined) win.cancelAnimationFrame(frame);
		if (probing) probeObserver?.unobserve(probing.element);
		if (soon !== undefined) clearTimeout(soon);
		probing = undefined;
		frame = undefined;
		soon = undefined;
		edit = undefined;
		wholeDue = false;
		if (signal.aborted) return;
		options.onRead(inFrame, whole);
		/*
		 * The records queued so far describe changes this read has just seen: the page's own handler of the input
		 * event re-rendering its form. Left queued, they asked for a second read in the next frame — the frame the
		 * worker's answer then waited behind on an idle page (a Chromium trace of an edit). Changes after this point
		 * queue new records as before.
		 */
		observer.takeRecords();
	}

	function schedule(reason: 'change' | 'heartbeat' = 'change'): void {
		if (reason === 'change') wholeDue = true;
		if (signal.aborted || frame !== undefined || soon !== undefined) return;
		let isProbeLate = false;
		if (probing) {
			if (win.performance.now() - probing.sinceMs <= PROBE_PATIENCE_MS) return;
			// No report: the host has no box yet (its first paint waits) or the page took it away. This read takes a frame.
			probeObserver?.unobserve(probing.element);
			probing = undefined;
			isProbeLate = true;
		}
		const probe = options.probe();
		if (probeObserver && probe?.isConnected && !isProbeLate) {
			probing = {element: probe, sinceMs: win.performance.now()};
			probeObserver.observe(probe);
		} else {
			frame = win.requestAnimationFrame(() => readNow(true));
		}
	}

	/*
	 * With no form on the page the observer watches the whole document, and every page mutation would look the form
	 * up in the next frame: for the label-walk adapters that is a walk of the whole document (12–20 ms on a 10,600-
	 * element page), up to 60 times a second on a busy page with no order form (a markets list, a closed form). At
	 * most one lookup per ABSENT_LOOKUP_MS instead: a form that appears is found within a quarter second.
	 */
	function scheduleAbsentLookup(): void {
		if (absentLookup !== undefined || signal.aborted) return;
		const waitMs = Math.max(0, lastAbsentLookupMs + ABSENT_LOOKUP_MS - win.performance.now());
		absentLookup = setTimeout(() => {
			absentLookup = undefined;
			lastAbsentLookupMs = win.performance.now();
			schedule();
		}, waitMs);
	}

	/** After the page's handlers of an edit: read again only if they changed the form (see the header). */
	function settleEdit(): void {
		const settled = edit;
		if (soon !== undefined) clearTimeout(soon);
		soon = undefined;
		edit = undefined;
		if (!settled) return;
		// The observer may have been handed the page's mutations already (a browser delivers them between listeners);
		// records still queued are the ones it has not been handed yet.
		const pageChanged = settled.mutated || isPages(observer.takeRecords()) || controlValue(settled.target) !== settled.value;
		if (pageChanged) readNow(false, true);
	}

	const onFormEvent = (event: Event) => {
		if (observedRoot && !observedRoot.isConnected) ensureObserved();
		if (!observedRoot || !(event.target instanceof Node) || !observedRoot.contains(event.target)) return;
		// A page script's own events (`dispatchEvent`, untrusted) take the per-frame path like any DOM change: a page
		// flooding them must not buy a read and a worker round trip each (SECURITY.md, page scripts).
		if (!event.isTrusted) {
			schedule();
			return;
		}
		readNow(false, true);
		edit = {target: event.target, value: controlValue(event.target), mutated: false};
		// The check after the page's handlers: at the window in this task, or in the next task for an event the
		// page stops on the way.
		soon = setTimeout(settleEdit, 0);
	};
	doc.addEventListener('input', onFormEvent, {capture: true, signal});
	doc.addEventListener('change', onFormEvent, {capture: true, signal});
	/*
	 * The window is the last stop of a bubbling event: by then the page's own handlers of it have run, so the check
	 * is in this same task instead of the next one (≈ 0.3–1 ms earlier on an idle page, where the next task waits
	 * for the thread to wake).
	 */
	const onFormEventBubbled = () => {
		if (edit) settleEdit();
	};
	win.addEventListener('input', onFormEventBubbled, {signal});
	win.addEventListener('change', onFormEventBubbled, {signal});

	return {
		root: () => observedRoot,
		ensureObserved,
		schedule,
	};
}
