/**
 * Input → panel in Chromium: the time from an edit of the order form's size field to LiqGuard's panel showing
 * the answer for it, with the service worker warm (quiet demo page and busy page) and cold.
 */
import {BUSY_PATH, SIZE_SELECTOR, openWindow, waitForPanel, type Server, type Session} from './harness.js';
import type {Page} from 'playwright-core';
import {stats, type Stats} from './stats.js';

/** An edit with no answer within this is counted at this value, so it lands in the p95 rather than vanishing. */
const LIMIT_MS = 3000;
type Armed = {size: string; limitMs: number};

/**
 * In the page: arm one edit. A window capture listener (first on the event's path) stamps the user's `input` event
 * as it arrives; a MutationObserver stamps the panel host `ready` with this size and both liquidation prices.
 * The promise is kept on `window`, so the edit can be typed from outside and its time collected after.
 */
function armScript(args: Armed): void {
	const host = document.querySelector('[data-liqguard-panel]') as HTMLElement;
	const holder = window as unknown as {liqguardBenchEdit?: Promise<number>};
	holder.liqguardBenchEdit = new Promise<number>(resolve => {
		let start: number | undefined;
		const onInput = () => {
			start ??= performance.now();
		};
		window.addEventListener('input', onInput, {capture: true, once: true});
		const observer = new MutationObserver(() => {
			if (start !== undefined && host.getAttribute('data-state') === 'ready' && host.getAttribute('data-quantity') === args.size
				&& (host.getAttribute('data-liquidation-price-long') ?? '') !== '' && (host.getAttribute('data-liquidation-price-short') ?? '') !== '') {
				observer.disconnect();
				resolve(performance.now() - start);
			}
		});
		observer.observe(host, {attributes: true});
		setTimeout(() => {
			observer.disconnect();
			window.removeEventListener('input', onInput, {capture: true});
			resolve(-1);
		}, args.limitMs);
	});
}

/**
 * `count` edits of the size field, each a new value typed as the user types it: a trusted `input` event (Playwright's
 * `fill`, CDP `Input.insertText`), since LiqGuard reads a user's own edit at once and a page-made event a frame later.
 * Timed in the page from the event's arrival to the panel's answer; 15–35 ms apart (random phase against the frame
 * clock), never overlapping.
 */
async function edits(page: Page, count: number, offset: number, gapMs: [number, number]): Promise<{samples: number[]; timeouts: number}> {
	const samples: number[] = [];
	let timeouts = 0;
	for (let i = 0; i < count; i++) {
		let n = 101 + ((offset + i) * 7) % 899; // 0.101 … 0.999, no trailing zero, never the previous value
		if (n % 10 === 0) n += 1;
		const size = `0.${n}`;
		await page.waitForTimeout(gapMs[0] + Math.random() * (gapMs[1] - gapMs[0]));
		await page.evaluate(armScript, {size, limitMs: LIMIT_MS});
		await page.fill(SIZE_SELECTOR, size);
		const elapsed = await page.evaluate(() => (window as unknown as {liqguardBenchEdit: Promise<number>}).liqguardBenchEdit);
		if (elapsed < 0) timeouts += 1;
		samples.push(elapsed < 0 ? LIMIT_MS : elapsed);
	}
	return {samples, timeouts};
}

export type LatencyResult = {quiet: Stats; busy: Stats; cold: Stats; timeouts: number};

export async function latencySuite(session: Session, server: Server, options: {edits: number; coldRuns: number}): Promise<LatencyResult> {
	const run = (page: Page, count: number, offset: number, gapMs: [number, number]) => edits(page, count, offset, gapMs);
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
