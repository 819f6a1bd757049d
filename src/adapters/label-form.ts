/**
 * Label-driven form reading: finds an order form's fields by what the user sees (labels, placeholders' absence,
 * aria attributes, name/id words, unit chips, active toggles) instead of by venue markup. Used as is by the
 * generic adapter (sites the user adds) and with venue vocabularies by the venues whose markup has no stable
 * hooks (Hyperliquid's hashed styled-components, Bybit, Aster Simple; see their adapters). Not an adapter itself.
 */
import type {FieldRead, OrderDraft, SizeUnit} from '../core/draft.js';
import type {DecimalString} from '../core/decimal.js';
import type {Side} from '../core/types.js';
import {
	balanceField,
	controlByLabel,
	countdownField,
	elementsWithText,
	inputNumber,
	isHidden,
	leverageField,
	marginModeField,
	notFound,
	numberField,
	ok,
	QUOTE_CURRENCIES,
	rateField,
	rowValue,
	sideFromText,
	sizeField,
	sizeUnitFromText,
	textOf,
	type Root,
	EVERY_FIELD,
	type Wanted,
} from './dom-read.js';
import {normalizeText, type ParseNumberOptions} from './parse-number.js';

export type Vocabulary = {
	price: RegExp;
	size: RegExp;
	leverageRow: RegExp;
	balance: RegExp;
	liquidation: RegExp;
	mark: RegExp;
	funding: RegExp;
	countdown: RegExp;
	takeProfit: RegExp;
	stopLoss: RegExp;
	tpslToggle: RegExp;
	submit: RegExp;
	quoteCurrencies: readonly string[];
	/** The venue's own margin/cost row for the order ("Cost", "Margin Required"), where the form shows one. */
	margin?: RegExp;
	/** The venue's own order-value row ("Value", "Order Value"), where the form shows one. */
	orderValue?: RegExp;
};

/**
 * English, plus the Chinese labels two venues are known to use (each venue's own strings: Binance zh-CN 数量, 委托价格,
 * 可用, 开多/开空 from jackhai9/userscripts@e59d070; Bybit zh-TW 價格, 數量, 可用餘額, 強平價格, 買入/做多, 賣出/做空
 * from its help centre, https://bybit-tr.com/zh-TW/help-center/article/How-to-Trade-USDC-Perpetual-Contract, checked
 * 2026-12-04). No other language has a sourced string yet: a label we cannot source is not guessed.
 */
export const DEFAULT_VOCABULARY: Vocabulary = {
	price: /^(?:(?:limit\s+)?price\b(?!.*trigger)|價格|委托价格)/i,
	size: /^(?:(?:size|amount|quantity|qty|order\s+(?:size|qty))\b|數量|数量)/i,
	leverageRow: /^leverage$/i,
	// Not "Buying Power": that is the balance times leverage (dYdX: free collateral × max leverage), not the balance.
	balance: /^(?:avbl|available(?:\s+(?:balance|margin|to\s+trade))?|free\s+collateral|可用|可用餘額)$/i,
	liquidation: /^(?:(?:est(?:imated|\.)?\s*)?liq(?:\.|uidation)?\s*price|強平價格)$/i,
	mark: /^(?:mark|mark\s+price|oracle\s+price)$/i,
	funding: /^(?:funding|funding\s+rate|(?:1h|8h)\s+funding|predicted\s+funding)$/i,
	countdown: /^(?:countdown|next\s+funding)$/i,
	takeProfit: /^(?:take\s*profit|tp)(?:\s+(?:price|trigger\s+price))?$/i,
	stopLoss: /^(?:stop\s*loss|sl)(?:\s+(?:price|trigger\s+price))?$/i,
	tpslToggle: /^(?:tp\s*\/\s*sl|take\s+profit\s*\/\s*stop\s+loss)$/i,
	submit: /^(?:buy|sell|long|short|buy\s*[/|]\s*long|sell\s*[/|]\s*short|open\s+(?:long|short)|place\s+(?:\w+\s+)?order|(?:\w+:\s*)?(?:open|increase)\s+(?:long|short)|買入\s*\/\s*做多|賣出\s*\/\s*做空|开多|开空)$/i,
	quoteCurrencies: QUOTE_CURRENCIES,
};

