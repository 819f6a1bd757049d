/**
 * The Chromium suites of `npm run bench` (issue 6): input → panel (warm and cold worker), page overhead on the
 * busy fixture page with vs without the extension, and heap over a long churn (`--long`).
 *
 * Everything is timed in the page with `performance.now()` or read from CDP; nothing here is asserted in `npm test`.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {BrowserContext, CDPSession, Page} from 'playwright-core';
import {attributeProfile, type Attribution, type CpuProfile} from './attribution.js';
import {ROOT, launchChromium, serveDemo, type DemoServer} from '../../test/e2e/harness.js';

export const BUSY_PAGE = join(ROOT, 'test/bench-pages/busy.html');
/** The demo adapter matches http://localhost/demo/*; the busy page is served at the demo's trade route. */
export const BUSY_PATH = '/demo/futures/BTCUSDT';
/**
 * The busy page at LiqGuard's host on a path its content script does not match (the demo adapter matches
 * `/demo/*`): the overhead suite's `hostAA` arm, where "with" differs from the controls only by its host.
 */
export const HOST_AA_PATH = '/bench-aa/futures/BTCUSDT';
export const SIZE_SELECTOR = 'input[id^="unitAmount-"]';

export type Stats = {n: number; p50: number; p95: number; min: number; max: number; mean: number};

export function stats(samples: readonly number[]): Stats {
	const sorted = [...samples].sort((a, b) => a - b);
	const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
	return {
		n: sorted.length,
		p50: pick(0.5),
		p95: pick(0.95),
		min: sorted[0] ?? Number.NaN,
		max: sorted.at(-1) ?? Number.NaN,
		mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
	};
}

/** Least-squares slope of y over x. */
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

/**
 * Resolves when LiqGuard's panel host has an answer. Polled inside the page by a plain `page.evaluate`, which every
 * tab of the comparative suites gets anyway (`snapshot`, the long-task observer), not by `page.waitForFunction`:
 * that one loads Playwright's injected script (≈ 0.5 MB of heap: its source, compiled code and objects) into the
 * page for good, and only LiqGuard's tab waited for a panel. Session 11 found the page heaps differing by 1,650 KB
 * with it and 1,155 KB without (twice each): the overhead and memory suites charged Playwright's script to LiqGuard.
 */
export async function waitForReady(page: Page, timeoutMs = 10_000): Promise<void> {
	await page.evaluate(limitMs => new Promise<void>((resolve, reject) => {
		const started = performance.now();
		const poll = () => {
			const state = document.querySelector('[data-liqguard-panel]')?.getAttribute('data-state');
			if (state === 'needs-input' || state === 'ready') resolve();
			else if (performance.now() - started > limitMs) reject(new Error(`LiqGuard's panel had no answer within ${limitMs} ms`));
			else setTimeout(poll, 50);
		};
		poll();
	}), timeoutMs);
}

/**
 * In the page: `count` edits of the size field, each a new value + an `input` event, timed from just before the
 * dispatch to the MutationObserver callback that sees the host `ready` with this size and a liquidation price.
 * Edits are spaced 15–35 ms apart (random phase against the frame clock) and never overlap. With `mark`, each edit
 * also leaves `performance.mark`s `lg-edit-N` and `lg-done-N` (for `npm run bench:trace`).
 */
export type EditArgs = {count: number; selector: string; offset: number; gapMs: number[]; mark?: boolean};

