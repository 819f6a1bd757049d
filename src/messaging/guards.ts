/**
 * Runtime validation of everything that reaches the background from a content script. Content scripts run in
 * pages we do not control, so their messages are untrusted input (as uBlock Origin treats its content scripts' messages).
 *
 * Each validator rebuilds the value from checked fields only: unknown keys are dropped, never passed on.
 * Amounts are checked as text (`plainDecimalText`: `checkedDecimalText`, the check `parseDecimal` starts with, then
 * the canonical text): no Decimal is built here, the engine parses each number once. Background-only.
 */
import {plainDecimalText, type DecimalString} from '../core/decimal.js';
import {SIZE_UNITS, type FieldRead, type OrderDraft, type SizeUnit} from '../core/draft.js';
import {VENUE_IDS, type VenueId} from '../core/types.js';
import {originProblem} from '../settings/settings.js';
import type {EvaluateDraftRequest, MarketParamsRequest, UseOnSiteRequest} from './protocol.js';

export type Checked<T> = {ok: true; value: T} | {ok: false; problems: readonly string[]};

const MAX_TEXT = 200;
const ADAPTER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SYMBOL = /^[A-Za-z0-9._:/-]{1,40}$/;
const UNREAD_REASONS = ['not-found', 'unparseable', 'ambiguous'] as const;

type Parser<T> = (value: unknown) => T | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(options: readonly T[]): Parser<T> {
	return value => ((options as readonly unknown[]).includes(value) ? (value as T) : undefined);
}

/**
 * A plain decimal in its canonical text ("60000.50" → "60000.5"), as the popup's prefill shows it; rejects exponents,
 * grouping, NaN, Infinity, > 1e30.
 */
const decimal: Parser<DecimalString> = plainDecimalText;

const symbol: Parser<string> = value => (typeof value === 'string' && SYMBOL.test(value) ? value : undefined);

const size: Parser<{value: DecimalString; unit: SizeUnit}> = value => {
	if (!isRecord(value)) return undefined;
	const amount = decimal(value.value);
	const unit = oneOf<SizeUnit>(SIZE_UNITS)(value.unit);
	return amount === undefined || unit === undefined ? undefined : {value: amount, unit};
};

function fieldRead<T>(raw: unknown, parse: Parser<T>): FieldRead<T> | undefined {
	if (!isRecord(raw)) return undefined;
	let text: string | undefined;
	if (raw.text !== undefined) {
		if (typeof raw.text !== 'string') return undefined;
		text = raw.text.slice(0, MAX_TEXT);
	}
	const withText = <R extends object>(read: R) => (text === undefined ? read : {...read, text});
	switch (raw.state) {
		case 'ok': {
			const value = parse(raw.value);
			return value === undefined ? undefined : withText({state: 'ok' as const, value});
		}
		case 'empty':
			return withText({state: 'empty' as const});
		case 'unread': {
			const reason = oneOf(UNREAD_REASONS)(raw.reason);
			return reason === undefined ? undefined : withText({state: 'unread' as const, reason});
		}
		default:
			return undefined;
	}
}

const FIELD_PARSERS = {
	symbol,
	side: oneOf(['long', 'short', 'both'] as const),
	orderType: oneOf(['limit', 'market'] as const),
	price: decimal,
	markPrice: decimal,
	size,
	leverage: decimal,
	marginMode: oneOf(['isolated', 'cross'] as const),
	balance: decimal,
	stopLoss: decimal,
	takeProfit: decimal,
	venueLiquidationPrice: decimal,
	fundingRate: decimal,
	fundingCountdownSeconds: decimal,
} satisfies {[K in keyof OrderDraft]?: Parser<unknown>};

/** Fields an adapter reads only where the page shows them: absent stays absent, present is checked like the rest. */
const OPTIONAL_FIELD_PARSERS = {
	venueMargin: decimal,
	venueOrderValue: decimal,
} satisfies {[K in keyof OrderDraft]?: Parser<unknown>};

export function checkDraft(raw: unknown): Checked<OrderDraft> {
	if (!isRecord(raw)) return {ok: false, problems: ['draft']};
	const problems: string[] = [];
	const adapter = typeof raw.adapter === 'string' && raw.adapter.length <= 40 && ADAPTER_ID.test(raw.adapter) ? raw.adapter : undefined;
	if (adapter === undefined) problems.push('adapter');
	const venue = oneOf<VenueId>(VENUE_IDS)(raw.venue);
	if (venue === undefined) problems.push('venue');
	const fields: Record<string, unknown> = {};
	for (const [name, parse] of Object.entries(FIELD_PARSERS) as [keyof typeof FIELD_PARSERS, Parser<unknown>][]) {
		const read = fieldRead(raw[name], parse);
		if (read === undefined) problems.push(name);
		else fields[name] = read;
	}
	for (const [name, parse] of Object.entries(OPTIONAL_FIELD_PARSERS) as [keyof typeof OPTIONAL_FIELD_PARSERS, Parser<unknown>][]) {
		if (raw[name] === undefined) continue;
		const read = fieldRead(raw[name], parse);
		if (read === undefined) problems.push(name);
		else fields[name] = read;
	}
	let contractValue: DecimalString | undefined;
	if (raw.contractValue !== undefined) {
		contractValue = decimal(raw.contractValue);
		if (contractValue === undefined) problems.push('contractValue');
	}
	if (problems.length > 0 || adapter === undefined || venue === undefined) return {ok: false, problems};
	const draft = {adapter, venue, ...fields} as OrderDraft;
	if (contractValue !== undefined) draft.contractValue = contractValue;
	return {ok: true, value: draft};
}

