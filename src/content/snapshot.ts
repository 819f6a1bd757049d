/**
 * "Report a misread": a snapshot of the order form's subtree as a standalone .html file the user can attach to a bug
 * report, and that `npm run fixture` turns into a test fixture (scripts/fixture.ts).
 *
 * What it keeps: the markup (tags, ids, classes, data-*, ARIA, inline styles), the labels, and the values as typed
 * (an input's live `.value`, a tick box's `.checked`, the chosen `<option>`), which the page's HTML alone does not
 * hold. The form's ancestors are kept as empty shells (their attributes only), so selectors that walk up still match.
 *
 * What it masks: balances (the row next to a balance label, or the amount sharing the label's element), account ids
 * ("UID 12345678"), wallet addresses (0x…, and base58 ones such as Solana's), e-mail addresses, in text and in
 * attribute values alike. Masked digits become "•", which no reader parses, so a masked balance reads as unread,
 * never as a number.
 *
 * What it drops: scripts, comments (never shown, and they can hold anything), event-handler attributes (on*),
 * iframes/frames/objects/embeds, `<style>`/`<link>`/`<meta>`, hidden and password inputs, URLs in
 * src/srcset/href/action (they can carry account ids), SVG drawings (icons), and LiqGuard's own panel. It never
 * reads cookies or storage: the DOM does not hold them.
 *
 * Written against the standard DOM API only, so the fixture script runs the same cleaning over a saved file.
 */
import type {Adapter} from '../adapters/define-adapter.js';

export type SnapshotSummary = {
	/** Inputs, selects and text areas whose value as typed is kept. */
	fields: number;
	masked: {balances: number; accountIds: number; addresses: number; emails: number};
	removed: {scripts: number; eventHandlers: number; frames: number; hiddenInputs: number; links: number};
	bytes: number;
};

export type PageSnapshot = {html: string; fileName: string; summary: SnapshotSummary};

/**
 * Balance rows, in the venues' own words (the label vocabularies of src/adapters) and the usual account rows, and
 * the rows that give a balance away: the most one can open (balance × leverage / price) and the position held.
 */
const BALANCE_WORDS =
	/(?:avbl|available(?:\s+(?:balance|margin|to\s+trade|equity))?|free\s+collateral|buying\s+power|(?:margin|wallet|account|total)\s+(?:balance|equity)|equity|balance|portfolio\s+value|unrealized\s+pnl|max(?:\s+(?:long|short|buy|sell))?|current\s+position|可用|可用余额|可用餘額|可开|账户权益|保证金余额|保證金餘額|利用可能|사용\s*가능)/.source;
/** A label alone in its element; venues often end it with a colon ("Available:"). */
const BALANCE_LABEL = new RegExp(`^${BALANCE_WORDS}\\s*[:：]?$`, 'i');
/**
 * A label and its amount in one element ("Available120.00 USDT", "Balance: 55,555.5"). Only an amount with at most
 * a currency may follow, so a container whose text merely starts with a label is not taken for a balance row.
 */
