/**
 * User settings: typed defaults, schema version, migrations, validation with per-key fallback, and storage in
 * `storage.sync` under one key (`settings`).
 *
 * Reading never fails: a bad or corrupted value falls back to its own default, the rest is kept, and every
 * fallback is reported in `errors` as a readable sentence the options page shows. Writing and importing are
 * strict: anything `validateSettings` would have to repair is refused with the reason, and nothing changes.
 *
 * Stored values are explicit: saving writes the whole object, so a default that changes in a later version
 * does not silently change a threshold the user saved (a risk threshold is the user's choice); `resetSettings` removes
 * the key, so a reset user follows the current defaults. Default changes are listed in CHANGELOG.md.
 */
import {D, type DecimalString, isDecimalString} from '../core/decimal.js';
import {DEFAULT_ENGINE_SETTINGS, type EngineSettings, type FeeOverride} from '../core/engine-settings.js';
import {DEFAULT_THRESHOLDS, type RiskThresholds, THRESHOLD_SPECS, type ThresholdKey} from '../core/thresholds.js';
import {VENUE_IDS, type VenueId} from '../core/types.js';
import {looksLikeV0, migrate} from './migrations.js';
import type {StorageAreaLike, StorageChangeListener} from './storage-area.js';

export type {StorageAreaLike} from './storage-area.js';

export type GateMode = 'off' | 'warn' | 'confirm';
export const GATE_MODES: readonly GateMode[] = ['off', 'warn', 'confirm'];

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
	/** Annualised volatility per base asset as a fraction ("BTC" → "0.6" = 60 %/yr). */
	volatility: Readonly<Record<string, DecimalString>>;
	fees: Partial<Record<VenueId, FeeOverride>>;
	custom: EngineSettings['custom'];
	/** "Update market data from the exchanges' public APIs": off = no request at all, the fallback applies. */
	marketDataUpdates: boolean;
};

export const SCHEMA_VERSION = 3;

/** The `storage.sync` key holding the whole settings object (one item stays far below the 8 KB per-item quota). */
export const SETTINGS_KEY = 'settings';

/** Chrome's `storage.sync` per-item quota (QUOTA_BYTES_PER_ITEM), key length included. */
const SYNC_ITEM_QUOTA_BYTES = 8192;

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
	marketDataUpdates: true,
};

export type Validated = {settings: Settings; errors: readonly string[]};

/** Threshold pairs where the first must not exceed the second (a warn level past its danger level never fires). */
export const THRESHOLD_ORDER: readonly (readonly [ThresholdKey, ThresholdKey])[] = [
	['leverageWarn', 'leverageDanger'],
	['liquidationDistanceDangerPercent', 'liquidationDistanceWarnPercent'],
	['riskPerTradeWarnPercent', 'riskPerTradeDangerPercent'],
	['feeDragWarnPercent', 'feeDragDangerPercent'],
	['liquidationOddsWarnPercent', 'liquidationOddsDangerPercent'],
];

/**
 * Bounds for rates the user may override (fractions). Maker rates may be negative (rebates). The options page
 * derives its percent fields' rules from these.
 */
export const RATE_BOUNDS = {
	maintenanceMarginRate: {min: '0', max: '1', exclusiveMin: true},
	takerFeeRate: {min: '0', max: '0.1', exclusiveMin: false},
	makerFeeRate: {min: '-0.01', max: '0.1', exclusiveMin: false},
} as const;
type RateKey = keyof typeof RATE_BOUNDS;

/** Annualised volatility accepted per asset: above 0, at most 2000 %/yr. */
export const VOLATILITY_MAX_RATE = '20';

const ADAPTER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An asset symbol as a `volatility` key: "BTC", "1000PEPE". */
export const ASSET = /^[A-Z0-9]{1,20}$/;

/** Longest part of a refused value quoted in a message: an imported file can hold a 5 MB string. */
const SHOWN_MAX = 80;

