import {describe, expect, it} from 'vitest';
import {DEFAULT_THRESHOLDS, THRESHOLD_SPECS, type ThresholdKey} from '../../../src/core/thresholds.js';
import {
	DEFAULT_SETTINGS,
	exportSettings,
	importSettings,
	loadSettings,
	migrateStoredSettings,
	onSettingsChanged,
	resetSettings,
	SCHEMA_VERSION,
	SETTINGS_KEY,
	saveSettings,
	type Settings,
	toEngineSettings,
	validateSettings,
	type Validated,
} from '../../../src/settings/settings.js';
import {FakeStorageArea} from './fake-storage.js';

const customised: Settings = {
	...DEFAULT_SETTINGS,
	thresholds: {...DEFAULT_THRESHOLDS, leverageWarn: '10', leverageDanger: '25', defaultRiskPercent: '0.5'},
	gateMode: 'warn',
	reminders: {enabled: false, perVenue: {'bybit-linear': true}},
	adapters: {'okx-swap': false},
	customSites: [{origin: 'https://perp.example', venue: 'custom'}],
	volatility: {BTC: '0.55'},
	fees: {'binance-usdm': {takerFeeRate: '0.0004', makerFeeRate: '0.0002'}},
	custom: {maintenanceMarginRate: '0.005'},
};

