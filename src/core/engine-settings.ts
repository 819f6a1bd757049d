/**
 * Settings the engine takes from the user (validated by src/settings before they get here).
 */
import type {DecimalString} from './decimal.js';
import {DEFAULT_THRESHOLDS, type RiskThresholds} from './thresholds.js';
import type {VenueId} from './types.js';

export type FeeOverride = {takerFeeRate?: DecimalString; makerFeeRate?: DecimalString};

export type EngineSettings = {
	thresholds: RiskThresholds;
	/** Fee tier overrides per venue (fractions). */
	fees: Partial<Record<VenueId, FeeOverride>>;
	/** Annualised volatility per base asset ("BTC" → "0.6"); missing assets use the bundled defaults. */
	volatility: Readonly<Record<string, DecimalString>>;
	/** The user-added 'custom' venue model: maintenance rate (fraction) and fees. */
	custom: {maintenanceMarginRate?: DecimalString; takerFeeRate?: DecimalString; makerFeeRate?: DecimalString};
};

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
	thresholds: DEFAULT_THRESHOLDS,
	fees: {},
	volatility: {},
	custom: {},
};
