/**
 * What a site adapter reads from an order form. Every field carries its own read state, so the panel can show
 * "unread" per field instead of a guess.
 */
import type {DecimalString} from './decimal.js';
import type {MarginMode, Side, VenueId} from './types.js';

/**
 * - `ok`: read and parsed; `text` is what the page showed.
 * - `empty`: the control is there but blank or a placeholder ("--", "0.00" placeholder); for optional fields
 *   (stop-loss, take-profit) this means "not set".
 * - `unread`: not found, or found with text we will not guess at (garbage, ambiguous locale).
 */
export type FieldRead<T> =
	| {state: 'ok'; value: T; text?: string}
	| {state: 'empty'; text?: string}
	| {state: 'unread'; reason: 'not-found' | 'unparseable' | 'ambiguous'; text?: string};

/**
 * base: BTC; quote: USDT notional; contracts: × contractValue; margin: the collateral put in (Aster Simple "Amount",
 * GMX "Pay"), so quantity = margin × leverage / price. The one list: the background's payload check reads it too.
 */
export const SIZE_UNITS = ['base', 'quote', 'contracts', 'margin'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

export type OrderDraft = {
	/** Adapter id (a venue id, 'demo' or 'generic'). */
	adapter: string;
	/** Venue model used for the math. */
	venue: VenueId;
	symbol: FieldRead<string>;
	/** 'both': the form offers Buy/Long and Sell/Short at once and the user has not picked one yet. */
	side: FieldRead<Side | 'both'>;
	orderType: FieldRead<'limit' | 'market'>;
	/** Limit price typed by the user. */
	price: FieldRead<DecimalString>;
	/** Mark (or last) price shown on the page; the entry price of a market order. */
	markPrice: FieldRead<DecimalString>;
	size: FieldRead<{value: DecimalString; unit: SizeUnit}>;
	/** Base units per contract, when the size is in contracts (from the page or bundled instrument data). */
	contractValue?: DecimalString;
	leverage: FieldRead<DecimalString>;
	marginMode: FieldRead<MarginMode>;
	/** Available balance in the settlement currency. */
	balance: FieldRead<DecimalString>;
	stopLoss: FieldRead<DecimalString>;
	takeProfit: FieldRead<DecimalString>;
	venueLiquidationPrice: FieldRead<DecimalString>;
	/** Funding rate per interval as a fraction (the page shows percent; adapters divide by 100). */
	fundingRate: FieldRead<DecimalString>;
	/** Seconds until the next funding. */
	fundingCountdownSeconds: FieldRead<DecimalString>;
	/**
	 * The margin the venue itself shows for this order ("Cost", "Margin", "Margin Required"), in the settlement
	 * currency. Optional: read only where the form shows one; used to catch our own misreads (core/misread.ts).
	 */
	venueMargin?: FieldRead<DecimalString>;
	/** The order value the venue shows ("Value", "Order Value"), price × size in the settlement currency. Optional, as above. */
	venueOrderValue?: FieldRead<DecimalString>;
};

export const DRAFT_FIELDS = [
	'symbol',
	'side',
	'orderType',
	'price',
	'markPrice',
	'size',
	'leverage',
	'marginMode',
	'balance',
	'stopLoss',
	'takeProfit',
	'venueLiquidationPrice',
	'fundingRate',
	'fundingCountdownSeconds',
] as const satisfies readonly (keyof OrderDraft)[];
export type DraftField = (typeof DRAFT_FIELDS)[number];

export function unread(
	reason: 'not-found' | 'unparseable' | 'ambiguous' = 'not-found',
	text?: string,
): {state: 'unread'; reason: 'not-found' | 'unparseable' | 'ambiguous'; text?: string} {
	return text === undefined ? {state: 'unread', reason} : {state: 'unread', reason, text};
}

/**
 * The draft as a view that records which of its fields are read: what an answer computed from `draft` depends on.
 * Every way to reach a field's value passes a trap here (`get`, `in`, and enumeration for a spread, `Object.keys` or
 * `JSON.stringify`, which records every field), so a field missing from `fields()` had no way to shape the answer:
 * a draft that differs only in such fields gets the same answer. The content script relies on that to skip asking
 * again when only the mark moved under a limit order (content/request.ts).
 */
export function trackFieldReads(draft: OrderDraft): {draft: OrderDraft; fields(): readonly string[]} {
	const read = new Set<string>();
	const recordAll = () => {
		for (const key of Object.keys(draft)) read.add(key);
	};
	const tracked = new Proxy(draft, {
		get(target, key, receiver) {
			if (typeof key === 'string') read.add(key);
			return Reflect.get(target, key, receiver) as unknown;
		},
		has(target, key) {
			if (typeof key === 'string') read.add(key);
			return Reflect.has(target, key);
		},
		getOwnPropertyDescriptor(target, key) {
			if (typeof key === 'string') read.add(key);
			return Reflect.getOwnPropertyDescriptor(target, key);
		},
		ownKeys(target) {
			recordAll();
			return Reflect.ownKeys(target);
		},
		// Read-only: the answer is computed from the draft, never into it.
		set: () => false,
		defineProperty: () => false,
		deleteProperty: () => false,
	});
	// The list is built again only when a field was added: the panel asks for it at every update.
	let listed: string[] = [];
	const fields = () => {
		if (listed.length !== read.size) listed = [...read].sort();
		return listed;
	};
	return {draft: tracked, fields};
}

/**
 * Whether two drafts are equal on `fields`: what is computed from those fields only (an answer, the panel) is the same
 * for both. Compared as the JSON values they are, without building JSON text: this runs at every read of the form.
 */
export function sameOnFields(a: OrderDraft, b: OrderDraft, fields: readonly string[]): boolean {
	const left = a as unknown as Record<string, unknown>;
	const right = b as unknown as Record<string, unknown>;
	for (const field of fields) if (!sameJson(left[field], right[field])) return false;
	return true;
}

/** Equal as JSON: `undefined` members count as absent. No allocation: it runs on every field at every read. */
function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	let members = 0;
	for (const key in left) {
		const value = left[key];
		if (value === undefined) continue;
		members += 1;
		if (!sameJson(value, right[key])) return false;
	}
	for (const key in right) if (right[key] !== undefined) members -= 1;
	return members === 0;
}
