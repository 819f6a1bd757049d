/**
 * Aster Simple / 1001x perps (https://www.asterdex.com/en/futures/BTCUSD).
 * Evidence: docs.asterdex.com (AsterEX Simple) — nothing archived shows this form's DOM (confidence: none).
 * The URL is the USD-quoted /{locale}/futures/{BASE}USD path a late-2025 farming script visits, which docs call
 * "AsterEX Simple"; the fields are those the docs describe (Long/Short, collateral, leverage up to 1001x, position
 * size, liquidation price). Read by labels only (label-form.ts); must be checked on the live page.
 * No margin-mode control: Simple positions are isolated by construction, so the field reads 'isolated' only
 * when the page says so.
 */
import {defineAdapter} from './define-adapter.js';
import {controlByLabel, inputNumber, numberField, ok, rowValue, safeRead, safeReadOutside, safely, sideFromText, submitTargetIn, symbolFromUrl, textOf} from './dom-read.js';
import {DEFAULT_VOCABULARY, fillByLabels, fillOutsideByLabels, otherInputLabels, submitButtons, type Vocabulary} from './label-form.js';

const ID = 'aster-simple';

const VOCABULARY: Vocabulary = {
	...DEFAULT_VOCABULARY,
	size: /^(?:Collateral|Margin|Pay)\b/, // the amount typed is collateral; the position size is a read-only row
	balance: /^(?:Avbl|Available|Balance)$/,
	submit: /^(?:Open\s+)?(?:Long|Short)(?:\s+\w+)?$/,
	quoteCurrencies: ['USDT', 'USDC', 'USD', 'USDF', '$'],
};

const selectors = {
	collateral: ['input'], // labelled "Collateral"/"Margin" (docs wording; unverified)
	leverage: ['input'], // labelled "Leverage", suffix "x", or a "500x" chip
	submit: ['button'], // "Open Long" / "Open Short" (unverified)
} as const;

function formRoot(doc: Document): Element | undefined {
	const collateral = controlByLabel(doc, VOCABULARY.size);
	if (!collateral) return undefined;
	for (let node = collateral.parentElement, level = 0; node && level < 10; node = node.parentElement, level++) {
		if (submitButtons(node, VOCABULARY).length > 0) return node;
	}
	return collateral.closest('form') ?? undefined;
}

export default defineAdapter({
	id: ID,
	venue: 'aster-simple',
	matches: [
		'https://www.asterdex.com/*/futures/*USD', // /en/futures/BTCUSD (USD-quoted Simple markets)
		'https://www.asterdex.com/*/futures/*USD?*', // same with a query string
	],
	excludeMatches: [
		'https://www.asterdex.com/*/trade/pro/*', // Aster Pro (aster-pro.ts)
		'https://www.asterdex.com/*/futures/v1/*', // Aster Pro, 2025 route
	],
	selectors,
	formRoot: doc => safely(() => formRoot(doc)),
	read: doc =>
		safeRead(ID, 'aster-simple', doc, formRoot, (form, draft) => {
			fillByLabels(form, draft, doc, VOCABULARY);
			// Size is the position size row (collateral × leverage), in USD; the typed amount is collateral only.
			// Without that row the collateral input is the size, as margin (quantity = margin × leverage / price).
			const position = rowValue(form, /^Position Size$/i);
			const collateral = position === undefined ? controlByLabel(form, VOCABULARY.size, 2, otherInputLabels(VOCABULARY, VOCABULARY.size)) : undefined;
			// The row is read as dollars only when it says so (or names no unit): "0.02 BTC" is not $0.02.
			const size = collateral ? inputNumber(collateral) : numberField(position, {units: VOCABULARY.quoteCurrencies});
			draft.size = size.state === 'ok' ? ok({value: size.value, unit: collateral ? 'margin' : 'quote'}, size.text) : size;
			draft.symbol = symbolFromUrl(doc, /\/futures\/([A-Za-z0-9]+)/);
			return draft;
		}),
	readOutside: (doc, root, fields) => safeReadOutside(doc, root, (form, draft, _doc, want) => fillOutsideByLabels(form, draft, doc, VOCABULARY, {}, want), fields),
	submitTarget: (target, doc, trigger) =>
		safely(() => {
			const form = formRoot(doc);
			const buttons = form ? submitButtons(form, VOCABULARY) : [];
			return submitTargetIn(form, target, selectors.submit, button => (buttons.includes(button) ? sideFromText(textOf(button)) : undefined), trigger);
		}),
	mountAfter: doc => safely(() => formRoot(doc)),
});
