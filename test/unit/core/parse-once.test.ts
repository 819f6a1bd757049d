/**
 * One edit, each number parsed once: `assessDraft` parses the draft's numbers, and both sides' `assess`, the venue
 * models, the rate fallbacks and the misread check read the same Decimals. Counted at the one parse
 * (`parseDecimal`), wrapped here; the payload check before it parses nothing (guards-text-check.test.ts).
 */
import {beforeEach, describe, expect, test, vi} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {D} from '../../../src/core/decimal.js';
import {DEFAULT_ENGINE_SETTINGS} from '../../../src/core/engine-settings.js';
import {DecimalMemo} from '../../../src/core/input.js';
import {checkEvaluateDraftRequest} from '../../../src/messaging/guards.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';

const {parsed} = vi.hoisted(() => ({parsed: [] as unknown[]}));
vi.mock('../../../src/core/decimal.js', async importOriginal => {
	const actual = await importOriginal<typeof import('../../../src/core/decimal.js')>();
	return {
		...actual,
		parseDecimal: (text: unknown) => {
			parsed.push(text);
			return actual.parseDecimal(text);
		},
	};
});

const ok = <T>(value: T) => ({state: 'ok' as const, value});

/** Every numeric field read, with values no table, setting or constant shares (so a count is this draft's alone). */
function fullDraft(patch: Partial<OrderDraft> = {}): OrderDraft {
	return {
		adapter: 'binance-usdm',
		venue: 'binance-usdm',
		symbol: ok('BTCUSDT'),
		side: ok('long'),
		orderType: ok('limit'),
		price: ok('61234.5'),
		markPrice: ok('61240.25'),
		size: ok({value: '0.375', unit: 'base'}),
		leverage: ok('17'),
		marginMode: ok('isolated'),
		balance: ok('4321.75'),
		stopLoss: ok('59876.5'),
		takeProfit: ok('64321.5'),
		venueLiquidationPrice: ok('57912.3'),
		fundingRate: ok('0.000123'),
		fundingCountdownSeconds: ok('28741'),
		venueMargin: ok('1350.75'),
		venueOrderValue: ok('22962.94'),
		...patch,
	};
}

/** The draft's numbers as text: each must be parsed exactly once. */
function numbersOf(draft: OrderDraft): string[] {
	const reads = [draft.price, draft.markPrice, draft.leverage, draft.balance, draft.stopLoss, draft.takeProfit, draft.venueLiquidationPrice, draft.fundingRate, draft.venueMargin, draft.venueOrderValue];
	const texts = reads.flatMap(read => (read?.state === 'ok' ? [read.value] : []));
	if (draft.size.state === 'ok') texts.push(draft.size.value.value);
	if (draft.contractValue !== undefined) texts.push(draft.contractValue);
	return texts;
}

function timesParsed(text: string): number {
	return parsed.filter(candidate => candidate === text).length;
}

function expectEachParsedOnce(draft: OrderDraft): void {
	const texts = numbersOf(draft);
	expect(new Set(texts).size, 'the draft numbers are distinct').toBe(texts.length);
	expect(Object.fromEntries(texts.map(text => [text, timesParsed(text)]))).toEqual(Object.fromEntries(texts.map(text => [text, 1])));
}

