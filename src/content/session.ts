/**
 * One page session: from the order form appearing to navigation away (or the extension going away). It wires three
 * parts together with the panel and the gate's notice (`hold.ts`):
 * - `form-watch.ts`: when to read the form (observers, the no-form throttle, one read per user edit);
 * - `request.ts`: revisions of the form and the worker's replies (stale replies dropped, timeout, retry);
 * - `placement.ts`: where the panel sits and its theme.
 *
 *   heartbeat, form unchanged ─► read only outside the form (heartbeat-read.ts) ─► nothing shown moved? stop
 *   form changed ─► read ─► unchanged? stop
 *                        ├► only fields the shown answer did not read? show the new read with that answer, stop
 *                        └► revision+1, panel 'reading' ─► evaluateDraft ─► reply for this revision?
 *                              ├ yes: 'ready' | 'needs-input' | 'error'
 *                              └ no (older revision): dropped
 *   no reply within 300 ms ─► 'error' (the gate lets submits through)
 *   no form to read (gone, or nothing to open) ─► revision+1, 'unreadable' (replies still in flight are dropped)
 *
 * Everything started here is tied to `signal`.
 */
import type {Adapter, ReadResult, SubmitTrigger} from '../adapters/define-adapter.js';
import type {OrderDraft} from '../core/draft.js';
import type {EvaluateDraftResult} from '../messaging/protocol.js';
import {isContextInvalidated, type CallBackground} from '../messaging/send.js';
import type {PanelView, Translate} from '../ui/panel/view.js';
import {answerView} from './answer-view.js';
import {shownCountdown, withShownCountdown} from './countdown.js';
import {createFormWatch} from './form-watch.js';
import {REPLY_TIMEOUT_MS} from './gate.js';
import {createHeartbeatRead} from './heartbeat-read.js';
import {createHold} from './hold.js';
import {mountPanel, type PanelHandle} from './mount-panel.js';
import {createPlacement} from './placement.js';
import {createRequestMachine, draftKey, NO_FORM} from './request.js';
import {snapshotOfForm} from './snapshot.js';

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
/** A message the worker refused is asked again this soon (request.ts counts how many times). */
const RETRY_DELAY_MS = 100;

