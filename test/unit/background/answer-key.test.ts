import {describe, expect, test} from 'vitest';
import {answerKey, partKeys} from '../../../src/background/answer-key.js';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import {demoDraft} from '../messaging/draft-fixture.js';

describe('answerKey: one key per answer, whatever its revision', () => {
	test('the same answer under two revisions has one key; a SHA-256 in hex', async () => {
		const first = evaluateDraft({revision: 1, draft: demoDraft()}, DEFAULT_SETTINGS);
		const second = evaluateDraft({revision: 2, draft: demoDraft()}, DEFAULT_SETTINGS);
		const key = await answerKey(first);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(await answerKey(second)).toBe(key);
		// A key already set on the result is not hashed into the next one.
		expect(await answerKey({...second, answerKey: key})).toBe(key);
	});

	test('any difference the panel could show gives another key: a figure, the gate mode, the reminder', async () => {
		const base = evaluateDraft({revision: 1, draft: demoDraft()}, DEFAULT_SETTINGS);
		const key = await answerKey(base);
		const otherSize = evaluateDraft({revision: 1, draft: demoDraft({size: {state: 'ok', value: {value: '0.2', unit: 'base'}, text: '0.2'}})}, DEFAULT_SETTINGS);
		expect(await answerKey(otherSize)).not.toBe(key);
		expect(await answerKey({...base, gateMode: base.gateMode === 'warn' ? 'confirm' : 'warn'})).not.toBe(key);
		expect(await answerKey({...base, reminder: {howTo: 'Switch to Isolated'}})).not.toBe(key);
	});
});

describe('partKeys: the warnings, assumptions and source line on their own', () => {
	test('a mark-price tick changes the answer\'s key, not its warnings\' or assumptions\'; a leverage change does', async () => {
		const at = (markPrice: string, leverage = '20') => evaluateDraft({revision: 1, draft: demoDraft({markPrice: {state: 'ok', value: markPrice}, leverage: {state: 'ok', value: leverage}})}, DEFAULT_SETTINGS);
		// A 1 USDT tick at 20x moves the distance, not the warnings' rounded figures.
		const [before, tick, otherLeverage] = [at('60000'), at('60001'), at('60000', '100')];
		expect(await answerKey(tick)).not.toBe(await answerKey(before));
		const keys = await partKeys(before);
		expect(keys.warnings).toMatch(/^[0-9a-f]{64}$/);
		expect(await partKeys(tick)).toEqual(keys);
		expect((await partKeys(otherLeverage)).warnings).not.toBe(keys.warnings);
		// The source line's inputs include where the parameters came from.
		expect((await partKeys({...before, market: {state: 'disabled'} as never})).source).not.toBe(keys.source);
	});
});
