import {describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {BUNDLED_TIERS} from '../../../src/core/data/tiers.js';
import {baseAsset} from '../../../src/core/symbols.js';
import {VENUE_IDS} from '../../../src/core/types.js';
import {buildAssessInput, EMPTY_FORM} from '../../../src/popup/calculator-form.js';
import {DEFAULT_MARKETS, defaultMarketOf, resolveSymbol} from '../../../src/popup/default-market.js';

describe('default markets', () => {
	it('every default has a bundled tier table on its venue, so it gives a figure', () => {
		for (const [venue, market] of Object.entries(DEFAULT_MARKETS)) {
			expect(BUNDLED_TIERS[venue as keyof typeof BUNDLED_TIERS]?.[baseAsset(market)!], `${venue} ${market}`).toBeDefined();
			const result = assess({venue: venue as (typeof VENUE_IDS)[number], symbol: market, side: 'long', marginMode: 'isolated', entryPrice: '60000', leverage: '10', quantity: '0.1'});
			expect(result.ok, `${venue} ${market}`).toBe(true);
		}
	});

	it('venues without a bundled table or without need for one have no default', () => {
		expect(defaultMarketOf('okx-swap')).toBeUndefined();
		expect(defaultMarketOf('custom')).toBeUndefined();
		expect(defaultMarketOf('dydx-v4')).toBeUndefined();
		expect(defaultMarketOf('binance-usdm')).toBe('BTCUSDT');
		expect(defaultMarketOf('hyperliquid')).toBe('BTC');
	});

	it('a typed symbol is upper-cased and never replaced', () => {
		expect(resolveSymbol(' ethusdt ', 'binance-usdm')).toEqual({symbol: 'ETHUSDT', isDefault: false});
		expect(resolveSymbol('', 'binance-usdm')).toEqual({symbol: 'BTCUSDT', isDefault: true});
		expect(resolveSymbol('  ', 'okx-swap')).toEqual({isDefault: false});
	});

	it('the calculator sends the default and reports it, so the popup can say "(default)"', () => {
		const built = buildAssessInput({...EMPTY_FORM, venue: 'bybit-linear', entryPrice: '60000', leverage: '10', size: '0.1'});
		expect(built.input?.symbol).toBe('BTCUSDT');
		expect(built.defaultSymbol).toBe('BTCUSDT');
		const typed = buildAssessInput({...EMPTY_FORM, symbol: 'ethusdt', entryPrice: '3000', leverage: '10', size: '1'});
		expect(typed.input?.symbol).toBe('ETHUSDT');
		expect(typed.defaultSymbol).toBeUndefined();
	});
});
