/**
 * Shared, pure DOM-reading helpers for the adapters: find a control by selector alternatives or by its visible
 * label, turn its text into a `FieldRead`, and build a draft that never throws.
 *
 * Nothing here writes to the page. Inputs are read through `.value` only: an input's `placeholder` is a hint,
 * never a value (placeholders "0.00" in https://github.com/gmx-io/gmx-interface at its 2026-08-20 HEAD and in Lighter's
 * form per https://github.com/Yat3s/arbflow-ext src/lib/config.ts; OKX's "Single contract value 0.01 BTC" in
 * https://github.com/mop824/okx-hotkey@ba4e1c7 dom-dumps; checked 2026-11-21).
 */
import type {DecimalString} from '../core/decimal.js';
import {DRAFT_FIELDS, type FieldRead, type OrderDraft, type SizeUnit} from '../core/draft.js';
import type {MarginMode, Side, VenueId} from '../core/types.js';
import type {ReadResult, SubmitTarget, SubmitTrigger} from './define-adapter.js';
import {BIDI_CONTROL, normalizeText, parseCountdown, parseLeverageText, parseNumber, percentToRate, type ParseNumberOptions} from './parse-number.js';

export type Root = Document | Element;

/** Visible text of an element, whitespace collapsed, invisible characters dropped. */
export function textOf(element: Element | null | undefined): string {
	return element ? normalizeText(element.textContent ?? '') : '';
}

/** Hidden by the `hidden` attribute, `aria-hidden`, or an inline display:none / visibility:hidden. */
export function isHidden(element: Element): boolean {
	for (let node: Element | null = element; node; node = node.parentElement) {
		if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
		const style = node.getAttribute('style') ?? '';
		if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
	}
	return false;
}

export function queryAll(root: Root, alternatives: readonly string[]): Element[] {
	const seen = new Set<Element>();
	for (const selector of alternatives) for (const element of root.querySelectorAll(selector)) seen.add(element);
	return [...seen];
}

/** First visible element matching any alternative, in order of preference. */
export function queryVisible(root: Root, alternatives: readonly string[]): Element | undefined {
	for (const selector of alternatives) {
		for (const element of root.querySelectorAll(selector)) if (!isHidden(element)) return element;
	}
	return undefined;
}

/**
 * The value the user typed, or undefined when the element is not a text control. An input the page styles with
 * `unicode-bidi: bidi-override` (or `isolate-override`) shows its characters in an order its value does not have
 * ("00006" shown as 60000 with `direction: rtl`): the value comes back marked with U+202E so every reader refuses it,
 * and the field is unread with the value as its text. https://drafts.csswg.org/css-writing-modes-3/#unicode-bidi
 */
export function valueOf(element: Element | undefined): string | undefined {
	if (!element) return undefined;
	const tag = element.tagName.toLowerCase();
	if (tag !== 'input' && tag !== 'textarea') return undefined;
	const value = (element as HTMLInputElement).value ?? '';
	return isBidiOverridden(element) ? `\u202E${value}` : value;
}

function isBidiOverridden(element: Element): boolean {
	try {
		const bidi = element.ownerDocument.defaultView?.getComputedStyle(element).unicodeBidi ?? '';
		return bidi.endsWith('override');
	} catch {
		return false;
	}
}

/**
 * Controls that can hold a field's typed number. Sliders (`type=range`) are excluded: their value is a position
 * (Hyperliquid's size slider is a percent of max), and the fuzz read it as the size once the text input was gone.
 */
const FIELD_CONTROL =
	'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="range"]):not([type="button"]):not([type="submit"]), textarea';

type Candidate = {element: Element; text: string};

/**
 * Walks shared by the lookups of one read. Label candidates of `root`: a read looks up several labels in the same
 * subtree (Mark, Funding and Countdown in the whole document, every other field label in each container of a label
 * walk), and each lookup used to walk all of it again. `<label for>` elements of the document: every control with
 * an id in every label lookup used to walk the whole document for them. Set by `safeRead` for the duration of one
 * read, so the page never changes under it.
 */
let thisRead: {candidates: Map<Root, readonly Candidate[]>; forLabels: Map<Document, ReadonlyMap<string, readonly Element[]>>} | undefined;

