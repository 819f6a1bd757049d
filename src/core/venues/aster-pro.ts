/**
 * Aster Pro (order book). Aster defines IM = notional / leverage and MM = notional × MMR − maintenance amount with
 * tiered brackets, and its futures API is Binance-compatible (leverageBracket, positionRisk.liquidationPrice), so the
 * Binance formula is the working assumption: no Aster-published LP formula or example was found
 * (https://www.asterdex.com/en/futures/trading-rules/leverage-and-margin; https://github.com/asterdex/api-docs,
 * aster-finance-futures-api-v3.md).
 * The venue's own estimate on the page is the ground truth to compare against.
 */
import {type VenueModel, linearPosition} from './model.js';

export const asterPro: VenueModel = {
	meta: {
		id: 'aster-pro',
		label: 'Aster Pro',
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Secondary source (https://www.bitrue.com/blog/aster-dex-fees-guide), consistent with the official VIP announcement.
		takerFeeRate: '0.00035',
		makerFeeRate: '0.0001',
		fundingIntervalHours: '8',
		maxLeverage: '125',
		sources: [
			{url: 'https://www.asterdex.com/en/futures/trading-rules/leverage-and-margin', checked: '2026-11-21', what: 'IM and MM definitions'},
			{url: 'https://github.com/asterdex/api-docs', checked: '2026-11-21', what: 'Binance-compatible leverageBracket / positionRisk'},
			{url: 'https://docs.asterdex.com/product/asterex-pro/pro-fees', checked: '2026-11-21', what: 'fees (page content not captured)'},
		],
		isolatedHowTo: 'Click the margin-mode button ("Cross") above the order form and choose "Isolated".',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: asterPro.meta}),
};
