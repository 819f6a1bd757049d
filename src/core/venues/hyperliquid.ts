/**
 * Hyperliquid. Docs formula: liq_price = price − side × margin_available / position_size / (1 − l × side), with
 * l = 1 / maintenance leverage of the tier at the liquidation price; maintenance = half the initial margin at max
 * leverage; margin tiers with deductions. Equal to the shared linear model (checked by the vectors). No fee term.
 */
import {type VenueModel, linearPosition} from './model.js';

export const hyperliquid: VenueModel = {
	meta: {
		id: 'hyperliquid',
		label: 'Hyperliquid',
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'oracle',
		// Tier 0 perps (14-day volume < 5M), docs fee page.
		takerFeeRate: '0.00045',
		makerFeeRate: '0.00015',
		fundingIntervalHours: '1',
		maxLeverage: '40',
		maintenanceFromMaxLeverage: true,
		sources: [
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations', checked: '2026-11-21', what: 'liquidation formula'},
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers', checked: '2026-11-21', what: 'margin tiers'},
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/funding', checked: '2026-11-21', what: 'hourly funding on oracle price'},
			{url: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/fees', checked: '2026-11-21', what: 'fees'},
		],
		isolatedHowTo: 'Click "Cross" above the order form and choose "Isolated" in the margin-mode dialog.',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: hyperliquid.meta}),
};
