import {describe, expect, test} from 'vitest';
import {attributeProfile, slope, stats, type CpuProfile} from '../../../bench/stats.js';

const frame = (id: number, functionName: string, url = '', children: number[] = []) => ({id, callFrame: {functionName, url}, children});
const OURS = 'chrome-extension://abc/content.js';

/*
 * root ─┬ (idle) 2
 *       ├ (garbage collector) 3
 *       ├ pageTick 4 (page script) ── ourObserver 5 (ours) ── getBoundingClientRect 6 (native, no url)
 *       └ (program) 7
 * A sample lasts until the next one (timeDeltas[i] is the gap before sample i).
 */
const profile: CpuProfile = {
	nodes: [
		frame(1, '(root)', '', [2, 3, 4, 7]),
		frame(2, '(idle)'),
		frame(3, '(garbage collector)'),
		frame(4, 'pageTick', 'https://exchange.example/app.js', [5]),
		frame(5, 'ourObserver', OURS, [6]),
		frame(6, 'getBoundingClientRect'),
		frame(7, '(program)'),
	],
	samples: [2, 4, 6, 5, 3, 7, 2],
	timeDeltas: [0, 1000, 400, 600, 500, 250, 2000],
	startTime: 0,
	endTime: 6000,
};

describe('attributeProfile (bench: what ran with our code on the stack)', () => {
	const result = attributeProfile(profile, url => url.startsWith('chrome-extension://abc/'));

	test('a sample counts as ours when any frame on its stack is ours, natives it called included', () => {
		// Sample 2 (native under ours) lasts 600 µs, sample 3 (ours) 500 µs; sample 1 (page only) is not ours.
		expect(result.oursMs).toBeCloseTo(1.1, 9);
	});

	test('our time is split by the innermost of our frames on the stack', () => {
		expect(Object.keys(result.oursByFunction)).toEqual(['ourObserver']);
		expect(result.oursByFunction.ourObserver).toBeCloseTo(1.1, 9);
	});

	test('a function of ours named like an Object member (valueOf, toString) gets a number, not the member', () => {
		const named: CpuProfile = {...profile, nodes: profile.nodes.map(node => (node.id === 5 ? {...node, callFrame: {...node.callFrame, functionName: 'valueOf'}} : node))};
		const byFunction = attributeProfile(named, url => url.startsWith('chrome-extension://abc/')).oursByFunction;
		expect(byFunction.valueOf).toBeCloseTo(1.1, 9);
	});

	test('garbage collector and busy time; idle is left out, the last sample has no known length', () => {
		expect(result.gcMs).toBeCloseTo(0.25, 9);
		// pageTick 400 + native 600 + ours 500 + gc 250 + program 2000; both idle samples out.
		expect(result.busyMs).toBeCloseTo(3.75, 9);
		expect(result.spanMs).toBe(6);
	});

	test('another extension\'s or the page\'s code is not ours; an empty profile is zero', () => {
		expect(attributeProfile(profile, url => url.startsWith('chrome-extension://other/')).oursMs).toBe(0);
		expect(attributeProfile({nodes: [frame(1, '(root)')], startTime: 0, endTime: 0}, () => true)).toEqual({spanMs: 0, oursMs: 0, oursByFunction: {}, gcMs: 0, busyMs: 0});
	});
});

describe('stats and slope (bench: percentiles and heap trend)', () => {
	test('nearest-rank percentiles: the value at rank ceil(q·n), whatever the input order', () => {
		// 1…20 shuffled: p50 is the 10th value, p95 the 19th.
		const samples = [7, 3, 20, 1, 15, 9, 12, 2, 18, 5, 11, 4, 16, 8, 19, 6, 13, 10, 17, 14];
		expect(stats(samples)).toEqual({n: 20, p50: 10, p95: 19, max: 20});
		expect(stats([4.5])).toEqual({n: 1, p50: 4.5, p95: 4.5, max: 4.5});
	});

	test('no samples give NaN, never a figure', () => {
		const empty = stats([]);
		expect(empty.n).toBe(0);
		expect(Number.isNaN(empty.p50) && Number.isNaN(empty.p95) && Number.isNaN(empty.max)).toBe(true);
	});

	test('least-squares slope: exact on a line, the fit through noise, 0 when x does not vary', () => {
		expect(slope([0, 1, 2, 3], [5, 7, 9, 11])).toBeCloseTo(2, 12);
		// (0,0) (1,1) (2,1) (3,3): mean x 1.5, mean y 1.25; Σ(dx·dy) = 4.5, Σdx² = 5 → 0.9.
		expect(slope([0, 1, 2, 3], [0, 1, 1, 3])).toBeCloseTo(0.9, 12);
		expect(slope([2, 2, 2], [1, 5, 9])).toBe(0);
	});
});
