/**
 * dYdX v4 order form (https://dydx.trade/trade/BTC-USD), rebuilt from the front end's own source:
 * dydxprotocol/v4-web@2248cb6 (HEAD, 2026-07-17) and its strings, dydxprotocol/v4-localization@eebfc49
 * (config/localization/<locale>/app.json, 10 locales); both checked 2026-12-04.
 *
 * What the components render (v4-web@2248cb6):
 * - src/views/TradeBoxOrderView.tsx: a div holding MarginAndLeverageButtons (Cross | Isolated toggle and the "5×"
 *   leverage button), then TradeSideTabs (Radix Tabs "Buy | Long" / "Sell | Short") whose shared content holds the
 *   order-type Tabs, whose shared content holds a scroll container around the `<form>` (src/views/forms/TradeForm.tsx).
 *   From the `<form>`, the side tabs are 4 ancestors up and the margin/leverage row 5 up.
 * - The tablet trade dialog (src/views/dialogs/TradeDialog.tsx → TradeForm with currentStep EditOrder) renders the
 *   side tabs and the margin row inside the `<form>`.
 * - Radix Tabs triggers carry `id="<base>-trigger-<value>"` (values BUY/SELL, LIMIT/MARKET/TRIGGER_LIMIT/…): the
 *   side and the order type are read from those ids, not from the translated labels.
 * - The receipt (PlaceOrderButtonAndReceipt.tsx → Details) is `<dl><div><dt><abbr><span>Liquidation Price</span>
 *   </abbr></dt><dd>` + a DiffOutput (current value, then the value after the order). Outputs are `<output>` with a
 *   raw, locale-free `title` ("57410.2 USD", "5×", src/components/Output.tsx): numbers are read from it first.
 * - There is no balance row in the form. The account panel (src/views/AccountInfo/AccountInfoSection.tsx) shows
 *   "Available Balance" (the subaccount's free collateral) next to "Portfolio Value"; we read the current value
 *   there. A cross order needs it; without it (logged out, panel hidden) the balance stays unread and the panel
 *   asks for it. Free collateral is below the equity that backs a cross position, so the estimate errs early.
 *
 * Numbers: inputs carry no grouping (react-number-format, no thousand separator) and use the locale's decimal mark, so a
 * lone "," or "." in an input IS the decimal mark; USD inputs carry a "$" prefix (InputType.Currency). Text without a
 * title follows `<html lang>` (dYdX takes its separators from the selected locale, src/hooks/useLocaleSeparators.tsx).
 */
import type {FieldRead, OrderDraft, SizeUnit} from '../core/draft.js';
import type {Side} from '../core/types.js';
import {defineAdapter} from './define-adapter.js';
import {
	countdownField,
	inputNumber,
	isHidden,
	leverageField,
	notFound,
	numberField,
	ok,
	queryAll,
	queryVisible,
	rateField,
	safeRead,
	safeReadOutside,
	EVERY_FIELD,
	type Wanted,
	safely,
	sizeField,
	submitTargetIn,
	symbolFromUrl,
	textOf,
	valueOf,
} from './dom-read.js';
import {normalizeText, type ParseNumberOptions} from './parse-number.js';

const ID = 'dydx-v4';

/** v4-web@2248cb6 file beside each hook; checked 2026-12-04. */
const selectors = {
	size: ['#trade-amount'], // src/views/forms/TradeForm/TradeSizeInputs.tsx: FormInput id="trade-amount"
	limitPrice: ['[id="price.limitPrice"]'], // TradeFormInputs.tsx: id={TradeBoxKeys.LimitPrice} = "price.limitPrice" (src/constants/trade.ts)
	triggerPrice: ['[id="price.triggerPrice"]'], // TradeFormInputs.tsx: stop orders
	sideTabs: ['[role="tab"][id$="-trigger-BUY"]', '[role="tab"][id$="-trigger-SELL"]'], // src/views/TradeSideTabs.tsx: OrderSide BUY/SELL as Radix Tabs values
	typeTabs: ['[role="tab"][id*="-trigger-"]'], // TradeBoxOrderView.tsx: TradeFormType values (src/bonsai/forms/trade/types.ts)
	marginToggle: ['[role="group"]'], // MarginModeSelector.tsx: Radix ToggleGroup type="single", items CROSS then ISOLATED (role="radio")
	leverageOutput: ['button output[title$="×"]'], // MarginModeSelector.tsx: leverage Button → Output type Multiple, title "<value>×"
	leverageInput: ['input[inputmode="decimal"]'], // before 2025-12-01 (v4-web@08ae801, parent of a1f2929): TargetLeverageInput, InputType.Leverage (suffix "×")
	tpslToggle: ['#show-trigger-orders'], // AdvancedTradeOptions.tsx: Radix Checkbox (a button, role="checkbox", aria-checked)
	takeProfit: ['#takeprofit-price'], // TradeTriggerInput.tsx: id `${key}-price`, key takeprofit | stoploss
	stopLoss: ['#stoploss-price'],
	receiptTerms: ['dl dt'], // src/components/Details.tsx: <dt> label, <dd> value
	submit: ['button[type="submit"]'], // PlaceOrderButtonAndReceipt.tsx: "Place Limit Order" — no side word; logged out: a connect button instead
} as const;

