/**
 * From what an adapter read on the page (an OrderDraft, every field with its own read state) to `assess` inputs.
 *
 * Rules (never a guess presented as a fact):
 * - The math needs size, leverage and a price (the limit price of a limit order, the mark/last price of a market
 *   order); if one is empty or unread the state is 'needs-input' and that field is named.
 * - Cross margin also needs the balance. A margin mode we could not read is computed as isolated and the figures
 *   carry that assumption in plain words (the panel marks the field unread too).
 * - While the side is not known ('both', or unread) both sides are computed.
 * - An unread order type enters at the typed limit price (else the mark) but pays the taker fee to open, said in
 *   the assumptions: a maker fee would be a guess in the trader's favour.
 * - Optional fields (stop-loss, take-profit, funding, the venue's estimate) are used only when read 'ok'.
 *
 * Each number of the draft is parsed once (`DecimalMemo`): the sides' `assess` and the misread check read the same
 * Decimals, and a size converted here reaches `assess` as text it does not parse again.
 */
import {type Dec, parseDecimal, toPlain, ZERO} from './decimal.js';
import type {DraftField, FieldRead, OrderDraft, SizeUnit} from './draft.js';
import {DEFAULT_ENGINE_SETTINGS, type EngineSettings} from './engine-settings.js';
import {assessWithMemo, type AssessOptions} from './assess.js';
import {DecimalMemo} from './input.js';
import type {AssessInput, Assessment, InputIssue, MarginMode, Severity, Side} from './types.js';
import {VENUE_MODELS} from './venues/index.js';
import {BUNDLED_CONTRACT_VALUES} from './data/tiers.js';
import {checkMisread, type MisreadCheck} from './misread.js';

export type SideAssessment = {ok: true; assessment: Assessment} | {ok: false; issues: readonly InputIssue[]};

export type DraftAssessment = {
	/** 'needs-input': a field the math needs is empty or unread (listed in `needs`). */
	state: 'ready' | 'needs-input';
	/** Fields the math needs that are empty or unread. */
	needs: readonly DraftField[];
	/** One entry per side computed: the draft's side, or both when the side is 'both' or unread. */
	long?: SideAssessment;
	short?: SideAssessment;
	/**
	 * Sides the engine could not compute ({ok: false} above), in 'ready'. Never silently absent: a side listed here
	 * has no figures, and nothing may read as all-clear for it (`isAllClear`).
	 */
	notComputed?: readonly Side[];
	/** Base-unit quantity and entry price used, as plain decimals (for the panel's test contract). */
	quantity?: string;
	entryPrice?: string;
	/** The venue's own figures (margin, order value, liquidation) against ours; absent when the page shows none. */
	misread?: MisreadCheck;
};

const okValue = <T>(field: FieldRead<T> | undefined): T | undefined => (field?.state === 'ok' ? field.value : undefined);

