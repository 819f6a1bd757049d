// @vitest-environment happy-dom
/**
 * The page session against a fake adapter, a fake worker and a hand-driven frame clock: which figures the panel
 * host carries after replies arrive out of step with the form, and how long the gate's allowance lasts.
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import type {Adapter, ReadResult} from '../../../src/adapters/define-adapter.js';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {trackFieldReads, type OrderDraft} from '../../../src/core/draft.js';
import {startSession, type Session} from '../../../src/content/session.js';
import {THEME_BEATS} from '../../../src/content/placement.js';
import {PROBE_PATIENCE_MS} from '../../../src/content/form-watch.js';
import {WHOLE_READ_BEATS} from '../../../src/content/heartbeat-read.js';
import {QUICK_RETRIES} from '../../../src/content/request.js';
import type {CallBackground} from '../../../src/messaging/send.js';
import type {EvaluateDraftRequest, EvaluateDraftResult, Reply} from '../../../src/messaging/protocol.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {demoDraft} from '../messaging/draft-fixture.js';
import {trustedClick} from '../ui/trusted-click.js';

vi.stubGlobal('__DEV__', true);

type Harness = {
	session: Session;
	/** Runs the animation-frame callbacks queued so far. */
	frame(): void;
	/** Requests the session made, each answered by `answer()`. */
	/** `refuse`: the worker refused the message while stopping or starting ("Could not establish connection"). */
	requests: {request: EvaluateDraftRequest; answer(extra?: Partial<EvaluateDraftResult>): void; refuse(): void}[];
	/** The message keys the panel asked `t` for, in order: what it rendered. */
	tKeys: string[];
	host(): HTMLElement;
	form: HTMLFormElement;
	button: HTMLButtonElement;
	setRead(result: ReadResult): void;
	controller: AbortController;
	/** How many times the session looked the form root up. */
	formRootCalls(): number;
	/** How many times the session called adapter.read. */
	readCalls(): number;
	/** adapter.readOutside calls so far: the heartbeat's read of an unchanged form. */
	outsideReads(): number;
	/** How many times the session measured where the panel goes (adapter.mountAfter + the anchor's box). */
	anchorLookups(): number;
	/** The ResizeObserver's report, as the browser makes it after a layout that changed a watched box. */
	resize(): void;
	resizeWatched: Element[];
	/** Every call the session made to the background, by method name. */
	calls: string[];
	/** With `anchorBox`: each read of the anchor's box, and whether a frame callback or a resize report made it. */
	boxReads: ('frame' | 'resize' | 'task')[];
	/** IntersectionObservers the session constructed. */
	intersectionObservers(): number;
	/** getComputedStyle calls so far (the page's theme looked at). */
	styleReads(): number;
	/** For each adapter.read or readOutside: in a task, an animation frame, or a ResizeObserver callback (after the layout). */
	readPhases: ('frame' | 'resize' | 'task')[];
	/** Whether the probe's observation of the host is reported (a host with no box is not). */
	probeReports(reports: boolean): void;
};

let harness: Harness | undefined;