/** Elements with at most three children and at most 60 characters of text: what a label chip can be. */
function labelCandidates(root: Root, scope: string): readonly Candidate[] {
	const cached = scope === '*' ? thisRead?.candidates.get(root) : undefined;
	if (cached) return cached;
	const candidates: Candidate[] = [];
	for (const element of root.querySelectorAll(scope)) {
		if (element.children.length > 3) continue;
		const text = textOf(element);
		if (text.length <= 60) candidates.push({element, text});
	}
	if (scope === '*') thisRead?.candidates.set(root, candidates);
	return candidates;
}

/** The document's `<label for>` elements by the id they name. */
function labelsFor(doc: Document): ReadonlyMap<string, readonly Element[]> {
	const cached = thisRead?.forLabels.get(doc);
	if (cached) return cached;
	const byId = new Map<string, Element[]>();
	for (const label of doc.querySelectorAll('label[for]')) {
		const id = label.getAttribute('for') ?? '';
		byId.set(id, [...(byId.get(id) ?? []), label]);
	}
	thisRead?.forLabels.set(doc, byId);
	return byId;
}

/** Elements whose whole visible text matches `label` (the label chips of a form). Innermost first. */
export function elementsWithText(root: Root, label: RegExp, scope = '*'): Element[] {
	const found: Element[] = [];
	for (const {element, text} of labelCandidates(root, scope)) {
		// The text test first: `isHidden` walks every ancestor.
		if (!label.test(text) || isHidden(element)) continue;
		// Prefer the innermost element carrying the text.
		if ([...element.children].some(child => label.test(textOf(child)))) continue;
		found.push(element);
	}
	return found;
}

/**
 * The text control labelled `label`: `<label for>`, aria-label/aria-labelledby, or a label chip that shares a
 * small container with exactly one text control (walking up at most `depth` ancestors).
 *
 * `otherLabels` are the form's other field labels. The walk stops at a container that also holds one of them: a
 * lone control there belongs to that other field (ours is missing), and taking it would read the neighbour's number
 * as ours (fuzz: Bybit price ← qty input, Aster Simple leverage ← collateral input). Unread beats a wrong number.
 */
export function controlByLabel(root: Root, label: RegExp, depth = 3, otherLabels: readonly RegExp[] = []): Element | undefined {
	let forLabels: ReadonlyMap<string, readonly Element[]> | undefined;
	for (const control of root.querySelectorAll(FIELD_CONTROL)) {
		if (isHidden(control)) continue;
		const aria = control.getAttribute('aria-label');
		if (aria && label.test(normalizeText(aria))) return control;
		const labelledBy = control.getAttribute('aria-labelledby');
		const doc = control.ownerDocument;
		if (labelledBy) {
			const text = labelledBy
				.split(/\s+/)
				.map(id => textOf(doc.getElementById(id)))
				.join(' ');
			if (label.test(text)) return control;
		}
		const id = control.getAttribute('id');
		if (id) {
			forLabels ??= labelsFor(doc);
			if (forLabels.get(id)?.some(forLabel => label.test(textOf(forLabel)))) return control;
		}
	}
	for (const chip of elementsWithText(root, label)) {
		if (chip.querySelector(FIELD_CONTROL)) {
			const inner = [...chip.querySelectorAll(FIELD_CONTROL)].filter(control => !isHidden(control));
			if (inner.length === 1) return inner[0];
		}
		let container: Element | null = chip.parentElement;
		for (let level = 0; container && level < depth; level++, container = container.parentElement) {
			const controls = [...container.querySelectorAll(FIELD_CONTROL)].filter(control => !isHidden(control));
			if (controls.length > 1) break;
			if (holdsOtherLabel(container, chip, otherLabels)) break;
			if (controls.length === 1) {
				if (hasOwnLabel(container, chip, controls[0]!)) break;
				return controls[0];
			}
		}
	}
	return undefined;
}

/**
 * Whether the control sits in another branch of `container` than the chip, next to a label of its own: a leaf text
 * with a lower-case word ("Leverage", "Hebel", "Leverage (max)") rather than a unit ("USDT", "BTC", "x", "%") or a
 * button.
 * The vocabulary cannot list every other label (other locales, renamed rows): without this, a missing input let the
 * walk take the neighbouring row's input when that row's label was one we do not know (fuzz, Aster Simple:
 * collateral ← leverage input after the Leverage label read "Leverage12abc").
 */
