/**
 * Aster Simple / 1001x ("Perp Shield"). Docs (https://docs.asterdex.com/product/perp-shield/liquidations):
 *   Forced Liquidation Price = (Size × Open Price − Accumulated Funding − Initial Margin × Liquidation Loss Rate) / Size
 *   (direction-adjusted), Size = Initial Margin × Leverage / Entry Price,
 *   loss rate 65 % for 20x–500x, 60 % for 501x–1001x; triggers on the LAST price.
 * Distance form: distance = Entry × (IM × LossRate + AccumulatedFunding) / (IM × Leverage), LP = Entry ∓ distance.
 * `accumulatedFunding` > 0 = received (moves LP away); the docs do not say whether it is paid or
 * received, so this is the convention our vectors use.
 */
import {D, type Dec, ZERO} from '../decimal.js';
import {ASTER_SIMPLE_BANDS} from '../data/tiers.js';
import {decSign} from '../liquidation.js';
import {venueName} from './catalogue.js';
import {type VenueMeta, type VenueModel, resolveSide} from './model.js';

const meta: VenueMeta = {
	id: 'aster-simple',
	label: /* @__PURE__ */ venueName('aster-simple'),
	hasCross: false,
	liquidationTrigger: 'last',
	fundingPrice: 'mark',
	// Predecessor (ApolloX V2) docs: 0.08 % open/close on BNB Chain; the current Simple-mode schedule is not verified.
	takerFeeRate: '0.0008',
	makerFeeRate: '0.0008',
	fundingIntervalHours: '1',
	maxLeverage: '1001',
};

const BAND_EDGE = new D(500);
const MIN_LEVERAGE = new D(20);
const LOSS_LOW = new D('0.65');
const LOSS_HIGH = new D('0.6');

/** Documented default loss rate for a leverage, or undefined outside 20x–1001x. */
function defaultLossRate(leverage: Dec): Dec | undefined {
	if (leverage.lt(MIN_LEVERAGE) || leverage.gt(meta.maxLeverage)) return undefined;
	return leverage.lte(BAND_EDGE) ? LOSS_LOW : LOSS_HIGH;
}

export const asterSimple: VenueModel = {
	meta,
	position(reader, input) {
		const assumptions: string[] = [];
		const sign = resolveSide(reader);
		if (reader.has('marginMode') && input.marginMode !== 'isolated') {
			reader.issue('marginMode', 'unsupported', 'Aster Simple positions are always isolated');
		}
		const entryPrice = reader.decimal('entryPrice', {required: true, bound: 'positive'});
		const leverage = reader.decimal('leverage', {required: true, bound: 'positive'});
		const givenMargin = reader.decimal('initialMargin', {bound: 'positive'});
		const givenQuantity = reader.decimal('quantity', {bound: 'positive'});
		const mark = reader.decimal('markPrice', {bound: 'positive'});
		const funding = reader.decimal('accumulatedFunding') ?? ZERO;
		const taker = reader.rate('takerFeeRate') ?? new D(meta.takerFeeRate);
		const givenLoss = reader.decimal('liquidationLossRate', {bound: 'positive', below: new D('1.0000001')});
		if (leverage && leverage.gt(meta.maxLeverage)) {
			reader.issue('leverage', 'above-venue-max', `${leverage.toFixed()}x is above Aster Simple's maximum 1001x`, {
				kind: 'venue-max',
				venueLabel: meta.label,
				leverage: leverage.toFixed(),
				maxLeverage: meta.maxLeverage,
			});
		}
		if (!givenMargin && !givenQuantity) reader.issue('initialMargin', 'missing', 'initialMargin or quantity is required');
		if (!reader.ok || sign === undefined || !entryPrice || !leverage) return undefined;
		const lossRate = givenLoss ?? defaultLossRate(leverage);
		if (!lossRate) {
			return reader.issue('liquidationLossRate', 'missing', 'no documented loss rate below 20x: give liquidationLossRate');
		}
		if (!givenLoss) assumptions.push(`Loss rate ${lossRate.times(100).toFixed()} % (Aster docs band for ${leverage.toFixed()}x); newer per-pair bands may differ.`);
		const initialMargin = givenMargin ?? givenQuantity!.times(entryPrice).div(leverage);
		const quantity = givenQuantity ?? initialMargin.times(leverage).div(entryPrice);
		const s = decSign(sign);
		const solve = (delta: Dec) => {
			const distance = entryPrice.times(initialMargin.times(lossRate).plus(funding).plus(delta)).div(initialMargin.times(leverage));
			const price = entryPrice.minus(s.times(distance));
			return price.lte(0) ? ({kind: 'none', reason: 'below-zero'} as const) : ({kind: 'price', price, tier: {index: 0, floor: ZERO, cap: undefined, rate: ZERO, deduction: ZERO, maxLeverage: undefined}} as const);
		};
		const referencePrice = mark ?? entryPrice;
		return {
			sign,
			marginMode: 'isolated',
			quantity,
			entryPrice,
			referencePrice,
			leverage,
			maxLeverage: new D(meta.maxLeverage),
			initialMargin,
			backingMargin: initialMargin.plus(funding),
			maintenance: undefined,
			liquidation: solve(ZERO),
			liquidationWithMarginDelta: solve,
			bufferAt: price => initialMargin.times(lossRate).plus(funding).plus(s.times(quantity).times(price.minus(entryPrice))),
			maxLeverageFor: givenMargin
				? undefined
				: target => {
						// distance = E·LossRate/Lev + F/Q at fixed size; need distance ≥ s·(E − target).
						const needed = s.times(entryPrice.minus(target)).minus(funding.div(quantity));
						if (needed.lte(0)) return new D(meta.maxLeverage);
						if (givenLoss) return minOf(entryPrice.times(givenLoss).div(needed), new D(meta.maxLeverage));
						const low = entryPrice.times(LOSS_LOW).div(needed);
						if (low.lte(BAND_EDGE)) return low;
						const high = entryPrice.times(LOSS_HIGH).div(needed);
						return high.gt(BAND_EDGE) ? minOf(high, new D(meta.maxLeverage)) : BAND_EDGE;
					},
			estimatedFeeToClose: quantity.times(referencePrice).times(taker),
			assumptions,
			parameterSource: givenLoss
				? {kind: 'input'}
				: {kind: 'bundled', label: 'Aster Simple loss-rate bands (docs)', url: ASTER_SIMPLE_BANDS.source, asOf: ASTER_SIMPLE_BANDS.asOf},
		};
	},
};

const minOf = (a: Dec, b: Dec): Dec => (a.lt(b) ? a : b);
