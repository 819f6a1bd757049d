/**
 * Schema migrations for stored and imported settings. `MIGRATIONS[n]` turns a version-n object into version n+1;
 * they run in order, then `validateSettings` checks the result. A migration never throws: what it cannot
 * carry over it leaves out, and validation then reports the key and uses its default.
 */
import {D, toPlain} from '../core/decimal.js';

/**
 * Version 0: the pre-release 0.0.x builds. Flat JSON numbers, no `schemaVersion` key, volatility in percent
 * per year, a boolean instead of the gate mode, and user sites as bare origins.
 */
export type SettingsV0 = {
	maxLeverage?: number;
	dangerLeverage?: number;
	riskPercent?: number;
	minLiqDistancePercent?: number;
	holdHours?: number;
	confirmBeforeSubmit?: boolean;
	isolatedReminder?: boolean;
	disabledVenues?: string[];
	sites?: string[];
	volatilityPercent?: Record<string, number>;
};

const V0_KEYS: readonly (keyof SettingsV0)[] = [
	'maxLeverage',
	'dangerLeverage',
	'riskPercent',
	'minLiqDistancePercent',
	'holdHours',
	'confirmBeforeSubmit',
	'isolatedReminder',
	'disabledVenues',
	'sites',
	'volatilityPercent',
];

/** True when an object without `schemaVersion` has at least one key of the v0 shape (else it is not settings). */
export function looksLikeV0(saved: Record<string, unknown>): boolean {
	return V0_KEYS.some(key => key in saved);
}

type Migration = (saved: Record<string, unknown>) => Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON number → plain decimal text; anything else is passed through so validation can name it. */
function numberToDecimal(value: unknown): unknown {
	return typeof value === 'number' && Number.isFinite(value) ? toPlain(new D(value)) : value;
}

function migrateV0ToV1(saved: Record<string, unknown>): Record<string, unknown> {
	const old = saved as Record<keyof SettingsV0, unknown>;
	const thresholds: Record<string, unknown> = {};
	const carry = (from: unknown, to: string) => {
		if (from !== undefined) thresholds[to] = numberToDecimal(from);
	};
	carry(old.maxLeverage, 'leverageWarn');
	carry(old.dangerLeverage, 'leverageDanger');
	// v0 had one risk number: it both sized positions and triggered the warning.
	carry(old.riskPercent, 'riskPerTradeWarnPercent');
	carry(old.riskPercent, 'defaultRiskPercent');
	carry(old.minLiqDistancePercent, 'liquidationDistanceWarnPercent');
	carry(old.holdHours, 'defaultHoldHours');

	// Keys v0 did not have are carried over, so validation names them instead of the migration dropping them.
	const unknown = Object.entries(saved).filter(([key]) => !(V0_KEYS as readonly string[]).includes(key));
	const next: Record<string, unknown> = {...Object.fromEntries(unknown), schemaVersion: 1, thresholds};
	/*
	 * A value of the wrong shape goes to its new key as it was, so validation names it ("volatility: 'high' is not
	 * an object") and uses the default. Leaving it out made the default apply without a word to the user.
	 */
	if (typeof old.confirmBeforeSubmit === 'boolean') next.gateMode = old.confirmBeforeSubmit ? 'confirm' : 'warn';
	else if (old.confirmBeforeSubmit !== undefined) next.gateMode = old.confirmBeforeSubmit;
	if (old.isolatedReminder !== undefined) next.reminders = {enabled: old.isolatedReminder, perVenue: {}};
	if (Array.isArray(old.disabledVenues)) {
		// A non-text entry goes under a key no adapter id can have, so validation names it ("not a site id").
		next.adapters = Object.fromEntries(
			old.disabledVenues.map((id: unknown, index) => (typeof id === 'string' ? [id, false] : [`disabledVenues[${index}]`, id])),
		);
	} else if (old.disabledVenues !== undefined) {
		next.adapters = old.disabledVenues;
	}
	if (Array.isArray(old.sites)) {
		// v0 had no venue choice for user sites: it always used the custom model.
		next.customSites = old.sites.map(origin => ({origin, venue: 'custom'}));
	} else if (old.sites !== undefined) {
		next.customSites = old.sites;
	}
	if (isRecord(old.volatilityPercent)) {
		next.volatility = Object.fromEntries(
			Object.entries(old.volatilityPercent).map(([asset, percent]) => [
				asset,
				typeof percent === 'number' && Number.isFinite(percent) ? toPlain(new D(percent).div(100)) : percent,
			]),
		);
	} else if (old.volatilityPercent !== undefined) {
		next.volatility = old.volatilityPercent;
	}
	return next;
}

/**
 * Version 2 adds `thresholds.portfolioHeatWarnPercent`. It is written with the default it came with (6), the value a
 * save in this version would write, so a user who saved settings keeps it if a later release changes the default,
 * as with every other stored threshold. A `thresholds` of the wrong shape is left for validation to name.
 */
function migrateV1ToV2(saved: Record<string, unknown>): Record<string, unknown> {
	const next: Record<string, unknown> = {...saved, schemaVersion: 2};
	if (saved.thresholds === undefined) next.thresholds = {portfolioHeatWarnPercent: PORTFOLIO_HEAT_DEFAULT_V2};
	else if (isRecord(saved.thresholds) && saved.thresholds.portfolioHeatWarnPercent === undefined) {
		next.thresholds = {...saved.thresholds, portfolioHeatWarnPercent: PORTFOLIO_HEAT_DEFAULT_V2};
	}
	return next;
}

/** The default of `portfolioHeatWarnPercent` when version 2 introduced it; fixed here, whatever later defaults are. */
const PORTFOLIO_HEAT_DEFAULT_V2 = '6';

/**
 * Version 3 adds `marketDataUpdates` (fetch market parameters from the venues' public APIs). Written explicitly as
 * on, its default, so the stored object says what applies (a later default change would not flip it silently).
 */
function migrateV2ToV3(saved: Record<string, unknown>): Record<string, unknown> {
	return {...saved, schemaVersion: 3, marketDataUpdates: 'marketDataUpdates' in saved ? saved.marketDataUpdates : true};
}

export const MIGRATIONS: readonly Migration[] = [migrateV0ToV1, migrateV1ToV2, migrateV2ToV3];

/** The version a stored object claims; objects without `schemaVersion` are version 0. */
export function schemaVersionOf(saved: Record<string, unknown>): number | undefined {
	if (!('schemaVersion' in saved)) return 0;
	const version = saved.schemaVersion;
	return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}

export type MigrationResult =
	| {ok: true; value: Record<string, unknown>; fromVersion: number}
	| {ok: false; reason: string};

/** Brings `saved` up to `targetVersion`. Refuses versions it does not know (newer builds, garbage). */
export function migrate(saved: Record<string, unknown>, targetVersion: number): MigrationResult {
	const fromVersion = schemaVersionOf(saved);
	if (fromVersion === undefined) {
		return {ok: false, reason: `schemaVersion: ${JSON.stringify(saved.schemaVersion)} is not a version number`};
	}
	if (fromVersion > targetVersion) {
		return {
			ok: false,
			reason: `schemaVersion: ${fromVersion} was written by a newer LiqGuard (this one reads up to ${targetVersion})`,
		};
	}
	let value = saved;
	for (let version = fromVersion; version < targetVersion; version++) {
		const step = MIGRATIONS[version];
		if (!step) return {ok: false, reason: `schemaVersion: no migration from ${version} to ${version + 1}`};
		value = step(value);
	}
	return {ok: true, value, fromVersion};
}