/** `anchorBox`: the adapter docks the panel under the form, whose box (viewport coordinates) is this. */
function start(initial: OrderDraft, options: {anchorBox?: {left: number; bottom: number; width: number}} = {}): Harness {
	document.body.innerHTML = '<form id="order"><input id="size"><button id="buy" type="button">Buy/Long</button></form>';
	const form = document.querySelector('form')!;
	const button = document.querySelector('button')!;
	let result: ReadResult = {found: true, draft: initial};
	let formRootCalls = 0;
	let readCalls = 0;
	let outsideReads = 0;
	let anchorLookups = 0;
	let resized: (() => void) | undefined;
	const probes: {callback: () => void; watched: Element[]}[] = [];
	const readPhases: Harness['readPhases'] = [];
	let probeReports = true;
	const resizeWatched: Element[] = [];
	let inCallback: 'frame' | 'resize' | 'task' = 'task';
	const boxReads: Harness['boxReads'] = [];
	let intersectionObservers = 0;
	/** getComputedStyle calls: the page's theme looked at. */
	let styleReads = 0;
	if (options.anchorBox) {
		const {left, bottom, width} = options.anchorBox;
		form.getBoundingClientRect = () => {
			boxReads.push(inCallback);
			return {left, right: left + width, top: bottom - 100, bottom, width, height: 100, x: left, y: bottom - 100, toJSON: () => ({})} as DOMRect;
		};
	}
	const adapter: Adapter = {
		id: 'demo',
		venue: 'binance-usdm',
		matches: [],
		selectors: {},
		formRoot: doc => {
			formRootCalls += 1;
			return doc.querySelector('#order') ?? undefined;
		},
		read: doc => {
			readCalls += 1;
			readPhases.push(inCallback);
			return doc.querySelector('#order') ? result : {found: false, reason: 'no-form'};
		},
		// The demo's ticker bar: the mark and funding are outside the form.
		readOutside: () => {
			outsideReads += 1;
			readPhases.push(inCallback);
			return result.found ? {markPrice: result.draft.markPrice, fundingRate: result.draft.fundingRate, fundingCountdownSeconds: result.draft.fundingCountdownSeconds} : undefined;
		},
		submitTarget: target => (target === document.querySelector('#buy') ? {side: 'long', control: target} : undefined),
		mountAfter: () => {
			anchorLookups += 1;
			return options.anchorBox ? form : undefined;
		},
	};
	let frames = new Map<number, () => void>();
	let nextFrame = 1;
	const win = {
		document,
		scrollX: 0,
		scrollY: 40,
		performance: {now: () => Date.now()},
		requestAnimationFrame: (callback: () => void) => {
			frames.set(nextFrame, callback);
			return nextFrame++;
		},
		cancelAnimationFrame: (id: number) => frames.delete(id),
		getComputedStyle: () => {
			styleReads += 1;
			return {backgroundColor: 'rgb(0, 0, 0)'};
		},
		addEventListener: window.addEventListener.bind(window),
		/*
		 * Two observers: the placement's (the form and the anchor), which reports when the test says they changed size
		 * (`resize()`, after the browser's layout in a real page), and the form watch's probe of the panel host, which a
		 * real browser reports after the next layout: here, at the end of `frame()`.
		 */
		ResizeObserver: class {
			private readonly watched: Element[];
			constructor(private readonly callback: () => void) {
				this.watched = resized === undefined ? resizeWatched : [];
				if (resized === undefined) resized = callback;
				else probes.push({callback, watched: this.watched});
			}
			observe(element: Element) {
				this.watched.push(element);
			}
			unobserve(element: Element) {
				const index = this.watched.indexOf(element);
				if (index >= 0) this.watched.splice(index, 1);
			}
			disconnect() {
				this.watched.length = 0;
			}
		},
		IntersectionObserver: class {
			constructor() {
				intersectionObservers += 1;
			}
			observe() {}
			disconnect() {}
		},
	} as unknown as Window;
	const requests: Harness['requests'] = [];
	const tKeys: string[] = [];
	const calls: string[] = [];
	const call = ((name: string, data: unknown) => {
		calls.push(name);
		if (name !== 'evaluateDraft') return Promise.resolve({ok: true, value: {}});
		const request = data as EvaluateDraftRequest;
		return new Promise<Reply<unknown>>(resolve => {
			// As the worker answers: computed on a view of the draft that records the fields it reads.
			requests.push({
				request,
				answer: (extra = {}) => {
					const {draft, fields} = trackFieldReads(request.draft);
					resolve({ok: true, value: {...evaluateDraft({...request, draft}, DEFAULT_SETTINGS), readFields: fields(), ...extra}});
				},
				refuse: () => resolve({ok: false, error: {name: 'disconnected', message: 'Could not establish connection. Receiving end does not exist.'}}),
			});
		});
	}) as CallBackground;
	const controller = new AbortController();
	const session = startSession({
		adapter,
		doc: document,
		win,
		call,
		t: key => {
			tKeys.push(key);
			return key;
		},
		onContextInvalidated: () => undefined,
		isContextAlive: () => true,
		signal: controller.signal,
	});
	harness = {
		session,
		frame() {
			const queued = frames;
			frames = new Map();
			inCallback = 'frame';
			try {
				for (const callback of queued.values()) callback();
			} finally {
				inCallback = 'task';
			}
			// After the frame's layout: the probe reports the host it was asked to observe.
			inCallback = 'resize';
			try {
				if (probeReports) for (const probe of probes) if (probe.watched.length > 0) probe.callback();
			} finally {
				inCallback = 'task';
			}
		},
		requests,
		host: () => document.querySelector('[data-liqguard-panel]') as HTMLElement,
		form,
		button,
		setRead(next) {
			result = next;
		},
		controller,
		formRootCalls: () => formRootCalls,
		readCalls: () => readCalls,
		outsideReads: () => outsideReads,
		anchorLookups: () => anchorLookups,
		calls,
		resize: () => {
			inCallback = 'resize';
			try {
				resized?.();
			} finally {
				inCallback = 'task';
			}
		},
		resizeWatched,
		boxReads,
		intersectionObservers: () => intersectionObservers,
		styleReads: () => styleReads,
		tKeys,
		readPhases,
		probeReports(reports) {
			probeReports = reports;
		},
	};
	return harness;
}

/** A session whose first read has been answered: the panel shows that answer. */
async function startAnswered(initial: OrderDraft): Promise<Harness> {
	const h = start(initial);
	h.frame();
	h.requests[0]!.answer();
	await flushReplies();
	return h;
}

/** An input event as the browser makes it for the user's typing (happy-dom has no isTrusted). */
function userInput(): Event {
	const event = new Event('input', {bubbles: true});
	Object.defineProperty(event, 'isTrusted', {value: true});
	return event;
}

const settle = () => new Promise<void>(resolve => queueMicrotask(resolve)).then(() => undefined);

/** The page re-renders its form to `draft` (a mutation in the form), and the next frame reads it. */
async function pageRenders(h: Harness, draft: OrderDraft, tick: string): Promise<void> {
	h.setRead({found: true, draft});
	h.form.setAttribute('data-tick', tick);
	await settle();
	h.frame();
}

async function flushReplies(): Promise<void> {
	for (let i = 0; i < 5; i++) await settle();
}

beforeEach(() => {
	vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
});

afterEach(() => {
	harness?.controller.abort();
	harness = undefined;
	vi.useRealTimers();
	document.body.innerHTML = '';
});

