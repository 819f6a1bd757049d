import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {DRAFT_WRITE_INTERVAL_MS, keyedThrottle} from '../../../src/background/throttle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('keyedThrottle (per-tab draft writes)', () => {
	test('a flood of drafts from four tabs for 10 s is at most one write per tab per second, the last draft last', () => {
		const writes: [number, number][] = [];
		const throttle = keyedThrottle<number, number>(DRAFT_WRITE_INTERVAL_MS, (tab, value) => writes.push([tab, value]));
		let value = 0;
		// 1 ms apart: ≈ 10,000 drafts per tab in 10 s.
		for (let ms = 0; ms < 10_000; ms++) {
			for (const tab of [1, 2, 3, 4]) throttle.push(tab, ++value);
			vi.advanceTimersByTime(1);
		}
		vi.advanceTimersByTime(DRAFT_WRITE_INTERVAL_MS * 2);
		expect(DRAFT_WRITE_INTERVAL_MS).toBe(1000);
		for (const tab of [1, 2, 3, 4]) {
			const own = writes.filter(([written]) => written === tab);
			expect(own.length).toBeLessThanOrEqual(11);
			expect(own.length).toBeGreaterThanOrEqual(10);
			expect(own.at(-1)![1]).toBe(value - 4 + tab);
		}
	});

	test('a single draft is written at once; a quiet tab writes nothing more', () => {
		const write = vi.fn();
		const throttle = keyedThrottle<number, string>(1000, write);
		throttle.push(7, 'a');
		expect(write).toHaveBeenCalledWith(7, 'a');
		vi.advanceTimersByTime(5000);
		expect(write).toHaveBeenCalledOnce();
		throttle.push(7, 'b');
		expect(write).toHaveBeenLastCalledWith(7, 'b');
	});

	test('forget drops a pending draft (a removed draft is not written back)', () => {
		const write = vi.fn();
		const throttle = keyedThrottle<number, string>(1000, write);
		throttle.push(7, 'a');
		throttle.push(7, 'b');
		throttle.forget(7);
		vi.advanceTimersByTime(5000);
		expect(write).toHaveBeenCalledOnce();
	});
});