export function editScript(args: EditArgs): Promise<{samples: number[]; reads: number[]; timeouts: number}> {
	const host = document.querySelector('[data-liqguard-panel]') as HTMLElement;
	const input = document.querySelector(args.selector) as HTMLInputElement;
	const samples: number[] = [];
	const reads: number[] = [];
	let timeouts = 0;
	const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
	return (async () => {
		for (let i = 0; i < args.count; i++) {
			// 0.101 … 0.999 without a trailing zero, never the previous value.
			let n = 101 + ((args.offset + i) * 7) % 899;
			if (n % 10 === 0) n += 1;
			const size = `0.${n}`;
			await sleep(args.gapMs[0]! + Math.random() * (args.gapMs[1]! - args.gapMs[0]!));
			let observer: MutationObserver | undefined;
			let readAt = -1;
			const done = new Promise<number>(resolve => {
				observer = new MutationObserver(() => {
					// The content script has read the new draft: the host shows this size, not yet 'ready'.
					if (readAt < 0 && host.getAttribute('data-quantity') === size && host.getAttribute('data-state') !== 'ready') readAt = performance.now();
					if (
						host.getAttribute('data-state') === 'ready' &&
						host.getAttribute('data-quantity') === size &&
						(host.getAttribute('data-liquidation-price-long') ?? '') !== '' &&
						(host.getAttribute('data-liquidation-price-short') ?? '') !== ''
					) resolve(performance.now());
				});
				observer.observe(host, {attributes: true});
			});
			const start = performance.now();
			if (args.mark) performance.mark(`lg-edit-${i}`);
			input.value = size;
			input.dispatchEvent(new Event('input', {bubbles: true}));
			const end = await Promise.race([done, sleep(3000).then(() => -1)]);
			observer?.disconnect();
			if (args.mark && end >= 0) performance.mark(`lg-done-${i}`);
			if (end < 0) timeouts += 1;
			else {
				samples.push(end - start);
				if (readAt >= 0) reads.push(readAt - start);
			}
		}
		return {samples, reads, timeouts};
	})();
}

export async function routeBusy(context: BrowserContext, demo: DemoServer): Promise<void> {
	// tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; page.evaluate ships their source as is.
	await context.addInitScript('globalThis.__name = globalThis.__name || (f => f)');
	const body = readFileSync(BUSY_PAGE, 'utf8');
	await context.route(new RegExp(`^${demo.origin.replace(/[.]/g, '\\.')}(${BUSY_PATH}|${HOST_AA_PATH})`), route =>
		route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body}));
}