function show(value: unknown): string {
	if (value === undefined) return 'undefined';
	let text: string;
	try {
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = `[${typeof value}]`;
	}
	const bounded = text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}… (${text.length} characters)` : text;
	return typeof value === 'string' ? `'${bounded}'` : bounded;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVenueId(value: unknown): value is VenueId {
	return typeof value === 'string' && (VENUE_IDS as readonly string[]).includes(value);
}

/**
 * Why `text` is not acceptable for threshold `key`, or undefined when it is. The options page uses this to
 * validate as the user types, with the same rule as reading.
 */
export function thresholdProblem(key: ThresholdKey, text: unknown): string | undefined {
	const spec = THRESHOLD_SPECS[key];
	if (!isDecimalString(text)) return `${show(text)} is not a plain decimal number (digits and an optional '.')`;
	const value = new D(text.trim());
	if (value.lt(spec.min)) return `${show(text)} is below the minimum ${spec.min}`;
	if (value.gt(spec.max)) return `${show(text)} is above the maximum ${spec.max}`;
	return undefined;
}

/** Cross-field problems of a complete threshold set, as `[first, second, message]`. */
export function thresholdOrderProblems(thresholds: RiskThresholds): [ThresholdKey, ThresholdKey, string][] {
	const problems: [ThresholdKey, ThresholdKey, string][] = [];
	for (const [low, high] of THRESHOLD_ORDER) {
		if (new D(thresholds[low]).gt(thresholds[high])) {
			problems.push([
				low,
				high,
				`thresholds.${low} (${thresholds[low]}) must not be above thresholds.${high} (${thresholds[high]})`,
			]);
		}
	}
	return problems;
}

function validateThresholds(raw: unknown, errors: string[]): RiskThresholds {
	if (raw === undefined) return DEFAULT_THRESHOLDS;
	if (!isRecord(raw)) {
		errors.push(`thresholds: ${show(raw)} is not an object; using the defaults`);
		return DEFAULT_THRESHOLDS;
	}
	const thresholds = {...DEFAULT_THRESHOLDS};
	for (const key of Object.keys(THRESHOLD_SPECS) as ThresholdKey[]) {
		const value = raw[key];
		if (value === undefined) continue;
		const problem = thresholdProblem(key, value);
		if (problem) {
			errors.push(`thresholds.${key}: ${problem}; using the default ${THRESHOLD_SPECS[key].default}`);
		} else {
			thresholds[key] = (value as string).trim();
		}
	}
	for (const key of Object.keys(raw)) {
		// Own keys only: `in` walks the prototype, so "__proto__", "constructor" and "toString" passed as known.
		if (!Object.hasOwn(THRESHOLD_SPECS, key)) errors.push(`thresholds.${show(key).slice(1, -1)}: unknown setting; ignored`);
	}
	for (const [low, high, message] of thresholdOrderProblems(thresholds)) {
		errors.push(`${message}; using the defaults ${DEFAULT_THRESHOLDS[low]} and ${DEFAULT_THRESHOLDS[high]}`);
		thresholds[low] = DEFAULT_THRESHOLDS[low];
		thresholds[high] = DEFAULT_THRESHOLDS[high];
	}
	return thresholds;
}

function validateFlags(path: string, raw: unknown, errors: string[]): Record<string, boolean> {
	if (raw === undefined) return {};
	if (!isRecord(raw)) {
		errors.push(`${path}: ${show(raw)} is not an object; using none`);
		return {};
	}
	const flags: Record<string, boolean> = {};
	for (const [id, value] of Object.entries(raw)) {
		if (!ADAPTER_ID.test(id)) errors.push(`${path}.${id}: not a site id; ignored`);
		else if (typeof value !== 'boolean') errors.push(`${path}.${id}: ${show(value)} is not true or false; ignored`);
		else flags[id] = value;
	}
	return flags;
}

/** Why `text` is not an http(s) origin such as "https://example.com", or undefined. */
export function originProblem(text: unknown): string | undefined {
	if (typeof text !== 'string') return `${show(text)} is not text`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return `${show(text)} is not a web address`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${show(text)} is not an http(s) address`;
	if (url.origin !== text) return `${show(text)} is not a bare origin (use ${url.origin})`;
	// '*' would make the permission pattern `${origin}/*` a wildcard over many sites.
	if (!/^[a-z0-9.-]+$/.test(url.hostname) && !/^\[[0-9a-f:.]+\]$/.test(url.hostname)) return `${show(text)} is not a single site's address`;
	return undefined;
}

