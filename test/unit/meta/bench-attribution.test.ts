import {describe, expect, test} from 'vitest';
import {attributeProfile, type CpuProfile} from '../../../scripts/bench/attribution.js';

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

	test('garbage collector and busy time; idle is left out, the last sample has no known length', () => {
		expect(result.gcMs).toBeCloseTo(0.25, 9);
		// pageTick 400 + native 600 + ours 500 + gc 250 + program 2000; both idle samples out.
		expect(result.busyMs).toBeCloseTo(3.75, 9);
		expect(result.spanMs).toBe(6);
	});

	test('another extension\'s or the page\'s code is not ours; an empty profile is zero', () => {
		expect(attributeProfile(profile, url => url.startsWith('chrome-extension://other/')).oursMs).toBe(0);
		expect(attributeProfile({nodes: [frame(1, '(root)')], startTime: 0, endTime: 0}, () => true)).toEqual({spanMs: 0, oursMs: 0, gcMs: 0, busyMs: 0});
	});
});