/** Full Chromium version (the user agent string is reduced to 156.0.0.0). */
export async function browserVersion(context: BrowserContext, page: Page): Promise<string> {
	const cdp = await context.newCDPSession(page);
	const {product} = (await cdp.send('Browser.getVersion')) as {product: string};
	await cdp.detach();
	return product.replace(/^\w+\//, '');
}

export type LatencyResult = {warm: Stats; warmRead: Stats; warmBusy: Stats; warmBusyRead: Stats; cold: Stats; timeouts: number; chromium: string};

/** Input → panel, warm worker (quiet demo page and busy page) and cold worker (after ServiceWorker.stopAllWorkers). */
export async function latencySuite(options: {edits: number; coldRuns: number; log(line: string): void}): Promise<LatencyResult> {
	const demo = await serveDemo();
	const session = await launchChromium();
	try {
		await routeBusy(session.context, demo);
		const page = await session.context.newPage();
		const chromiumVersion = await browserVersion(session.context, page);
		// Quiet demo page (no ticking), warm worker.
		await page.goto(demo.url('/demo/?tick=0'));
		await waitForReady(page);
		// Isolated: both liquidation prices exist for every size (in cross, a small order on a 10,000 USDT wallet has none).
		await page.click('[data-testid="margin-mode"]');
		await page.evaluate<Awaited<ReturnType<typeof editScript>>, EditArgs>(editScript, {count: 30, selector: SIZE_SELECTOR, offset: 500, gapMs: [15, 35]}); // warm-up
		const warm = await page.evaluate<Awaited<ReturnType<typeof editScript>>, EditArgs>(editScript, {count: options.edits, selector: SIZE_SELECTOR, offset: 0, gapMs: [15, 35]});
		options.log(`  input→panel warm (quiet page): ${warm.samples.length} edits, ${warm.timeouts} timeouts`);

		// Cold: stop the worker, let it go, then one edit.
		const cdp = await session.context.newCDPSession(page);
		await cdp.send('ServiceWorker.enable');
		const cold: number[] = [];
		let coldTimeouts = 0;
		for (let run = 0; run < options.coldRuns; run++) {
			await cdp.send('ServiceWorker.stopAllWorkers');
			await page.waitForTimeout(400);
			const one = await page.evaluate<Awaited<ReturnType<typeof editScript>>, EditArgs>(editScript, {count: 1, selector: SIZE_SELECTOR, offset: 300 + run * 13, gapMs: [0, 1]});
			cold.push(...one.samples);
			coldTimeouts += one.timeouts;
			await page.waitForTimeout(100);
		}
		await cdp.detach();
		options.log(`  input→panel cold: ${cold.length} runs, ${coldTimeouts} timeouts`);

		// Busy page (order book and trades at 50 Hz, ticking mark price), warm worker.
		await page.goto(demo.url(BUSY_PATH));
		await waitForReady(page);
		await page.click('[data-testid="margin-mode"]');
		await page.evaluate<Awaited<ReturnType<typeof editScript>>, EditArgs>(editScript, {count: 30, selector: SIZE_SELECTOR, offset: 700, gapMs: [15, 35]});
		const busy = await page.evaluate<Awaited<ReturnType<typeof editScript>>, EditArgs>(editScript, {count: options.edits, selector: SIZE_SELECTOR, offset: 100, gapMs: [15, 35]});
		options.log(`  input→panel warm (busy page): ${busy.samples.length} edits, ${busy.timeouts} timeouts`);
		return {
			warm: stats(warm.samples),
			warmRead: stats(warm.reads),
			warmBusy: stats(busy.samples),
			warmBusyRead: stats(busy.reads),
			cold: stats(cold),
			timeouts: warm.timeouts + busy.timeouts + coldTimeouts,
			chromium: chromiumVersion,
		};
	} finally {
		await session.close();
		await demo.close();
	}
}

/** Main-thread time of one tab over a round (ms, thread time): all tasks, and of it script, layout and style recalculation. */
type OverheadRun = {script: number; task: number; layout: number; style: number; longTasks: number; longTaskMs: number; ticks: number};

type Tab = {page: Page; cdp: CDPSession};

/**
 * A control host: the same busy page from the same server, at a host name LiqGuard has no content script for
 * (Chromium resolves every `*.localhost` to the loopback address; the demo adapter matches `localhost` only).
 * Each control tab gets its own site, so its own renderer process: two tabs of one site share a process, and
 * the CDP metrics are the process's main thread, so each read twice the work (measured, session 3).
 */
export function controlOrigin(demo: DemoServer, name: 'a' | 'b'): string {
	return demo.origin.replace('//localhost:', `//bench-control-${name}.localhost:`);
}

/**
 * Each tab in a window of its own: `context.newPage()` opens tabs in one window, where only the last one is
 * visible and renders frames (the hidden ones did half the task time — measured, session 3). A popup opened by
 * `window.open` with a window feature gets its own window, and in headless Chromium every window is visible.
 */
/** The control hosts serve the same bytes as the demo's: the busy page itself, or the demo's script and style. */
export async function routeControls(context: BrowserContext, demo: DemoServer): Promise<void> {
	const controls = `^${controlOrigin(demo, 'a').replace(/[.]/g, '\\.').replace('control-a', 'control-[ab]')}/demo/`;
	await context.route(new RegExp(controls), async route => {
		const url = new URL(route.request().url());
		if (url.pathname.startsWith(BUSY_PATH)) return route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(BUSY_PAGE, 'utf8')});
		return route.fulfill({response: await route.fetch({url: demo.url(url.pathname)})});
	});
}

/** A page in a window of its own (see openTab). */
export async function openWindow(context: BrowserContext, opener: Page, url: string): Promise<Page> {
	const [page] = await Promise.all([
		context.waitForEvent('page'),
		opener.evaluate(target => void window.open(target, '_blank', 'popup,width=1280,height=860'), url),
	]);
	await page.waitForLoadState('load');
	return page;
}

async function openTab(context: BrowserContext, opener: Page, url: string, withExtension: boolean): Promise<Tab> {
	const page = await openWindow(context, opener, url);
	if (withExtension) await waitForReady(page);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable', {timeDomain: 'threadTicks'});
	await page.evaluate(() => {
		const w = window as unknown as {__longTasks: number[]};
		w.__longTasks = [];
		new PerformanceObserver(list => {
			for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
		}).observe({type: 'longtask'});
	});
	return {page, cdp};
}

async function snapshot(tab: Tab) {
	const {metrics} = (await tab.cdp.send('Performance.getMetrics')) as {metrics: {name: string; value: number}[]};
	const get = (name: string) => metrics.find(item => item.name === name)?.value ?? Number.NaN;
	const page = await tab.page.evaluate(() => {
		const w = window as unknown as {__benchTicks: number; __longTasks: number[]};
		return {ticks: w.__benchTicks, longTasks: [...w.__longTasks]};
	});
	return {script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000, layout: get('LayoutDuration') * 1000, style: get('RecalcStyleDuration') * 1000, ...page};
}