const CONTROLS = 'button, [role="tab"], [role="radio"], [role="button"], [role="switch"], label, div, span, a';

/** Selected by ARIA/Radix state or by an "active/selected/checked" class token. */
export function isActive(element: Element): boolean {
	if (['aria-selected', 'aria-pressed', 'aria-checked'].some(name => element.getAttribute(name) === 'true')) return true;
	if (/^(?:active|on|checked)$/.test(element.getAttribute('data-state') ?? '')) return true;
	return /(?:^|[\s_-])(?:active|selected|checked)(?:$|\s)/i.test(element.getAttribute('class') ?? '');
}

export function submitButtons(form: Root, vocabulary: Vocabulary): Element[] {
	return [...form.querySelectorAll('button, input[type="submit"], [role="button"]')].filter(
		button => !isHidden(button) && vocabulary.submit.test(textOf(button) || (button.getAttribute('value') ?? '')),
	);
}

/** Side: an active Buy/Long–Sell/Short toggle; else the submit buttons (both sides → 'both'; one → it). */
export function readSide(form: Root, vocabulary: Vocabulary): FieldRead<Side | 'both'> {
	for (const element of form.querySelectorAll(CONTROLS)) {
		const text = textOf(element);
		if (text.length > 24 || !isActive(element)) continue;
		const side = sideFromText(text);
		// Submit buttons may carry an "active" class too; a toggle is anything but a submit button.
		const isSubmit = element.matches('button:not([role="tab"]):not([role="radio"]), [role="button"]') && vocabulary.submit.test(text);
		if (side && !isSubmit) return ok(side, text);
	}
	const sides = new Set(submitButtons(form, vocabulary).map(button => sideFromText(textOf(button))).filter(Boolean));
	// No side buttons (logged out, read-only view) or both: the panel shows both sides' figures.
	return sides.size === 1 ? ok([...sides][0] as Side) : ok('both');
}

export function readOrderType(form: Root): FieldRead<'limit' | 'market'> {
	for (const element of form.querySelectorAll(CONTROLS)) {
		const text = textOf(element);
		const type = /^(?:limit|限價單?)$/i.test(text) ? 'limit' : /^(?:market|市價單?)$/i.test(text) ? 'market' : undefined;
		if (!type || !isActive(element)) continue;
		return ok(type, text);
	}
	return notFound();
}

export function readMarginMode(form: Root): FieldRead<'cross' | 'isolated'> {
	const candidates = [...form.querySelectorAll(CONTROLS)].filter(element => /^(?:(?:cross|isolated)(?:\s+margin)?|全倉(?:模式)?)$/i.test(textOf(element)) && !isHidden(element));
	const toggles = candidates.filter(isActive);
	if (toggles.length === 1) return marginModeField(textOf(toggles[0]));
	// A lone "Cross"/"Isolated" button (the current mode, opening a chooser) — not a two-option toggle.
	const texts = new Set(candidates.map(element => textOf(element).toLowerCase()));
	return texts.size === 1 ? marginModeField(textOf(candidates[0])) : notFound();
}

/** Leverage: a "Leverage" row or input, else a lone chip reading "20x"/"5×" in the form. */
export function readLeverage(form: Root, vocabulary: Vocabulary, side?: FieldRead<Side | 'both'>): FieldRead<DecimalString> {
	const input = controlByLabel(form, vocabulary.leverageRow, 2, otherInputLabels(vocabulary, vocabulary.leverageRow));
	if (input) return inputNumber(input, {units: ['x']});
	const row = rowValue(form, vocabulary.leverageRow);
	if (row) return leverageField(row, side);
	const chips = elementsWithText(form, /^\d+(?:[.,]\d+)?\s*[xX×](?:\s*\d+(?:[.,]\d+)?\s*[xX×])?$/, 'button, span, div').filter(
		chip => !chip.closest('[role="slider"], .rc-slider-mark, [class*="slider-mark"]'),
	);
	const texts = new Set(chips.map(textOf));
	if (texts.size === 1) return leverageField([...texts][0], side);
	return texts.size > 1 ? {state: 'unread', reason: 'ambiguous', text: [...texts].join(' ')} : notFound();
}

