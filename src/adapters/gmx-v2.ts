/**
 * GMX v2 trade box (https://app.gmx.io/trade/long), rebuilt from the front end's own source:
 * gmx-io/gmx-interface@a78e920 (HEAD, 2026-08-20) and its Lingui catalogues (src/locales/<locale>/messages.po);
 * checked 2026-12-04. The older layout is gmx-interface@37b99e8 (2025-12-02, just before "Init margin fields").
 *
 * What the components render (gmx-interface@a78e920):
 * - src/components/TradeBox/TradeBoxResponsiveContainer.tsx: `div[data-qa="tradebox"]` holds TradeBoxHeaderTabs and
 *   then the `<form>` (TradeBox.tsx). The header (TradeBoxHeaderTabs.tsx) holds the fields row — LeverageField
 *   (`data-qa="leverage-slider"`), pool and collateral selectors — and then the Long/Short and Swap tabs, all above
 *   and outside the `<form>`.
 * - src/components/Tabs/Tabs.tsx puts `data-qa` ("trade-direction", "trade-direction-swap", "trade-mode") on the
 *   wrapper only: RegularTab.tsx would add `${qa}-tab-${value}` but Tabs never passes it `qa`. The tabs are read by
 *   position in the source's order (Long, Short; Market, Limit, then the "More" menu: src/domain/synthetics/trade/
 *   utils/availableTradeModes.ts) and by their active classes, the labels only cross-check.
 * - src/components/TradeboxMarginFields/: each field is a TradeInputBox `div[data-qa=<qa>]` with a NumberInput
 *   `input[data-qa=<qa>-input]` (margin, position-size, trigger-price); the size's unit is the SelectorBase button
 *   `data-qa="position-size-display-mode-button"` ("USD" or the token). PriceField shows "Mark: $x" in one span.
 * - The receipt row reads "Liquidation price" (SyntheticsInfoRow + ValueTransition: "from → to" once a position exists).
 * - The page title is "$3,456.78 | ETH USD | Decentralized perpetual exchange | GMX" (src/pages/SyntheticsPage/
 *   SyntheticsPage.tsx, getPageTitle in src/lib/legacy.ts): the symbol, and GMX's mid price for market orders.
 *
 * GMX v2 positions are isolated per market and collateral: margin mode is always 'isolated' (no UI). The side is
 * in the route (/trade/:tradeType; `#/trade/…` before the Aug 10 2026 "Get rid of '#'" commit) and in the tabs.
 */
import type {FieldRead, OrderDraft} from '../core/draft.js';
import type {Side} from '../core/types.js';
import {defineAdapter} from './define-adapter.js';
import {
	inputNumber,
	leverageField,
	notFound,
	numberField,
	ok,
	queryAll,
	queryVisible,
	safeRead,
	safeReadOutside,
	EVERY_FIELD,
	type Wanted,
	safely,
	sideFromText,
	sizeField,
	sizeUnitFromText,
	submitTargetIn,
	textOf,
	valueOf,
} from './dom-read.js';
import {normalizeText} from './parse-number.js';

const ID = 'gmx-v2';

