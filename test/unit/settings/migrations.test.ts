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