function hasOwnLabel(container: Element, chip: Element, control: Element): boolean {
	const branch = [...container.children].find(child => child.contains(control));
	if (!branch || branch.contains(chip)) return false;
	for (const element of [branch, ...branch.querySelectorAll('*')]) {
		if (element.children.length > 0 || isHidden(element)) continue;
		// Buttons beside an input ("Last", "Max", "BBO") are affordances of that input, not another field's label.
		if (element.closest('button, [role="button"], a') !== null) continue;
		if (/\p{Ll}{2,}/u.test(textOf(element))) return true;
	}
	return false;
}

function holdsOtherLabel(container: Element, chip: Element, otherLabels: readonly RegExp[]): boolean {
	return otherLabels.some(other =>
		elementsWithText(container, other).some(element => element !== chip && !element.contains(chip) && !chip.contains(element)),
	);
}

/**
 * The label chip each document-wide `rowValue` took its value from at the last read that looked, by label, or null
 * when no row had one. The heartbeat's outside read (`safeReadOutside`) takes the value beside the same chip while it
 * is still on the page, still reads as that label and is shown, and takes a missing row as still missing: finding
 * them again is a walk of every element of the exchange page (12–20 ms on a 10,600-element page, read-cost.test.ts)
 * at every heartbeat. A whole read walks again and renews them; every change in the form is one, and the heartbeat
 * makes one at least every 10 beats (content/heartbeat-read.ts).
 */
const rowChips = new WeakMap<Document, Map<string, Element | null>>();
/** Set by `safeReadOutside` while it runs: `rowValue` may take a remembered chip. */
let isOutsideRead = false;

function valueBeside(chip: Element): string | undefined {
	const sibling = chip.nextElementSibling;
	if (sibling && textOf(sibling)) return textOf(sibling);
	const row = chip.parentElement;
	if (!row) return undefined;
	const rest = textOf(row).slice(textOf(chip).length).trim();
	return rest && textOf(row).startsWith(textOf(chip)) ? rest : undefined;
}

/**
 * The value shown next to a label in a read-only row ("Liq. Price  61,234.5 USDT"): the label's next sibling,
 * or else the row's text with the label removed.
 */
export function rowValue(root: Root, label: RegExp): string | undefined {
	let chips: Map<string, Element | null> | undefined;
	if (root.nodeType === 9) {
		chips = rowChips.get(root as Document);
		if (!chips) rowChips.set(root as Document, (chips = new Map()));
	}
	const key = String(label);
	const remembered = isOutsideRead ? chips?.get(key) : undefined;
	if (remembered === null) return undefined;
	if (remembered?.isConnected && label.test(textOf(remembered)) && !isHidden(remembered)) {
		const value = valueBeside(remembered);
		if (value !== undefined) return value;
	}
	for (const chip of elementsWithText(root, label)) {
		const value = valueBeside(chip);
		if (value === undefined) continue;
		chips?.set(key, chip);
		return value;
	}
	chips?.set(key, null);
	return undefined;
}

// ---- FieldRead builders ----

/**
 * A field's text as kept in the draft: normalised, without bidi controls (they would reorder the text wherever it
 * is shown). Readers are given the raw text, in which those controls make the field unread.
 */