/** The source's strings (v4-localization@eebfc49 config/localization/<locale>/app.json), en de es fr ja ko pt ru tr zh-CN. */
const STRINGS = {
	BUY_LONG: ['Buy | Long', '| Long kaufen', 'Comprar | Largo', 'Acheter | Long', '購入｜ロング', '구매 | 롱', 'Comprar | Long', 'Покупка | Лонг', 'Satın al | Uzun', '购买 | 多'],
	SELL_SHORT: ['Sell | Short', '| Kurz verkaufen', 'Vender | Corto', 'Vendre | Short', '売り｜ショート', '판매 | 숏', 'Vender | Short', 'Продажа | Шорт', 'Satış | Kısa', '卖出 | 做空'],
	CROSS: ['Cross', 'Kreuz', 'Cruzar', 'Croiser', 'クロス', '교차', 'Cruzado', 'Кросс', 'Çapraz', '交叉'],
	ISOLATED: ['Isolated', 'Isoliert', 'Aislado', 'Isolé', '単発', '격리됨', 'Isolada', 'Изолированная', 'İzole', '逐仓'],
	LIQUIDATION_PRICE: ['Liquidation Price', 'Liquidationspreis', 'Precio de liquidación', 'Prix de liquidation', '清算価格', '청산 가격', 'Preço de liquidação', 'Ликвидационная цена', 'Tasfiye Fiyatı', '清算价格'],
	POSITION_MARGIN: ['Position Margin', 'Positions-Marge', 'Margen de posición', 'Marge de position', 'ポジション証拠金', '포지션 마진', 'Margem de posição', 'Маржа позиции', 'Pozisyon Marjini', '头寸保证金'],
	AVAILABLE_BALANCE: ['Available Balance', 'Verfügbares Guthaben', 'Balance disponible', 'Solde disponible', '利用可能な残高', '가용 잔액', 'Saldo disponível', 'Доступный остаток', 'Kullanılabilir Bakiye', '可用余额'],
	PORTFOLIO_VALUE: ['Portfolio Value', 'Portfolio-Wert', 'Valor de la cartera', 'Valeur du portfolio', 'ポートフォリオ価値', '포트폴리오 값', 'Valor do portfólio', 'Стоимость портфеля', 'Portföy Değeri', '资产组合价值'],
	ORACLE_PRICE: ['Oracle Price', 'Oracle-Preis', 'Precio del oráculo', "Prix d'oracle", 'オラクル価格', '오라클 가격', 'Preço do oráculo', 'Цена по оракулу', 'Oracle Fiyatı', '预言机价格'],
	FUNDING_RATE_1H_SHORT: ['1h Funding', '1h Finanzierung', 'Financiación de 1 hora', 'Financement 1 h', '1時間ファンディング', '1시간 펀딩', 'Financiamento de 1h', 'Финансирование за 1 ч', '1 Saatlik Fonlama', '1 小时费用'],
	NEXT_FUNDING: ['Next Funding', 'Nächste Finanzierung', 'Siguiente financiación', 'Prochain financement', '次のファンディング', '다음 펀딩', 'Próximo financiamento', 'Следующее финансирование', 'Sonraki Fonlama', '下一笔资金'],
} as const;

function isString(list: readonly string[], text: string): boolean {
	const shown = normalizeText(text).toLowerCase();
	return list.some(entry => entry.toLowerCase() === shown);
}

const COMMA_DECIMAL_LOCALES = /^(?:de|fr|es|pt|it|ru|tr|nl|pl|id|vi|uk|cs|sv|da|fi|nb)\b/i;
const DOT_DECIMAL_LOCALES = /^(?:en|zh|ja|ko|th|he)\b/i;

function displayOptions(doc: Document): ParseNumberOptions {
	const lang = doc.documentElement?.getAttribute('lang') ?? '';
	return {decimalSeparator: COMMA_DECIMAL_LOCALES.test(lang) ? ',' : DOT_DECIMAL_LOCALES.test(lang) ? '.' : 'auto'};
}

