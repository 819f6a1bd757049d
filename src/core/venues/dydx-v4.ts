/**
 * dYdX v4. Maintenance requirement |S × P × MMF| at the ORACLE price; liquidatable when equity < Σ requirements.
 * Official frontend (v4-web src/bonsai/calculators/subaccount.ts):
 *   LP = (otherPositionsMaintenanceRisk + S × oracle − equity) / (S × (1 ∓ MMF))
 * = the linear model with E := oracle, M = equity − others' maintenance, D = 0. Without `equity`, an isolated
 * position is backed by its margin (Q × E / leverage) like the other venues. Isolated markets use a child
 * subaccount that holds one market.
 */
import {venueName} from './catalogue.js';
import {type VenueModel, linearPosition} from './model.js';

export const dydxV4: VenueModel = {
	meta: {
		id: 'dydx-v4',
		label: /* @__PURE__ */ venueName('dydx-v4'),
		hasCross: true,
		liquidationTrigger: 'oracle',
		fundingPrice: 'oracle',
		// Tier 1 (< $1M 30-day volume), docs trading fees page.
		takerFeeRate: '0.0005',
		makerFeeRate: '0.0001',
		fundingIntervalHours: '1',
		maxLeverage: '50',
		defaultMaintenanceMarginRate: {
			rate: '0.03',
			note: 'Maintenance fraction 3 % (v4 genesis "Large-Cap" liquidity tier: IMF 5 %, MMF 3 %); mainnet values are governance-set and may differ.',
		},
	},
	position: (reader, input) => linearPosition(reader, input, {meta: dydxV4.meta, equityAtOracle: true}),
};
