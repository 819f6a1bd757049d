/**
 * Bybit USDT perpetual order form (https://www.bybit.com/trade/usdt/BTCUSDT).
 * Evidence: public code only — the venue with the least current evidence (confidence low): mmintel's 2022
 * extension (mmintel/chrome-bybit-extension src/content.ts; `.by-checkbox--long/short`, `.oc__row-bottom--12`,
 * `.by-input__inner`, "Order by"), a 2024–25 grid-bot content script (`.oc-head-leverage`, `.oc__tp-sl-chk-text`),
 * and an Oct 2025 clone checklist for visible texts ("Cross", "10.00x", Limit/Market/Conditional, "Price"+"Last",
 * "Quantity"+"BTC", "Liq. Price", "Long"/"Short"). So fields are found by label text with the BEM
 * classes as first alternatives.
 *
 * Evidence per selector (checked 2026-12-04):
 * - live in 2022: `.by-input__inner`, `.oc__row-bottom--12`, "Order by", `.contract-detail` "Mark Price":
 *   mmintel/chrome-bybit-extension@46001d8 (2022-09-28), src/content.ts.
 * - live in 2024–25: `.oc-head-leverage`, `.by-input__inner` in the leverage modal, `.oc__tp-sl-chk-text`: a grid-bot
 *   extension's content script found by public code search (repository not resolvable from the index); the TP/SL
 *   checkbox class also in Greasy Fork script 548078 (@version 2026-01-01).
 * - inferred: the `.oc` form root, the "Value", "Cost", "Liq. Price", "Available Balance" row labels (from a
 *   clone's design checklist of Bybit screenshots, Oct 2025, not from the live DOM).
 */
import {defineAdapter} from './define-adapter.js';
import {elementsWithText, leverageField, queryVisible, safeRead, safeReadOutside, safely, sideOfButtonText, submitTargetIn, symbolFromUrl, textOf} from './dom-read.js';
import {DEFAULT_VOCABULARY, fillByLabels, fillOutsideByLabels, submitButtons, type Vocabulary} from './label-form.js';

const ID = 'bybit-linear';

/**
 * Labels in English and in Traditional Chinese. The zh-TW strings are Bybit's own, from its help centre's walk
 * through the order form (https://bybit-tr.com/zh-TW/help-center/article/How-to-Trade-USDC-Perpetual-Contract and the
 * zh-TW glossary for 強平價格 / 可用餘額, https://www.bybit-global.com/zh-TW/help-center/, checked 2026-12-04):
 * 限價單/市價單 tabs, 價格, 數量, 全倉, 買入/做多 and 賣出/做空, 委託成本. Labels with no sourced string (mark price,
 * funding, order value, TP/SL) stay English-only, so on a zh-TW page they read as unread, never as a guess.
 * Bybit's other most used languages (ja, ko, ru, es…) have no sourced strings yet. Structural anchors come first
 * wherever one exists (`.oc-head-leverage`, the unit chip), so those fields read in every language.
 */
export const VOCABULARY: Vocabulary = {
	...DEFAULT_VOCABULARY,
	price: /^(?:(?:limit\s+)?price\b(?!.*trigger)|價格|訂單價格)/i,
	size: /^(?:(?:Quantity|Qty|Order by(?: Qty)?)\b|數量)/, // 2025 "Quantity" + unit; 2022 "Order by" popover label
	balance: /^(?:Available Balance|Available|Avbl|可用餘額)$/,
	liquidation: /^(?:(?:Est\.\s*)?Liq\.?\s*Price|強平價格)$/,
	mark: /^Mark Price$/,
	funding: /^Funding Rate\s*\/\s*Countdown$/,
	submit: /^(?:Long|Short|Buy\s*\/\s*Long|Sell\s*\/\s*Short|Open Long|Open Short|買入\s*\/\s*做多|賣出\s*\/\s*做空)$/,
	// "Value" and "Cost" rows under the slider (Oct 2025 clone checklist). Cost = initial margin + fee to open + fee
	// to close (https://testnet.bybit.com/en/help-center/article/Order-Cost-USDT-Contract, checked 2026-12-04).
	margin: /^(?:Cost|委託成本)$/,
	orderValue: /^Value$/,
};

const selectors = {
	form: [
		'.oc', // order-create block (2022 → 2025 class family oc__/oc-)
		'.order-create', // alternative wrapper name
	],
	leverage: [
		'.oc-head-leverage', // 2024–25: "10.00x", opens the leverage modal
	],
	input: [
		'.by-input__inner', // "by-" kit input, both generations
	],
	submit: ['button'], // "Long"/"Short" (2025 clone text) or "Buy/Long"/"Sell/Short" (older, unverified)
} as const;

function formRoot(doc: Document): Element | undefined {
	return queryVisible(doc, selectors.form);
}

export default defineAdapter({
	id: ID,
	venue: 'bybit-linear',
	matches: [
		'https://www.bybit.com/trade/usdt/*', // USDT linear, e.g. /trade/usdt/BTCUSDT
		'https://www.bybit.com/*/trade/usdt/*', // locale-prefixed variant (/en/trade/usdt/…; not evidenced, kept narrow)
		'https://testnet.bybit.com/trade/usdt/*', // testnet
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'bybit-linear', doc, formRoot, (form, draft) => {
			fillByLabels(form, draft, doc, VOCABULARY);
			// "10.00x" chip (2024–25), or one "Cross 10.00x" chip (2022 layout).
			const head = queryVisible(form, selectors.leverage) ?? elementsWithText(form, /^(?:Cross|Isolated)\s+\d+(?:\.\d+)?x$/i, 'span, div, button')[0];
			if (head) draft.leverage = leverageField(textOf(head).replace(/^(?:cross|isolated)\s*/i, ''), draft.side);
			draft.symbol = symbolFromUrl(doc, /\/trade\/usdt\/([A-Za-z0-9]+)/);
			return draft;
		}),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, (form, draft, _doc, want) => fillOutsideByLabels(form, draft, doc, VOCABULARY, {}, want), fields),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const form = formRoot(doc);
			const buttons = form ? submitButtons(form, VOCABULARY) : [];
			return submitTargetIn(form, target, selectors.submit, button => (buttons.includes(button) ? sideOfButtonText(button) : undefined), trigger);
		}),
	mountAfter: doc => safely(() => formRoot(doc)),
});
