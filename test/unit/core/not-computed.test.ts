/** A side the engine cannot compute is a state of the draft's assessment, never an absence that reads as clear. */
import {describe, expect, test} from 'vitest';
import {assessDraft, isAllClear, notComputedSeverity} from '../../../src/core/assess-draft.js';
import {LIVE_BTCUSDT, demoDraft} from '../messaging/draft-fixture.js';

const oneBtc = {state: 'ok', value: {value: '1', unit: 'base'}} as const;

describe('assessDraft: sides not computed', () => {
	test('125x × 1 BTC on Binance: both sides refused, listed, and a danger (the venue refuses the order as typed)', () => {
		const assessment = assessDraft(demoDraft({leverage: {state: 'ok', value: '125'}, size: oneBtc}));
		expect(assessment.state).toBe('ready');
		expect(assessment.notComputed).toEqual(['long', 'short']);
		expect(assessment.long).toMatchObject({ok: false, issues: [{field: 'leverage', code: 'above-venue-max', data: {kind: 'venue-cap', maxLeverage: '100', tierCap: '600000'}}]});
		expect(notComputedSeverity(assessment.long)).toBe('danger');
		expect(isAllClear(assessment, 'both')).toBe(false);
		expect(isAllClear(assessment, 'long')).toBe(false);
	});

	test('0.5 BTC at 125x (30,000, inside the 125x bracket) is computed on both sides', () => {
		const assessment = assessDraft(demoDraft({leverage: {state: 'ok', value: '125'}}));
		expect(assessment.notComputed).toBeUndefined();
		expect(assessment.long?.ok && assessment.short?.ok).toBe(true);
	});

	test('a market with no tier data: not computed, unknown rather than danger', () => {
		const assessment = assessDraft(demoDraft({venue: 'bybit-linear', symbol: {state: 'ok', value: 'PEPEUSDT'}}));
		expect(assessment.notComputed).toEqual(['long', 'short']);
		expect(notComputedSeverity(assessment.long)).toBeUndefined();
		expect(isAllClear(assessment, 'both')).toBe(false);
	});

	test('only the side the form is set to is asked for; the other is absent, not failed', () => {
		const assessment = assessDraft(demoDraft({side: {state: 'ok', value: 'long'}, leverage: {state: 'ok', value: '2'}, fundingRate: {state: 'empty'}, balance: {state: 'empty'}, stopLoss: {state: 'ok', value: '50000'}}));
		expect(assessment.short).toBeUndefined();
		expect(assessment.notComputed).toBeUndefined();
	});
});

describe('isAllClear', () => {
	const quiet = demoDraft({leverage: {state: 'ok', value: '2'}, fundingRate: {state: 'empty'}, balance: {state: 'empty'}, stopLoss: {state: 'ok', value: '50000'}, side: {state: 'ok', value: 'long'}});

	test('every side offered computed and no warning: clear', () => {
		const assessment = assessDraft(quiet, undefined, {market: LIVE_BTCUSDT});
		expect(assessment.long?.ok && assessment.long.assessment.warnings).toEqual([]);
		expect(isAllClear(assessment, 'long')).toBe(true);
		// The same order on the bundled table: figures, but not facts, so no all-clear.
		expect(isAllClear(assessDraft(quiet), 'long')).toBe(false);
	});

	test('any warning, needs-input or no assessment: not clear', () => {
		expect(isAllClear(assessDraft(demoDraft()), 'both')).toBe(false);
		expect(isAllClear(assessDraft(demoDraft({size: {state: 'ok', value: {value: '0', unit: 'base'}}})), 'both')).toBe(false);
		expect(isAllClear(undefined, 'both')).toBe(false);
		expect(isAllClear({state: 'ready', needs: []}, 'both')).toBe(false);
	});
});
