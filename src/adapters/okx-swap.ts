/**
 * OKX perpetual swap order form (https://www.okx.com/trade-swap/btc-usdt-swap).
 * Evidence: mop824/okx-hotkey selectors and its logged-out page dump (Apr 8 2026, commit ba4e1c7,
 * dom-dumps/futures-full.html); the authors note okui-* classes and data-testid are stable, `_r_…` ids and `index_…__hash`
 * classes are not, so neither is used here.
 *
 * Leverage is shown per side ("5x5x" = long 5x, short 5x). The one-way form offers both sides at once (side
 * 'both'), so a pair is read only when both values agree; different values are `ambiguous`.
 * Sizes are in contracts by default: the contract value comes from the amount field's placeholder
 * ("Single contract value 0.01 BTC") or, failing that, from bundled instrument data (instruments.ts).
 */
import type {OrderDraft} from '../core/draft.js';
import type {Side} from '../core/types.js';
import {defineAdapter} from './define-adapter.js';
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
	safeRead,
	safeReadOutside,
	EVERY_FIELD,
	type Wanted,
	safely,
	sideOfButtonText,
	sizeField,
	sizeUnitFromText,
	submitTargetIn,
	textOf,
} from './dom-read.js';
import {TPSL_TOGGLE} from './binance-form.js';
import {readOptionalPrice} from './label-form.js';
import {okxContractValue} from './instruments.js';
import {normalizeText, parseNumber} from './parse-number.js';

const ID = 'okx-swap';

const selectors = {
	form: [
		'.place-order-container-common', // 2026 layout (Apr 2026 snapshot)
		'#leftPoForm', // earlier layout (okx-hotkey's first draft, before the Apr 8 2026 rewrite)
		'.common-form-box', // earlier layout, inner box
	],
	settingsBox: [
		'.order-settings-box', // 1st: margin mode, 2nd: leverage (2026 snapshot)
	],
	marginMode: [
		'.order-settings-box button.okui-plain-button.top .has-tooltip', // 2026: "Cross"/"Isolated" tooltip span
		'.order-settings-box button.okui-plain-button.top', // 2026: the button itself
		'.margin-mode-select', // earlier layout
	],
	leverageLong: ['.color-up'], // inside the 2nd settings button: long leverage "5x"
	leverageShort: ['.color-down'], // inside the 2nd settings button: short leverage "5x"
	leverage: ['.leverage-select'], // earlier layout: one "10x" select
	positionTabs: ['.okui-tabs-pane-segmented[role="tab"]'], // hedge mode Open/Close (data-pane-id open|close)
	orderTypeTab: [
		'.okui-tabs-pane-underline[role="tab"][aria-selected="true"]', // 2026 order-type tabs, data-pane-id limit|market|stop-limit
		'.okui-tabs-pane-spacing[role="tab"][aria-selected="true"]', // same tabs, spacing variant
	],
	price: [
		'.price-input input.okui-input-input', // 2026: value carries grouping commas (enable_thousands="true")
		'input[enable_thousands]', // same input by its attribute
	],
	size: [
		'.size-input input.okui-input-input', // 2026: amount, placeholder "Single contract value 0.01 BTC"
	],
	sizeLabel: [
		'.size-input label', // "Amount (Contracts)" unit switch
		'.size-input .okui-input-label', // earlier label wrapper
	],
	available: [
		'[data-testid="max-asset"]', // "Available6,996.26 USDT" (label and value concatenated)
	],
	submit: [
		'button.okui-positivebutton', // buy/long
		'button.okui-negativebutton', // sell/short
	],
	tickerItem: [
		'.ticker-top-box .ticker-item', // 2026 header: span.label (or a popover div around it) + span.value (Apr 2026 dump)
	],
	takeProfit: ['input[aria-label="tpTriggerPx"]', 'input[labelbasic="TP trigger price"]'], // logged-in TP/SL (medium confidence)
	stopLoss: ['input[aria-label="slTriggerPx"]', 'input[labelbasic="SL trigger price"]'],
} as const;

