import {describe, expect, it} from 'vitest';
import {formFromSettings, PERCENT_RULES, settingsFromForm} from '../../../src/options/options-form.js';
import {DEFAULT_SETTINGS, validateSettings} from '../../../src/settings/settings.js';

/** The form with one fee, one custom rate and one volatility row typed as given (percent). */
function typed(text: {taker?: string; maker?: string; maintenance?: string; volatility?: string}) {
	const form = formFromSettings(DEFAULT_SETTINGS);
	form.fees['binance-usdm'] = {takerPercent: text.taker ?? '', makerPercent: text.maker ?? ''};
	form.custom.maintenancePercent = text.maintenance ?? '';
	if (text.volatility !== undefined) form.volatility = [{asset: 'BTC', percent: text.volatility}];
	return settingsFromForm(form, DEFAULT_SETTINGS);
}

describe('options percent fields follow the bounds settings validation applies', () => {
	it('are the percent form of RATE_BOUNDS and the volatility cap', () => {
		expect(PERCENT_RULES).toEqual({
			maintenance: {isPositive: true, max: '100'},
			taker: {isSignedAllowed: false, min: '0', max: '10'},
			maker: {isSignedAllowed: true, min: '-1', max: '10'},
			volatility: {isPositive: true, max: '2000'},
		});
	});

	it('what the page accepts at the bounds, saving accepts; just past them, the page flags the field', () => {
		const atBounds = typed({taker: '10', maker: '-1', maintenance: '100', volatility: '2000'});
		expect(atBounds.errors).toEqual({});
		expect(validateSettings(atBounds.settings).errors).toEqual([]);
		const past = typed({taker: '10.01', maker: '-1.01', maintenance: '0', volatility: '2000.1'});
		expect(Object.keys(past.errors).sort()).toEqual(['custom-maintenance', 'fee-binance-usdm-maker', 'fee-binance-usdm-taker', 'volatility-percent-0']);
		expect(past.settings).toBeUndefined();
	});
});
