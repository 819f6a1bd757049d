/**
 * One page session: from the order form appearing to navigation away (or the extension going away).
 *
 * State diagram of a revision:
 *   form changed ─► read (next animation frame) ─► unchanged? stop
 *                                     └► revision+1, panel 'reading' ─► evaluateDraft ─► reply for this revision?
 *                                           ├ yes: 'ready' | 'needs-input' | 'error'
 *                                           └ no (older revision): dropped
 *   no reply within 300 ms ─► 'error' (the gate lets submits through)
 *   no form to read (gone, or nothing to open) ─► revision+1, 'unreadable' (replies still in flight are dropped)
 * A user's own input or change event in the form is read at once instead of in a frame, and again after the page's
 * handlers of it (`onFormEvent`).
 *
 * Everything started here is tied to `signal`.
 */
import type {Adapter, ReadResult, SubmitTrigger} from '../adapters/define-adapter.js';
import type {OrderDraft} from '../core/draft.js';
import type {Side} from '../core/types.js';
import type {EvaluateDraftResult} from '../messaging/protocol.js';
import type {CallBackground} from '../messaging/send.js';
import {isContextInvalidated} from '../messaging/send.js';
import type {GateNotice, PanelView, Translate} from '../ui/panel/view.js';
import {ALLOWANCE_MS, REPLY_TIMEOUT_MS, type Allowance, decideGate, orderKey} from './gate.js';
import {mountPanel, type PanelHandle, type PlacedBox} from './mount-panel.js';
import {buildSnapshot} from './snapshot.js';
import {pageTheme} from './theme.js';

export type SessionOptions = {
	adapter: Adapter;
	doc: Document;
	win: Window;
	call: CallBackground;
	t: Translate;
	/** The extension context is gone: the caller shuts everything down. */
	onContextInvalidated(): void;
	/**
	 * Whether the extension context still exists (`runtime.id` readable). "Could not establish connection" comes
	 * from an orphaned script and also from a live one whose worker is stopping or starting; only this tells them apart.
	 */
	isContextAlive(): boolean;
	signal: AbortSignal;
};

export type Session = {
	/** Gate verdict for a user's submit event; never throws. */
	judge(trigger: SubmitTrigger, target: Element): 'pass' | 'hold';
	/** Periodic re-check: values outside the form (mark price, funding), re-anchoring, theme. */
	tick(): void;
	/** Re-evaluate the current form even if unchanged: settings or this tab's snooze changed. */
	refresh(): void;
};

/** The panel shows 'reading' only if the reply takes longer than this, so fast replies do not flicker. */
const READING_VISUAL_DELAY_MS = 120;
/** A message the worker refused is asked again this soon, this many times in a row; after that, at each heartbeat. */
const RETRY_DELAY_MS = 100;
const QUICK_RETRIES = 3;
/** With no form on the page, DOM changes look for it at most this often (see scheduleAbsentLookup). */
const ABSENT_LOOKUP_MS = 250;

/**
 * What the math reads from a draft. The funding countdown is shown, never computed with (the core does not read
 * it), and it ticks every second on every venue that shows one: keyed on it, each tick was a worker round trip and
 * a re-render of the whole answer. It is shown from the latest read instead (see `read`).
 */
function draftKey(draft: OrderDraft): string {
	const {fundingCountdownSeconds: _shownOnly, ...math} = draft;
	return JSON.stringify(math);
}

function sameCountdown(a: OrderDraft, b: OrderDraft): boolean {
	return JSON.stringify(a.fundingCountdownSeconds) === JSON.stringify(b.fundingCountdownSeconds);
}
/** The read key of "no order form to read" (a draft key is a JSON object, so never equal to it). */
const NO_FORM = 'no-form';

