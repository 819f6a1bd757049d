/**
 * Reading code shared by Binance USDⓈ-M and Aster Pro. Aster's web stack is Binance-derived ("bapi" order
 * endpoints, `text-t-*` tokens, "Avbl"; Greasy Fork script 536369, aster-pro.ts), so Aster Pro is read with the
 * same selectors plus Aster's own alternatives. Not an adapter itself (no default venue, no match patterns).
 */
import type {OrderDraft} from '../core/draft.js';
import type {Side} from '../core/types.js';
import {
	balanceField,
	fundingPairFields,
	inputNumber,
	isHidden,
	leverageField,
	marginModeField,
	notFound,
	numberField,
	ok,
	queryAll,
	queryVisible,
	rowValue,
	sideOfButtonText,
	sizeField,
	sizeUnitFromText,
	textOf,
	EVERY_FIELD,
	type Wanted,
} from './dom-read.js';
import {readOptionalPrice} from './label-form.js';

/*
 * Evidence per selector (checked 2026-12-04). "live" = used on the live page by a maintained script whose
 * maintainer re-checks the live DOM before each change (docs/binance-orderbook-trade-development.md in that repo):
 * - live: `input[id^="unitAmount-"]`, `input[id^="limitPrice-"]`, `input[aria-label="数量"]`, `input[aria-label="委托价格"]`,
 *   `div[target^="unitAmount-"]`, `.bn-formItem`, `[role="tab"][aria-selected="true"][data-tab-key]`,
 *   `#position-direction [role="tab"]`, `.bn-tabs__buySell [role="tab"]`, side buttons 开多/开空/平多/平空, the
 *   "(全仓|逐仓|cross|isolated) N x" button: jackhai9/userscripts@e59d070 (2026-07-28),
 *   src/binance-orderbook-trade/index.user.js and dom/trade-form.js.
 * - live in 2024: "Buy/Long" / "Sell/Short" button texts, `data-testid` order tabs: phuonglinh118/AZ_2404 Loc_Bin.java.
 * - inferred: the English aria-labels "Size"/"Price", `.bn-select-field` for the unit, the "Avbl", "Cost", "Mark",
 *   "Funding / Countdown" row labels.
 */
export const BINANCE_SELECTORS = {
	quantity: [
		'input[id^="unitAmount-"]', // 2024–2026: id prefix + changing numeric suffix (jackhai9 Mar 2026; Loc_Bin 2024 "unitAmount-618")
		'input[aria-label="Size"]', // English label (unverified: the public scripts use the zh UI)
		'input[aria-label="数量"]', // zh locale label (jackhai9 2026)
	],
	price: [
		'input[id^="limitPrice-"]', // 2026 id prefix (jackhai9, added Mar 7 2026)
		'input[aria-label="Price"]', // English label (unverified)
		'input[aria-label="委托价格"]', // zh locale label (jackhai9 2026)
	],
	quantityUnit: [
		'.bn-select-field', // design-system unit dropdown next to the quantity (selector not evidenced in public scripts)
		'[role="combobox"]', // the same dropdown by role
	],
	quantityItem: [
		'div[target^="unitAmount-"]', // wrapper carrying the input id as `target` (jackhai9 2026)
		'.bn-formItem', // design-system form row (jackhai9 2026)
	],
	activeOrderType: [
		'[role="tab"][aria-selected="true"][data-tab-key]', // 2026: data-tab-key LIMIT/MARKET/CONDITIONAL (jackhai9)
		'[role="tab"][aria-selected="true"][data-testid]', // 2024: data-testid "limit"/"market" (Loc_Bin's "date-testid" typo)
	],
	positionTabs: [
		'#position-direction [role="tab"]', // hedge mode Open/Close (jackhai9 2026)
		'.bn-tabs__buySell [role="tab"]', // alternative tab container (jackhai9 2026)
	],
	submit: [
		'button', // side buttons are plain buttons told apart by text: Buy/Long, Sell/Short, Open/Close Long/Short (Loc_Bin 2024; jackhai9 2026)
	],
	settingsButtons: [
		'button', // margin mode "Cross"/"Isolated" and leverage "20x" (2026) or one "Cross 20x" button (2024) at the top of the form
		'[role="button"]',
	],
} as const;

