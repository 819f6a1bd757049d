/**
 * Validator and runner for the `liqguard-vectors/1` format (test/vectors/README.md). It accepts any file in
 * the format, not only ours: validation follows the format's rules to the letter (file, vector, numbers,
 * inputs, outputs, tolerance, checking).
 */
import {D} from './decimal.js';
import {OUTPUT_KEYS, type OutputKey, computeOutput} from './outputs.js';
import type {PositionInput, VenueId} from './types.js';

export const VECTOR_FORMAT = 'liqguard-vectors/1';
const VECTOR_VENUES = ['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid', 'aster-pro', 'aster-simple', 'dydx-v4', 'gmx-v2'] as const;
const ID_PREFIX: Record<(typeof VECTOR_VENUES)[number], string> = {
	'binance-usdm': 'binance-',
	'bybit-linear': 'bybit-',
	'okx-swap': 'okx-',
	hyperliquid: 'hyperliquid-',
	'aster-pro': 'aster-pro-',
	'aster-simple': 'aster-simple-',
	'dydx-v4': 'dydx-',
	'gmx-v2': 'gmx-v2-',
};
const VECTOR_FIELDS = ['id', 'venue', 'source', 'derived', 'description', 'inputs', 'expected', 'tolerance', 'notes'] as const;

/** §4: every input key, with its JSON type. */
const INPUT_KEYS: Readonly<Record<string, 'decimal' | 'string' | 'array'>> = {
	side: 'string',
	marginMode: 'string',
	positionMode: 'string',
	accountType: 'string',
	symbol: 'string',
	entryPrice: 'decimal',
	quantity: 'decimal',
	contracts: 'decimal',
	contractValue: 'decimal',
	leverage: 'decimal',
	markPrice: 'decimal',
	oraclePrice: 'decimal',
	isolatedMargin: 'decimal',
	extraMargin: 'decimal',
	walletBalance: 'decimal',
	equity: 'decimal',
	otherPositions: 'array',
	accumulatedFunding: 'decimal',
	maintenanceMarginRate: 'decimal',
	maintenanceDeduction: 'decimal',
	maxLeverage: 'decimal',
	tiers: 'array',
	tierBasis: 'string',
	takerFeeRate: 'decimal',
	makerFeeRate: 'decimal',
	fundingRate: 'decimal',
	fundingIntervalHours: 'decimal',
	holdHours: 'decimal',
	initialMargin: 'decimal',
	liquidationLossRate: 'decimal',
	sizeInUsd: 'decimal',
	sizeInTokens: 'decimal',
	collateralUsd: 'decimal',
	closingFeeUsd: 'decimal',
	minCollateralFactor: 'decimal',
	minCollateralUsd: 'decimal',
	priceImpactDeltaUsd: 'decimal',
	pendingBorrowingFeesUsd: 'decimal',
	pendingFundingFeesUsd: 'decimal',
};
const ENUMS: Readonly<Record<string, readonly string[]>> = {
	side: ['long', 'short'],
	marginMode: ['isolated', 'cross'],
	positionMode: ['one-way', 'hedge'],
	accountType: ['unified', 'classic'],
	tierBasis: ['notional', 'contracts'],
};
const TIER_KEYS: Readonly<Record<string, 'decimal'>> = {
	notionalFloor: 'decimal',
	notionalCap: 'decimal',
	maintenanceMarginRate: 'decimal',
	maintenanceDeduction: 'decimal',
	maxLeverage: 'decimal',
};
const OTHER_KEYS: Readonly<Record<string, 'decimal' | 'string'>> = {
	symbol: 'string',
	side: 'string',
	quantity: 'decimal',
	entryPrice: 'decimal',
	markPrice: 'decimal',
	maintenanceMarginRate: 'decimal',
	maintenanceDeduction: 'decimal',
};