export function startSession(options: SessionOptions): Session {
	const {adapter, doc, win, call, t, signal} = options;
	const requests = createRequestMachine<EvaluateDraftResult>(result => result.readFields);
	let replyTimer: ReturnType<typeof setTimeout> | undefined;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let view: PanelView = {state: 'reading', venue: adapter.venue, theme: 'dark'};
	let panel: PanelHandle | undefined;
	/** mountPanel threw (a hostile or broken page): no panel, and `judge` lets every submit through. */
	let panelFailed = false;
	/** The draft `read` last put in the view, with its key: the draft as shown for the revision it asked about. */
	let shown: {draft: OrderDraft; key: string} | undefined;
	/** The worker's answer the panel shows, kept while later answers carry the same `answerKey`. */
	let shownAnswer: EvaluateDraftResult | undefined;

	const show = (next: PanelView, visualDelayMs = 0) => {
		// The notice is the session's, never one left in the previous view (a used or expired allowance).
		const {gate: _shown, ...rest} = next;
		const gate = hold.notice();
		view = gate ? {...rest, gate} : rest;
		panel?.update(view, visualDelayMs);
	};
	const hold = createHold({nowMs: () => win.performance.now(), signal, onChange: () => show(view)});
	const placement = createPlacement({
		adapter, doc, win, signal,
		panel: () => panel,
		root: () => watch.root(),
		onTheme: theme => show({...view, theme}),
	});
	const watch = createFormWatch({
		adapter, doc, win, signal,
		isOurs: node => panel !== undefined && panel.host.contains(node),
		// Our own fault (an adapter or a render that throws) must never land in the page's event dispatch: it shows as
		// LiqGuard's error, which holds nothing (the gate fails open without a fresh reply).
		onRead: (inFrame, whole) => {
			try {
				read(inFrame, whole);
			} catch {
				try {
					show({state: 'error', venue: adapter.venue, theme: placement.theme(), errorKey: 'panel_error_unknown'});
				} catch {
					// The panel itself is what failed: nothing more to show.
				}
			}
		},
		onRootChange: () => placement.markDue(),
		probe: () => panel?.host,
	});
	signal.addEventListener('abort', () => {
		clearTimeout(replyTimer);
		clearTimeout(retry);
		if (requests.hasSent()) void call('clearBadge', {});
	});

	const heartbeat = createHeartbeatRead(adapter, doc);
	const read = (inFrame: boolean, whole: boolean) => {
		// The form root is looked up again only when the one we watch left the page (and at the heartbeat): for the
		// label-walk adapters the lookup is a walk of the whole document, which `adapter.read` makes once already.
		const watched = watch.root();
		const root = watched?.isConnected ? watched : watch.ensureObserved();
		// Nothing to show until the form first appears; once the panel is up, a form that went away reads as not found.
		if (!root && !panel) return;
		if (!panel && !panelFailed) {
			try {
				// Expanded, the panel may show more of the draft than the heartbeat kept fresh (heartbeat-read.ts): read whole.
				panel = mountPanel({doc, t, onAcknowledge: hold.acknowledge, onSnoozeReminder: snoozeReminder, snapshot: () => snapshotOfForm(adapter, doc), onCollapsedChange: () => watch.schedule(), signal});
			} catch {
				// Fail open: with no panel the user can neither see a hold nor acknowledge it, so the gate never holds.
				panelFailed = true;
			}
		}
		// Style and layout reads (anchor box, computed background) belong in a frame, off the input → answer path.
		placement.afterRead(inFrame);
		// Only the heartbeat asked, and the form is as last read: what is outside it (a read that asks again reads whole).
		const beat = !whole && root && !requests.needsRead() ? heartbeat.read(root, requests.answerFields(), panel?.readFields()) : 'whole';
		if (beat === 'unchanged') return;
		// No root, no form: `read` would look the root up again (a second document walk) only to say so.
		const result: ReadResult = beat !== 'whole' ? beat : root ? adapter.read(doc) : {found: false, reason: 'no-form'};
		if (beat === 'whole') heartbeat.wholeRead(root, result);
		// "No form" (gone, or a Close tab / swap that opens nothing) is one more state of the form: it too takes a
		// new revision, so a reply or a timeout for the form as it was cannot land on it, and it renders once.
		const key = result.found ? draftKey(result.draft) : NO_FORM;
		const step = result.found ? requests.read(key, result.draft) : requests.read(key);
		if (step.action === 'unchanged') {
			// Only the countdown moved: show it with the answer already there, ask nothing.
			if (result.found && view.draft && shownCountdown(view.draft) !== shownCountdown(result.draft)) {
				show({...view, draft: result.draft});
				shown = {draft: result.draft, key};
			}
			return;
		}
		hold.formChanged(result.found ? result.draft : undefined);
		if (step.action === 'same-answer') {
			// Only fields the answer shown did not read moved (the mark under a limit order with no size yet): it stands.
			if (result.found) {
				const draft = withShownCountdown(result.draft, view.draft);
				show({...view, draft});
				shown = {draft, key};
			}
			return;
		}
		clearTimeout(replyTimer);
		if (step.action === 'unreadable' || !result.found) {
			show({state: 'unreadable', venue: adapter.venue, theme: placement.theme()});
			// The toolbar badge (and the popup's prefill) described the form that went away.
			if (step.action === 'unreadable' && step.clearBadge) void call('clearBadge', {});
			return;
		}
		const {revision} = step;
		const draft = result.draft;
		replyTimer = setTimeout(() => {
			if (requests.timeout(revision) && !signal.aborted) show({state: 'error', venue: adapter.venue, draft, theme: placement.theme(), errorKey: 'panel_error_timeout'});
		}, REPLY_TIMEOUT_MS);
		// Ask first, then mark the panel as reading: the worker computes while this thread writes the host.
		const asked = call('evaluateDraft', {revision, draft});
		show({state: 'reading', venue: adapter.venue, draft, theme: placement.theme()}, READING_VISUAL_DELAY_MS);
		shown = {draft, key};
		void asked.then(reply => {
			if (signal.aborted || revision !== requests.revision()) return; // stale: a newer read is in flight
			if (!reply.ok && reply.error.name === 'disconnected' && isContextInvalidated(reply.error.message) && !options.isContextAlive()) {
				options.onContextInvalidated();
				return;
			}
			const outcome = requests.reply(revision, reply);
			if (outcome.action === 'stale') return;
			clearTimeout(replyTimer);
			if (outcome.action === 'retry') {
				// The worker refused it while stopping or starting: soon at first, then at each heartbeat.
				clearTimeout(retry);
				retry = setTimeout(() => watch.schedule(), RETRY_DELAY_MS);
				return;
			}
			if (outcome.action === 'error') {
				show({state: 'error', venue: adapter.venue, draft, theme: placement.theme(), errorKey: outcome.errorName === 'invalid-payload' ? 'panel_error_invalid' : 'panel_error_unknown'});
				return;
			}
			// The draft as last shown for this revision: the countdown may have ticked while the worker answered.
			// Compared by identity, not by key: a JSON key per answer was ≈ 0.3 ms/s of a busy page (CPU profile).
			const shownDraft = shown?.key === key && view.draft === shown.draft ? shown.draft : draft;
			const next = answerView(outcome.result, shownAnswer, {venue: adapter.venue, draft: shownDraft, theme: placement.theme()});
			shownAnswer = next.answer;
			show(next.view);
		});
	};

	const refresh = () => {
		// A new revision for the same form: the reply carries the new settings' figures and reminder.
		requests.refresh();
		watch.schedule();
	};

	const snoozeReminder = () => {
		// The background stores the snooze for the sender's tab (sender.tab.id); its `refresh` push then re-evaluates
		// this tab without the reminder (the one path by which settings and snoozes reach a panel).
		if (view.reminder) show({...view, reminder: undefined});
		void call('snoozeReminder', {});
	};
	const judge = (trigger: SubmitTrigger, target: Element): 'pass' | 'hold' => {
		if (panelFailed) return 'pass';
		const submit = adapter.submitTarget(target, doc, trigger);
		if (!submit) return 'pass';
		// The reply for the form exactly as it is at the moment of the click, else the latest one for the same order
		// while the market ticked since (`standingFor`); with neither, the submit goes through unchecked.
		const now = adapter.read(doc);
		const fresh = now.found ? requests.freshFor(draftKey(now.draft)) : undefined;
		if (!fresh) watch.schedule();
		return hold.judge(now.found ? now.draft : undefined, submit.side, fresh ?? (now.found ? requests.standingFor(now.draft) : undefined));
	};

	watch.ensureObserved();
	watch.schedule();

	return {
		judge,
		tick() {
			// Once a second, look the form up afresh: a page may show a new form while the old node stays attached;
			// and the anchor's place and the page's theme (content above the form may have moved it).
			watch.ensureObserved();
			placement.heartbeat();
			watch.schedule('heartbeat');
		},
		refresh,
	};
}