const BALANCE_WITH_VALUE = new RegExp(`^${BALANCE_WORDS}\\s*[:：]?\\s*[≈~]?\\s*[-+−]?[$€]?\\s*\\d[\\d.,\\s]*(?:[A-Za-z]{2,10})?$`, 'i');
const ACCOUNT_ID = /\b(UID|User\s*ID|Account\s*(?:ID|No\.?)?|Sub-?account)(\s*[:#]?\s*)([A-Za-z0-9_-]{4,})/gi;
const ADDRESS = /\b0x[0-9a-fA-F]{8,}\b/g;
/**
 * Base58 wallet addresses (Solana and the like: 32–44 characters without 0, O, I, l). Requiring a digit and a letter
 * and that length keeps ordinary words and numbers out.
 */
const BASE58_ADDRESS = /(?<![0-9A-Za-z])(?=[1-9A-HJ-NP-Za-km-z]*[1-9])(?=[1-9A-HJ-NP-Za-km-z]*[A-HJ-NP-Za-km-z])[1-9A-HJ-NP-Za-km-z]{32,44}(?![0-9A-Za-z])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DROPPED = 'script, noscript, iframe, frame, frameset, object, embed, style, link, meta, template, liqguard-panel';
const URL_ATTRIBUTES = ['src', 'srcset', 'href', 'action', 'formaction', 'poster', 'xlink:href', 'ping', 'background'];

const emptySummary = (): SnapshotSummary => ({fields: 0, masked: {balances: 0, accountIds: 0, addresses: 0, emails: 0}, removed: {scripts: 0, eventHandlers: 0, frames: 0, hiddenInputs: 0, links: 0}, bytes: 0});

/** Masks ids, addresses and e-mails in a piece of text, counting what it masked. */
function maskText(text: string, summary: SnapshotSummary): string {
	return text
		.replace(EMAIL, () => {
			summary.masked.emails++;
			return '[email]';
		})
		.replace(ADDRESS, () => {
			summary.masked.addresses++;
			return '0x[address]';
		})
		.replace(BASE58_ADDRESS, () => {
			summary.masked.addresses++;
			return '[address]';
		})
		.replace(ACCOUNT_ID, (_match, label: string, separator: string) => {
			summary.masked.accountIds++;
			return `${label}${separator}[account]`;
		});
}

const maskDigits = (text: string) => text.replace(/\d/g, '•');

const ownText = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Copies the live state of form controls into attributes of their clones: `cloneNode` copies the `value`
 * attribute (the page's initial value), not what the user typed.
 */
function copyLiveValues(original: Element, clone: Element, summary: SnapshotSummary): void {
	const originals = [original, ...original.querySelectorAll('input, select, textarea')].filter(node => node.matches('input, select, textarea'));
	const clones = [clone, ...clone.querySelectorAll('input, select, textarea')].filter(node => node.matches('input, select, textarea'));
	originals.forEach((source, index) => {
		const target = clones[index];
		if (!target) return;
		const tag = source.tagName.toLowerCase();
		if (tag === 'select') {
			const chosen = (source as HTMLSelectElement).selectedIndex;
			[...target.querySelectorAll('option')].forEach((option, optionIndex) => {
				if (optionIndex === chosen) option.setAttribute('selected', '');
				else option.removeAttribute('selected');
			});
			summary.fields++;
		} else if (tag === 'textarea') {
			target.textContent = (source as HTMLTextAreaElement).value;
			summary.fields++;
		} else {
			const input = source as HTMLInputElement;
			const type = (input.getAttribute('type') ?? 'text').toLowerCase();
			if (type === 'hidden' || type === 'password') return; // dropped by the cleaner, never copied
			if (type === 'checkbox' || type === 'radio') {
				if (input.checked) target.setAttribute('checked', '');
				else target.removeAttribute('checked');
			} else {
				target.setAttribute('value', input.value);
				summary.fields++;
			}
		}
	});
}

/** Cleans a detached subtree in place: drops what must not travel, masks what is personal. */
export function cleanSubtree(root: Element, summary: SnapshotSummary = emptySummary()): SnapshotSummary {
	for (const element of [...root.querySelectorAll(DROPPED)]) {
		const tag = element.tagName.toLowerCase();
		if (tag === 'script' || tag === 'noscript' || tag === 'template') summary.removed.scripts++;
		else if (['iframe', 'frame', 'frameset', 'object', 'embed'].includes(tag)) summary.removed.frames++;
		element.remove();
	}
	for (const input of [...root.querySelectorAll('input[type="hidden" i], input[type="password" i]')]) {
		summary.removed.hiddenInputs++;
		input.remove();
	}
	for (const svg of [...root.querySelectorAll('svg')]) svg.replaceChildren();
	// Comments are never shown, so nothing in them is worth keeping, and the text walk below does not mask them.
	const comments: Node[] = [];
	const commentWalker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
	for (let node = commentWalker.nextNode(); node; node = commentWalker.nextNode()) comments.push(node);
	for (const comment of comments) comment.parentNode?.removeChild(comment);
	for (const element of [root, ...root.querySelectorAll('*')]) {
		for (const attribute of [...element.attributes]) {
			const name = attribute.name.toLowerCase();
			if (name.startsWith('on')) {
				summary.removed.eventHandlers++;
				element.removeAttribute(attribute.name);
			} else if (URL_ATTRIBUTES.includes(name) || name === 'nonce' || name === 'integrity') {
				if (URL_ATTRIBUTES.includes(name)) summary.removed.links++;
				element.removeAttribute(attribute.name);
			} else {
				const masked = maskText(attribute.value, summary);
				if (masked !== attribute.value) element.setAttribute(attribute.name, masked);
			}
		}
	}
	maskBalances(root, summary);
	const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const masked = maskText(node.nodeValue ?? '', summary);
		if (masked !== node.nodeValue) node.nodeValue = masked;
	}
	return summary;
}

const isBalanceRow = (element: Element) => {
	const text = ownText(element);
	return BALANCE_LABEL.test(text) || BALANCE_WITH_VALUE.test(text);
};

/**
 * The value beside each balance label (its next sibling, or the rest of its row) gets its digits masked; a label
 * that holds its value itself gets its own digits masked. The innermost such element is the one taken.
 */
function maskBalances(root: Element, summary: SnapshotSummary): void {
	for (const label of [...root.querySelectorAll('*')]) {
		if (!isBalanceRow(label) || [...label.children].some(isBalanceRow)) continue;
		const holdsValue = !BALANCE_LABEL.test(ownText(label));
		const target = holdsValue ? label : (label.nextElementSibling ?? label.parentElement);
		const targets = target ? [target] : [];
		let didMask = false;
		for (const target of targets) {
			const walker = root.ownerDocument.createTreeWalker(target, 4);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (!holdsValue && label.contains(node)) continue;
				const masked = maskDigits(node.nodeValue ?? '');
				if (masked !== node.nodeValue) {
					node.nodeValue = masked;
					didMask = true;
				}
			}
			for (const input of target.matches('input') ? [target] : [...target.querySelectorAll('input')]) {
				const value = input.getAttribute('value');
				if (value && /\d/.test(value)) {
					input.setAttribute('value', maskDigits(value));
					didMask = true;
				}
			}
		}
		if (didMask) summary.masked.balances++;
	}
}

/** The form's ancestors as attribute-only shells around the cleaned clone, up to <body>. */
function wrapInAncestors(form: Element, clone: Element): Element {
	let wrapped = clone;
	for (let ancestor = form.parentElement; ancestor && !/^(?:body|html)$/i.test(ancestor.tagName); ancestor = ancestor.parentElement) {
		const shell = ancestor.cloneNode(false) as Element;
		shell.append(wrapped);
		wrapped = shell;
	}
	return wrapped;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The snapshot of `form` as a standalone document. `capturedAt` is the UTC date (yyyy-mm-dd), `url` the page's
 * address without query or fragment (they can carry ids).
 */
export function buildSnapshot(form: Element, info: {adapterId: string; url: string; capturedAt: string}): PageSnapshot {
	const summary = emptySummary();
	const clone = form.cloneNode(true) as Element;
	copyLiveValues(form, clone, summary);
	const wrapped = wrapInAncestors(form, clone);
	cleanSubtree(wrapped, summary);
	const doc = form.ownerDocument;
	const lang = doc.documentElement.getAttribute('lang') ?? 'en';
	const parsed = URL.canParse(info.url) ? new URL(info.url) : undefined;
	const pageUrl = parsed ? `${parsed.origin}${parsed.pathname}` : '';
	const title = maskText(doc.title ?? '', summary);
	const html = [
		'<!doctype html>',
		`<html lang="${escapeHtml(lang)}">`,
		`<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
		'<body>',
		`<!-- LiqGuard snapshot · adapter ${escapeHtml(info.adapterId)} · ${escapeHtml(pageUrl)} · ${escapeHtml(info.capturedAt)} -->`,
		wrapped.outerHTML,
		'</body>',
		'</html>',
		'',
	].join('\n');
	summary.bytes = new TextEncoder().encode(html).length;
	return {html, fileName: `liqguard-snapshot-${info.adapterId}-${info.capturedAt}.html`, summary};
}

/** The snapshot of the adapter's order form on `doc`, dated today (UTC); undefined with no form. Only on a user's click. */
export function snapshotOfForm(adapter: Pick<Adapter, 'id' | 'formRoot'>, doc: Document): PageSnapshot | undefined {
	const form = adapter.formRoot(doc);
	return form ? buildSnapshot(form, {adapterId: adapter.id, url: doc.location?.href ?? '', capturedAt: new Date().toISOString().slice(0, 10)}) : undefined;
}
