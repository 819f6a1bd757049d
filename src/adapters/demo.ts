/**
 * Adapter for LiqGuard's own demo exchange page (src/demo), served at http://localhost:<port>/demo/ by
 * `npm start` and the e2e harness. Dev and test builds only: build.mjs leaves it out of release manifests.
 *
 * The page mimics Binance USDⓈ-M's form (as jackhai9/userscripts reads it, binance-usdm.ts): `limitPrice-`/
 * `unitAmount-` id prefixes, `#position-direction` Open/Close tabs, `data-tab-key` order-type tabs, Buy/Long and
 * Sell/Short buttons at once.
 * Numbers are shown with grouping commas and a "." decimal separator, and read with the venue adapters' readers
 * (dom-read.ts), so the demo exercises the same parsing as the venues.
 */
import {unread, type FieldRead, type OrderDraft} from '../core/draft.js';
import type {Side} from '../core/types.js';
import {defineAdapter, queryFirst, type SubmitTarget} from './define-adapter.js';
import {balanceField, countdownField, EVERY_FIELD, type Wanted, leverageField, marginModeField, numberField, rateField, sizeField, sizeUnitFromText, valueOf} from './dom-read.js';

const selectors = {
	form: ['form[data-testid="order-form"]'], // the whole order form
	mountAfter: ['form[data-testid="order-form"]'], // the panel sits right under the form
	symbol: ['[data-testid="symbol"]'], // ticker bar heading, e.g. "BTCUSDT"
	orderType: ['[data-testid="order-type"] [role="tab"][aria-selected="true"]'], // data-tab-key LIMIT | MARKET
	price: ['input[id^="limitPrice-"]'], // limit price; absent on the Market tab
	markPrice: ['[data-testid="mark-price"]'], // ticker bar, ticks every second
	size: ['input[id^="unitAmount-"]'],
	sizeUnit: ['select[data-testid="size-unit"]'], // BTC (base) or USDT (quote)
	leverage: ['[data-testid="leverage-button"]'], // "20x"
	marginMode: ['[data-testid="margin-mode"]'], // "Cross" | "Isolated"
	balance: ['[data-testid="available"]'], // "10,000.00 USDT"
	tpslToggle: ['input[data-testid="tpsl-toggle"]'],
	takeProfit: ['input[data-testid="tp-price"]'],
	stopLoss: ['input[data-testid="sl-price"]'],
	fundingRate: ['[data-testid="funding-rate"]'], // "0.0100%" per 8 h
	fundingCountdown: ['[data-testid="funding-countdown"]'], // "07:59:12"
	cost: ['[data-testid="cost"]'], // "178.50 USDT": initial margin + open loss, Binance's "Cost"
	submit: ['button[data-testid="buy-long"]', 'button[data-testid="sell-short"]'],
} as const;

function textOf(doc: Document, alternatives: readonly string[]): string | undefined {
	const element = queryFirst(doc, alternatives);
	if (!element) return undefined;
	// By tag name, not `instanceof HTMLInputElement`: a document from another realm (a fixture read in Node by
	// happy-dom, `npm run fixture`) has its own element classes, and the global one may not exist at all.
	// Inputs through valueOf, which marks a value the page shows reordered (CSS bidi override) so it reads unread.
	const tag = element.tagName.toLowerCase();
	if (tag === 'select') return (element as HTMLSelectElement).value ?? '';
	return valueOf(element) ?? (element.textContent ?? '').trim();
}

type Ticker = Pick<OrderDraft, 'symbol' | 'markPrice' | 'fundingRate' | 'fundingCountdownSeconds'>;

/** The fields read from the ticker bar above the form (the adapter's `readOutside`), those `want` asks for. */
function readTicker(doc: Document, want: Wanted = EVERY_FIELD): Partial<Ticker> {
	const ticker: Partial<Ticker> = {};
	const symbolText = want('symbol') ? textOf(doc, selectors.symbol) : undefined;
	if (want('symbol')) ticker.symbol = symbolText && /^[A-Z0-9]{2,20}$/.test(symbolText) ? {state: 'ok', value: symbolText} : unread();
	if (want('markPrice')) ticker.markPrice = numberField(textOf(doc, selectors.markPrice));
	if (want('fundingRate')) ticker.fundingRate = rateField(textOf(doc, selectors.fundingRate));
	if (want('fundingCountdownSeconds')) ticker.fundingCountdownSeconds = countdownField(textOf(doc, selectors.fundingCountdown));
	return ticker;
}

