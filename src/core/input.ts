/**
 * Reads untrusted input fields into Decimals, collecting one named issue per bad field instead of throwing.
 * Every engine entry point goes through here, so NaN, Infinity, exponents and negative sizes never reach the math.
 */
import {type Dec, ONE, parseDecimal} from './decimal.js';
import type {InputIssue, InputIssueCode, IssueData} from './types.js';

type Bound = 'positive' | 'non-negative' | 'any';

export class InputReader {
	readonly issues: InputIssue[] = [];
	/**
	 * Each field's text parsed once: a venue model, the funding step and `assess` each read the prices they need
	 * (the entry price up to 3 times per assessment), and a parse is the costliest Decimal step (≈ 0.3 µs).
	 * `null`: the text is not a plain decimal.
	 */
	private readonly parsed = new Map<string, Dec | null>();

	constructor(private readonly raw: Readonly<Record<string, unknown>>) {}

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
		let value = this.parsed.get(field);
		if (value === undefined) {
			value = parseDecimal(this.raw[field]) ?? null;
			this.parsed.set(field, value);
		}
		if (value === null) {
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