function inputOptions(control: Element | undefined): ParseNumberOptions {
	return {decimalSeparator: (valueOf(control) ?? '').includes(',') ? ',' : '.'};
}

/**
 * An Output's number: its `title` holds the raw value with the type's suffix ("57410.2 USD", "5×"), free of the
 * locale's separators; the text is what the page shows. An empty Output (`title=" USD"`) reads as empty.
 */
function outputNumber(output: Element | undefined, display: ParseNumberOptions): FieldRead<string> {
	if (!output) return notFound();
	const shown = textOf(output);
	const raw = /^\s*(-?\d+(?:\.\d+)?)\s*(?:USD|×)?\s*$/.exec(output.getAttribute('title') ?? '');
	if (raw?.[1]) return ok(raw[1], shown || raw[1]);
	if (!shown && /^\s*(?:USD|×)?\s*$/.test(output.getAttribute('title') ?? '')) return {state: 'empty'};
	return numberField(shown, display);
}

/**
 * A DiffOutput cell (src/components/DiffOutput.tsx): the current value, then — once the form has inputs — an arrow
 * and the value after the order. `after` takes the value after the order when shown, else the current one.
 */
function diffValue(cell: Element | undefined, pick: 'current' | 'after', display: ParseNumberOptions): FieldRead<string> {
	if (!cell) return notFound();
	const outputs = [...cell.querySelectorAll('output')];
	if (outputs.length === 0) return numberField(textOf(cell), display);
	// The value after the order follows the DiffArrow (a span around an svg icon, src/components/DiffArrow.tsx).
	const afterArrow = (output: Element) => {
		const arrow = output.previousElementSibling;
		return !!arrow && !textOf(arrow) && (arrow.tagName.toLowerCase() === 'svg' || arrow.querySelector('svg') !== null);
	};
	const current = outputs.filter(output => !afterArrow(output));
	if (pick === 'current') return current[0] ? outputNumber(current[0], display) : notFound(); // never the value after the order
	return outputNumber(outputs.filter(afterArrow).at(-1) ?? current.at(-1), display);
}

/** The `<dd>` of the `<dt>` (in `root`) whose text is one of the source's strings for that row. */
function termValue(root: ParentNode, strings: readonly string[], within?: (dl: Element) => boolean): Element | undefined {
	for (const term of root.querySelectorAll('dt')) {
		if (!isString(strings, textOf(term))) continue;
		const dl = term.closest('dl');
		if (within && (!dl || !within(dl))) continue;
		const value = term.nextElementSibling;
		if (value?.tagName.toLowerCase() === 'dd') return value;
	}
	return undefined;
}

function sideTab(root: ParentNode): Element | undefined {
	return queryAll(root as Element, selectors.sideTabs)[0];
}

/**
 * The subtree that holds the whole order box: the `<form>`, widened to the ancestor holding the side tabs and then,
 * on desktop, one more holding the margin/leverage row (see the file comment for the depths).
 */
function formRoot(doc: Document): Element | undefined {
	const amount = queryVisible(doc, selectors.size);
	const form = amount?.closest('form') ?? undefined;
	if (!form) return undefined;
	let root: Element = form;
	for (let node: Element | null = form, level = 0; node && level <= 6; node = node.parentElement, level++) {
		if (sideTab(node)) {
			root = node;
			break;
		}
	}
	if (root !== form || sideTab(form)) {
		for (let node: Element | null = root, level = 0; node && level <= 2; node = node.parentElement, level++) {
			if (node.querySelectorAll(selectors.size[0]).length > 1) break; // never widen into a second order box
			if (marginRadios(node).length === 2 || queryVisible(node, selectors.leverageOutput)) return node;
		}
	}
	return root;
}

function marginRadios(root: ParentNode): Element[] {
	for (const group of root.querySelectorAll(selectors.marginToggle[0])) {
		const radios = [...group.querySelectorAll('[role="radio"]')];
		if (radios.length !== 2) continue;
		const [first, second] = radios.map(textOf) as [string, string];
		// The labels are the source's strings when we know the locale; position (CROSS first) when we do not.
		const known = (isString(STRINGS.CROSS, first) || isString(STRINGS.ISOLATED, first)) && (isString(STRINGS.CROSS, second) || isString(STRINGS.ISOLATED, second));
		const unknown = ![first, second].some(text => isString([...STRINGS.CROSS, ...STRINGS.ISOLATED], text));
		if (known || unknown) return radios;
	}
	return [];
}

