/**
 * The one place that turns what LiqGuard could not compute into a trader's words and what fixes it: the engine's
 * `InputIssue`s (code + data, src/core/types.ts) and the read state of a field the math needs (src/core/draft.ts).
 * The on-page panel renders the result with the content script's `t`, the popup with `formatMessage`; both read
 * the same keys of src/_locales/en/messages.json. Pure and DOM-free: it returns message keys and substitutions.
 *
 * A substitution that is itself a message (a field's label) is given as a nested `Message`, so each UI resolves
 * it with its own lookup.
 */
import type {DraftField, FieldRead, OrderDraft} from '../core/draft.js';
import type {InputIssue} from '../core/types.js';
import {formatAmount, formatLeverage, formatQuantity} from './format.js';

export type Message = {key: string; substitutions: readonly (string | Message)[]};
export type Explanation = {reason: Message; fix?: Message};
export type Lookup = (key: string, substitutions?: readonly string[]) => string;

const message = (key: string, ...substitutions: (string | Message)[]): Message => ({key, substitutions});

/** Engine input fields → the label the panel and popup already use for them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
	quantity: 'panel_field_size',
	contracts: 'panel_field_size',
	entryPrice: 'panel_field_price',
	markPrice: 'panel_field_markPrice',
	leverage: 'panel_field_leverage',
	walletBalance: 'panel_field_balance',
	accountBalance: 'panel_field_balance',
	isolatedMargin: 'issue_field_isolatedMargin',
	stopLossPrice: 'panel_field_stopLoss',
	takeProfitPrice: 'panel_field_takeProfit',
	fundingRate: 'panel_field_fundingRate',
	side: 'panel_field_side',
	marginMode: 'panel_field_marginMode',
	symbol: 'panel_field_symbol',
	maintenanceMarginRate: 'issue_field_maintenanceMarginRate',
	contractValue: 'issue_field_contractValue',
};

function fieldLabel(field: string): Message | string {
	const key = FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\[.*$/, '')];
	return key ? message(key) : field;
}

/** "BTCUSDT" → "USDT": the quote a notional is counted in, when the symbol says it. */
function quoteOf(symbol: string | undefined): string | undefined {
	return /(USDT|USDC|USD)$/.exec((symbol ?? '').replace(/[-_/]?SWAP$/i, '').replace(/[-_/]/g, '').toUpperCase())?.[1];
}

function amountIn(value: string, symbol: string | undefined): string {
	const quote = quoteOf(symbol);
	return quote ? `${formatAmount(value)} ${quote}` : formatAmount(value);
}

/** An engine issue in a trader's words. `symbol`: the market, for amounts in its quote currency. */
export function explainIssue(issue: InputIssue, symbol?: string): Explanation {
	const data = issue.data;
	switch (data?.kind) {
		case 'venue-cap': {
			const leverage = formatLeverage(data.leverage ?? '');
			const cap = formatLeverage(data.maxLeverage ?? '');
			const notional = amountIn(data.notional ?? '', symbol);
			const reason = data.tierCap
				? message('issue_leverage_above_cap', leverage, data.venueLabel ?? '', notional, cap, formatAmount(data.tierCap))
				: message('issue_leverage_above_cap_top', leverage, data.venueLabel ?? '', notional, cap);
			const fix =
				data.allowedNotional && data.allowedQuantity
					? message('fix_leverage_above_cap', cap, leverage, formatQuantity(data.allowedQuantity), amountIn(data.allowedNotional, symbol))
					: message('fix_leverage_lower', cap);
			return {reason, fix};
		}
		case 'venue-max':
			return {
				reason: message('issue_leverage_above_max', formatLeverage(data.leverage ?? ''), data.venueLabel ?? '', formatLeverage(data.maxLeverage ?? '')),
				fix: message('fix_leverage_lower', formatLeverage(data.maxLeverage ?? '')),
			};
		case 'opens-liquidated':
			return {
				reason: message('issue_leverage_opens_liquidated', formatLeverage(data.leverage ?? '')),
				fix: message('fix_leverage_under', formatLeverage(data.ceiling ?? '')),
			};
		case 'no-tier-data':
			return {
				reason: message('issue_no_tier_data', data.symbol ?? symbol ?? '', data.venueLabel ?? ''),
				fix: message('fix_no_tier_data'),
			};
		case 'beyond-tier-data':
			return {reason: message('issue_beyond_tier_data', data.symbol ?? symbol ?? ''), fix: message('fix_no_tier_data')};
		case undefined:
			break;
	}
	const label = fieldLabel(issue.field);
	switch (issue.code) {
		case 'missing':
			return {reason: message('issue_missing', label), fix: message('fix_enter', label)};
		case 'not-a-number':
			return {reason: message('issue_not_a_number', label), fix: message('fix_enter', label)};
		case 'not-positive':
			return {reason: message('issue_not_positive', label), fix: message('fix_enter', label)};
		case 'negative':
			return {reason: message('issue_negative', label), fix: message('fix_enter', label)};
		case 'unsupported':
			return {reason: message('issue_unsupported', label, issue.message)};
		default:
			// Codes without a sentence of their own keep the engine's text, under the field's label.
			return {reason: message('issue_other', label, issue.message)};
	}
}

