/**
 * The generic adapter, for sites the user adds with "Use LiqGuard on this site".
 * It knows no venue: it finds the order form around the control labelled Size/Amount/Quantity and reads every
 * field by label text, aria attributes, placeholders' absence, active toggles and unit chips (label-form.ts).
 * Numbers are read with `decimalSeparator: 'auto'`, so "1,234" on an unknown page is ambiguous, not a guess.
 *
 * `dynamicOnly`: never a static content script. The background injects it on the user's origin after
 * `permissions.request` and tells it the venue model the user picked (`withVenue`).
 */
import type {VenueId} from '../core/types.js';
import {defineAdapter, type Adapter} from './define-adapter.js';
import {safeRead, safeReadOutside, safely, sideOfButtonText, submitTargetIn} from './dom-read.js';
import {DEFAULT_VOCABULARY, fillByLabels, fillOutsideByLabels, formAroundSize, submitButtons, symbolFromTitle} from './label-form.js';

const ID = 'generic';
const OPTIONS = {decimalSeparator: 'auto'} as const;

function formRoot(doc: Document): Element | undefined {
	return formAroundSize(doc, DEFAULT_VOCABULARY);
}

/** The generic adapter reading for the venue model `venue` (the user's pick; 'custom' = own maintenance rate). */
export function withVenue(venue: VenueId): Adapter {
	return defineAdapter({
		id: ID,
		venue,
		matches: [],
		dynamicOnly: true,
		selectors: {
			submit: ['button', 'input[type="submit"]', '[role="button"]'], // any control whose text is Buy/Sell/Long/Short/Place … Order
			sizeControl: ['input', 'textarea'], // the text control labelled Size/Amount/Quantity (by <label>, aria, or a nearby label chip)
		},
		formRoot: doc => safely(() => formRoot(doc)),
		read: doc =>
			safeRead(ID, venue, doc, formRoot, (form, draft) => {
				fillByLabels(form, draft, doc, DEFAULT_VOCABULARY, OPTIONS);
				draft.symbol = symbolFromTitle(doc);
				return draft;
			}),
		readOutside: (doc, root, fields) =>
			safeReadOutside(
				doc,
				root,
				(form, draft, _doc, want) => {
					fillOutsideByLabels(form, draft, doc, DEFAULT_VOCABULARY, OPTIONS, want);
					if (want('symbol')) draft.symbol = symbolFromTitle(doc);
				},
				fields,
			),
		submitTarget: (target, doc, trigger) =>
			safely(() => {
				const form = formRoot(doc);
				const buttons = form ? submitButtons(form, DEFAULT_VOCABULARY) : [];
				return submitTargetIn(form, target, ['button', 'input[type="submit"]', '[role="button"]'], button => (buttons.includes(button) ? sideOfButtonText(button) : undefined), trigger);
			}),
		mountAfter: doc => safely(() => formRoot(doc)),
	});
}

export default withVenue('custom');
