/**
 * GMX v2 trade box (https://app.gmx.io/trade/long).
 * Evidence: research/dom.md §7 — gmx-io/gmx-interface (HEAD Aug 20 2026) and its Playwright page objects
 * (`autotests/src/elements/page-objects.ts`), which use `data-qa` hooks. The Dec 3 2025 rewrite renamed the
 * fields (pay-input → margin-input, buy-input → position-size-input); both names are read.
 *
 * GMX v2 positions are isolated per market/collateral: margin mode is always 'isolated' (no UI). The side is in
 * the route (/trade/:tradeType, or #/trade/… before the Aug 10 2026 "Get rid of '#'" commit) and in the tabs.
 */
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
	rowValue,
	safeRead,
	safely,
	sideFromText,
	sizeField,
	sizeUnitFromText,
	submitTargetIn,
	textOf,
} from './dom-read.js';
import {isActive, readOptionalPrice, symbolFromTitle} from './label-form.js';

const ID = 'gmx-v2';

const selectors = {
	directionTabs: [
		'[data-qa^="trade-direction-tab-"]', // Long / Short (Swap moved to trade-direction-swap-tab-… in the current layout)
	],
	modeTabs: [
		'[data-qa^="trade-mode-tab-"]', // Market / Limit / StopMarket / Trigger (TP/SL) / TWAP
	],
	size: [
		'[data-qa="position-size-input"]', // Dec 2025 → layout, label "Size", token/USD display toggle
		'[data-qa="buy-input"]', // older layout, label "Long"/"Short", size in tokens
	],
	sizeDisplayMode: [
		'[data-qa="position-size-display-mode"]', // "USD" or the token symbol
	],
	margin: [
		'[data-qa="margin-input"]', // Dec 2025 → "Margin"
		'[data-qa="pay-input"]', // older "Pay"
	],
	triggerPrice: [
		'[data-qa="trigger-price-input"]', // label "Limit price" / "Stop price", hint "Mark: $…"
	],
	leverage: [
		'[data-qa="leverage-slider"]', // current: number + span "x"; older: rc-slider with marks (not a value)
	],
	submit: [
		'[data-qa="confirm-trade-button"]', // "Open Long", "Limit: Open Long", "Increase Short", or approval texts
	],
} as const;

function field(root: ParentNode, alternatives: readonly string[]): Element | undefined {
	const hook = queryVisible(root as Element, alternatives);
	if (!hook) return undefined;
	return hook.matches('input') ? hook : (hook.querySelector('input') ?? undefined);
}

function formRoot(doc: Document): Element | undefined {
	const size = queryVisible(doc, selectors.size) ?? queryVisible(doc, selectors.submit);
	const form = size?.closest('form') ?? undefined;
	if (!form) return undefined;
	for (let node: Element | null = form, level = 0; node && level < 4; node = node.parentElement, level++) {
		if (queryAll(node, selectors.directionTabs).length > 0) return node;
	}
	return form;
}

function routeSide(doc: Document): Side | 'swap' | undefined {
	const href = doc.location?.href ?? '';
	const tradeType = /\/trade\/(long|short|swap)\b/i.exec(href)?.[1]?.toLowerCase();
	return tradeType as Side | 'swap' | undefined;
}

export default defineAdapter({
	id: ID,
	label: 'GMX v2',
	venue: 'gmx-v2',
	matches: [
		'https://app.gmx.io/trade*', // /trade, /trade/long|short|swap (route /trade/:tradeType?, since Aug 10 2026)
		'https://app.gmx.io/', // hash-routed app before Aug 10 2026: https://app.gmx.io/#/trade/long (fragments are not matched)
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'gmx-v2', doc, formRoot, (root, draft) => {
			const tab = queryAll(root, selectors.directionTabs).find(isActive);
			const fromTab = tab ? (sideFromText(textOf(tab)) ?? (/swap/i.test(textOf(tab)) ? 'swap' : undefined)) : undefined;
			const side = routeSide(doc) ?? fromTab;
			if (side === 'swap') return 'no-form'; // a swap opens no position
			draft.side = side ? ok(side) : notFound();

			const modeTab = queryAll(root, selectors.modeTabs).find(isActive);
			const mode = modeTab?.getAttribute('data-qa')?.replace('trade-mode-tab-', '');
			const trigger = field(root, selectors.triggerPrice);
			draft.orderType =
				mode === 'Market' ? ok('market', textOf(modeTab)) : mode === 'Limit' ? ok('limit', textOf(modeTab)) : modeTab ? {state: 'unread', reason: 'unparseable', text: textOf(modeTab)} : notFound();
			draft.price = draft.orderType.state === 'ok' && draft.orderType.value === 'market' ? {state: 'empty'} : trigger ? inputNumber(trigger) : notFound();

			const sizeHook = queryVisible(root, selectors.size);
			const size = field(root, selectors.size);
			const displayMode = textOf(queryVisible(root, selectors.sizeDisplayMode));
			// Older layout: the Long/Short field is in tokens; its box shows the token symbol.
			const tokenChip = sizeHook ? [...sizeHook.querySelectorAll('span, div, button')].map(textOf).find(text => /^[A-Z][A-Z0-9.]{1,11}$/.test(text)) : undefined;
			const unit = displayMode ? sizeUnitFromText(displayMode, ['USD', '$']) : tokenChip ? sizeUnitFromText(tokenChip, ['USD', '$']) : undefined;
			draft.size = size ? sizeField(inputNumber(size), unit) : notFound();

			const slider = textOf(queryVisible(root, selectors.leverage));
			const leverageText = /^\d+(?:\.\d+)?\s*x$/i.test(slider) ? slider : rowValue(root, /^Leverage:?$/i);
			draft.leverage = leverageField(leverageText, draft.side);
			draft.marginMode = ok('isolated'); // GMX v2 has no cross mode (dom.md §0.2)
			// The pay token's wallet balance: read in a stablecoin only. "1.5 ETH" is not $1.5 (stays unread).
			draft.balance = numberField(rowValue(root, /^Balance:?$/i)?.replace(/\s*(?:USDC|USDT|DAI|USDC\.E)$/i, ''), {units: ['$']});
			draft.venueLiquidationPrice = numberField(rowValue(root, /^Liq\.? Price$/i));
			draft.markPrice = numberField(rowValue(root, /^Mark:?$/i) ?? rowValue(doc, /^Mark Price$/i));
			draft.takeProfit = readOptionalPrice(root, /^Take Profit(?: Price)?$/i, /^Take-Profit \/ Stop-Loss$/i, {});
			draft.stopLoss = readOptionalPrice(root, /^Stop Loss(?: Price)?$/i, /^Take-Profit \/ Stop-Loss$/i, {});
			draft.fundingRate = notFound(); // GMX shows borrow/funding as hourly "net rate" in the market info, not in the trade box
			draft.fundingCountdownSeconds = notFound(); // GMX funding accrues continuously; there is no countdown
			draft.symbol = symbolFromTitle(doc);
			return draft;
		}),
	submitTarget: (target, doc, trigger) =>
		safely(() =>
			submitTargetIn(formRoot(doc), target, selectors.submit, button => {
				const text = textOf(button);
				if (!/\b(?:open|increase)\s+(?:long|short)\b/i.test(text)) return undefined; // approvals, "Creating order...", closes
				return sideFromText(text);
			}, trigger),
		),
	mountAfter: doc => safely(() => queryVisible(doc, selectors.submit)?.parentElement ?? formRoot(doc)),
});