export function startSession(options: SessionOptions): Session {
	const {adapter, doc, win, call, t, signal} = options;
	let revision = 0;
	let sentKey: string | undefined;
	let pending: {revision: number; timer: ReturnType<typeof setTimeout>} | undefined;
	let latest: {revision: number; key: string; result: EvaluateDraftResult} | undefined;
	let view: PanelView = {state: 'reading', venue: adapter.venue, theme: 'dark'};
	let gate: GateNotice | undefined;
	let allowance: Allowance | undefined;
	/** The side and order of the last hold: what "I understand" allows. */
	let heldFor: {side: Side | 'both'; orderKey: string} | undefined;
	let allowanceTimer: ReturnType<typeof setTimeout> | undefined;
	let panel: PanelHandle | undefined;
	/** mountPanel threw (a hostile or broken page): no panel, and `judge` lets every submit through. */
	let panelFailed = false;
	let observedRoot: Element | undefined;
	let frame: number | undefined;
	let soon: ReturnType<typeof setTimeout> | undefined;
	let layoutFrame: number | undefined;
	/*
	 * Whether the panel's anchor and the page's theme need looking at again. Reading the anchor's box forces a
	 * layout when the page has changed anything since the last one, so it is not done on every read (a mark-price
	 * tick in the form is a read; the busy bench page's profile had this forced layout as our largest cost,
	 * ≈ 1.7 ms/s, session 3): only at the heartbeat, when the form root changes, when the form or the anchor
	 * changes size (a ResizeObserver, which reports after the browser's own layout) and when the window resizes.
	 * Those looks run in an animation frame (`relayout`), where the layout they force is the one the frame is about
	 * to do anyway (session 6).
	 */
	let layoutDue = true;
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
	let placedAnchor: Element | undefined;
	let placedAt: string | undefined;
	let theme: PanelView['theme'] = 'dark';
	/** The draft `read` last put in the view, with its key: the draft as shown for the revision it asked about. */
	let shown: {draft: OrderDraft; key: string} | undefined;
	let refusals = 0;
	/** A draft was sent since the form was last unreadable: the worker may have set the badge for it. */
	let hasEvaluated = false;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let absentLookup: ReturnType<typeof setTimeout> | undefined;
	let lastAbsentLookupMs = Number.NEGATIVE_INFINITY;
	const observer = new MutationObserver(records => {
		if (!records.some(record => !panel || !panel.host.contains(record.target))) return;
		if (observedRoot) schedule();
		else scheduleAbsentLookup();
	});
	/*
	 * SPAs replace the whole form node on a symbol, tab or order-type switch (research/dom.md §0.1). The subtree
	 * observer then watches a detached node, and typing in the new form is not inside it: without this, the panel
	 * and the gate kept the old form's figures until the 1 s heartbeat. Each ancestor is watched for its direct
	 * children only, so the cost per page mutation is one isConnected check.
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
		resizeObserver?.disconnect();
		if (frame !== undefined) win.cancelAnimationFrame(frame);
		if (soon !== undefined) clearTimeout(soon);
		if (layoutFrame !== undefined) win.cancelAnimationFrame(layoutFrame);
		if (pending) clearTimeout(pending.timer);
		if (retry !== undefined) clearTimeout(retry);
		if (allowanceTimer !== undefined) clearTimeout(allowanceTimer);
		if (absentLookup !== undefined) clearTimeout(absentLookup);
		if (sentKey !== undefined) void call('clearBadge', {});
	});

	const show = (next: PanelView, visualDelayMs = 0) => {
		// The notice is the session's `gate`, never one left in the previous view (a used or expired allowance).
		const {gate: _shown, ...rest} = next;
		view = gate ? {...rest, gate} : rest;
		panel?.update(view, visualDelayMs);
	};

	const ensureObserved = () => {
		const root = adapter.formRoot(doc);
		if (root === observedRoot) return root;
		observer.disconnect();
		observedRoot = root;
		layoutDue = true;
		// Only the form's subtree (lead's design note); before the form exists, watch the document for it.
		if (root) observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
		else observer.observe(doc.documentElement, {subtree: true, childList: true});
		replacementObserver.disconnect();
		for (let ancestor = root?.parentNode; ancestor; ancestor = ancestor.parentNode) replacementObserver.observe(ancestor, {childList: true});
		return root;
	};

	/**
	 * DOM mutations (the page re-rendering) are coalesced to one read per animation frame. A user's own input or
	 * change event in the form is read at once instead (see `onFormEvent`): waiting for the frame alone cost half a
	 * frame on average (≈ 8 ms at 60 Hz, more on a busy page).
	 */
	const readNow = (inFrame: boolean) => {
		if (frame !== undefined) win.cancelAnimationFrame(frame);
		if (soon !== undefined) clearTimeout(soon);
		frame = undefined;
		soon = undefined;
		read(inFrame);
	};
	const schedule = () => {
		if (frame !== undefined || soon !== undefined || signal.aborted) return;
		frame = win.requestAnimationFrame(() => readNow(true));
	};
	/*
	 * With no form on the page the observer watches the whole document, and every page mutation would look the form
	 * up in the next frame: for the label-walk adapters that is a walk of the whole document (12–20 ms on a 10,600-
	 * element page), up to 60 times a second on a busy page with no order form (a markets list, a closed form). At
	 * most one lookup per ABSENT_LOOKUP_MS instead: a form that appears is found within a quarter second.
	 */
	const scheduleAbsentLookup = () => {
		if (absentLookup !== undefined || signal.aborted) return;
		const waitMs = Math.max(0, lastAbsentLookupMs + ABSENT_LOOKUP_MS - win.performance.now());
		absentLookup = setTimeout(() => {
			absentLookup = undefined;
			lastAbsentLookupMs = win.performance.now();
			schedule();
		}, waitMs);
	};
	const scheduleSoon = () => {
		if (soon !== undefined || signal.aborted) return;
		soon = setTimeout(() => readNow(false), 0);
	};

	/*
	 * Re-anchors the panel under the adapter's anchor (only when it moved) and follows the page's theme, from the
	 * anchor's box read in an animation frame (or in a ResizeObserver's callback, after the frame's layout). The
	 * read forces the layout the page has left pending, and in a frame that is the layout the frame was about to do:
	 * it moves earlier, it is not done twice (a trace of the busy bench page: one `Layout` per frame with and without
	 * this read, session 6). Outside a frame it would be an extra layout, which is why a read in a task leaves this
	 * to the next frame.
	 *
	 * Session 5 had replaced this read, for a docked panel, by an IntersectionObserver's first report, because a CPU
	 * profile counted the forced layout as LiqGuard's script time. That was the frame's own layout, attributed to us;
	 * and once a document has had an IntersectionObserver, Chromium 156 runs
	 * `IntersectionObserverController::computeIntersections` twice in every frame for the rest of the page's life,
	 * even after `disconnect()` and a garbage collection: ≈ 1–2 ms/s of the busy page's main thread, ≈ 1 % of it, in
	 * traces of the busy page against a control tab that created no observer (session 6). No IntersectionObserver.
	 */
	const relayout = () => {
		layoutFrame = undefined;
		if (signal.aborted || !panel || !observedRoot) return;
		layoutDue = false;
		const anchor = adapter.mountAfter(doc);
		watchSizes([observedRoot, anchor]);
		const rect = anchor?.getBoundingClientRect();
		const box: PlacedBox | undefined = rect && {left: rect.left + win.scrollX, top: rect.bottom + win.scrollY, width: rect.width};
		// Re-place only when the anchor moved: rewriting the host's inline style every heartbeat restyles it.
		const placement = box ? `${box.left.toFixed(2)},${box.top.toFixed(2)},${box.width.toFixed(2)}` : 'floating';
		if (anchor !== placedAnchor || placement !== placedAt || !panel.host.isConnected) {
			panel.place(box);
			placedAnchor = anchor;
			placedAt = placement;
		}
		const next = pageTheme(observedRoot, win);
		if (next !== theme) {
			theme = next;
			show({...view, theme});
		}
	};

	/** "Report a misread": the order form as a cleaned, masked snapshot (content/snapshot.ts); only on a user's click. */
	const snapshotOfForm = () => {
		const form = adapter.formRoot(doc);
		return form ? buildSnapshot(form, {adapterId: adapter.id, url: doc.location?.href ?? '', capturedAt: new Date().toISOString().slice(0, 10)}) : undefined;
	};

	const read = (inFrame: boolean) => {
		if (signal.aborted) return;
		// The form root is looked up again only when the one we watch left the page (and at the heartbeat): for the
		// label-walk adapters the lookup is a walk of the whole document, which `adapter.read` makes once already.
		const root = observedRoot?.isConnected ? observedRoot : ensureObserved();
		// Nothing to show until the form first appears; once the panel is up, a form that went away reads as not found.
		if (!root && !panel) return;
		if (!panel && !panelFailed) {
			try {
				panel = mountPanel({doc, t, onAcknowledge: acknowledge, onSnoozeReminder: snoozeReminder, snapshot: snapshotOfForm, signal});
			} catch {
				// Fail open: with no panel the user can neither see a hold nor acknowledge it, so the gate never holds.
				panelFailed = true;
			}
		}
		// Style and layout reads (anchor box, computed background) belong in a frame: inline when this read is
		// one, else in the next frame, off the input → answer path.
		if (!layoutDue) {
			// The anchor's box and the theme are fresh (see layoutDue).
		} else if (inFrame) relayout();
		else if (layoutFrame === undefined) layoutFrame = win.requestAnimationFrame(relayout);
		// No root, no form: `read` would look the root up again (a second document walk) only to say so.
		const result: ReadResult = root ? adapter.read(doc) : {found: false, reason: 'no-form'};
		/*
		 * The records queued so far describe changes this read has just seen: the page's own handler of the input
		 * event re-rendering its form, before our window listener ran. Left queued, they asked for a second read in
		 * the next frame — the frame the worker's answer then waited behind on an idle page (a Chromium trace of an
		 * edit, session 4). Changes after this point queue new records as before.
		 */
		observer.takeRecords();
		// "No form" (gone, or a Close tab / swap that opens nothing) is one more state of the form: it too takes a
		// new revision, so a reply or a timeout for the form as it was cannot land on it, and it renders once.
		const key = result.found ? draftKey(result.draft) : NO_FORM;
		if (key === sentKey) {
			// Only the countdown moved: show it with the answer already there, ask nothing.
			if (result.found && view.draft && !sameCountdown(view.draft, result.draft)) {
				show({...view, draft: result.draft});
				shown = {draft: result.draft, key};
			}
			return;
		}
		revision += 1;
		sentKey = key;
		const current = revision;
		// The form changed: a held notice no longer describes it, and an allowance ends with a change of its order.
		if (gate?.status === 'held') gate = undefined;
		if (allowance && !(result.found && orderKey(result.draft) === allowance.orderKey)) {
			allowance = undefined;
			if (gate?.status === 'armed') gate = undefined;
		}
		if (pending) clearTimeout(pending.timer);
		pending = undefined;
		if (!result.found) {
			latest = undefined;
			show({state: 'unreadable', venue: adapter.venue, theme});
			// The toolbar badge (and the popup's prefill) described the form that went away.
			if (hasEvaluated) void call('clearBadge', {});
			hasEvaluated = false;
			return;
		}
		hasEvaluated = true;
		const draft = result.draft;
		pending = {
			revision: current,
			timer: setTimeout(() => {
				if (pending?.revision === current && !signal.aborted) show({state: 'error', venue: adapter.venue, draft, theme, errorKey: 'panel_error_timeout'});
			}, REPLY_TIMEOUT_MS),
		};
		// Ask first, then mark the panel as reading: the worker computes while this thread writes the host.
		const asked = call('evaluateDraft', {revision: current, draft});
		show({state: 'reading', venue: adapter.venue, draft, theme}, READING_VISUAL_DELAY_MS);
		shown = {draft, key};
		void asked.then(reply => {
			if (signal.aborted || current !== revision) return; // stale: a newer read is in flight
			if (pending?.revision === current) {
				clearTimeout(pending.timer);
				pending = undefined;
			}
			if (!reply.ok && reply.error.name === 'disconnected') {
				if (isContextInvalidated(reply.error.message) && !options.isContextAlive()) {
					options.onContextInvalidated();
					return;
				}
				/*
				 * The worker refused the message while stopping or starting (MV3 stops it after 30 s idle). Before,
				 * "Could not establish connection" was taken for an extension reload: the script shut down for good and
				 * the tab lost its panel and gate. Forget what was sent so the next read asks again: soon at first, then
				 * at each heartbeat. Meanwhile no answer stands, so the gate lets submits through.
				 */
				sentKey = undefined;
				refusals += 1;
				if (refusals <= QUICK_RETRIES) {
					if (retry !== undefined) clearTimeout(retry);
					retry = setTimeout(() => {
						retry = undefined;
						schedule();
					}, RETRY_DELAY_MS);
					return;
				}
			} else {
				refusals = 0;
			}
			if (!reply.ok) {
				show({state: 'error', venue: adapter.venue, draft, theme, errorKey: reply.error.name === 'invalid-payload' ? 'panel_error_invalid' : 'panel_error_unknown'});
				return;
			}
			latest = {revision: current, key, result: reply.value};
			const {assessment} = reply.value;
			// The draft as last shown for this revision: the countdown may have ticked while the worker answered.
			// Compared by identity, not by key: a JSON key per answer was ≈ 0.3 ms/s of the busy page (CPU profile, session 9).
			const shownDraft = shown?.key === key && view.draft === shown.draft ? shown.draft : draft;
			const next: PanelView = {state: assessment.state === 'ready' ? 'ready' : 'needs-input', venue: adapter.venue, draft: shownDraft, assessment, theme};
			if (reply.value.reminder) next.reminder = reply.value.reminder;
			if (reply.value.market) next.market = reply.value.market;
			show(next);
		});
	};

	const refresh = () => {
		// A new revision for the same form: the reply carries the new settings' figures and reminder.
		sentKey = undefined;
		schedule();
	};

	const snoozeReminder = () => {
		// The background stores the snooze for the sender's tab (sender.tab.id); then re-evaluate without it.
		if (view.reminder) show({...view, reminder: undefined});
		void call('snoozeReminder', {}).then(reply => {
			if (!signal.aborted && reply.ok) refresh();
		});
	};

	const acknowledge = () => {
		if (!heldFor) return;
		allowance = {untilMs: win.performance.now() + ALLOWANCE_MS, ...heldFor};
		gate = {status: 'armed', untilMs: allowance.untilMs};
		show(view);
		// One timer for the one allowance: an earlier acknowledgement's must not end a later one early.
		if (allowanceTimer !== undefined) clearTimeout(allowanceTimer);
		allowanceTimer = setTimeout(() => {
			allowanceTimer = undefined;
			if (gate?.status === 'armed') {
				gate = undefined;
				allowance = undefined;
				show(view);
			}
		}, ALLOWANCE_MS);
	};

	const judge = (trigger: SubmitTrigger, target: Element): 'pass' | 'hold' => {
		if (panelFailed) return 'pass';
		const submit = adapter.submitTarget(target, doc, trigger);
		if (!submit) return 'pass';
		// Freshness: the reply must be for the form exactly as it is at the moment of the click.
		const now = adapter.read(doc);
		const isFresh =
			latest !== undefined && pending === undefined && latest.revision === revision && now.found && draftKey(now.draft) === latest.key;
		const draftSide = now.found && now.draft.side.state === 'ok' ? now.draft.side.value : 'both';
		const side: Side | 'both' = submit.side === 'draft' ? draftSide : submit.side;
		const key = now.found ? orderKey(now.draft) : '';
		const symbol = now.found && now.draft.symbol.state === 'ok' ? now.draft.symbol.value : undefined;
		const decision = decideGate({
			mode: latest?.result.gateMode,
			isFresh,
			side,
			assessment: latest?.result.assessment,
			allowance,
			orderKey: key,
			...(symbol === undefined ? {} : {symbol}),
			nowMs: win.performance.now(),
		});
		if (!isFresh) schedule();
		if (decision.action === 'hold') {
			heldFor = {side: decision.side, orderKey: key};
			gate = {status: 'held', side: decision.side, warnings: decision.warnings};
			show(view);
			return 'hold';
		}
		if (decision.reason === 'allowance') {
			allowance = undefined;
			gate = undefined;
			show(view);
		}
		return 'pass';
	};

	ensureObserved();
	/*
	 * A user's input or change event in the form is read twice. First here, at the document in the capture phase,
	 * before any handler of the page (a React root listens on its container, below the document): the request leaves
	 * while the page's own handler and its re-render run, not after them. Alternating builds, 3 × 300 edits each
	 * (session 7): input → panel p50 on the quiet demo page 4.1/4.2/4.4 → 3.9/4.1/4.0 ms, on the busy page
	 * 3.3/3.5/3.6 → 2.9/3.2/3.2 ms. Then again when the event reaches the window (below), after the page's handlers:
	 * a page that rewrites what was typed (formats it, clamps a leverage) has changed the draft, and the new key asks
	 * again — the first reply then lands on a stale revision and is dropped. An unchanged draft asks nothing.
	 */
	const onFormEvent = (event: Event) => {
		if (observedRoot && !observedRoot.isConnected) ensureObserved();
		if (!observedRoot || !(event.target instanceof Node) || !observedRoot.contains(event.target)) return;
		// A page script's own events (`dispatchEvent`, untrusted) take the per-frame path like any DOM change: a page
		// flooding them must not buy a read and a worker round trip each (SECURITY.md, page scripts).
		if (!event.isTrusted) {
			schedule();
			return;
		}
		readNow(false);
		// The second read: at the window in this task, or in the next task for an event the page stops on the way.
		scheduleSoon();
	};
	doc.addEventListener('input', onFormEvent, {capture: true, signal});
	doc.addEventListener('change', onFormEvent, {capture: true, signal});
	/*
	 * The window is the last stop of a bubbling event: by then the page's own handlers of it have run, so the second
	 * read is in this same task instead of the next one (≈ 0.3–1 ms earlier on an idle page, where the next task
	 * waits for the thread to wake). It also takes the mutation records of the page's re-render (see `read`), which
	 * would otherwise ask for a third read in the next frame.
	 */
	const onFormEventBubbled = () => {
		if (soon !== undefined) readNow(false);
	};
	win.addEventListener('input', onFormEventBubbled, {signal});
	win.addEventListener('change', onFormEventBubbled, {signal});
	schedule();

	return {
		judge,
		tick() {
			// Once a second, look the form up afresh: a page may show a new form while the old node stays attached;
			// and the anchor's place and the page's theme (content above the form may have moved it).
			ensureObserved();
			layoutDue = true;
			schedule();
		},
		refresh,
	};
}
