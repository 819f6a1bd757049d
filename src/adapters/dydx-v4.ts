/**
 * dYdX v4 order form (https://dydx.trade/trade/BTC-USD).
 * Evidence: research/dom.md §6 — dydxprotocol/v4-web (HEAD Jul 17 2026: TradeBoxOrderView, TradeForm,
 * MarginModeSelector, TradeSizeInputs) and v4-localization en/app.json (Apr 30 2026). The UI is translated into
 * 10 locales, so ids and ARIA state are used first and English text last.
 *
 * Numbers: inputs carry no grouping and use the locale's decimal mark, so a lone "," or "." in an input IS the
 * decimal mark. Display text uses Intl grouping for `<html lang>`; comma-decimal locales are read with ',',
 * dot-decimal ones with '.', anything else with 'auto' (ambiguous "1,234" stays unread).
 */
import type {Side} from '../core/types.js';
import {defineAdapter} from './define-adapter.js';
import {
	balanceField,
	countdownField,
	inputNumber,
	isHidden,
	leverageField,
	marginModeField,
	notFound,
	numberField,
	ok,
	queryAll,
	queryVisible,
	QUOTE_CURRENCIES,
	rateField,
	rowValue,
	safeRead,
	safely,
	sideFromText,
	sizeField,
	submitTargetIn,
	symbolFromUrl,
	textOf,
	valueOf,
} from './dom-read.js';
import {isActive, readSizeUnit} from './label-form.js';
import type {ParseNumberOptions} from './parse-number.js';

const ID = 'dydx-v4';

const selectors = {
	size: ['#trade-amount'], // TradeSizeInputs: "Amount" + asset tag, or "$" prefix in USD mode
	limitPrice: ['[id="price.limitPrice"]'], // the id contains a dot (TradeFormInputs)
	sideTabs: ['[role="tab"]'], // Radix Tabs "Buy | Long" / "Sell | Short" (TradeSideTabs), aria-selected / data-state="active"
	marginMode: ['[role="radio"][aria-checked="true"]', '[role="radio"][data-state="on"]'], // Radix ToggleGroup Cross | Isolated
	leverage: ['button'], // button next to the toggle showing "5×" (U+00D7)
	takeProfit: ['#takeprofit-price'], // after ticking #show-trigger-orders
	stopLoss: ['#stoploss-price'],
	tpslToggle: ['#show-trigger-orders'],
	submit: ['button[type="submit"]'], // "Place Limit Order" / "Place Market Order" — no side word; side from the tab
} as const;

const COMMA_DECIMAL_LOCALES = /^(?:de|fr|es|pt|it|ru|tr|nl|pl|id|vi|uk|cs|sv|da|fi|nb)\b/i;
const DOT_DECIMAL_LOCALES = /^(?:en|zh|ja|ko|th|he)\b/i;

function displayOptions(doc: Document): ParseNumberOptions {
	const lang = doc.documentElement?.getAttribute('lang') ?? '';
	return {decimalSeparator: COMMA_DECIMAL_LOCALES.test(lang) ? ',' : DOT_DECIMAL_LOCALES.test(lang) ? '.' : 'auto'};
}

function inputOptions(control: Element | undefined): ParseNumberOptions {
	return {decimalSeparator: (valueOf(control) ?? '').includes(',') ? ',' : '.'};
}

function formRoot(doc: Document): Element | undefined {
	const amount = queryVisible(doc, selectors.size);
	const form = amount?.closest('form') ?? undefined;
	if (!form) return undefined;
	// The side tabs and margin row sit just above the <form> (TradeBoxOrderView).
	for (let node: Element | null = form, level = 0; node && level < 4; node = node.parentElement, level++) {
		if (queryAll(node, selectors.sideTabs).some(tab => sideFromText(textOf(tab)))) return node;
	}
	return form;
}

function activeSide(root: Element): Side | undefined {
	const tab = queryAll(root, selectors.sideTabs).find(candidate => isActive(candidate) && sideFromText(textOf(candidate)));
	return tab ? sideFromText(textOf(tab)) : undefined;
}

export default defineAdapter({
	id: ID,
	label: 'dYdX v4',
	venue: 'dydx-v4',
	matches: [
		'https://dydx.trade/trade/*', // BrowserRouter route /trade/:market (src/constants/routes.ts)
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'dydx-v4', doc, formRoot, (root, draft) => {
			const display = displayOptions(doc);
			const side = activeSide(root);
			draft.side = side ? ok(side) : notFound();
			const typeTab = queryAll(root, selectors.sideTabs).find(tab => isActive(tab) && !sideFromText(textOf(tab)));
			const typeText = textOf(typeTab);
			draft.orderType = /^limit$/i.test(typeText) ? ok('limit', typeText) : /^market$/i.test(typeText) ? ok('market', typeText) : typeTab ? {state: 'unread', reason: 'unparseable', text: typeText} : notFound();

			const price = queryVisible(root, selectors.limitPrice);
			draft.price = draft.orderType.state === 'ok' && draft.orderType.value === 'market' ? {state: 'empty'} : price ? inputNumber(price, inputOptions(price)) : notFound();
			const size = queryVisible(root, selectors.size);
			draft.size = size ? sizeField(inputNumber(size, inputOptions(size)), readSizeUnit(size, /^Amount$/, ['USD', '$', 'USDC'], root)) : notFound();

			const mode = queryVisible(root, selectors.marginMode);
			draft.marginMode = mode ? marginModeField(textOf(mode)) : notFound();
			const leverage = queryAll(root, selectors.leverage).map(textOf).find(text => /^\d+(?:[.,]\d+)?\s*[×xX]$/.test(text));
			draft.leverage = leverageField(leverage, draft.side);

			const tp = queryVisible(root, selectors.takeProfit);
			const sl = queryVisible(root, selectors.stopLoss);
			const hasToggle = queryVisible(root, selectors.tpslToggle) !== undefined;
			draft.takeProfit = tp ? inputNumber(tp, inputOptions(tp)) : hasToggle ? {state: 'empty'} : notFound();
			draft.stopLoss = sl ? inputNumber(sl, inputOptions(sl)) : hasToggle ? {state: 'empty'} : notFound();

			draft.venueLiquidationPrice = numberField(rowValue(root, /^Liquidation Price$/i), display);
			// Not "Buying Power": free collateral × the market's max leverage (v4-web), many times the balance.
			draft.balance = balanceField(rowValue(root, /^(?:Available|Free Collateral)$/i), QUOTE_CURRENCIES, display);
			draft.markPrice = numberField(rowValue(doc, /^Oracle Price$/i), display);
			const funding = rowValue(doc, /^(?:1h Funding|Funding Rate)$/i);
			draft.fundingRate = funding === undefined ? notFound() : rateField(funding, display);
			const next = rowValue(doc, /^Next Funding$/i);
			draft.fundingCountdownSeconds = next === undefined ? notFound() : countdownField(next);
			draft.symbol = symbolFromUrl(doc, /\/trade\/([A-Za-z0-9-]+)/);
			return draft;
		}),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const root = formRoot(doc);
			return submitTargetIn(root, target, selectors.submit, button => (isHidden(button) ? undefined : 'draft'), trigger);
		}),
	mountAfter: doc => safely(() => queryVisible(formRoot(doc) ?? doc, selectors.submit)?.parentElement ?? formRoot(doc)),
});
