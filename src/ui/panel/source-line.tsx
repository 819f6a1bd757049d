/**
 * The panel's source line: where the maintenance parameters behind the figures came from (live venue data with
 * its age, the bundled table's date, the rate the user typed) and, for a fallback, why it is one.
 */
import type {MarketNotice} from '../../background/market-data/resolve.js';
import {sourceLineText} from '../components/source-line.js';
import type {Translate} from './view.js';

export function SourceLine({notice, t, nowMs}: {notice: MarketNotice; t: Translate; nowMs: number}) {
	return (
		<p class="source" data-market-source={notice.source?.kind ?? 'none'} data-market-state={notice.state}>
			{sourceLineText(notice, nowMs, t)}
		</p>
	);
}