function isOn(element: Element): boolean {
	return element.getAttribute('aria-checked') === 'true' || element.getAttribute('data-state') === 'on';
}

function readSide(root: Element): FieldRead<Side | 'both'> {
	const tabs = queryAll(root, selectors.sideTabs);
	const active = tabs.find(tab => tab.getAttribute('aria-selected') === 'true');
	if (active) {
		const side: Side = /-trigger-BUY$/.test(active.id) ? 'long' : 'short';
		const text = textOf(active);
		const contradicts = side === 'long' ? isString(STRINGS.SELL_SHORT, text) : isString(STRINGS.BUY_LONG, text);
		return contradicts ? {state: 'unread', reason: 'ambiguous', text} : ok(side, text);
	}
	// Fallback when the ids change: the source's own tab labels.
	for (const tab of root.querySelectorAll('[role="tab"][aria-selected="true"]')) {
		const text = textOf(tab);
		if (isString(STRINGS.BUY_LONG, text)) return ok('long', text);
		if (isString(STRINGS.SELL_SHORT, text)) return ok('short', text);
	}
	return notFound();
}

function readOrderType(root: Element): FieldRead<'limit' | 'market'> {
	const tabs = queryAll(root, selectors.typeTabs).filter(tab => !/-trigger-(?:BUY|SELL)$/.test(tab.id));
	// The "Advanced"/"Stop" dropdown is a tab trigger too (aria-haspopup); its value mirrors the selected type.
	const selected = tabs.filter(tab => tab.getAttribute('aria-selected') === 'true');
	const active = selected.find(tab => !tab.hasAttribute('aria-haspopup')) ?? selected[0];
	if (!active) return tabletOrderType(root);
	const type = /-trigger-([A-Z_]+)$/.exec(active.id)?.[1];
	const text = textOf(active);
	if (type === 'LIMIT') return ok('limit', text);
	if (type === 'MARKET') return ok('market', text);
	return {state: 'unread', reason: 'unparseable', text}; // stop and scale orders: not priced here
}

/**
 * The tablet trade dialog (TradeForm.tsx tabletActionsRow) shows the order types as a ToggleGroup without values in
 * the DOM, in the order of useTradeTypeOptions.tsx ("Limit order is always first, Market order is always second").
 */
function tabletOrderType(root: Element): FieldRead<'limit' | 'market'> {
	for (const group of root.querySelectorAll(selectors.marginToggle[0])) {
		const radios = [...group.querySelectorAll('[role="radio"]')];
		if (radios.length < 3) continue;
		const index = radios.findIndex(isOn);
		if (index < 0) continue;
		const text = textOf(radios[index]);
		return index === 0 ? ok('limit', text) : index === 1 ? ok('market', text) : {state: 'unread', reason: 'unparseable', text};
	}
	return notFound();
}

function readMarginMode(root: Element): FieldRead<'cross' | 'isolated'> {
	const radios = marginRadios(root);
	const index = radios.findIndex(isOn);
	if (index < 0) return notFound();
	const text = textOf(radios[index]);
	const mode = index === 0 ? 'cross' : 'isolated';
	const contradicts = mode === 'cross' ? isString(STRINGS.ISOLATED, text) : isString(STRINGS.CROSS, text);
	return contradicts ? {state: 'unread', reason: 'ambiguous', text} : ok(mode, text);
}

function readLeverage(root: Element, side: FieldRead<Side | 'both'>): FieldRead<string> {
	const output = queryVisible(root, selectors.leverageOutput);
	if (output) {
		const raw = /^\s*(\d+(?:\.\d+)?)\s*×\s*$/.exec(output.getAttribute('title') ?? '')?.[1];
		if (raw) return ok(raw, textOf(output) || `${raw}×`);
		return leverageField(textOf(output), side);
	}
	// Before 2025-12-01 the isolated form had a "Target Leverage" input whose value carries the "×" suffix.
	const typed = queryAll(root, selectors.leverageInput).find(input => !isHidden(input) && /×\s*$/.test(valueOf(input) ?? ''));
	return typed ? leverageField((valueOf(typed) ?? '').replace(',', '.'), side) : notFound();
}

/** USD mode shows a "$" prefix in the input and "USD" in the label's unit tag (DisplayUnitTag.tsx); else the asset. */
function readSize(size: Element | undefined): OrderDraft['size'] {
	if (!size) return notFound();
	const value = valueOf(size) ?? '';
	const label = size.id ? size.ownerDocument.querySelector(`label[for="${size.id}"]`) : null;
	const tag = label ? [...label.querySelectorAll('span')].filter(span => span.children.length === 0).map(textOf).at(-1) : undefined;
	const usd = value.trim().startsWith('$') || tag === 'USD';
	const unit: SizeUnit | undefined = usd ? 'quote' : tag && /^[A-Z0-9]{2,12}$/.test(tag) ? 'base' : undefined;
	return sizeField(inputNumber(size, inputOptions(size)), unit);
}

