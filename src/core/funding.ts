/**
 * Funding: one interval's payment = s × Q × P × rate, positive = the holder pays; P is the mark
 * price on Binance, Bybit, OKX and Aster, the oracle price on Hyperliquid and dYdX. Over a hold of H hours we count
 * H / interval payments (a continuous approximation: the real count depends on where the hold starts relative to
 * the funding times, and the rate changes every interval).
 */
import {D, type Dec} from './decimal.js';
import type {InputReader} from './input.js';
import {type Sign, signed} from './liquidation.js';
import type {VenueMeta} from './venues/model.js';

export type FundingInputs = {ratePerInterval: Dec; intervalHours: Dec; holdHours: Dec | undefined};

export function readFunding(reader: InputReader, meta: VenueMeta, required: boolean): FundingInputs | undefined {
	const rate = reader.decimal('fundingRate', {required});
	const interval = reader.decimal('fundingIntervalHours', {bound: 'positive'}) ?? new D(meta.fundingIntervalHours);
	const hold = reader.decimal('holdHours', {bound: 'non-negative'});
	if (rate && rate.abs().gte(1)) return reader.issue('fundingRate', 'out-of-range', 'fundingRate is a fraction per interval (0.0001 = 0.01 %)');
	if (!rate) return undefined;
	return {ratePerInterval: rate, intervalHours: interval, holdHours: hold};
}

/** The price funding is computed on for this venue, from what the input gives. */
export function fundingPrice(reader: InputReader, meta: VenueMeta): Dec | undefined {
	const mark = reader.decimal('markPrice', {bound: 'positive'});
	const oracle = reader.decimal('oraclePrice', {bound: 'positive'});
	const entry = reader.decimal('entryPrice', {bound: 'positive'});
	return meta.fundingPrice === 'oracle' ? (oracle ?? mark ?? entry) : (mark ?? oracle ?? entry);
}

export function fundingPayment(params: {sign: Sign; quantity: Dec; price: Dec; ratePerInterval: Dec; intervals: Dec}): Dec {
	const {sign, quantity, price, ratePerInterval, intervals} = params;
	return signed(sign, quantity.times(price).times(ratePerInterval).times(intervals));
}