/**
 * The margin-mode button ("Cross", "Isolated 20x", "全仓"). `\b` only follows ASCII word characters: after 全仓/逐仓
 * it never matched, so a Chinese page lost its form root and margin mode (zh-CN fixture).
 */
const MARGIN_BUTTON = /^(?:(?:cross|isolated)\b|全仓|逐仓)/i;

/** The "TP/SL" tick box: without a TP/SL input, TP and SL are not set (empty), not missing. Also OKX's. */
export const TPSL_TOGGLE = /^TP\s*\/\s*SL$/i;

const SUBMIT_TEXT = /^(?:buy\s*\/\s*long|sell\s*\/\s*short|(?:open|close)\s+(?:long|short)|开多|开空|平多|平空)$/i;

export function binanceSubmitButtons(form: Element): Element[] {
	return queryAll(form, BINANCE_SELECTORS.submit).filter(button => SUBMIT_TEXT.test(textOf(button)) && !isHidden(button));
}

/** The order-form column: the smallest ancestor of the quantity input that also holds the side buttons or the margin/leverage controls. */
export function binanceFormRoot(doc: Document): Element | undefined {
	const quantity = queryVisible(doc, BINANCE_SELECTORS.quantity);
	if (!quantity) return undefined;
	let fallback: Element | undefined;
	let structural: Element | undefined;
	for (let node = quantity.parentElement, level = 0; node && level < 12; node = node.parentElement, level++) {
		const hasSettings = queryAll(node, BINANCE_SELECTORS.settingsButtons).some(button => MARGIN_BUTTON.test(textOf(button)));
		if (hasSettings) return node;
		// In a UI language we have no margin-button string for: the column holding the order-type tabs (`data-tab-key`)
		// or the hedge-mode Open/Close tabs, anchors that read the same in every language (jackhai9/userscripts@e59d070).
		if (!structural && node.querySelector('#position-direction, [role="tab"][data-tab-key]')) structural = node;
		if (!fallback && (binanceSubmitButtons(node).length > 0 || node.matches('[role="tabpanel"], form'))) fallback = node;
	}
	return structural ?? fallback ?? quantity.parentElement ?? undefined;
}

/**
 * The Close tab by its place, for a UI language whose tab text we have no string for: `#position-direction` holds
 * Open then Close (开仓, 平仓 in jackhai9/userscripts@e59d070 test/fixtures/binance-orderbook-trade/right-trade-form.html,
 * a fixture its maintainer writes from the live page; checked 2026-12-04). A known "Open"/"开仓" text wins over the place.
 * Only `#position-direction`: `.bn-tabs__buySell` is not evidenced to hold only these two tabs.
 */
function isSecondPositionTab(tab: Element): boolean {
	if (/^(?:open|开仓)$/i.test(textOf(tab))) return false;
	const list = tab.closest('#position-direction');
	const tabs = list ? [...list.querySelectorAll('[role="tab"]')] : [];
	return tabs.length === 2 && tabs[1] === tab;
}

