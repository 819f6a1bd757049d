/**
 * Input → panel in Chromium: the time from an edit of the order form's size field to LiqGuard's panel showing
 * the answer for it, with the service worker warm (quiet demo page and busy page) and cold.
 */
import {BUSY_PATH, SIZE_SELECTOR, openWindow, waitForPanel, type Server, type Session} from './harness.js';
import {stats, type Stats} from './stats.js';

/** An edit with no answer within this is counted at this value, so it lands in the p95 rather than vanishing. */
const LIMIT_MS = 3000;
type EditArgs = {count: number; selector: string; offset: number; gapMs: [number, number]; limitMs: number};

/**
 * In the page: `count` edits, each a new size and an `input` event, timed from just before the dispatch to the
 * MutationObserver callback that sees the panel host `ready` with this size and both liquidation prices. Edits are
 * 15–35 ms apart (random phase against the frame clock) and never overlap.
 */
function editScript(args: EditArgs): Promise<{samples: number[]; timeouts: number}> {
	const host = document.querySelector('[data-liqguard-panel]') as HTMLElement;
	const input = document.querySelector(args.selector) as HTMLInputElement;
	const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
	const samples: number[] = [];
	let timeouts = 0;
	return (async () => {
		for (let i = 0; i < args.count; i++) {
			let n = 101 + ((args.offset + i) * 7) % 899; // 0.101 … 0.999, no trailing zero, never the previous value
			if (n % 10 === 0) n += 1;
			const size = `0.${n}`;
			await sleep(args.gapMs[0] + Math.random() * (args.gapMs[1] - args.gapMs[0]));
			let observer: MutationObserver | undefined;
			const done = new Promise<number>(resolve => {
				observer = new MutationObserver(() => {
					if (host.getAttribute('data-state') === 'ready' && host.getAttribute('data-quantity') === size
						&& (host.getAttribute('data-liquidation-price-long') ?? '') !== '' && (host.getAttribute('data-liquidation-price-short') ?? '') !== '') resolve(performance.now());
				});
				observer.observe(host, {attributes: true});
			});
			const start = performance.now();
			input.value = size;
			input.dispatchEvent(new Event('input', {bubbles: true}));
			const end = await Promise.race([done, sleep(args.limitMs).then(() => -1)]);
			observer?.disconnect();
			if (end < 0) timeouts += 1;
			samples.push(end < 0 ? args.limitMs : end - start);
		}
		return {samples, timeouts};
	})();
}

export type LatencyResult = {quiet: Stats; busy: Stats; cold: Stats; timeouts: number};

export async function latencySuite(session: Session, server: Server, options: {edits: number; coldRuns: number}): Promise<LatencyResult> {
	const run = async (page: import('playwright-core').Page, count: number, offset: number, gapMs: [number, number]) =>
		page.evaluate(editScript, {count, selector: SIZE_SELECTOR, offset, gapMs, limitMs: LIMIT_MS});
	const warm = async (url: string, offset: number) => {
		const {page, cdp} = await openWindow(session.context, url);
		await waitForPanel(page);
		// Isolated margin: both liquidation prices exist for every size (in cross, a small order on the demo wallet has none).
		await page.click('[data-testid="margin-mode"]');
		await run(page, 30, offset + 500, [15, 35]); // warm-up
		return {page, cdp, result: await run(page, options.edits, offset, [15, 35])};
	};
	const quiet = await warm(`${server.origin}/demo/?tick=0`, 0);
	// Cold: stop the worker (as Chrome does after 30 s idle), let it go, then one edit.
	await quiet.cdp.send('ServiceWorker.enable');
	const cold: number[] = [];
	let coldTimeouts = 0;
	for (let index = 0; index < options.coldRuns; index++) {
		await quiet.cdp.send('ServiceWorker.stopAllWorkers');
		await quiet.page.waitForTimeout(400);
		const one = await run(quiet.page, 1, 300 + index * 13, [0, 1]);
		cold.push(...one.samples);
		coldTimeouts += one.timeouts;
		await quiet.page.waitForTimeout(100);
	}
	await quiet.page.close();
	const busy = await warm(`${server.origin}${BUSY_PATH}`, 100);
	await busy.page.close();
	return {quiet: stats(quiet.result.samples), busy: stats(busy.result.samples), cold: stats(cold), timeouts: quiet.result.timeouts + busy.result.timeouts + coldTimeouts};
}