/** §3: optional "-", digits, optional "." and digits. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;

export type Vector = {
	id: string;
	venue: VenueId;
	source: string;
	derived: boolean;
	description: string;
	inputs: Record<string, unknown>;
	expected: Record<string, string>;
	tolerance: Record<string, string>;
	notes: string;
};

export type ParsedFile = {ok: true; vectors: Vector[]; warnings: string[]} | {ok: false; errors: string[]};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function checkObject(
	value: unknown,
	keys: Readonly<Record<string, string>>,
	where: string,
	errors: string[],
	required: readonly string[] = [],
): void {
	if (!isObject(value)) {
		errors.push(`${where}: must be an object`);
		return;
	}
	for (const [key, item] of Object.entries(value)) {
		const kind = keys[key];
		if (kind === undefined) errors.push(`${where}: unknown key "${key}"`);
		else if (typeof item === 'number') errors.push(`${where}.${key}: JSON number; numbers must be strings`);
		else if (kind === 'decimal' && (typeof item !== 'string' || !PLAIN.test(item))) errors.push(`${where}.${key}: not a plain decimal string`);
		else if (kind === 'string' && typeof item !== 'string') errors.push(`${where}.${key}: must be a string`);
		else if (kind === 'string' && ENUMS[key] && !ENUMS[key]!.includes(item as string)) errors.push(`${where}.${key}: must be one of ${ENUMS[key]!.join(', ')}`);
		else if (kind === 'array' && !Array.isArray(item)) errors.push(`${where}.${key}: must be an array`);
	}
	for (const key of required) if (value[key] === undefined) errors.push(`${where}: missing "${key}"`);
}

/** Validates a parsed JSON document. Invalid: wrong format, JSON numbers, unknown keys, missing tolerances, duplicate ids. */
export function parseVectorFile(file: unknown): ParsedFile {
	const errors: string[] = [];
	const warnings: string[] = [];
	if (!isObject(file)) return {ok: false, errors: ['the file must hold a JSON object']};
	for (const key of Object.keys(file)) if (key !== 'format' && key !== 'vectors') errors.push(`unknown top-level key "${key}"`);
	if (file.format !== VECTOR_FORMAT) errors.push(`format must be "${VECTOR_FORMAT}"`);
	if (!Array.isArray(file.vectors)) return {ok: false, errors: [...errors, 'vectors must be an array']};
	const ids = new Set<string>();
	for (const [index, raw] of file.vectors.entries()) {
		const where = `vectors[${index}]`;
		if (!isObject(raw)) {
			errors.push(`${where}: must be an object`);
			continue;
		}
		const label = typeof raw.id === 'string' ? `${where} (${raw.id})` : where;
		for (const key of Object.keys(raw)) if (!(VECTOR_FIELDS as readonly string[]).includes(key)) errors.push(`${label}: unknown field "${key}"`);
		for (const key of VECTOR_FIELDS) if (raw[key] === undefined) errors.push(`${label}: missing field "${key}"`);
		for (const key of ['id', 'venue', 'source', 'description', 'notes'] as const) {
			if (raw[key] !== undefined && typeof raw[key] !== 'string') errors.push(`${label}: ${key} must be a string`);
		}
		if (raw.derived !== undefined && typeof raw.derived !== 'boolean') errors.push(`${label}: derived must be a boolean`);
		if (typeof raw.id === 'string') {
			if (ids.has(raw.id)) errors.push(`${label}: duplicate id`);
			ids.add(raw.id);
			if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw.id)) errors.push(`${label}: id must be kebab-case`);
			const venuePrefix = ID_PREFIX[raw.venue as (typeof VECTOR_VENUES)[number]];
			if (venuePrefix && !raw.id.startsWith(venuePrefix)) warnings.push(`${label}: id does not start with "${venuePrefix}"`);
			if (typeof raw.derived === 'boolean' && raw.id.endsWith('-derived') !== raw.derived) {
				warnings.push(`${label}: id should end in "-derived" exactly when derived is true`);
			}
		}
		if (typeof raw.source === 'string' && raw.source.trim() === '') errors.push(`${label}: source must cite the example's source`);
		if (raw.venue !== undefined && !(VECTOR_VENUES as readonly unknown[]).includes(raw.venue)) errors.push(`${label}: unknown venue "${String(raw.venue)}"`);
		checkObject(raw.inputs, INPUT_KEYS, `${label}.inputs`, errors);
		if (isObject(raw.inputs)) {
			const {tiers, otherPositions} = raw.inputs;
			if (Array.isArray(tiers)) tiers.forEach((tier, i) => checkObject(tier, TIER_KEYS, `${label}.inputs.tiers[${i}]`, errors, ['notionalFloor']));
			if (Array.isArray(otherPositions)) {
				otherPositions.forEach((other, i) =>
					checkObject(other, OTHER_KEYS, `${label}.inputs.otherPositions[${i}]`, errors, ['side', 'quantity', 'entryPrice', 'markPrice', 'maintenanceMarginRate']),
				);
			}
		}
		if (!isObject(raw.expected) || Object.keys(raw.expected).length === 0) errors.push(`${label}: expected must be a non-empty object`);
		if (!isObject(raw.tolerance)) errors.push(`${label}: tolerance must be an object`);
		if (isObject(raw.expected) && isObject(raw.tolerance)) {
			for (const [key, value] of Object.entries(raw.expected)) {
				if (!(OUTPUT_KEYS as readonly string[]).includes(key)) errors.push(`${label}.expected: unknown key "${key}"`);
				if (typeof value === 'number') errors.push(`${label}.expected.${key}: JSON number; numbers must be strings`);
				else if (typeof value !== 'string' || !(PLAIN.test(value) || (value === 'none' && (key === 'liquidationPrice' || key === 'liquidationDistance')))) {
					errors.push(`${label}.expected.${key}: not a plain decimal string${key === 'liquidationPrice' ? ' or "none"' : ''}`);
				}
				if (raw.tolerance[key] === undefined) errors.push(`${label}: no tolerance for expected "${key}"`);
			}
			for (const [key, value] of Object.entries(raw.tolerance)) {
				if (raw.expected[key] === undefined) errors.push(`${label}.tolerance: "${key}" has no expected value`);
				if (typeof value === 'number') errors.push(`${label}.tolerance.${key}: JSON number; numbers must be strings`);
				else if (typeof value !== 'string' || !PLAIN.test(value) || value.startsWith('-')) errors.push(`${label}.tolerance.${key}: not a non-negative plain decimal`);
			}
		}
	}
	if (errors.length > 0) return {ok: false, errors};
	return {ok: true, vectors: file.vectors as Vector[], warnings};
}

