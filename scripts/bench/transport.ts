/**
 * `npm run bench -- --only=transport` (a diagnostic, no budgets): what the hops between processes cost an answer on
 * this machine, and what the one design that removes them would save and cost.
 *
 * Why: the input → panel p50 misses its 4 ms on this project's 2-core VM, and the largest part of it is the round
 * trip content script → browser process → service worker → browser process → content script (session 7: ≈ 2.2 ms
 * from the request leaving to the answer arriving on the quiet page, ≈ 0.4 ms of it the engine). The only way to
 * skip the browser process is an engine in a dedicated Worker of the page's own renderer. A content script cannot
 * start a Worker from a chrome-extension:// URL (a Worker's script must be same-origin with the page), so it would
 * be a Worker from a `blob:` URL of the page's origin — and a `blob:` Worker is subject to the page's
 * Content-Security-Policy (`worker-src`, else `script-src`, else `default-src`).
 *
 * This suite measures both transports with the same payloads, and what a page with `worker-src 'self'` does with the
 * blob Worker. A generated extension (not LiqGuard), so each path carries exactly a real request and a real answer:
 *  - the request is the demo page's draft, the answer LiqGuard's `evaluateDraft` reply for it (JSON, ≈ 6 KB);
 *  - the service worker and the page Worker both answer at once (no engine): the figures are transport only;
 *  - 30 warm-up trips on each, then `trips` on each, alternated (ABBA), 15–35 ms apart so the threads go idle
 *    between trips as they do between keystrokes;
 *  - `performance.now()` in a content script is coarsened to 0.1 ms (no cross-origin isolation): medians read in
 *    tenths of a millisecond.
 * Session 11's findings are in docs/performance.md.
 */
