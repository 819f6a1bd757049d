/**
 * A click as the browser makes it for the user's own input. happy-dom has no `isTrusted` (and a page's `.click()`
 * or `dispatchEvent` is untrusted in a real browser), so a test that stands for the user marks its event trusted.
 */
import {act} from '@testing-library/preact';

export function trustedClick(element: Element): void {
	const event = new MouseEvent('click', {bubbles: true, cancelable: true, composed: true, button: 0});
	Object.defineProperty(event, 'isTrusted', {value: true});
	act(() => {
		element.dispatchEvent(event);
	});
}
