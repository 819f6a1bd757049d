/**
 * Bad input: fast-check fuzz of every venue adapter's `read` over mutated fixture DOMs.
 *
 * Oracle: the fixture sidecar's `expected` (what a careful reader takes from the page, checked by
 * test/unit/adapters/fixtures.test.ts). After each mutation, every field of the new read is
 *   - exactly as expected, or
 *   - empty/unread (the adapter noticed it could not read it), or
 *   - for a field whose own element got a new, well-formed number: that new number;
 * and never any other value. `read` never throws.
 *
 * Mutations (1–3 per case): remove / duplicate / move an element, garble a text or input value (letters,
 * 1e309, NaN, doubled marks, two numbers, Arabic or full-width digits), sprinkle RTL marks and zero-width
 * spaces, replace a field's number with a huge, tiny or new one in the page's locale, add noise outside the form,
 * and spoof a field's digits (shown as one number, stored as another): a right-to-left override before reversed
 * digits, letter O glued in place of zeros ("7OOOO"), an input styled `unicode-bidi: bidi-override; direction: rtl`
 * holding reversed digits. A spoofed field may read as unread or as the number shown, never as the code points.
 * FUZZ_RUNS cases per adapter (200 in npm test, 10,000 in npm run fuzz).
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseNumber} from '../../../src/adapters/parse-number.js';
import {adapterById} from '../../../src/adapters/index.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {FIXTURES_DIR, loadDocument, type Fixture, type FixtureSidecar} from '../adapters/fixture-loader.js';
import {fuzzParameters, fuzzTimeout} from './runs.js';

/** Venue fixtures with a sidecar (an .html still being written without its .json is skipped, not fatal). */
function listFixtures(): Fixture[] {
	return readdirSync(FIXTURES_DIR).sort().flatMap(adapterId => {
		const dir = path.join(FIXTURES_DIR, adapterId);
		if (!existsSync(dir) || !adapterById(adapterId)) return [];
		return readdirSync(dir).filter(file => file.endsWith('.html') && existsSync(path.join(dir, file.replace(/\.html$/, '.json')))).sort().map(file => {
			const htmlPath = path.join(dir, file);
			const sidecar = JSON.parse(readFileSync(htmlPath.replace(/\.html$/, '.json'), 'utf8')) as FixtureSidecar;
			return {adapterId, name: file.replace(/\.html$/, ''), htmlPath, html: readFileSync(htmlPath, 'utf8'), sidecar};
		});
	});
}

const fixtures = listFixtures().filter(fixture => fixture.sidecar.expected.found);
const byAdapter = new Map<string, Fixture[]>();
for (const fixture of fixtures) byAdapter.set(fixture.adapterId, [...(byAdapter.get(fixture.adapterId) ?? []), fixture]);

type FieldName = Exclude<keyof OrderDraft, 'adapter' | 'venue' | 'contractValue'>;
type Read = {state: 'ok'; value: unknown; text?: string} | {state: 'empty'; text?: string} | {state: 'unread'; reason: string; text?: string};

