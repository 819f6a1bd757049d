/**
 * No remote code and no string-to-code in anything we ship: every built script of dev and release, Chrome and
 * Firefox (a private build, isolated-build.ts), is scanned for eval, the Function constructor, remote imports,
 * network APIs and HTML sinks.
 *
 * Allowance, justified: Preact's runtime contains one `innerHTML =` assignment, reached only through the
 * `dangerouslySetInnerHTML` prop. The source never uses that prop (checked below), so the sink is dead code for
 * us; we allow exactly that statement shape (`x.innerHTML = y.__html`) and nothing else.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {buildIsolated, ROOT, type Built} from './isolated-build.js';

let built: Built;
let files: {name: string; text: string}[] = [];

function walk(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

beforeAll(async () => {
	built = await buildIsolated();
	const dirs = [built.dev.chrome, built.dev.firefox, built.release.chrome, built.release.firefox];
	files = dirs.flatMap(dir => walk(dir)).filter(path => /\.(js|html)$/.test(path)).map(path => ({name: relative(built.dir, path), text: readFileSync(path, 'utf8')}));
}, 120_000);

afterAll(() => built?.cleanup());

const PREACT_HTML_SINK = /\b\w+\.innerHTML\s*=\s*\w+\.__html\b/g;

/** [what, pattern]: none may match any shipped script. */
const FORBIDDEN: [string, RegExp][] = [
	['eval', /(?<![\w$.])eval\s*\(/],
	['indirect eval', /\(\s*0\s*,\s*eval\s*\)/],
	['new Function', /\bnew\s+Function\s*\(/],
	['Function constructor call', /(?<![\w$.])Function\s*\(\s*["'`]/],
	['string setTimeout/setInterval', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
	['importScripts', /\bimportScripts\s*\(/],
	['dynamic import', /\bimport\s*\(/],
	['XMLHttpRequest', /\bXMLHttpRequest\b/],
	['WebSocket', /\bWebSocket\b/],
	['EventSource', /\bEventSource\b/],
	['sendBeacon', /\bsendBeacon\b/],
	['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
	['outerHTML assignment', /\bouterHTML\s*=/],
	['document.write', /\bdocument\.write(?:ln)?\s*\(/],
	['createContextualFragment', /\bcreateContextualFragment\b/],
	['DOMParser', /\bDOMParser\b/],
	['window.postMessage listener', /addEventListener\(\s*["']message["']/],
	['srcdoc', /\bsrcdoc\b/],
];

describe('built bundles', () => {
	test('the build produced the scripts we scan', () => {
		const names = files.map(file => file.name);
		for (const dir of ['dist/chrome', 'dist/firefox', 'dist/release/chrome', 'dist/release/firefox']) {
			for (const script of ['background.js', 'content.js']) expect(names).toContain(`${dir}/${script}`);
		}
	});

	test.each(FORBIDDEN)('no %s in any shipped script', (_what, pattern) => {
		const hits = files.filter(file => file.name.endsWith('.js') && pattern.test(file.text)).map(file => file.name);
		expect(hits).toEqual([]);
	});

	test('fetch only in the background worker, at one call site (the market-data owner; its URLs come from endpoints.ts)', () => {
		const fetchCall = /(?<![\w$.])fetch\s*\(/g;
		for (const file of files.filter(candidate => candidate.name.endsWith('.js'))) {
			const count = file.text.match(fetchCall)?.length ?? 0;
			expect(count, file.name).toBe(file.name.endsWith('/background.js') ? 1 : 0);
		}
	});

	test('innerHTML is assigned only by Preact’s dangerouslySetInnerHTML path', () => {
		for (const file of files.filter(candidate => candidate.name.endsWith('.js'))) {
			const rest = file.text.replace(PREACT_HTML_SINK, '');
			expect(/\binnerHTML\s*=(?!=)/.test(rest), `${file.name} assigns innerHTML outside Preact's runtime`).toBe(false);
		}
	});

	test('extension pages load only their own module script, no inline or remote script', () => {
		for (const file of files.filter(candidate => candidate.name.endsWith('.html'))) {
			const scripts = [...file.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
			for (const [, attributes = '', body = ''] of scripts) {
				expect(body.trim(), `${file.name}: inline script`).toBe('');
				expect(attributes, file.name).toMatch(/\bsrc="[\w-]+\.js"/);
			}
			expect(file.text, file.name).not.toMatch(/<(?:link|img|iframe|script)\b[^>]*\b(?:src|href)="(?:https?:)?\/\//i);
			expect(file.text, file.name).not.toMatch(/\son[a-z]+=/i);
		}
	});

	test('the content script carries no engine: decimal.js and the venue models stay in the worker and the popup', () => {
		const content = files.filter(file => /(^|\/)(chrome|firefox)\/content\.js$/.test(file.name));
		expect(content.length).toBeGreaterThan(0);
		// decimal.js's own error prefix; the engine's assessment would bring it in with every venue model.
		for (const file of content) expect(file.text, file.name).not.toContain('[DecimalError]');
	});

	test('the release content script attaches a closed shadow root (page scripts cannot reach into the panel)', () => {
		const content = files.filter(file => /release\/(chrome|firefox)\/content\.js$/.test(file.name));
		expect(content).toHaveLength(2);
		for (const file of content) {
			expect(file.text).toMatch(/attachShadow\(\{mode:"closed"\}\)/);
			expect(file.text).not.toMatch(/attachShadow\(\{mode:"open"\}\)/);
		}
	});

	test('the content script carries no venue catalogue or venue model (the models name their venue through a pure call, so an unused model drops out)', () => {
		const content = files.filter(file => /\/content\.js$/.test(file.name));
		expect(content).toHaveLength(4);
		for (const file of content) {
			// A source note of the Binance record and the how-to message key prefix: present only with the catalogue.
			expect(file.text, file.name).not.toContain('maintenance amount recursion');
			expect(file.text, file.name).not.toContain('venue_isolated_howto_');
		}
	});
});

describe('sources', () => {
	const sources = walk(join(ROOT, 'src')).filter(path => /\.(ts|tsx)$/.test(path) && !path.includes('/demo/') && !path.endsWith('/adapters/demo.ts'));

	test('no dangerouslySetInnerHTML, innerHTML, or eval-like call in src (demo page excepted: it is the fake exchange)', () => {
		for (const path of sources) {
			const text = readFileSync(path, 'utf8');
			expect(text, relative(ROOT, path)).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|(?<![\w$.])eval\s*\(|new Function\s*\(/);
		}
	});

	test('no window "message" listener: window.postMessage from the page is never read', () => {
		for (const path of sources) {
			const text = readFileSync(path, 'utf8');
			expect(text, relative(ROOT, path)).not.toMatch(/addEventListener\(\s*['"]message['"]|\bonmessage\s*=/);
		}
	});
});