function formRoot(doc: Document): Element | undefined {
	return queryVisible(doc, selectors.form);
}

const MARK_LABEL = /^Mark(?: price)?$/i;
/** "Funding rate (8h) / Countdown" on the live page: the funding interval sits in the label. */
const FUNDING_LABEL = /^Funding(?: rate)?(?:\s*\(\d{1,2}h\))?\s*\/\s*countdown$/i;

/**
 * A header figure: the `.value` of the `.ticker-item` whose `.label` matches. On the live page the funding label is
 * wrapped in a popover div, so its value is a sibling of that wrapper, not of the label (okx.com/trade-swap/btc-usdt-swap,
 * logged out, as saved in mop824/okx-hotkey@ba4e1c7 dom-dumps/futures-full.html; checked 2026-12-04).
 */
function tickerValue(doc: Document, label: RegExp): string | undefined {
	for (const item of queryAll(doc, selectors.tickerItem)) {
		const labels = [...item.querySelectorAll('.label')].filter(candidate => label.test(textOf(candidate)));
		const value = [...item.children].find(child => child.classList.contains('value'));
		if (labels.length > 0 && value) return textOf(value);
	}
	return undefined;
}

/**
 * The balance inside `[data-testid="max-asset"]` without its label, in any UI language. On the live page the label
 * ("Available") sits in a button (its coach-mark popover) and the value ("-- USDT") in a sibling popover, so the
 * button's text is the label (okx.com/trade-swap/btc-usdt-swap as saved in mop824/okx-hotkey@ba4e1c7
 * dom-dumps/futures-full.html, checked 2026-12-04). Without that button, the English or Chinese label is stripped,
 * and failing that any leading text that is not part of a number: the value is "number unit" or a placeholder, and
 * whatever is left must still parse as one (balanceField), so a prefix we do not know never becomes a figure.
 */
export function availableValueText(box: Element | undefined): string {
	const text = textOf(box);
	if (!box || !text) return '';
	const label = [...box.querySelectorAll('button')].map(textOf).join('');
	if (label && text.startsWith(label)) return text.slice(label.length).trim();
	const rest = text.replace(/^(?:Available|Avail\.?|可用)\s*/i, '');
	// Only a figure's prefix of letters, spaces and a colon is stripped: without a digit there is no figure, and the
	// text stays as is (unread); invisible or direction controls stay for the number reader to refuse (adapter fuzz).
	return (/\d/.test(rest) ? rest.replace(/^[\p{L}\p{M}\s:：]+/u, '') : rest).trim();
}

function submitButtons(form: Element): Element[] {
	return queryAll(form, selectors.submit).filter(button => !isHidden(button));
}

function sideOfButton(button: Element): Side | 'draft' | undefined {
	const text = textOf(button);
	if (/log\s*in|sign\s*up/i.test(text)) return undefined;
	return sideOfButtonText(button) ?? (button.matches('.okui-positivebutton') ? 'long' : button.matches('.okui-negativebutton') ? 'short' : undefined);
}

/** The fields read from the ticker bar above the form (or a row anywhere on the page): the mark and funding. */
function fillOutside(draft: OrderDraft, doc: Document, want: Wanted = EVERY_FIELD): void {
	if (want('markPrice')) draft.markPrice = numberField(tickerValue(doc, MARK_LABEL) ?? rowValue(doc, MARK_LABEL));
	if (want('fundingRate') || want('fundingCountdownSeconds')) Object.assign(draft, fundingPairFields(tickerValue(doc, FUNDING_LABEL) ?? rowValue(doc, FUNDING_LABEL)));
}

