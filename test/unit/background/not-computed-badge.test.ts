/** The toolbar badge never clears while a side is not computed or a needed field is unusable. */
import {describe, expect, test, vi} from 'vitest';
import {showSeverity} from '../../../src/background/badge.js';
import {evaluateDraft, isIncomplete, worstSeverity} from '../../../src/background/evaluate-draft.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {LIVE_BTCUSDT, demoDraft} from '../messaging/draft-fixture.js';

const oneBtc = {state: 'ok', value: {value: '1', unit: 'base'}} as const;

describe('evaluateDraft: not computed reaches the reply', () => {
	test('125x × 1 BTC: worst is danger from the refused sides, and the reply says it is incomplete', () => {
		const result = evaluateDraft({revision: 1, draft: demoDraft({leverage: {state: 'ok', value: '125'}, size: oneBtc})}, DEFAULT_SETTINGS);
		expect(result.worst).toBe('danger');
		expect(result.isIncomplete).toBe(true);
	});

	test('no tier data: no severity to give, but incomplete', () => {
		const result = evaluateDraft({revision: 1, draft: demoDraft({venue: 'bybit-linear', symbol: {state: 'ok', value: 'PEPEUSDT'}})}, DEFAULT_SETTINGS);
		expect(result.worst).toBeUndefined();
		expect(result.isIncomplete).toBe(true);
	});

	test.each([
		['size 0', {size: {state: 'ok', value: {value: '0', unit: 'base'}}}, true],
		['size garbage', {size: {state: 'unread', reason: 'unparseable', text: 'abc'}}, true],
		['leverage not found', {leverage: {state: 'unread', reason: 'not-found'}}, true],
		['size empty: a form not filled in yet', {size: {state: 'empty'}}, false],
	] as const)('needs input, %s → incomplete %s', (_name, patch, expected) => {
		const draft = demoDraft(patch as never);
		expect(isIncomplete(assessDraft(draft), draft)).toBe(expected);
		expect(evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).isIncomplete === true).toBe(expected);
	});

	test('figures without the balance are incomplete: the margin and account risk went unchecked', () => {
		const draft = demoDraft({balance: {state: 'unread', reason: 'not-found'}});
		expect(isIncomplete(assessDraft(draft), draft)).toBe(true);
	});

	test('a fully computed draft is not incomplete; the same on a bundled table is', () => {
		const draft = demoDraft();
		expect(isIncomplete(assessDraft(draft, undefined, {market: LIVE_BTCUSDT}), draft)).toBe(false);
		// Binance BTCUSDT without market data: the bundled table, an estimate rather than a fact.
		const result = evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS);
		expect(result.isIncomplete).toBe(true);
		expect(worstSeverity(result.assessment)).toBe(result.worst);
	});
});

describe('toolbar badge for an incomplete check', () => {
	const action = () => ({setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined)});

	test('"?" in grey, never the empty badge, when nothing worse is known', async () => {
		const api = action();
		await showSeverity(api, 4, undefined, true);
		expect(api.setBadgeText).toHaveBeenLastCalledWith({tabId: 4, text: '?'});
		expect(api.setBadgeBackgroundColor).toHaveBeenLastCalledWith({tabId: 4, color: '#6b7280'});
		await showSeverity(api, 4, 'warn', true);
		expect(api.setBadgeText).toHaveBeenLastCalledWith({tabId: 4, text: '?'});
	});

	test('a danger outranks "?"', async () => {
		const api = action();
		await showSeverity(api, 4, 'danger', true);
		expect(api.setBadgeText).toHaveBeenLastCalledWith({tabId: 4, text: '!'});
		expect(api.setBadgeBackgroundColor).toHaveBeenLastCalledWith({tabId: 4, color: '#dc2626'});
	});
});
