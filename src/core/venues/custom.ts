/**
 * Any other exchange: the shared linear model with the maintenance rate the user gives (no tiers, no deduction
 * unless given) and fees the user gives. No defaults are assumed for the maintenance rate.
 */
import {venueName} from './catalogue.js';
import {type VenueModel, linearPosition} from './model.js';

export const custom: VenueModel = {
	meta: {
		id: 'custom',
		label: /* @__PURE__ */ venueName('custom'),
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Common regular-tier taker/maker rates (Binance/OKX VIP 0); flagged as an assumption when used.
		takerFeeRate: '0.0005',
		makerFeeRate: '0.0002',
		fundingIntervalHours: '8',
		maxLeverage: '2000',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: custom.meta}),
};
