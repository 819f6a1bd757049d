/**
 * Hyperliquid. Docs formula: liq_price = price − side × margin_available / position_size / (1 − l × side), with
 * l = 1 / maintenance leverage of the tier at the liquidation price; maintenance = half the initial margin at max
 * leverage; margin tiers with deductions. Equal to the shared linear model (checked by the vectors). No fee term.
 */
import {venueName} from './catalogue.js';
import {type VenueModel, linearPosition} from './model.js';

export const hyperliquid: VenueModel = {
	meta: {
		id: 'hyperliquid',
		label: /* @__PURE__ */ venueName('hyperliquid'),
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'oracle',
		// Tier 0 perps (14-day volume < 5M), docs fee page.
		takerFeeRate: '0.00045',
		makerFeeRate: '0.00015',
		fundingIntervalHours: '1',
		maxLeverage: '40',
		maintenanceFromMaxLeverage: true,
	},
	position: (reader, input) => linearPosition(reader, input, {meta: hyperliquid.meta}),
};