describe('content session: no figures for a form that is not there', () => {
	test('a reply that lands after the form turned unreadable (e.g. a Close tab) is not shown', async () => {
		const h = start(demoDraft());
		h.frame();
		expect(h.requests).toHaveLength(1);
		h.setRead({found: false, reason: 'no-form'});
		h.session.tick();
		h.frame();
		expect(h.host().dataset.state).toBe('unreadable');
		h.requests[0]!.answer();
		await flushReplies();
		expect(h.host().dataset.state).toBe('unreadable');
		expect(h.host().dataset.liquidationPriceLong ?? '').toBe('');
		// Nor does its reply timeout turn "can't read this form" into an error.
		vi.advanceTimersByTime(1000);
		expect(h.host().dataset.state).toBe('unreadable');
	});

	test('a form removed from the page stops showing the figures computed for it', async () => {
		const h = await startAnswered(demoDraft());
		expect(h.host().dataset.state).toBe('ready');
		expect(h.host().dataset.liquidationPriceLong).not.toBe('');
		h.form.remove();
		h.session.tick();
		h.frame();
		expect(h.host().dataset.state).toBe('unreadable');
		expect(h.host().dataset.liquidationPriceLong ?? '').toBe('');
		expect(h.session.judge('click', h.button)).toBe('pass');
		// The toolbar badge set for the old form is cleared, once.
		expect(h.calls.filter(name => name === 'clearBadge')).toHaveLength(1);
		h.session.tick();
		h.frame();
		expect(h.calls.filter(name => name === 'clearBadge')).toHaveLength(1);
	});

	test('an unreadable form is rendered once, not again on every frame', () => {
		const h = start(demoDraft());
		h.frame();
		h.setRead({found: false, reason: 'no-form'});
		h.session.tick();
		h.frame();
		const writes = vi.spyOn(h.host(), 'setAttribute');
		for (let i = 0; i < 5; i++) {
			h.session.tick();
			h.frame();
		}
		expect(writes).not.toHaveBeenCalled();
	});

	test('the form coming back is evaluated again', async () => {
		const h = await startAnswered(demoDraft());
		h.setRead({found: false, reason: 'no-form'});
		h.session.tick();
		h.frame();
		h.setRead({found: true, draft: demoDraft()});
		h.session.tick();
		h.frame();
		expect(h.requests).toHaveLength(2);
		h.requests[1]!.answer();
		await flushReplies();
		expect(h.host().dataset.state).toBe('ready');
	});
});

describe('content session: one settings-refresh path', () => {
	test('the panel\'s snooze asks the worker once and re-evaluates only on the worker\'s refresh push, once', async () => {
		const h = await startAnswered(demoDraft({marginMode: {state: 'ok', value: 'cross'}}));
		const snooze = h.host().shadowRoot!.querySelector('button[data-action="snooze-reminder"]') as HTMLButtonElement;
		expect(snooze).not.toBeNull();
		const asked = h.requests.length;
		trustedClick(snooze);
		await flushReplies();
		h.frame();
		expect(h.calls.filter(name => name === 'snoozeReminder')).toHaveLength(1);
		// The snooze's own reply re-evaluates nothing: the worker's push does (see content/index.ts).
		expect(h.requests).toHaveLength(asked);
		h.session.refresh();
		h.frame();
		h.frame();
		expect(h.requests).toHaveLength(asked + 1);
		expect(h.requests.at(-1)?.request.revision).toBeGreaterThan(h.requests[asked - 1]!.request.revision);
	});
});

describe('content session: the gate allowance', () => {
	const acknowledge = (h: Harness) => {
		const button = h.host().shadowRoot!.querySelector('button[data-action="acknowledge"]') as HTMLButtonElement;
		trustedClick(button);
	};

	test('a page script\'s .click() or dispatched click on "I understand" does not arm the gate', async () => {
		const h = await startAnswered(demoDraft({leverage: {state: 'ok', value: '100'}}));
		expect(h.session.judge('click', h.button)).toBe('hold');
		const button = h.host().shadowRoot!.querySelector('button[data-action="acknowledge"]') as HTMLButtonElement;
		button.click();
		button.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
		expect(h.host().dataset.gate).toBe('held');
		expect(h.session.judge('click', h.button)).toBe('hold');
	});

	test('a second "I understand" lasts its full 15 s, whatever the first one\'s timer does', async () => {
		const h = await startAnswered(demoDraft({leverage: {state: 'ok', value: '100'}}));
		expect(h.session.judge('click', h.button)).toBe('hold');
		acknowledge(h);
		expect(h.host().dataset.gate).toBe('armed');
		expect(h.session.judge('click', h.button)).toBe('pass'); // uses the allowance up
		expect(h.host().dataset.gate).toBe(''); // no "your next click goes through" once it is used
		vi.advanceTimersByTime(10_000);
		expect(h.session.judge('click', h.button)).toBe('hold');
		acknowledge(h); // allowance until 25 s
		vi.advanceTimersByTime(6_000); // 16 s: the first acknowledgement's 15 s are over, not the second's
		expect(h.host().dataset.gate).toBe('armed');
		expect(h.session.judge('click', h.button)).toBe('pass');
	});

	test('the allowance ends when its order changes, and stands through a mark-price tick', async () => {
		const draft = demoDraft({leverage: {state: 'ok', value: '100'}});
		const h = await startAnswered(draft);
		expect(h.session.judge('click', h.button)).toBe('hold');
		acknowledge(h);
		await pageRenders(h, {...draft, markPrice: {state: 'ok', value: '60010'}}, '1');
		h.requests.at(-1)!.answer();
		await flushReplies();
		expect(h.host().dataset.gate).toBe('armed');
		await pageRenders(h, {...draft, markPrice: {state: 'ok', value: '60010'}, size: {state: 'ok', value: {value: '5', unit: 'base'}}}, '2');
		expect(h.host().dataset.gate).toBe('');
		h.requests.at(-1)!.answer();
		await flushReplies();
		expect(h.session.judge('click', h.button)).toBe('hold');
	});

	test('the armed notice goes when the allowance expires', async () => {
		const h = await startAnswered(demoDraft({leverage: {state: 'ok', value: '100'}}));
		expect(h.session.judge('click', h.button)).toBe('hold');
		acknowledge(h);
		expect(h.host().dataset.gate).toBe('armed');
		vi.advanceTimersByTime(15_001);
		expect(h.host().dataset.gate).toBe('');
		expect(h.session.judge('click', h.button)).toBe('hold');
	});
});

