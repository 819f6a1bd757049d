/**
 * Binance USDⓈ-M futures. Liquidation (official FAQ formula, one-way single symbol):
 *   LP = (WB − TMM + UPNL + cum − s·Q·E) / (Q·MMR − s·Q)
 * = the shared linear model with M = isolated wallet (isolated) or cross wallet − others' maintenance + others'
 * PnL at mark (cross), D = cum of the bracket at the liquidation notional. No fee term (Binance charges a separate
 * clearance fee on liquidation). Mark price triggers.
 */
import {type VenueModel, linearPosition} from './model.js';

export const binanceUsdm: VenueModel = {
	meta: {
		id: 'binance-usdm',
		label: 'Binance USDⓈ-M',
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Regular (VIP 0) rates; secondary source https://babianfox.com/en/kb/binance-futures-fee/ (the official table
		// at https://www.binance.com/en-ZA/support/faq/binance-futures-fee-structure-fee-calculations-360033544231 renders dynamically).
		takerFeeRate: '0.0005',
		makerFeeRate: '0.0002',
		fundingIntervalHours: '8',
		maxLeverage: '125',
		sources: [
			{
				url: 'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93',
				checked: '2026-11-21',
				what: 'liquidation formula, maintenance amount recursion',
			},
			{url: 'https://www.binance.com/en/support/faq/binance-futures-fee-structure-fee-calculations-360033544231', checked: '2026-11-21', what: 'fees'},
			{url: 'https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-Info', checked: '2026-11-21', what: 'funding interval per symbol'},
		],
		isolatedHowTo: 'Click "Cross" at the top of the order form and choose "Isolated" (it applies to this symbol).',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: binanceUsdm.meta}),
};
