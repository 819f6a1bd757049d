/**
 * The explicit registry of site adapters, alphabetical. A meta-test checks every file in this folder is listed.
 */
import asterPro from './aster-pro.js';
import asterSimple from './aster-simple.js';
import binanceUsdm from './binance-usdm.js';
import bybitLinear from './bybit-linear.js';
import {matchesUrl, type Adapter} from './define-adapter.js';
import generic from './generic.js';
import gmxV2 from './gmx-v2.js';
import hyperliquid from './hyperliquid.js';
import okxSwap from './okx-swap.js';
import {demo} from './demo.js';
import dydxV4 from './dydx-v4.js';

export const ADAPTERS: readonly Adapter[] = [
	// one line per adapter, alphabetical
	asterPro,
	asterSimple,
	binanceUsdm,
	bybitLinear,
	// Dev/test builds only: in a release build `__DEV__` is false and the demo adapter's code is dropped from the
	// bundle, not only from the manifest. (Unit tests run the sources without build flags: there it is listed.)
	...(typeof __DEV__ === 'undefined' || __DEV__ ? [demo] : []),
	dydxV4,
	generic,
	gmxV2,
	hyperliquid,
	okxSwap,
];

export function adapterById(id: string): Adapter | undefined {
	return ADAPTERS.find(adapter => adapter.id === id);
}

/**
 * The adapter for a page URL by the adapters' match patterns (Chrome semantics, `matchesUrl`). Injected-only
 * adapters (`dynamicOnly`, e.g. generic) are never picked by URL.
 */
export function adapterForUrl(url: string): Adapter | undefined {
	return ADAPTERS.find(adapter => !adapter.dynamicOnly && matchesUrl(adapter, url));
}
