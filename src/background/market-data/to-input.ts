/**
 * The one place market parameters become engine input, for the panel (background) and the popup alike.
 *
 * Until the core takes `MarketParams` itself, they go in through the existing `PositionInput` fields. OKX tiers are
 * by position size in contracts and their rate applies to the whole position with no deduction: the tier holding
 * the order's contracts is picked here and passed as a single rate (deduction 0), which is OKX's rule exactly.
 */
import {quantityFromSize} from '../../core/assess-draft.js';
import {D, parseDecimal, toPlain} from '../../core/decimal.js';
import type {OrderDraft} from '../../core/draft.js';
import type {MarketParams} from '../../core/market-params.js';
import type {AssessInput} from '../../core/types.js';

export type MarketInput = Partial<Pick<AssessInput,
	| 'tiers'
	| 'maintenanceMarginRate'
	| 'maintenanceDeduction'
	| 'maxLeverage'
	| 'contractValue'
	| 'fundingIntervalHours'
	| 'minCollateralFactor'
	| 'minCollateralUsd'>>;

/** `quantity`: the order's size in base units, when known (needed for contract-based tiers). */
export function marketInput(params: MarketParams | undefined, quantity?: string): MarketInput {
	if (!params) return {};
	const input: MarketInput = {};
	if (params.fundingIntervalHours) input.fundingIntervalHours = params.fundingIntervalHours;
	if (params.contractValue) input.contractValue = params.contractValue;
	if (params.minCollateralFactor) input.minCollateralFactor = params.minCollateralFactor;
	if (params.minCollateralUsd) input.minCollateralUsd = params.minCollateralUsd;
	if (params.maintenanceMarginFraction) {
		input.maintenanceMarginRate = params.maintenanceMarginFraction;
		if (params.maxLeverage) input.maxLeverage = params.maxLeverage;
	}
	if (params.tiers && params.tiers.length > 0) {
		if (params.tierBasis === 'contracts') Object.assign(input, contractTier(params, quantity));
		else input.tiers = params.tiers;
	}
	return input;
}

function contractTier(params: MarketParams, quantity: string | undefined): MarketInput {
	const size = parseDecimal(quantity);
	const contractValue = parseDecimal(params.contractValue);
	if (!size || !contractValue || contractValue.lte(0)) return {};
	const contracts = size.div(contractValue);
	// OKX lists tier n+1 from maxSz(n) + 1 while sizes step by lots of 0.01: a size between two tiers belongs to the
	// higher one (it is above the lower tier's maxSz). Tiers are ascending (the parser checks).
	const tier = params.tiers?.find(candidate => candidate.notionalCap === undefined || contracts.lte(candidate.notionalCap));
	if (!tier?.maintenanceMarginRate) return {};
	return {
		maintenanceMarginRate: tier.maintenanceMarginRate,
		maintenanceDeduction: '0',
		...(tier.maxLeverage ? {maxLeverage: tier.maxLeverage} : {}),
	};
}

function okValue<T>(read: {state: string; value?: T} | undefined): T | undefined {
	return read?.state === 'ok' ? read.value : undefined;
}

/** The draft's size in base units, as `assessDraft` reads it (undefined while something it needs is unread). */
export function draftQuantity(draft: OrderDraft, contractValue?: string): string | undefined {
	const size = okValue(draft.size);
	if (!size) return undefined;
	if (size.unit === 'base') return size.value;
	if (size.unit === 'contracts') {
		const perContract = parseDecimal(contractValue ?? draft.contractValue);
		const count = parseDecimal(size.value);
		return perContract && count ? toPlain(new D(count).times(perContract)) : undefined;
	}
	const orderType = okValue(draft.orderType);
	const price = orderType === 'market' ? okValue(draft.markPrice) : orderType === 'limit' ? okValue(draft.price) : (okValue(draft.price) ?? okValue(draft.markPrice));
	if (!price) return undefined;
	return quantityFromSize({value: size.value, unit: size.unit, price, leverage: okValue(draft.leverage)});
}