function shownText(text: string): string {
	return normalizeText(text).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

export function notFound<T>(): FieldRead<T> {
	return {state: 'unread', reason: 'not-found'};
}

export function ok<T>(value: T, text?: string): FieldRead<T> {
	return text === undefined ? {state: 'ok', value} : {state: 'ok', value, text};
}

/** A number from page text. `undefined` text = the element was not found. */
export function numberField(text: string | undefined, options: ParseNumberOptions = {}): FieldRead<DecimalString> {
	if (text === undefined) return notFound();
	const parsed = parseNumber(text, options);
	const shown = shownText(text);
	switch (parsed.kind) {
		case 'number':
			return ok(parsed.value, shown);
		case 'empty':
			return shown ? {state: 'empty', text: shown} : {state: 'empty'};
		case 'ambiguous':
			return {state: 'unread', reason: 'ambiguous', text: shown};
		default:
			return {state: 'unread', reason: 'unparseable', text: shown};
	}
}

/** The quote currencies a size or a balance is read in where the venue names no others. */
export const QUOTE_CURRENCIES: readonly string[] = ['USDT', 'USDC', 'USD', '$'];

/**
 * The available balance. It backs a position quoted in dollars, so it is read in a quote currency only: "Available
 * 0.5 BTC" (OKX's coin-margined swaps share its /trade-swap/ pages) is not $0.5, it is unread.
 */
export function balanceField(text: string | undefined, quoteCurrencies: readonly string[] = QUOTE_CURRENCIES, options: ParseNumberOptions = {}): FieldRead<DecimalString> {
	return numberField(text, {...options, units: quoteCurrencies});
}

/** A number from an input's value (never its placeholder). */
export function inputNumber(control: Element | undefined, options: ParseNumberOptions = {}): FieldRead<DecimalString> {
	return numberField(valueOf(control), options);
}

/**
 * A percent figure ("0.0100%") as a fraction ("0.0001"). A bare number is not read: "0.0001" may already be the
 * fraction, and a Funding/Countdown cell split on "/" left "1" of "1 / 2" (Bybit, Hyperliquid) to be read as 1 %.
 */
export function rateField(text: string | undefined, options: ParseNumberOptions = {}): FieldRead<DecimalString> {
	const field = numberField(text, options);
	if (field.state !== 'ok') return field;
	return /%$/.test(field.text ?? '') ? ok(percentToRate(field.value), field.text) : {state: 'unread', reason: 'ambiguous', text: field.text ?? ''};
}

/**
 * The combined "Funding / Countdown" cell ("0.0100% / 07:59:58", Binance and OKX). Read only when it really is that
 * pair: two parts, the rate written as a percent, a countdown that parses. Anything else (e.g. "1/2" after a
 * re-render glitch) leaves both unread: splitting on "/" blindly read "1/2" as a 1 % rate (adapter fuzz).
 */
export function fundingPairFields(text: string | undefined): {fundingRate: FieldRead<DecimalString>; fundingCountdownSeconds: FieldRead<DecimalString>} {
	if (text === undefined) return {fundingRate: notFound(), fundingCountdownSeconds: notFound()};
	const shown = shownText(text);
	const parts = shown.split(/\s*\/\s*/);
	const [rateText = '', countdownText = ''] = parts;
	const countdown = countdownField(countdownText);
	const rate = rateField(rateText);
	const placeholder = /^[-\u2013\u2014\s]*$/;
	if (parts.length === 2 && placeholder.test(rateText) && countdown.state !== 'unread' && !BIDI_CONTROL.test(text)) return {fundingRate: rate, fundingCountdownSeconds: countdown};
	if (parts.length !== 2 || !/%$/.test(rateText) || countdown.state === 'unread' || BIDI_CONTROL.test(text)) {
		const broken = {state: 'unread', reason: 'unparseable', text: shown} as const;
		return {fundingRate: broken, fundingCountdownSeconds: broken};
	}
	return {fundingRate: rate, fundingCountdownSeconds: countdown};
}

export function countdownField(text: string | undefined): FieldRead<DecimalString> {
	if (text === undefined) return notFound();
	const shown = shownText(text);
	if (/^[-\u2013\u2014:\s]*$/.test(shown)) return shown ? {state: 'empty', text: shown} : {state: 'empty'};
	const seconds = BIDI_CONTROL.test(text) ? undefined : parseCountdown(shown);
	return seconds === undefined ? {state: 'unread', reason: 'unparseable', text: shown} : ok(seconds, shown);
}

/**
 * Leverage from "20x", "10.00x", "5×" or OKX's per-side "5x5x". A pair is resolved by the known side; with
 * side 'both' it is read only when both sides agree, else it is `ambiguous` (we will not pick one).
 */
export function leverageField(text: string | undefined, side?: FieldRead<Side | 'both'>): FieldRead<DecimalString> {
	if (text === undefined) return notFound();
	const shown = shownText(text);
	const parsed = parseLeverageText(text);
	if (parsed.kind === 'single') return ok(parsed.value, shown);
	if (parsed.kind === 'empty') return shown ? {state: 'empty', text: shown} : {state: 'empty'};
	if (parsed.kind === 'invalid') return {state: 'unread', reason: 'unparseable', text: shown};
	const knownSide = side?.state === 'ok' ? side.value : 'both';
	if (knownSide === 'long') return ok(parsed.long, shown);
	if (knownSide === 'short') return ok(parsed.short, shown);
	return parsed.long === parsed.short ? ok(parsed.long, shown) : {state: 'unread', reason: 'ambiguous', text: shown};
}

export function marginModeField(text: string | undefined): FieldRead<MarginMode> {
	if (text === undefined) return notFound();
	const shown = normalizeText(text);
	// 全倉: Bybit's Traditional Chinese help centre (https://bybit-tr.com/zh-TW/help-center/article/How-to-Trade-USDC-Perpetual-Contract).
	const isCross = /\bcross\b|全仓|全倉/i.test(shown);
	const isIsolated = /\bisolated\b|逐仓/i.test(shown);
	if (isCross === isIsolated) return {state: 'unread', reason: isCross ? 'ambiguous' : 'unparseable', text: shown};
	return ok(isCross ? 'cross' : 'isolated', shown);
}

/** "Buy / Long", "Long", "Open Short", "Sell | Short" → the side; text naming both or neither → undefined. */
export function sideFromText(text: string): Side | undefined {
	// 買入/做多, 賣出/做空: Bybit's Traditional Chinese buttons (its zh-TW help centre, How-to-Trade-USDC-Perpetual-Contract).
	const isLong = /\b(?:buy|long)\b|开多|买入|買入|做多/i.test(text);
	const isShort = /\b(?:sell|short)\b|开空|卖出|賣出|做空/i.test(text);
	return isLong === isShort ? undefined : isLong ? 'long' : 'short';
}

export function sizeField(value: FieldRead<DecimalString>, unit: SizeUnit | undefined): FieldRead<{value: DecimalString; unit: SizeUnit}> {
	if (value.state !== 'ok') return value;
	if (!unit) return {state: 'unread', reason: 'ambiguous', ...(value.text === undefined ? {} : {text: value.text})};
	return ok({value: value.value, unit}, value.text);
}

/**
 * Size unit from the unit chip's text: the quote currency, the base asset, or contracts. A dollar or euro code
 * that is not one of `quoteCurrencies` ("FDUSD", "USDE", "EURC") is no base asset: unknown, not a size in coins.
 */
export function sizeUnitFromText(text: string, quoteCurrencies: readonly string[] = QUOTE_CURRENCIES): SizeUnit | undefined {
	const shown = normalizeText(text);
	if (!shown) return undefined;
	if (/contract|张|cont\b/i.test(shown)) return 'contracts';
	if (quoteCurrencies.some(quote => shown === quote || shown.endsWith(` ${quote}`) || shown.includes(`(${quote})`))) return 'quote';
	const code = /^([A-Z0-9]{2,12})$|\(([A-Z0-9]{2,12})\)/.exec(shown);
	const asset = code?.[1] ?? code?.[2];
	return asset && !/USD|EUR/.test(asset) ? 'base' : undefined;
}

// ---- drafts ----

export function blankDraft(adapter: string, venue: VenueId): OrderDraft {
	const draft: Record<string, unknown> = {adapter, venue};
	for (const field of DRAFT_FIELDS) draft[field] = notFound();
	return draft as OrderDraft;
}

/**
 * Runs an adapter's reading code so that it never throws: no form → `no-form`; an exception → a draft whose
 * every field is unread (we never show half a read as if it were whole).
 */
export function safeRead(
	adapter: string,
	venue: VenueId,
	doc: Document,
	formRoot: (doc: Document) => Element | undefined,
	fill: (form: Element, draft: OrderDraft, doc: Document) => OrderDraft | 'no-form' | void,
): ReadResult {
	const outer = thisRead;
	thisRead ??= {candidates: new Map(), forLabels: new Map()};
	try {
		return readForm(adapter, venue, doc, formRoot, fill);
	} finally {
		thisRead = outer;
	}
}

function readForm(
	adapter: string,
	venue: VenueId,
	doc: Document,
	formRoot: (doc: Document) => Element | undefined,
	fill: (form: Element, draft: OrderDraft, doc: Document) => OrderDraft | 'no-form' | void,
): ReadResult {
	let form: Element | undefined;
	try {
		form = formRoot(doc);
	} catch {
		form = undefined;
	}
	if (!form) return {found: false, reason: 'no-form'};
	const draft = blankDraft(adapter, venue);
	try {
		const result = fill(form, draft, doc);
		if (result === 'no-form') return {found: false, reason: 'no-form'};
		return {found: true, draft: result ?? draft};
	} catch (error) {
		const failed = blankDraft(adapter, venue);
		const text = `read failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 120);
		for (const field of DRAFT_FIELDS) (failed as Record<string, unknown>)[field] = {state: 'unread', reason: 'unparseable', text};
		return {found: true, draft: failed};
	}
}

/** Whether a fill function is asked for `field` (an adapter's `readOutside` with `fields`). */
export type Wanted = (field: keyof OrderDraft) => boolean;
export const EVERY_FIELD: Wanted = () => true;

/**
 * An adapter's `readOutside` (define-adapter.ts): runs `fill`, the part of its read that comes from outside the form
 * root, on an empty object and returns the fields it set; undefined when it throws (the caller then reads whole).
 * `fill` sets fields only from the page, never from other fields of the draft, which it does not have here; with
 * `fields`, it may leave out the others.
 */
export function safeReadOutside(
	doc: Document,
	form: Element,
	fill: (form: Element, draft: OrderDraft, doc: Document, want: Wanted) => void,
	fields?: ReadonlySet<string>,
): Partial<OrderDraft> | undefined {
	const outer = thisRead;
	thisRead ??= {candidates: new Map(), forLabels: new Map()};
	isOutsideRead = true;
	try {
		const part = {} as OrderDraft;
		fill(form, part, doc, fields ? field => fields.has(field) : EVERY_FIELD);
		return part;
	} catch {
		return undefined;
	} finally {
		thisRead = outer;
		isOutsideRead = false;
	}
}

/** Wraps a formRoot/mountAfter lookup so it never throws. */
export function safely<T>(find: () => T | undefined): T | undefined {
	try {
		return find() ?? undefined;
	} catch {
		return undefined;
	}
}

// ---- submit controls ----

const BUTTONISH = 'button, [role="button"], a, input[type="submit"], input[type="button"]';

/**
 * The gate's question "does this event submit the order?": a button among `buttons` (closest to `target`)
 * whose side is `sideOf(button)`, or, for Enter/submit, a text input or `<form>` inside the order form.
 */
export function submitTargetIn(
	form: Element | undefined,
	target: Element,
	buttons: readonly string[],
	sideOf: (button: Element) => Side | 'draft' | undefined,
	trigger?: SubmitTrigger,
): SubmitTarget | undefined {
	if (!form) return undefined;
	const button = target.closest(BUTTONISH);
	if (button && form.contains(button)) {
		if (buttons.some(selector => button.matches(selector))) {
			const side = sideOf(button);
			if (side) return {side, control: button};
		}
		return undefined;
	}
	if (trigger === 'click') return undefined;
	if (target.tagName.toLowerCase() === 'form' && (form.contains(target) || target.contains(form))) return {side: 'draft', control: target};
	if (form.contains(target) && target.matches(FIELD_CONTROL)) return {side: 'draft', control: target.closest('form') ?? form};
	return undefined;
}

/** Side of a submit button from its text ("Buy/Long", "Open Short", "Place Order" → 'draft'). */
export function sideOfButtonText(button: Element): Side | 'draft' | undefined {
	const text = textOf(button);
	const side = sideFromText(text);
	if (side) return side;
	return /place|submit|confirm|order|下单/i.test(text) ? 'draft' : undefined;
}

/** Symbol from the URL's last path segment, upper-cased ("btc-usdt-swap" → "BTC-USDT-SWAP"). */
export function symbolFromUrl(doc: Document, pattern: RegExp): FieldRead<string> {
	const href = doc.location?.href ?? '';
	const match = pattern.exec(href);
	const symbol = match?.[1];
	return symbol ? ok(decodeURIComponent(symbol).toUpperCase(), decodeURIComponent(symbol)) : notFound();
}
