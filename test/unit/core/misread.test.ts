/**
 * The misread check: the venue's own margin, order value and liquidation estimate against what we read.
 * - quiet on every honest venue fixture (test/fixtures, all of them, whatever the venue shows);
 * - fires on fixtures built to mislead (test/misleading): a selector that points at the wrong field;
 * - the tolerance table, with figures worked out by hand from the venues' published formulas.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {adapterById} from '../../../src/adapters/index.js';
import {assessDraft} from '../../../src/core/assess-draft.js';
import {D} from '../../../src/core/decimal.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {checkMisread, type MisreadInput} from '../../../src/core/misread.js';
import {listFixtures, loadDocument} from '../adapters/fixture-loader.js';
import {demoDraft} from '../messaging/draft-fixture.js';

const MISLEADING_DIR = path.resolve(import.meta.dirname, '../../misleading');

type MisleadingSidecar = {url: string; notes: string; findings: {kind: string; venue: string}[]};

function misleadingFixtures() {
	return readdirSync(MISLEADING_DIR).flatMap(adapterId =>
		readdirSync(path.join(MISLEADING_DIR, adapterId))
			.filter(file => file.endsWith('.html'))
			.map(file => {
				const htmlPath = path.join(MISLEADING_DIR, adapterId, file);
				const sidecar = JSON.parse(readFileSync(htmlPath.replace(/\.html$/, '.json'), 'utf8')) as MisleadingSidecar;
				return {adapterId, name: file.replace(/\.html$/, ''), html: readFileSync(htmlPath, 'utf8'), sidecar};
			}),
	);
}

describe('on every honest fixture the check stays quiet', () => {
	const honest = listFixtures();
	it('covers fixtures that show the venue\'s own figures', () => {
		const compared = honest.filter(fixture => {
			const result = adapterById(fixture.adapterId)!.read(loadDocument(fixture.html, fixture.sidecar.url));
			return result.found && assessDraft(result.draft).misread !== undefined;
		});
		// Binance, Aster Pro, Bybit and Hyperliquid fixtures show a Cost/Value/Margin row; others an isolated liquidation estimate.
		const venues = new Set(compared.map(fixture => fixture.adapterId));
		for (const venue of ['aster-pro', 'binance-usdm', 'bybit-linear', 'hyperliquid']) expect(venues).toContain(venue);
		expect(compared.length).toBeGreaterThanOrEqual(12);
	});

	it.each(honest)('$adapterId/$name', ({adapterId, html, sidecar}) => {
		const result = adapterById(adapterId)!.read(loadDocument(html, sidecar.url));
		if (!result.found) return;
		const assessment = assessDraft(result.draft);
		expect(assessment.misread?.findings ?? [], `${adapterId}: an honest page is flagged as misread`).toEqual([]);
	});
});

describe('on a page built to mislead the check fires', () => {
	const misleading = misleadingFixtures();
	it('has misleading fixtures for several venues', () => {
		expect(new Set(misleading.map(fixture => fixture.adapterId)).size).toBeGreaterThanOrEqual(3);
	});

	it.each(misleading)('$adapterId/$name', ({adapterId, html, sidecar}) => {
		const result = adapterById(adapterId)!.read(loadDocument(html, sidecar.url));
		expect(result.found).toBe(true);
		if (!result.found) return;
		const assessment = assessDraft(result.draft);
		expect(assessment.state).toBe('ready');
		expect(assessment.misread?.findings.map(finding => ({kind: finding.kind, venue: finding.venue}))).toEqual(sidecar.findings);
	});
});

/** 0.05 BTC at 71,400, 20x: order value 3,570, initial margin 178.50 (Binance's example shape). */
function input(overrides: Partial<OrderDraft> = {}, extra: Partial<MisreadInput> = {}): MisreadInput {
	return {
		draft: demoDraft({price: {state: 'ok', value: '71400'}, ...overrides}),
		quantity: new D('0.05'),
		entry: new D('71400'),
		leverage: new D('20'),
		orderType: 'limit',
		marginMode: 'isolated',
		takerFeeRate: new D('0.0005'),
		mark: new D('71400'),
		...extra,
	};
}

const money = (value: string, text = value) => ({state: 'ok' as const, value, text});

