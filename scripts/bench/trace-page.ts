/**
 * `npm run bench:trace-page` — what LiqGuard costs the busy page, per trace event: the busy page with LiqGuard's
 * content script and a control tab without it (the overhead suite's control host), each in its own window and
 * renderer, traced together for `--seconds` in each of `--rounds` rounds. For each event name on each tab's main
 * thread it prints ms/s with and without LiqGuard, their difference (median over the rounds), and how many rounds
 * had it higher with LiqGuard; events that only LiqGuard's tab has are the interesting ones.
 *
 *   npm run bench:trace-page [-- --seconds=6 --rounds=4 --top=30]
 *
 * Time nested in an event of the same name (a `Paint` inside a `Paint`) is counted once. An investigation tool
 * for the page-overhead budget (docs/performance.md): it found the IntersectionObserver's per-frame cost
 * (session 6); it prints, it asserts nothing.
 */
import {launchChromium, serveDemo} from '../../test/e2e/harness.js';
import {BUSY_PATH, controlOrigin, openWindow, routeBusy, routeControls, waitForReady} from './chromium.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const seconds = option('seconds', 6);
const rounds = option('rounds', 4);

type TraceEvent = {name: string; ph: string; ts: number; dur?: number; pid: number; tid: number};
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink.user_timing', 'v8'];

/** ms per second of each event name on one thread, time nested in an event of the same name counted once. */
function perSecond(events: readonly TraceEvent[], thread: string, spanUs: number, counts?: Map<string, number>): Map<string, number> {
	const byName = new Map<string, TraceEvent[]>();
	for (const event of events) {
		if (event.ph !== 'X' || `${event.pid}:${event.tid}` !== thread) continue;
		(byName.get(event.name) ?? byName.set(event.name, []).get(event.name)!).push(event);
	}
	const out = new Map<string, number>();
	for (const [name, list] of byName) {
		list.sort((a, b) => a.ts - b.ts);
		let total = 0;
		let coveredUntil = -Infinity;
		for (const event of list) {
			const end = event.ts + (event.dur ?? 0);
			if (end <= coveredUntil) continue;
			if (event.ts >= coveredUntil) counts?.set(name, (counts.get(name) ?? 0) + 1);
			total += end - Math.max(event.ts, coveredUntil);
			coveredUntil = end;
		}
		out.set(name, total / 1000 / (spanUs / 1e6));
	}
	return out;
}

const demo = await serveDemo();
const session = await launchChromium();
const diffs = new Map<string, {ours: number[]; control: number[]; oursCount: number; controlCount: number}>();
try {
	await routeBusy(session.context, demo);
	await routeControls(session.context, demo);
	const opener = session.context.pages()[0] ?? await session.context.newPage();
	for (let round = 0; round < rounds; round++) {
		// The opening order alternates: the window opened last is not always ours.
		const urls = [demo.url(BUSY_PATH), `${controlOrigin(demo, 'a')}${BUSY_PATH}`];
		const pages = round % 2 === 0
			? [await openWindow(session.context, opener, urls[0]!), await openWindow(session.context, opener, urls[1]!)]
			: [await openWindow(session.context, opener, urls[1]!), await openWindow(session.context, opener, urls[0]!)].reverse();
		await waitForReady(pages[0]!);
		await pages[0]!.waitForTimeout(3000); // settle: first reads, panel mount, JIT
		// Tracing is browser-wide, so the session can sit on the blank opener: neither traced tab is the one DevTools is
		// attached to, and both are treated alike (session 10: `Paint` read higher with LiqGuard from either session).
		const cdp = await session.context.newCDPSession(opener);
		const events: TraceEvent[] = [];
		cdp.on('Tracing.dataCollected', event => void events.push(...(event.value as unknown as TraceEvent[])));
		const complete = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.start', {traceConfig: {includedCategories: CATEGORIES}, transferMode: 'ReportEvents'});
		await Promise.all(pages.map((page, index) => page.evaluate(name => performance.mark(name), `lg-tab-${index}`)));
		const startedUs = Date.now() * 1000;
		await pages[0]!.waitForTimeout(seconds * 1000);
		const spanUs = Date.now() * 1000 - startedUs;
		await cdp.send('Tracing.end');
		await complete;
		await cdp.detach();
		const thread = (index: number) => {
			const mark = events.find(event => event.name === `lg-tab-${index}`);
			return mark ? `${mark.pid}:${mark.tid}` : '';
		};
		const [oursCounts, controlCounts] = [new Map<string, number>(), new Map<string, number>()];
		const [ours, control] = [perSecond(events, thread(0), spanUs, oursCounts), perSecond(events, thread(1), spanUs, controlCounts)];
		for (const name of new Set([...ours.keys(), ...control.keys()])) {
			const entry = diffs.get(name) ?? diffs.set(name, {ours: [], control: [], oursCount: 0, controlCount: 0}).get(name)!;
			entry.ours.push(ours.get(name) ?? 0);
			entry.control.push(control.get(name) ?? 0);
			entry.oursCount += oursCounts.get(name) ?? 0;
			entry.controlCount += controlCounts.get(name) ?? 0;
		}
		console.log(`round ${round + 1}: RunTask ${(ours.get('ThreadControllerImpl::RunTask') ?? 0).toFixed(1)} ms/s with LiqGuard, ${(control.get('ThreadControllerImpl::RunTask') ?? 0).toFixed(1)} without`);
		for (const page of pages) await page.close();
	}
} finally {
	await session.close();
	await demo.close();
}

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rows = [...diffs].map(([name, {ours, control, oursCount, controlCount}]) => ({
	oursCount,
	controlCount,
	name,
	ours: median(ours),
	control: median(control),
	diff: median(ours.map((value, index) => value - control[index]!)),
	higher: ours.filter((value, index) => value > control[index]!).length,
	onlyOurs: control.every(value => value === 0),
})).filter(row => row.ours >= 0.05 || row.control >= 0.05).sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
console.log(`\nper event, ms/s on the page's main thread (median of ${rounds} rounds of ${seconds} s)`);
console.log(`${'event'.padEnd(58)} ${'with'.padStart(8)} ${'without'.padStart(8)} ${'diff'.padStart(8)}  higher with  count with/without (all rounds)`);
for (const row of rows.slice(0, option('top', 30))) {
	const counts = `${row.oursCount}/${row.controlCount}`;
	console.log(`${row.name.slice(0, 58).padEnd(58)} ${row.ours.toFixed(2).padStart(8)} ${row.control.toFixed(2).padStart(8)} ${row.diff.toFixed(2).padStart(8)}  ${`${row.higher}/${rounds}`.padEnd(11)}  ${counts}${row.onlyOurs ? '  (only with LiqGuard)' : ''}`);
}