/**
 * One round: three tabs of the busy page in the same browser (ours loaded), measured over the same window — one
 * at the demo's host, where LiqGuard's content script runs, and two at the control host, where it does not.
 * Each tab is its own renderer process, so the page's main thread is measured alone, and a burst of load from
 * elsewhere on the machine hits all three alike. The two control tabs give the method's own noise (A/A).
 */
async function overheadRound(
	context: BrowserContext,
	demo: DemoServer,
	seconds: number,
	query: string,
	order: readonly number[],
	hostAA = false,
	floor = false,
): Promise<{with: OverheadRun; control: [OverheadRun, OverheadRun]}> {
	const urls = [demo.url((hostAA ? HOST_AA_PATH : BUSY_PATH) + query), `${controlOrigin(demo, 'a')}${BUSY_PATH}${query}`, `${controlOrigin(demo, 'b')}${BUSY_PATH}${query}`];
	const tabs: Tab[] = [];
	try {
		const opened = new Map<number, Tab>();
		const opener = context.pages()[0] ?? await context.newPage();
		for (const index of order) opened.set(index, await openTab(context, opener, urls[index]!, index === 0 && !hostAA && !floor));
		for (let index = 0; index < 3; index++) tabs.push(opened.get(index)!);
		await tabs[0]!.page.waitForTimeout(3000); // settle: first reads, panel mount, JIT
		const before = await Promise.all(tabs.map(snapshot));
		await tabs[0]!.page.waitForTimeout(seconds * 1000);
		const after = await Promise.all(tabs.map(snapshot));
		const delta = (index: number): OverheadRun => {
			const longTasks = after[index]!.longTasks.slice(before[index]!.longTasks.length);
			return {
				script: after[index]!.script - before[index]!.script,
				task: after[index]!.task - before[index]!.task,
				layout: after[index]!.layout - before[index]!.layout,
				style: after[index]!.style - before[index]!.style,
				longTasks: longTasks.length,
				longTaskMs: longTasks.reduce((a, b) => a + b, 0),
				ticks: after[index]!.ticks - before[index]!.ticks,
			};
		};
		return {with: delta(0), control: [delta(1), delta(2)]};
	} finally {
		for (const tab of tabs) await tab.page.close();
	}
}

/** The profiled round: LiqGuard's tab and one control, each with V8's sampling profiler (scripts/bench/attribution.ts). */
export type AttributionResult = {
	seconds: number;
	samplingIntervalUs: number;
	with: Attribution & {taskMs: number};
	control: Attribution & {taskMs: number};
};

/**
 * One more round after the ratio rounds, not counted in them (the profiler's own cost would bias the ratio): the busy
 * page with LiqGuard and a control tab, both profiled over the same `seconds`. Reports the time with LiqGuard's
 * code on the main thread's stack, and each tab's garbage collector and main-thread task time.
 */
async function attributionRound(context: BrowserContext, demo: DemoServer, extensionId: string, seconds: number, query: string, profileDir?: string): Promise<AttributionResult> {
	const samplingIntervalUs = 100;
	const tabs: Tab[] = [];
	try {
		const opener = context.pages()[0] ?? await context.newPage();
		tabs.push(await openTab(context, opener, demo.url(BUSY_PATH + query), true));
		tabs.push(await openTab(context, opener, `${controlOrigin(demo, 'a')}${BUSY_PATH}${query}`, false));
		await tabs[0]!.page.waitForTimeout(3000);
		for (const tab of tabs) {
			await tab.cdp.send('Profiler.enable');
			await tab.cdp.send('Profiler.setSamplingInterval', {interval: samplingIntervalUs});
		}
		await Promise.all(tabs.map(tab => tab.cdp.send('Profiler.start')));
		const before = await Promise.all(tabs.map(snapshot));
		await tabs[0]!.page.waitForTimeout(seconds * 1000);
		const after = await Promise.all(tabs.map(snapshot));
		const profiles = await Promise.all(tabs.map(async tab => ((await tab.cdp.send('Profiler.stop')) as {profile: CpuProfile}).profile));
		const ours = (url: string) => url.startsWith(`chrome-extension://${extensionId}/`);
		// For Chrome DevTools' Performance panel or any .cpuprofile viewer: where the time went, by function.
		if (profileDir) for (const [index, profile] of profiles.entries()) writeFileSync(join(profileDir, `overhead-${index === 0 ? 'with' : 'control'}.cpuprofile`), JSON.stringify(profile));
		const of = (index: number) => ({...attributeProfile(profiles[index]!, ours), taskMs: after[index]!.task - before[index]!.task});
		return {seconds, samplingIntervalUs, with: of(0), control: of(1)};
	} finally {
		for (const tab of tabs) await tab.page.close();
	}
}

