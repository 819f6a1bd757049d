/**
 * The quick calculator's form: text exactly as typed, its validation, and the `AssessInput` it becomes. Size as
 * notional or margin becomes a quantity through the core's `quantityFromSize`; the only arithmetic here is
 * percent ↔ fraction and contracts × contract value in the prefill. Every risk figure comes from `assess`.
 */
import {quantityFromSize} from '../core/assess-draft.js';
import {D, type DecimalString, toPlain} from '../core/decimal.js';
import type {OrderDraft} from '../core/draft.js';
import {type AssessInput, type MarginMode, type Side, VENUE_IDS, type VenueId} from '../core/types.js';
import {VENUE_MODELS} from '../core/venues/index.js';
import {type InputRule, parseUserDecimal, percentToRate, rateToPercent} from '../ui/components/parse-input.js';
import {resolveSymbol} from './default-market.js';

export type SizeUnit = 'quantity' | 'notional' | 'margin';

export type CalculatorForm = {
	venue: VenueId;
	/** Custom venue only: maintenance margin rate in percent. */
	customMaintenancePercent: string;
	symbol: string;
	side: Side;
	marginMode: MarginMode;
	entryPrice: string;
	leverage: string;
	size: string;
	sizeUnit: SizeUnit;
	stopLossPrice: string;
	takeProfitPrice: string;
	walletBalance: string;
	/** Per funding interval, percent, positive = longs pay. */
	fundingRatePercent: string;
	holdHours: string;
};

export type CalculatorField = Exclude<keyof CalculatorForm, 'venue' | 'side' | 'marginMode' | 'sizeUnit' | 'symbol'>;

export const EMPTY_FORM: CalculatorForm = {
	venue: 'binance-usdm',
	customMaintenancePercent: '',
	symbol: '',
	side: 'long',
	marginMode: 'isolated',
	entryPrice: '',
	leverage: '',
	size: '',
	sizeUnit: 'quantity',
	stopLossPrice: '',
	takeProfitPrice: '',
	walletBalance: '',
	fundingRatePercent: '',
	holdHours: '',
};

const RULES: Record<CalculatorField, InputRule & {isRequired?: boolean}> = {
	customMaintenancePercent: {isPositive: true, max: '100'},
	entryPrice: {isPositive: true, isRequired: true},
	leverage: {isPositive: true, max: '2000', isRequired: true},
	size: {isPositive: true, isRequired: true},
	stopLossPrice: {isPositive: true},
	takeProfitPrice: {isPositive: true},
	walletBalance: {},
	fundingRatePercent: {isSignedAllowed: true, min: '-100', max: '100'},
	holdHours: {max: '87600'},
};

/** The engine's size unit for each choice of the "Size is" select. */
const SIZE_UNIT_OF = {quantity: 'base', notional: 'quote', margin: 'margin'} as const;

export type BuiltInput = {
	/** Present when every required field is valid. */
	input?: AssessInput;
	/** Message per field with invalid text, shown next to that field. */
	errors: Partial<Record<CalculatorField, string>>;
	/** Required fields still empty. */
	missing: CalculatorField[];
	/** The venue's default market, when the symbol was left empty and the input uses it. */
	defaultSymbol?: string;
};

/** Validates the form as typed and builds the engine input. */
export function buildAssessInput(form: CalculatorForm): BuiltInput {
	const errors: Partial<Record<CalculatorField, string>> = {};
	const missing: CalculatorField[] = [];
	const values: Partial<Record<CalculatorField, DecimalString>> = {};
	for (const field of Object.keys(RULES) as CalculatorField[]) {
		const rule = RULES[field];
		const isRequired = rule.isRequired || (field === 'customMaintenancePercent' && form.venue === 'custom');
		if (field === 'customMaintenancePercent' && form.venue !== 'custom') continue;
		const parsed = parseUserDecimal(form[field], rule);
		if (parsed.kind === 'error') errors[field] = parsed.message;
		else if (parsed.kind === 'ok') values[field] = parsed.value;
		else if (isRequired) missing.push(field);
	}
	if (Object.keys(errors).length > 0 || missing.length > 0) return {errors, missing};

	const entryPrice = values.entryPrice!;
	const leverage = values.leverage!;
	const quantity = quantityFromSize({value: values.size!, unit: SIZE_UNIT_OF[form.sizeUnit], price: entryPrice, leverage});
	if (quantity === undefined) return {errors: {size: 'Cannot be turned into a quantity at this price.'}, missing};

	const input: AssessInput = {
		venue: form.venue,
		side: form.side,
		marginMode: form.marginMode,
		entryPrice,
		leverage,
		quantity,
	};
	// An empty symbol is the venue's default market where it has one (said next to the field), never a refusal.
	const {symbol, isDefault} = resolveSymbol(form.symbol, form.venue);
	if (symbol) input.symbol = symbol;
	if (values.customMaintenancePercent) input.maintenanceMarginRate = percentToRate(values.customMaintenancePercent);
	if (values.stopLossPrice) input.stopLossPrice = values.stopLossPrice;
	if (values.takeProfitPrice) input.takeProfitPrice = values.takeProfitPrice;
	if (values.walletBalance) input.walletBalance = values.walletBalance;
	if (values.fundingRatePercent) input.fundingRate = percentToRate(values.fundingRatePercent);
	if (values.holdHours) input.holdHours = values.holdHours;
	return isDefault ? {input, errors, missing, defaultSymbol: symbol} : {input, errors, missing};
}

