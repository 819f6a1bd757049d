/**
 * The gate's side of a page session: the notice it shows (held, or armed by "I understand") and the one-shot
 * allowance, around the pure decision of gate.ts. No DOM; the clock and the timer come from the session.
 */
import type {OrderDraft} from '../core/draft.js';
import type {Side} from '../core/types.js';
import type {EvaluateDraftResult} from '../messaging/protocol.js';
import type {GateNotice} from '../ui/panel/view.js';
import {ALLOWANCE_MS, type Allowance, allowanceCovers, decideGate, orderKey} from './gate.js';

export type HoldOptions = {
	nowMs(): number;
	signal: AbortSignal;
	/** The notice changed: render it. */
	onChange(): void;
};

export type Hold = {
	/** The notice the panel shows, if any. */
	notice(): GateNotice | undefined;
	/**
	 * The form changed to `draft` (undefined: no form). A held notice and an allowance end with a change of their order
	 * (`orderKey`): a tick of the market (the mark, the balance) leaves them, else on a live page the notice and its
	 * "I understand" would go within a second of the hold.
	 */
	formChanged(draft: OrderDraft | undefined): void;
	/** "I understand" on the held notice. */
	acknowledge(): void;
	/**
	 * A user's submit with the form as `draft` (undefined: unreadable) and the reply that answers exactly that form,
	 * if any; `controlSide` is the side of the control used ('draft' for a form's single submit).
	 */
	judge(draft: OrderDraft | undefined, controlSide: Side | 'draft', fresh: EvaluateDraftResult | undefined): 'pass' | 'hold';
};

export function createHold({nowMs, signal, onChange}: HoldOptions): Hold {
	let notice: GateNotice | undefined;
	let allowance: Allowance | undefined;
	/** The side and order of the last hold: what "I understand" allows. */
	let heldFor: {side: Side | 'both'; orderKey: string} | undefined;
	let allowanceTimer: ReturnType<typeof setTimeout> | undefined;
	signal.addEventListener('abort', () => {
		if (allowanceTimer !== undefined) clearTimeout(allowanceTimer);
	});
	return {
		notice: () => notice,
		formChanged(draft) {
			if (notice?.status === 'held' && !(draft && heldFor && orderKey(draft) === heldFor.orderKey)) notice = undefined;
			if (allowance && !(draft && orderKey(draft) === allowance.orderKey)) {
				allowance = undefined;
				if (notice?.status === 'armed') notice = undefined;
			}
		},
		acknowledge() {
			if (!heldFor) return;
			allowance = {untilMs: nowMs() + ALLOWANCE_MS, ...heldFor};
			notice = {status: 'armed', untilMs: allowance.untilMs};
			onChange();
			// One timer for the one allowance: an earlier acknowledgement's must not end a later one early.
			if (allowanceTimer !== undefined) clearTimeout(allowanceTimer);
			allowanceTimer = setTimeout(() => {
				allowanceTimer = undefined;
				if (notice?.status === 'armed') {
					notice = undefined;
					allowance = undefined;
					onChange();
				}
			}, ALLOWANCE_MS);
		},
		judge(draft, controlSide, fresh) {
			const draftSide = draft && draft.side.state === 'ok' ? draft.side.value : 'both';
			const side: Side | 'both' = controlSide === 'draft' ? draftSide : controlSide;
			const key = draft ? orderKey(draft) : '';
			const symbol = draft && draft.symbol.state === 'ok' ? draft.symbol.value : undefined;
			const decision = decideGate({
				mode: fresh?.gateMode,
				isFresh: fresh !== undefined,
				side,
				assessment: fresh?.assessment,
				allowance,
				orderKey: key,
				...(symbol === undefined ? {} : {symbol}),
				nowMs: nowMs(),
			});
			if (decision.action === 'hold') {
				heldFor = {side: decision.side, orderKey: key};
				notice = {status: 'held', side: decision.side, warnings: decision.warnings};
				onChange();
				return 'hold';
			}
			// The allowance is for the user's next own submit of that order, whatever let it through: a submit that
			// passed unchecked (a reply still pending) or with no danger uses it up too, so it cannot wave a second
			// identical order through later.
			if (decision.reason === 'allowance' || allowanceCovers(allowance, side, key, nowMs())) {
				allowance = undefined;
				notice = undefined;
				onChange();
			} else if (notice?.status === 'held') {
				// A submit this order now passes (the danger went, or no answer stands): the notice no longer holds it.
				notice = undefined;
				onChange();
			}
			return 'pass';
		},
	};
}
