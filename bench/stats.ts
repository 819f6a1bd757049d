/** The bench's arithmetic: percentiles, a least-squares slope, and bottom-up attribution of a V8 CPU profile. */

export type Stats = {n: number; p50: number; p95: number; max: number};

/** Nearest-rank percentiles (the value at rank ⌈q·n⌉ of the sorted samples). */
export function stats(samples: readonly number[]): Stats {
	const sorted = [...samples].sort((a, b) => a - b);
	const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
	return {n: sorted.length, p50: pick(0.5), p95: pick(0.95), max: sorted.at(-1) ?? Number.NaN};
}

/** Least-squares slope of y over x (0 when x does not vary). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let num = 0;
	let den = 0;
	for (let i = 0; i < n; i++) {
		num += (xs[i]! - mx) * (ys[i]! - my);
		den += (xs[i]! - mx) ** 2;
	}
	return den === 0 ? 0 : num / den;
}

/** The parts of a CDP `Profiler.Profile` this reads. */
export type CpuProfile = {
	nodes: {id: number; callFrame: {functionName: string; url: string}; children?: number[]}[];
	samples?: number[];
	timeDeltas?: number[];
	startTime: number;
	endTime: number;
};

/**
 * Sums each sample's interval by what was on its stack: `oursMs` when any frame's script URL passes `isOurs` (our
 * functions and the natives they called), split in `oursByFunction` by the innermost of our frames; `gcMs` for
 * `(garbage collector)`, `busyMs` for everything but `(idle)`.
 * Samples are wall time: a thread preempted in our code counts the wait as ours. Not in `oursMs`: the style,
 * layout and paint our DOM writes cause later in the frame, and the collection of what we allocate.
 */
export function attributeProfile(profile: CpuProfile, isOurs: (url: string) => boolean): {
	spanMs: number;
	oursMs: number;
	oursByFunction: Record<string, number>;
	gcMs: number;
	busyMs: number;
} {
	const parentOf = new Map<number, number>();
	const byId = new Map<number, CpuProfile['nodes'][number]>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parentOf.set(child, node.id);
	}
	// The innermost frame of ours at or above a node, or null: memoised per node.
	const memo = new Map<number, string | null>();
	const oursAt = (id: number): string | null => {
		const known = memo.get(id);
		if (known !== undefined) return known;
		const node = byId.get(id);
		const parent = parentOf.get(id);
		const result = node === undefined ? null : isOurs(node.callFrame.url) ? node.callFrame.functionName || '(anonymous)' : parent === undefined ? null : oursAt(parent);
		memo.set(id, result);
		return result;
	};
	// No prototype: a function of ours may be named `valueOf` or `toString`.
	const byFunction = Object.create(null) as Record<string, number>;
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	let ours = 0;
	let gc = 0;
	let busy = 0;
	for (let index = 0; index < samples.length; index++) {
		// timeDeltas[i] is the gap before sample i, so sample i lasts deltas[i + 1]; the last one's length is unknown (0).
		const us = Math.max(0, index + 1 < samples.length ? deltas[index + 1]! : 0);
		const name = byId.get(samples[index]!)?.callFrame.functionName;
		if (name === '(idle)') continue;
		busy += us;
		if (name === '(garbage collector)') gc += us;
		else {
			const frame = oursAt(samples[index]!);
			if (frame === null) continue;
			ours += us;
			byFunction[frame] = (byFunction[frame] ?? 0) + us / 1000;
		}
	}
	return {spanMs: (profile.endTime - profile.startTime) / 1000, oursMs: ours / 1000, oursByFunction: byFunction, gcMs: gc / 1000, busyMs: busy / 1000};
}
