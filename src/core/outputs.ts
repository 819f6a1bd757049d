/**
 * Single figures by name, as the `liqguard-vectors/1` format defines them (test/vectors/README.md). Each
 * validates only the inputs it needs, so a funding vector needs no leverage and a tier vector no side.
 */
import {D, type Dec, toPlain} from './decimal.js';
import {fee} from './fees.js';
import {fundingPayment, fundingPrice, readFunding} from './funding.js';
import {InputReader} from './input.js';
import {maintenanceFor} from './liquidation.js';
import {resolveQuantity, resolveSide, resolveTiers} from './venues/model.js';
import {VENUE_MODELS} from './venues/index.js';
import {tierFor} from './tiers.js';
import type {PositionInput, Result, VenueId} from './types.js';
import {VENUE_IDS} from './types.js';

export const OUTPUT_KEYS = [
	'liquidationPrice',
	'liquidationDistance',
	'initialMargin',
	'maintenanceMargin',
	'maintenanceDeduction',
	'fundingPayment',
	'takerFee',
	'makerFee',
	'estimatedFeeToClose',
	'positionSize',
] as const;
export type OutputKey = (typeof OUTPUT_KEYS)[number];

const fail = (reader: InputReader): Result<never> => ({
	ok: false,
	issues: reader.issues.length > 0 ? reader.issues : [{field: 'input', code: 'missing', message: 'not computable from these inputs'}],
});
const okPlain = (value: Dec): Result<string> => ({ok: true, value: toPlain(value)});

function venueOf(input: PositionInput): VenueId | undefined {
	return (VENUE_IDS as readonly string[]).includes(input.venue) ? input.venue : undefined;
}

/** Maintenance margin and deduction at the current notional (the venue's liquidation trigger price, else entry). */
function currentMaintenance(reader: InputReader, input: PositionInput, venue: VenueId): {margin: Dec; deduction: Dec} | undefined {
	const model = VENUE_MODELS[venue];
	const quantity = resolveQuantity(reader, input);
	const mark = reader.decimal('markPrice', {bound: 'positive'});
	const oracle = reader.decimal('oraclePrice', {bound: 'positive'});
	const entry = reader.decimal('entryPrice', {bound: 'positive'});
	const price = model.meta.liquidationTrigger === 'oracle' ? (oracle ?? mark ?? entry) : (mark ?? oracle ?? entry);
	const tiers = resolveTiers(reader, input, model.meta, []);
	if (!price) reader.issue('markPrice', 'missing', 'markPrice (or entryPrice) is required');
	if (!reader.ok || !quantity || !price || !tiers) return undefined;
	const tier = tierFor(tiers, quantity.times(price));
	if (!tier) return reader.issue('tiers', 'out-of-range', 'the current notional is outside the tier table');
	return {margin: maintenanceFor(quantity.times(price), tier), deduction: tier.deduction};
}

export function computeOutput(key: OutputKey, input: PositionInput): Result<string> {
	const reader = new InputReader(input as unknown as Record<string, unknown>);
	const venue = venueOf(input);
	if (!venue) return {ok: false, issues: [{field: 'venue', code: 'out-of-range', message: `unknown venue "${String(input.venue)}"`}]};
	const model = VENUE_MODELS[venue];
	switch (key) {
		case 'takerFee':
		case 'makerFee': {
			const field = key === 'takerFee' ? 'takerFeeRate' : 'makerFeeRate';
			const given = key === 'takerFee' ? reader.rate(field) : reader.makerRate(field);
			const rate = given ?? new D(key === 'takerFee' ? model.meta.takerFeeRate : model.meta.makerFeeRate);
			const sizeInUsd = reader.decimal('sizeInUsd', {bound: 'positive'});
			if (venue === 'gmx-v2' && sizeInUsd) return okPlain(fee(sizeInUsd, rate));
			const quantity = resolveQuantity(reader, input);
			const entry = reader.decimal('entryPrice', {required: true, bound: 'positive'});
			return quantity && entry && reader.ok ? okPlain(fee(quantity.times(entry), rate)) : fail(reader);
		}
		case 'fundingPayment': {
			const sign = resolveSide(reader);
			const quantity = resolveQuantity(reader, input);
			const funding = readFunding(reader, model.meta, true);
			const price = fundingPrice(reader, model.meta);
			if (!price) reader.issue('markPrice', 'missing', 'a mark, oracle or entry price is required');
			if (!reader.ok || sign === undefined || !quantity || !funding || !price) return fail(reader);
			const intervals = funding.holdHours ? funding.holdHours.div(funding.intervalHours) : new D(1);
			return okPlain(fundingPayment({sign, quantity, price, ratePerInterval: funding.ratePerInterval, intervals}));
		}
		case 'maintenanceDeduction': {
			const current = currentMaintenance(reader, input, venue);
			return current ? okPlain(current.deduction) : fail(reader);
		}
		case 'maintenanceMargin': {
			if (!reader.has('side')) {
				const current = currentMaintenance(reader, input, venue);
				return current ? okPlain(current.margin) : fail(reader);
			}
			const position = model.position(reader, input);
			return position?.maintenance ? okPlain(position.maintenance.margin) : fail(reader);
		}
		default: {
			const position = model.position(reader, input);
			if (!position) return fail(reader);
			if (key === 'liquidationPrice' || key === 'liquidationDistance') {
				const {liquidation} = position;
				if (liquidation.kind === 'beyond-table') {
					return {ok: false, issues: [{field: 'tiers', code: 'out-of-range', message: 'the liquidation notional is beyond the tier table'}]};
				}
				if (liquidation.kind === 'none') return {ok: true, value: 'none'};
				return okPlain(key === 'liquidationPrice' ? liquidation.price : liquidation.price.minus(position.entryPrice).abs());
			}
			if (key === 'initialMargin') return position.initialMargin ? okPlain(position.initialMargin) : fail(reader);
			if (key === 'estimatedFeeToClose') return okPlain(position.estimatedFeeToClose);
			return okPlain(position.quantity);
		}
	}
}