describe('each number of a draft is parsed once per assessment', () => {
	beforeEach(() => {
		// The engine's caches of constants (bundled tables, parsed thresholds) fill on a first call: not this draft's parses.
		assessDraft(fullDraft({price: ok('50000'), size: ok({value: '1', unit: 'base'})}), DEFAULT_ENGINE_SETTINGS, {detail: 'panel'});
		parsed.length = 0;
	});

	test('one side, isolated: the side, its venue check and the misread check share the parse', () => {
		const draft = fullDraft();
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'});
		expect(result.state).toBe('ready');
		expect(result.long?.ok && result.long.assessment.figures.venueCheck?.venueLiquidationPrice).toBe('57912.3');
		expect(result.misread?.compared).toEqual(['order-value', 'margin', 'liquidation']);
		expectEachParsedOnce(draft);
	});

	test('both sides, cross, a size in USDT: the sides share the parse and the converted size is not parsed at all', () => {
		const draft = fullDraft({side: ok('both'), marginMode: ok('cross'), size: ok({value: '12000.5', unit: 'quote'})});
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS);
		expect(result.long?.ok && result.short?.ok).toBe(true);
		expect(result.long?.ok && result.long.assessment.figures.crossExposure).toBe('4321.75');
		expectEachParsedOnce(draft);
		expect(result.quantity).toBeDefined();
		expect(timesParsed(result.quantity!)).toBe(0);
	});

	test('a size in contracts with the page\'s contract value', () => {
		const draft = fullDraft({venue: 'okx-swap', adapter: 'okx-swap', symbol: ok('BTC-USDT-SWAP'), size: ok({value: '37', unit: 'contracts'}), contractValue: '0.0125'});
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'});
		expect(result.quantity).toBe('0.4625');
		expect(result.long?.ok).toBe(true);
		expectEachParsedOnce(draft);
	});

	test('a market without a table: the rate implied by the venue\'s estimate re-runs the model on the same parse', () => {
		const draft = fullDraft({symbol: ok('ZZZUSDT')});
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'});
		expect(result.long?.ok && result.long.assessment.figures.parameterSource.kind).toBe('implied');
		expectEachParsedOnce(draft);
	});

	test('Aster Simple with its market\'s loss-rate bands: the band is picked on the parsed leverage', () => {
		const draft = fullDraft({venue: 'aster-simple', adapter: 'aster-simple', symbol: ok('BTCUSDT'), leverage: ok('117'), size: ok({value: '25.5', unit: 'margin'})});
		const market = {
			venue: 'aster-simple' as const,
			symbol: 'BTCUSDT',
			lossRateBands: [{minLeverage: '101', maxLeverage: '300', liquidationLossRate: '0.83'}],
			source: {kind: 'live' as const, label: 'test bands', url: 'https://example.invalid/bands', fetchedAtMs: 0},
		};
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS, {detail: 'panel', market});
		expect(result.long?.ok && result.long.assessment.figures.parameterSource.kind).toBe('live');
		expectEachParsedOnce(draft);
	});

	test('a market\'s live tier table is parsed once for both sides, not once per side', () => {
		const tierTexts = ['123457', '0.00437', '113', '0.00611', '215.9', '97'];
		const market = {
			venue: 'binance-usdm' as const,
			symbol: 'BTCUSDT',
			tierBasis: 'notional' as const,
			tiers: [
				{notionalFloor: '0', notionalCap: '123457', maintenanceMarginRate: '0.00437', maintenanceDeduction: '0', maxLeverage: '113'},
				{notionalFloor: '123457', maintenanceMarginRate: '0.00611', maintenanceDeduction: '215.9', maxLeverage: '97'},
			],
			source: {kind: 'live' as const, label: 'test brackets', url: 'https://example.invalid/brackets', fetchedAtMs: 0},
		};
		const draft = fullDraft({side: ok('both')});
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS, {detail: 'panel', market});
		expect(result.long?.ok && result.long.assessment.figures.maintenanceMarginRate).toBe('0.00437');
		expect(result.short?.ok && result.short.assessment.figures.parameterSource.kind).toBe('live');
		expect(tierTexts.map(timesParsed)).toEqual(tierTexts.map(() => 1));
		expectEachParsedOnce(draft);
	});

	test('a converted size beyond the amount limits is not handed over as parsed: the engine still refuses it', () => {
		// 1e24 USDT at 1e-7 is 1e31 base units, above the 1e30 every amount is held to.
		const draft = fullDraft({price: ok('0.0000001'), markPrice: ok('0.0000001'), size: ok({value: `1${'0'.repeat(24)}`, unit: 'quote'}), venueLiquidationPrice: {state: 'empty'}});
		const result = assessDraft(draft, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'});
		expect(result.notComputed).toEqual(['long']);
		expect(result.long?.ok === false && result.long.issues.map(issue => [issue.field, issue.code])).toEqual([['quantity', 'not-a-number']]);
	});

	test('one evaluateDraft message: the payload check parses nothing, the engine each number once', () => {
		const raw = {revision: 4, draft: fullDraft({side: ok('both')})};
		const checked = checkEvaluateDraftRequest(JSON.parse(JSON.stringify(raw)));
		expect(parsed).toEqual([]);
		if (!checked.ok) throw new Error(`payload refused: ${checked.problems.join(', ')}`);
		const result = evaluateDraft(checked.value, DEFAULT_SETTINGS);
		expect(result.assessment.state).toBe('ready');
		expectEachParsedOnce(checked.value.draft);
	});
});

describe('DecimalMemo', () => {
	test('a computed value read back from its text is the same value, with no parse', () => {
		const memo = new DecimalMemo();
		const third = new D(1).div(3);
		const text = memo.plain(third);
		parsed.length = 0;
		expect(memo.parse(text)).toBe(third);
		expect(parsed).toEqual([]);
	});

	test('only what a parse of the text would give is remembered: not a negative zero, not a text beyond the limits', () => {
		const memo = new DecimalMemo();
		expect(memo.plain(new D('-0'))).toBe('0');
		expect(memo.parse('0')?.isNeg()).toBe(false);
		const tiny = new D(1).div(3).div(new D(10).pow(60));
		expect(memo.plain(tiny).length).toBeGreaterThan(80);
		expect(memo.parse(memo.plain(tiny))).toBeUndefined();
	});

	test('a text is parsed once however often it is read, a refused one included', () => {
		const memo = new DecimalMemo();
		parsed.length = 0;
		for (let i = 0; i < 3; i++) {
			memo.parse('123.25');
			memo.parse('1e5');
		}
		expect(parsed).toEqual(['123.25', '1e5']);
		expect(memo.parse('1e5')).toBeUndefined();
	});
});