function validateCustomSites(raw: unknown, errors: string[]): Settings['customSites'] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		errors.push(`customSites: ${show(raw)} is not a list; using none`);
		return [];
	}
	const sites: {origin: string; venue: VenueId}[] = [];
	// A set, not a scan of `sites` per entry: 100,000 imported sites took 31 s with the scan.
	const seen = new Set<string>();
	raw.forEach((entry: unknown, index) => {
		const path = `customSites[${index}]`;
		if (!isRecord(entry)) return errors.push(`${path}: ${show(entry)} is not a site; ignored`);
		const problem = originProblem(entry.origin);
		if (problem) return errors.push(`${path}.origin: ${problem}; site ignored`);
		if (!isVenueId(entry.venue)) return errors.push(`${path}.venue: ${show(entry.venue)} is not a venue model; site ignored`);
		if (seen.has(entry.origin as string)) return errors.push(`${path}: ${show(entry.origin)} is listed twice; ignored`);
		seen.add(entry.origin as string);
		sites.push({origin: entry.origin as string, venue: entry.venue});
	});
	return sites;
}

function rateProblem(key: RateKey, value: unknown): string | undefined {
	if (!isDecimalString(value)) return `${show(value)} is not a plain decimal fraction`;
	const bounds = RATE_BOUNDS[key];
	const rate = new D(value.trim());
	if (bounds.exclusiveMin ? rate.lte(bounds.min) : rate.lt(bounds.min)) {
		return `${show(value)} is ${bounds.exclusiveMin ? 'not above' : 'below'} the minimum ${bounds.min}`;
	}
	if (rate.gt(bounds.max)) return `${show(value)} is above the maximum ${bounds.max}`;
	return undefined;
}

function validateRates<K extends RateKey>(path: string, raw: unknown, keys: readonly K[], errors: string[]): Partial<Record<K, DecimalString>> {
	if (raw === undefined) return {};
	if (!isRecord(raw)) {
		errors.push(`${path}: ${show(raw)} is not an object; using none`);
		return {};
	}
	const rates: Partial<Record<K, DecimalString>> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!(keys as readonly string[]).includes(key)) {
			errors.push(`${path}.${key}: unknown setting; ignored`);
			continue;
		}
		const problem = rateProblem(key as K, value);
		if (problem) errors.push(`${path}.${key}: ${problem}; using the venue's default`);
		else rates[key as K] = (value as string).trim();
	}
	return rates;
}

function validateFees(raw: unknown, errors: string[]): Settings['fees'] {
	if (raw === undefined) return {};
	if (!isRecord(raw)) {
		errors.push(`fees: ${show(raw)} is not an object; using the venues' defaults`);
		return {};
	}
	const fees: Partial<Record<VenueId, FeeOverride>> = {};
	for (const [venue, value] of Object.entries(raw)) {
		if (!isVenueId(venue)) {
			errors.push(`fees.${venue}: not a venue model; ignored`);
			continue;
		}
		const override = validateRates(`fees.${venue}`, value, ['takerFeeRate', 'makerFeeRate'], errors);
		if (Object.keys(override).length > 0) fees[venue] = override;
	}
	return fees;
}

