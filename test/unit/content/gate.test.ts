import {describe, expect, test} from 'vitest';
import type {DraftAssessment} from '../../../src/core/assess-draft.js';
import type {Assessment, Warning} from '../../../src/core/types.js';
import {decideGate, type GateInput} from '../../../src/content/gate.js';

const danger: Warning = {rule: 'liquidation-near-entry', severity: 'danger', message: 'close', messageKey: 'rule_x', substitutions: []};
const warn: Warning = {...danger, rule: 'leverage-high', severity: 'warn'};

function side(warnings: Warning[]) {
	return {ok: true as const, assessment: {figures: {} as Assessment['figures'], warnings, worst: warnings[0]?.severity}};
}

const assessment: DraftAssessment = {state: 'ready', needs: [], long: side([danger]), short: side([warn])};
const base: GateInput = {mode: 'confirm', isFresh: true, side: 'long', assessment, allowanceUntilMs: undefined, nowMs: 1000};

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

	test('an acknowledged allowance lets a submit through until it expires', () => {
		expect(decideGate({...base, allowanceUntilMs: 16_000, nowMs: 15_999})).toEqual({action: 'pass', reason: 'allowance'});
		expect(decideGate({...base, allowanceUntilMs: 16_000, nowMs: 16_001}).action).toBe('hold');
	});
});
