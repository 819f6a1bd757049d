/**
 * Default annualised volatilities per base asset, used only for the "odds of touching liquidation" estimate and
 * always labelled as an assumption. They are round figures in the range of 30-day realised volatility seen for
 * these assets over 2023–2026 (BTC roughly 35–80 %, ETH 45–95 %, large alts higher); the user can set their own
 * in options. Crypto trades around the clock, so a year is 365 × 24 hours.
 */
import type {DecimalString} from './decimal.js';

export const DEFAULT_VOLATILITY: Readonly<Record<string, DecimalString>> = {
	BTC: '0.6',
	ETH: '0.75',
	SOL: '0.95',
	BNB: '0.6',
	XRP: '0.9',
	DOGE: '1.1',
};

/** For any asset not listed: high, because small caps move more. */
export const FALLBACK_VOLATILITY: DecimalString = '1';

export const HOURS_PER_YEAR = '8760';
