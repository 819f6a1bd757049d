// @vitest-environment happy-dom
import {render} from 'preact';
import {afterEach, describe, expect, test} from 'vitest';
import {Memo} from '../../../src/ui/panel/memo.js';

let container: HTMLElement | undefined;
afterEach(() => container?.remove());

describe('Memo: a part rendered again only when an input changed', () => {
	test('same inputs by identity: not rendered again, the DOM kept; a changed input: rendered', () => {
		container = document.createElement('div');
		document.body.append(container);
		const figures = {price: '57,411.7'};
		let renders = 0;
		const show = (deps: unknown[], text: string) =>
			render(
				<Memo
					deps={deps}
					render={() => {
						renders += 1;
						return <p>{text}</p>;
					}}
				/>,
				container!,
			);
		show([figures, 'long'], 'first');
		show([figures, 'long'], 'second');
		expect(renders).toBe(1);
		expect(container.textContent).toBe('first');
		// An equal object that is not the same one counts as changed: identity is the contract.
		show([{...figures}, 'long'], 'third');
		expect(renders).toBe(2);
		expect(container.textContent).toBe('third');
		show([{...figures}, 'short', 'extra'], 'fourth');
		expect(renders).toBe(3);
		expect(container.textContent).toBe('fourth');
	});
});