const NUMBER_RUN = /\d(?:[\d.,\u00A0\u202F' ]*\d)?/;
/**
 * The number as shown, invisible marks inside it included: garbling replaces all of it. Matching up to the first
 * mark only garbled a fragment and left the rest glued to the garbage ("73,5⁩00" → "5 6⁩00", shown as "5 600"; "71,1⁩00.0"
 * → "$00.0"): a well-formed number on the page that the oracle then called a misread (seed 246730729, 2026-11-21).
 */
const SHOWN_NUMBER_RUN = /\d(?:[\d.,\u00A0\u202F' \u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u061C\u00AD]*\d)?/;
const GARBAGE = ['12abc', '1e309', '-1e309', 'NaN', 'Infinity', '1..5', '1,,5', '1.2.3,4,5', '5 6', '0x1F', '١٢٣', '１２３', 'lO0', '$$', '?', '1/2'];
const INVISIBLE = ['\u200B', '\u200E', '\u200F', '\u2066', '\u2069', '\u061C', '\uFEFF'];

const norm = (text: string) => text.replace(/[\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u061C]/g, '').replace(/\s+/g, ' ').trim();

/** Elements (deepest) or form controls whose text/value is exactly the field's `text`. */
function sourcesOf(doc: Document, text: string): Element[] {
	const want = norm(text);
	const found: Element[] = [];
	for (const element of doc.querySelectorAll('input, textarea, select')) {
		if (norm((element as HTMLInputElement).value ?? '') === want) found.push(element);
	}
	for (const element of doc.body.querySelectorAll('*')) {
		if (norm(element.textContent ?? '') !== want) continue;
		if ([...element.children].some(child => norm(child.textContent ?? '') === want)) continue;
		found.push(element);
	}
	return found;
}

function textOf(element: Element): string {
	return /^(INPUT|TEXTAREA)$/.test(element.tagName) ? ((element as HTMLInputElement).value ?? '') : (element.textContent ?? '');
}

/** Replaces `from` by `to` in the element's value, or in the first of its text nodes that holds `from`. */
function replaceIn(element: Element, from: string | RegExp, to: string): void {
	if (/^(INPUT|TEXTAREA)$/.test(element.tagName)) {
		const text = textOf(element).replace(from, to);
		element.setAttribute('value', text);
		(element as HTMLInputElement).value = text;
		return;
	}
	const walker = element.ownerDocument.createTreeWalker(element, 4 /* SHOW_TEXT */);
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		if (typeof from === 'string' ? node.data.includes(from) : from.test(node.data)) {
			node.data = node.data.replace(from, to);
			return;
		}
	}
	element.textContent = (element.textContent ?? '').replace(from, to);
}

/** The page's decimal mark, judged from a number as it is printed there. */
function decimalMarkOf(run: string): '.' | ',' {
	const lastDot = run.lastIndexOf('.');
	const lastComma = run.lastIndexOf(',');
	if (lastComma > lastDot && (lastDot !== -1 || /,\d{1,2}$|,\d{4,}$/.test(run))) return ',';
	return '.';
}

type Mutation =
	| {kind: 'remove' | 'duplicate' | 'move-up' | 'garble' | 'invisible' | 'noise'; pick: number; garbage: string; at: number}
	| {kind: 'renumber'; pick: number; integer: number; fraction: string; at: number; garbage: string; spoof: Spoof};

/** How a renumbered field shows its new number: plainly, or spoofed (see the file's comment). */
type Spoof = 'none' | 'rlo' | 'letter-o' | 'css-bidi';

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({kind: fc.constantFrom('remove', 'duplicate', 'move-up', 'garble', 'invisible', 'noise') as fc.Arbitrary<'remove'>, pick: fc.nat(), garbage: fc.constantFrom(...GARBAGE), at: fc.nat()}),
	fc.record({
		kind: fc.constant('renumber' as const),
		pick: fc.nat(),
		// 1–999 or huge; fraction of 1, 2 or 4+ digits (never 3, which is "1,234"-ambiguous in auto mode)
		integer: fc.oneof(fc.integer({min: 1, max: 999}), fc.integer({min: 1, max: 999}).map(n => n * 1_000_000 + 7)),
		fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,2}$/), fc.stringMatching(/^\d{4,8}$/)),
		at: fc.nat(),
		garbage: fc.constant(''),
		spoof: fc.constantFrom<Spoof>('none', 'none', 'none', 'rlo', 'letter-o', 'css-bidi'),
	}),
);

type Applied = {replaced?: {field: FieldName; value: string; originalText: string}};

function fieldTargets(fixture: Fixture) {
	const draft = (fixture.sidecar.expected as unknown as {draft: Record<string, Read>}).draft;
	return (Object.entries(draft) as [FieldName, Read][]).filter(([, read]) => typeof read === 'object' && read.text && /\d/.test(read.text));
}

/** A field can be renumbered when its expected value is the page number as printed (no conversion). */
function directValue(read: Read): string | undefined {
	if (read.state !== 'ok' || !read.text) return undefined;
	const run = NUMBER_RUN.exec(read.text)?.[0];
	if (!run) return undefined;
	const value = typeof read.value === 'object' && read.value !== null ? (read.value as {value?: unknown}).value : read.value;
	const parsed = parseNumber(run, {decimalSeparator: decimalMarkOf(run)});
	return parsed.kind === 'number' && parsed.value === value ? run : undefined;
}

/** The field whose number a renumbered element carries (elements are per document: no reset needed). */
const renumberedBy = new WeakMap<Element, {field: FieldName; originalText: string}>();