function readDraft(doc: Document): OrderDraft {
	const orderTypeKey = queryFirst(doc, selectors.orderType)?.getAttribute('data-tab-key');
	const orderType: FieldRead<'limit' | 'market'> =
		orderTypeKey === 'LIMIT' ? {state: 'ok', value: 'limit'} : orderTypeKey === 'MARKET' ? {state: 'ok', value: 'market'} : unread();
	const price = orderType.state === 'ok' && orderType.value === 'market' ? {state: 'empty' as const} : numberField(textOf(doc, selectors.price));
	const unitText = textOf(doc, selectors.sizeUnit);
	const size = sizeField(numberField(textOf(doc, selectors.size)), unitText === undefined ? undefined : sizeUnitFromText(unitText));
	const tpslOn = (queryFirst(doc, selectors.tpslToggle) as HTMLInputElement | undefined)?.checked === true;
	const ticker = readTicker(doc) as Ticker;
	return {
		adapter: 'demo',
		venue: 'binance-usdm',
		symbol: ticker.symbol,
		// Both buttons are on screen at once: the side is the button the user clicks (the gate asks submitTarget).
		side: queryFirst(doc, selectors.submit) ? {state: 'ok', value: 'both'} : unread(),
		orderType,
		price,
		markPrice: ticker.markPrice,
		size,
		leverage: leverageField(textOf(doc, selectors.leverage)),
		marginMode: marginModeField(textOf(doc, selectors.marginMode)),
		balance: balanceField(textOf(doc, selectors.balance)),
		stopLoss: tpslOn ? numberField(textOf(doc, selectors.stopLoss)) : {state: 'empty'},
		takeProfit: tpslOn ? numberField(textOf(doc, selectors.takeProfit)) : {state: 'empty'},
		venueLiquidationPrice: unread(),
		fundingRate: ticker.fundingRate,
		fundingCountdownSeconds: ticker.fundingCountdownSeconds,
		venueMargin: balanceField(textOf(doc, selectors.cost)),
	};
}

function sideOfButton(button: Element): Side | undefined {
	const id = button.getAttribute('data-testid');
	return id === 'buy-long' ? 'long' : id === 'sell-short' ? 'short' : undefined;
}

// Pure: a release build (where nothing lists it, adapters/index.ts) drops the whole adapter from the bundle.
export const demo = /* @__PURE__ */ defineAdapter({
	id: 'demo',
	venue: 'binance-usdm',
	matches: ['http://localhost/demo/*', 'http://127.0.0.1/demo/*'],
	selectors,
	formRoot: doc => queryFirst(doc, selectors.form),
	read(doc) {
		try {
			return queryFirst(doc, selectors.form) ? {found: true, draft: readDraft(doc)} : {found: false, reason: 'no-form'};
		} catch {
			return {found: false, reason: 'no-form'};
		}
	},
	readOutside(doc, _root, fields) {
		try {
			return readTicker(doc, fields ? field => fields.has(field) : EVERY_FIELD);
		} catch {
			return undefined;
		}
	},
	submitTarget(target, doc, trigger = 'submit'): SubmitTarget | undefined {
		const form = queryFirst(doc, selectors.form);
		if (!form || !form.contains(target)) return undefined;
		const button = target.closest('button');
		const side = button ? sideOfButton(button) : undefined;
		if (side) return {side, control: button as Element};
		if (trigger === 'click') return undefined;
		// Enter in a field or a plain submit: implicit submission presses the first submit button, Buy/Long.
		const defaultButton = queryFirst(form, selectors.submit);
		return defaultButton ? {side: sideOfButton(defaultButton) ?? 'draft', control: form} : undefined;
	},
	mountAfter: doc => queryFirst(doc, selectors.mountAfter),
});