/** gmx-interface file beside each hook (a78e920 unless marked 37b99e8, the older layout); checked 2026-12-04. */
const selectors = {
	tradebox: ['[data-qa="tradebox"]'], // TradeBoxResponsiveContainer.tsx (desktop div; tablet Curtain dataQa)
	directionTabs: ['[data-qa="trade-direction"] button'], // TradeBoxHeaderTabs.tsx → Tabs.tsx: data-qa on the wrapper; Long, Short
	swapTab: ['[data-qa="trade-direction-swap"] button'], // TradeBoxHeaderTabs.tsx: the Swap tab group
	modeTabs: ['[data-qa="trade-mode"] > div > button'], // TradeBox.tsx → Tabs.tsx: Market, Limit as RegularTab buttons; "More" is a NestedTab menu
	modeMenu: ['[data-qa="trade-mode"] > div > div button'], // NestedTab.tsx: the "More" (Stop Market, TWAP) menu button
	leverage: ['[data-qa="leverage-slider"]'], // LeverageField.tsx: number + span "x" ("-" when off); 37b99e8: a SuggestionInput with suffix "x"
	size: [
		'input[data-qa="position-size-input"]', // TradeboxMarginFields.tsx → TradeInputField.tsx → NumberInput.tsx
		'input[data-qa="buy-input"]', // 37b99e8: BuyInputSection qa="buy", size in tokens
	],
	sizeDisplayMode: [
		'[data-qa="position-size-display-mode-button"]', // TradeInputField.tsx → SelectorBase.tsx: "USD" or the token symbol
		'[data-qa="position-size-display-mode-button-disabled"]', // SelectorBase.tsx, disabled
	],
	sizeBox: ['[data-qa="position-size"]', '[data-qa="buy"]'], // TradeInputBox.tsx / BuyInputSection.tsx wrappers
	margin: [
		'input[data-qa="margin-input"]', // MarginField.tsx
		'input[data-qa="pay-input"]', // 37b99e8: BuyInputSection qa="pay"
	],
	marginBox: ['[data-qa="margin"]', '[data-qa="pay"]'],
	marginBalance: ['[data-qa="margin-max"]'], // MarginField.tsx: the wallet balance of the pay token, a button
	marginToken: [
		'[data-qa="margin-collateral-selector"]', // MarginField.tsx → TokenSelector.tsx: the pay token's symbol
		'[data-qa="collateral-selector"]', // 37b99e8: BuyInputSection "Pay" token selector
	],
	triggerPrice: ['input[data-qa="trigger-price-input"]'], // PriceField.tsx (Limit price / Stop price)
	triggerBox: ['[data-qa="trigger-price"]'],
	closeInput: ['input[data-qa="close-input"]'], // TradeBox.tsx renderDecreaseSizeInput: TP/SL mode closes a position
	submit: ['[data-qa="confirm-trade-button"]'], // TradeBox.tsx Button qa: "Open Long", "Limit: Open Long", "Connect wallet", approvals
} as const;

/** The source's strings (src/locales/<locale>/messages.po at a78e920): en de es fr ja ko ru zh zh-tw. */
const STRINGS = {
	long: ['Long', 'Largo', 'ロング', '롱', 'Лонг', '做多'],
	short: ['Short', 'Corto', 'ショート', '숏', 'Шорт', '做空'],
	market: ['Market', 'Markt', 'Mercado', 'Marché', 'マーケット', '마켓', 'Рынок', '市场', '市場'],
	limit: ['Limit', 'Límite', 'Limite', 'リミット', '지정가', 'Лимит', '限价', '限價'],
	liquidationPrice: ['Liquidation price', 'Liquidationspreis', 'Precio de liquidación', 'Prix de liquidation', '清算価格', '청산가', 'Цена ликвидации', '清算价格', '清算價格'],
	mark: ['Mark:', 'Mark :', 'マーク:', 'Маркировочная:', '标记价：', '標記價格：'],
	tpPrice: ['TP price', 'TP-Preis', 'Precio TP', 'Prix TP', 'TP価格', 'TP 가격', 'Цена TP', '止盈价格', 'TP 價格'],
	slPrice: ['SL price', 'SL-Preis', 'Precio SL', 'Prix Stop-Loss', 'ストップロス価格', '손절매 가격', 'Цена стоп-лосс', '止损价格', 'SL 價格'],
	tpsl: ['Take-Profit / Stop-Loss', 'テイクプロフィット / ストップロス', '익절매 / 손절매', 'Тейк-профит / Стоп-лосс', '止盈 / 止损', '止盈 / 止損'],
} as const;

/** Stablecoins GMX takes as collateral, by the symbol its token selector shows. */
const STABLE = /^(?:USDC|USDT|DAI|USDC\.E|USDT0)$/i;

function isString(list: readonly string[], text: string): boolean {
	const shown = normalizeText(text).toLowerCase();
	return list.some(entry => entry.toLowerCase() === shown);
}