const TEXT_CONTROL = 'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="range"]), textarea';

/** Unit of a size input: "(BTC)" in its label, a unit chip in its field box, or a "$" prefix. */
export function readSizeUnit(control: Element, label: RegExp, quoteCurrencies: readonly string[], root: Root = control.ownerDocument): SizeUnit | undefined {
	const labelText = elementsWithText(root, label).map(textOf).find(text => /\(([^)]+)\)/.test(text));
	const inLabel = labelText ? /\(([^)]+)\)/.exec(labelText)?.[1] : undefined;
	if (inLabel) return sizeUnitFromText(inLabel, quoteCurrencies);
	for (let box = control.parentElement, level = 0; box && level < 2; box = box.parentElement, level++) {
		// A unit <select> next to the input (e.g. BTC | USDT): its chosen option is the unit.
		// (options[selectedIndex], not selectedOptions: happy-dom can serve a stale selectedOptions list.)
		const chosen = [...box.querySelectorAll('select')].map(select => {
			const option = select.options[select.selectedIndex];
			return option ? textOf(option) : '';
		});
		const tokens = [...box.querySelectorAll('span, div, button, label')]
			.filter(element => element.children.length === 0 && !element.contains(control))
			// Wider than the input's own box, skip chips that sit with another text control (a price field's "USDT",
			// a "TP" label): they belong to that control, not to the size.
			.filter(element => level === 0 || ![...(element.parentElement?.querySelectorAll(TEXT_CONTROL) ?? [])].some(other => other !== control))
			.map(textOf)
			.concat(chosen)
			.filter(text => /^(?:[A-Z][A-Z0-9]{1,11}|\$|Contracts?|Cont)$/.test(text));
		const units = new Set(tokens.map(token => sizeUnitFromText(token, quoteCurrencies)));
		if (units.size === 1) return [...units][0];
		if (units.size > 1) return undefined;
	}
	return undefined;
}

/** TP/SL price: the labelled input's value; no input while the TP/SL box is unticked → empty (not set). */
export function readOptionalPrice(form: Root, label: RegExp, toggle: RegExp, options: ParseNumberOptions = {}): OrderDraft['stopLoss'] {
	const input = controlByLabel(form, label, 2);
	if (input) return inputNumber(input, options);
	return elementsWithText(form, toggle).length > 0 ? {state: 'empty'} : notFound();
}

/** The form's input labels other than `label`, so a label walk never borrows another field's input. */
export function otherInputLabels(vocabulary: Vocabulary, label: RegExp): RegExp[] {
	return [vocabulary.price, vocabulary.size, vocabulary.leverageRow, vocabulary.takeProfit, vocabulary.stopLoss].filter(other => other !== label);
}

