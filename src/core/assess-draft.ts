import type {DraftField, OrderDraft} from './draft.js';
import {DEFAULT_ENGINE_SETTINGS, type EngineSettings} from './engine-settings.js';
import type {Assessment, InputIssue} from './types.js';

export type SideAssessment = {ok: true; assessment: Assessment} | {ok: false; issues: readonly InputIssue[]};

export type DraftAssessment = {
	/** 'needs-input': a field the math needs is empty or unread (listed in `needs`). */
	state: 'ready' | 'needs-input';
	/** Fields the math needs that are empty or unread. */
	needs: readonly DraftField[];
	/** One entry per side computed: the draft's side, or both when the side is 'both' or unread. */
	long?: SideAssessment;
	short?: SideAssessment;
};

/** STUB — being implemented (issue 2). */
export function assessDraft(draft: OrderDraft, settings: EngineSettings = DEFAULT_ENGINE_SETTINGS): DraftAssessment {
	void draft;
	void settings;
	return {state: 'needs-input', needs: ['size']};
}
