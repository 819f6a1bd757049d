/**
 * GMX v2 (synthetics). Liquidated when the remaining collateral after unrealised loss, pending borrow and funding
 * fees, the closing fee and capped negative price impact falls below max(size × minCollateralFactor,
 * minCollateralUsd) (https://docs.gmx.io/docs/trading/liquidations). Official frontend, stable-collateral branch
 * (gmx-interface src/domain/synthetics/positions/utils.ts, getLiquidationPrice):
 *   remaining = collateral + priceImpact − borrowing − funding − closingFee
 *   LP(long)  = (liqCollateral − remaining + sizeInUsd) / sizeInTokens
 *   LP(short) = (sizeInUsd + remaining − liqCollateral) / sizeInTokens
 * Index-token collateral uses another branch and is not modelled. Price impact is an input, never predicted.
 */
import {D, type Dec, ZERO} from '../decimal.js';
import {decSign} from '../liquidation.js';
import {venueName} from './catalogue.js';
import {type VenueMeta, type VenueModel, resolveSide} from './model.js';

const meta: VenueMeta = {
	id: 'gmx-v2',
	label: /* @__PURE__ */ venueName('gmx-v2'),
	hasCross: false,
	liquidationTrigger: 'index',
	fundingPrice: 'mark',
	// Position fee 0.04 % when the trade reduces the long/short imbalance, 0.06 % when it increases it; we assume the
	// higher one (https://docs.gmx.io/docs/trading/fees).
	takerFeeRate: '0.0006',
	makerFeeRate: '0.0006',
	fundingIntervalHours: '1',
	maxLeverage: '100',
};

/** The top of GMX's documented 0.25 %–1 % range: our estimate then errs toward an earlier liquidation. */
const DEFAULT_MIN_COLLATERAL_FACTOR = '0.01';
const DEFAULT_FACTOR_NOTE = 'Minimum collateral factor 1 % (top of GMX’s 0.25–1 % range, errs early); the market’s own factor may be lower.';

export const gmxV2: VenueModel = {
	meta,
	position(reader, input) {
		const assumptions: string[] = [];
		const sign = resolveSide(reader);
		if (reader.has('marginMode') && input.marginMode !== 'isolated') {
			reader.issue('marginMode', 'unsupported', 'GMX v2 has no cross margin: positions are isolated');
		}
		const quantityIn = reader.decimal('quantity', {bound: 'positive'});
		const entryIn = reader.decimal('entryPrice', {bound: 'positive'});
		const leverage = reader.decimal('leverage', {bound: 'positive'});
		const mark = reader.decimal('markPrice', {bound: 'positive'});
		const sizeInTokens = reader.decimal('sizeInTokens', {bound: 'positive'}) ?? quantityIn;
		const sizeInUsd = reader.decimal('sizeInUsd', {bound: 'positive'}) ?? (quantityIn && entryIn ? quantityIn.times(entryIn) : undefined);
		const positionFeeRate = reader.rate('takerFeeRate') ?? new D(meta.takerFeeRate);
		const factor = reader.rate('minCollateralFactor');
		const minUsd = reader.decimal('minCollateralUsd', {bound: 'non-negative'}) ?? ZERO;
		const impact = reader.decimal('priceImpactDeltaUsd') ?? ZERO;
		const borrowing = reader.decimal('pendingBorrowingFeesUsd', {bound: 'non-negative'}) ?? ZERO;
		const funding = reader.decimal('pendingFundingFeesUsd', {bound: 'non-negative'}) ?? ZERO;
		const closingIn = reader.decimal('closingFeeUsd', {bound: 'non-negative'});
		const collateralIn = reader.decimal('collateralUsd', {bound: 'positive'});
		if (!sizeInTokens) reader.issue('quantity', 'missing', 'quantity (or sizeInTokens) is required');
		if (!sizeInUsd && sizeInTokens) reader.issue('entryPrice', 'missing', 'entryPrice (or sizeInUsd) is required');
		if (!collateralIn && !leverage) reader.issue('leverage', 'missing', 'leverage (or collateralUsd) is required');
		if (leverage && leverage.gt(meta.maxLeverage)) {
			reader.issue('leverage', 'above-venue-max', `${leverage.toFixed()}x is above GMX's maximum 100x`, {
				kind: 'venue-max',
				venueLabel: meta.label,
				leverage: leverage.toFixed(),
				maxLeverage: meta.maxLeverage,
			});
		}
		if (!reader.ok || sign === undefined || !sizeInTokens || !sizeInUsd) return undefined;
		const s = decSign(sign);
		const collateral = collateralIn ?? sizeInUsd.div(leverage!);
		const closingFee = closingIn ?? sizeInUsd.times(positionFeeRate);
		const minFactor = factor ?? new D(DEFAULT_MIN_COLLATERAL_FACTOR);
		if (!factor) assumptions.push(DEFAULT_FACTOR_NOTE);
		if (!reader.has('priceImpactDeltaUsd')) assumptions.push('Price impact on close assumed 0: GMX may charge more on a large close.');
		const liquidationCollateral = sizeInUsd.times(minFactor).gt(minUsd) ? sizeInUsd.times(minFactor) : minUsd;
		const rest = impact.minus(borrowing).minus(funding).minus(closingFee);
		const remaining = collateral.plus(rest);
		const entryPrice = entryIn ?? sizeInUsd.div(sizeInTokens);
		const solve = (delta: Dec) => {
			const r = remaining.plus(delta);
			const price = sign === 1
				? liquidationCollateral.minus(r).plus(sizeInUsd).div(sizeInTokens)
				: sizeInUsd.plus(r).minus(liquidationCollateral).div(sizeInTokens);
			return price.lte(0)
				? ({kind: 'none', reason: 'below-zero'} as const)
				: ({kind: 'price', price, tier: {index: 0, floor: ZERO, cap: undefined, rate: minFactor, deduction: ZERO, maxLeverage: undefined}} as const);
		};
		return {
			sign,
			marginMode: 'isolated',
			quantity: sizeInTokens,
			entryPrice,
			referencePrice: mark ?? entryPrice,
			leverage: leverage ?? sizeInUsd.div(collateral),
			maxLeverage: new D(meta.maxLeverage),
			initialMargin: collateral,
			backingMargin: remaining,
			maintenance: {margin: liquidationCollateral, rate: minFactor, deduction: ZERO},
			liquidation: solve(ZERO),
			liquidationWithMarginDelta: solve,
			// sizeInUsd is fixed at entry, so PnL = s × (tokens × price − sizeInUsd).
			bufferAt: price => remaining.plus(s.times(sizeInTokens.times(price).minus(sizeInUsd))).minus(liquidationCollateral),
			maxLeverageFor: collateralIn
				? undefined
				: target => {
						const neededRemaining = liquidationCollateral.plus(s.times(sizeInUsd.minus(target.times(sizeInTokens))));
						const neededCollateral = neededRemaining.minus(rest);
						return neededCollateral.lte(0) ? 'any' : sizeInUsd.div(neededCollateral);
					},
			estimatedFeeToClose: closingFee,
			assumptions,
			parameterSource: factor
				? {kind: 'input'}
				: {kind: 'venue-default', label: 'GMX v2 minimum collateral factor 1 % (top of the documented 0.25–1 %)', note: DEFAULT_FACTOR_NOTE},
		};
	},
};
