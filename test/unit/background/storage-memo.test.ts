import {describe, expect, test} from 'vitest';
import {keyedMemoFromStorage, lastWritten, memoFromStorage} from '../../../src/background/storage-memo.js';

/** A load whose completion the test controls, recording every call. */
function controlledLoads<T>() {
	const calls: {resolve(value: T): void; reject(error: Error): void}[] = [];
	const load = () =>
		new Promise<T>((resolve, reject) => {
			calls.push({resolve, reject});
		});
	return {load, calls};
}

describe('memoFromStorage', () => {
	test('loads once; later and concurrent callers share the value', async () => {
		const {load, calls} = controlledLoads<string>();
		const memo = memoFromStorage(load);
		const first = memo.get();
		const second = memo.get();
		expect(calls).toHaveLength(1);
		calls[0]!.resolve('stored');
		expect(await first).toBe('stored');
		expect(await second).toBe('stored');
		expect(await memo.get()).toBe('stored');
		expect(calls).toHaveLength(1);
	});

	test('invalidate makes the next get load the new value', async () => {
		let stored = 'before';
		const memo = memoFromStorage(async () => stored);
		expect(await memo.get()).toBe('before');
		stored = 'after';
		expect(await memo.get()).toBe('before');
		memo.invalidate();
		expect(await memo.get()).toBe('after');
	});

	test('a load in flight when the key changed is not kept: the next get loads again', async () => {
		const {load, calls} = controlledLoads<string>();
		const memo = memoFromStorage(load);
		const stale = memo.get();
		memo.invalidate(); // storage.onChanged arrives while the first read is in flight
		const fresh = memo.get();
		expect(calls).toHaveLength(2);
		calls[0]!.resolve('old');
		calls[1]!.resolve('new');
		expect(await stale).toBe('old'); // its own caller gets what it read…
		expect(await fresh).toBe('new');
		expect(await memo.get()).toBe('new'); // …but the memo keeps the read that started after the change
		expect(calls).toHaveLength(2);
	});

	test('a failed load is not cached', async () => {
		const {load, calls} = controlledLoads<string>();
		const memo = memoFromStorage(load);
		const failing = memo.get();
		calls[0]!.reject(new Error('storage unavailable'));
		await expect(failing).rejects.toThrow('storage unavailable');
		const retry = memo.get();
		expect(calls).toHaveLength(2);
		calls[1]!.resolve('stored');
		expect(await retry).toBe('stored');
	});
});

describe('keyedMemoFromStorage', () => {
	test('one value per key; invalidating one key leaves the others', async () => {
		const stored = new Map([
			[1, false],
			[2, true],
		]);
		let loads = 0;
		const memo = keyedMemoFromStorage(async (tabId: number) => {
			loads++;
			return stored.get(tabId) ?? false;
		});
		expect(await memo.get(1)).toBe(false);
		expect(await memo.get(2)).toBe(true);
		stored.set(1, true);
		stored.set(2, false);
		memo.invalidate(1);
		expect(await memo.get(1)).toBe(true);
		expect(await memo.get(2)).toBe(true);
		expect(loads).toBe(3);
	});
});

describe('lastWritten', () => {
	test('reports a change only when the value differs from the last one for that key, until forgotten', () => {
		const written = lastWritten<number>();
		expect(written.changed(7, 'danger')).toBe(true);
		expect(written.changed(7, 'danger')).toBe(false);
		expect(written.changed(8, 'danger')).toBe(true);
		expect(written.changed(7, 'warn')).toBe(true);
		written.forget(7);
		expect(written.changed(7, 'warn')).toBe(true);
	});
});