describe('validateSettings', () => {
	it('gives the defaults without errors when nothing is stored', () => {
		expect(validateSettings(undefined)).toEqual({settings: DEFAULT_SETTINGS, errors: []});
	});

	it('keeps a fully valid object as it is', () => {
		expect(validateSettings(customised)).toEqual({settings: customised, errors: []});
	});

	it('replaces one bad threshold with its default, keeps the others and says why', () => {
		const {settings, errors} = validateSettings({
			...customised,
			thresholds: {...customised.thresholds, leverageWarn: '-5'},
		});
		expect(settings.thresholds.leverageWarn).toBe('20');
		expect(settings.thresholds.leverageDanger).toBe('25');
		expect(settings.thresholds.defaultRiskPercent).toBe('0.5');
		expect(settings.gateMode).toBe('warn');
		expect(errors).toEqual(["thresholds.leverageWarn: '-5' is below the minimum 1; using the default 20"]);
	});

	it.each<[ThresholdKey, unknown, string]>([
		['leverageDanger', '2001', 'above the maximum 2000'],
		['riskPerTradeWarnPercent', 2, 'not a plain decimal'],
		['fundingDailyWarnPercent', '1e2', 'not a plain decimal'],
		['feeDragWarnPercent', '1,5', 'not a plain decimal'],
		['defaultHoldHours', 'NaN', 'not a plain decimal'],
		['stopBufferPercent', null, 'not a plain decimal'],
	])('rejects thresholds.%s = %j (%s)', (key, value, fragment) => {
		const {settings, errors} = validateSettings({thresholds: {[key]: value}});
		expect(settings.thresholds[key]).toBe(THRESHOLD_SPECS[key].default);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain(`thresholds.${key}:`);
		expect(errors[0]).toContain(fragment);
		expect(errors[0]).toContain(`using the default ${THRESHOLD_SPECS[key].default}`);
	});

	it('accepts every threshold at its documented min and max', () => {
		for (const bound of ['min', 'max'] as const) {
			const thresholds = Object.fromEntries(
				Object.entries(THRESHOLD_SPECS).map(([key, spec]) => [key, spec[bound]]),
			);
			expect(validateSettings({thresholds}).errors).toEqual([]);
		}
	});

	it('reports a warn level above its danger level and uses the defaults for both', () => {
		const {settings, errors} = validateSettings({thresholds: {leverageWarn: '60', leverageDanger: '50'}});
		expect(settings.thresholds.leverageWarn).toBe('20');
		expect(settings.thresholds.leverageDanger).toBe('50');
		expect(errors).toEqual([
			'thresholds.leverageWarn (60) must not be above thresholds.leverageDanger (50); using the defaults 20 and 50',
		]);
	});

	it('checks liquidation distance the other way round: danger must be the closer distance', () => {
		const {errors} = validateSettings({
			thresholds: {liquidationDistanceWarnPercent: '1', liquidationDistanceDangerPercent: '3'},
		});
		expect(errors[0]).toContain('thresholds.liquidationDistanceDangerPercent (3) must not be above');
	});

	it('falls back per key for every other section and keeps the valid entries', () => {
		const {settings, errors} = validateSettings({
			...customised,
			gateMode: 'block',
			reminders: {enabled: 'yes', perVenue: {'bybit-linear': false, 'okx-swap': 1}},
			adapters: {'binance-usdm': false, 'Bad Id': true},
			customSites: [
				{origin: 'https://ok.example', venue: 'okx-swap'},
				{origin: 'https://ok.example/path', venue: 'custom'},
				{origin: 'ftp://x.example', venue: 'custom'},
				{origin: 'https://two.example', venue: 'mystery'},
				{origin: 'https://ok.example', venue: 'custom'},
			],
			volatility: {BTC: '0.8', ETH: '-1', btc: '0.5'},
			fees: {'bybit-linear': {takerFeeRate: '0.5', makerFeeRate: '-0.0001'}, nowhere: {}},
			custom: {maintenanceMarginRate: '0'},
			colour: 'blue',
		});
		expect(settings.gateMode).toBe('confirm');
		expect(settings.reminders).toEqual({enabled: true, perVenue: {'bybit-linear': false}});
		expect(settings.adapters).toEqual({'binance-usdm': false});
		expect(settings.customSites).toEqual([{origin: 'https://ok.example', venue: 'okx-swap'}]);
		expect(settings.volatility).toEqual({BTC: '0.8'});
		expect(settings.fees).toEqual({'bybit-linear': {makerFeeRate: '-0.0001'}});
		expect(settings.custom).toEqual({});
		expect(settings.thresholds).toEqual(customised.thresholds);
		expect(errors).toEqual([
			"gateMode: 'block' is not one of off, warn, confirm; using the default confirm",
			"reminders.enabled: 'yes' is not true or false; using the default true",
			'reminders.perVenue.okx-swap: 1 is not true or false; ignored',
			'adapters.Bad Id: not a site id; ignored',
			"customSites[1].origin: 'https://ok.example/path' is not a bare origin (use https://ok.example); site ignored",
			"customSites[2].origin: 'ftp://x.example' is not an http(s) address; site ignored",
			"customSites[3].venue: 'mystery' is not a venue model; site ignored",
			"customSites[4]: 'https://ok.example' is listed twice; ignored",
			"volatility.ETH: '-1' is not above 0; using the bundled default",
			'volatility.btc: not an asset symbol (like BTC); ignored',
			"fees.bybit-linear.takerFeeRate: '0.5' is above the maximum 0.1; using the venue's default",
			'fees.nowhere: not a venue model; ignored',
			"custom.maintenanceMarginRate: '0' is not above the minimum 0; using the venue's default",
			'colour: unknown setting; ignored',
		]);
	});

	it('replaces a non-object with the defaults and says so', () => {
		expect(validateSettings('corrupted')).toEqual({
			settings: DEFAULT_SETTINGS,
			errors: ["settings: 'corrupted' is not an object; using the defaults"],
		});
	});
});

