/**
 * Panel actions run only for the user's own input. A page script that reaches a button of ours (a shadow root
 * handed out by a custom element it defined first, a future leak) can still call `.click()` or dispatch events on
 * it; those events have `isTrusted === false` and are ignored here, so the page cannot acknowledge the gate, snooze
 * the reminder or collapse the panel for the user.
 * https://dom.spec.whatwg.org/#dom-event-istrusted
 */
export function onTrusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
	return event => {
		if (event.isTrusted) handler(event);
	};
}