export type OverheadResult = {
	seconds: number;
	/** Absent for the --host-aa and --floor arms (no LiqGuard to attribute). */
	attribution?: AttributionResult;
	pairs: number;
	with: OverheadRun;
	/** Both control tabs summed (twice the tab-seconds of `with`). */
	without: OverheadRun;
	taskRatio: number;
	scriptRatio: number;
	layoutRatio: number;
	styleRatio: number;
	/** Control tab B over control tab A: what the method reads when nothing differs (ideally 1). */
	noiseTaskRatio: number;
	pairRatios: number[];
	/** Control tab B over control tab A, per round: the spread the method has when nothing differs. */
	noisePairRatios: number[];
};

const perTick = (run: OverheadRun, metric: 'task' | 'script' | 'layout' | 'style') => run[metric] / run.ticks;

/**
 * The floor of the overhead method: an extension whose content script is empty, matched where LiqGuard's is
 * (`http://localhost/demo/*`), with an empty service worker. Chromium still gives the page an isolated world for
 * it (its own global object, DOM wrappers and bindings in the page's heap). What the floor reads over the controls
 * is what any content script costs the page in this method, before it does anything; LiqGuard's ratio over the
 * floor's is what its work adds.
 */
export function floorExtension(): string {
	return benchExtension({id: 'floor', name: 'LiqGuard bench floor (empty content script)', matches: ['http://localhost/demo/*'], worker: '// empty: the bench floor\n', content: '// empty: the bench floor\n'});
}

/**
 * A generated MV3 extension for a bench arm that is not LiqGuard (the floor, the transport suite): a service worker
 * and one content script, in a new temporary directory (the caller removes it). Returns the directory.
 */
export function benchExtension(options: {id: string; name: string; matches: readonly string[]; worker: string; content: string}): string {
	const dir = mkdtempSync(join(tmpdir(), `liqguard-${options.id}-`));
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
		manifest_version: 3,
		name: options.name,
		version: '1.0.0',
		background: {service_worker: 'worker.js'},
		content_scripts: [{matches: options.matches, js: ['content.js'], run_at: 'document_idle'}],
	}));
	writeFileSync(join(dir, 'worker.js'), options.worker);
	writeFileSync(join(dir, 'content.js'), options.content);
	return dir;
}

/**
 * Busy page for `seconds` in three tabs (ours + two controls), `pairs` rounds, opening order rotated. `hostAA`: the
 * first tab at LiqGuard's host but with no content script (HOST_AA_PATH), to check that the host alone reads 1.
 * `floor`: the browser loads the empty extension of `floorExtension()` instead of LiqGuard (the method's floor).
 */
