/**
 * `npm run bench`: LiqGuard's performance figures against their budgets (docs/performance.md), in real Chromium with
 * the built extension on the demo and busy pages, plus the engine in Node. Prints a table; not part of `npm test`.
 *
 *   npm run bench                     build (dev + release), then every suite (≈ 15 min, 10 of them the memory suite)
 *   flags: --only=size,engine,latency,page,memory  --no-build  --json FILE
 *          --edits=N (300)  --cold=N (15)  --rounds=N (3)  --seconds=S (20, per page-cost round)  --minutes=M (10)
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {engineSuite} from './engine.js';
import {ROOT, launch, serve, type Session} from './harness.js';
import {latencySuite} from './latency.js';
import {memorySuite} from './memory.js';
import {median, pageCostSuite} from './page-cost.js';

/** A budget is pass/fail; a goal is printed beside the figure and does not fail the run. */
type Figure = {name: string; value: number; unit: string; budget?: number; goal?: number; pass?: boolean; note?: string};

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const jsonFile = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const only = argv.find(arg => arg.startsWith('--only='))?.slice(7);
const suites = new Set(only ? only.split(',') : ['size', 'engine', 'latency', 'page', 'memory']);
const figures: Figure[] = [];
const log = (line: string) => console.log(line);
function add(name: string, value: number, unit: string, limit: {budget?: number; goal?: number} = {}, note?: string) {
	figures.push({name, value: Number(value.toFixed(2)), unit, ...limit, ...(limit.budget === undefined ? {} : {pass: value <= limit.budget}), ...(note ? {note} : {})});
}

const load = os.loadavg().map(value => value.toFixed(2)).join(' ');
const started = Date.now();
let chromiumVersion = 'not launched';
log(`LiqGuard bench — load average at start: ${load}`);

if (!argv.includes('--no-build')) {
	log('building dev (dist/chrome, dist/demo) and release (dist/release) …');
	execFileSync(process.execPath, [join(ROOT, 'build.mjs')], {cwd: ROOT, stdio: 'ignore'});
	execFileSync(process.execPath, [join(ROOT, 'build.mjs'), '--release'], {cwd: ROOT, stdio: 'ignore'});
}

if (suites.has('size')) {
	// What ships: the release build (minified, no demo adapter).
	for (const file of ['content.js', 'background.js', 'popup.js']) {
		const path = join(ROOT, 'dist/release/chrome', file);
		add(`size: ${file} (release), gzip -9`, gzipSync(readFileSync(path), {level: 9}).length / 1024, 'KB', file === 'content.js' ? {budget: 40} : {}, `raw ${(statSync(path).size / 1024).toFixed(1)} KB`);
	}
}

if (suites.has('engine')) {
	log('engine (Node) …');
	for (const figure of engineSuite()) {
		add(`engine: ${figure.name}, median`, figure.p50, 'µs', figure.name.startsWith('full') ? {budget: 150} : {}, `p95 ${figure.p95.toFixed(1)} µs`);
	}
}

