import {describe, expect, it} from 'vitest';
import {baseAsset} from '../../../src/core/symbols.js';

describe('baseAsset', () => {
	it.each([
		['BTCUSDT', 'BTC'],
		['BTC-USDT-SWAP', 'BTC'],
		['ETH/USD', 'ETH'],
		['BTC-PERP', 'BTC'],
		['SOLUSDC', 'SOL'],
		['BTC', 'BTC'],
		// "USD" is a suffix of "BUSD" and "FDUSD": the longer quote must win ("BTCB", "ETHFD" before the fix).
		['BTCBUSD', 'BTC'],
		['ETHFDUSD', 'ETH'],
	])('%s → %s', (symbol, expected) => {
		expect(baseAsset(symbol)).toBe(expected);
	});
	it('no asset for a missing or odd name', () => {
		expect(baseAsset(undefined)).toBeUndefined();
		expect(baseAsset('BTC USDT!')).toBeUndefined();
	});
});