/**
 * RegularTab.tsx marks the active tab with "!text-typography-primary" (block and inline types) and the direction
 * tabs with tradeTypeClassNames.active ("!bg-green-900 border-b-green-500", "!bg-red-900 border-b-red-500",
 * src/components/TradeBox/tradeboxConstants.tsx); an inactive tab has "text-typography-secondary".
 */
function isActiveTab(tab: Element): boolean {
	const classes = tab.classList;
	return classes.contains('!text-typography-primary') || classes.contains('border-b-green-500') || classes.contains('border-b-red-500') || classes.contains('border-b-blue-300');
}

function formRoot(doc: Document): Element | undefined {
	const box = queryVisible(doc, selectors.tradebox);
	if (box?.querySelector('form')) return box;
	// Without the wrapper: the <form> around the submit button, or the size input.
	const anchor = queryVisible(doc, selectors.size) ?? queryVisible(doc, selectors.submit);
	return anchor?.closest('form') ?? undefined;
}

function routeSide(doc: Document): Side | 'swap' | undefined {
	const href = doc.location?.href ?? '';
	const tradeType = /\/trade\/(long|short|swap)\b/i.exec(href)?.[1]?.toLowerCase();
	return tradeType as Side | 'swap' | undefined;
}

function tabSide(root: Element): Side | 'swap' | undefined {
	const swap = queryAll(root, selectors.swapTab)[0];
	if (swap && isActiveTab(swap)) return 'swap';
	const tabs = queryAll(root, selectors.directionTabs);
	const index = tabs.findIndex(isActiveTab);
	if (index < 0 || tabs.length !== 2) return undefined;
	const side: Side = index === 0 ? 'long' : 'short';
	const text = textOf(tabs[index]);
	return (side === 'long' ? isString(STRINGS.short, text) : isString(STRINGS.long, text)) ? undefined : side;
}

function readOrderType(root: Element): FieldRead<'limit' | 'market'> {
	const tabs = queryAll(root, selectors.modeTabs);
	const index = tabs.findIndex(isActiveTab);
	if (index >= 0) {
		const text = textOf(tabs[index]);
		const type = index === 0 ? 'market' : index === 1 ? 'limit' : undefined;
		const contradicts = type === 'market' ? isString(STRINGS.limit, text) : type === 'limit' ? isString(STRINGS.market, text) : true;
		return type && !contradicts ? ok(type, text) : {state: 'unread', reason: 'unparseable', text};
	}
	const menu = queryAll(root, selectors.modeMenu).find(isActiveTab);
	return menu ? {state: 'unread', reason: 'unparseable', text: textOf(menu)} : notFound(); // Stop Market, TWAP
}

function readLeverage(root: Element, side: FieldRead<Side | 'both'>): FieldRead<string> {
	const field = queryVisible(root, selectors.leverage);
	if (field) {
		const input = field.querySelector('input');
		// 37b99e8: "N/A" while the leverage slider setting is off; a number with the "x" suffix beside it otherwise.
		if (input) return leverageField(/^\d+(?:\.\d+)?$/.test(valueOf(input) ?? '') ? `${valueOf(input)}x` : valueOf(input), side);
		const text = textOf(field);
		// "> 50x" when the order's leverage is above the field's range (LeverageField.tsx): not a value.
		if (/^>/.test(text)) return {state: 'unread', reason: 'unparseable', text};
		return leverageField(text, side);
	}
	// 37b99e8 without the field: the size box's "Leverage: 2.00x".
	const footer = [...(queryVisible(root, selectors.sizeBox)?.querySelectorAll('span') ?? [])].find(span => /^Leverage:$/i.test(textOf(span)));
	const value = footer?.nextElementSibling ? textOf(footer.nextElementSibling) : undefined;
	return value === undefined ? notFound() : value === '-' ? {state: 'empty', text: value} : leverageField(value, side);
}