describe('content session: main-thread work per read', () => {
	test('typing reads the form without looking its root up again while it stays on the page; the heartbeat does once', () => {
		const h = start(demoDraft());
		h.frame();
		const before = h.formRootCalls();
		const size = h.form.querySelector('#size') as HTMLInputElement;
		for (const value of ['0.1', '0.2', '0.3']) {
			h.setRead({found: true, draft: demoDraft({size: {state: 'ok', value: {value, unit: 'base'}, text: value}})});
			size.value = value;
			size.dispatchEvent(userInput());
			vi.advanceTimersByTime(1);
		}
		expect(h.requests.map(entry => entry.request.draft.size)).toHaveLength(4);
		expect(h.formRootCalls()).toBe(before);
		h.session.tick();
		expect(h.formRootCalls()).toBe(before + 1);
		// A replaced form is looked up again at the next read.
		h.form.replaceWith(h.form.cloneNode(true));
		h.session.tick();
		h.frame();
		expect(h.formRootCalls()).toBeGreaterThan(before + 1);
	});

	test('an input event is asked about before the page\'s own handlers run, and read again after them only if they changed the form (same task; next task if the page stops it)', async () => {
		const h = start(demoDraft());
		h.frame();
		const size = h.form.querySelector('#size') as HTMLInputElement;
		const before = h.requests.length;
		const draftOf = (value: string) => demoDraft({size: {state: 'ok', value: {value, unit: 'base'}, text: value}});
		// The page's handler sees our request already sent, and rewrites what was typed (as a page that clamps a size to its maximum does).
		const seenByPage: number[] = [];
		const pageHandler = () => {
			seenByPage.push(h.requests.length);
			size.value = '0.5';
			h.setRead({found: true, draft: draftOf('0.5')});
		};
		h.form.addEventListener('input', pageHandler);
		h.setRead({found: true, draft: draftOf('0.9')});
		size.value = '0.9';
		size.dispatchEvent(userInput());
		expect(seenByPage).toEqual([before + 1]);
		// The draft as the page left it is asked for in the same task (no timer ran), and its answer is the one shown.
		expect(h.requests.map(entry => entry.request.draft.size)).toMatchObject([...Array(before).fill(expect.anything()), {value: {value: '0.9'}}, {value: {value: '0.5'}}]);
		// Answered out of order: the first request's reply is for a stale revision and is dropped.
		h.requests.at(-1)!.answer();
		await flushReplies();
		h.requests.at(-2)!.answer();
		await flushReplies();
		expect(h.host().getAttribute('data-state')).toBe('ready');
		expect(h.host().getAttribute('data-quantity')).toBe('0.5');
		h.form.removeEventListener('input', pageHandler);
		// A handler that leaves the form as typed: one read and one request for the edit, not two.
		h.setRead({found: true, draft: draftOf('0.75')});
		size.value = '0.75';
		const readsBefore = h.readCalls();
		size.dispatchEvent(userInput());
		vi.advanceTimersByTime(1);
		expect(h.readCalls()).toBe(readsBefore + 1);
		expect(h.requests).toHaveLength(before + 3);
		// The page stops the next event at the form and rewrites the value: the second read comes in the next task.
		h.form.addEventListener('input', event => {
			event.stopPropagation();
			size.value = '0.85';
			h.setRead({found: true, draft: draftOf('0.85')});
		}, {once: true});
		h.setRead({found: true, draft: draftOf('0.8')});
		size.value = '0.8';
		size.dispatchEvent(userInput());
		expect(h.requests).toHaveLength(before + 4);
		vi.advanceTimersByTime(1);
		expect(h.requests).toHaveLength(before + 5);
		expect(h.requests.at(-1)?.request.draft.size).toMatchObject({value: {value: '0.85'}});
	});

	test('a form the page re-renders on input is asked about once for that edit, not read again in the next frame; later changes are', async () => {
		const h = start(demoDraft());
		h.frame();
		const size = h.form.querySelector('#size') as HTMLInputElement;
		const cost = document.createElement('output');
		h.form.append(cost);
		await settle();
		h.frame();
		// The page's own handler re-renders part of the form before the event reaches our window listener.
		h.form.addEventListener('input', () => void (cost.textContent = `Cost ${size.value}`));
		const readsBefore = h.readCalls();
		const requestsBefore = h.requests.length;
		h.setRead({found: true, draft: demoDraft({size: {state: 'ok', value: {value: '0.4', unit: 'base'}, text: '0.4'}})});
		size.value = '0.4';
		size.dispatchEvent(userInput());
		await settle(); // MutationObserver delivery
		h.frame();
		// Before and after the page's handler (see the test above); the frame reads nothing more.
		expect(h.readCalls()).toBe(readsBefore + 2);
		expect(h.requests).toHaveLength(requestsBefore + 1);
		// A change after the read (a late re-render, a ticking price) is still read in the next frame.
		h.setRead({found: true, draft: demoDraft({size: {state: 'ok', value: {value: '0.5', unit: 'base'}, text: '0.5'}})});
		cost.textContent = 'Cost 0.5';
		await settle();
		h.frame();
		expect(h.readCalls()).toBe(readsBefore + 3);
		expect(h.requests.at(-1)?.request.draft.size).toMatchObject({value: {value: '0.5'}});
	});

	test('with no form on the page, page mutations look for it at most every 250 ms, and a form that appears is found', async () => {
		const h = start(demoDraft());
		h.frame();
		const form = h.form;
		form.remove();
		h.setRead({found: false, reason: 'no-form'});
		h.session.tick();
		h.frame();
		expect(h.host().dataset.state).toBe('unreadable');
		const before = h.formRootCalls();
		const readsBefore = h.readCalls();
		// A busy page without an order form: a mutation every 16 ms for 480 ms, frames in between.
		for (let i = 0; i < 30; i++) {
			document.body.append(document.createElement('div'));
			await settle(); // MutationObserver delivery
			vi.advanceTimersByTime(16);
			h.frame();
		}
		const lookups = h.formRootCalls() - before;
		expect(lookups).toBeGreaterThanOrEqual(1);
		expect(lookups).toBeLessThanOrEqual(3); // 480 ms / 250 ms, not 30
		// No root found, nothing to read: `read` (a second walk) is not called.
		expect(h.readCalls()).toBe(readsBefore);
		// The form comes back: found within the next lookup.
		document.body.append(form);
		h.setRead({found: true, draft: demoDraft()});
		await settle();
		vi.advanceTimersByTime(260);
		h.frame();
		expect(h.requests.length).toBeGreaterThan(1);
		expect(h.host().dataset.state).toBe('reading');
	});

	test('a funding countdown tick is shown without asking the worker again; a size change still asks', async () => {
		const h = await startAnswered(demoDraft());
		expect(h.host().dataset.state).toBe('ready');
		const asked = h.requests.length;
		// 28,740 s → 28,690 s: the page's countdown cell changed (7h 59m → 7h 58m).
		const rendered = h.tKeys.length;
		await pageRenders(h, demoDraft({fundingCountdownSeconds: {state: 'ok', value: '28690'}}), '1');
		expect(h.tKeys.length).toBeGreaterThan(rendered);
		// 28,690 s → 28,685 s: the panel still shows 7h 58m, and renders nothing.
		const ticked = h.tKeys.length;
		await pageRenders(h, demoDraft({fundingCountdownSeconds: {state: 'ok', value: '28685'}}), '1b');
		expect(h.tKeys).toHaveLength(ticked);
		expect(h.requests).toHaveLength(asked);
		expect(h.host().dataset.state).toBe('ready');
		expect(h.host().shadowRoot?.textContent).toContain('7h 58m');
		// The answer still describes the form (50x: a danger warning, confirm mode): the gate holds rather than
		// letting the click through as if no answer stood.
		expect(h.session.judge('click', h.button)).toBe('hold');
		// The math's own fields still go to the worker.
		await pageRenders(h, demoDraft({fundingCountdownSeconds: {state: 'ok', value: '28680'}, leverage: {state: 'ok', value: '20'}}), '2');
		expect(h.requests).toHaveLength(asked + 1);
	});

	test('a mark tick under a limit order with no size yet is shown with the answer standing, without asking; on a ready form it asks', async () => {
		const noSize = (mark: string) => demoDraft({size: {state: 'empty'}, markPrice: {state: 'ok', value: mark}});
		const h = await startAnswered(noSize('60000'));
		expect(h.host().dataset.state).toBe('needs-input');
		const asked = h.requests.length;
		const rendered = h.tKeys.length;
		await pageRenders(h, noSize('60012.5'), '1');
		expect(h.requests).toHaveLength(asked);
		expect(h.host().dataset.state).toBe('needs-input');
		// Nothing the panel shows moved (it shows the limit price, not the mark): not rendered either.
		expect(h.tKeys).toHaveLength(rendered);
		// The countdown's next minute, with another mark tick: shown, still without asking.
		await pageRenders(h, demoDraft({size: {state: 'empty'}, markPrice: {state: 'ok', value: '60013'}, fundingCountdownSeconds: {state: 'ok', value: '28680'}}), '1b');
		expect(h.requests).toHaveLength(asked);
		expect(h.host().shadowRoot?.textContent).toContain('7h 58m');
		// A market order enters at the mark: its ticks are asked about.
		const market = (mark: string) => demoDraft({orderType: {state: 'ok', value: 'market'}, price: {state: 'empty'}, size: {state: 'empty'}, markPrice: {state: 'ok', value: mark}});
		await pageRenders(h, market('60012.5'), '2');
		expect(h.requests).toHaveLength(asked + 1);
		h.requests.at(-1)!.answer();
		await settle();
		await pageRenders(h, market('60020'), '3');
		expect(h.requests).toHaveLength(asked + 2);
		h.requests.at(-1)!.answer();
		await settle();
		// A ready limit order: the mark moves the distance to liquidation, so each tick is asked about.
		await pageRenders(h, demoDraft({markPrice: {state: 'ok', value: '60020'}}), '4');
		h.requests.at(-1)!.answer();
		await settle();
		expect(h.host().dataset.state).toBe('ready');
		const readyAsked = h.requests.length;
		await pageRenders(h, demoDraft({markPrice: {state: 'ok', value: '60030'}}), '5');
		expect(h.requests).toHaveLength(readyAsked + 1);
	});

	test('the gate holds by the answer for the same order while a mark tick is being asked about', async () => {
		const h = await startAnswered(demoDraft());
		expect(h.session.judge('click', h.button)).toBe('hold');
		// The mark ticked: the form is read and asked about again; the submit comes before the answer.
		await pageRenders(h, demoDraft({markPrice: {state: 'ok', value: '60050'}}), '1');
		expect(h.requests.at(-1)!.request.draft.markPrice).toEqual({state: 'ok', value: '60050'});
		expect(h.session.judge('click', h.button)).toBe('hold');
		// Another order (a smaller leverage) is not judged by that answer: unchecked, it goes through.
		await pageRenders(h, demoDraft({markPrice: {state: 'ok', value: '60050'}, leverage: {state: 'ok', value: '2'}}), '2');
		expect(h.session.judge('click', h.button)).toBe('pass');
	});

	test('a countdown tick while the worker answers: the answer shows the ticked countdown, and a draft of another revision is not shown with it', async () => {
		const h = start(demoDraft());
		h.frame();
		expect(h.requests).toHaveLength(1);
		// The countdown ticks before the answer comes: same key, no new request.
		await pageRenders(h, demoDraft({fundingCountdownSeconds: {state: 'ok', value: '28680'}}), '1');
		expect(h.requests).toHaveLength(1);
		h.requests[0]!.answer();
		await settle();
		expect(h.host().dataset.state).toBe('ready');
		expect(h.host().shadowRoot?.textContent).toContain('7h 58m');
		// A size change asks again; its answer shows its own size, not the draft shown before it.
		await pageRenders(h, demoDraft({size: {state: 'ok', value: {value: '0.3', unit: 'base'}, text: '0.3'}}), '2');
		expect(h.requests).toHaveLength(2);
		h.requests[1]!.answer();
		await settle();
		expect(h.host().dataset.state).toBe('ready');
		expect(h.host().dataset.quantity).toBe('0.3');
	});

	test('a change in the form does not re-measure the panel\'s anchor (a forced layout); the heartbeat and a resize of the form do', () => {
		const h = start(demoDraft());
		h.frame();
		h.frame();
		const placed = h.anchorLookups();
		expect(placed).toBeGreaterThan(0);
		expect(h.resizeWatched).toContain(h.form);
		// A mark-price tick and a typed size: DOM changes read in a frame and an input read in a task.
		for (const value of ['0.1', '0.2']) {
			h.setRead({found: true, draft: demoDraft({size: {state: 'ok', value: {value, unit: 'base'}, text: value}})});
			h.form.setAttribute('data-tick', value);
			h.frame();
			const size = h.form.querySelector('#size') as HTMLInputElement;
			size.dispatchEvent(userInput());
			vi.advanceTimersByTime(1);
			h.frame();
		}
		expect(h.anchorLookups()).toBe(placed);
		// The heartbeat's read, made after the frame's layout (the probe), measures once.
		const reads = h.readPhases.length;
		h.session.tick();
		h.frame();
		expect(h.readPhases.slice(reads)).toEqual(['resize']);
		expect(h.anchorLookups()).toBe(placed + 1);
		// A resize of the form, reported by the browser after its layout.
		expect(h.resizeWatched).toContain(h.form);
		h.resize();
		expect(h.anchorLookups()).toBe(placed + 2);
	});

	test('a docked panel\'s anchor is measured in a frame or after the browser\'s layout, never in a task, and with no IntersectionObserver', () => {
		const h = start(demoDraft(), {anchorBox: {left: 24, bottom: 500, width: 320}});
		h.frame();
		h.frame();
		// Docked under the anchor, in document coordinates (the page is scrolled by 40 px).
		expect(h.host().style.getPropertyValue('top')).toBe('540px');
		expect(h.host().style.getPropertyValue('left')).toBe('24px');
		for (let second = 0; second < 3; second++) {
			const size = h.form.querySelector('#size') as HTMLInputElement;
			size.dispatchEvent(userInput());
			vi.advanceTimersByTime(1);
			h.session.tick();
			vi.advanceTimersByTime(1);
			h.frame();
		}
		h.resize();
		expect(h.boxReads.length).toBeGreaterThanOrEqual(5);
		expect(h.boxReads.filter(where => where === 'task')).toEqual([]);
		// After the first placement every read was the ResizeObserver's, after a layout the frame did anyway.
		expect(h.boxReads.slice(1).every(where => where === 'resize')).toBe(true);
		// Once a document has had one, Chromium computes intersections in every frame for the rest of its life.
		expect(h.intersectionObservers()).toBe(0);
	});
});

