/**
 * Binance USDⓈ-M futures order form (https://www.binance.com/en/futures/BTCUSDT).
 * Evidence: jackhai9/userscripts (src/binance-orderbook-trade/index.user.js, dom/trade-form.js, Mar–Jul 2026);
 * phuonglinh118/AZ_2404 (src/main/java/Locator/Loc_Bin.java, c. Apr 2024).
 * Side is chosen by the button (Buy/Long vs Sell/Short), so a read gives side 'both'; the hedge-mode Close tab
 * is not an opening order and reads as 'no-form'.
 */
import {defineAdapter} from './define-adapter.js';
import {BINANCE_SELECTORS, binanceFormRoot, binanceSubmitButtons, fillBinanceLike, fillBinanceOutside} from './binance-form.js';
import {safeRead, safeReadOutside, safely, sideOfButtonText, submitTargetIn} from './dom-read.js';

const ID = 'binance-usdm';

export default defineAdapter({
	id: ID,
	venue: 'binance-usdm',
	matches: [
		'https://www.binance.com/*/futures/*', // locale-prefixed trade page, e.g. /en/futures/BTCUSDT (jackhai9 route regex, 2026)
		'https://www.binance.com/futures/*', // without a locale
		'https://testnet.binancefuture.com/*/futures/*', // testnet copy (rosssaunders/coincise docs copy)
	],
	excludeMatches: [
		'https://www.binance.com/*/my/*', // wallet pages such as /en/my/wallet/futures/… (jackhai9 binance-futures-route.js)
	],
	selectors: BINANCE_SELECTORS,
	formRoot: doc => safely(() => binanceFormRoot(doc)),
	read: doc => safeRead(ID, 'binance-usdm', doc, binanceFormRoot, (form, draft) => fillBinanceLike(form, draft, doc, /\/futures\/([A-Za-z0-9]+)(?:[/?#]|$)/)),
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
			const last = form ? binanceSubmitButtons(form).at(-1) : undefined;
			return last?.parentElement ?? form;
		}),
});