/** The fields read outside the trade form: the account's balance, the market's oracle price and funding. */
function fillOutside(draft: OrderDraft, doc: Document, want: Wanted = EVERY_FIELD): void {
	const display = displayOptions(doc);
	const account = (dl: Element) => [...dl.querySelectorAll('dt')].some(term => isString(STRINGS.PORTFOLIO_VALUE, textOf(term)));
	if (want('balance')) draft.balance = diffValue(termValue(doc, STRINGS.AVAILABLE_BALANCE, account), 'current', display);
	if (want('markPrice')) draft.markPrice = diffValue(termValue(doc, STRINGS.ORACLE_PRICE), 'current', display);
	const funding = want('fundingRate') ? termValue(doc, STRINGS.FUNDING_RATE_1H_SHORT) : undefined;
	if (want('fundingRate')) draft.fundingRate = funding ? rateField(textOf(funding.querySelector('output') ?? funding), display) : notFound();
	const next = want('fundingCountdownSeconds') ? termValue(doc, STRINGS.NEXT_FUNDING) : undefined;
	if (want('fundingCountdownSeconds')) draft.fundingCountdownSeconds = next ? countdownField(textOf(next)) : notFound(); // NextFundingTimer: "MM:SS" (src/lib/timeUtils.ts formatSeconds)
}

export default defineAdapter({
	id: ID,
	venue: 'dydx-v4',
	matches: [
		'https://dydx.trade/trade/*', // BrowserRouter route /trade/:market (src/constants/routes.ts)
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'dydx-v4', doc, formRoot, (root, draft) => {
			const display = displayOptions(doc);
			draft.side = readSide(root);
			draft.orderType = readOrderType(root);

			const price = queryVisible(root, selectors.limitPrice);
			draft.price = draft.orderType.state === 'ok' && draft.orderType.value === 'market' ? {state: 'empty'} : price ? inputNumber(price, inputOptions(price)) : notFound();
			const size = queryVisible(root, selectors.size);
			draft.size = readSize(size);

			draft.marginMode = readMarginMode(root);
			draft.leverage = readLeverage(root, draft.side);

			const toggle = queryVisible(root, selectors.tpslToggle);
			const tpslOn = toggle?.getAttribute('aria-checked') === 'true' || toggle?.getAttribute('data-state') === 'checked';
			const tp = queryVisible(root, selectors.takeProfit);
			const sl = queryVisible(root, selectors.stopLoss);
			draft.takeProfit = tp ? inputNumber(tp, inputOptions(tp)) : toggle && !tpslOn ? {state: 'empty'} : notFound();
			draft.stopLoss = sl ? inputNumber(sl, inputOptions(sl)) : toggle && !tpslOn ? {state: 'empty'} : notFound();

			draft.venueLiquidationPrice = diffValue(termValue(root, STRINGS.LIQUIDATION_PRICE), 'after', display);
			draft.venueMargin = diffValue(termValue(root, STRINGS.POSITION_MARGIN), 'after', display);
			// TradeSizeInputs.tsx: "≈ $1,420.01" beside the amount in asset mode is the order's USD value; in USD mode the
			// amount itself is.
			const conversion = size?.ownerDocument.querySelector('label[for="trade-amount"]')?.closest('div')?.parentElement;
			const approx = conversion ? [...conversion.querySelectorAll('div')].map(textOf).find(text => /^≈\s*\$/.test(text)) : undefined;
			const sizeRead = draft.size;
			draft.venueOrderValue = approx ? numberField(approx.replace(/^≈\s*/, ''), display) : sizeRead.state === 'ok' && sizeRead.value.unit === 'quote' ? ok(sizeRead.value.value, sizeRead.text) : notFound();

			fillOutside(draft, doc);
			draft.symbol = symbolFromUrl(doc, /\/trade\/([A-Za-z0-9-]+)/);
			return draft;
		}),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, (_form, draft, _doc, want) => fillOutside(draft, doc, want), fields),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const root = formRoot(doc);
			return submitTargetIn(root, target, selectors.submit, button => (isHidden(button) ? undefined : 'draft'), trigger);
		}),
	mountAfter: doc => safely(() => queryVisible(formRoot(doc) ?? doc, selectors.submit)?.parentElement ?? formRoot(doc)),
});