function validateVolatility(raw: unknown, errors: string[]): Settings['volatility'] {
	if (raw === undefined) return {};
	if (!isRecord(raw)) {
		errors.push(`volatility: ${show(raw)} is not an object; using the bundled defaults`);
		return {};
	}
	const volatility: Record<string, DecimalString> = {};
	for (const [asset, value] of Object.entries(raw)) {
		const problem = volatilityProblem(value);
		if (!ASSET.test(asset)) errors.push(`volatility.${asset}: not an asset symbol (like BTC); ignored`);
		else if (problem) errors.push(`volatility.${asset}: ${problem}; using the bundled default`);
		else volatility[asset] = (value as string).trim();
	}
	return volatility;
}

/** Why `value` is not an annualised volatility fraction in (0, 20], or undefined. */
export function volatilityProblem(value: unknown): string | undefined {
	if (!isDecimalString(value)) return `${show(value)} is not a plain decimal fraction`;
	const rate = new D(value.trim());
	if (rate.lte(0)) return `${show(value)} is not above 0`;
	if (rate.gt(VOLATILITY_MAX_RATE)) return `${show(value)} is above the maximum ${VOLATILITY_MAX_RATE}`;
	return undefined;
}

const KNOWN_KEYS = new Set<string>(Object.keys(DEFAULT_SETTINGS));

/**
 * Validates a current-version settings object. Every key is checked on its own: a bad value falls back to its
 * default with a readable entry in `errors`, and the rest is kept. Older versions go through `parseSettings`.
 */
export function validateSettings(raw: unknown): Validated {
	if (raw === undefined || raw === null) return {settings: DEFAULT_SETTINGS, errors: []};
	if (!isRecord(raw)) return {settings: DEFAULT_SETTINGS, errors: [`settings: ${show(raw)} is not an object; using the defaults`]};
	const errors: string[] = [];
	if (raw.schemaVersion !== undefined && raw.schemaVersion !== SCHEMA_VERSION) {
		errors.push(`schemaVersion: ${show(raw.schemaVersion)} is not ${SCHEMA_VERSION}; read as version ${SCHEMA_VERSION}`);
	}
	const thresholds = validateThresholds(raw.thresholds, errors);

	let gateMode = DEFAULT_SETTINGS.gateMode;
	if (raw.gateMode !== undefined) {
		if (GATE_MODES.includes(raw.gateMode as GateMode)) gateMode = raw.gateMode as GateMode;
		else errors.push(`gateMode: ${show(raw.gateMode)} is not one of off, warn, confirm; using the default ${gateMode}`);
	}

	let reminders = DEFAULT_SETTINGS.reminders;
	if (raw.reminders !== undefined) {
		if (!isRecord(raw.reminders)) {
			errors.push(`reminders: ${show(raw.reminders)} is not an object; using the defaults`);
		} else {
			let enabled = DEFAULT_SETTINGS.reminders.enabled;
			if (typeof raw.reminders.enabled === 'boolean') enabled = raw.reminders.enabled;
			else if (raw.reminders.enabled !== undefined) {
				errors.push(`reminders.enabled: ${show(raw.reminders.enabled)} is not true or false; using the default ${enabled}`);
			}
			reminders = {enabled, perVenue: validateFlags('reminders.perVenue', raw.reminders.perVenue, errors)};
		}
	}

	let marketDataUpdates = DEFAULT_SETTINGS.marketDataUpdates;
	if (typeof raw.marketDataUpdates === 'boolean') marketDataUpdates = raw.marketDataUpdates;
	else if (raw.marketDataUpdates !== undefined) {
		errors.push(`marketDataUpdates: ${show(raw.marketDataUpdates)} is not true or false; using the default ${marketDataUpdates}`);
	}

	const settings: Settings = {
		schemaVersion: SCHEMA_VERSION,
		thresholds,
		gateMode,
		reminders,
		adapters: validateFlags('adapters', raw.adapters, errors),
		customSites: validateCustomSites(raw.customSites, errors),
		volatility: validateVolatility(raw.volatility, errors),
		fees: validateFees(raw.fees, errors),
		custom: validateRates('custom', raw.custom, ['maintenanceMarginRate', 'takerFeeRate', 'makerFeeRate'], errors),
		marketDataUpdates,
	};
	for (const key of Object.keys(raw)) {
		if (!KNOWN_KEYS.has(key)) errors.push(`${key}: unknown setting; ignored`);
	}
	return {settings, errors};
}

