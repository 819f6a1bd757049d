/**
 * Aster Pro (order book). Aster defines IM = notional / leverage and MM = notional × MMR − maintenance amount with
 * tiered brackets, and its futures API is Binance-compatible (leverageBracket, positionRisk.liquidationPrice), so the
 * Binance formula is the working assumption: no Aster-published LP formula or example was found
 * (https://www.asterdex.com/en/futures/trading-rules/leverage-and-margin; https://github.com/asterdex/api-docs,
 * aster-finance-futures-api-v3.md).
 * The venue's own estimate on the page is the ground truth to compare against.
 */
import {venueName} from './catalogue.js';
import {type VenueModel, linearPosition} from './model.js';

export const asterPro: VenueModel = {
	meta: {
		id: 'aster-pro',
		label: /* @__PURE__ */ venueName('aster-pro'),
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Secondary source (https://www.bitrue.com/blog/aster-dex-fees-guide), consistent with the official VIP announcement.
		takerFeeRate: '0.00035',
		makerFeeRate: '0.0001',
		fundingIntervalHours: '8',
		maxLeverage: '125',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: asterPro.meta}),
};
