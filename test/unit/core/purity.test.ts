/** src/core is pure (DEVELOPERS.md principle 3): no DOM, no browser API, no clock, no randomness, one Decimal. */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it, test} from 'vitest';

const root = join(import.meta.dirname, '../../../src');
const walk = (dir: string): string[] =>
	readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
	});
const core = join(root, 'core');
// The rules live under src/core/rules, so this walk covers them too.
const pure = walk(core);

/** Every module specifier in the file: static imports and re-exports, side-effect imports, dynamic imports. */
const specifiers = (code: string): string[] =>
	[...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map(match => match[1] ?? match[2] ?? match[3]!);

/**
 * The one arrow out of the core, data not code: `core/messages.ts` fills a warning's English `message` from the
 * locale table (JSON). A warning also carries `messageKey` + `substitutions`, which every page translates itself.
 */
const LOCALE_TABLE = {from: 'core/messages.ts', target: '_locales/en/messages.json'};

test('the walk sees the core and its rules', () => {
	expect(pure.map(path => relative(root, path))).toEqual(expect.arrayContaining(['core/assess.ts', 'core/rules/index.ts', 'core/venues/index.ts']));
});

describe.each(pure.map(path => [relative(root, path), path]))('%s', (_name, path) => {
	const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
	it.each([
		[/\b(document|window|chrome|browser|navigator|localStorage|sessionStorage|location|history|self|globalThis|indexedDB|caches)\./, 'a DOM or browser API'],
		[/\b(fetch|requestAnimationFrame|setTimeout|setInterval|queueMicrotask|structuredClone)\(/, 'a browser or host function'],
		[/\b(HTMLElement|Element|Node|Event|EventTarget|MutationObserver|Intl)\b/, 'a DOM type or the host\'s Intl'],
		[/Date\.now|new Date\(|performance\.now/, 'the clock'],
		[/Math\.random/, 'randomness'],
		// `toNumber()` is allowed: odds.ts converts a checked Decimal for exp/erf, documented there.
		[/parseFloat\(|\bNumber\(/, 'binary floating point parsing of amounts'],
	])('uses no %s', (pattern, what) => {
		expect(code, `src/core must not use ${what}`).not.toMatch(pattern);
	});
	it('imports nothing outside src/core, except decimal.js', () => {
		for (const specifier of specifiers(code)) {
			if (!specifier.startsWith('.')) {
				expect(specifier, `a package import in src/core`).toBe('decimal.js');
				continue;
			}
			const target = resolve(dirname(path), specifier);
			if (relative(root, target) === LOCALE_TABLE.target && relative(root, path) === LOCALE_TABLE.from) continue;
			expect(relative(core, target).startsWith('..'), `${specifier} leaves src/core`).toBe(false);
		}
	});
	it('imports decimal.js only through core/decimal.ts', () => {
		if (!path.endsWith('core/decimal.ts')) expect(code).not.toMatch(/from 'decimal\.js'/);
	});
});