/** Migrates (any known older version) and validates a stored or imported object. */
export function parseSettings(raw: unknown): Validated {
	if (!isRecord(raw)) return validateSettings(raw);
	const migrated = migrate(raw, SCHEMA_VERSION);
	if (!migrated.ok) {
		// A newer build's object: read what this version understands rather than discarding everything.
		const {settings, errors} = validateSettings({...raw, schemaVersion: SCHEMA_VERSION});
		return {settings, errors: [migrated.reason, ...errors]};
	}
	return validateSettings(migrated.value);
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

/** Reads, migrates and validates the settings; never throws on bad data (storage failures do propagate). */
export async function loadSettings(area: StorageAreaLike): Promise<Validated> {
	const stored = await area.get(SETTINGS_KEY);
	return parseSettings(stored[SETTINGS_KEY]);
}

export type SaveResult = {ok: true; settings: Settings} | {ok: false; reason: string};

/** Stores the whole settings object after a strict check: anything that would need repair is refused, nothing written. */
export async function saveSettings(area: StorageAreaLike, settings: Settings): Promise<SaveResult> {
	const {settings: checked, errors} = validateSettings(settings);
	if (errors.length > 0) return {ok: false, reason: errors.join('\n')};
	const bytes = new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(checked)).length;
	if (bytes > SYNC_ITEM_QUOTA_BYTES) {
		return {ok: false, reason: `settings take ${bytes} bytes; browser sync allows ${SYNC_ITEM_QUOTA_BYTES}: remove some sites or overrides`};
	}
	/*
	 * The browser can refuse the write itself (sync's 120 writes a minute, a storage error): that too is a result
	 * to show, not a rejection each caller must remember to catch (options' Save/Import/Reset failed silently).
	 */
	try {
		await area.set({[SETTINGS_KEY]: checked});
	} catch (error) {
		return {ok: false, reason: storageErrorText(error)};
	}
	return {ok: true, settings: checked};
}

function storageErrorText(error: unknown): string {
	return `the browser refused the write (${error instanceof Error ? error.message : String(error)})`;
}

/** Back to the defaults: removes the stored object, so later default changes apply to this user too. */
export async function resetSettings(area: StorageAreaLike): Promise<SaveResult> {
	try {
		await area.remove(SETTINGS_KEY);
	} catch (error) {
		return {ok: false, reason: storageErrorText(error)};
	}
	return {ok: true, settings: DEFAULT_SETTINGS};
}

/**
 * Calls `callback` with the validated settings whenever another context (or this one) changes them, so open
 * tabs and pages apply a change at once. Stops listening when `signal` aborts.
 */
export function onSettingsChanged(area: StorageAreaLike, callback: (validated: Validated) => void, signal: AbortSignal): void {
	if (!area.onChanged || signal.aborted) return;
	const events = area.onChanged;
	const listener: StorageChangeListener = changes => {
		const change = changes[SETTINGS_KEY];
		if (change) callback(parseSettings(change.newValue));
	};
	events.addListener(listener);
	signal.addEventListener('abort', () => events.removeListener(listener), {once: true});
}

/**
 * Runs the migrations on the stored object and writes the result back; for the background's `onInstalled`.
 * Values that needed repair are written back as they were, not repaired (see below).
 */
