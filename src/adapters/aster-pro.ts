/**
 * Aster Pro perps (https://www.asterdex.com/en/trade/pro/futures/BTCUSDT; 2025: /en/futures/v1/BTCUSDT).
 * Evidence: Greasy Fork script 536369 and a late-2025 asterdex.com farming script — no archived source shows
 * Aster's order-form inputs (confidence low). Aster's stack is Binance-derived (bapi order endpoint, `text-t-*`
 * tokens, "Avbl" in `p.text-t-third`), so the form is read with Binance's selectors (binance-form.ts); to be verified
 * on the live page.
 * Every selector here is inferred: a search of public userscripts, extensions and bots on 2026-12-04 found none
 * that reads Aster's order form (the scripts found place orders through the bapi endpoint, not the DOM).
 * Aster Simple (1001x) lives under /{locale}/futures/{BASE}USD and has its own adapter (aster-simple.ts).
 */
import {defineAdapter} from './define-adapter.js';
import {BINANCE_SELECTORS, binanceFormRoot, binanceSubmitButtons, fillBinanceLike, fillBinanceOutside} from './binance-form.js';
import {safeRead, safeReadOutside, safely, sideOfButtonText, submitTargetIn} from './dom-read.js';

const ID = 'aster-pro';

export default defineAdapter({
	id: ID,
	venue: 'aster-pro',
	matches: [
		'https://www.asterdex.com/*/trade/pro/futures/*', // 2026 Pro route (many 2026 link builders)
		'https://www.asterdex.com/*/futures/v1/*', // 2025 Pro route (Greasy Fork 536369 @match)
	],
	selectors: {
		...BINANCE_SELECTORS,
		available: ['p.text-t-third'], // "Avbl" row with the value in span.text-t-primary (late-2025 farming script)
	},
	formRoot: doc => safely(() => binanceFormRoot(doc)),
	read: doc => safeRead(ID, 'aster-pro', doc, binanceFormRoot, (form, draft) => fillBinanceLike(form, draft, doc, /\/futures\/(?:v1\/)?([A-Za-z0-9]+)(?:[/?#]|$)/)),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, fillBinanceOutside, fields),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const form = binanceFormRoot(doc);
			const buttons = form ? binanceSubmitButtons(form) : [];
			return submitTargetIn(form, target, ['button'], button => (buttons.includes(button) ? sideOfButtonText(button) : undefined), trigger);
		}),
	mountAfter: doc =>
		safely(() => {
			const form = binanceFormRoot(doc);
			return (form ? binanceSubmitButtons(form).at(-1)?.parentElement : undefined) ?? form;
		}),
});