describe('content session: the heartbeat reads only outside the form while the form is unchanged', () => {
	const noSize = (mark: string, overrides: Partial<OrderDraft> = {}) => demoDraft({size: {state: 'empty'}, markPrice: {state: 'ok', value: mark}, ...overrides});
	/** The page changes what it shows with no mutation in the form (its ticker bar), and the heartbeat comes. */
	const heartbeatAfter = async (h: Harness, draft: OrderDraft) => {
		h.setRead({found: true, draft});
		h.session.tick();
		h.frame();
		await flushReplies();
	};

	test('a mark tick under a limit order with no size yet: the ticker is read, the form is not, nothing is asked or rendered', async () => {
		const h = await startAnswered(noSize('60000'));
		const [reads, outside, asked, rendered] = [h.readCalls(), h.outsideReads(), h.requests.length, h.tKeys.length];
		await heartbeatAfter(h, noSize('60012.5'));
		await heartbeatAfter(h, noSize('60013'));
		expect(h.outsideReads()).toBe(outside + 2);
		expect(h.readCalls()).toBe(reads);
		expect(h.requests).toHaveLength(asked);
		expect(h.tKeys).toHaveLength(rendered);
		expect(h.host().dataset.state).toBe('needs-input');
	});

	test('a ready form: each mark tick the ticker shows is asked about, from the ticker alone', async () => {
		const h = await startAnswered(demoDraft());
		const [reads, asked] = [h.readCalls(), h.requests.length];
		await heartbeatAfter(h, demoDraft({markPrice: {state: 'ok', value: '60050'}}));
		expect(h.requests).toHaveLength(asked + 1);
		expect(h.requests.at(-1)!.request.draft).toEqual(demoDraft({markPrice: {state: 'ok', value: '60050'}}));
		expect(h.readCalls()).toBe(reads);
		// The gate holds by the answer standing for the same order.
		expect(h.session.judge('click', h.button)).toBe('hold');
	});

	test('the countdown\'s next minute is shown at the heartbeat without asking', async () => {
		const h = await startAnswered(noSize('60000'));
		const asked = h.requests.length;
		await heartbeatAfter(h, noSize('60000', {fundingCountdownSeconds: {state: 'ok', value: '28680'}}));
		expect(h.requests).toHaveLength(asked);
		expect(h.host().shadowRoot?.textContent).toContain('7h 58m');
	});

	test('a control\'s value set by a page script (no mutation) is read whole at the next heartbeat', async () => {
		const h = await startAnswered(noSize('60000'));
		const [reads, asked] = [h.readCalls(), h.requests.length];
		(h.form.querySelector('#size') as HTMLInputElement).value = '0.5';
		await heartbeatAfter(h, demoDraft({size: {state: 'ok', value: {value: '0.5', unit: 'base'}, text: '0.5'}}));
		expect(h.readCalls()).toBe(reads + 1);
		expect(h.requests).toHaveLength(asked + 1);
		expect(h.requests.at(-1)!.request.draft.size).toEqual({state: 'ok', value: {value: '0.5', unit: 'base'}, text: '0.5'});
	});

	test('an unchanged form is read whole every WHOLE_READ_BEATS heartbeats', async () => {
		const h = await startAnswered(noSize('60000'));
		const reads = h.readCalls();
		for (let beat = 0; beat < 2 * WHOLE_READ_BEATS; beat++) await heartbeatAfter(h, noSize('60000'));
		expect(h.readCalls()).toBe(reads + 2);
	});

	test('after the worker refused more than QUICK_RETRIES times, the heartbeat reads whole and asks again', async () => {
		const h = start(noSize('60000'));
		h.frame();
		for (let refusal = 0; refusal <= QUICK_RETRIES; refusal++) {
			h.requests.at(-1)!.refuse();
			await flushReplies();
			vi.advanceTimersByTime(200);
			h.frame();
		}
		const [reads, asked] = [h.readCalls(), h.requests.length];
		await heartbeatAfter(h, noSize('60000'));
		expect(h.readCalls()).toBe(reads + 1);
		expect(h.requests).toHaveLength(asked + 1);
	});
});

