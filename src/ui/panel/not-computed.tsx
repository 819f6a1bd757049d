/**
 * What the panel shows when LiqGuard cannot give figures: per side the engine could not compute, and per field the
 * math needs but cannot use, the reason in a trader's words and what fixes it (src/ui/explain-issue.ts, the same
 * words as the popup). Also the verdict of the header's pill: the ✓ only when every side the form offers was
 * computed and nothing stands.
 */
import {isAllClear, notComputedSeverity} from '../../core/all-clear.js';
import type {Severity, Side, Warning} from '../../core/types.js';
import {type Explanation, explainIssue, explainNeed, renderMessage} from '../explain-issue.js';
import type {PanelView, Translate} from './view.js';
import {viewSide} from './view.js';

export const NOT_COMPUTED_CSS = `
.not-computed { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.not-computed li { border-left: 3px solid var(--muted); padding: 2px 6px; background: var(--chip); border-radius: 0 4px 4px 0; }
.not-computed li[data-severity="danger"] { border-color: var(--danger); }
.not-computed .title { font-weight: 700; display: block; }
.not-computed li[data-severity="danger"] .title { color: var(--danger); }
.not-computed .fix { display: block; color: var(--muted); }
.pill.unknown { background: var(--warn); color: #111; }
`;

type SideProblem = {side: Side; severity: Severity | undefined; explanations: Explanation[]};

/** Sides shown that the engine could not compute, with their reasons. */
export function notComputedOf(view: PanelView): SideProblem[] {
	if (view.state !== 'ready' || !view.assessment) return [];
	const shown = viewSide(view);
	const symbol = view.draft?.symbol.state === 'ok' ? view.draft.symbol.value : undefined;
	const result: SideProblem[] = [];
	for (const side of ['long', 'short'] as const) {
		const assessed = view.assessment[side];
		if ((shown !== 'both' && shown !== side) || !assessed || assessed.ok) continue;
		const explanations = assessed.issues.map(issue => explainIssue(issue, symbol));
		result.push({side, severity: notComputedSeverity(assessed), explanations});
	}
	return result;
}

/**
 * The header pill: danger when any danger stands (a warning, or a side the venue would refuse); '?' while a side
 * is not computed or a needed field is unusable; the worst warning; ✓ only when `isAllClear`.
 */
export function panelPill(view: PanelView, warnings: readonly Warning[]): {className: string; severity?: Severity; text?: string; isClear?: true} {
	if (view.state === 'needs-input') {
		const isUnusable = (view.assessment?.needs ?? []).some(field => view.draft?.[field]?.state !== 'empty');
		return isUnusable ? {className: 'pill unknown', text: '?'} : {className: 'pill'};
	}
	if (view.state !== 'ready') return {className: 'pill'};
	const problems = notComputedOf(view);
	const worst = warnings[0]?.severity;
	if (worst === 'danger' || problems.some(problem => problem.severity === 'danger')) return {className: 'pill danger', severity: 'danger'};
	if (problems.length > 0) return {className: 'pill unknown', text: '?'};
	if (worst !== undefined) return {className: `pill ${worst}`, severity: worst};
	// Without the balance, the margin and the risk to the account are not checked: nothing to call all-clear.
	if (isBalanceUnchecked(view)) return {className: 'pill unknown', text: '?'};
	if (isAllClear(view.assessment, viewSide(view))) return {className: 'pill ok', text: '✓', isClear: true};
	// Computed and quiet, but on parameters that are not facts (a bundled table, a range, an implied or typed rate):
	// an estimate, said as one; the source line says which.
	return isEstimate(view) ? {className: 'pill unknown', text: '≈'} : {className: 'pill unknown', text: '?'};
}

function isEstimate(view: PanelView): boolean {
	const sides = [view.assessment?.long, view.assessment?.short].filter(side => side !== undefined);
	return sides.length > 0 && sides.every(side => side.ok) && sides.some(side => side.ok && !side.assessment.figures.parametersAreFact);
}

function isBalanceUnchecked(view: PanelView): boolean {
	return view.state === 'ready' && view.draft !== undefined && view.draft.balance.state !== 'ok';
}

/** In 'ready' without a balance: what is not checked, and why. */
export function BalanceUncheckedNote({view, t}: {view: PanelView; t: Translate}) {
	if (!isBalanceUnchecked(view)) return null;
	return (
		<ul class="not-computed" data-unchecked="balance">
			<li data-severity="unknown">
				<span class="reason">{t('panel_balance_unchecked')}</span>
			</li>
		</ul>
	);
}

function Explained({explanation, t}: {explanation: Explanation; t: Translate}) {
	return (
		<>
			<span class="reason">{renderMessage(explanation.reason, t)}</span>
			{explanation.fix ? <span class="fix">{t('panel_fix', [renderMessage(explanation.fix, t)])}</span> : null}
		</>
	);
}

/** Per side not computed: "Long: not computed", why, and what fixes it. */
export function NotComputedList({view, t}: {view: PanelView; t: Translate}) {
	const problems = notComputedOf(view);
	if (problems.length === 0) return null;
	const isBoth = viewSide(view) === 'both';
	// Both sides refused for the same reason (a leverage cap, a missing rate) read once, not twice word for word.
	const isSame = problems.length === 2 && JSON.stringify(problems[0]) === JSON.stringify({...problems[1], side: problems[0]!.side});
	const shown: (Omit<SideProblem, 'side'> & {side: Side | 'both'})[] = isSame ? [{...problems[0]!, side: 'both'}] : problems;
	return (
		<ul class="not-computed" role="alert" data-not-computed={problems.map(problem => problem.side).join(' ')}>
			{shown.map(problem => (
				<li key={problem.side} data-side={problem.side} data-severity={problem.severity ?? 'unknown'}>
					<span class="title">
						{problem.severity === 'danger' ? `${t('panel_severity_danger')} · ` : ''}
						{isBoth && problem.side !== 'both' ? t('panel_not_computed', [t(`panel_side_${problem.side}`)]) : t('panel_not_computed_any')}
					</span>
					{problem.explanations.map((explanation, index) => (
						<Explained key={index} explanation={explanation} t={t} />
					))}
				</li>
			))}
		</ul>
	);
}

/** In 'needs-input': each field the math needs, with the parser's reason ("0 is not a size", "uses ','"). */
export function NeedsList({view, t}: {view: PanelView; t: Translate}) {
	if (view.state !== 'needs-input') return null;
	const needs = view.assessment?.needs ?? [];
	if (needs.length === 0) return null;
	return (
		<section aria-label={t('panel_cannot_check')}>
			<p class="quiet">{t('panel_cannot_check')}</p>
			<ul class="not-computed" data-needs={needs.join(' ')}>
				{needs.map(field => (
					<li key={field} data-need={field} data-severity="unknown">
						<Explained explanation={explainNeed(field, view.draft)} t={t} />
					</li>
				))}
			</ul>
		</section>
	);
}

/** In 'error': LiqGuard failed; the order is not held for it (fail open), and nothing reads as checked. */
export function FailOpenNote({view, t}: {view: PanelView; t: Translate}) {
	if (view.state !== 'error') return null;
	return (
		<p class="quiet" data-fail-open="">
			{t('panel_error_fail_open')}
		</p>
	);
}