export async function overheadSuite(options: {
	seconds: number;
	pairs: number;
	query?: string;
	hostAA?: boolean;
	floor?: boolean;
	/** Where the attribution round's two CPU profiles are written (`--save-profiles=DIR`); not kept when absent. */
	profileDir?: string;
	log(line: string): void;
}): Promise<OverheadResult> {
	const demo = await serveDemo();
	const floorDir = options.floor ? floorExtension() : undefined;
	const session = await launchChromium(floorDir ? {extensionDir: floorDir} : {});
	const sum = (runs: OverheadRun[]): OverheadRun => runs.reduce((a, b) => ({
		script: a.script + b.script, task: a.task + b.task, layout: a.layout + b.layout, style: a.style + b.style, longTasks: a.longTasks + b.longTasks, longTaskMs: a.longTaskMs + b.longTaskMs, ticks: a.ticks + b.ticks,
	}));
	const withRuns: OverheadRun[] = [];
	const controlA: OverheadRun[] = [];
	const controlB: OverheadRun[] = [];
	const orders = [[0, 1, 2], [1, 2, 0], [2, 0, 1]] as const;
	let attribution: AttributionResult | undefined;
	try {
		await routeBusy(session.context, demo);
		await routeControls(session.context, demo);
		for (let round = 0; round < options.pairs; round++) {
			const run = await overheadRound(session.context, demo, options.seconds, options.query ?? '', orders[round % orders.length]!, options.hostAA, options.floor);
			withRuns.push(run.with);
			controlA.push(run.control[0]);
			controlB.push(run.control[1]);
			for (const [label, arm] of [['with     ', run.with], ['control A', run.control[0]], ['control B', run.control[1]]] as const) {
				options.log(`  overhead ${label} #${round + 1}: task ${arm.task.toFixed(0)} ms, script ${arm.script.toFixed(0)} ms, layout ${arm.layout.toFixed(0)} ms, style ${arm.style.toFixed(0)} ms, ${arm.longTasks} long tasks, ${arm.ticks} churn ticks`);
			}
		}
		if (!options.hostAA && !options.floor) {
			options.log(`  attribution round (${options.seconds} s, V8 sampling profiler on LiqGuard's tab and one control) …`);
			attribution = await attributionRound(session.context, demo, session.extensionId, options.seconds, options.query ?? '', options.profileDir);
		}
	} finally {
		await session.close();
		await demo.close();
		if (floorDir) rmSync(floorDir, {recursive: true, force: true});
	}
	const withSum = sum(withRuns);
	const withoutSum = sum([...controlA, ...controlB]);
	const aSum = sum(controlA);
	const bSum = sum(controlB);
	return {
		seconds: options.seconds,
		...(attribution ? {attribution} : {}),
		pairs: options.pairs,
		with: withSum,
		without: withoutSum,
		// Per churn tick: under load setInterval drops ticks, and a tab that did less page work must not look cheaper.
		taskRatio: perTick(withSum, 'task') / perTick(withoutSum, 'task'),
		scriptRatio: perTick(withSum, 'script') / perTick(withoutSum, 'script'),
		layoutRatio: perTick(withSum, 'layout') / perTick(withoutSum, 'layout'),
		styleRatio: perTick(withSum, 'style') / perTick(withoutSum, 'style'),
		noiseTaskRatio: perTick(bSum, 'task') / perTick(aSum, 'task'),
		pairRatios: withRuns.map((run, index) => perTick(run, 'task') / perTick(sum([controlA[index]!, controlB[index]!]), 'task')),
		noisePairRatios: controlB.map((run, index) => perTick(run, 'task') / perTick(controlA[index]!, 'task')),
	};
}

/**
 * The first minute is warm-up, not a trend: the first reads, the panel's first render, JIT code and the message
 * templates land there once (≈ +200 KB in the page in the first 30 s, flat after). The budget applies to the slope
 * of the samples from this minute on (`steadySlopePerMin`); the whole-run slope is reported beside it.
 */
export const WARM_UP_MINUTES = 1;

type HeapSeries = {first: number; last: number; slopePerMin: number; steadySlopePerMin: number};

function series<S extends {t: number}>(samples: readonly S[], at: (sample: S) => number): HeapSeries {
	const steady = samples.filter(sample => sample.t >= WARM_UP_MINUTES);
	return {
		first: at(samples[0]!),
		last: at(samples.at(-1)!),
		slopePerMin: slope(samples.map(sample => sample.t), samples.map(at)),
		steadySlopePerMin: steady.length >= 2 ? slope(steady.map(sample => sample.t), steady.map(at)) : Number.NaN,
	};
}

export type MemoryResult = {
	minutes: number;
	page: HeapSeries;
	/** The same busy page in a browser without the extension, sampled at the same moments: the page's own trend. */
	pageWithout: HeapSeries;
	/**
	 * The same two heaps less V8's compiled code (heap-snapshot nodes of type "code": bytecode, machine code and
	 * its metadata). Code is not what a leak is made of: it is a cache V8 fills when it optimises a hot function
	 * and empties when it flushes cold bytecode. Its one large fill — ≈ +100 KB of optimised code when the
	 * once-a-second read, assess and render paths have run ≈ 500 times, 8–8.5 minutes in, in the page and the
	 * worker at once — was the whole of the "trend" four 10-minute runs measured (session 4, heap snapshots).
	 */
	pageObjects: HeapSeries;
	pageWithoutObjects: HeapSeries;
	worker: (HeapSeries & {restarts: number}) | undefined;
	chromium: string;
	samples: {t: number; page: number; pageWithout: number; pageCode: number; pageWithoutCode: number; worker?: number}[];
};

