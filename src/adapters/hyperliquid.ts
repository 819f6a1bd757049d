/**
 * Hyperliquid perps order form (https://app.hyperliquid.xyz/trade/BTC).
 * Evidence: hansolar21/perpetualpulse_extension (platform.js, hl-content.js; Mar–Apr 2026) and a 0xmathisd
 * userscript ("Hyperliquid Trade History Fees Ratio").
 * The front end is closed source with styled-components hashes that change per deploy, so this adapter reads
 * visible English text only: the "Buy / Long" | "Sell / Short" toggle (divs, not buttons), "Size",
 * "Price (USDC)", "Place Order", "Cross"/"NNx" buttons, "Liquidation Price", "Available to Trade".
 * The toggle's selected state is not evidenced; we accept ARIA state, an active class, or the selected side's
 * non-transparent inline background (low confidence). Order type: the "Market"/"Limit" tab state, or else the
 * presence of the limit "Price" input (only the Limit form has one).
 *
 * Evidence per selector (checked 2026-12-04):
 * - live: the "Buy / Long" | "Sell / Short" toggle of divs, the input under the "Size" label, a button reading
 *   "Place Order", "Market"/"Limit"/"Pro" tabs: hansolar21/perpetualpulse_extension@c4f8716 (2026-04-14),
 *   platform.js (a maintained extension that drives the live page).
 * - inferred: "Price (USDC)", "Available to Trade", "Liquidation Price", "Order Value", "Margin Required", the
 *   "Cross"/"NNx" buttons, and the selected-state colours.
 */
import {defineAdapter} from './define-adapter.js';
import {controlByLabel, elementsWithText, ok, safeRead, safeReadOutside, safely, sideFromText, submitTargetIn, textOf, symbolFromUrl} from './dom-read.js';
import {DEFAULT_VOCABULARY, fillByLabels, fillOutsideByLabels, formAroundSize, submitButtons, type Vocabulary} from './label-form.js';
import type {Side} from '../core/types.js';

const ID = 'hyperliquid';

const VOCABULARY: Vocabulary = {
	...DEFAULT_VOCABULARY,
	price: /^Price(?:\s*\(USDC?\))?$/, // "Price (USDC)" with a "Mid" shortcut (expected; unverified)
	size: /^Size$/, // label div reading exactly "Size" (perpetualpulse)
	balance: /^Available to Trade$/,
	liquidation: /^Liquidation Price$/,
	mark: /^Mark$/,
	funding: /^Funding\s*\/\s*Countdown$/,
	submit: /^(?:Place Order|Buy|Sell|Long|Short|Buy \/ Long|Sell \/ Short)$/,
	quoteCurrencies: ['USDC', 'USD', '$'],
	// Receipt rows under "Place Order": "Order Value" = size × price, "Margin Required" = order value / leverage
	// (inferred: no archived source shows these rows; read only when present).
	margin: /^Margin Required$/,
	orderValue: /^Order Value$/,
};

const selectors = {
	sideToggle: ['div'], // children of the side toggle are divs reading "Buy / Long" / "Sell / Short" (perpetualpulse)
	size: ['input'], // the input inside the block whose label div reads exactly "Size"
	submit: ['button'], // "Place Order" (or a Buy/Sell/Long/Short label)
} as const;

function formRoot(doc: Document): Element | undefined {
	return formAroundSize(doc, VOCABULARY);
}

/** The selected half of the "Buy / Long" | "Sell / Short" toggle, by inline background colour. */
function sideByInlineColour(form: Element): Side | undefined {
	const halves = elementsWithText(form, /^(?:Buy \/ Long|Sell \/ Short)$/, 'div');
	const filled = halves.filter(half => {
		const background = /background(?:-color)?\s*:\s*([^;]+)/i.exec(half.getAttribute('style') ?? '')?.[1]?.trim() ?? 'transparent';
		return !/^(?:transparent|none|rgba\([^)]*,\s*0\))$/i.test(background);
	});
	return filled.length === 1 ? sideFromText(textOf(filled[0])) : undefined;
}

/** The order-type tab marked by a coloured underline (no class or aria hook); exactly one, else undefined. */
function orderTypeByUnderline(form: Element): 'limit' | 'market' | 'pro' | undefined {
	const tabs = elementsWithText(form, /^(?:Market|Limit|Pro)$/, 'div');
	const marked = tabs.filter(tab => {
		const border = /border-bottom(?:-color)?\s*:\s*([^;]+)/i.exec(tab.getAttribute('style') ?? '')?.[1]?.trim();
		return border !== undefined && !/(?:transparent|none|rgba\([^)]*,\s*0\))\s*$/i.test(border);
	});
	return marked.length === 1 ? (textOf(marked[0]!).toLowerCase() as 'limit' | 'market' | 'pro') : undefined;
}

export default defineAdapter({
	id: ID,
	venue: 'hyperliquid',
	matches: [
		'https://app.hyperliquid.xyz/trade*', // /trade, /trade/BTC, /trade/xyz:NVDA (HIP-3)
		'https://app.hyperliquid-testnet.xyz/trade*', // testnet
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'hyperliquid', doc, formRoot, (form, draft) => {
			fillByLabels(form, draft, doc, VOCABULARY);
			if (draft.side.state !== 'ok' || draft.side.value === 'both') {
				const side = sideByInlineColour(form);
				if (side) draft.side = ok(side);
			}
			// The active tab is marked only by its underline colour. Failing that, a limit price input is positive
			// evidence of a limit order; its absence is not evidence of a market order (a garbled "Price" label looks
			// the same), so the type then stays unread (adapter fuzz finding).
			if (draft.orderType.state !== 'ok') {
				const tab = orderTypeByUnderline(form);
				if (tab === 'market') {
					draft.orderType = ok('market');
					draft.price = {state: 'empty'};
				} else if (tab === 'limit' || (tab === undefined && controlByLabel(form, VOCABULARY.price) !== undefined)) {
					draft.orderType = ok('limit');
				}
			}
			draft.symbol = symbolFromUrl(doc, /\/trade\/([^/?#]+)/);
			return draft;
		}),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, (form, draft, _doc, want) => fillOutsideByLabels(form, draft, doc, VOCABULARY, {}, want), fields),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const form = formRoot(doc);
			const buttons = form ? submitButtons(form, VOCABULARY) : [];
			// "Place Order" submits the toggle's side: 'draft'.
			return submitTargetIn(form, target, selectors.submit, button => (buttons.includes(button) ? (sideFromText(textOf(button)) ?? 'draft') : undefined), trigger);
		}),
	mountAfter: doc => safely(() => formRoot(doc)),
});
