/**
 * What the panel shows, as plain data. The content script builds a `PanelView`; `hostAttributes` turns it into
 * the `data-*` contract on the host element that the e2e tests read (dev and test builds), and `Panel` renders it.
 */
import type {DraftAssessment, SideAssessment} from '../../core/assess-draft.js';
import type {OrderDraft} from '../../core/draft.js';
import type {Side, Warning} from '../../core/types.js';
import type {PartKeys, ReminderNotice} from '../../messaging/protocol.js';
import type {MarketNotice} from '../../background/market-data/resolve.js';

export type PanelState = 'reading' | 'ready' | 'needs-input' | 'unreadable' | 'error';

export type GateNotice =
	| {status: 'held'; side: Side | 'both'; warnings: readonly Warning[]}
	| {status: 'armed'; untilMs: number};

export type PanelView = {
	state: PanelState;
	venue: string;
	/** The form as last read; absent before the first read. */
	draft?: OrderDraft;
	/** Present in 'ready' and 'needs-input', always for the current revision. */
	assessment?: DraftAssessment;
	/** Message key of the reason, in 'error'. */
	errorKey?: string;
	gate?: GateNotice;
	/** The isolated-margin reminder, when the background says it shows (cross, enabled, not snoozed). */
	reminder?: ReminderNotice;
	/** Where the market parameters came from (the background's notice), for the source line and the ✓. */
	market?: MarketNotice;
	/** The worker's keys of the warnings, assumptions and source line: a part whose key is unchanged is not rendered again. */
	partKeys?: PartKeys;
	theme: 'dark' | 'light';
};

export type Translate = (key: string, substitutions?: readonly string[]) => string;

/** Side shown in the contract: the draft's side when read, else both. */
export function viewSide(view: PanelView): Side | 'both' {
	const side = view.draft?.side;
	return side?.state === 'ok' ? side.value : 'both';
}

function okValue<T>(read: {state: string; value?: T} | undefined): T | undefined {
	return read?.state === 'ok' ? read.value : undefined;
}

function liquidationOf(side: SideAssessment | undefined): string {
	if (!side?.ok) return '';
	const {liquidation} = side.assessment.figures;
	return liquidation.kind === 'price' ? liquidation.price : '';
}

/** The first side assessed successfully, for figures common to both sides (entry price, quantity). */
function anyFigures(assessment: DraftAssessment | undefined) {
	for (const side of [assessment?.long, assessment?.short]) if (side?.ok) return side.assessment.figures;
	return undefined;
}

/**
 * The host element's `data-*` attributes, the contract the e2e tests read. Plain decimal strings, no grouping; empty
 * when unknown or not applicable. Figures come only from an assessment of the current revision.
 */
export function hostAttributes(view: PanelView): Record<string, string> {
	const {draft, assessment} = view;
	const figures = view.state === 'ready' ? anyFigures(assessment) : undefined;
	const size = okValue(draft?.size);
	const orderType = okValue(draft?.orderType);
	const draftEntry = orderType === 'market' ? okValue(draft?.markPrice) : okValue(draft?.price);
	return {
		'data-liqguard-panel': '',
		'data-state': view.state,
		'data-venue': draft?.venue ?? view.venue,
		'data-symbol': okValue(draft?.symbol) ?? '',
		'data-side': viewSide(view),
		'data-margin-mode': okValue(draft?.marginMode) ?? '',
		'data-leverage': okValue(draft?.leverage) ?? '',
		'data-entry-price': figures?.entryPrice ?? draftEntry ?? '',
		'data-quantity': figures?.quantity ?? (size?.unit === 'base' ? size.value : ''),
		'data-liquidation-price-long': view.state === 'ready' ? liquidationOf(assessment?.long) : '',
		'data-liquidation-price-short': view.state === 'ready' ? liquidationOf(assessment?.short) : '',
		'data-gate': view.gate?.status ?? '',
		// Sides the engine could not compute ('long', 'short' or both), so a test can tell "no figure" from "no side".
		'data-not-computed': view.state === 'ready' ? (assessment?.notComputed ?? []).join(' ') : '',
		// What the engine used (it may be a range or an implied rate the notice cannot know of), else the notice's source.
		'data-market-source': view.state === 'ready' ? (figures?.parameterSource.kind ?? view.market?.source?.kind ?? '') : '',
		// The venue's own figures disagree with our read (core/misread.ts): the figures above are doubtful.
		'data-misread': view.state === 'ready' && (assessment?.misread?.findings.length ?? 0) > 0 ? 'true' : '',
		'data-theme': view.theme,
	};
}
