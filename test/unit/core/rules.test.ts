/**
 * One table per rule: inputs that must and must not raise it, with the severity. Built through `assess` so each
 * rule sees the figures the engine really produces.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {assess} from '../../../src/core/assess.js';
import {DEFAULT_ENGINE_SETTINGS} from '../../../src/core/engine-settings.js';
import type {AssessInput, Severity} from '../../../src/core/types.js';
import {RULES} from '../../../src/core/rules/index.js';

const base: AssessInput = {venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'isolated', quantity: '0.1', entryPrice: '60000', leverage: '5'};
function severityOf(rule: string, patch: Partial<AssessInput>, settings = DEFAULT_ENGINE_SETTINGS): Severity | undefined {
	const result = assess({...base, ...patch}, settings);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.value.warnings.find(warning => warning.rule === rule)?.severity;
}
type Row = [string, Partial<AssessInput>, Severity | undefined];
const TABLES: Record<string, Row[]> = {
	'leverage-high': [
		['5x is quiet', {}, undefined],
		['20x warns', {leverage: '20'}, 'warn'],
		['50x is a danger', {leverage: '50'}, 'danger'],
	],
	'liquidation-near': [
		['5x: ~20 % away', {}, undefined],
		['25x: ~3.6 % away', {leverage: '25'}, 'warn'],
		['75x: ~1 % away', {leverage: '75'}, 'danger'],
		['mark already past the liquidation price', {leverage: '25', markPrice: '57000'}, 'danger'],
	],
	'cross-margin-exposure': [
		['isolated', {walletBalance: '1000'}, undefined],
		['cross', {marginMode: 'cross', walletBalance: '5000'}, 'warn'],
	],
	'stop-beyond-liquidation': [
		['no stop', {}, undefined],
		['stop well inside', {leverage: '10', stopLossPrice: '58000'}, undefined],
		['stop past liquidation', {leverage: '25', stopLossPrice: '57000'}, 'danger'],
		['stop in the last 10 %', {leverage: '25', stopLossPrice: '58000'}, 'warn'],
		['"stop" above a long entry', {stopLossPrice: '61000'}, 'warn'],
	],
	'no-stop-loss': [
		['no stop', {}, 'info'],
		['with a stop', {stopLossPrice: '59000'}, undefined],
		['mark already past the liquidation price: no "−x % move" to state', {leverage: '25', markPrice: '57000'}, undefined],
	],
	'risk-per-trade': [
		['no account known', {}, undefined],
		['1.1 % of the account at the stop', {stopLossPrice: '59000', walletBalance: '10000'}, undefined],
		['5 % at the stop', {stopLossPrice: '57500', walletBalance: '5000'}, 'warn'],
		['30 % at the stop', {stopLossPrice: '57500', walletBalance: '900'}, 'danger'],
		['no stop: margin 1,200 is 12 % of 10,000', {walletBalance: '10000'}, 'danger'],
		// Cross, 0.01 BTC (600) at 10x on 10,000: no liquidation above 0, so the order alone can lose its 600 (6 %), not 100 %.
		['cross 600 order, no stop: ~600 of 10,000', {marginMode: 'cross', quantity: '0.01', leverage: '10', walletBalance: '10000'}, 'warn'],
		// A short has no floor: with no liquidation price in reach everything backing it is at stake.
		['cross short with the balance far beyond it: the whole balance', {side: 'short', marginMode: 'cross', quantity: '0.01', leverage: '10', walletBalance: '10000'}, 'danger'],
	],
	'margin-above-balance': [
		['no balance read', {}, undefined],
		['margin 1,200, 5,000 available', {walletBalance: '5000'}, undefined],
		['margin 1,200, exactly 1,200 available', {accountBalance: '1200'}, undefined],
		['margin 1,200, 300 available', {accountBalance: '300'}, 'danger'],
		['cross: margin 1,200, balance 1,000', {marginMode: 'cross', walletBalance: '1000'}, 'danger'],
	],
	'funding-drag': [
		['no funding rate', {}, undefined],
		['0.01 %/8 h at 5x: 0.15 %/day', {fundingRate: '0.0001'}, undefined],
		['0.1 %/8 h at 20x: 6 %/day', {fundingRate: '0.001', leverage: '20'}, 'warn'],
		['received funding never warns', {fundingRate: '-0.003', leverage: '20'}, undefined],
	],
	'funding-liquidation': [
		['0.01 %/8 h: years away', {fundingRate: '0.0001'}, undefined],
		['0.3 %/8 h at 20x: a few days', {fundingRate: '0.003', leverage: '20'}, 'warn'],
		['1 %/8 h at 40x: within a day', {fundingRate: '0.01', leverage: '40'}, 'danger'],
	],
	'fee-drag': [
		['5x: 0.5 % of margin', {}, undefined],
		['100x: 10 % of margin', {leverage: '100'}, 'warn'],
		['custom 300x: 30 %', {venue: 'custom', leverage: '300', maintenanceMarginRate: '0.001'}, 'danger'],
	],
	'liquidation-odds': [
		['5x: 20 % away', {}, undefined],
		['20x: ~4.6 % away at 60 %/yr', {leverage: '20'}, 'warn'],
		['50x: ~1.6 % away', {leverage: '50'}, 'danger'],
		['50x but a calm 5 %/yr asset', {leverage: '50', annualVolatilityRate: '0.05'}, undefined],
	],
	'venue-estimate-mismatch': [
		['no venue estimate', {}, undefined],
		['agrees within 0.5 %', {venueLiquidationPrice: '48100'}, undefined],
		['differs by 2 %', {venueLiquidationPrice: '49000'}, 'warn'],
		// Cross with a wallet worth 100x the position: the price would have to go below zero; the venue says 49,000.
		['the venue shows a price where we find none', {marginMode: 'cross', walletBalance: '600000', venueLiquidationPrice: '49000'}, 'warn'],
		['we find none and the venue shows none either', {marginMode: 'cross', walletBalance: '600000'}, undefined],
	],
};

describe.each(Object.entries(TABLES))('rule %s', (id, rows) => {
	it.each(rows)('%s', (_name, patch, expected) => {
		expect(severityOf(id, patch)).toBe(expected);
	});
});

describe('cross margin: what the order can lose, beside what backs it', () => {
	const cross600: Partial<AssessInput> = {marginMode: 'cross', quantity: '0.01', leverage: '10', walletBalance: '10000'};
	function warning(rule: string, patch: Partial<AssessInput>) {
		const result = assess({...base, ...patch});
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		return {warning: result.value.warnings.find(found => found.rule === rule), figures: result.value.figures};
	}
	it('a 600 long with no liquidation above 0 can lose its 600; the balance is named as what backs other positions', () => {
		const {warning: risk, figures} = warning('risk-per-trade', cross600);
		// 0.01 × 60,000 = 600: the move to a price of 0, the most a long can lose.
		expect(figures.risk?.orderMaxLoss).toBe('600');
		expect(figures.risk?.orderMaxLossPercentOfAccount).toBe('6');
		expect(figures.risk?.maxLoss).toBe('10000');
		expect(risk?.message).toBe('Without a stop-loss this order can lose about 600.00 (6.0 % of your account); on cross margin, if other positions fail, the whole 10,000.00 backs them.');
		const exposure = warning('cross-margin-exposure', cross600).warning;
		expect(exposure?.messageKey).toBe('rule_cross_margin_exposure_bounded');
		expect(exposure?.substitutions).toEqual(['600.00', '10,000.00']);
	});
	it('with a stop that fires first, the order risks the loss at the stop', () => {
		const {warning: exposure, figures} = warning('cross-margin-exposure', {...cross600, stopLossPrice: '57000'});
		// 0.01 × (3,000 + 60,000 × 0.0005 + 57,000 × 0.0005) = 30.585 (taker in and out, Binance default tier).
		expect(figures.risk?.lossAtStop).toBe('30.585');
		// Money is rounded half-even (core/format.ts): 30.585 → 30.58.
		expect(exposure?.substitutions).toEqual(['30.58', '10,000.00']);
	});
	it('when the order can lose about everything anyway, the plain message stands', () => {
		const {warning: exposure, figures} = warning('cross-margin-exposure', {...cross600, side: 'short'});
		expect(exposure?.messageKey).toBe('rule_cross_margin_exposure');
		// The short's move to its liquidation takes ~9,958 of the 10,000: over 90 %, so no second figure.
		expect(figures.risk?.orderMaxLoss).toBeUndefined();
		expect(warning('risk-per-trade', {...cross600, side: 'short'}).warning?.messageKey).toBe('rule_risk_per_trade_no_stop');
	});
	it('margin above the balance names both amounts', () => {
		const found = warning('margin-above-balance', {quantity: '1', leverage: '125', entryPrice: '48000', accountBalance: '300'}).warning;
		// 1 × 48,000 / 125 = 384 of margin against 300.
		expect(found?.message).toBe('This order needs 384.00 of margin and 300.00 is available: the exchange would refuse it as typed.');
	});
});

describe('thresholds come from settings', () => {
	it('raising leverageWarn silences the 20x warning', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, thresholds: {...DEFAULT_ENGINE_SETTINGS.thresholds, leverageWarn: '25'}};
		expect(severityOf('leverage-high', {leverage: '20'}, settings)).toBeUndefined();
	});
	it('a corrupt threshold falls back to its default instead of disabling the rule', () => {
		const settings = {...DEFAULT_ENGINE_SETTINGS, thresholds: {...DEFAULT_ENGINE_SETTINGS.thresholds, leverageDanger: 'lots'}};
		expect(severityOf('leverage-high', {leverage: '50'}, settings)).toBe('danger');
	});
});

describe('rule registry and messages', () => {
	const folder = join(import.meta.dirname, '../../../src/core/rules');
	const files = readdirSync(folder).filter(name => name.endsWith('.ts') && name !== 'index.ts' && name !== 'define-rule.ts');
	const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;
	it('every rule file is registered under its file name, and every rule has a test table', () => {
		expect(RULES.map(rule => `${rule.id}.ts`).sort()).toEqual(files.sort());
		expect(Object.keys(TABLES).sort()).toEqual(RULES.map(rule => rule.id).sort());
	});
	it('every message key a rule can emit exists in messages.json', () => {
		for (const file of files) {
			const keys = readFileSync(join(folder, file), 'utf8').match(/rule_[a-z_]+/g) ?? [];
			expect(keys.length, `${file} names no message`).toBeGreaterThan(0);
			for (const key of keys) expect(messages[key], `${key} (${file}) is missing from messages.json`).toBeDefined();
		}
	});
});