const browserSuites = ['latency', 'page', 'memory'].filter(name => suites.has(name));
if (browserSuites.length > 0) {
	const server = await serve();
	let session: Session | undefined;
	try {
		session = await launch();
		chromiumVersion = session.chromium;
		if (suites.has('latency')) {
			log('input → panel (Chromium) …');
			const result = await latencySuite(session, server, {edits: option('edits', 300), coldRuns: option('cold', 15)});
			for (const [label, stats] of [['warm worker, quiet demo page', result.quiet], ['warm worker, busy page', result.busy]] as const) {
				add(`input→panel, ${label}: p95 (n=${stats.n})`, stats.p95, 'ms', {budget: 16});
				add(`input→panel, ${label}: p50`, stats.p50, 'ms', {goal: 4});
			}
			add(`input→panel, cold worker: p95 (n=${result.cold.n})`, result.cold.p95, 'ms', {budget: 150}, `p50 ${result.cold.p50.toFixed(1)} ms, max ${result.cold.max.toFixed(1)} ms`);
			add('input→panel: edits with no answer within 3 s (counted at 3 s above)', result.timeouts, 'count');
		}
		if (suites.has('page')) {
			const rounds = option('rounds', 3);
			const seconds = option('seconds', 20);
			log(`page cost: busy page, ${rounds} × ${seconds} s under V8's sampling profiler (100 µs) …`);
			const result = await pageCostSuite(session, server, {rounds, seconds});
			const each = (values: number[]) => `rounds: ${values.map(value => value.toFixed(2)).join(', ')}`;
			add('page cost: main-thread time with LiqGuard\'s code on the stack, median round', median(result.oursMsPerS), 'ms/s', {budget: 0.5}, each(result.oursMsPerS));
			add('page cost: LiqGuard\'s share of the page\'s busy main thread, median round', median(result.sharePercent), '%', {}, each(result.sharePercent));
			add('page cost: the page\'s main thread busy (not idle), median round', median(result.busyMsPerS), 'ms/s');
			add('page cost: garbage collector, median round (page and LiqGuard together)', median(result.gcMsPerS), 'ms/s');
			const top = Object.entries(result.byFunction).sort((a, b) => b[1] - a[1]).slice(0, 6);
			log(`  where LiqGuard's time goes (innermost of our frames, ms/s, mean of the rounds): ${top.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}`);
			log(`page cost: the same with a size typed (figures shown, each mark tick asked about and rendered), ${rounds} × ${seconds} s …`);
			const typed = await pageCostSuite(session, server, {rounds, seconds, size: '0.1'});
			add('page cost, size typed: main-thread time with LiqGuard\'s code on the stack, median round', median(typed.oursMsPerS), 'ms/s', {}, each(typed.oursMsPerS));
		}
		if (suites.has('memory')) {
			const minutes = option('minutes', 10);
			log(`memory: ${minutes} min of the busy page, with LiqGuard and a control tab without …`);
			const result = await memorySuite(session, server, {minutes, everySeconds: 30, log});
			add('memory: page heap trend added by LiqGuard (with − without, less compiled code), after minute 1', result.pageSlope, 'KB/min', {budget: 10},
				`compiled code included: ${result.pageSlopeWithCode.toFixed(1)} KB/min (V8 optimising hot paths: a step, not a trend)`);
			add('memory: page heap with LiqGuard at the end', result.pageEndMB, 'MB', {}, `at the start ${result.pageStartMB.toFixed(2)} MB; the control tab at the end ${result.controlEndMB.toFixed(2)} MB`);
			if (result.workerSlope === undefined) log('  the worker heap could not be read twice: no worker figure');
			else add('memory: service worker heap trend, after minute 1', result.workerSlope, 'KB/min', {budget: 10}, `worker restarts during the run: ${result.workerRestarts}`);
		}
	} finally {
		await session?.close();
		await server.close();
	}
}

const cpu = os.cpus()[0]?.model?.trim() ?? 'cpu';
const machine = `${cpu} × ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.type()} ${os.release()}, node ${process.version}, Chromium ${chromiumVersion} headless; load average at start ${load}`;
log(`\nLiqGuard performance — ${machine}`);
log(`${'figure'.padEnd(96)} ${'value'.padStart(8)} ${'unit'.padEnd(6)} ${'limit'.padStart(12)}  result`);
for (const figure of figures) {
	const limit = figure.budget !== undefined ? `≤ ${figure.budget}` : figure.goal !== undefined ? `goal ≤ ${figure.goal}` : '';
	const verdict = figure.pass !== undefined ? (figure.pass ? 'PASS' : 'MISS') : figure.goal !== undefined ? (figure.value <= figure.goal ? 'goal met' : 'over goal') : '';
	log(`${figure.name.padEnd(96)} ${String(figure.value).padStart(8)} ${figure.unit.padEnd(6)} ${limit.padStart(12)}  ${verdict}`);
	if (figure.note) log(`    ${figure.note}`);
}
const judged = figures.filter(figure => figure.pass !== undefined);
const missed = judged.filter(figure => !figure.pass);
log(`\n${judged.length - missed.length} budgets met, ${missed.length} missed; ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({machine, date: new Date().toISOString(), figures}, null, 2)}\n`);
process.exitCode = missed.length > 0 ? 1 : 0;