export async function migrateStoredSettings(area: StorageAreaLike): Promise<Validated> {
	const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
	const validated = parseSettings(stored);
	const isCurrent = isRecord(stored) && stored.schemaVersion === SCHEMA_VERSION;
	const isNewer = isRecord(stored) && typeof stored.schemaVersion === 'number' && stored.schemaVersion > SCHEMA_VERSION;
	// Never overwrite a newer build's object (synced from another device) with our reading of it.
	if (stored === undefined || isCurrent || isNewer) return validated;
	if (validated.errors.length === 0) {
		await area.set({[SETTINGS_KEY]: validated.settings});
		return validated;
	}
	/*
	 * Something needed repair. Writing the repaired object would drop the bad values without a word: the options
	 * page names them only while they are stored. So store the migrated shape with them as they were (every reader
	 * validates and uses the defaults); the user's next save stores the repaired object. Not migratable: keep it.
	 */
	const migrated = isRecord(stored) ? migrate(stored, SCHEMA_VERSION) : undefined;
	if (migrated?.ok) await area.set({[SETTINGS_KEY]: migrated.value});
	return validated;
}

/** Pretty JSON for a file download; the same shape as the stored object. */
export function exportSettings(settings: Settings): string {
	return `${JSON.stringify({...settings, schemaVersion: SCHEMA_VERSION}, null, '\t')}\n`;
}

export type ImportResult = {ok: true; settings: Settings} | {ok: false; reason: string};

/** At most this many problems are listed in a refused import's reason; the rest are counted. */
const IMPORT_REASONS_MAX = 20;

/**
 * Whether the manifest's host permissions (match patterns) already cover `origin`'s host. Such a site needs no
 * added entry: LiqGuard already runs on its trading pages, and an entry would register the script on every page
 * of the host without the browser asking (the permission is already granted).
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function grantedByManifest(origin: string, hostPatterns: readonly string[]): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	return hostPatterns.some(pattern => {
		const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
		if (!match) return pattern === '<all_urls>';
		const [, scheme, host = ''] = match;
		if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
		const hostname = host.replace(/:\d+$/, '');
		if (hostname === '*') return true;
		if (hostname.startsWith('*.')) return url.hostname === hostname.slice(2) || url.hostname.endsWith(hostname.slice(1));
		return url.hostname === hostname;
	});
}

/** Why a user-added site is refused: the manifest already covers its host. */
export function grantedSiteProblem(origin: string): string {
	return `${show(origin)} is a supported exchange: LiqGuard already runs on its trading pages, and adding it would run LiqGuard on every page of the site`;
}

/**
 * Parses an exported file (this or an older version). Refused with the reason when anything would need repair.
 * `grantedHostPatterns` (the match patterns of the manifest's content scripts, granted at install): sites on those
 * hosts are refused (grantedByManifest).
 */
export function importSettings(json: string, options: {grantedHostPatterns?: readonly string[]} = {}): ImportResult {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch (error) {
		return {ok: false, reason: `not valid JSON: ${(error as Error).message.slice(0, 200)}`};
	}
	if (!isRecord(raw) || (!('schemaVersion' in raw) && !looksLikeV0(raw))) {
		return {ok: false, reason: 'not a LiqGuard settings file: expected an object with a schemaVersion'};
	}
	const migrated = migrate(raw, SCHEMA_VERSION);
	if (!migrated.ok) return {ok: false, reason: migrated.reason};
	const {settings, errors: validationErrors} = validateSettings(migrated.value);
	const errors = [...validationErrors];
	const granted = options.grantedHostPatterns ?? [];
	settings.customSites.forEach((site, index) => {
		if (granted.length > 0 && grantedByManifest(site.origin, granted)) errors.push(`customSites[${index}]: ${grantedSiteProblem(site.origin)}; remove it`);
	});
	if (errors.length > IMPORT_REASONS_MAX) {
		return {ok: false, reason: [...errors.slice(0, IMPORT_REASONS_MAX), `… and ${errors.length - IMPORT_REASONS_MAX} more problems`].join('\n')};
	}
	if (errors.length > 0) return {ok: false, reason: errors.join('\n')};
	return {ok: true, settings};
}
