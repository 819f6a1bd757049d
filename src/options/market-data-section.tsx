/**
 * Options: the market-data switch. On (the default), the background fetches the venues' public market parameters
 * (tiers, contract values, funding intervals) and keeps them for 24 h; off, LiqGuard makes no request at all and the
 * figures use the bundled tables or the rate you type, and say so.
 */
import {CheckboxField} from '../ui/components/choice-field.js';

export function MarketDataSection(props: {checked: boolean; onChange: (checked: boolean) => void}) {
	return (
		<section class="card" aria-labelledby="market-data-heading">
			<h2 id="market-data-heading">Market data</h2>
			<CheckboxField
				id="market-data-updates"
				label="Update market data from the exchanges' public APIs"
				checked={props.checked}
				onChange={props.onChange}
				hint="Public tier tables and contract sizes, fetched from OKX, Bybit, Hyperliquid, dYdX and GMX at most once a day per venue. Nothing about you or your orders is sent. Off: no request at all; figures use the bundled tables and say so."
			/>
		</section>
	);
}
