/**
 * Reads untrusted input fields into Decimals, collecting one named issue per bad field instead of throwing.
 * Every engine entry point goes through here, so NaN, Infinity, exponents and negative sizes never reach the math.
 */
import {checkedDecimalText, type Dec, type DecimalString, ONE, parseDecimal, toPlain} from './decimal.js';
import type {InputIssue, InputIssueCode, IssueData} from './types.js';

type Bound = 'positive' | 'non-negative' | 'any';

/**
 * Each text parsed once, for one evaluation: an order draft's numbers are parsed by `assessDraft`, then read again by
 * both sides' `assess`, their venue models, the funding step and the fallbacks, and a parse is the costliest Decimal
 * step (≈ 0.2 µs). Keyed by the exact text, so a value is only ever what `parseDecimal` gives for that text.
 */
export class DecimalMemo {
	/** `null`: the text is not a plain decimal. */
	private readonly values = new Map<string, Dec | null>();

	parse(text: unknown): Dec | undefined {
		if (typeof text !== 'string') return undefined;
		let value = this.values.get(text);
		if (value === undefined) {
			value = parseDecimal(text) ?? null;
			this.values.set(text, value);
		}
		return value ?? undefined;
	}

	/**
	 * `toPlain(value)`, remembered so that reading the text back costs no parse. Only where parsing the text would
	 * give this very value: within the text check's limits (length, 1e30), and not a negative zero (its text reads
	 * back as 0).
	 */
	plain(value: Dec): DecimalString {
		const text = toPlain(value);
		if (!this.values.has(text) && !(value.isZero() && value.isNeg()) && checkedDecimalText(text) === text) this.values.set(text, value);
		return text;
	}
}

export class InputReader {
	readonly issues: InputIssue[] = [];

	/** `memo`: texts already parsed in this evaluation (a venue model reads the entry price up to 3 times per side). */
	constructor(
		private readonly raw: Readonly<Record<string, unknown>>,
		readonly memo: DecimalMemo = new DecimalMemo(),
	) {}

	/** A reader of another record (a cross account's other position) sharing this one's parsed texts. */
	sibling(raw: Readonly<Record<string, unknown>>): InputReader {
		return new InputReader(raw, this.memo);
	}

	has(field: string): boolean {
		return this.raw[field] !== undefined && this.raw[field] !== null && this.raw[field] !== '';
	}

	issue(field: string, code: InputIssueCode, message: string, data?: IssueData): undefined {
		if (!this.issues.some(existing => existing.field === field)) this.issues.push(data ? {field, code, message, data} : {field, code, message});
		return undefined;
	}

	/** A decimal field; `undefined` (and an issue when required or malformed) when it cannot be used. */
	decimal(field: string, options: {required?: boolean; bound?: Bound; below?: Dec} = {}): Dec | undefined {
		const {required = false, bound = 'any', below} = options;
		if (!this.has(field)) return required ? this.issue(field, 'missing', `${field} is required`) : undefined;
		const value = this.memo.parse(this.raw[field]);
		if (value === undefined) {
			return this.issue(field, 'not-a-number', `${field} must be a plain decimal number, got "${String(this.raw[field]).slice(0, 40)}"`);
		}
		if (bound === 'positive' && value.lte(0)) return this.issue(field, 'not-positive', `${field} must be greater than 0`);
		if (bound === 'non-negative' && value.lt(0)) return this.issue(field, 'negative', `${field} must not be negative`);
		if (below !== undefined && value.gte(below)) {
			return this.issue(field, 'out-of-range', `${field} must be below ${below.toFixed()}`);
		}
		return value;
	}

	/** A rate (fraction) in [0, 1). */
	rate(field: string, required = false): Dec | undefined {
		return this.decimal(field, {required, bound: 'non-negative', below: ONE});
	}

	/**
	 * A maker fee rate, in (−1, 1): negative is a rebate paid to the maker on high fee tiers (dYdX v4 market-share
	 * tiers: −0.5 to −1.1 bps, https://docs.dydx.exchange/introduction-trading_fees, read in an archived copy,
	 * 2026-11-21); the settings accept one (RATE_BOUNDS.makerFeeRate).
	 */
	makerRate(field: string): Dec | undefined {
		const value = this.decimal(field, {below: ONE});
		return value?.lte(ONE.neg()) ? this.issue(field, 'out-of-range', `${field} must be above -1`) : value;
	}

	oneOf<T extends string>(field: string, values: readonly T[], fallback?: T): T | undefined {
		const value = this.raw[field];
		if (value === undefined || value === null || value === '') {
			return fallback ?? this.issue(field, 'missing', `${field} is required (${values.join(' or ')})`);
		}
		if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
		return this.issue(field, 'out-of-range', `${field} must be ${values.join(' or ')}`);
	}

	get ok(): boolean {
		return this.issues.length === 0;
	}
}
