/**
 * The one shape every site adapter is declared through. An adapter is data (match patterns, selector
 * alternatives) plus pure functions over a DOM subtree. It never writes to the page, never awaits, never throws.
 */
import type {OrderDraft} from '../core/draft.js';
import type {Side, VenueId} from '../core/types.js';

export type ReadResult = {found: true; draft: OrderDraft} | {found: false; reason: 'no-form'};

/** What a submit control does, as far as the gate is concerned. */
export type SubmitTarget = {
	/** The side this control opens; 'draft' when the control's side is the form's selected side ("Place Order"). */
	side: Side | 'draft';
	/** The control itself (button, or the form for Enter/submit). */
	control: Element;
};

export type Adapter = {
	/** Kebab-case, equal to the file name. */
	readonly id: string;
	/** Human label, e.g. "Binance USDⓈ-M futures". */
	readonly label: string;
	/** Default venue model for the math. */
	readonly venue: VenueId;
	/**
	 * Manifest match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
	 * The build generates content_scripts and host_permissions from these.
	 */
	readonly matches: readonly string[];
	/** Every selector the adapter uses, as alternatives in order of preference; each commented in the source. */
	readonly selectors: Readonly<Record<string, readonly string[]>>;
	/** The order form's root, the subtree to observe; undefined while it is not on screen. */
	formRoot(doc: Document): Element | undefined;
	/** Pure read of the order form. Never writes, never throws. */
	read(doc: Document): ReadResult;
	/** If `target` is (inside) a submit control of this form, which side it opens. */
	submitTarget(target: Element, doc: Document): SubmitTarget | undefined;
	/** Element the panel host is inserted after; undefined = floating panel. */
	mountAfter(doc: Document): Element | undefined;
};

export function defineAdapter(adapter: Adapter): Adapter {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(adapter.id)) throw new Error(`adapter id "${adapter.id}" is not kebab-case`);
	if (adapter.matches.length === 0) throw new Error(`adapter ${adapter.id} has no match patterns`);
	return Object.freeze(adapter);
}

/** First element matching any of the alternatives, in order of preference. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | undefined {
	for (const selector of alternatives) {
		const found = root.querySelector(selector);
		if (found) return found;
	}
	return undefined;
}