function readSize(root: Element): OrderDraft['size'] {
	const input = queryVisible(root, selectors.size);
	if (!input) return notFound();
	const mode = textOf(queryVisible(root, selectors.sizeDisplayMode));
	if (mode) return sizeField(inputNumber(input), sizeUnitFromText(mode, ['USD']));
	// 37b99e8: the Long/Short box is in tokens; its market selector shows the index name ("ETH/USD").
	return sizeField(inputNumber(input), input.matches(selectors.size[1]) ? 'base' : undefined);
}

/** PriceField.tsx: `<span>Mark: <span>$3,456.78</span></span>`; 37b99e8: "Mark:" label span, then a value span. */
function readMark(root: Element): FieldRead<string> {
	const box = queryVisible(root, selectors.triggerBox);
	if (!box) return notFound();
	for (const span of box.querySelectorAll('span')) {
		const own = [...span.childNodes].filter(node => node.nodeType === 3).map(node => normalizeText(node.textContent ?? '')).join(' ').trim();
		if (isString(STRINGS.mark, own) && span.querySelector('span')) return numberField(textOf(span.querySelector('span')), {units: ['$']});
		if (isString(STRINGS.mark, textOf(span)) && span.nextElementSibling) return numberField(textOf(span.nextElementSibling), {units: ['$']});
	}
	return notFound();
}

/** The page title's leading price (GMX's mid price, also shown above the chart): the entry of a market order. */
function titlePrice(doc: Document): FieldRead<string> {
	const first = normalizeText(doc.title ?? '').split('|')[0]?.trim();
	return first && /^\$/.test(first) ? numberField(first, {units: ['$']}) : notFound();
}

function titleSymbol(doc: Document): FieldRead<string> {
	const part = normalizeText(doc.title ?? '')
		.split('|')
		.map(piece => piece.trim())
		.find(piece => /^[A-Z0-9.]{2,12} USD$/.test(piece));
	return part ? ok(part.replace(' ', '/'), part) : notFound();
}

/** SyntheticsInfoRow.tsx: label div, value div; ValueTransition.tsx puts the current value in `.muted` before "→". */
function readLiquidation(root: Element): FieldRead<string> {
	for (const label of root.querySelectorAll('div')) {
		if (label.children.length > 0 || !isString(STRINGS.liquidationPrice, textOf(label))) continue;
		const value = label.nextElementSibling;
		if (!value) continue;
		const after = value.cloneNode(true) as Element;
		for (const before of after.querySelectorAll('.muted')) before.remove();
		const text = textOf(after);
		return text === '-' ? {state: 'empty', text} : numberField(text, {units: ['$']});
	}
	return notFound();
}

/** TPSLRows.tsx → TPSLInputRow.tsx (compact): NumberInputs without data-qa whose placeholder is the label. */
function readTpsl(root: Element, labels: readonly string[]): FieldRead<string> {
	const input = [...root.querySelectorAll('input')].find(candidate => isString(labels, candidate.getAttribute('placeholder') ?? ''));
	if (input) return inputNumber(input);
	const toggle = [...root.querySelectorAll('span, div')].some(element => element.children.length === 0 && isString(STRINGS.tpsl, textOf(element)));
	return toggle ? {state: 'empty'} : notFound();
}

/** The fields read from the page title: the market, and the mark when the trade box shows none. */
function fillOutside(root: Element, draft: OrderDraft, doc: Document, want: Wanted = EVERY_FIELD): void {
	if (want('markPrice')) {
		const mark = readMark(root);
		draft.markPrice = mark.state === 'unread' && mark.reason === 'not-found' ? titlePrice(doc) : mark;
	}
	if (want('symbol')) draft.symbol = titleSymbol(doc);
}

