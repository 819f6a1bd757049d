import Decimal from 'decimal.js';
import {describe, expect, it} from 'vitest';
import {assessDraft, quantityFromSize} from '../../../src/core/assess-draft.js';
import type {OrderDraft} from '../../../src/core/draft.js';

const ok = <T>(value: T) => ({state: 'ok' as const, value});
const empty = {state: 'empty' as const};
const draft = (patch: Partial<OrderDraft> = {}): OrderDraft => ({
	adapter: 'binance-usdm',
	venue: 'binance-usdm',
	symbol: ok('BTCUSDT'),
	side: ok('both' as const),
	orderType: ok('limit' as const),
	price: ok('60000'),
	markPrice: ok('60100'),
	size: ok({value: '0.1', unit: 'base' as const}),
	leverage: ok('50'),
	marginMode: ok('isolated' as const),
	balance: ok('1000'),
	stopLoss: empty,
	takeProfit: empty,
	venueLiquidationPrice: {state: 'unread', reason: 'not-found'},
	fundingRate: ok('0.0001'),
	fundingCountdownSeconds: ok('3600'),
	...patch,
});

describe('assessDraft', () => {
	it('computes both sides while the side is not chosen', () => {
		const result = assessDraft(draft());
		expect(result.state).toBe('ready');
		expect(result.long?.ok && result.short?.ok).toBe(true);
		expect(result.quantity).toBe('0.1');
		expect(result.entryPrice).toBe('60000');
	});
	it('passes the detail through: the full assessment by default, the panel\'s on request', () => {
		const full = assessDraft(draft());
		const panel = assessDraft(draft(), undefined, {detail: 'panel'});
		expect(full.long?.ok && full.long.assessment.figures.pnlLadder.length).toBeGreaterThan(0);
		expect(panel.long?.ok && panel.long.assessment.figures.pnlLadder).toEqual([]);
		expect(panel.long?.ok && panel.long.assessment.figures.liquidation).toEqual(full.long?.ok && full.long.assessment.figures.liquidation);
	});
	it('computes only the chosen side', () => {
		const result = assessDraft(draft({side: ok('short' as const)}));
		expect(result.short?.ok).toBe(true);
		expect(result.long).toBeUndefined();
	});
	it('a market order enters at the mark price', () => {
		expect(assessDraft(draft({orderType: ok('market' as const)})).entryPrice).toBe('60100');
	});
	it('names the fields it still needs, and computes nothing', () => {
		const result = assessDraft(draft({size: empty, leverage: {state: 'unread', reason: 'unparseable', text: '??'}}));
		expect(result).toEqual({state: 'needs-input', needs: ['leverage', 'size']});
	});
	it('a price of 0 or below is no entry: the price is named, nothing divides by it', () => {
		for (const unit of ['base', 'quote', 'margin'] as const) {
			expect(assessDraft(draft({orderType: ok('market' as const), markPrice: ok('0'), size: ok({value: '100', unit})}))).toEqual({state: 'needs-input', needs: ['markPrice']});
			expect(assessDraft(draft({price: ok('-5'), size: ok({value: '100', unit})}))).toEqual({state: 'needs-input', needs: ['price']});
		}
	});
	it('cross margin needs the balance', () => {
		expect(assessDraft(draft({marginMode: ok('cross' as const), balance: empty})).needs).toEqual(['balance']);
	});
	it('converts sizes in quote, margin and contracts to base units', () => {
		expect(assessDraft(draft({size: ok({value: '6000', unit: 'quote' as const})})).quantity).toBe('0.1');
		expect(assessDraft(draft({size: ok({value: '120', unit: 'margin' as const})})).quantity).toBe('0.1');
		expect(assessDraft(draft({size: ok({value: '10', unit: 'contracts' as const}), contractValue: '0.01'})).quantity).toBe('0.1');
		expect(assessDraft(draft({size: ok({value: '10', unit: 'contracts' as const})})).needs).toEqual(['size']);
	});
	it('an unread margin mode is computed as isolated and says so', () => {
		const result = assessDraft(draft({marginMode: {state: 'unread', reason: 'not-found'}, side: ok('long' as const)}));
		const assumptions = result.long?.ok ? result.long.assessment.figures.assumptions : [];
		expect(assumptions[0]).toMatch(/Margin mode unread/);
	});
	it('an unread order type enters at the typed price but opens at the taker fee, and says so', () => {
		const result = assessDraft(draft({orderType: {state: 'unread', reason: 'not-found'}, side: ok('long' as const)}));
		expect(result.entryPrice).toBe('60000');
		const figures = result.long?.ok ? result.long.assessment.figures : undefined;
		expect(figures?.fees.openFeeRate).toBe('0.0005');
		expect(figures?.assumptions[0]).toMatch(/Order type unread/);
		const limit = assessDraft(draft({side: ok('long' as const)}));
		expect(limit.long?.ok && limit.long.assessment.figures.fees.openFeeRate).toBe('0.0002');
		expect(limit.long?.ok && limit.long.assessment.figures.assumptions.some(text => /Order type/.test(text))).toBe(false);
	});
	it('passes the stop-loss and the venue estimate (one side only) to the rules', () => {
		const result = assessDraft(draft({side: ok('long' as const), stopLoss: ok('58000'), venueLiquidationPrice: ok('59000')}));
		const warnings = result.long?.ok ? result.long.assessment.warnings.map(warning => warning.rule) : [];
		expect(warnings).toContain('stop-beyond-liquidation');
		expect(result.long?.ok && result.long.assessment.figures.venueCheck?.agrees).toBe(true);
	});
	it('quantityFromSize converts notional and margin', () => {
		expect(quantityFromSize({value: '6000', unit: 'quote', price: '60000'})).toBe('0.1');
		expect(quantityFromSize({value: '120', unit: 'margin', price: '60000', leverage: '50'})).toBe('0.1');
		expect(quantityFromSize({value: '-1', unit: 'base', price: '60000'})).toBeUndefined();
		expect(new Decimal(quantityFromSize({value: '1', unit: 'quote', price: '3'})!).times(3).minus(1).abs().lt('1e-30')).toBe(true);
	});
});