describe('content session: reads after the browser\'s layout', () => {
	test('once the panel shows, a page change and the heartbeat are read after the frame\'s layout (a probe of the host), not in an animation frame', async () => {
		const h = await startAnswered(demoDraft());
		const before = h.readPhases.length;
		h.form.setAttribute('data-tick', '1');
		await Promise.resolve(); // the mutation record
		h.frame();
		h.session.tick();
		h.frame();
		const phases = h.readPhases.slice(before);
		expect(phases).toEqual(['resize', 'resize']);
	});

	test('a probe the browser does not report (a host with no box) gives way to an animation frame after PROBE_PATIENCE_MS', async () => {
		const h = await startAnswered(demoDraft());
		h.probeReports(false);
		const before = h.readPhases.length;
		h.session.tick();
		h.frame();
		expect(h.readPhases.length).toBe(before);
		// Within the patience a second schedule waits for the same probe.
		h.session.tick();
		h.frame();
		expect(h.readPhases.length).toBe(before);
		vi.advanceTimersByTime(PROBE_PATIENCE_MS + 1);
		h.session.tick();
		h.frame();
		expect(h.readPhases.slice(before)).toEqual(['frame']);
	});
});

describe('content session: an answer the worker repeats', () => {
	test('keeps the shown answer\'s objects, so the figures are not rendered again; a different answer is', async () => {
		const h = start(demoDraft());
		h.frame();
		h.requests[0]!.answer({answerKey: 'k1'});
		await flushReplies();
		const liquidationRows = () => h.tKeys.filter(key => key === 'panel_liquidation').length;
		const first = liquidationRows();
		expect(first).toBeGreaterThan(0);
		// A mark-price tick: a new read and a new question, and the worker's answer says the same as before.
		h.setRead({found: true, draft: demoDraft({markPrice: {state: 'ok', value: '60001'}})});
		h.session.tick();
		h.frame();
		expect(h.requests).toHaveLength(2);
		h.requests[1]!.answer({answerKey: 'k1'});
		await flushReplies();
		expect(h.host().dataset.state).toBe('ready');
		expect(liquidationRows()).toBe(first);
		// The next tick's answer differs: the figures are rendered again.
		h.setRead({found: true, draft: demoDraft({markPrice: {state: 'ok', value: '60002'}})});
		h.session.tick();
		h.frame();
		h.requests[2]!.answer({answerKey: 'k2'});
		await flushReplies();
		expect(liquidationRows()).toBeGreaterThan(first);
	});
});

