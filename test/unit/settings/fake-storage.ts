/**
 * In-memory `storage.sync`/`storage.session` area with the same contract the settings code relies on: values
 * are JSON-cloned on the way in and out (so callers can't mutate stored state), and `onChanged` fires after
 * each write with old and new values, like the browser's per-area event.
 */
import type {StorageAreaLike, StorageChange, StorageChangeListener} from '../../../src/settings/storage-area.js';

export class FakeStorageArea implements StorageAreaLike {
	readonly items = new Map<string, unknown>();
	readonly writes: Record<string, unknown>[] = [];
	private readonly listeners = new Set<StorageChangeListener>();

	readonly onChanged = {
		addListener: (listener: StorageChangeListener) => void this.listeners.add(listener),
		removeListener: (listener: StorageChangeListener) => void this.listeners.delete(listener),
	};

	constructor(initial: Record<string, unknown> = {}) {
		for (const [key, value] of Object.entries(initial)) this.items.set(key, clone(value));
	}

	get listenerCount(): number {
		return this.listeners.size;
	}

	async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
		const wanted = keys === undefined || keys === null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
		const result: Record<string, unknown> = {};
		for (const key of wanted) if (this.items.has(key)) result[key] = clone(this.items.get(key));
		return result;
	}

	async set(items: Record<string, unknown>): Promise<void> {
		this.writes.push(clone(items));
		const changes: Record<string, StorageChange> = {};
		for (const [key, value] of Object.entries(items)) {
			changes[key] = {oldValue: clone(this.items.get(key)), newValue: clone(value)};
			this.items.set(key, clone(value));
		}
		this.emit(changes);
	}

	async remove(keys: string | string[]): Promise<void> {
		const changes: Record<string, StorageChange> = {};
		for (const key of typeof keys === 'string' ? [keys] : keys) {
			if (!this.items.has(key)) continue;
			changes[key] = {oldValue: clone(this.items.get(key))};
			this.items.delete(key);
		}
		if (Object.keys(changes).length > 0) this.emit(changes);
	}

	private emit(changes: Record<string, StorageChange>): void {
		for (const listener of this.listeners) listener(changes);
	}
}

function clone<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