/** A comma used as the decimal mark ("1.234,5", "0,5"): refused, never guessed (a factor of 1000 in a risk figure). */
const COMMA_DECIMAL = /^-?(?:\d{1,3}(?:[. ]\d{3})+|\d+)?,\d{1,2}(?:\D.*)?$|\.\d*,/;
/** More integer digits than any real order (the adapters' reader stops at 30), or an exponent like "1e309". */
const TOO_LARGE = /\d{31,}|\de\+?\d{3,}/i;

/**
 * Why a field the math needs has no usable value, from its read state on the page: the parser's reason
 * ("uses ',' as decimal", "0 is not a size", "too large") instead of only its name.
 */
export function explainNeed(field: DraftField, draft: OrderDraft | undefined): Explanation {
	const label = message(`panel_field_${field}`);
	const read = draft?.[field] as FieldRead<unknown> | undefined;
	if (field === 'balance' && !(read?.state === 'unread' && read.text)) {
		return {reason: message('need_balance_cross'), fix: message('fix_need_balance')};
	}
	if (!read || (read.state === 'unread' && read.reason === 'not-found')) {
		return {reason: message('need_not_found', label), fix: message('fix_need_not_found', label)};
	}
	if (read.state === 'empty') return {reason: message('need_empty', label), fix: message('fix_type_in_form', label)};
	const text = (read.text ?? '').trim().slice(0, 40);
	if (read.state === 'unread') {
		if (COMMA_DECIMAL.test(text)) return {reason: message('need_comma_decimal', label, text), fix: message('fix_dot_decimal', label)};
		if (TOO_LARGE.test(text)) return {reason: message('need_too_large', label, text), fix: message('fix_type_in_form', label)};
		if (read.reason === 'ambiguous') return {reason: message('need_ambiguous', label, text), fix: message('fix_dot_decimal', label)};
		return {reason: message('need_unparseable', label, text), fix: message('fix_type_in_form', label)};
	}
	// Read, yet not usable: a value of 0 or below, or a size in contracts with no contract value.
	const value = read.value;
	const shown = typeof value === 'string' ? value : typeof value === 'object' && value !== null && 'value' in value ? String(value.value) : '';
	if (field === 'size' && typeof value === 'object' && value !== null && 'unit' in value && value.unit === 'contracts' && !shown.startsWith('-') && !/^0*\.?0*$/.test(shown)) {
		return {reason: message('need_contract_value'), fix: message('fix_contract_value')};
	}
	if (shown.startsWith('-')) return {reason: message('need_negative', label, shown), fix: message('fix_type_in_form', label)};
	if (field === 'size') return {reason: message('need_zero_size', shown), fix: message('fix_type_in_form', label)};
	return {reason: message('need_not_positive', label, shown), fix: message('fix_type_in_form', label)};
}

/** A message as text with the given lookup, nested messages (labels) first. */
export function renderMessage(value: Message, lookup: Lookup): string {
	return lookup(
		value.key,
		value.substitutions.map(part => (typeof part === 'string' ? part : renderMessage(part, lookup))),
	);
}
