/** Registry of venue models, one file each. */
import type {VenueId} from '../types.js';
import {asterPro} from './aster-pro.js';
import {asterSimple} from './aster-simple.js';
import {binanceUsdm} from './binance-usdm.js';
import {bybitLinear} from './bybit-linear.js';
import {custom} from './custom.js';
import {dydxV4} from './dydx-v4.js';
import {gmxV2} from './gmx-v2.js';
import {hyperliquid} from './hyperliquid.js';
import type {VenueModel} from './model.js';
import {okxSwap} from './okx-swap.js';

export const VENUE_MODELS: Readonly<Record<VenueId, VenueModel>> = {
	'binance-usdm': binanceUsdm,
	'bybit-linear': bybitLinear,
	'okx-swap': okxSwap,
	hyperliquid,
	'aster-pro': asterPro,
	'aster-simple': asterSimple,
	'dydx-v4': dydxV4,
	'gmx-v2': gmxV2,
	custom,
};

export type {VenueMeta, VenueModel, PositionCore} from './model.js';
