import {describe, expect, it} from 'vitest';
import {DEFAULT_THRESHOLDS} from '../../../src/core/thresholds.js';
import {migrate, type SettingsV0} from '../../../src/settings/migrations.js';
import {
	DEFAULT_SETTINGS,
	importSettings,
	loadSettings,
	migrateStoredSettings,
	SCHEMA_VERSION,
	SETTINGS_KEY,
} from '../../../src/settings/settings.js';
import {FakeStorageArea} from './fake-storage.js';

const v0: SettingsV0 = {
	maxLeverage: 15,
	dangerLeverage: 40,
	riskPercent: 1.5,
	minLiqDistancePercent: 8,
	holdHours: 72,
	confirmBeforeSubmit: false,
	isolatedReminder: false,
	disabledVenues: ['okx-swap', 'gmx-v2'],
	sites: ['https://perp.example'],
	volatilityPercent: {BTC: 55, SOL: 95.5},
};

describe('migration from v0 (pre-release flat numbers)', () => {
	it('carries every v0 setting into the v1 shape with units converted', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: v0});
		const {settings, errors} = await loadSettings(area);
		expect(errors).toEqual([]);
		expect(settings).toEqual({
			...DEFAULT_SETTINGS,
			thresholds: {
				...DEFAULT_THRESHOLDS,
				leverageWarn: '15',
				leverageDanger: '40',
				riskPerTradeWarnPercent: '1.5',
				defaultRiskPercent: '1.5',
				liquidationDistanceWarnPercent: '8',
				defaultHoldHours: '72',
			},
			gateMode: 'warn',
			reminders: {enabled: false, perVenue: {}},
			adapters: {'okx-swap': false, 'gmx-v2': false},
			customSites: [{origin: 'https://perp.example', venue: 'custom'}],
			// percent per year became a fraction: 55 % → 0.55
			volatility: {BTC: '0.55', SOL: '0.955'},
		});
	});

	it('maps confirmBeforeSubmit true to the confirm gate', () => {
		const result = migrate({confirmBeforeSubmit: true}, SCHEMA_VERSION);
		expect(result.ok && result.value.gateMode).toBe('confirm');
		expect(result.ok && result.fromVersion).toBe(0);
	});

	it('lets validation name what v0 stored badly instead of dropping it silently', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: {maxLeverage: 0, sites: ['not a url'], legacyTheme: 'dark'}});
		const {settings, errors} = await loadSettings(area);
		expect(settings.thresholds.leverageWarn).toBe('20');
		expect(settings.customSites).toEqual([]);
		expect(errors).toEqual([
			"thresholds.leverageWarn: '0' is below the minimum 1; using the default 20",
			"customSites[0].origin: 'not a url' is not a web address; site ignored",
			'legacyTheme: unknown setting; ignored',
		]);
	});

	it('writes the migrated object back once, from the background', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: v0});
		await migrateStoredSettings(area);
		expect(area.writes).toHaveLength(1);
		const stored = area.items.get(SETTINGS_KEY) as {schemaVersion: number; gateMode: string};
		expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
		expect(stored.gateMode).toBe('warn');
		await migrateStoredSettings(area);
		expect(area.writes).toHaveLength(1);
	});

	it('imports a v0 export too', () => {
		const result = importSettings(JSON.stringify(v0));
		expect(result.ok && result.settings.thresholds.leverageWarn).toBe('15');
	});
});