/** The value of a field read as 'ok'; tolerant of fields absent from an older stored draft. */
function okValue<T>(read: {state: string; value?: T} | undefined): T | undefined {
	return read?.state === 'ok' ? read.value : undefined;
}

/** The calculator form prefilled from an order draft read on the page; fields not read stay as in `base`. */
export function formFromDraft(draft: OrderDraft, base: CalculatorForm = EMPTY_FORM): CalculatorForm {
	const form: CalculatorForm = {...base};
	if ((VENUE_IDS as readonly string[]).includes(draft.venue)) form.venue = draft.venue;
	const symbol = okValue(draft.symbol);
	if (symbol) form.symbol = symbol;
	const side = okValue(draft.side);
	if (side === 'long' || side === 'short') form.side = side;
	const marginMode = okValue(draft.marginMode);
	if (marginMode) form.marginMode = marginMode;
	// As assessDraft reads it: a limit order fills at its price, a market order near the mark; order type unread,
	// a typed price, else the mark.
	const orderType = okValue(draft.orderType);
	const price = okValue(draft.price);
	const markPrice = okValue(draft.markPrice);
	const entry = orderType === 'market' ? markPrice : orderType === 'limit' ? price : (price ?? markPrice);
	if (entry) form.entryPrice = entry;
	const leverage = okValue(draft.leverage);
	if (leverage) form.leverage = leverage;
	const size = okValue(draft.size);
	if (size?.unit === 'base') {
		form.size = size.value;
		form.sizeUnit = 'quantity';
	} else if (size?.unit === 'quote') {
		form.size = size.value;
		form.sizeUnit = 'notional';
	} else if (size?.unit === 'margin') {
		form.size = size.value;
		form.sizeUnit = 'margin';
	} else if (size?.unit === 'contracts' && draft.contractValue) {
		form.size = toPlain(new D(size.value).mul(draft.contractValue));
		form.sizeUnit = 'quantity';
	}
	const balance = okValue(draft.balance);
	if (balance) form.walletBalance = balance;
	const stop = okValue(draft.stopLoss);
	if (stop) form.stopLossPrice = stop;
	const takeProfit = okValue(draft.takeProfit);
	if (takeProfit) form.takeProfitPrice = takeProfit;
	const fundingRate = okValue(draft.fundingRate);
	if (fundingRate) form.fundingRatePercent = rateToPercent(fundingRate);
	return form;
}

/**
 * The choices `formFromDraft` left at the form's default because the page did not give them: the side (unread,
 * or not picked yet) and the margin mode where the venue has cross. The radios always show a value, so the prefill
 * note names these: an isolated long computed from a default must not pass for the order on the page.
 */
export function unreadChoices(draft: OrderDraft): ('side' | 'marginMode')[] {
	const unread: ('side' | 'marginMode')[] = [];
	const side = okValue(draft.side);
	if (side !== 'long' && side !== 'short') unread.push('side');
	const hasCross = (VENUE_IDS as readonly string[]).includes(draft.venue) ? VENUE_MODELS[draft.venue].meta.hasCross : true;
	if (hasCross && !okValue(draft.marginMode)) unread.push('marginMode');
	return unread;
}

/** `storage.session` key where the background keeps the latest order draft read in a tab. */
export function draftKey(tabId: number): string {
	return `draft:${tabId}`;
}

/** Accepts a stored draft as `OrderDraft` or `{draft: OrderDraft}`; anything else is ignored. */
export function asStoredDraft(value: unknown): OrderDraft | undefined {
	const candidate = typeof value === 'object' && value !== null && 'draft' in value ? (value as {draft: unknown}).draft : value;
	if (typeof candidate !== 'object' || candidate === null) return undefined;
	const draft = candidate as Partial<OrderDraft>;
	if (typeof draft.venue !== 'string' || typeof draft.size !== 'object' || draft.size === null) return undefined;
	return draft as OrderDraft;
}
