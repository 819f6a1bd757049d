/**
 * Binance USDⓈ-M futures. Liquidation (official FAQ formula, one-way single symbol):
 *   LP = (WB − TMM + UPNL + cum − s·Q·E) / (Q·MMR − s·Q)
 * = the shared linear model with M = isolated wallet (isolated) or cross wallet − others' maintenance + others'
 * PnL at mark (cross), D = cum of the bracket at the liquidation notional. No fee term (Binance charges a separate
 * clearance fee on liquidation). Mark price triggers.
 */
import {venueName} from './catalogue.js';
import {type VenueModel, linearPosition} from './model.js';

export const binanceUsdm: VenueModel = {
	meta: {
		id: 'binance-usdm',
		label: /* @__PURE__ */ venueName('binance-usdm'),
		hasCross: true,
		liquidationTrigger: 'mark',
		fundingPrice: 'mark',
		// Regular (VIP 0) rates; secondary source https://babianfox.com/en/kb/binance-futures-fee/ (the official table
		// at https://www.binance.com/en-ZA/support/faq/binance-futures-fee-structure-fee-calculations-360033544231 renders dynamically).
		takerFeeRate: '0.0005',
		makerFeeRate: '0.0002',
		fundingIntervalHours: '8',
		maxLeverage: '125',
	},
	position: (reader, input) => linearPosition(reader, input, {meta: binanceUsdm.meta}),
};