export default defineAdapter({
	id: ID,
	venue: 'okx-swap',
	matches: [
		'https://www.okx.com/trade-swap/*', // e.g. /trade-swap/btc-usdt-swap (okx-hotkey page detection)
		'https://www.okx.com/*/trade-swap/*', // locale prefixes /zh-hans/, /pt/, … (hreflang links)
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'okx-swap', doc, formRoot, (form, draft) => {
			const tabs = queryAll(form, selectors.positionTabs);
			const active = tabs.find(tab => tab.getAttribute('aria-selected') === 'true');
			if (active?.getAttribute('data-pane-id') === 'close') return 'no-form'; // closing orders open nothing

			const buttons = submitButtons(form);
			const sides = new Set(buttons.map(sideOfButton).filter(side => side === 'long' || side === 'short'));
			draft.side = sides.size === 1 ? ok([...sides][0] as Side) : ok('both');

			const typeTab = queryVisible(form, selectors.orderTypeTab);
			const paneId = typeTab?.getAttribute('data-pane-id');
			draft.orderType = paneId === 'limit' ? ok('limit', textOf(typeTab)) : paneId === 'market' ? ok('market', textOf(typeTab)) : typeTab ? {state: 'unread', reason: 'unparseable', text: textOf(typeTab)} : notFound();
			draft.price = draft.orderType.state === 'ok' && draft.orderType.value === 'market' ? {state: 'empty'} : inputNumber(queryVisible(form, selectors.price));

			const sizeInput = queryVisible(form, selectors.size);
			const unitText = /\(([^)]+)\)/.exec(textOf(queryVisible(form, selectors.sizeLabel)))?.[1] ?? '';
			draft.size = sizeField(inputNumber(sizeInput), sizeUnitFromText(unitText));
			const hint = /single contract value\s*([\d.,]+)\s*([A-Z]+)/i.exec(normalizeText(sizeInput?.getAttribute('placeholder') ?? ''));
			const symbol = /\/trade-swap\/([a-z0-9-]+)/i.exec(doc.location?.href ?? '')?.[1]?.toUpperCase();
			// Base units per contract: only a hint in the base asset is one. A coin-margined swap's "100 USD" is not 100 BTC.
			const hinted = hint?.[1] && hint[2]?.toUpperCase() === symbol?.split('-')[0] ? parseNumber(hint[1]) : undefined;
			const contractValue = hinted?.kind === 'number' ? hinted.value : symbol ? okxContractValue(symbol) : undefined;
			if (contractValue) draft.contractValue = contractValue;
			draft.symbol = symbol ? ok(symbol) : notFound();

			draft.marginMode = marginModeField(textOf(queryVisible(form, selectors.marginMode)) || undefined);
			const long = queryVisible(form, selectors.leverageLong);
			const short = queryVisible(form, selectors.leverageShort);
			const leverageText = long && short ? textOf(long) + textOf(short) : textOf(queryVisible(form, selectors.leverage)) || undefined;
			draft.leverage = leverageField(leverageText, draft.side);

			const available = availableValueText(queryVisible(form, selectors.available));
			draft.balance = available ? balanceField(available) : notFound();
			const tp = queryVisible(form, selectors.takeProfit);
			const sl = queryVisible(form, selectors.stopLoss);
			draft.takeProfit = tp ? inputNumber(tp) : readOptionalPrice(form, /^TP trigger price$/i, TPSL_TOGGLE);
			draft.stopLoss = sl ? inputNumber(sl) : readOptionalPrice(form, /^SL trigger price$/i, TPSL_TOGGLE);
			draft.venueLiquidationPrice = numberField(rowValue(form, /^(?:Est\.?\s*)?liq(?:\.|uidation)?\s*price$/i));

			fillOutside(draft, doc);
			return draft;
		}),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, (_form, draft, _doc, want) => fillOutside(draft, doc, want), fields),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const form = formRoot(doc);
			return submitTargetIn(form, target, selectors.submit, sideOfButton, trigger);
		}),
	mountAfter: doc =>
		safely(() => {
			const form = formRoot(doc);
			return (form && submitButtons(form).at(-1)?.parentElement) ?? form;
		}),
});