/** Sends one CDP command to another target over a page session (Target.sendMessageToTarget, non-flat). */
function targetCaller(cdp: CDPSession, sessionId: string) {
	let nextId = 1;
	const waiting = new Map<number, (value: unknown) => void>();
	cdp.on('Target.receivedMessageFromTarget', (event: {sessionId: string; message: string}) => {
		if (event.sessionId !== sessionId) return;
		const message = JSON.parse(event.message) as {id?: number; result?: unknown};
		if (message.id !== undefined) waiting.get(message.id)?.(message.result);
	});
	return (method: string, params: object = {}) => new Promise<unknown>((resolve, reject) => {
		const id = nextId++;
		waiting.set(id, resolve);
		setTimeout(() => reject(new Error(`${method} timed out`)), 5000);
		void cdp.send('Target.sendMessageToTarget', {sessionId, message: JSON.stringify({id, method, params})});
	});
}

/**
 * What a heap holds, by kind: self sizes from a full heap snapshot (CDP `HeapProfiler.takeHeapSnapshot`), summed per
 * node type, and per type + name for objects, closures, code and arrays — enough to tell a step of compiled code
 * (JIT) from objects that pile up (a leak). Only with `--heap-snapshots`: a snapshot takes ≈ 0.1–0.5 s in the page.
 */
async function heapSummary(session: CDPSession): Promise<Map<string, number>> {
	const chunks: string[] = [];
	const onChunk = (event: {chunk: string}) => void chunks.push(event.chunk);
	session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
	try {
		await session.send('HeapProfiler.takeHeapSnapshot', {reportProgress: false});
	} finally {
		session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
	}
	const snapshot = JSON.parse(chunks.join('')) as {
		snapshot: {meta: {node_fields: string[]; node_types: [string[], ...unknown[]]}};
		nodes: number[];
		strings: string[];
	};
	const fields = snapshot.snapshot.meta.node_fields;
	const types = snapshot.snapshot.meta.node_types[0];
	const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map(field => fields.indexOf(field)) as [number, number, number];
	const byKind = new Map<string, number>();
	const bump = (key: string, size: number) => byKind.set(key, (byKind.get(key) ?? 0) + size);
	for (let at = 0; at < snapshot.nodes.length; at += fields.length) {
		const type = types[snapshot.nodes[at + typeAt]!]!;
		const size = snapshot.nodes[at + sizeAt]!;
		bump(`${type} (all)`, size);
		if (['object', 'closure', 'code', 'array', 'hidden', 'native'].includes(type)) {
			bump(`${type}: ${snapshot.strings[snapshot.nodes[at + nameAt]!]!.slice(0, 60)}`, size);
		}
	}
	return byKind;
}

/** Bytes of compiled code (snapshot nodes of type "code") in a heap summary. */
const codeBytes = (summary: Map<string, number>) => summary.get('code (all)') ?? 0;

/** The kinds that grew most from `before` to `after`, as "kind +N B" (largest first). */
export function heapGrowth(before: Map<string, number>, after: Map<string, number>, top = 8): string[] {
	const keys = new Set([...before.keys(), ...after.keys()]);
	return [...keys]
		.map(key => ({key, delta: (after.get(key) ?? 0) - (before.get(key) ?? 0)}))
		.filter(entry => entry.delta !== 0)
		.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
		.slice(0, top)
		.map(entry => `${entry.key} ${entry.delta > 0 ? '+' : ''}${entry.delta} B`);
}

