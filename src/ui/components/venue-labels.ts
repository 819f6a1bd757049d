/** Human names of the engine's venue models, for selects and lists. */
import type {VenueId} from '../../core/types.js';

export const VENUE_LABELS: Readonly<Record<VenueId, string>> = {
	// "USDS-M", not "USDⓈ-M": the circled S is missing from common system fonts and renders as a box.
	'binance-usdm': 'Binance USDS-M',
	'bybit-linear': 'Bybit USDT perpetual',
	'okx-swap': 'OKX perpetual swap',
	hyperliquid: 'Hyperliquid',
	'aster-pro': 'Aster Pro',
	'aster-simple': 'Aster Simple',
	'dydx-v4': 'dYdX v4',
	'gmx-v2': 'GMX v2',
	custom: 'Custom (your maintenance rate)',
};
