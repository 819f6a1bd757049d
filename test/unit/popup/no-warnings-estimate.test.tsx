// @vitest-environment happy-dom
/** "No warnings at your thresholds" is an all-clear: never on figures that rest on estimated parameters. */
import {cleanup, render} from '@testing-library/preact';
import {afterEach, expect, test} from 'vitest';
import {WarningList} from '../../../src/popup/results.js';

afterEach(cleanup);

test('no warnings on a documented range or a bundled table: said as an estimate, not as the all-clear', () => {
	const {container} = render(<WarningList warnings={[]} isEstimate />);
	expect(container.textContent).not.toContain('No warnings at your thresholds.');
	expect(container.textContent).toContain('estimated figures');
});

test('no warnings on live parameters: the all-clear', () => {
	const {container} = render(<WarningList warnings={[]} />);
	expect(container.textContent).toBe('No warnings at your thresholds.');
});