import {rmSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {launchChromium} from '../../test/e2e/harness.js';
import {demoDraft} from '../../test/unit/messaging/draft-fixture.js';
import {evaluateDraft} from '../../src/background/evaluate-draft.js';
import {DEFAULT_SETTINGS} from '../../src/settings/settings.js';
import {benchExtension, browserVersion, stats, type Stats} from './chromium.js';

export type TransportResult = {
	requestBytes: number;
	replyBytes: number;
	port: Stats;
	pageWorker: Stats;
	/** Under `worker-src 'self'`: whether the blob Worker answered, and what the page's own script was told. */
	strictCsp: {workerAnswered: boolean; workerErrorEvent: boolean; pageSawViolation: string | null};
	chromium: string;
};

/** The page Worker's source and the content script that drives both transports; both echo a fixed reply. */
function transportExtension(request: string, reply: string, trips: number): string {
	// The reply is parsed once and posted as an object, as LiqGuard's worker posts its result.
	const answer = `const REPLY = JSON.parse(${JSON.stringify(reply)});`;
	const worker = `${answer}
chrome.runtime.onConnect.addListener(port => port.onMessage.addListener(message => port.postMessage({id: message.id, reply: REPLY})));
`;
	const pageWorker = `${answer}\nonmessage = event => postMessage({id: event.data.id, reply: REPLY});`;
	const content = `(async () => {
const root = document.documentElement;
const REQUEST = JSON.parse(${JSON.stringify(request)});
const waiting = new Map();
const settle = data => { const done = waiting.get(data.id); if (done) { waiting.delete(data.id); done(); } };
const port = chrome.runtime.connect({name: 'transport'});
port.onMessage.addListener(settle);
const url = URL.createObjectURL(new Blob([${JSON.stringify(pageWorker)}], {type: 'text/javascript'}));
const worker = new Worker(url);
URL.revokeObjectURL(url);
worker.onmessage = event => settle(event.data);
worker.onerror = () => { root.dataset.workerErrorEvent = 'true'; };
let nextId = 0;
const trip = via => new Promise(resolve => {
	const id = ++nextId;
	const start = performance.now();
	waiting.set(id, () => resolve(performance.now() - start));
	const message = {id, message: {revision: id, draft: REQUEST}};
	if (via === 'port') port.postMessage(message); else worker.postMessage(message);
});
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const gap = () => sleep(15 + Math.random() * 20);
// A Worker the page's CSP blocks does not throw here (Chromium 156); whether it fires 'error' is reported.
const first = await Promise.race([trip('worker'), sleep(3000).then(() => null)]);
root.dataset.workerAnswered = String(first !== null);
if (first === null) { root.dataset.done = '1'; return; }
for (let i = 0; i < 30; i++) { await trip('port'); await gap(); await trip('worker'); await gap(); }
const samples = {port: [], worker: []};
for (let i = 0; i < ${trips}; i++) {
	const order = i % 2 ? ['worker', 'port'] : ['port', 'worker'];
	for (const via of order) { samples[via].push(await trip(via)); await gap(); }
}
root.dataset.samples = JSON.stringify(samples);
root.dataset.done = '1';
})();
`;
	return benchExtension({id: 'transport', name: 'LiqGuard bench transport (not LiqGuard)', matches: ['http://127.0.0.1/*'], worker, content});
}

/** The page: its own script records a CSP violation event, as any exchange's script could. */
const PAGE = `<!doctype html><html><head><title>transport</title>
<script>document.addEventListener('securitypolicyviolation', event => {
	document.documentElement.dataset.pageSawViolation = event.violatedDirective + ', blocked ' + event.blockedURI + ', from ' + (event.sourceFile || 'no source file');
});</script></head><body><p>LiqGuard bench: transport</p></body></html>`;

export async function transportSuite(options: {trips: number; log(line: string): void}): Promise<TransportResult> {
	const request = JSON.stringify(demoDraft());
	const reply = JSON.stringify(evaluateDraft({revision: 1, draft: demoDraft()}, DEFAULT_SETTINGS));
	const dir = transportExtension(request, reply, options.trips);
	let csp = '';
	const server = createServer((_request, response) => {
		response.writeHead(200, {'content-type': 'text/html; charset=utf-8', ...(csp ? {'content-security-policy': csp} : {})});
		response.end(PAGE);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const session = await launchChromium({extensionDir: dir});
	try {
		// tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; page.evaluate ships their source as is.
		await session.context.addInitScript('globalThis.__name = globalThis.__name || (f => f)');
		let chromium = 'unknown';
		const run = async () => {
			const page = await session.context.newPage();
			chromium = await browserVersion(session.context, page);
			await page.goto(`${origin}/`);
			// Waited for by an observer, not page.waitForFunction: that would poll on the page's thread every frame
			// while the trips are timed (and load Playwright's injected script, see waitForReady).
			const data = await page.evaluate(limitMs => new Promise<Record<string, string | undefined>>((resolve, reject) => {
				const root = document.documentElement;
				const finish = () => {
					observer.disconnect();
					clearTimeout(timer);
					resolve({...root.dataset});
				};
				const observer = new MutationObserver(() => {
					if (root.dataset.done === '1') finish();
				});
				const timer = setTimeout(() => {
					observer.disconnect();
					reject(new Error(`the transport run did not finish within ${limitMs} ms`));
				}, limitMs);
				observer.observe(root, {attributes: true, attributeFilter: ['data-done']});
				if (root.dataset.done === '1') finish();
			}), 60_000 + options.trips * 200);
			await page.close();
			return data;
		};
		options.log(`  ${options.trips} round trips each way, alternated, 15–35 ms apart; request ${request.length} B, answer ${reply.length} B (JSON)`);
		const open = await run();
		if (open.workerAnswered !== 'true' || !open.samples) throw new Error(`the page Worker did not answer on a page without CSP: ${JSON.stringify(open)}`);
		const samples = JSON.parse(open.samples) as {port: number[]; worker: number[]};
		csp = "worker-src 'self'";
		options.log(`  again under Content-Security-Policy: ${csp}`);
		const strict = await run();
		return {
			requestBytes: request.length,
			replyBytes: reply.length,
			port: stats(samples.port),
			pageWorker: stats(samples.worker),
			chromium,
			strictCsp: {workerAnswered: strict.workerAnswered === 'true', workerErrorEvent: strict.workerErrorEvent === 'true', pageSawViolation: strict.pageSawViolation ?? null},
		};
	} finally {
		await session.close();
		server.close();
		rmSync(dir, {recursive: true, force: true});
	}
}