describe('migration from v1 (adds the portfolio heat threshold)', () => {
	const v1 = {
		schemaVersion: 1,
		thresholds: {...DEFAULT_THRESHOLDS, leverageWarn: '15'},
		gateMode: 'warn',
		reminders: {enabled: true, perVenue: {}},
		adapters: {},
		customSites: [],
		volatility: {},
		fees: {},
		custom: {},
	} as Record<string, unknown>;
	delete (v1.thresholds as Record<string, unknown>).portfolioHeatWarnPercent;

	it('writes the heat threshold with the 6 % it came with and keeps every v1 value', () => {
		const result = migrate(v1, SCHEMA_VERSION);
		expect(result.ok && result.fromVersion).toBe(1);
		expect(result.ok && result.value.schemaVersion).toBe(SCHEMA_VERSION);
		expect(result.ok && (result.value.thresholds as Record<string, string>).portfolioHeatWarnPercent).toBe('6');
		expect(result.ok && (result.value.thresholds as Record<string, string>).leverageWarn).toBe('15');
		expect(result.ok && result.value.gateMode).toBe('warn');
	});

	it('reads a stored v1 object without an error, and the background stores it as the current version once', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: v1});
		const {settings, errors} = await loadSettings(area);
		expect(errors).toEqual([]);
		expect(settings.thresholds.portfolioHeatWarnPercent).toBe('6');
		expect(settings.thresholds.leverageWarn).toBe('15');
		await migrateStoredSettings(area);
		await migrateStoredSettings(area);
		expect(area.writes).toHaveLength(1);
		const stored = area.items.get(SETTINGS_KEY) as {schemaVersion: number; thresholds: Record<string, string>};
		expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
		expect(stored.thresholds.portfolioHeatWarnPercent).toBe('6');
	});

	it('never overwrites a heat threshold already there (an object half-written by a newer build)', () => {
		const result = migrate({...v1, thresholds: {portfolioHeatWarnPercent: '4'}}, SCHEMA_VERSION);
		expect(result.ok && (result.value.thresholds as Record<string, string>).portfolioHeatWarnPercent).toBe('4');
	});

	it('a v1 object without thresholds gets only the heat threshold; every other threshold follows its default', async () => {
		const {thresholds: _, ...bare} = v1;
		const area = new FakeStorageArea({[SETTINGS_KEY]: bare});
		const {settings, errors} = await loadSettings(area);
		expect(errors).toEqual([]);
		expect(settings.thresholds).toEqual(DEFAULT_THRESHOLDS);
	});

	it('leaves thresholds of the wrong shape for validation to name', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: {...v1, thresholds: 'high'}});
		const {settings, errors} = await loadSettings(area);
		expect(errors).toEqual(["thresholds: 'high' is not an object; using the defaults"]);
		expect(settings.thresholds.portfolioHeatWarnPercent).toBe('6');
	});

	it('a v1 export imports with the heat threshold added', () => {
		const result = importSettings(JSON.stringify(v1));
		expect(result.ok && result.settings.thresholds.portfolioHeatWarnPercent).toBe('6');
		expect(result.ok && result.settings.schemaVersion).toBe(SCHEMA_VERSION);
	});

	it('a v0 object goes through every step', () => {
		const result = migrate({maxLeverage: 15}, SCHEMA_VERSION);
		expect(result.ok && result.value.schemaVersion).toBe(SCHEMA_VERSION);
		expect(result.ok && result.value.thresholds).toEqual({leverageWarn: '15', portfolioHeatWarnPercent: '6'});
	});
});

describe('portfolioHeatWarnPercent validation', () => {
	it.each([
		['-1', "thresholds.portfolioHeatWarnPercent: '-1' is below the minimum 0; using the default 6"],
		['101', "thresholds.portfolioHeatWarnPercent: '101' is above the maximum 100; using the default 6"],
		['6,5', "thresholds.portfolioHeatWarnPercent: '6,5' is not a plain decimal number (digits and an optional '.'); using the default 6"],
	])('a stored %s falls back to 6 with the reason', async (value, error) => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: {schemaVersion: 2, thresholds: {portfolioHeatWarnPercent: value}}});
		const {settings, errors} = await loadSettings(area);
		expect(settings.thresholds.portfolioHeatWarnPercent).toBe('6');
		expect(errors).toEqual([error]);
	});
});

describe('version 2 → 3: the market-data switch', () => {
	it('adds marketDataUpdates, on, to a version-2 object and keeps the rest', () => {
		const result = migrate({schemaVersion: 2, gateMode: 'warn'}, 3);
		expect(result).toEqual({ok: true, fromVersion: 2, value: {schemaVersion: 3, gateMode: 'warn', marketDataUpdates: true}});
	});

	it('keeps a value a version-2 object already had, for validation to judge', async () => {
		const off = migrate({schemaVersion: 2, marketDataUpdates: false}, 3);
		expect(off.ok && off.value.marketDataUpdates).toBe(false);
		const area = new FakeStorageArea({[SETTINGS_KEY]: {schemaVersion: 2, marketDataUpdates: 'yes'}});
		const {settings, errors} = await loadSettings(area);
		expect(settings.marketDataUpdates).toBe(true);
		expect(errors).toEqual(["marketDataUpdates: 'yes' is not true or false; using the default true"]);
	});

	it('writes a stored version-2 object back as version 3 with the switch on', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: {schemaVersion: 2, gateMode: 'off'}});
		await migrateStoredSettings(area);
		expect(area.items.get(SETTINGS_KEY)).toMatchObject({schemaVersion: 3, gateMode: 'off', marketDataUpdates: true});
	});

	it('a v0 object goes through every step; the default is on', () => {
		const result = importSettings(JSON.stringify(v0));
		expect(result.ok && result.settings.marketDataUpdates).toBe(true);
		expect(DEFAULT_SETTINGS.marketDataUpdates).toBe(true);
	});
});
