/**
 * `npm run fixture -- FILE URL [--state NAME] [--date YYYY-MM-DD] [--out DIR]`
 *
 * Turns a snapshot saved with the panel's "Report a misread" (or any saved order form) into a dated venue fixture:
 * test/fixtures/<adapter>/<date>-<state>.html and its .json sidecar, which the fixture test table
 * (test/unit/adapters/fixtures.test.ts) picks up. URL is the exchange page the snapshot came from: it picks the
 * adapter (by its match patterns) and is the location the adapter sees.
 *
 * The file is cleaned again with the panel's own cleaner (scripts, event handlers, frames, links dropped; balances,
 * account ids, addresses and e-mails masked), whoever wrote it. The sidecar's `expected` is what the adapter reads
 * today: check every field against the HTML by eye, correct it where the adapter is wrong, and write the
 * independent `<name>.audit.json` by hand (the audit test fails until you do).
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {Window} from 'happy-dom';
import {adapterForUrl, adapterById} from '../src/adapters/index.js';
import {cleanSubtree} from '../src/content/snapshot.js';

const MAX_BYTES = 20_000;

function fail(message: string): never {
	console.error(`fixture: ${message}`);
	process.exit(1);
}

function loadDocument(html: string, url: string): Document {
	const window = new Window({
		url,
		settings: {disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true},
	});
	window.document.write(html);
	return window.document as unknown as Document;
}

const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {state: {type: 'string'}, date: {type: 'string'}, out: {type: 'string'}, adapter: {type: 'string'}},
});
const [file, url] = positionals;
if (!file || !url) fail('usage: npm run fixture -- FILE URL [--state NAME] [--date YYYY-MM-DD] [--out DIR] [--adapter ID]');
let pageUrl: URL;
try {
	pageUrl = new URL(url);
} catch {
	fail(`"${url}" is not a URL: give the exchange page the snapshot came from`);
}
const adapter = values.adapter ? adapterById(values.adapter) : adapterForUrl(pageUrl.href);
if (!adapter) fail(`no adapter matches ${url}${values.adapter ? ` (--adapter ${values.adapter})` : ''}`);
const date = values.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date ${date} is not yyyy-mm-dd`);

// Clean the whole body again (a saved file is untrusted input too), then re-serialise.
const doc = loadDocument(readFileSync(file, 'utf8'), pageUrl.href);
const summary = cleanSubtree(doc.body);
for (const element of [...doc.head.querySelectorAll('script, link, style, meta:not([charset])')]) element.remove();
const html = `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
if (/<script/i.test(html)) fail('the file still holds a <script> after cleaning');
if (html.length >= MAX_BYTES) console.warn(`fixture: ${html.length} bytes, over the fixture test's 20 KB: trim the noise by hand`);

const result = adapter.read(loadDocument(html, pageUrl.href));
const read = result.found ? result.draft : undefined;
const okValue = (field: {state: string; value?: unknown} | undefined) => (field?.state === 'ok' ? String(field.value) : undefined);
const derived = read ? [okValue(read.orderType), okValue(read.side), okValue(read.marginMode)].filter(Boolean).join('-') : 'no-form';
const state = (values.state ?? `${derived || 'unread'}-snapshot`).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const name = `${date}-${state}`;
const outDir = path.join(values.out ?? path.resolve(import.meta.dirname, '../test/fixtures'), adapter.id);
const htmlPath = path.join(outDir, `${name}.html`);
if (existsSync(htmlPath)) fail(`${htmlPath} exists: pick another --state`);

const sidecar = {
	url: pageUrl.href,
	capturedAt: date,
	notes: `Saved with LiqGuard's "Report a misread" and converted by npm run fixture (its own cleaning pass masked ${summary.masked.balances} balances, ${summary.masked.accountIds} account ids, ${summary.masked.addresses} addresses, ${summary.masked.emails} e-mails more). Expected = the ${adapter.id} adapter's read on ${date}: check it against the HTML by eye.`,
	expected: result,
};
mkdirSync(outDir, {recursive: true});
writeFileSync(htmlPath, html);
writeFileSync(htmlPath.replace(/\.html$/, '.json'), `${JSON.stringify(sidecar, null, '\t')}\n`);
console.log(`fixture: wrote ${path.relative(process.cwd(), htmlPath)} and its .json sidecar (${adapter.id}, ${result.found ? 'form read' : 'no form'})`);
console.log('fixture: next, check `expected` by eye, write the .audit.json by hand, and run npx vitest run --project unit test/unit/adapters');