/** Fills every field the vocabulary finds; the caller overrides what its venue knows better. */
export function fillByLabels(form: Element, draft: OrderDraft, doc: Document, vocabulary: Vocabulary, options: ParseNumberOptions = {}): OrderDraft {
	draft.side = readSide(form, vocabulary);
	draft.orderType = readOrderType(form);
	const labelledPrice = controlByLabel(form, vocabulary.price, 3, otherInputLabels(vocabulary, vocabulary.price));
	// A price is quoted in the quote currency: a control whose unit chip is the base asset or contracts ("0.150 BTC")
	// is a quantity, whatever label the walk reached it from (fuzz, Bybit 2022: price ← the qty input).
	const priceUnit = labelledPrice ? readSizeUnit(labelledPrice, vocabulary.price, vocabulary.quoteCurrencies, form) : undefined;
	const priceInput = priceUnit === 'base' || priceUnit === 'contracts' ? undefined : labelledPrice;
	draft.price =
		draft.orderType.state === 'ok' && draft.orderType.value === 'market' && !priceInput ? {state: 'empty'} : priceInput ? inputNumber(priceInput, options) : notFound();
	const sizeInput = controlByLabel(form, vocabulary.size, 3, otherInputLabels(vocabulary, vocabulary.size));
	draft.size = sizeInput ? sizeField(inputNumber(sizeInput, options), readSizeUnit(sizeInput, vocabulary.size, vocabulary.quoteCurrencies, form)) : notFound();
	draft.leverage = readLeverage(form, vocabulary, draft.side);
	draft.marginMode = readMarginMode(form);
	draft.takeProfit = readOptionalPrice(form, vocabulary.takeProfit, vocabulary.tpslToggle, options);
	draft.stopLoss = readOptionalPrice(form, vocabulary.stopLoss, vocabulary.tpslToggle, options);
	draft.venueLiquidationPrice = numberField(rowValue(form, vocabulary.liquidation), options);
	// The venue's own figures for the order, read only where the vocabulary names them (a missing row is then unread):
	// they check our read (core/misread.ts), they are never used in the math.
	if (vocabulary.margin) draft.venueMargin = balanceField(rowValue(form, vocabulary.margin), vocabulary.quoteCurrencies, options);
	if (vocabulary.orderValue) draft.venueOrderValue = balanceField(rowValue(form, vocabulary.orderValue), vocabulary.quoteCurrencies, options);
	fillOutsideByLabels(form, draft, doc, vocabulary, options);
	return draft;
}

/**
 * The fields `fillByLabels` reads from anywhere on the page (an adapter's `readOutside`): the balance when the form
 * shows none, the mark and funding rows.
 */
export function fillOutsideByLabels(form: Element, draft: OrderDraft, doc: Document, vocabulary: Vocabulary, options: ParseNumberOptions = {}, want: Wanted = EVERY_FIELD): void {
	if (want('balance')) draft.balance = balanceField(rowValue(form, vocabulary.balance) ?? rowValue(doc, vocabulary.balance), vocabulary.quoteCurrencies, options);
	if (want('markPrice')) draft.markPrice = numberField(rowValue(doc, vocabulary.mark), options);
	if (!want('fundingRate') && !want('fundingCountdownSeconds')) return;
	const funding = rowValue(doc, vocabulary.funding);
	const [rateText, countdownText] = funding?.split(/\s+\/\s+|\s+(?=\d{1,2}:\d{2})/) ?? [];
	draft.fundingRate = funding === undefined ? notFound() : rateField(rateText, options);
	const countdown = rowValue(doc, vocabulary.countdown) ?? countdownText;
	draft.fundingCountdownSeconds = countdown === undefined ? notFound() : countdownField(countdown);
}

/** The form around the size control: its `<form>`, else the nearest ancestor holding a submit button. */
export function formAroundSize(doc: Document, vocabulary: Vocabulary): Element | undefined {
	const size = controlByLabel(doc, vocabulary.size);
	if (!size) return undefined;
	const form = size.closest('form');
	if (form) {
		// Side/margin toggles often sit just above the <form> (dYdX's TradeBox): widen to include them.
		for (let node: Element | null = form.parentElement, level = 0; node && level < 3; node = node.parentElement, level++) {
			if ([...node.querySelectorAll('[role="tab"], [role="radio"]')].some(tab => sideFromText(textOf(tab)))) return node;
		}
		return form;
	}
	// Logged out or wallet not connected, the submit slot holds "Connect"/"Log in": still the order form.
	const gate = /^(?:connect(?:\s+wallet)?|log\s*in(?:\s*\/\s*sign\s*up)?|sign\s*up|enable\s+trading|register(?:\s+now)?)$/i;
	for (let node = size.parentElement, level = 0; node && level < 10; node = node.parentElement, level++) {
		if (submitButtons(node, vocabulary).length > 0) return node;
		if ([...node.querySelectorAll('button, a, [role="button"]')].some(button => gate.test(textOf(button)))) return node;
	}
	return undefined;
}

export function symbolFromTitle(doc: Document): FieldRead<string> {
	const match = /\b([A-Z0-9]{2,12}[-/]?(?:USDT|USDC|USD))\b/.exec(normalizeText(doc.title ?? ''));
	return match?.[1] ? ok(match[1]) : notFound();
}
