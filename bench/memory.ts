/**
 * Heap trend: the busy page for `minutes` in two windows of one browser, one where LiqGuard's content script runs
 * and one at a control host where it does not, sampled at the same moments; and the service worker's heap.
 *
 * The page's heap is the renderer's whole isolate (the page's own script too), so the page figure is the
 * difference of the two slopes. Both heaps are taken less V8's compiled code (heap-snapshot nodes of type "code"):
 * a cache V8 fills once when it optimises the hot paths (≈ +100 KB some minutes in), a step, not a leak.
 * The first minute (first reads, the panel's first render, JIT) is warm-up and left out of the slopes.
 */
import type {CDPSession} from 'playwright-core';
import {BUSY_PATH, controlOrigin, openWindow, waitForPanel, type Server, type Session} from './harness.js';
import {slope} from './stats.js';

const WARM_UP_MINUTES = 1;

export type MemoryResult = {
	/** KB/min after warm-up, heap less compiled code: with LiqGuard − without. */
	pageSlope: number;
	/** KB/min after warm-up, heap including compiled code: with LiqGuard − without. */
	pageSlopeWithCode: number;
	pageStartMB: number;
	pageEndMB: number;
	controlEndMB: number;
	/** KB/min after warm-up; undefined when the worker could not be read twice. */
	workerSlope: number | undefined;
	workerRestarts: number;
};

/** Used heap after a collection, and the bytes of compiled code in it (one heap snapshot). */
async function heap(cdp: CDPSession): Promise<{used: number; code: number}> {
	const chunks: string[] = [];
	const onChunk = (event: {chunk: string}) => void chunks.push(event.chunk);
	cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
	try {
		await cdp.send('HeapProfiler.takeHeapSnapshot', {reportProgress: false}); // collects garbage first
	} finally {
		cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
	}
	const used = ((await cdp.send('Runtime.getHeapUsage')) as {usedSize: number}).usedSize;
	const snapshot = JSON.parse(chunks.join('')) as {snapshot: {meta: {node_fields: string[]; node_types: [string[]]}}; nodes: number[]};
	const fields = snapshot.snapshot.meta.node_fields;
	const [typeAt, sizeAt, code] = [fields.indexOf('type'), fields.indexOf('self_size'), snapshot.snapshot.meta.node_types[0].indexOf('code')];
	let codeBytes = 0;
	for (let at = 0; at < snapshot.nodes.length; at += fields.length) if (snapshot.nodes[at + typeAt] === code) codeBytes += snapshot.nodes[at + sizeAt]!;
	return {used, code: codeBytes};
}

/** The extension's service worker heap after a collection, through the page's session (non-flat target messages). */
async function workerHeap(cdp: CDPSession, extensionId: string): Promise<{used: number; targetId: string} | undefined> {
	const {targetInfos} = (await cdp.send('Target.getTargets')) as {targetInfos: {targetId: string; type: string; url: string}[]};
	const target = targetInfos.find(info => info.type === 'service_worker' && info.url.includes(extensionId));
	if (!target) return undefined;
	const {sessionId} = (await cdp.send('Target.attachToTarget', {targetId: target.targetId, flatten: false})) as {sessionId: string};
	let nextId = 1;
	const call = (method: string) => new Promise<unknown>((resolve, reject) => {
		const id = nextId++;
		const onMessage = (event: {sessionId: string; message: string}) => {
			const message = JSON.parse(event.message) as {id?: number; result?: unknown};
			if (event.sessionId !== sessionId || message.id !== id) return;
			cdp.off('Target.receivedMessageFromTarget', onMessage);
			resolve(message.result);
		};
		cdp.on('Target.receivedMessageFromTarget', onMessage);
		setTimeout(() => reject(new Error(`${method} timed out`)), 5000);
		void cdp.send('Target.sendMessageToTarget', {sessionId, message: JSON.stringify({id, method})});
	});
	try {
		await call('HeapProfiler.collectGarbage');
		return {used: ((await call('Runtime.getHeapUsage')) as {usedSize: number}).usedSize, targetId: target.targetId};
	} finally {
		await cdp.send('Target.detachFromTarget', {sessionId});
	}
}

export async function memorySuite(session: Session, server: Server, options: {minutes: number; everySeconds: number; log(line: string): void}): Promise<MemoryResult> {
	const ours = await openWindow(session.context, `${server.origin}${BUSY_PATH}`);
	await waitForPanel(ours.page);
	const control = await openWindow(session.context, `${controlOrigin(server.origin)}${BUSY_PATH}`);
	await control.page.evaluate(() => document.readyState); // the same Playwright evaluation helper in both heaps
	const samples: {t: number; page: number; pageCode: number; control: number; controlCode: number; worker?: number}[] = [];
	const workers = new Set<string>();
	const started = Date.now();
	for (;;) {
		const [page, base] = await Promise.all([heap(ours.cdp), heap(control.cdp)]);
		const worker = await workerHeap(ours.cdp, session.extensionId).catch(() => undefined);
		if (worker) workers.add(worker.targetId);
		const t = (Date.now() - started) / 60_000;
		samples.push({t, page: page.used, pageCode: page.code, control: base.used, controlCode: base.code, ...(worker ? {worker: worker.used} : {})});
		options.log(`  t=${t.toFixed(1)} min: page ${(page.used / 1e6).toFixed(3)} MB (code ${(page.code / 1e6).toFixed(3)}), control ${(base.used / 1e6).toFixed(3)} MB, worker ${worker ? (worker.used / 1e6).toFixed(3) + ' MB' : 'n/a'}`);
		const left = options.minutes * 60_000 - (Date.now() - started);
		if (left <= 0) break;
		await ours.page.waitForTimeout(Math.min(options.everySeconds * 1000, left));
	}
	await ours.page.close();
	await control.page.close();
	const steady = samples.filter(sample => sample.t >= WARM_UP_MINUTES);
	const trend = (of: (sample: (typeof samples)[number]) => number, from = steady) => slope(from.map(sample => sample.t), from.map(of)) / 1024;
	const withWorker = steady.filter(sample => sample.worker !== undefined);
	return {
		pageSlope: trend(sample => sample.page - sample.pageCode) - trend(sample => sample.control - sample.controlCode),
		pageSlopeWithCode: trend(sample => sample.page) - trend(sample => sample.control),
		pageStartMB: samples[0]!.page / 2 ** 20,
		pageEndMB: samples.at(-1)!.page / 2 ** 20,
		controlEndMB: samples.at(-1)!.control / 2 ** 20,
		workerSlope: withWorker.length >= 2 ? trend(sample => sample.worker!, withWorker) : undefined,
		workerRestarts: Math.max(0, workers.size - 1),
	};
}