describe('tolerances', () => {
	it('says nothing was compared when the venue shows no figure of its own', () => {
		expect(checkMisread(input())).toBeUndefined();
		expect(checkMisread(input({venueMargin: {state: 'empty'}, venueOrderValue: {state: 'unread', reason: 'not-found'}}))).toBeUndefined();
	});

	it.each([
		['exact', '178.50', true],
		['half a cent over, the rounding of "178.50"', '178.505', true],
		// Upper bound at 20x, limit order at the mark: (178.5 + 3570 × 0.0005 × 2.05) × 1.002 + 0.005 = 182.5286…
		['two taker fees and the 0.2 % band over (Bybit adds fees to Cost)', '182.52', true],
		['just past the fees and band', '182.60', false],
		// Lower bound: 178.5 × 0.998 − 0.005 = 178.138
		['0.2 % under', '178.14', true],
		['0.3 % under', '177.96', false],
		['the margin at 2x instead of 20x', '1785.00', false],
		['the margin at 40x', '89.25', false],
	])('margin %s: %s agrees = %s', (_name, venue, agrees) => {
		const check = checkMisread(input({venueMargin: money(venue)}));
		expect(check?.compared).toEqual(['margin']);
		expect(check?.findings.length === 0).toBe(agrees);
		if (!agrees) expect(check?.findings[0]).toEqual({kind: 'margin', venue: new D(venue).toFixed(), ours: '178.5'});
	});

	it('allows Binance\'s open loss on a limit priced above the mark', () => {
		// 0.05 × (71,400 − 71,000) = 20 of open loss: Cost 198.50, past the 182.53 allowed without it.
		expect(checkMisread(input({venueMargin: money('198.50')}, {mark: new D('71000')}))?.findings).toEqual([]);
		expect(checkMisread(input({venueMargin: money('198.50')}, {mark: new D('71400')}))?.findings).toHaveLength(1);
	});

	it('without the mark a limit order\'s open loss is unbounded: only a margin below ours disagrees', () => {
		expect(checkMisread(input({venueMargin: money('298.50')}, {mark: undefined}))?.findings).toEqual([]);
		expect(checkMisread(input({venueMargin: money('89.25')}, {mark: undefined}))?.findings).toEqual([{kind: 'margin', venue: '89.25', ours: '178.5'}]);
	});

	it('gives a market order a 2 % price band, a limit order 0.2 %', () => {
		// Order value 3,570 vs the venue's 3,600: 0.84 % off.
		expect(checkMisread(input({venueOrderValue: money('3600.00')}, {orderType: 'market'}))?.findings).toEqual([]);
		expect(checkMisread(input({venueOrderValue: money('3600.00')}, {orderType: 'limit'}))?.findings).toEqual([{kind: 'order-value', venue: '3600', ours: '3570'}]);
		expect(checkMisread(input({venueOrderValue: money('3650.00')}, {orderType: 'market'}))?.findings).toHaveLength(1);
	});

	it('an unread order type gets the wider market band', () => {
		expect(checkMisread(input({venueOrderValue: money('3600.00')}, {orderType: undefined}))?.findings).toEqual([]);
	});

	it('a figure shown without decimals gets ± 0.5 on top of the 0.2 % band (7.14): 3,577 passes, 3,578 does not', () => {
		expect(checkMisread(input({venueOrderValue: money('3577', '3,577')}))?.findings).toEqual([]);
		expect(checkMisread(input({venueOrderValue: money('3578', '3,578')}))?.findings).toHaveLength(1);
	});

	describe('liquidation (isolated, one side)', () => {
		// Long at 71,400; our liquidation at 68,000 (3,400 below).
		const ours = {side: 'long' as const, price: new D('68000')};
		it.each([
			['close to ours', '67800', true],
			['1.5× our distance', '66300', true],
			['2× our distance (leverage read as double)', '64600', false],
			['half our distance', '69700', false],
			['on the wrong side of the entry', '72000', false],
		])('%s: %s agrees = %s', (_name, venue, agrees) => {
			const check = checkMisread(input({venueLiquidationPrice: money(venue)}, {liquidation: ours}));
			expect(check?.compared).toEqual(['liquidation']);
			expect(check?.findings.length === 0).toBe(agrees);
			if (!agrees) expect(check?.findings[0]).toEqual({kind: 'liquidation', venue, ours: '68000', side: 'long'});
		});

		it('is not compared in cross margin: the venue counts the whole account', () => {
			expect(checkMisread(input({venueLiquidationPrice: money('60000')}, {liquidation: ours, marginMode: 'cross'}))).toBeUndefined();
		});

		it('is not compared while the side is not known', () => {
			expect(checkMisread(input({venueLiquidationPrice: money('60000')}))).toBeUndefined();
		});
	});
});
