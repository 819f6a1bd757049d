/**
 * `trackFieldReads` and the contract the content script relies on: an answer depends on the draft's fields it read
 * and on nothing else of the draft. Every field the answer did not read is changed here, one at a time, to values a
 * page can show, and the answer must stay the same.
 */
import {describe, expect, test} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import type {MarketNotice} from '../../../src/background/market-data/resolve.js';
import {trackFieldReads, type OrderDraft} from '../../../src/core/draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {demoDraft, LIVE_BTCUSDT} from '../messaging/draft-fixture.js';

const answerOf = (draft: OrderDraft, market = false) => {
	const tracked = trackFieldReads(draft);
	const notice: MarketNotice = {state: 'live', source: LIVE_BTCUSDT.source};
	const result = evaluateDraft({revision: 1, draft: tracked.draft}, DEFAULT_SETTINGS, false, undefined, market ? {params: LIVE_BTCUSDT, notice} : undefined);
	return {result, fields: tracked.fields()};
};

/** Values a page can show in each field: another number, empty, unread. */
const ALTERNATIVES: Partial<Record<keyof OrderDraft, OrderDraft[keyof OrderDraft][]>> = {
	symbol: [{state: 'ok', value: 'SOLUSDT'}, {state: 'unread', reason: 'not-found'}],
	side: [{state: 'ok', value: 'long'}, {state: 'ok', value: 'short'}, {state: 'unread', reason: 'not-found'}],
	orderType: [{state: 'ok', value: 'market'}, {state: 'ok', value: 'limit'}, {state: 'unread', reason: 'not-found'}],
	price: [{state: 'ok', value: '61000'}, {state: 'empty'}, {state: 'unread', reason: 'unparseable', text: '1.234,5'}],
	markPrice: [{state: 'ok', value: '59000'}, {state: 'ok', value: '0'}, {state: 'unread', reason: 'not-found'}],
	size: [{state: 'ok', value: {value: '2', unit: 'base'}}, {state: 'empty'}, {state: 'ok', value: {value: '500', unit: 'quote'}}],
	leverage: [{state: 'ok', value: '10'}, {state: 'ok', value: '125'}, {state: 'unread', reason: 'not-found'}],
	marginMode: [{state: 'ok', value: 'cross'}, {state: 'ok', value: 'isolated'}, {state: 'unread', reason: 'not-found'}],
	balance: [{state: 'ok', value: '50'}, {state: 'empty'}],
	stopLoss: [{state: 'ok', value: '59500'}, {state: 'empty'}],
	takeProfit: [{state: 'ok', value: '62000'}, {state: 'empty'}],
	venueLiquidationPrice: [{state: 'ok', value: '58900'}, {state: 'unread', reason: 'not-found'}],
	fundingRate: [{state: 'ok', value: '0.003'}, {state: 'unread', reason: 'not-found'}],
	fundingCountdownSeconds: [{state: 'ok', value: '5'}, {state: 'unread', reason: 'not-found'}],
	venueMargin: [{state: 'ok', value: '1'}, {state: 'unread', reason: 'not-found'}],
	venueOrderValue: [{state: 'ok', value: '1'}, {state: 'unread', reason: 'not-found'}],
	contractValue: ['0.01', '1'],
};

