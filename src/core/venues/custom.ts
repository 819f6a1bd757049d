/**
 * Any other exchange: the shared linear model with the maintenance rate the user gives (no tiers, no deduction
 * unless given) and fees the user gives. No defaults are assumed for the maintenance rate.
 */
import {type VenueModel, linearPosition} from './model.js';

export const custom: VenueModel = {
	meta: {
		id: 'custom',
		label: 'Custom (your maintenance rate)',
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Common regular-tier taker/maker rates (Binance/OKX VIP 0); flagged as an assumption when used.
		takerFeeRate: '0.0005',
		makerFeeRate: '0.0002',
		fundingIntervalHours: '8',
		maxLeverage: '2000',
		sources: [
			{
				url: 'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93',
				checked: '2026-11-21',
				what: 'the maintenance-margin liquidation condition every order-book venue shares',
			},
		],
	},
	position: (reader, input) => linearPosition(reader, input, {meta: custom.meta}),
};