export function checkEvaluateDraftRequest(raw: unknown): Checked<EvaluateDraftRequest> {
	if (!isRecord(raw)) return {ok: false, problems: ['payload']};
	const {revision} = raw;
	const revisionOk = typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0;
	const draft = checkDraft(raw.draft);
	const problems = [...(revisionOk ? [] : ['revision']), ...(draft.ok ? [] : draft.problems.map(name => `draft.${name}`))];
	if (!revisionOk || !draft.ok) return {ok: false, problems};
	return {ok: true, value: {revision: revision as number, draft: draft.value}};
}

export function checkEmpty(raw: unknown): Checked<Record<string, never>> {
	return isRecord(raw) && Object.keys(raw).length === 0 ? {ok: true, value: {}} : {ok: false, problems: ['payload']};
}

/** Sender check: our own extension, a tab, its top frame (the manifest injects into top frames only). */
export function isTrustedSender(
	sender: {id?: string; tab?: {id?: number}; frameId?: number} | undefined,
	runtimeId: string,
): sender is {id: string; tab: {id: number}; frameId: 0} {
	return (
		sender !== undefined &&
		sender.id === runtimeId &&
		typeof sender.tab?.id === 'number' &&
		sender.tab.id >= 0 &&
		sender.frameId === 0
	);
}

/**
 * `useOnSite` payload: a bare http(s) origin (no path, credentials or wildcard) and a tab id. Rebuilt from the
 * parsed URL, so what reaches the handler is exactly `URL.origin`.
 */
export function checkUseOnSiteRequest(raw: unknown): Checked<UseOnSiteRequest> {
	if (!isRecord(raw)) return {ok: false, problems: ['payload']};
	const problems: string[] = [];
	// The same rule as a stored custom site (a bare http(s) origin of one host: no '*' that would widen `${origin}/*`).
	const origin = typeof raw.origin === 'string' && raw.origin.length <= 200 && originProblem(raw.origin) === undefined ? raw.origin : undefined;
	if (origin === undefined) problems.push('origin');
	const {tabId} = raw;
	const tabOk = typeof tabId === 'number' && Number.isSafeInteger(tabId) && tabId >= 0;
	if (!tabOk) problems.push('tabId');
	const extra = Object.keys(raw).filter(key => key !== 'origin' && key !== 'tabId');
	if (extra.length > 0) problems.push(...extra);
	if (problems.length > 0 || origin === undefined) return {ok: false, problems};
	return {ok: true, value: {origin, tabId: tabId as number}};
}

/**
 * Sender check for `PAGE_METHODS`: our own extension and one of our own pages (popup, options). A content
 * script's `sender.url` is the web page's, which a page cannot forge, so it never passes.
 */
export function isExtensionPageSender(
	sender: {id?: string; url?: string} | undefined,
	runtimeId: string,
	extensionUrl: string,
): sender is {id: string; url: string} {
	return (
		sender !== undefined &&
		sender.id === runtimeId &&
		extensionUrl.length > 0 &&
		typeof sender.url === 'string' &&
		sender.url.startsWith(extensionUrl)
	);
}

/** `marketParams` payload: a venue id, a market symbol as the pages spell them, an optional margin mode; nothing else. */
export function checkMarketParamsRequest(raw: unknown): Checked<MarketParamsRequest> {
	if (!isRecord(raw)) return {ok: false, problems: ['payload']};
	const problems: string[] = [];
	const venue = oneOf<VenueId>(VENUE_IDS)(raw.venue);
	if (venue === undefined) problems.push('venue');
	const marketSymbol = symbol(raw.symbol);
	if (marketSymbol === undefined) problems.push('symbol');
	const marginMode = raw.marginMode === undefined ? undefined : oneOf(['isolated', 'cross'] as const)(raw.marginMode);
	if (raw.marginMode !== undefined && marginMode === undefined) problems.push('marginMode');
	problems.push(...Object.keys(raw).filter(key => !['venue', 'symbol', 'marginMode'].includes(key)));
	if (problems.length > 0 || venue === undefined || marketSymbol === undefined) return {ok: false, problems};
	return {ok: true, value: marginMode === undefined ? {venue, symbol: marketSymbol} : {venue, symbol: marketSymbol, marginMode}};
}
