/**
 * Trading fees: fee = notional × rate (Bybit "Perpetual Futures Contract Fees Explained": Order Value × rate; the
 * same on every venue). A market order pays the taker rate, a resting limit order the maker rate; we assume the
 * close is a market order (taker), which is what a stop-loss or a liquidation pays.
 *
 * Break-even (derived): a long nets zero when Q·(P − E) = Q·E·f_open + Q·P·f_close ⇒ P = E·(1 + f_open)/(1 − f_close);
 * a short when Q·(E − P) = Q·E·f_open + Q·P·f_close ⇒ P = E·(1 − f_open)/(1 + f_close).
 */
import {type Dec, ONE} from './decimal.js';
import type {Sign} from './liquidation.js';

export function breakEvenPrice(sign: Sign, entryPrice: Dec, openFeeRate: Dec, closeFeeRate: Dec): Dec {
	return sign === 1
		? entryPrice.times(ONE.plus(openFeeRate)).div(ONE.minus(closeFeeRate))
		: entryPrice.times(ONE.minus(openFeeRate)).div(ONE.plus(closeFeeRate));
}

export function fee(notional: Dec, rate: Dec): Dec {
	return notional.times(rate);
}
