/** The panel's view of the worker's answer to a read of the form. */
import type {OrderDraft} from '../core/draft.js';
import type {EvaluateDraftResult} from '../messaging/protocol.js';
import type {PanelView} from '../ui/panel/view.js';

/**
 * `answer` as the panel shows it with `draft`. The same answer as the one shown (the worker's `answerKey`) keeps the
 * shown objects (`answer` in the result), so the panel's parts that depend on them only (`Memo` in panel.tsx) are not
 * rendered again.
 */
export function answerView(
	result: EvaluateDraftResult,
	shownAnswer: EvaluateDraftResult | undefined,
	base: Pick<PanelView, 'venue' | 'theme'> & {draft: OrderDraft},
): {answer: EvaluateDraftResult; view: PanelView} {
	const answer = result.answerKey !== undefined && result.answerKey === shownAnswer?.answerKey ? shownAnswer : result;
	const {assessment} = answer;
	const view: PanelView = {state: assessment.state === 'ready' ? 'ready' : 'needs-input', ...base, assessment};
	if (answer.reminder) view.reminder = answer.reminder;
	if (answer.market) view.market = answer.market;
	if (answer.partKeys) view.partKeys = answer.partKeys;
	return {answer, view};
}