/** `minutes` of churn on the busy page with the extension; page and worker heap (after GC) every `everySeconds`. */
export async function memorySuite(options: {
	minutes: number;
	everySeconds: number;
	log(line: string): void;
	/** Log what grew in the page's heap between samples, by kind (from the heap snapshots every sample takes). */
	heapSnapshots?: boolean;
	chromiumArgs?: readonly string[];
}): Promise<MemoryResult> {
	const demo = await serveDemo();
	const session = await launchChromium({extraArgs: options.chromiumArgs ?? []});
	try {
		// The page without LiqGuard is a control tab in the same browser (see overheadRound).
		await routeBusy(session.context, demo);
		await routeControls(session.context, demo);
		const opener = session.context.pages()[0] ?? await session.context.newPage();
		const page = await openWindow(session.context, opener, demo.url(BUSY_PATH));
		await waitForReady(page);
		const cdp = await session.context.newCDPSession(page);
		const basePage = await openWindow(session.context, opener, `${controlOrigin(demo, 'a')}${BUSY_PATH}`);
		// The same Playwright footprint in both heaps: waitForReady's page.evaluate installs Playwright's small
		// evaluation helper in LiqGuard's tab; one evaluate installs it in the control tab too.
		await basePage.evaluate(() => document.readyState);
		const baseCdp = await session.context.newCDPSession(basePage);
		const heap = async (session: CDPSession) => {
			await session.send('HeapProfiler.collectGarbage');
			return ((await session.send('Runtime.getHeapUsage')) as {usedSize: number}).usedSize;
		};
		const workerHeap = async (): Promise<{used: number; targetId: string} | undefined> => {
			try {
				const {targetInfos} = (await cdp.send('Target.getTargets')) as {targetInfos: {targetId: string; type: string; url: string}[]};
				const target = targetInfos.find(info => info.type === 'service_worker' && info.url.includes(session.extensionId));
				if (!target) return undefined;
				const {sessionId} = (await cdp.send('Target.attachToTarget', {targetId: target.targetId, flatten: false})) as {sessionId: string};
				const call = targetCaller(cdp, sessionId);
				await call('HeapProfiler.collectGarbage');
				const usage = (await call('Runtime.getHeapUsage')) as {usedSize: number};
				await cdp.send('Target.detachFromTarget', {sessionId});
				return {used: usage.usedSize, targetId: target.targetId};
			} catch (error) {
				options.log(`  worker heap unavailable: ${(error as Error).message}`);
				return undefined;
			}
		};
		const samples: MemoryResult['samples'] = [];
		let previousSummary: Map<string, number> | undefined;
		const workerIds = new Set<string>();
		const started = Date.now();
		const total = options.minutes * 60_000;
		for (;;) {
			const [usedSize, usedWithout] = await Promise.all([heap(cdp), heap(baseCdp)]);
			// A snapshot of each tab, for the compiled code in it (it runs its own GC first: nothing else is counted).
			const [summary, summaryWithout] = await Promise.all([heapSummary(cdp), heapSummary(baseCdp)]);
			const worker = await workerHeap();
			if (worker) workerIds.add(worker.targetId);
			const t = (Date.now() - started) / 60_000;
			samples.push({t, page: usedSize, pageWithout: usedWithout, pageCode: codeBytes(summary), pageWithoutCode: codeBytes(summaryWithout), ...(worker ? {worker: worker.used} : {})});
			options.log(`  heap t=${t.toFixed(1)} min: page ${(usedSize / 1e6).toFixed(3)} MB (without the extension ${(usedWithout / 1e6).toFixed(3)} MB), worker ${worker ? (worker.used / 1e6).toFixed(3) + ' MB' : 'n/a'}`);
			options.log(`    compiled code: page ${(codeBytes(summary) / 1e6).toFixed(3)} MB (without the extension ${(codeBytes(summaryWithout) / 1e6).toFixed(3)} MB)`);
			if (options.heapSnapshots && previousSummary) options.log(`    page heap, grew since the last sample: ${heapGrowth(previousSummary, summary).join('; ')}`);
			previousSummary = summary;
			if (Date.now() - started >= total) break;
			await page.waitForTimeout(Math.min(options.everySeconds * 1000, total - (Date.now() - started)));
		}
		const workerSamples = samples.filter(sample => sample.worker !== undefined);
		return {
			minutes: options.minutes,
			chromium: await browserVersion(session.context, page),
			samples,
			page: series(samples, sample => sample.page),
			pageWithout: series(samples, sample => sample.pageWithout),
			pageObjects: series(samples, sample => sample.page - sample.pageCode),
			pageWithoutObjects: series(samples, sample => sample.pageWithout - sample.pageWithoutCode),
			worker: workerSamples.length >= 2
				? {...series(workerSamples, sample => sample.worker!), restarts: workerIds.size - 1}
				: undefined,
		};
	} finally {
		await session.close();
		await demo.close();
	}
}
