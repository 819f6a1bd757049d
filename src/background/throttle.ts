/**
 * Per-key trailing throttle: the first value of a key is written at once, later ones at most once per `intervalMs`,
 * the latest value winning. The per-tab draft (the popup's prefill in `storage.session`) goes through it: a page
 * that floods its form with changes (synthetic input events in four tabs made ≈ 7,400 writes in 10 s) costs at
 * most one write per tab per interval, and the last draft is always the one stored.
 */
export const DRAFT_WRITE_INTERVAL_MS = 1000;

export type KeyedThrottle<K, V> = {
	push(key: K, value: V): void;
	/** Drops the key's pending value and window (the tab closed, navigated, or its draft was removed). */
	forget(key: K): void;
};

export function keyedThrottle<K, V>(intervalMs: number, write: (key: K, value: V) => void): KeyedThrottle<K, V> {
	const windows = new Map<K, {timer: ReturnType<typeof setTimeout>; pending?: {value: V}}>();
	const open = (key: K) => {
		const entry: {timer: ReturnType<typeof setTimeout>; pending?: {value: V}} = {
			timer: setTimeout(() => {
				const {pending} = entry;
				if (!pending) {
					windows.delete(key);
					return;
				}
				write(key, pending.value);
				open(key);
			}, intervalMs),
		};
		windows.set(key, entry);
	};
	return {
		push(key, value) {
			const entry = windows.get(key);
			if (entry) {
				entry.pending = {value};
				return;
			}
			write(key, value);
			open(key);
		},
		forget(key) {
			const entry = windows.get(key);
			if (entry) clearTimeout(entry.timer);
			windows.delete(key);
		},
	};
}
