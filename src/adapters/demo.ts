/**
 * Adapter for LiqGuard's own demo exchange page (src/demo), served at http://localhost:<port>/demo/ by
 * `npm start` and the e2e harness. Dev and test builds only: build.mjs leaves it out of release manifests.
 *
 * The page mimics Binance USDⓈ-M's form (research/dom.md §1): `limitPrice-`/`unitAmount-` id prefixes,
 * `#position-direction` Open/Close tabs, `data-tab-key` order-type tabs, Buy/Long and Sell/Short buttons at once.
 * Numbers are shown with grouping commas and a "." decimal separator, which is all this reader accepts.
 */
import {unread, type FieldRead, type OrderDraft} from '../core/draft.js';
import type {MarginMode, Side} from '../core/types.js';
import {defineAdapter, queryFirst, type SubmitTarget} from './define-adapter.js';

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
	submit: ['button[data-testid="buy-long"]', 'button[data-testid="sell-short"]'],
} as const;

const PLAIN = /^\d+(?:\.\d+)?$/;

/** "60,012.3 USDT" → "60012.3"; blank or "--" → empty; anything else → unread. */
function numberRead(text: string | undefined): FieldRead<string> {
	if (text === undefined) return unread('not-found');
	const trimmed = text.replace(/\s*(USDT|BTC|ETH|x|%)$/i, '').trim();
	if (trimmed === '' || /^-+$/.test(trimmed)) return {state: 'empty', text};
	const plain = trimmed.replace(/,(?=\d{3}(?:\D|$))/g, '');
	return PLAIN.test(plain) ? {state: 'ok', value: plain, text} : unread('unparseable', text);
}

function textOf(doc: Document, alternatives: readonly string[]): string | undefined {
	const element = queryFirst(doc, alternatives);
	if (!element) return undefined;
	return element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.value : (element.textContent ?? '').trim();
}

/** "0.0100%" → "0.000100" (fraction): moves the decimal point two places without floating point. */
function percentToRate(value: string): string {
	const [whole = '0', fraction = ''] = value.split('.');
	const digits = whole.padStart(3, '0') + fraction;
	const cut = digits.length - fraction.length - 2;
	return `${digits.slice(0, cut).replace(/^0+(?=\d)/, '')}.${digits.slice(cut)}`;
}

function readDraft(doc: Document): OrderDraft {
	const orderTypeKey = queryFirst(doc, selectors.orderType)?.getAttribute('data-tab-key');
	const orderType: FieldRead<'limit' | 'market'> =
		orderTypeKey === 'LIMIT' ? {state: 'ok', value: 'limit'} : orderTypeKey === 'MARKET' ? {state: 'ok', value: 'market'} : unread();
	const price = orderType.state === 'ok' && orderType.value === 'market' ? {state: 'empty' as const} : numberRead(textOf(doc, selectors.price));
	const sizeValue = numberRead(textOf(doc, selectors.size));
	const unitText = textOf(doc, selectors.sizeUnit);
	const unit = unitText === 'USDT' ? 'quote' : unitText === undefined ? undefined : 'base';
	const size: OrderDraft['size'] =
		sizeValue.state === 'ok' && unit !== undefined ? {state: 'ok', value: {value: sizeValue.value, unit}, text: sizeValue.text ?? ''} : sizeValue.state === 'ok' ? unread('ambiguous') : sizeValue;
	const leverageText = textOf(doc, selectors.leverage);
	const leverage = leverageText !== undefined && /^\d+(?:\.\d+)?x$/i.test(leverageText) ? numberRead(leverageText) : unread(leverageText === undefined ? 'not-found' : 'unparseable', leverageText);
	const modeText = textOf(doc, selectors.marginMode)?.toLowerCase();
	const marginMode: FieldRead<MarginMode> = modeText === 'cross' || modeText === 'isolated' ? {state: 'ok', value: modeText} : unread(modeText === undefined ? 'not-found' : 'unparseable');
	const tpslOn = (queryFirst(doc, selectors.tpslToggle) as HTMLInputElement | undefined)?.checked === true;
	const funding = numberRead(textOf(doc, selectors.fundingRate));
	const countdown = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(textOf(doc, selectors.fundingCountdown) ?? '');
	const symbolText = textOf(doc, selectors.symbol);
	return {
		adapter: 'demo',
		venue: 'binance-usdm',
		symbol: symbolText && /^[A-Z0-9]{2,20}$/.test(symbolText) ? {state: 'ok', value: symbolText} : unread(),
		// Both buttons are on screen at once: the side is the button the user clicks (the gate asks submitTarget).
		side: queryFirst(doc, selectors.submit) ? {state: 'ok', value: 'both'} : unread(),
		orderType,
		price,
		markPrice: numberRead(textOf(doc, selectors.markPrice)),
		size,
		leverage,
		marginMode,
		balance: numberRead(textOf(doc, selectors.balance)),
		stopLoss: tpslOn ? numberRead(textOf(doc, selectors.stopLoss)) : {state: 'empty'},
		takeProfit: tpslOn ? numberRead(textOf(doc, selectors.takeProfit)) : {state: 'empty'},
		venueLiquidationPrice: unread(),
		fundingRate: funding.state === 'ok' ? {state: 'ok', value: percentToRate(funding.value), text: funding.text ?? ''} : funding,
		// Whole minutes: the engine needs the next payment's hour, and a per-second value would cost a round trip a second.
		fundingCountdownSeconds: countdown
			? {state: 'ok', value: String(Number(countdown[1]) * 3600 + Number(countdown[2]) * 60)}
			: unread(),
	};
}

function sideOfButton(button: Element): Side | undefined {
	const id = button.getAttribute('data-testid');
	return id === 'buy-long' ? 'long' : id === 'sell-short' ? 'short' : undefined;
}

export const demo = defineAdapter({
	id: 'demo',
	label: 'LiqGuard demo exchange',
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
