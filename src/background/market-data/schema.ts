/**
 * Small schema helpers for the venues' responses. A response is untrusted input: each parser rebuilds what it keeps
 * from checked fields only, bounds every list, and refuses the whole response when its documented shape is not
 * there (the owner then keeps the previous cache). Amounts become plain decimal strings through decimal.js.
 */
import {D, type Dec, parseDecimal, toPlain} from '../../core/decimal.js';
import type {MarketParams} from '../../core/market-params.js';

/** What a parsed response contributes to one market (the owner adds venue, symbol and source). */
export type MarketEntry = Omit<MarketParams, 'venue' | 'symbol' | 'source'>;

/** A parsed response: entries by the venue's own market id. */
export type ParsedDoc = {markets: Record<string, MarketEntry>};

export type ParseResult = {ok: true; doc: ParsedDoc} | {ok: false; problem: string};

/** Most markets a response may list (the largest venue lists ~600 perpetuals); more is refused as not the documented list. */
export const MAX_MARKETS = 3000;
/** Most tiers one market may have (OKX and Bybit publish up to ~50). */
export const MAX_TIERS = 100;

export class SchemaError extends Error {}

export function fail(problem: string): never {
	throw new SchemaError(problem);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, path: string): Record<string, unknown> {
	return isRecord(value) ? value : fail(`${path} is not an object`);
}

export function list(value: unknown, path: string, max: number): unknown[] {
	if (!Array.isArray(value)) fail(`${path} is not a list`);
	if (value.length > max) fail(`${path} has ${value.length} entries (at most ${max} expected)`);
	return value;
}

/** A market id as the venues spell them (BTC-USDT-SWAP, 1000PEPEUSDT, kPEPE, ETH/USD): bounded, no markup. */
export function marketId(value: unknown, path: string): string {
	return typeof value === 'string' && /^[A-Za-z0-9._:/ [\]-]{1,60}$/.test(value) ? value : fail(`${path} is not a market id`);
}

/** A decimal given as a string (or a JSON number where the venue documents one), finite and within ±1e30. */
export function decimal(value: unknown, path: string): Dec {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	const parsed = typeof text === 'string' && !/e/i.test(text) ? parseDecimal(text) : undefined;
	return parsed ?? fail(`${path} is not a decimal`);
}

export function optionalDecimal(value: unknown, path: string): Dec | undefined {
	return value === undefined || value === null || value === '' ? undefined : decimal(value, path);
}

/** A fraction in (0, 1). */
export function rate(value: unknown, path: string): Dec {
	const parsed = decimal(value, path);
	return parsed.gt(0) && parsed.lt(1) ? parsed : fail(`${path} (${parsed.toFixed()}) is not a fraction between 0 and 1`);
}

export function positive(value: unknown, path: string): Dec {
	const parsed = decimal(value, path);
	return parsed.gt(0) ? parsed : fail(`${path} is not above 0`);
}

export function plain(value: Dec): string {
	return toPlain(value);
}

/** Runs a parser body, turning a SchemaError into a refusal. */
export function guarded(parse: () => ParsedDoc): ParseResult {
	try {
		return {ok: true, doc: parse()};
	} catch (error) {
		if (error instanceof SchemaError) return {ok: false, problem: error.message};
		throw error;
	}
}

/** Hours from minutes ("480" → "8"). */
export function minutesToHours(minutes: Dec): string {
	return toPlain(minutes.div(60));
}

export const ONE = new D(1);
