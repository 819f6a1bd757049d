/**
 * User settings: typed defaults, validation with per-key fallback, storage in `storage.sync`.
 * STUB with the final exported names; issue 5 fleshes out schema versions, migrations, import/export.
 */
import type {DecimalString} from '../core/decimal.js';
import {DEFAULT_ENGINE_SETTINGS, type EngineSettings, type FeeOverride} from '../core/engine-settings.js';
import {DEFAULT_THRESHOLDS, type RiskThresholds} from '../core/thresholds.js';
import type {VenueId} from '../core/types.js';

export type GateMode = 'off' | 'warn' | 'confirm';

export type Settings = {
	schemaVersion: number;
	thresholds: RiskThresholds;
	/** off: no gate; warn: panel only; confirm: hold a submit while a danger warning stands. */
	gateMode: GateMode;
	/** Isolated-margin reminders: global switch and per-adapter override (true/false; absent = follow global). */
	reminders: {enabled: boolean; perVenue: Readonly<Record<string, boolean>>};
	/** Per-adapter enable (absent = enabled). */
	adapters: Readonly<Record<string, boolean>>;
	/** Sites the user added: origin (https://example.com) and the venue model to use there. */
	customSites: readonly {origin: string; venue: VenueId}[];
	volatility: Readonly<Record<string, DecimalString>>;
	fees: Partial<Record<VenueId, FeeOverride>>;
	custom: EngineSettings['custom'];
};

export const SCHEMA_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = {
	schemaVersion: SCHEMA_VERSION,
	thresholds: DEFAULT_THRESHOLDS,
	gateMode: 'confirm',
	reminders: {enabled: true, perVenue: {}},
	adapters: {},
	customSites: [],
	volatility: {},
	fees: {},
	custom: {},
};

export type Validated = {settings: Settings; errors: readonly string[]};

/** STUB: returns defaults for anything it cannot vouch for. */
export function validateSettings(raw: unknown): Validated {
	if (raw === undefined || raw === null) return {settings: DEFAULT_SETTINGS, errors: []};
	return {settings: DEFAULT_SETTINGS, errors: ['settings validation not implemented yet: defaults used']};
}

export function toEngineSettings(settings: Settings): EngineSettings {
	return {
		...DEFAULT_ENGINE_SETTINGS,
		thresholds: settings.thresholds,
		fees: settings.fees,
		volatility: settings.volatility,
		custom: settings.custom,
	};
}
