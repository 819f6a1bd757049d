/**
 * A part of the panel rendered again only when one of its inputs changed, compared by identity (`deps`).
 *
 * Why: the panel re-renders at every answer and every funding-countdown tick, about once a second on a live page,
 * and most of it (the figures, the warnings, the assumptions, the source line) depends only on the worker's answer,
 * whose objects the session keeps while the answer repeats (content/session.ts, `answerKey`). `preact/compat`'s
 * `memo` does this too, at the cost of the compat layer in the content script's 40 KB budget.
 */
import {Component, type ComponentChild} from 'preact';

export type MemoProps = {deps: readonly unknown[]; render(): ComponentChild};

export class Memo extends Component<MemoProps> {
	override shouldComponentUpdate(next: MemoProps): boolean {
		const {deps} = this.props;
		return next.deps.length !== deps.length || next.deps.some((dep, index) => dep !== deps[index]);
	}

	override render(): ComponentChild {
		return this.props.render();
	}
}
