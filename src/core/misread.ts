/**
 * Catches our own misreads of an order form. Where the venue shows its own numbers for the order (its margin or
 * cost, its order value, its liquidation estimate), they must agree with what we read: a selector that points at
 * the wrong field after a redesign (the mark instead of the limit price, another row's input as the size, a stale
 * leverage chip) moves these figures by a factor, not by a rounding digit. Pure: no DOM, no clock.
 *
 * Tolerances, and why:
 * - Display rounding: the venue rounds its figure to the digits it shows, so it may sit half a unit of its last
 *   shown decimal away from the exact value ("178.50" covers 178.495 to 178.505). Our own inputs are what the user
 *   typed (price, size) or chips shown whole ("20x"), so they carry no rounding of their own.
 * - Fees: some venues fold fees into the margin figure. Bybit's "Cost" is the initial margin plus the fee to open
 *   and the fee to close, value × (1 ± 1 / leverage) × taker
 *   (https://testnet.bybit.com/en/help-center/article/Order-Cost-USDT-Contract, checked 2026-12-04). So the margin
 *   may exceed price × size / leverage by up to value × taker × (2 + 1 / leverage); the venue model's default taker
 *   rate is the non-VIP rate, the highest a user pays, so it bounds the fee from above.
 * - Open loss: Binance's "Cost" adds the loss a limit order priced worse than the mark opens with
 *   (https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b, checked 2026-12-04): up to
 *   size × |limit − mark|. The same page prices a short's margin at max(last × 1.0015, mark, limit). Without the
 *   mark (not on the page, or outside a saved snapshot) the open loss has no bound: only a margin below ours counts.
 * - Market orders fill at the venue's price of the moment (last trade, best bid/ask), not the mark we read, so a
 *   market order's figures get a 2 % price band. Far wider than the mark/last gap on a listed market, far narrower
 *   than a misread: a wrong leverage or size is off by 2× or more.
 * - Limit orders get 0.2 %: Binance's 0.15 % buffer on a short's price, and a size rounded to the lot step.
 * - Liquidation: models differ by tier tables and fee terms, which move the distance to liquidation by a few
 *   percent of itself (the separate venue-estimate rule reports those). A misread is a venue liquidation on the
 *   wrong side of the entry, or a distance more than 1.5× ours or less than ours / 1.5 (a leverage read as half or
 *   double its value gives 2×). Isolated margin only: a cross liquidation depends on the whole account, which the
 *   form does not show.
 */
import {D, type Dec, parseDecimal, toPlain, ZERO} from './decimal.js';
import type {FieldRead, OrderDraft} from './draft.js';
import type {DecimalMemo} from './input.js';
import type {MarginMode, Side} from './types.js';

export type MisreadKind = 'margin' | 'order-value' | 'liquidation';

export type MisreadFinding = {
	kind: MisreadKind;
	/** The venue's own figure, as read. */
	venue: string;
	/** The same figure from what we read (margin, order value) or our liquidation price. */
	ours: string;
	/** The side a liquidation finding belongs to. */
	side?: Side;
};

export type MisreadCheck = {
	/** The venue figures that were read and compared. */
	compared: readonly MisreadKind[];
	/** The comparisons that disagree beyond rounding, fees and price drift: empty when the read looks right. */
	findings: readonly MisreadFinding[];
};

export type MisreadInput = {
	draft: OrderDraft;
	quantity: Dec;
	entry: Dec;
	leverage: Dec;
	/** Undefined when the order type was not read (then the wider market band applies). */
	orderType: 'limit' | 'market' | undefined;
	marginMode: MarginMode;
	/** The venue model's default (non-VIP) taker fee rate. */
	takerFeeRate: Dec;
	mark?: Dec;
	/** Our liquidation price per side, for the side the form is set to (only when exactly one is known). */
	liquidation?: {side: Side; price: Dec};
	/** The draft's numbers as the caller already parsed them (`assessDraft`), so none is parsed twice. */
	memo?: DecimalMemo;
};

export const MARKET_PRICE_BAND = new D('0.02');
export const LIMIT_BAND = new D('0.002');
export const LIQUIDATION_DISTANCE_RATIO = new D('1.5');

function okDecimal(read: FieldRead<string> | undefined, memo: DecimalMemo | undefined): Dec | undefined {
	if (read?.state !== 'ok') return undefined;
	const value = memo ? memo.parse(read.value) : parseDecimal(read.value);
	return value?.gt(0) ? value : undefined;
}

/** Half a unit of the last decimal the venue showed: "178.50" and "178.5" both read as 178.5, so its value's decimals are the floor. */
export function displayHalfUnit(value: Dec): Dec {
	return new D(10).pow(-value.decimalPlaces()).div(2);
}

export function checkMisread(input: MisreadInput): MisreadCheck | undefined {
	const {draft, quantity, entry, leverage} = input;
	const compared: MisreadKind[] = [];
	const findings: MisreadFinding[] = [];
	const band = input.orderType === 'limit' ? LIMIT_BAND : MARKET_PRICE_BAND;
	const orderValue = entry.times(quantity);

	const venueValue = okDecimal(draft.venueOrderValue, input.memo);
	if (venueValue) {
		compared.push('order-value');
		const slack = orderValue.times(band).plus(displayHalfUnit(venueValue));
		if (venueValue.minus(orderValue).abs().gt(slack)) findings.push({kind: 'order-value', venue: toPlain(venueValue), ours: toPlain(orderValue)});
	}

	const venueMargin = okDecimal(draft.venueMargin, input.memo);
	if (venueMargin && leverage.gt(0)) {
		compared.push('margin');
		const initialMargin = orderValue.div(leverage);
		const half = displayHalfUnit(venueMargin);
		const fees = orderValue.times(input.takerFeeRate).times(new D(2).plus(new D(1).div(leverage)));
		const openLoss = input.orderType === 'limit' && input.mark ? quantity.times(entry.minus(input.mark).abs()) : ZERO;
		const lower = initialMargin.times(new D(1).minus(band)).minus(half);
		const upper = initialMargin.plus(fees).times(new D(1).plus(band)).plus(openLoss).plus(half);
		// A limit order without the mark: its open loss has no bound, so only a margin below ours is a disagreement.
		const isUpperKnown = input.orderType !== 'limit' || input.mark !== undefined;
		if (venueMargin.lt(lower) || (isUpperKnown && venueMargin.gt(upper))) findings.push({kind: 'margin', venue: toPlain(venueMargin), ours: toPlain(initialMargin)});
	}

	const venueLiquidation = okDecimal(draft.venueLiquidationPrice, input.memo);
	if (venueLiquidation && input.liquidation && input.marginMode === 'isolated') {
		compared.push('liquidation');
		const {side, price} = input.liquidation;
		const sign = side === 'long' ? 1 : -1;
		const venueDistance = entry.minus(venueLiquidation).times(sign);
		const ourDistance = entry.minus(price).times(sign);
		const wrongSide = venueDistance.lte(0);
		const ratio = ourDistance.gt(0) && !wrongSide ? venueDistance.div(ourDistance) : undefined;
		if (wrongSide || (ratio && (ratio.gt(LIQUIDATION_DISTANCE_RATIO) || ratio.lt(new D(1).div(LIQUIDATION_DISTANCE_RATIO))))) {
			findings.push({kind: 'liquidation', venue: toPlain(venueLiquidation), ours: toPlain(price), side});
		}
	}
	return compared.length === 0 ? undefined : {compared, findings};
}
