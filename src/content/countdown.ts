/**
 * The funding countdown as the panel shows it: whole minutes (`formatCountdown`). It ticks every second on every
 * venue that shows one, so what moves the panel is a new minute, not a new second.
 */
import type {OrderDraft} from '../core/draft.js';
import {formatCountdown} from '../ui/format.js';

/** The countdown as the panel shows it, or its read state. */
export function shownCountdown(draft: OrderDraft): string {
	const field = draft.fundingCountdownSeconds;
	return field.state === 'ok' ? formatCountdown(field.value) : JSON.stringify(field);
}

/**
 * `next` with the countdown of `shown` when both show the same minute: kept, a tick within the minute leaves the shown
 * draft equal on every field the panel reads, and it is not rendered again (mount-panel.tsx).
 */
export function withShownCountdown(next: OrderDraft, shown: OrderDraft | undefined): OrderDraft {
	return shown && next.fundingCountdownSeconds !== shown.fundingCountdownSeconds && shownCountdown(next) === shownCountdown(shown)
		? {...next, fundingCountdownSeconds: shown.fundingCountdownSeconds}
		: next;
}
