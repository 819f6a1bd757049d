/**
 * OKX USDT-margined perpetual swap. OKX prints margin ratios, not an LP formula (DERIVED, medium confidence, from
 * https://www.okx.com/help/vii-introduction-to-the-isolated-mode-of-single-multi-currency-portfolio-margin):
 * isolated margin ratio = (margin + UPL) / (face value × contracts × mark × (tier MMR + fee rate)), liquidation at
 * 100 %. Solving it is the linear model with the taker fee added to the maintenance rate:
 *   LP(long) = (E − M/Q) / (1 − MMR − f),  LP(short) = (E + M/Q) / (1 + MMR + f),  Q = contracts × ctVal.
 * Cross margin is not specified by OKX; we apply the same requirement to the cross balance (derived).
 * Position tiers are by size in contracts (GET /api/v5/public/position-tiers `minSz`/`maxSz`,
 * https://www.okx.com/docs-v5/en/#public-data-rest-api-get-position-tiers; OKX's tier notices list "Max. amount
 * (Cont)" with one maintenance ratio per tier, https://www.okx.com/help/okx-to-adjust-position-tiers-of-perpetual-swaps-2023-05-15;
 * checked 2026-12-04): the tier does not move with price and its ratio applies to the whole position, no deduction.
 * Market data gives them with `tierBasis: 'contracts'` (resolveTierSource in model.ts).
 */
import {venueName} from './catalogue.js';
import {type VenueModel, linearPosition} from './model.js';

export const okxSwap: VenueModel = {
	meta: {
		id: 'okx-swap',
		label: /* @__PURE__ */ venueName('okx-swap'),
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Regular-user perps; secondary source (the OKX fee table renders dynamically):
		// https://character-4725.xlog.app/OKEx-gang-gan-jiao-yi-shou-xu-fei-ji-suan-fang-fa
		takerFeeRate: '0.0005',
		makerFeeRate: '0.0002',
		fundingIntervalHours: '8',
		maxLeverage: '125',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: okxSwap.meta, takerFeeInMaintenance: true}),
};
