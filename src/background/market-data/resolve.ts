/**
 * `paramsFor`'s decision, pure: live parameters when the switch is on and the cache has them; else the rate the user
 * typed for this market; else nothing (the core's bundled table or the missing-rate message applies). Every answer
 * carries a notice the UI turns into the source line ("OKX position tiers, fetched 3 h ago", "bundled table,
 * 2024-10-24"), and only a live answer may show a ✓.
 */
import {BUNDLED_TIERS} from '../../core/data/tiers.js';
import type {MarketParams, ParamSource} from '../../core/market-params.js';
import {baseAsset} from '../../core/symbols.js';
import type {VenueId} from '../../core/types.js';
import type {Lookup, LookupState} from './owner.js';
import type {TypedRate} from './typed-rates.js';

export type MarketNotice = {
	/** 'disabled': the switch is off; 'typed': the user's rate is used; else the live lookup's state. */
	state: LookupState | 'disabled' | 'typed';
	/** Where the parameters came from: live, typed, or the bundled table the core falls back to. */
	source?: ParamSource;
};

export type MarketAnswer = {params?: MarketParams; notice: MarketNotice};

export function resolveMarket(input: {
	venue: VenueId;
	symbol: string;
	isEnabled: boolean;
	lookup?: Lookup;
	typed?: TypedRate;
}): MarketAnswer {
	const {venue, symbol, lookup, typed} = input;
	if (input.isEnabled && lookup?.params) return {params: lookup.params, notice: {state: 'live', source: lookup.params.source}};
	if (typed) {
		const source: ParamSource = {kind: 'typed', savedAtMs: typed.savedAtMs};
		return {
			params: {venue, symbol, tiers: [{notionalFloor: '0', maintenanceMarginRate: typed.rate, maintenanceDeduction: '0'}], tierBasis: 'notional', source},
			notice: {state: 'typed', source},
		};
	}
	const state = input.isEnabled ? (lookup?.state ?? 'unsupported') : 'disabled';
	const asset = baseAsset(symbol);
	const bundled = asset ? BUNDLED_TIERS[venue]?.[asset] : undefined;
	return bundled
		? {notice: {state, source: {kind: 'bundled', label: 'bundled table', url: bundled.source, asOf: bundled.asOf}}}
		: {notice: {state}};
}