export default defineAdapter({
	id: ID,
	venue: 'gmx-v2',
	matches: [
		'https://app.gmx.io/trade*', // /trade, /trade/long|short|swap (route /trade/:tradeType?, since Aug 10 2026)
		'https://app.gmx.io/', // hash-routed app before Aug 10 2026: https://app.gmx.io/#/trade/long (fragments are not matched)
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'gmx-v2', doc, formRoot, (root, draft) => {
			const fromTabs = tabSide(root);
			const fromRoute = routeSide(doc);
			const side = fromRoute ?? fromTabs;
			if (side === 'swap' || fromTabs === 'swap') return 'no-form'; // a swap opens no position
			// TP/SL mode (from the positions list) closes or reduces a position: it opens nothing.
			if (queryVisible(root, selectors.closeInput) && !queryVisible(root, selectors.size)) return 'no-form';
			// The tabs push the route (TradeBoxHeaderTabs.tsx history.push): when the two disagree, we do not pick one.
			draft.side = fromRoute && fromTabs && fromRoute !== fromTabs ? {state: 'unread', reason: 'ambiguous', text: `${fromRoute} / ${fromTabs}`} : side ? ok(side) : notFound();

			draft.orderType = readOrderType(root);
			const trigger = queryVisible(root, selectors.triggerPrice);
			draft.price = draft.orderType.state === 'ok' && draft.orderType.value === 'market' ? {state: 'empty'} : trigger ? inputNumber(trigger) : notFound();
			draft.size = readSize(root);
			draft.leverage = readLeverage(root, draft.side);
			draft.marginMode = ok('isolated'); // GMX v2 has no cross mode: positions are isolated per market and collateral
			// The pay token's wallet balance (MarginField.tsx, formatted without its symbol). It is a balance in that token,
			// not in dollars; read only when the collateral selector shows a stablecoin.
			const token = textOf(queryVisible(root, selectors.marginToken));
			const balance = queryVisible(root, selectors.marginBalance);
			draft.balance = !balance ? notFound() : STABLE.test(token) ? numberField(textOf(balance), {units: ['$']}) : {state: 'unread', reason: 'ambiguous', text: `${textOf(balance)} ${token}`.trim()};
			const marginBox = queryVisible(root, selectors.marginBox);
			const marginUsd = marginBox ? [...marginBox.querySelectorAll('span')].map(textOf).find(text => /^≈\s*\$/.test(text)) : undefined;
			// MarginField.tsx shows "≈$x" beside a volatile pay token; a stablecoin's amount is its dollar value.
			const marginInput = queryVisible(root, selectors.margin);
			draft.venueMargin = marginUsd ? numberField(marginUsd.replace(/^≈\s*/, ''), {units: ['$']}) : marginInput && STABLE.test(token) ? inputNumber(marginInput) : notFound();
			const sizeBox = queryVisible(root, selectors.sizeBox);
			const sizeUsd = sizeBox ? [...sizeBox.querySelectorAll('span')].map(textOf).find(text => /^≈\s*\$/.test(text)) : undefined;
			const sizeRead = draft.size;
			draft.venueOrderValue = sizeUsd ? numberField(sizeUsd.replace(/^≈\s*/, ''), {units: ['$']}) : sizeRead.state === 'ok' && sizeRead.value.unit === 'quote' ? ok(sizeRead.value.value, sizeRead.text) : notFound();

			draft.venueLiquidationPrice = readLiquidation(root);
			draft.takeProfit = readTpsl(root, STRINGS.tpPrice);
			draft.stopLoss = readTpsl(root, STRINGS.slPrice);
			draft.fundingRate = notFound(); // GMX shows borrow/funding as an hourly "Net rate" above the chart, not in the trade box
			draft.fundingCountdownSeconds = notFound(); // GMX funding accrues continuously; there is no countdown
			fillOutside(root, draft, doc);
			return draft;
		}),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, fillOutside, fields),
	submitTarget: (target, doc, trigger) =>
		safely(() =>
			submitTargetIn(formRoot(doc), target, selectors.submit, button => {
				const text = textOf(button);
				// useTradeButtonState.tsx: "[Mode: ]Open|Increase Long|Short"; approvals, "Creating order...", closes are not.
				if (!/\b(?:open|increase)\s+(?:long|short)\b/i.test(text)) return undefined;
				return sideFromText(text);
			}, trigger),
		),
	mountAfter: doc => safely(() => queryVisible(doc, selectors.submit)?.parentElement ?? formRoot(doc)),
});