/** Forms as traders leave them: sizes not typed yet, market and limit orders, cross without a balance, ready ones. */
const DRAFTS: [string, OrderDraft][] = [
	['a limit order with no size yet', demoDraft({size: {state: 'empty'}})],
	['a market order with no size yet', demoDraft({orderType: {state: 'ok', value: 'market'}, price: {state: 'empty'}, size: {state: 'empty'}})],
	['a limit order with no leverage read', demoDraft({leverage: {state: 'unread', reason: 'not-found'}})],
	['cross margin with no balance read', demoDraft({marginMode: {state: 'ok', value: 'cross'}, balance: {state: 'unread', reason: 'not-found'}})],
	['an order type unread and no limit price', demoDraft({orderType: {state: 'unread', reason: 'not-found'}, price: {state: 'empty'}, size: {state: 'empty'}})],
	['a ready limit order, both sides', demoDraft()],
	['a ready SOL long at 50x on cross', demoDraft({symbol: {state: 'ok', value: 'SOLUSDT'}, side: {state: 'ok', value: 'long'}, price: {state: 'ok', value: '150'}, markPrice: {state: 'ok', value: '150.2'}, size: {state: 'ok', value: {value: '30', unit: 'base'}}, marginMode: {state: 'ok', value: 'cross'}})],
	['a ready market order with the venue\'s own figures', demoDraft({orderType: {state: 'ok', value: 'market'}, price: {state: 'empty'}, venueMargin: {state: 'ok', value: '600'}, venueLiquidationPrice: {state: 'ok', value: '59000'}, side: {state: 'ok', value: 'long'}})],
];

describe('trackFieldReads', () => {
	test('records the fields read by property, by `in`, and every field when the draft is enumerated', () => {
		const {draft, fields} = trackFieldReads(demoDraft());
		expect(fields()).toEqual([]);
		void draft.price;
		void ('venueMargin' in draft);
		expect(fields()).toEqual(['price', 'venueMargin']);
		const spread = trackFieldReads(demoDraft());
		void {...spread.draft};
		expect(spread.fields()).toEqual(Object.keys(demoDraft()).sort());
		const serialised = trackFieldReads(demoDraft());
		expect(JSON.parse(JSON.stringify(serialised.draft))).toEqual(demoDraft());
		// JSON.stringify also asks for `toJSON`: a name no draft has, so recording it changes nothing.
		expect(serialised.fields()).toEqual([...Object.keys(demoDraft()), 'toJSON'].sort());
	});

	test('is read-only: the answer cannot write into the draft it was given', () => {
		const original = demoDraft();
		const {draft} = trackFieldReads(original);
		expect(() => {
			(draft as {price: unknown}).price = {state: 'empty'};
		}).toThrow(TypeError);
		expect(() => delete (draft as {venueMargin?: unknown}).venueMargin).toThrow(TypeError);
		expect(original.price).toEqual(demoDraft().price);
	});

	test('a limit order with no size does not read the mark; a market order and a ready form do', () => {
		expect(answerOf(demoDraft({size: {state: 'empty'}})).fields).not.toContain('markPrice');
		expect(answerOf(demoDraft({orderType: {state: 'ok', value: 'market'}, size: {state: 'empty'}})).fields).toContain('markPrice');
		expect(answerOf(demoDraft()).fields).toContain('markPrice');
		// The countdown is shown, never computed with.
		expect(answerOf(demoDraft()).fields).not.toContain('fundingCountdownSeconds');
	});
});

describe('an answer depends only on the fields it read', () => {
	for (const [name, base] of DRAFTS) {
		for (const market of [false, true]) {
			test(`${name}${market ? ', on live market data' : ''}: changing a field it did not read leaves the answer as it was`, () => {
				const {result, fields} = answerOf(base, market);
				const unreadFields = Object.keys(ALTERNATIVES).filter(field => !fields.includes(field)) as (keyof OrderDraft)[];
				let changes = 0;
				for (const field of unreadFields) {
					for (const value of ALTERNATIVES[field]!) {
						const changed = {...base, [field]: value} as OrderDraft;
						expect(answerOf(changed, market).result, `${field} → ${JSON.stringify(value)}`).toEqual(result);
						changes += 1;
					}
				}
				// Each form leaves some fields unread (the countdown at least), so the property was exercised.
				expect(changes).toBeGreaterThan(0);
			});
		}
	}

	test('changing a field it read can change the answer: the mark moves the distance to liquidation of a ready form', () => {
		const ready = answerOf(demoDraft());
		const ticked = answerOf(demoDraft({markPrice: {state: 'ok', value: '59000'}}));
		expect(ready.fields).toContain('markPrice');
		expect(ticked.result).not.toEqual(ready.result);
	});
});
