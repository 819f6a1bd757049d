/**
 * `npm run bench:trace` — where an edit's input → panel time goes, from a Chromium trace (not a sampling profile):
 * for a few edits on the quiet demo page (or the busy one), every task on the page's main thread between the edit's
 * `input` event and the panel showing the answer, with its start offset, its duration and its main slices. Gaps
 * between tasks are time the page's thread waited: for the worker, for IPC, for the scheduler. (The service worker's
 * thread is listed when it emits events in these categories; with Chromium 156 it did not, session 4.)
 *
 *   npm run bench:trace [-- --edits=N --busy]            trace mode: tasks per edit, with their main slices
 *   npm run bench:trace [-- --edits=200 --marks]         no trace: medians of `performance.mark('lg-…')` offsets
 *
 * `--marks` reports marks named `lg-…` that you add by hand to the code under study (session.ts, the worker) for
 * the investigation; none are left in the extension (a mark is a timeline entry the page keeps).
 *
 * An investigation tool for the latency budget (docs/performance.md); it prints, it asserts nothing.
 */
import {launchChromium, serveDemo} from '../../test/e2e/harness.js';
import {BUSY_PATH, SIZE_SELECTOR, editScript, routeBusy, waitForReady, type EditArgs} from './chromium.js';

const argv = process.argv.slice(2);
const edits = Number(argv.find(arg => arg.startsWith('--edits='))?.slice(8) ?? 8);
const busy = argv.includes('--busy');

type TraceEvent = {name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>};

const CATEGORIES = [
	'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing',
	'ipc', 'mojom', 'renderer.scheduler', 'ServiceWorker', 'extensions',
].join(',');

const demo = await serveDemo();
const session = await launchChromium();
try {
	await routeBusy(session.context, demo);
	const page = await session.context.newPage();
	await page.goto(demo.url(busy ? BUSY_PATH : '/demo/?tick=0'));
	await waitForReady(page);
	// Isolated: both liquidation prices exist for every size (as in the latency suite).
	await page.click('[data-testid="margin-mode"]');
	// The latency suite's edits, 60 ms apart so that one edit's work never runs into the next one's in the trace.
	const run = async (count: number, mark: boolean) => (await page.evaluate<Awaited<ReturnType<typeof editScript>>, EditArgs>(
		editScript, {count, selector: SIZE_SELECTOR, offset: 0, gapMs: [60, 60], mark})).samples;
	await run(40, false); // warm-up
	if (argv.includes('--marks')) {
		// No trace: the content script's own performance marks (temporary instrumentation), medians over many edits.
		await page.evaluate(() => performance.clearMarks());
		const times = await run(edits, true);
		const phases = await page.evaluate(() => {
			const all = performance.getEntriesByType('mark').map(entry => ({name: entry.name, t: entry.startTime}));
			const out: Record<string, number[]> = {};
			for (let i = 0; ; i++) {
				const start = all.find(mark => mark.name === `lg-edit-${i}`);
				const end = all.find(mark => mark.name === `lg-done-${i}`);
				if (!start) break;
				if (!end) continue; // no answer within 3 s
				const seen = new Set<string>();
				for (const mark of all) {
					if (mark.t < start.t || mark.t > end.t || /^lg-(edit|done)-/.test(mark.name)) continue;
					const name = seen.has(mark.name) ? `${mark.name}#2` : mark.name;
					seen.add(mark.name);
					(out[name] ??= []).push(mark.t - start.t);
				}
			}
			return out;
		});
		const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
		console.log(`edits: ${times.length}, input → panel median ${median(times).toFixed(2)} ms`);
		for (const [name, values] of Object.entries(phases).sort((a, b) => median(a[1]) - median(b[1]))) {
			console.log(`  ${name.padEnd(24)} median +${median(values).toFixed(2)} ms (n=${values.length})`);
		}
		process.exit(0);
	}
	const cdp = await session.context.newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', event => void events.push(...(event.value as unknown as TraceEvent[])));
	const complete = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
	await cdp.send('Tracing.start', {traceConfig: {includedCategories: CATEGORIES.split(','), recordMode: 'recordAsMuchAsPossible'}, transferMode: 'ReportEvents'});
	const times = await run(edits, true);
	await cdp.send('Tracing.end');
	await complete;

	const threadNames = new Map<string, string>();
	for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, String(event.args?.name));
	const marks = events.filter(event => event.cat.includes('blink.user_timing') && event.name.startsWith('lg-')).sort((a, b) => a.ts - b.ts);
	const firstEdit = marks.find(event => event.name.startsWith('lg-edit-'));
	const pageThread = firstEdit ? `${firstEdit.pid}:${firstEdit.tid}` : '';
	const workerMark = marks.find(event => event.name.startsWith('lg-w-'));
	if (workerMark) threadNames.set(`${workerMark.pid}:${workerMark.tid}`, 'ServiceWorker (marks)');
	const workerThreads = [...threadNames].filter(([, name]) => /ServiceWorker/i.test(name)).map(([key]) => key);
	const markAt = (name: string) => marks.find(event => event.name === name)?.ts;
	const label = (key: string) => key === pageThread ? 'page' : workerThreads.includes(key) ? 'worker' : threadNames.get(key) ?? key;
	const watched = new Set([pageThread, ...workerThreads]);
	const complete_ = events.filter(event => event.ph === 'X' && watched.has(`${event.pid}:${event.tid}`));
	if (argv.includes('--threads')) console.log([...threadNames].map(([key, name]) => `${key}=${name}`).join('\n'));
	console.log(`page thread ${pageThread}, worker threads ${workerThreads.join(', ') || 'none found'}; ${events.length} trace events`);
	console.log(`edit times (ms): ${times.map(time => time.toFixed(1)).join(' ')}`);
	for (let i = 0; i < edits; i++) {
		const start = markAt(`lg-edit-${i}`);
		const end = markAt(`lg-done-${i}`);
		if (start === undefined || end === undefined) continue;
		console.log(`\nedit ${i}: ${((end - start) / 1000).toFixed(2)} ms`);
		const inner = marks.filter(event => event.ts >= start && event.ts <= end && !/^lg-(edit|done)-/.test(event.name));
		if (inner.length > 0) console.log(`  marks: ${inner.map(event => `${event.name} +${((event.ts - start) / 1000).toFixed(2)}`).join(', ')}`);
		const inside = complete_.filter(event => event.ts + (event.dur ?? 0) >= start - 200 && event.ts <= end)
			.sort((a, b) => a.ts - b.ts);
		// One line per task: the scheduler's outermost slice (Chromium 156 nests a "RunTask" inside it).
		const tops = inside.filter(event => event.name === 'ThreadControllerImpl::RunTask');
		for (const task of tops) {
			const children = inside.filter(event => event !== task && event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0) && (event.dur ?? 0) >= 30)
				.map(event => `${event.name}${event.name === 'FunctionCall' ? `(${String((event.args?.data as {functionName?: string})?.functionName ?? '')})` : ''} ${((event.dur ?? 0) / 1000).toFixed(2)}`);
			console.log(`  +${((task.ts - start) / 1000).toFixed(2).padStart(6)} ms ${label(`${task.pid}:${task.tid}`).padEnd(6)} ${((task.dur ?? 0) / 1000).toFixed(2).padStart(5)} ms  ${[...new Set(children)].slice(0, 8).join(' | ')}`);
		}
	}
} finally {
	await session.close();
	await demo.close();
}
