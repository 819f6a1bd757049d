/**
 * Maintenance rates the user typed, per venue and market, in `storage.local` (this device only: a market's rate is
 * public data, but the list of markets someone trades is theirs and is not synced). The popup writes them; the
 * background uses them for the panel too, whenever no live table is available for that market.
 */
import {parseDecimal, toPlain, type DecimalString} from '../../core/decimal.js';
import type {VenueId} from '../../core/types.js';
import type {StorageAreaLike} from '../../settings/storage-area.js';
import {isRecord} from './schema.js';

export const TYPED_RATE_PREFIX = 'typedRate:';

export type TypedRate = {rate: DecimalString; savedAtMs: number};

export function typedRateKey(venue: VenueId, symbol: string): string {
	return `${TYPED_RATE_PREFIX}${venue}:${symbol.trim().toUpperCase()}`;
}

/** A fraction in (0, 1), as settings validation bounds a maintenance rate. */
export function isTypedRate(value: unknown): value is TypedRate {
	if (!isRecord(value) || typeof value.savedAtMs !== 'number' || !Number.isFinite(value.savedAtMs)) return false;
	const rate = parseDecimal(value.rate);
	return rate !== undefined && rate.gt(0) && rate.lt(1);
}

export async function readTypedRate(area: StorageAreaLike, venue: VenueId, symbol: string): Promise<TypedRate | undefined> {
	const key = typedRateKey(venue, symbol);
	const stored = (await area.get(key).catch(() => ({}) as Record<string, unknown>))[key];
	return isTypedRate(stored) ? stored : undefined;
}

/** Saves a rate (a fraction); refuses anything outside (0, 1). */
export async function saveTypedRate(area: StorageAreaLike, venue: VenueId, symbol: string, rate: DecimalString, nowMs: number): Promise<boolean> {
	const parsed = parseDecimal(rate);
	if (!parsed || !parsed.gt(0) || !parsed.lt(1) || symbol.trim() === '') return false;
	await area.set({[typedRateKey(venue, symbol)]: {rate: toPlain(parsed), savedAtMs: nowMs} satisfies TypedRate});
	return true;
}

export async function clearTypedRate(area: StorageAreaLike, venue: VenueId, symbol: string): Promise<void> {
	await area.remove(typedRateKey(venue, symbol));
}
