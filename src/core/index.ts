/**
 * Public API of the pure risk engine. Everything here runs in Node, a worker or a page: no DOM, no browser API,
 * no clock.
 */
export * from './types.js';
export * from './draft.js';
export * from './thresholds.js';
export * from './engine-settings.js';
export {parseDecimal, isDecimalString, toPlain, type DecimalString} from './decimal.js';
export {assess, type AssessOptions} from './assess.js';
export {assessDraft, isAllClear, notComputedSeverity, quantityFromSize, type DraftAssessment, type SideAssessment} from './assess-draft.js';
export {formatMessage} from './messages.js';
export {formatMoney, formatPercent, formatPrice, formatLeverage} from './format.js';
export {computeOutput, OUTPUT_KEYS, type OutputKey} from './outputs.js';
export {VENUE_MODELS} from './venues/index.js';
export type {VenueMeta} from './venues/index.js';
export {BUNDLED_TIERS} from './data/tiers.js';
export {DEFAULT_VOLATILITY, FALLBACK_VOLATILITY} from './volatility.js';
export {baseAsset} from './symbols.js';
export type {MarketParams, ParamSource} from './market-params.js';
export type {TypedRate} from './market-input.js';
export {BUNDLED_CONTRACT_VALUES, TIER_ONE_RANGES} from './data/tiers.js';