function apply(doc: Document, fixture: Fixture, change: Mutation): Applied {
	const all = [...doc.body.querySelectorAll('*')];
	if (all.length === 0) return {};
	const element = all[change.pick % all.length]!;
	switch (change.kind) {
		case 'remove':
			element.remove();
			return {};
		case 'duplicate':
			element.after(element.cloneNode(true));
			return {};
		case 'move-up': {
			const previous = element.previousElementSibling;
			if (previous) previous.before(element);
			return {};
		}
		case 'noise': {
			// Outside any form: a careful reader ignores it.
			const noise = doc.createElement('div');
			noise.textContent = `Price ${change.garbage} 123,456.78 USDT Leverage 77x`;
			doc.body.append(noise);
			return {};
		}
		case 'invisible': {
			const text = textOf(element);
			const i = change.at % (text.length + 1);
			if (/^(INPUT|TEXTAREA)$/.test(element.tagName)) replaceIn(element, text, text.slice(0, i) + INVISIBLE[change.at % INVISIBLE.length] + text.slice(i));
			else {
				const node = [...element.childNodes].find(child => child.nodeType === 3) as Text | undefined;
				if (node) node.data = node.data.slice(0, i % (node.data.length + 1)) + INVISIBLE[change.at % INVISIBLE.length] + node.data.slice(i % (node.data.length + 1));
			}
			return {};
		}
		case 'garble': {
			// Prefer a field's own element half the time, so garbling reaches the numbers.
			const targets = fieldTargets(fixture);
			const target = change.at % 2 === 0 && targets.length > 0 ? targets[change.pick % targets.length] : undefined;
			const victim = target ? sourcesOf(doc, target[1].text!)[0] : element;
			if (!victim) return {};
			const text = textOf(victim);
			if (SHOWN_NUMBER_RUN.test(text)) replaceIn(victim, SHOWN_NUMBER_RUN, change.garbage);
			else replaceIn(victim, /$/, change.garbage);
			return {};
		}
		case 'renumber': {
			const candidates = fieldTargets(fixture).filter(([, read]) => directValue(read) !== undefined);
			if (candidates.length === 0) return {};
			const [field, read] = candidates[change.pick % candidates.length]!;
			const sources = sourcesOf(doc, read.text!);
			if (sources.length !== 1) return {}; // the same text twice on the page: not a clean target
			const run = directValue(read)!;
			const mark = decimalMarkOf(run);
			const source = sources[0]!;
			const isInput = /^(INPUT|TEXTAREA)$/.test(source.tagName);
			if (change.spoof === 'css-bidi' && !isInput) return {}; // computed unicode-bidi is read on inputs only
			const reversed = [...String(change.integer)].reverse().join('');
			// What the page shows is `${change.integer}` (× 10,000 for letter-o); the code points say otherwise.
			const spoofed: Record<Exclude<Spoof, 'none'>, [string, string]> = {
				rlo: [`\u202E${reversed}`, String(change.integer)],
				'letter-o': [`${change.integer}OOOO`, `${change.integer}0000`],
				'css-bidi': [reversed, String(change.integer)],
			};
			if (change.spoof !== 'none') {
				const [printed, shown] = spoofed[change.spoof];
				replaceIn(source, run, printed);
				if (change.spoof === 'css-bidi') source.setAttribute('style', 'unicode-bidi: bidi-override; direction: rtl');
				const owner = renumberedBy.get(source) ?? {field, originalText: read.text!};
				renumberedBy.set(source, owner);
				return {replaced: {...owner, value: shown}};
			}
			const printed = `${change.integer}${change.fraction ? mark + change.fraction : ''}`;
			replaceIn(source, run, printed);
			const fraction = change.fraction.replace(/0+$/, '');
			/*
			 * The element found by the text may be another field's, renumbered by an earlier mutation of this case to
			 * this field's original text (mark price "71,420.5" → "10", then size's "10" is looked up and found in the
			 * mark price cell): the new number is that field's. Seed 1940124168 (2026-11-21) charged it to size.
			 */
			const owner = renumberedBy.get(source) ?? {field, originalText: read.text!};
			renumberedBy.set(source, owner);
			return {replaced: {...owner, value: `${change.integer}${fraction ? `.${fraction}` : ''}`}};
		}
	}
}

function numericValue(read: Read): unknown {
	if (read.state !== 'ok') return undefined;
	return typeof read.value === 'object' && read.value !== null ? (read.value as {value?: unknown}).value : read.value;
}