describe('loadSettings and saveSettings', () => {
	it('round-trips a valid object through storage', async () => {
		const area = new FakeStorageArea();
		expect(await saveSettings(area, customised)).toEqual({ok: true, settings: customised});
		expect(await loadSettings(area)).toEqual({settings: customised, errors: []});
	});

	it('reads a corrupted stored value key by key', async () => {
		const area = new FakeStorageArea({
			[SETTINGS_KEY]: {...customised, thresholds: {...customised.thresholds, leverageDanger: 'lots'}},
		});
		const {settings, errors} = await loadSettings(area);
		expect(settings.thresholds.leverageDanger).toBe('50');
		expect(settings.customSites).toEqual(customised.customSites);
		expect(errors).toHaveLength(1);
	});

	it('refuses to save anything that needs repair and writes nothing', async () => {
		const area = new FakeStorageArea();
		const result = await saveSettings(area, {...customised, thresholds: {...customised.thresholds, leverageWarn: '0'}});
		expect(result).toEqual({ok: false, reason: "thresholds.leverageWarn: '0' is below the minimum 1; using the default 20"});
		expect(area.writes).toEqual([]);
	});

	it('refuses settings larger than the sync per-item quota', async () => {
		const area = new FakeStorageArea();
		const customSites = Array.from({length: 300}, (_, index) => ({origin: `https://site-${index}.example`, venue: 'custom' as const}));
		const result = await saveSettings(area, {...customised, customSites});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/browser sync allows 8192/);
		expect(area.writes).toEqual([]);
	});

	it('reset removes the stored object so the defaults apply', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: customised});
		expect(await resetSettings(area)).toEqual({ok: true, settings: DEFAULT_SETTINGS});
		expect(area.items.has(SETTINGS_KEY)).toBe(false);
		expect(await loadSettings(area)).toEqual({settings: DEFAULT_SETTINGS, errors: []});
	});

	it('a write or removal the browser refuses is a result with the reason, not a rejection', async () => {
		const area = new FakeStorageArea({[SETTINGS_KEY]: customised});
		area.set = () => Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
		area.remove = () => Promise.reject(new Error('storage unavailable'));
		expect(await saveSettings(area, DEFAULT_SETTINGS)).toEqual({ok: false, reason: 'the browser refused the write (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded)'});
		expect(await resetSettings(area)).toEqual({ok: false, reason: 'the browser refused the write (storage unavailable)'});
		expect(area.items.get(SETTINGS_KEY)).toEqual(customised);
	});
});

describe('onSettingsChanged', () => {
	it('delivers validated settings on each change until the signal aborts', async () => {
		const area = new FakeStorageArea();
		const seen: Validated[] = [];
		const controller = new AbortController();
		onSettingsChanged(area, validated => seen.push(validated), controller.signal);

		await saveSettings(area, customised);
		await area.set({unrelated: 1});
		await resetSettings(area);
		controller.abort();
		await saveSettings(area, customised);

		expect(seen).toEqual([
			{settings: customised, errors: []},
			{settings: DEFAULT_SETTINGS, errors: []},
		]);
		expect(area.listenerCount).toBe(0);
	});
});

describe('export and import', () => {
	it('imports what it exported', () => {
		const json = exportSettings(customised);
		expect(JSON.parse(json).schemaVersion).toBe(SCHEMA_VERSION);
		expect(importSettings(json)).toEqual({ok: true, settings: customised});
	});

	it.each([
		['{not json', /^not valid JSON/],
		['[1,2]', /not a LiqGuard settings file/],
		['{}', /not a LiqGuard settings file/],
		['{"schemaVersion": 99}', /written by a newer LiqGuard \(this one reads up to 3\)/],
		['{"schemaVersion": "one"}', /schemaVersion: "one" is not a version number/],
		['{"schemaVersion": 1, "thresholds": {"leverageWarn": "abc"}}', /thresholds\.leverageWarn: 'abc' is not a plain decimal/],
		['{"schemaVersion": 1, "extra": true}', /extra: unknown setting/],
	])('refuses %s with the reason', (json, reason) => {
		const result = importSettings(json);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(reason);
	});
});

describe('toEngineSettings', () => {
	it('passes thresholds, fees, volatility and the custom model to the engine', () => {
		expect(toEngineSettings(customised)).toEqual({
			thresholds: customised.thresholds,
			fees: customised.fees,
			volatility: customised.volatility,
			custom: customised.custom,
		});
	});
});

describe('migrateStoredSettings', () => {
	it('leaves a current object alone and never rewrites a newer one', async () => {
		const current = new FakeStorageArea({[SETTINGS_KEY]: customised});
		await migrateStoredSettings(current);
		expect(current.writes).toEqual([]);

		const newer = new FakeStorageArea({[SETTINGS_KEY]: {schemaVersion: 7, gateMode: 'warn', laterFeature: {}}});
		const {settings, errors} = await migrateStoredSettings(newer);
		expect(newer.writes).toEqual([]);
		expect(settings.gateMode).toBe('warn');
		expect(errors[0]).toMatch(/written by a newer LiqGuard/);
	});
});