describe('content session: the page\'s theme', () => {
	test('is looked at again when <html> or <body> attributes change or the form root changes, and every THEME_BEATS heartbeats, not at every one', async () => {
		const h = start(demoDraft(), {anchorBox: {left: 24, bottom: 500, width: 320}});
		h.frame();
		h.frame();
		const first = h.styleReads();
		expect(first).toBeGreaterThan(0);
		const beat = () => {
			h.session.tick();
			h.frame();
		};
		for (let second = 1; second < THEME_BEATS; second++) beat();
		expect(h.styleReads()).toBe(first);
		beat(); // the THEME_BEATS-th
		expect(h.styleReads()).toBeGreaterThan(first);
		const afterBeats = h.styleReads();
		// A venue switching its theme: an attribute on <html> (the demo's data-theme), then one on <body>.
		document.documentElement.setAttribute('data-theme', 'light');
		await Promise.resolve();
		beat();
		expect(h.styleReads()).toBeGreaterThan(afterBeats);
		const afterHtml = h.styleReads();
		document.body.className = 'theme-dark';
		await Promise.resolve();
		beat();
		expect(h.styleReads()).toBeGreaterThan(afterHtml);
		document.documentElement.removeAttribute('data-theme');
		document.body.className = '';
	});
});

describe('content session: a hostile page and the panel host', () => {
	test('the host is a plain div: a page that defined the old custom element name first gets nothing', async () => {
		let constructed = 0;
		customElements.define('liqguard-panel', class extends HTMLElement {
			constructor() {
				super();
				constructed += 1;
			}
		});
		const h = await startAnswered(demoDraft());
		expect(h.host().tagName).toBe('DIV');
		expect(h.host().parentElement).toBe(document.documentElement);
		expect(constructed).toBe(0);
	});

	test('mountPanel failing (attachShadow throws) fails open: no error out of the read, and the gate never holds', async () => {
		const attachShadow = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(() => {
			throw new DOMException('disabled', 'NotSupportedError');
		});
		try {
			const h = start(demoDraft({leverage: {state: 'ok', value: '100'}}));
			expect(() => h.frame()).not.toThrow();
			h.requests[0]?.answer();
			await flushReplies();
			expect(h.requests).toHaveLength(1);
			expect(h.session.judge('click', h.button)).toBe('pass');
		} finally {
			attachShadow.mockRestore();
		}
	});

	test('the page hiding the host through its inline style or attributes is undone', async () => {
		const h = await startAnswered(demoDraft());
		const host = h.host();
		const own = host.getAttribute('style');
		expect(own).toContain('display:block!important');
		host.style.opacity = '0';
		host.setAttribute('style', 'display:none!important;opacity:0!important;pointer-events:none!important');
		host.setAttribute('inert', '');
		host.setAttribute('hidden', '');
		await flushReplies();
		expect(host.getAttribute('style')).toBe(own);
		expect(host.hasAttribute('inert')).toBe(false);
		expect(host.hasAttribute('hidden')).toBe(false);
	});
});