const KNOWN_MISREADS: {adapter: string; field: string; example: string}[] = [
	// Empty: the label walk no longer borrows a neighbouring field's input (controlByLabel's otherLabels). Add an
	// entry only with an issue to fix it, never to make a run green.
];

function sameNotional(got: Read, want: Read, leverage: Read | undefined): boolean {
	if (got.state !== 'ok' || want.state !== 'ok' || leverage?.state !== 'ok') return false;
	const a = got.value as {value: string; unit: string};
	const b = want.value as {value: string; unit: string};
	return a.unit === 'margin' && b.unit === 'quote' && Math.abs(Number(a.value) * Number(leverage.value) - Number(b.value)) < 1e-9 * Number(b.value);
}

const adapterIds = [...byAdapter.keys()].sort();

describe.each(adapterIds)('%s: read() over mutated fixture DOMs', adapterId => {
	const adapter = adapterById(adapterId)!;
	const own = byAdapter.get(adapterId)!;

	test('each field reads as expected, as unread/empty, or as the new number it was given; never another value', async () => {
		await fc.assert(
			fc.asyncProperty(fc.nat({max: own.length - 1}), fc.array(mutation, {minLength: 1, maxLength: 3}), async (index, changes) => {
				const fixture = own[index]!;
				const doc = loadDocument(fixture.html, fixture.sidecar.url);
				try {
					const applied: Applied[] = changes.map(change => apply(doc, fixture, change));
					const result = adapter.read(doc);
					if (!result.found) return; // the form is gone: nothing read, nothing wrong
					const expected = (fixture.sidecar.expected as unknown as {draft: Record<string, Read>}).draft;
					const structural = changes.some(change => change.kind === 'remove' || change.kind === 'duplicate' || change.kind === 'move-up');
					const got = result.draft as unknown as Record<string, Read>;
					for (const [field, want] of Object.entries(expected)) {
						if (field === 'adapter' || field === 'venue') {
							expect(got[field]).toEqual(want);
							continue;
						}
						const read = got[field];
						const where = `${fixture.name} after ${JSON.stringify(changes)}: ${field} ${JSON.stringify(read)} (expected ${JSON.stringify(want)})`;
						expect(read, where).toBeDefined();
						if (read!.state !== 'ok') continue; // empty/unread is always allowed
						// 'both' (assess both sides) is the conservative read of an unknown side; with a submit button or
						// side tab removed, the side the remaining controls open is a true read of the changed page.
						// Side is read from which submit buttons/tabs exist; garbling a button's label leaves the other.
						if (field === 'side') continue;
						// With a tab removed or moved, another order type/margin mode may truly be the one left selected.
						if (structural && (field === 'orderType' || field === 'marginMode')) continue;
						// A duplicated inline node ("10" twice before "x") really shows "1010x" on the page.
						if (changes.some(change => change.kind === 'duplicate') && field === 'leverage') continue;
						// KNOWN MISREADS (reported to the adapters' owner): when the field's own input is removed,
						// the label/position fallback takes a neighbouring input. Tolerated here only after a removal, so
						// every other path stays strict. Delete an entry once its adapter is fixed.
						if (structural && KNOWN_MISREADS.some(known => known.adapter === adapterId && known.field === field)) continue;
						// Aster Simple: without the position-size row the collateral is the size, as margin (same position).
						if (field === 'size' && sameNotional(read!, want as Read, expected.leverage)) continue;
						const renumbered = applied.filter(entry => entry.replaced && (entry.replaced.field === field || entry.replaced.originalText === (want as Read).text)).map(entry => entry.replaced!.value);
						const value = numericValue(read!);
						const wantValue = numericValue(want as Read);
						if (renumbered.length > 0) expect([wantValue, ...renumbered], where).toContain(value);
						else expect(value, where).toEqual(wantValue);
					}
				} finally {
					// happy-dom keeps every Window (≈1 MB) until its browser frame is closed: without this, 10,000 cases
					// per adapter ran the 8 GB heap out (npm run fuzz, 2026-11-21).
					await (doc.defaultView as unknown as {happyDOM: {close(): Promise<void>}}).happyDOM.close();
				}
			}),
			fuzzParameters(),
		);
	}, fuzzTimeout(40));
});

test('every venue adapter with fixtures is fuzzed', () => {
	expect(adapterIds.length).toBeGreaterThanOrEqual(8);
});