export function assessDraft(draft: OrderDraft, settings: EngineSettings = DEFAULT_ENGINE_SETTINGS, options: AssessOptions = {}): DraftAssessment {
	const needs: DraftField[] = [];
	const model = VENUE_MODELS[draft.venue];
	if (!model) return {state: 'needs-input', needs: ['symbol']};
	const memo = new DecimalMemo();
	const okDecimal = (field: FieldRead<string> | undefined): Dec | undefined => {
		const value = okValue(field);
		return value === undefined ? undefined : memo.parse(value);
	};
	const plain = (value: Dec) => memo.plain(value);

	const orderType = okValue(draft.orderType);
	const limitPrice = okDecimal(draft.price);
	// The mark is read only where it shapes the answer: the entry of a market order (or of a form with no order type
	// and no limit price), and the figures of a form ready to assess. A limit order still missing its size gets the
	// same answer at every tick of the mark, and the page asks nothing more then (core/draft.ts `trackFieldReads`).
	let markRead: Dec | undefined | null = null;
	const markPrice = (): Dec | undefined => (markRead === null ? (markRead = okDecimal(draft.markPrice)) : markRead);
	// A market order fills near the mark/last price; a limit order at its price. Order type unread: a typed
	// limit price is the user's intended entry; without one, the mark price.
	const entryRead = orderType === 'market' ? markPrice() : orderType === 'limit' ? limitPrice : (limitPrice ?? markPrice());
	// A price of 0 or below (a page still loading shows "0.00") is no entry: a size in USDT or margin would divide by it.
	const entry = entryRead?.gt(0) ? entryRead : undefined;
	if (!entry) needs.push(orderType === 'market' ? 'markPrice' : 'price');

	const leverage = okDecimal(draft.leverage);
	if (!leverage || leverage.lte(0)) needs.push('leverage');
	// The venue's live instrument data first (OKX `ctVal`), then the page's (its own hint, or the adapter's bundled
	// list), then LiqGuard's bundled one. A live answer must not convert contracts with a bundled size.
	const liveContractValue = liveMarketContractValue(draft, options);
	const contractValue = liveContractValue ?? draft.contractValue ?? bundledContractValue(draft);

	const sizeRead = okValue(draft.size);
	const sizeValue = sizeRead ? memo.parse(sizeRead.value) : undefined;
	let quantity: Dec | undefined;
	if (!sizeRead || !sizeValue || sizeValue.lte(0)) needs.push('size');
	else if (entry && leverage && leverage.gt(0)) {
		quantity = toQuantity(sizeValue, sizeRead.unit, entry, leverage, memo.parse(contractValue));
		if (!quantity) needs.push('size');
	}

	let marginMode: MarginMode = 'isolated';
	const modeRead = okValue(draft.marginMode);
	const draftAssumptions: string[] = [];
	if (model.meta.hasCross && modeRead === undefined) draftAssumptions.push('Margin mode unread: figures assume isolated margin.');
	if (model.meta.hasCross && modeRead) marginMode = modeRead;
	// A typed limit price may still fill at once as a taker: without the order type, the higher (taker) fee.
	if (orderType === undefined) draftAssumptions.push('Order type unread: the opening fee assumes a taker fill.');
	if (sizeRead?.unit === 'contracts' && contractValue !== undefined && liveContractValue === undefined) {
		draftAssumptions.push(`Contract size ${contractValue} per contract from the page or LiqGuard's bundled instrument list, not the venue's live data.`);
	}
	const balance = okDecimal(draft.balance);
	if (marginMode === 'cross' && !balance) needs.push('balance');

	if (needs.length > 0 || !entry || !leverage || !quantity) return {state: 'needs-input', needs: [...new Set(needs)]};

	const sideRead = okValue(draft.side);
	const sides: Side[] = sideRead === 'long' || sideRead === 'short' ? [sideRead] : ['long', 'short'];
	const base: AssessInput = {
		venue: draft.venue,
		marginMode,
		quantity: plain(quantity),
		entryPrice: plain(entry),
		leverage: plain(leverage),
		orderType: orderType ?? 'market',
	};
	const symbol = okValue(draft.symbol);
	if (symbol) base.symbol = symbol;
	if (contractValue && memo.parse(contractValue)?.gt(0)) base.contractValue = contractValue;
	const mark = markPrice();
	if (mark) base.markPrice = plain(mark);
	if (balance) {
		base.accountBalance = plain(balance);
		if (marginMode === 'cross') base.walletBalance = base.accountBalance;
	}
	const stop = okDecimal(draft.stopLoss);
	if (stop) base.stopLossPrice = plain(stop);
	const takeProfit = okDecimal(draft.takeProfit);
	if (takeProfit) base.takeProfitPrice = plain(takeProfit);
	const fundingRate = okDecimal(draft.fundingRate);
	if (fundingRate) base.fundingRate = plain(fundingRate);
	const venueLiquidation = okDecimal(draft.venueLiquidationPrice);

	const result: DraftAssessment = {state: 'ready', needs: [], quantity: base.quantity, entryPrice: base.entryPrice};
	for (const side of sides) {
		const input: AssessInput = {...base, side};
		// The venue's own estimate belongs to the side the form is set to; with both sides shown we cannot tell.
		if (venueLiquidation && sides.length === 1) input.venueLiquidationPrice = plain(venueLiquidation);
		const assessed = assessWithMemo(input, settings, options, memo);
		if (assessed.ok && draftAssumptions.length > 0) {
			const {figures} = assessed.value;
			assessed.value.figures = {...figures, assumptions: [...draftAssumptions, ...figures.assumptions]};
		}
		result[side] = assessed.ok ? {ok: true, assessment: assessed.value} : {ok: false, issues: assessed.issues};
	}
	const notComputed = sides.filter(side => result[side]?.ok === false);
	if (notComputed.length > 0) result.notComputed = notComputed;
	const onlySide = sides.length === 1 ? sides[0] : undefined;
	const known = onlySide ? result[onlySide] : undefined;
	const ourLiquidation = known?.ok && known.assessment.figures.liquidation.kind === 'price' ? parseDecimal(known.assessment.figures.liquidation.price) : undefined;
	const misread = checkMisread({
		draft,
		memo,
		quantity,
		entry,
		leverage,
		orderType,
		marginMode,
		takerFeeRate: parseDecimal(model.meta.takerFeeRate) ?? ZERO,
		...(mark ? {mark} : {}),
		...(onlySide && ourLiquidation ? {liquidation: {side: onlySide, price: ourLiquidation}} : {}),
	});
	if (misread) result.misread = misread;
	return result;
}

/** The contract value from the venue's live data, when the market data is live and for this venue and market. */
function liveMarketContractValue(draft: OrderDraft, options: AssessOptions): string | undefined {
	const symbol = okValue(draft.symbol)?.trim().toUpperCase();
	const market = options.market;
	if (!market?.contractValue || market.source.kind !== 'live' || market.venue !== draft.venue) return undefined;
	return !symbol || market.symbol.toUpperCase() === symbol ? market.contractValue : undefined;
}

function bundledContractValue(draft: OrderDraft): string | undefined {
	const symbol = okValue(draft.symbol)?.trim().toUpperCase();
	return symbol ? BUNDLED_CONTRACT_VALUES[draft.venue]?.[symbol]?.contractValue : undefined;
}

export {isAllClear, notComputedSeverity} from './all-clear.js';

/** A size in any unit as base units; undefined when the unit needs a leverage or contract value that is missing. */
function toQuantity(value: Dec, unit: SizeUnit, price: Dec, leverage: Dec | undefined, contractValue: Dec | undefined): Dec | undefined {
	switch (unit) {
		case 'base':
			return value;
		case 'quote':
			return value.div(price);
		case 'margin':
			return leverage?.gt(0) ? value.times(leverage).div(price) : undefined;
		case 'contracts':
			return contractValue?.gt(0) ? value.times(contractValue) : undefined;
	}
}

/** Plain-decimal helper shared by UIs that convert a size typed as notional or margin into base units. */
export function quantityFromSize(params: {value: string; unit: 'base' | 'quote' | 'margin'; price: string; leverage?: string}): string | undefined {
	const value = parseDecimal(params.value);
	const price = parseDecimal(params.price);
	if (!value || !price || value.lte(0) || price.lte(0)) return undefined;
	const quantity = toQuantity(value, params.unit, price, parseDecimal(params.leverage), undefined);
	return quantity && toPlain(quantity);
}

