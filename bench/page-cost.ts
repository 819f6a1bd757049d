/**
 * What LiqGuard costs the busy page, bottom-up: V8's sampling profiler on the page's main thread, and the time with
 * a frame of our content script on the stack. One tab, so no comparison across tabs whose noise (±5 % on a 2-core
 * host) is larger than the budget. A lower bound: see `attributeProfile` for what it leaves out.
 */
import {BUSY_PATH, openWindow, waitForPanel, type Server, type Session} from './harness.js';
import {attributeProfile, stats, type CpuProfile} from './stats.js';

const SAMPLING_US = 100;

export type PageCostResult = {oursMsPerS: number[]; sharePercent: number[]; gcMsPerS: number[]; busyMsPerS: number[]; byFunction: Record<string, number>};

/**
 * `size`: typed into the form first (as a user does), so the panel holds figures and each mark tick asks the worker
 * and renders the new distance to liquidation; without it the form waits for its size, as a trade page often does.
 */
export async function pageCostSuite(session: Session, server: Server, options: {rounds: number; seconds: number; size?: string}): Promise<PageCostResult> {
	const result: PageCostResult = {oursMsPerS: [], sharePercent: [], gcMsPerS: [], busyMsPerS: [], byFunction: Object.create(null) as Record<string, number>};
	const isOurs = (url: string) => url.startsWith(`chrome-extension://${session.extensionId}/`);
	for (let round = 0; round < options.rounds; round++) {
		const {page, cdp} = await openWindow(session.context, `${server.origin}${BUSY_PATH}`);
		try {
			await waitForPanel(page);
			if (options.size !== undefined) await page.fill('input[id^="unitAmount-"]', options.size);
			await page.waitForTimeout(3000); // first reads, the panel's first render, JIT
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', {interval: SAMPLING_US});
			await cdp.send('Profiler.start');
			await page.waitForTimeout(options.seconds * 1000);
			const {profile} = (await cdp.send('Profiler.stop')) as {profile: CpuProfile};
			const parts = attributeProfile(profile, isOurs);
			const seconds = parts.spanMs / 1000;
			result.oursMsPerS.push(parts.oursMs / seconds);
			result.sharePercent.push((100 * parts.oursMs) / parts.busyMs);
			result.gcMsPerS.push(parts.gcMs / seconds);
			result.busyMsPerS.push(parts.busyMs / seconds);
			// Our functions' time over all rounds, ms/s, to say where the cost goes.
			for (const [name, ms] of Object.entries(parts.oursByFunction)) result.byFunction[name] = (result.byFunction[name] ?? 0) + ms / seconds / options.rounds;
		} finally {
			await page.close();
		}
	}
	return result;
}

export const median = (values: readonly number[]) => stats(values).p50;
