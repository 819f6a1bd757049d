/**
 * The popup's list of open risks: trades the trader already has open (or plans), each with its entry, stop and
 * size, kept as typed in `storage.local` (this browser only, never synced: it describes the user's positions). The
 * text is stored exactly as typed, invalid or not, so nothing typed is lost when the popup closes; the loss figures
 * come from the core's `openRiskLoss` / `portfolioHeat`.
 */
import {isDecimalString} from '../core/decimal.js';
import type {OpenRisk} from '../core/portfolio-heat.js';
import type {Side} from '../core/types.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {type InputRule, parseUserDecimal} from '../ui/components/parse-input.js';

/** `storage.local` key of the list. */
export const OPEN_RISKS_KEY = 'openRisks';

/** A stored list's shape version: a later change of the row shape can tell old lists apart. */
export const OPEN_RISKS_VERSION = 1;

export type OpenRiskRow = {id: string; symbol: string; side: Side; entryPrice: string; stopLossPrice: string; size: string};
export type OpenRiskField = 'symbol' | 'entryPrice' | 'stopLossPrice' | 'size';
export type OpenRiskDecimalField = Exclude<OpenRiskField, 'symbol'>;

export const OPEN_RISK_LABELS: Record<OpenRiskField, string> = {
	symbol: 'symbol',
	entryPrice: 'entry price',
	stopLossPrice: 'stop-loss price',
	size: 'size',
};

const RULES: Record<OpenRiskDecimalField, InputRule> = {
	entryPrice: {isPositive: true},
	stopLossPrice: {isPositive: true},
	size: {isPositive: true},
};

/** A market name as venues write them: "BTCUSDT", "BTC-USDT-SWAP", "ETH/USD". */
const SYMBOL = /^[A-Z0-9./:_-]{1,40}$/;

export function emptyRow(id: string): OpenRiskRow {
	return {id, symbol: '', side: 'long', entryPrice: '', stopLossPrice: '', size: ''};
}

/** An id not used in `rows` ("r1", "r2", …). */
export function nextRowId(rows: readonly OpenRiskRow[]): string {
	const used = rows.map(row => Number.parseInt(row.id.replace(/^r/, ''), 10)).filter(Number.isInteger);
	return `r${used.length === 0 ? 1 : Math.max(...used) + 1}`;
}

export type CheckedRow = {
	/** Present when every field is valid: the core's input. */
	risk?: OpenRisk;
	/** Message per field with invalid text. */
	errors: Partial<Record<OpenRiskField, string>>;
	/** Required fields still empty. */
	missing: OpenRiskDecimalField[];
};

/** Validates one row as typed, with the popup's one rule for numbers. The symbol is optional, a label only. */
export function checkRow(row: OpenRiskRow): CheckedRow {
	const errors: CheckedRow['errors'] = {};
	const missing: OpenRiskDecimalField[] = [];
	const values: Partial<Record<OpenRiskDecimalField, string>> = {};
	for (const field of Object.keys(RULES) as OpenRiskDecimalField[]) {
		const parsed = parseUserDecimal(row[field], RULES[field]);
		if (parsed.kind === 'empty') missing.push(field);
		else if (parsed.kind === 'error') errors[field] = parsed.message;
		// The core refuses magnitudes above 1e30 (no market's price or size comes near): say so here, per field.
		else if (!isDecimalString(parsed.value)) errors[field] = 'Too large to be a price or a size.';
		else values[field] = parsed.value;
	}
	const symbol = row.symbol.trim().toUpperCase();
	if (symbol !== '' && !SYMBOL.test(symbol)) errors.symbol = 'Letters, digits and - / : _ . only, like BTCUSDT.';
	if (Object.keys(errors).length > 0 || missing.length > 0) return {errors, missing};
	return {
		errors,
		missing,
		risk: {side: row.side, entryPrice: values.entryPrice!, stopLossPrice: values.stopLossPrice!, quantity: values.size!},
	};
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * Rows from the stored value. Tolerant: the area is ours, but a damaged entry keeps whatever text it has (a wrong
 * side becomes long, shown and editable) rather than vanishing from the list without a word.
 */
export function rowsFromStored(value: unknown): OpenRiskRow[] {
	const list = typeof value === 'object' && value !== null && Array.isArray((value as {rows?: unknown}).rows) ? (value as {rows: unknown[]}).rows : [];
	const rows: OpenRiskRow[] = [];
	for (const entry of list) {
		if (typeof entry !== 'object' || entry === null) continue;
		const raw = entry as Record<string, unknown>;
		const id = typeof raw.id === 'string' && /^r\d+$/.test(raw.id) && !rows.some(row => row.id === raw.id) ? raw.id : nextRowId(rows);
		rows.push({
			id,
			symbol: text(raw.symbol),
			side: raw.side === 'short' ? 'short' : 'long',
			entryPrice: text(raw.entryPrice),
			stopLossPrice: text(raw.stopLossPrice),
			size: text(raw.size),
		});
	}
	return rows;
}

export async function loadOpenRisks(area: StorageAreaLike): Promise<OpenRiskRow[]> {
	const stored = await area.get(OPEN_RISKS_KEY);
	return rowsFromStored(stored[OPEN_RISKS_KEY]);
}

export async function saveOpenRisks(area: StorageAreaLike, rows: readonly OpenRiskRow[]): Promise<void> {
	await area.set({[OPEN_RISKS_KEY]: {version: OPEN_RISKS_VERSION, rows}});
}
