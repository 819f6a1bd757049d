/**
 * What the 1 s heartbeat reads. Changes inside the form reach the session without it: the form watch reads the whole
 * form at each mutation of its subtree and at each edit (form-watch.ts). What changes with no mutation there is what
 * the heartbeat is for:
 * - the fields an adapter takes from outside the form (`readOutside`: the mark, funding, a ticker's symbol), which
 *   tick on every venue;
 * - a control's `value` set by a page script (a "25 %" button), which is no mutation;
 * - anything else a mutation does not show (a style from outside the form): a whole read every WHOLE_READ_BEATS.
 *
 * So while the form's root and control values are as at the last read, the heartbeat reads only `readOutside` and
 * patches the last read with it. A property test over every fixture checks that this equals a whole read
 * (test/unit/adapters/read-outside.test.ts). It reads only the fields the answer shown or the panel read, and the
 * patched read goes on like any read, with every field outside the form read, only when one of them moved: the mark
 * under a limit order still missing its size moves nothing shown.
 */
import type {Adapter, ReadResult} from '../adapters/define-adapter.js';
import {DRAFT_FIELDS, sameOnFields, type OrderDraft} from '../core/draft.js';
import {withShownCountdown} from './countdown.js';
import {controlValue} from './form-watch.js';

/** Heartbeats between whole reads of an unchanged form. */
export const WHOLE_READ_BEATS = 10;

const CONTROL_TAGS = ['input', 'select', 'textarea'] as const;

/** The value (and checked state) of every control in `root`: a page script can set them with no mutation. */
export function controlValues(root: Element): string {
	let text = '';
	for (const tag of CONTROL_TAGS) {
		const controls = root.getElementsByTagName(tag);
		for (let index = 0; index < controls.length; index++) text += `${controlValue(controls[index]!)}\u0001`;
	}
	return text;
}

export type HeartbeatRead = {
	/** The session read the whole form (`result`) of `root`; later heartbeats patch it. */
	wholeRead(root: Element | undefined, result: ReadResult): void;
	/**
	 * The heartbeat's read of `root`: 'whole' (read the whole form), 'unchanged' (nothing shown can have moved), or the
	 * last read patched with `readOutside`. `answered` and `rendered`: the draft fields the answer shown and the panel
	 * read; when either is not known, every field counts.
	 */
	read(root: Element, answered: readonly string[] | undefined, rendered: readonly string[] | undefined): 'whole' | 'unchanged' | {found: true; draft: OrderDraft};
};

export function createHeartbeatRead(adapter: Pick<Adapter, 'readOutside'>, doc: Document): HeartbeatRead {
	let last: {root: Element; draft: OrderDraft; controls: string} | undefined;
	let beats = 0;
	return {
		wholeRead(root, result) {
			beats = 0;
			last = root && result.found ? {root, draft: result.draft, controls: controlValues(root)} : undefined;
		},
		read(root, answered, rendered) {
			beats += 1;
			if (!last || last.root !== root || beats >= WHOLE_READ_BEATS || controlValues(root) !== last.controls) return 'whole';
			const relevant = answered && rendered ? new Set([...answered, ...rendered]) : undefined;
			// Only the fields something shown read: a tick of the others (the mark under a limit order with no size yet)
			// is not even parsed.
			const outside = adapter.readOutside(doc, root, relevant);
			if (!outside) return 'whole';
			const before = last.draft;
			// The countdown as the panel shows it: a new second within the same minute moves nothing shown.
			const shown = withShownCountdown({...before, ...outside}, before);
			if (sameOnFields(shown, before, Object.keys(outside).filter(field => relevant === undefined || relevant.has(field)))) return 'unchanged';
			// Going on, the read is asked about and shown as the form as it is (the worker keeps it for the popup's
			// prefill): every field outside the form fresh, not only those that moved.
			const rest = relevant ? adapter.readOutside(doc, root, new Set(DRAFT_FIELDS.filter(field => !relevant.has(field)))) : {};
			if (!rest) return 'whole';
			last = {...last, draft: {...before, ...rest, ...outside}};
			return {found: true, draft: last.draft};
		},
	};
}
