/**
 * The toolbar badge shows the worst severity on the tab's order form. Tab-specific badge state lives in the
 * browser, not in the worker, so it survives the worker being stopped.
 */
import type {Severity} from '../core/types.js';

export type BadgeApi = {
	setBadgeText(details: {tabId: number; text: string}): Promise<void>;
	setBadgeBackgroundColor(details: {tabId: number; color: string}): Promise<void>;
};

const BADGES: Readonly<Record<Severity, {text: string; color: string}>> = {
	danger: {text: '!', color: '#dc2626'},
	warn: {text: '!', color: '#d97706'},
	info: {text: 'i', color: '#2563eb'},
};

/** Not computed: distinct from every severity, and never the empty (all-clear) badge. */
const UNKNOWN_BADGE = {text: '?', color: '#6b7280'};

export async function showSeverity(action: BadgeApi, tabId: number, worst: Severity | undefined, isIncomplete = false): Promise<void> {
	// A danger outranks "?"; anything milder would understate that a side is not computed.
	if (isIncomplete && worst !== 'danger') {
		await action.setBadgeBackgroundColor({tabId, color: UNKNOWN_BADGE.color});
		await action.setBadgeText({tabId, text: UNKNOWN_BADGE.text});
		return;
	}
	if (worst === undefined) {
		await action.setBadgeText({tabId, text: ''});
		return;
	}
	const badge = BADGES[worst];
	await action.setBadgeBackgroundColor({tabId, color: badge.color});
	await action.setBadgeText({tabId, text: badge.text});
}