export type KeyCheck = {key: string; pass: boolean; got: string; expected: string; tolerance: string};
export type VectorResult = {id: string; pass: boolean; checks: KeyCheck[]};

export function runVector(vector: Vector): VectorResult {
	const input = {...vector.inputs, venue: vector.venue} as unknown as PositionInput;
	const checks: KeyCheck[] = [];
	for (const [key, expected] of Object.entries(vector.expected)) {
		const tolerance = vector.tolerance[key] ?? '0';
		const result = computeOutput(key as OutputKey, input);
		let got: string;
		let pass: boolean;
		if (!result.ok) {
			got = `error(${result.issues.map(issue => `${issue.field}: ${issue.message}`).join('; ')})`;
			pass = false;
		} else {
			got = result.value;
			if (expected === 'none' || got === 'none') pass = expected === got;
			else pass = new D(got).minus(expected).abs().lte(tolerance);
		}
		checks.push({key, pass, got, expected, tolerance});
	}
	return {id: vector.id, pass: checks.every(check => check.pass), checks};
}

/** One line per vector, as §8 asks. */
export function formatResult(result: VectorResult): string {
	if (result.pass) return `PASS ${result.id}`;
	const failed = result.checks
		.filter(check => !check.pass)
		.map(check => `${check.key} got=${check.got} expected=${check.expected} tolerance=${check.tolerance}`);
	return `FAIL ${result.id} ${failed.join(' ')}`;
}
