/**
 * What the position sizer tells the trader beside the size: whether the chosen leverage liquidates before the stop,
 * and what the loss at the stop is made of (the move, the open fee, the close fee at the stop), from the engine's
 * figures for the sized position.
 */
import {D, toPlain, type DecimalString} from './decimal.js';
import type {Figures} from './types.js';

export type SizerLeverageCheck =
	| {status: 'ok'}
	| {
			/**
			 * 'danger': the position liquidates at or before the stop ('beyond'), or within the stop buffer of it ('near'),
			 * or the leverage is above the highest one whose liquidation stays beyond the stop with the buffer.
			 */
			status: 'danger';
			leverage: DecimalString;
			/** Absent when no leverage of 1x or more keeps the liquidation beyond this stop. */
			maxSafeLeverage?: DecimalString;
			liquidationPrice?: DecimalString;
			stopLossPrice: DecimalString;
			/** The engine's stop check: 'beyond' means the stop would never fill. */
			stopStatus: 'beyond' | 'near' | 'ok';
			/** What is lost instead of the stop's loss if liquidation comes first: the isolated margin. */
			margin: DecimalString;
	  };

export type SizerFeeBreakdown = {
	/** Loss if the stop fills, fees included (the engine's `risk.lossAtStop`). */
	lossAtStop: DecimalString;
	/** The price move alone: quantity × |entry − stop|. */
	moveLoss: DecimalString;
	openFee: DecimalString;
	openFeeRate: DecimalString;
	/** Closing at the stop price, at the close (taker) rate. */
	closeFeeAtStop: DecimalString;
	closeFeeRate: DecimalString;
	feesTotal: DecimalString;
};

export type SizerCheck = {leverage: SizerLeverageCheck; fees?: SizerFeeBreakdown};

/** Undefined when the figures have no stop (the sizer always sends one) or the stop is on the wrong side. */
export function checkSizer(figures: Figures): SizerCheck | undefined {
	const risk = figures.risk;
	const stop = risk?.stop;
	const stopPrice = risk?.stopLossPrice;
	if (!risk || !stop || stopPrice === undefined || stop.status === 'wrong-side') return undefined;
	const leverage = figures.leverage;
	const isAboveSafe = leverage !== undefined && stop.maxSafeLeverage !== undefined && new D(leverage).gt(stop.maxSafeLeverage);
	const isDanger = stop.status === 'beyond' || stop.status === 'near' || isAboveSafe;
	const check: SizerCheck = {leverage: {status: 'ok'}};
	if (isDanger && leverage !== undefined) {
		check.leverage = {
			status: 'danger',
			leverage,
			...(stop.maxSafeLeverage === undefined ? {} : {maxSafeLeverage: stop.maxSafeLeverage}),
			...(figures.liquidation.kind === 'price' ? {liquidationPrice: figures.liquidation.price} : {}),
			stopLossPrice: stopPrice,
			stopStatus: stop.status === 'no-liquidation' ? 'ok' : stop.status,
			margin: figures.initialMargin,
		};
	}
	if (risk.lossAtStop !== undefined) {
		const quantity = new D(figures.quantity);
		const openFee = new D(figures.fees.openFee);
		const closeFeeAtStop = quantity.times(stopPrice).times(figures.fees.closeFeeRate);
		check.fees = {
			lossAtStop: risk.lossAtStop,
			moveLoss: toPlain(quantity.times(new D(figures.entryPrice).minus(stopPrice).abs())),
			openFee: toPlain(openFee),
			openFeeRate: figures.fees.openFeeRate,
			closeFeeAtStop: toPlain(closeFeeAtStop),
			closeFeeRate: figures.fees.closeFeeRate,
			feesTotal: toPlain(openFee.plus(closeFeeAtStop)),
		};
	}
	return check;
}
