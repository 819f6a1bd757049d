/**
 * The slice of `browser.storage.sync` / `.session` the settings code uses. Functions take the area as a
 * parameter, so unit tests run against an in-memory fake and no module here imports webextension-polyfill
 * (importing it outside an extension throws "This script should only be loaded in a browser extension",
 * mozilla/webextension-polyfill 0.12.0 src/browser-polyfill.js).
 */
export type StorageChange = {oldValue?: unknown; newValue?: unknown};
export type StorageChangeListener = (changes: Record<string, StorageChange>) => void;

export type StorageAreaLike = {
	get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
	/** Per-area change event (Chrome 73+, Firefox 101+). */
	onChanged?: {
		addListener(listener: StorageChangeListener): void;
		removeListener(listener: StorageChangeListener): void;
	};
};
