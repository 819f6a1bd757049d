/**
 * The per-language label tables, string by string, against the venue's own strings as their sources give them
 * (checked 2026-12-04): every sourced string is read as its field, and as no other field (a balance label never
 * taken for a price). Expected strings come from the sources, not from the code under test:
 * - Binance zh-CN: jackhai9/userscripts@e59d070 (2026-07-28), src/binance-orderbook-trade/index.user.js, a userscript
 *   that drives the live Chinese UI (数量, 委托价格, 开仓/平仓, 开多/开空, "全仓 20x"/"逐仓 5x").
 * - Bybit zh-TW: https://bybit-tr.com/zh-TW/help-center/article/How-to-Trade-USDC-Perpetual-Contract and its glossary
 *   (限價單/市價單, 價格, 數量, 全倉, 買入/做多, 賣出/做空, 委託成本, 強平價格, 可用餘額).
 */
import {describe, expect, it} from 'vitest';
import {VOCABULARY as BYBIT} from '../../../src/adapters/bybit-linear.js';
import {marginModeField, sideFromText} from '../../../src/adapters/dom-read.js';
import {DEFAULT_VOCABULARY, readMarginMode, readOrderType, type Vocabulary} from '../../../src/adapters/label-form.js';
import {loadDocument} from './fixture-loader.js';

type LabelField = 'price' | 'size' | 'balance' | 'liquidation' | 'mark' | 'funding' | 'submit' | 'margin' | 'orderValue';
const LABEL_FIELDS: LabelField[] = ['price', 'size', 'balance', 'liquidation', 'mark', 'funding', 'submit', 'margin', 'orderValue'];

/** [language, field, the venue's own string]. */
const BYBIT_ZH_TW: Array<[string, LabelField, string]> = [
	['zh-TW', 'price', '價格'],
	['zh-TW', 'size', '數量'],
	['zh-TW', 'balance', '可用餘額'],
	['zh-TW', 'liquidation', '強平價格'],
	['zh-TW', 'margin', '委託成本'],
	['zh-TW', 'submit', '買入/做多'],
	['zh-TW', 'submit', '賣出/做空'],
];

/** The generic reader carries both venues' sourced Chinese strings. */
const GENERIC_ZH: Array<[string, LabelField, string]> = [
	['zh-TW', 'price', '價格'],
	['zh-TW', 'size', '數量'],
	['zh-TW', 'balance', '可用餘額'],
	['zh-TW', 'liquidation', '強平價格'],
	['zh-TW', 'submit', '買入 / 做多'],
	['zh-TW', 'submit', '賣出 / 做空'],
	['zh-CN', 'price', '委托价格'],
	['zh-CN', 'size', '数量'],
	['zh-CN', 'balance', '可用'],
	['zh-CN', 'submit', '开多'],
	['zh-CN', 'submit', '开空'],
];

function fieldsMatching(vocabulary: Vocabulary, text: string): LabelField[] {
	return LABEL_FIELDS.filter(field => vocabulary[field]?.test(text));
}

describe.each([
	['Bybit', BYBIT, BYBIT_ZH_TW],
	['generic', DEFAULT_VOCABULARY, GENERIC_ZH],
] as const)('%s label table', (_venue, vocabulary, table) => {
	it.each(table)('%s %s: %j is read as that field and no other', (_language, field, text) => {
		expect(fieldsMatching(vocabulary, text)).toEqual([field]);
	});
});

describe('sourced Chinese toggles', () => {
	it.each([
		['全倉', 'cross'], // Bybit zh-TW
		['全仓', 'cross'], // Binance zh-CN
		['逐仓', 'isolated'], // Binance zh-CN
		['全仓 20x', 'cross'], // Binance zh-CN combined margin/leverage button
		['逐仓 5x', 'isolated'],
	])('margin mode %j → %s', (text, mode) => {
		expect(marginModeField(text)).toEqual({state: 'ok', value: mode, text});
	});

	it.each([
		['買入/做多', 'long'], // Bybit zh-TW
		['賣出/做空', 'short'],
		['开多', 'long'], // Binance zh-CN (hedge mode, Open tab)
		['开空', 'short'],
	])('side %j → %s', (text, side) => {
		expect(sideFromText(text)).toBe(side);
	});

	it.each([
		['限價單', 'limit'], // Bybit zh-TW tabs
		['市價單', 'market'],
	])('order-type tab %j → %s', (text, type) => {
		const doc = loadDocument(`<div><div class="tab active">${text}</div><div class="tab">other</div></div>`, 'https://example.com/');
		expect(readOrderType(doc.body)).toEqual({state: 'ok', value: type, text});
	});

	it('reads the Bybit zh-TW margin chip in a form, cross', () => {
		const doc = loadDocument('<div><div class="by-dropdown">全倉</div></div>', 'https://example.com/');
		expect(readMarginMode(doc.body)).toEqual({state: 'ok', value: 'cross', text: '全倉'});
	});
});