export function fillBinanceLike(form: Element, draft: OrderDraft, doc: Document, symbolPattern: RegExp): OrderDraft | 'no-form' {
	// Hedge mode: the Close tab places reduce orders, not an opening order, so there is nothing to assess.
	const positionTab = queryAll(form, BINANCE_SELECTORS.positionTabs).find(tab => tab.getAttribute('aria-selected') === 'true');
	if (positionTab && (/^(?:close|平仓)$/i.test(textOf(positionTab)) || isSecondPositionTab(positionTab))) return 'no-form';

	const buttons = binanceSubmitButtons(form);
	const sides = new Set(buttons.map(sideOfButtonText).filter((side): side is Side => side === 'long' || side === 'short'));
	// Both sides' buttons (or none: logged out) → the user picks the side by the button, show both.
	draft.side = sides.size === 1 ? ok([...sides][0] as Side) : ok('both');

	const orderTab = queryVisible(form, BINANCE_SELECTORS.activeOrderType);
	const orderKey = (orderTab?.getAttribute('data-tab-key') ?? orderTab?.getAttribute('data-testid') ?? '').toUpperCase();
	draft.orderType =
		orderKey === 'LIMIT' ? ok('limit', textOf(orderTab)) : orderKey === 'MARKET' ? ok('market', textOf(orderTab)) : orderTab ? {state: 'unread', reason: 'unparseable', text: textOf(orderTab)} : notFound();

	const priceInput = queryVisible(form, BINANCE_SELECTORS.price);
	draft.price = draft.orderType.state === 'ok' && draft.orderType.value === 'market' ? {state: 'empty'} : inputNumber(priceInput);

	const quantityInput = queryVisible(form, BINANCE_SELECTORS.quantity);
	const quantityItem = quantityInput?.closest(BINANCE_SELECTORS.quantityItem.join(', ')) ?? quantityInput?.parentElement;
	const unitText = quantityItem ? textOf(queryVisible(quantityItem, BINANCE_SELECTORS.quantityUnit)) : '';
	draft.size = sizeField(inputNumber(quantityInput), sizeUnitFromText(unitText));

	const settings = queryAll(form, BINANCE_SELECTORS.settingsButtons).map(textOf).filter(text => text.length <= 48);
	const marginText = settings.find(text => MARGIN_BUTTON.test(text));
	draft.marginMode = marginModeField(marginText);
	const leverageText = settings.find(text => /^(?:(?:cross|isolated|全仓|逐仓)\s*)?\d+(?:\.\d+)?\s*[xX×]$/i.test(text));
	draft.leverage = leverageField(leverageText?.replace(/^(?:cross|isolated|全仓|逐仓)\s*/i, ''), draft.side);

	draft.balance = balanceField(rowValue(form, /^(?:Avbl|Available|可用)$/));
	draft.takeProfit = readOptionalPrice(form, /^(?:Take Profit|TP)(?:\s+(?:Price|Trigger Price))?$/i, TPSL_TOGGLE);
	draft.stopLoss = readOptionalPrice(form, /^(?:Stop Loss|SL)(?:\s+(?:Price|Trigger Price))?$/i, TPSL_TOGGLE);
	draft.venueLiquidationPrice = numberField(rowValue(form, /^(?:Est\.?\s*)?Liq(?:\.|uidation)?\s*Price$/i));
	// "Cost" under the buttons: initial margin + open loss
	// (https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b, checked 2026-12-04). Checked
	// against price × size / leverage to catch our own misreads (core/misread.ts). Only the first "Cost" row is
	// read: with both buttons shown the rows are the buy side's then the sell side's, which differ by open loss only.
	draft.venueMargin = balanceField(rowValue(form, /^Cost$/));

	fillBinanceOutside(form, draft, doc);

	const href = doc.location?.href ?? '';
	const symbol = symbolPattern.exec(href)?.[1];
	draft.symbol = symbol ? ok(symbol.toUpperCase()) : notFound();
	return draft;
}

/** The fields `fillBinanceLike` reads from the ticker bar above the form (the adapters' `readOutside`). */
export function fillBinanceOutside(_form: Element, draft: OrderDraft, doc: Document, want: Wanted = EVERY_FIELD): void {
	if (want('markPrice')) draft.markPrice = numberField(rowValue(doc, /^Mark(?: Price)?$/i));
	if (want('fundingRate') || want('fundingCountdownSeconds')) Object.assign(draft, fundingPairFields(rowValue(doc, /^Funding(?: Rate)?\s*\/\s*Countdown$/i)));
}
