/**
 * Public API of the pure risk engine. Everything here runs in Node, a worker or a page: no DOM, no browser API,
 * no clock.
 */
export * from './types.js';
export * from './draft.js';
export * from './thresholds.js';
export * from './engine-settings.js';
export {parseDecimal, isDecimalString, toPlain, type DecimalString} from './decimal.js';
export {assess} from './assess.js';
export {assessDraft, type DraftAssessment, type SideAssessment} from './assess-draft.js';
