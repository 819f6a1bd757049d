import {describe, expect, test} from 'vitest';
import {assessDraft, type DraftAssessment} from '../../../src/core/assess-draft.js';
import type {Assessment, Warning} from '../../../src/core/types.js';
import {decideGate, dangerWarnings, orderKey, type Allowance, type GateInput} from '../../../src/content/gate.js';
import {demoDraft} from '../messaging/draft-fixture.js';

const danger: Warning = {rule: 'liquidation-near-entry', severity: 'danger', message: 'close', messageKey: 'rule_x', substitutions: []};
const warn: Warning = {...danger, rule: 'leverage-high', severity: 'warn'};

function side(warnings: Warning[]) {
	return {ok: true as const, assessment: {figures: {} as Assessment['figures'], warnings, worst: warnings[0]?.severity}};
}

const assessment: DraftAssessment = {state: 'ready', needs: [], long: side([danger]), short: side([warn])};
const KEY = orderKey(demoDraft());
const base: GateInput = {mode: 'confirm', isFresh: true, side: 'long', assessment, allowance: undefined, orderKey: KEY, nowMs: 1000};
const allowance = (patch: Partial<Allowance> = {}): Allowance => ({untilMs: 16_000, side: 'long', orderKey: KEY, ...patch});

describe('pre-submit gate decision', () => {
	test('holds a submit on the side with a danger warning in confirm mode', () => {
		expect(decideGate(base)).toEqual({action: 'hold', side: 'long', warnings: [danger]});
	});

	test('judges the side of the control used: the short side has no danger here', () => {
		expect(decideGate({...base, side: 'short'})).toEqual({action: 'pass', reason: 'no-danger'});
	});

	test('with the side unknown, a danger on either side holds', () => {
		expect(decideGate({...base, side: 'both'}).action).toBe('hold');
	});

	test.each(['off', 'warn'] as const)('mode %s never holds', mode => {
		expect(decideGate({...base, mode})).toEqual({action: 'pass', reason: 'not-confirm-mode'});
	});

	test('fails open without a fresh reply, or without any reply', () => {
		expect(decideGate({...base, isFresh: false})).toEqual({action: 'pass', reason: 'unchecked'});
		expect(decideGate({...base, assessment: undefined})).toEqual({action: 'pass', reason: 'unchecked'});
		expect(decideGate({...base, mode: undefined})).toEqual({action: 'pass', reason: 'unchecked'});
	});

	test('an acknowledged allowance lets the same order through until it expires', () => {
		expect(decideGate({...base, allowance: allowance(), nowMs: 15_999})).toEqual({action: 'pass', reason: 'allowance'});
		expect(decideGate({...base, allowance: allowance(), nowMs: 16_001}).action).toBe('hold');
	});
});

describe('the allowance is tied to the order it was shown for', () => {
	test('another side does not use it: an acknowledged long does not let a short with a danger through', () => {
		const bothDanger: DraftAssessment = {state: 'ready', needs: [], long: side([danger]), short: side([danger])};
		expect(decideGate({...base, assessment: bothDanger, side: 'short', allowance: allowance()}).action).toBe('hold');
	});

	test.each([
		['the size', {size: {state: 'ok', value: {value: '5', unit: 'base'}}}],
		['the leverage', {leverage: {state: 'ok', value: '75'}}],
		['the form side', {side: {state: 'ok', value: 'short'}}],
		['the symbol', {symbol: {state: 'ok', value: 'ETHUSDT'}}],
		['the limit price', {price: {state: 'ok', value: '61000'}}],
		['the margin mode', {marginMode: {state: 'ok', value: 'cross'}}],
		['the contract size', {contractValue: '0.01'}],
		['the venue', {venue: 'bybit-linear'}],
		['a stop-loss set', {stopLoss: {state: 'ok', value: '59000'}}],
	] as const)('a change of %s ends it', (_name, patch) => {
		const changed = orderKey(demoDraft(patch as never));
		expect(changed).not.toBe(KEY);
		expect(decideGate({...base, allowance: allowance(), orderKey: changed}).action).toBe('hold');
	});

	test('a mark-price, balance or funding tick is not a new order: the allowance stands', () => {
		const ticked = orderKey(demoDraft({markPrice: {state: 'ok', value: '60012'}, balance: {state: 'ok', value: '9990'}, fundingCountdownSeconds: {state: 'ok', value: '1'}}));
		expect(ticked).toBe(KEY);
		expect(decideGate({...base, allowance: allowance(), orderKey: ticked})).toEqual({action: 'pass', reason: 'allowance'});
	});
});

describe('a side the engine could not compute, through the gate', () => {
	// Binance BTCUSDT, 125x × 1 BTC at 60,000: the 50,000–600,000 bracket allows 100x (src/core/data/tiers.ts).
	const refused = assessDraft(demoDraft({leverage: {state: 'ok', value: '125'}, size: {state: 'ok', value: {value: '1', unit: 'base'}}}));

	test('leverage above the venue cap for the size holds the submit, naming the cap', () => {
		expect(refused.notComputed).toEqual(['long', 'short']);
		const decision = decideGate({...base, assessment: refused, side: 'long', symbol: 'BTCUSDT'});
		expect(decision.action).toBe('hold');
		if (decision.action !== 'hold') return;
		expect(decision.warnings).toHaveLength(1);
		expect(decision.warnings[0]).toMatchObject({rule: 'not-computed', severity: 'danger', messageKey: 'issue_leverage_above_cap'});
		expect(decision.warnings[0]!.substitutions).toEqual(['125x', 'Binance USDⓈ-M', '60,000.00 USDT', '100x', '600,000.00']);
	});

	test('a side not computed for want of data is not a danger: the gate fails open on it', () => {
		const unknown = assessDraft(demoDraft({venue: 'bybit-linear', symbol: {state: 'ok', value: 'PEPEUSDT'}}));
		expect(unknown.notComputed).toEqual(['long', 'short']);
		expect(dangerWarnings(unknown, 'both')).toEqual([]);
		expect(decideGate({...base, assessment: unknown})).toEqual({action: 'pass', reason: 'no-danger'});
	});
});
