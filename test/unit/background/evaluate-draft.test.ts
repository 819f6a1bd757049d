import {describe, expect, test, vi} from 'vitest';
import {showSeverity} from '../../../src/background/badge.js';
import {evaluateDraft, worstSeverity} from '../../../src/background/evaluate-draft.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import {DEFAULT_SETTINGS, toEngineSettings} from '../../../src/settings/settings.js';
import {demoDraft} from '../messaging/draft-fixture.js';

describe('evaluateDraft handler', () => {
	test('echoes the revision and the gate mode, and assesses both sides of a two-button form', () => {
		const result = evaluateDraft({revision: 9, draft: demoDraft()}, {...DEFAULT_SETTINGS, gateMode: 'warn'});
		expect(result.revision).toBe(9);
		expect(result.gateMode).toBe('warn');
		expect(result.assessment.state).toBe('ready');
		const long = result.assessment.long;
		expect(long?.ok && long.assessment.figures.liquidation.kind).toBe('price');
		// Isolated 50x, 0.5 BTC at 60,000, tier 1 (m = 0.004): (30000 − 600) / (0.5 × 0.996).
		if (long?.ok && long.assessment.figures.liquidation.kind === 'price') {
			expect(Number(long.assessment.figures.liquidation.price)).toBeCloseTo(29_400 / 0.498, 6);
		}
		expect(result.assessment.short?.ok).toBe(true);
	});

	test("answers with the panel's figures: no popup-only PnL ladder or sizer, the rest as the full assessment has it", () => {
		const draft = demoDraft({stopLoss: {state: 'ok', value: '59000'}, balance: {state: 'ok', value: '10000'}});
		const result = evaluateDraft({revision: 2, draft}, DEFAULT_SETTINGS);
		const full = assessDraft(draft, toEngineSettings(DEFAULT_SETTINGS));
		const panel = result.assessment.long;
		const whole = full.long;
		if (!panel?.ok || !whole?.ok) throw new Error('expected the long side to assess');
		expect(whole.assessment.figures.pnlLadder.length).toBeGreaterThan(0);
		expect(whole.assessment.figures.risk?.sizing).toBeDefined();
		expect(panel.assessment.figures.pnlLadder).toEqual([]);
		expect(panel.assessment.figures.risk?.sizing).toBeUndefined();
		expect(panel.assessment.figures.liquidation).toEqual(whole.assessment.figures.liquidation);
		expect(panel.assessment.warnings).toEqual(whole.assessment.warnings);
	});

	test('worst severity spans both sides', () => {
		const result = evaluateDraft({revision: 1, draft: demoDraft({leverage: {state: 'ok', value: '100'}})}, DEFAULT_SETTINGS);
		expect(result.worst).toBe('danger');
		expect(worstSeverity({state: 'needs-input', needs: ['size']})).toBeUndefined();
	});
});

describe('toolbar badge', () => {
	test('shows the worst severity per tab and clears when there is none', async () => {
		const action = {setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined)};
		await showSeverity(action, 3, 'danger');
		expect(action.setBadgeText).toHaveBeenLastCalledWith({tabId: 3, text: '!'});
		expect(action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({tabId: 3, color: '#dc2626'});
		await showSeverity(action, 3, undefined);
		expect(action.setBadgeText).toHaveBeenLastCalledWith({tabId: 3, text: ''});
	});
});
