/**
 * The panel's source line: where the maintenance parameters behind the figures came from (live venue data with
 * its age, the bundled table's date, the rate the user typed) and, for a fallback, why it is one.
 */
import type {MarketNotice} from '../../background/market-data/resolve.js';
import {sourceLineText} from '../components/source-line.js';
import type {PanelView, Translate} from './view.js';

/** What the engine used for the figures shown (the first side computed): it may be a fallback the notice cannot know. */
function usedSource(view: PanelView) {
	for (const side of [view.assessment?.long, view.assessment?.short]) if (side?.ok) return side.assessment.figures.parameterSource;
	return undefined;
}

export function SourceLine({notice, view, t, nowMs}: {notice: MarketNotice; view: PanelView; t: Translate; nowMs: number}) {
	const used = usedSource(view);
	return (
		<p class="source" data-market-source={used?.kind ?? notice.source?.kind ?? 'none'} data-market-state={notice.state}>
			{sourceLineText(notice, nowMs, t, used)}
		</p>
	);
}
