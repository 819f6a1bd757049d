/**
 * The session's request state machine on its own: which replies it shows, drops or retries, and when a timeout
 * stands. No DOM, no timers: the test plays the events in the order a page and a worker could produce them.
 */
import {describe, expect, test} from 'vitest';
import {sameOnFields, type OrderDraft} from '../../../src/core/draft.js';
import {createRequestMachine, draftKey, NO_FORM, QUICK_RETRIES} from '../../../src/content/request.js';
import type {Reply} from '../../../src/messaging/protocol.js';
import {demoDraft} from '../messaging/draft-fixture.js';

type Result = {answer: string};
const ok = (answer: string): Reply<Result> => ({ok: true, value: {answer}});
const refused: Reply<Result> = {ok: false, error: {name: 'disconnected', message: 'Could not establish connection. Receiving end does not exist.'}};
const KEY_A = draftKey(demoDraft());
const KEY_B = draftKey(demoDraft({size: {state: 'ok', value: {value: '0.4', unit: 'base'}, text: '0.4'}}));

describe('content request state machine', () => {
	test('a changed form asks under a new revision; the same form again asks nothing', () => {
		const machine = createRequestMachine<Result>();
		expect(machine.read(KEY_A)).toEqual({action: 'ask', revision: 1});
		expect(machine.read(KEY_A)).toEqual({action: 'unchanged'});
		expect(machine.read(KEY_B)).toEqual({action: 'ask', revision: 2});
	});

	test('a countdown tick alone is the same key (shown, never asked about)', () => {
		const ticked = demoDraft({fundingCountdownSeconds: {state: 'ok', value: '59', text: '00:00:59'}});
		const later = demoDraft({fundingCountdownSeconds: {state: 'ok', value: '58', text: '00:00:58'}});
		expect(draftKey(ticked)).toBe(draftKey(later));
	});

	test('a stale reply (an older revision) is dropped and leaves the pending one standing', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		machine.read(KEY_B);
		expect(machine.reply(1, ok('for A'))).toEqual({action: 'stale'});
		expect(machine.freshFor(KEY_A)).toBeUndefined();
		expect(machine.freshFor(KEY_B)).toBeUndefined();
		expect(machine.timeout(2)).toBe(true);
		expect(machine.reply(2, ok('for B'))).toEqual({action: 'show', result: {answer: 'for B'}});
		expect(machine.freshFor(KEY_B)).toEqual({answer: 'for B'});
		// Fresh only for the form it answered: the gate must not use it for another form.
		expect(machine.freshFor(KEY_A)).toBeUndefined();
	});

	test('a new revision supersedes a pending one: the older timeout no longer stands, the newer one does', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		machine.read(KEY_B);
		expect(machine.timeout(1)).toBe(false);
		expect(machine.timeout(2)).toBe(true);
	});

	test('a timeout with no reply is an error state: nothing is fresh, and a late reply for it still shows', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		expect(machine.timeout(1)).toBe(true);
		// Still unanswered after the timeout: the gate has nothing fresh and lets a submit through.
		expect(machine.freshFor(KEY_A)).toBeUndefined();
		expect(machine.reply(1, ok('late'))).toEqual({action: 'show', result: {answer: 'late'}});
		expect(machine.timeout(1)).toBe(false);
		expect(machine.freshFor(KEY_A)).toEqual({answer: 'late'});
	});

	test('a refusal (worker stopping) is retried: the same form asks again under a new revision', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		expect(machine.reply(1, refused)).toEqual({action: 'retry'});
		expect(machine.freshFor(KEY_A)).toBeUndefined();
		expect(machine.read(KEY_A)).toEqual({action: 'ask', revision: 2});
		expect(machine.reply(2, ok('after restart'))).toEqual({action: 'show', result: {answer: 'after restart'}});
	});

	test(`after ${QUICK_RETRIES} refusals in a row the panel shows an error, and the next read still asks again`, () => {
		const machine = createRequestMachine<Result>();
		let revision = 0;
		for (let attempt = 1; attempt <= QUICK_RETRIES; attempt++) {
			const step = machine.read(KEY_A);
			expect(step.action).toBe('ask');
			revision = (step as {revision: number}).revision;
			expect(machine.reply(revision, refused)).toEqual({action: 'retry'});
		}
		const last = machine.read(KEY_A) as {revision: number};
		expect(machine.reply(last.revision, refused)).toEqual({action: 'error', errorName: 'disconnected'});
		expect(machine.read(KEY_A).action).toBe('ask');
	});

	test('a reply refused for another reason is an error and does not forget the form (no retry loop)', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		expect(machine.reply(1, {ok: false, error: {name: 'invalid-payload', message: 'draft.size'}})).toEqual({action: 'error', errorName: 'invalid-payload'});
		expect(machine.read(KEY_A)).toEqual({action: 'unchanged'});
	});

	test('the form going away takes a revision: a reply in flight for it is dropped, and the badge is cleared once', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		expect(machine.read(NO_FORM)).toEqual({action: 'unreadable', revision: 2, clearBadge: true});
		expect(machine.reply(1, ok('for A'))).toEqual({action: 'stale'});
		expect(machine.read(NO_FORM)).toEqual({action: 'unchanged'});
		expect(machine.read(KEY_A)).toEqual({action: 'ask', revision: 3});
		expect(machine.read(NO_FORM)).toEqual({action: 'unreadable', revision: 4, clearBadge: true});
		// Never asked about since it was last unreadable: nothing on the badge to clear.
		const fresh = createRequestMachine<Result>();
		expect(fresh.read(NO_FORM)).toEqual({action: 'unreadable', revision: 1, clearBadge: false});
	});

	test('a refresh asks again for the same form, and the reply on the old settings no longer counts (the gate fails open meanwhile)', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		machine.reply(1, ok('old settings'));
		machine.refresh();
		expect(machine.freshFor(KEY_A)).toBeUndefined();
		expect(machine.read(KEY_A)).toEqual({action: 'ask', revision: 2});
		expect(machine.freshFor(KEY_A)).toBeUndefined();
		expect(machine.reply(2, ok('new settings'))).toEqual({action: 'show', result: {answer: 'new settings'}});
		expect(machine.freshFor(KEY_A)).toEqual({answer: 'new settings'});
	});

	test('after a refresh the machine still knows it asked, so the end of the session clears the badge it set', () => {
		const machine = createRequestMachine<Result>();
		machine.read(KEY_A);
		machine.reply(1, ok('answer'));
		machine.refresh();
		expect(machine.hasSent()).toBe(true);
	});

	describe('an answer that says which fields it read', () => {
		type Read = {answer: string; readFields?: readonly string[]};
		const READ = ['orderType', 'price', 'size'];
		const answered = (answer: string, readFields: readonly string[] | null = READ): Reply<Read> => ({ok: true, value: {answer, ...(readFields ? {readFields} : {})}});
		const noSize = demoDraft({size: {state: 'empty'}});
		const ticked = demoDraft({size: {state: 'empty'}, markPrice: {state: 'ok', value: '60012.5'}});
		const typed = demoDraft({size: {state: 'ok', value: {value: '0.1', unit: 'base'}}});
		const read = (machine: ReturnType<typeof createRequestMachine<Read>>, draft: typeof noSize) => machine.read(draftKey(draft), draft);
		const machineOf = () => createRequestMachine<Read>(result => result.readFields);

		test('a form that moved only in fields the answer did not read keeps that answer, fresh for the new form', () => {
			const machine = machineOf();
			expect(read(machine, noSize)).toEqual({action: 'ask', revision: 1});
			machine.reply(1, answered('needs size'));
			expect(read(machine, ticked)).toEqual({action: 'same-answer'});
			// The gate judges the form as it is now with that answer: it is the answer for this form too.
			expect(machine.freshFor(draftKey(ticked))).toEqual({answer: 'needs size', readFields: READ});
			expect(machine.revision()).toBe(1);
			expect(read(machine, ticked)).toEqual({action: 'unchanged'});
		});

		test('a change in a field it read asks again', () => {
			const machine = machineOf();
			read(machine, noSize);
			machine.reply(1, answered('needs size'));
			expect(read(machine, typed)).toEqual({action: 'ask', revision: 2});
			expect(machine.freshFor(draftKey(noSize))).toBeUndefined();
		});

		test('asks as before while an answer is pending, after a refresh, or when the answer does not say what it read', () => {
			const pending = machineOf();
			read(pending, noSize);
			expect(read(pending, ticked)).toEqual({action: 'ask', revision: 2});

			const refreshed = machineOf();
			read(refreshed, noSize);
			refreshed.reply(1, answered('old settings'));
			refreshed.refresh();
			expect(read(refreshed, ticked)).toEqual({action: 'ask', revision: 2});

			const silent = machineOf();
			read(silent, noSize);
			silent.reply(1, answered('no fields', null));
			expect(read(silent, ticked)).toEqual({action: 'ask', revision: 2});
		});

		test('a form that went away and came back asks again', () => {
			const machine = machineOf();
			read(machine, noSize);
			machine.reply(1, answered('needs size'));
			expect(machine.read(NO_FORM)).toEqual({action: 'unreadable', revision: 2, clearBadge: true});
			expect(read(machine, ticked)).toEqual({action: 'ask', revision: 3});
		});

		test('sameOnFields tells drafts apart on the given fields only, as their JSON would', () => {
			expect(sameOnFields(noSize, ticked, READ)).toBe(true);
			expect(sameOnFields(noSize, ticked, [...READ, 'markPrice'])).toBe(false);
			// An optional field absent from both, then present in one.
			expect(sameOnFields(noSize, demoDraft({size: {state: 'empty'}}), ['venueMargin'])).toBe(true);
			expect(sameOnFields(noSize, demoDraft({venueMargin: {state: 'empty'}}), ['venueMargin'])).toBe(false);
			// Nested values (a size's unit), a text that differs, a key left undefined (absent in JSON).
			expect(sameOnFields(typed, demoDraft({size: {state: 'ok', value: {value: '0.1', unit: 'quote'}}}), ['size'])).toBe(false);
			expect(sameOnFields(demoDraft({price: {state: 'ok', value: '1', text: '1'}}), demoDraft({price: {state: 'ok', value: '1', text: '1.0'}}), ['price'])).toBe(false);
			expect(sameOnFields(demoDraft({price: {state: 'ok', value: '1', text: undefined}}), demoDraft({price: {state: 'ok', value: '1'}}), ['price'])).toBe(true);
			expect(sameOnFields(demoDraft({price: {state: 'empty'}}), demoDraft({price: {state: 'unread', reason: 'not-found'}}), ['price'])).toBe(false);
		});
	});

	describe('the latest answer stands for the same order while the market ticks', () => {
		const order = demoDraft();
		const ticked = demoDraft({markPrice: {state: 'ok', value: '60050'}, balance: {state: 'ok', value: '9990'}, venueLiquidationPrice: {state: 'ok', value: '59000'}});
		const answeredOnce = () => {
			const machine = createRequestMachine<Result>();
			machine.read(draftKey(order), order);
			machine.reply(1, ok('danger'));
			return machine;
		};

		test('the mark, the balance and the venue\'s own estimate moved: it stands, though it is not fresh', () => {
			const machine = answeredOnce();
			expect(machine.freshFor(draftKey(ticked))).toBeUndefined();
			expect(machine.standingFor(ticked)).toEqual({answer: 'danger'});
			// Asked about again, its answer pending: the one before still stands for the order.
			expect(machine.read(draftKey(ticked), ticked)).toEqual({action: 'ask', revision: 2});
			expect(machine.standingFor(ticked)).toEqual({answer: 'danger'});
		});

		test('another order (size, leverage, side, price, symbol, mode, stop) does not', () => {
			const machine = answeredOnce();
			const others: Partial<OrderDraft>[] = [
				{size: {state: 'ok', value: {value: '0.6', unit: 'base'}}},
				{leverage: {state: 'ok', value: '10'}},
				{side: {state: 'ok', value: 'short'}},
				{price: {state: 'ok', value: '61000'}},
				{symbol: {state: 'ok', value: 'SOLUSDT'}},
				{marginMode: {state: 'ok', value: 'cross'}},
				{stopLoss: {state: 'ok', value: '59000'}},
			];
			for (const change of others) expect(machine.standingFor(demoDraft(change)), JSON.stringify(change)).toBeUndefined();
		});

		test('nothing stands after an error, a timeout, a refresh or a form that went away; a late answer stands again', () => {
			const errored = answeredOnce();
			errored.read(draftKey(ticked), ticked);
			errored.reply(2, {ok: false, error: {name: 'invalid-payload', message: 'refused'}});
			expect(errored.standingFor(ticked)).toBeUndefined();

			const timedOut = answeredOnce();
			timedOut.read(draftKey(ticked), ticked);
			expect(timedOut.timeout(2)).toBe(true);
			expect(timedOut.standingFor(ticked)).toBeUndefined();
			timedOut.reply(2, ok('late'));
			expect(timedOut.standingFor(ticked)).toEqual({answer: 'late'});

			const refreshed = answeredOnce();
			refreshed.refresh();
			expect(refreshed.standingFor(order)).toBeUndefined();

			const gone = answeredOnce();
			gone.read(NO_FORM);
			expect(gone.standingFor(order)).toBeUndefined();
		});
	});
});
