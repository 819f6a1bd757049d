/**
 * The extension APIs the content script calls, taken straight from the browser: `browser` in Firefox, `chrome` in
 * Chromium (both give content scripts the same names for these).
 *
 * Why not webextension-polyfill here, as in the worker, popup and options: every call this script makes is
 * synchronous (`runtime.connect`, `runtime.id`, `i18n.getMessage`, an `onMessage` listener that never replies), and
 * promises are all the polyfill adds. In the content script it cost about 3 KB of the 40 KB gzip budget and a
 * Proxy trap on every call on the page's main thread (the heartbeat's `runtime.id` showed in a CPU profile of a busy
 * page).
 */
import type {PortLike} from '../messaging/port.js';

export type ContentExtensionApi = {
	runtime: {
		/** Throws, or is undefined, once the extension was reloaded, updated or removed under this script. */
		readonly id?: string;
		connect(info: {name: string}): PortLike;
		/** Chromium's reason for the last failed call; Firefox reports a port's on `port.error` instead. */
		readonly lastError?: {message?: string};
		onMessage: {addListener(listener: (message: unknown) => undefined): void; removeListener(listener: (message: unknown) => undefined): void};
	};
	i18n: {getMessage(key: string, substitutions?: string | string[]): string};
};

type Globals = {browser?: ContentExtensionApi; chrome?: ContentExtensionApi};

export const extensionApi: ContentExtensionApi = ((globalThis as Globals).browser ?? (globalThis as Globals).chrome)!;