describe('content session: untrusted input events', () => {
	test('a page flooding synthetic input events gets one read per frame, not one per event', async () => {
		const h = await startAnswered(demoDraft());
		const before = h.readCalls();
		const input = h.form.querySelector('input')!;
		for (let i = 0; i < 50; i++) {
			h.setRead({found: true, draft: demoDraft({leverage: {state: 'ok', value: String(i + 2)}})});
			input.dispatchEvent(new Event('input', {bubbles: true}));
		}
		vi.advanceTimersByTime(0);
		expect(h.readCalls() - before).toBe(0);
		h.frame();
		expect(h.readCalls() - before).toBe(1);
		expect(h.requests).toHaveLength(2);
	});

	test('the user\'s own (trusted) input event is still read at once', async () => {
		const h = await startAnswered(demoDraft());
		const before = h.readCalls();
		h.setRead({found: true, draft: demoDraft({leverage: {state: 'ok', value: '7'}})});
		const event = new Event('input', {bubbles: true});
		Object.defineProperty(event, 'isTrusted', {value: true});
		h.form.querySelector('input')!.dispatchEvent(event);
		expect(h.readCalls() - before).toBeGreaterThanOrEqual(1);
		expect(h.requests).toHaveLength(2);
	});
});

describe('our own fault in a read', () => {
	test('an adapter that throws on the user edit shows the LiqGuard error and never throws into the dispatch of the page', async () => {
		const h = await startAnswered(demoDraft());
		const broken = {} as ReadResult;
		Object.defineProperty(broken, 'found', {get: () => {
			throw new Error('adapter bug');
		}});
		h.setRead(broken);
		const size = h.form.querySelector('input')!;
		expect(() => size.dispatchEvent(userInput())).not.toThrow();
		h.frame();
		expect(h.host().getAttribute('data-state')).toBe('error');
	});
});
