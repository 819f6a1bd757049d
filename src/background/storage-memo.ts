/**
 * In-memory copies of what the worker reads from storage on every `evaluateDraft`: the parsed settings, a tab's
 * reminder snooze, and (dev builds) the e2e reply delay.
 *
 * Why: reading `storage.sync` and re-validating the settings on each keystroke cost ≈ 0.4 ms of the ≈ 2.5 ms of
 * worker CPU per edit (worker CPU profile, docs/performance.md). The copies are caches, not state: the worker may
 * be stopped at any moment (MV3), and a new one simply loads again on its first message. `storage.onChanged`
 * invalidates them, so a change made in the options page or the popup applies to the next message.
 *
 * A load that was in flight when its key changed must not be cached (it may hold the value from before the
 * change): every invalidation bumps a generation and a load only caches under the generation it started in.
 */

export type Memo<T> = {
	/** The cached value, or a fresh load (shared by concurrent callers). A failed load is not cached. */
	get(): Promise<T>;
	/** Forget the value; the next `get` loads again. */
	invalidate(): void;
};

export function memoFromStorage<T>(load: () => Promise<T>): Memo<T> {
	let generation = 0;
	let pending: {generation: number; promise: Promise<T>} | undefined;
	return {
		get() {
			if (pending && pending.generation === generation) return pending.promise;
			const started = generation;
			const promise = load();
			pending = {generation: started, promise};
			promise.catch(() => {
				if (pending?.promise === promise) pending = undefined;
			});
			return promise;
		},
		invalidate() {
			generation++;
			pending = undefined;
		},
	};
}

/** One memo per key (a tab id), created on first use and dropped with `invalidate(key)`. */
export function keyedMemoFromStorage<K, T>(load: (key: K) => Promise<T>): {get(key: K): Promise<T>; invalidate(key: K): void} {
	const memos = new Map<K, Memo<T>>();
	return {
		get(key) {
			let memo = memos.get(key);
			if (!memo) {
				memo = memoFromStorage(() => load(key));
				memos.set(key, memo);
			}
			return memo.get();
		},
		invalidate(key) {
			memos.get(key)?.invalidate();
			memos.delete(key);
		},
	};
}

/**
 * Skips a write whose value equals the last one written for the same key (per tab badge and prefill draft): the
 * panel re-sends an unchanged draft on each 1 s heartbeat and on mark-price ticks. `forget` after the browser or
 * another context cleared the key (navigation, tab closed, clearBadge).
 */
export function lastWritten<K>(): {changed(key: K, value: string): boolean; forget(key: K): void} {
	const last = new Map<K, string>();
	return {
		changed(key, value) {
			if (last.get(key) === value) return false;
			last.set(key, value);
			return true;
		},
		forget(key) {
			last.delete(key);
		},
	};
}
