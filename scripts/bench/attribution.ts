/**
 * Bottom-up attribution of a page's main-thread time from a V8 CPU profile (CDP `Profiler.stop`): how much of it ran
 * with LiqGuard's code on the stack, and how much was the garbage collector.
 *
 * Why: the overhead suite's top-down ratio (task time with / without, across tabs) has a 95 % interval of about
 * ±5–8 % on this 2-core host (docs/performance.md), so it cannot tell 1.01 from 1.05. Here the page's time is split
 * within one tab: a sample has a frame of our content script on its stack or not. It names what we spend the time
 * on, by function. Caveats: samples are wall time, so a thread preempted in our code counts the wait as ours (the
 * figure swells with the host's load, as the page's own does; compare shares of the same profile, not ms/s across
 * runs), and a layout our read forces is counted as ours though the frame would have done it anyway. It is not the
 * whole cost either: the style, layout and paint our DOM writes cause later in the frame, and the collection of what
 * we allocate, run with none of our frames on the stack.
 */

/** The parts of a CDP `Profiler.Profile` this reads. */
export type CpuProfile = {
	nodes: {id: number; callFrame: {functionName: string; url: string}; children?: number[]}[];
	samples?: number[];
	timeDeltas?: number[];
	startTime: number;
	endTime: number;
};

export type Attribution = {
	/** Wall time the profile spans, ms. */
	spanMs: number;
	/** Samples with any frame whose script URL `isOurs` accepts: our functions and what they called (DOM, natives). */
	oursMs: number;
	/** `(garbage collector)` samples. */
	gcMs: number;
	/** Everything but `(idle)`: the main thread busy, ours or the page's. */
	busyMs: number;
};

/**
 * Sums each sample's interval (the time to the next sample) by what was on its stack.
 * Samples are attributed by walking from their node up to the root once per node (memoised).
 */
export function attributeProfile(profile: CpuProfile, isOurs: (url: string) => boolean): Attribution {
	const parentOf = new Map<number, number>();
	const byId = new Map<number, CpuProfile['nodes'][number]>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parentOf.set(child, node.id);
	}
	const oursMemo = new Map<number, boolean>();
	const hasOurs = (id: number): boolean => {
		const known = oursMemo.get(id);
		if (known !== undefined) return known;
		const node = byId.get(id);
		const parent = parentOf.get(id);
		const result = node !== undefined && (isOurs(node.callFrame.url) || (parent !== undefined && hasOurs(parent)));
		oursMemo.set(id, result);
		return result;
	};
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	let oursUs = 0;
	let gcUs = 0;
	let busyUs = 0;
	for (let index = 0; index < samples.length; index++) {
		// timeDeltas[i] is the time from sample i−1 to sample i; sample i lasts until sample i+1 (the last one's length
		// is not known and counts 0: one sample in tens of thousands).
		const next = index + 1 < samples.length ? deltas[index + 1]! : 0;
		const durationUs = Math.max(0, next);
		const name = byId.get(samples[index]!)?.callFrame.functionName;
		if (name === '(idle)') continue;
		busyUs += durationUs;
		if (name === '(garbage collector)') gcUs += durationUs;
		else if (hasOurs(samples[index]!)) oursUs += durationUs;
	}
	return {spanMs: (profile.endTime - profile.startTime) / 1000, oursMs: oursUs / 1000, gcMs: gcUs / 1000, busyMs: busyUs / 1000};
}
