/** src/core is pure (DEVELOPERS.md principle 3): no DOM, no browser API, no clock, no randomness, one Decimal. */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = join(import.meta.dirname, '../../../src');
const walk = (dir: string): string[] =>
	readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
	});
const pure = [...walk(join(root, 'core')), ...walk(join(root, 'rules'))];

describe.each(pure.map(path => [relative(root, path), path]))('%s', (_name, path) => {
	const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
	it.each([
		[/\b(document|window|chrome|browser|navigator|localStorage)\./, 'a DOM or browser API'],
		[/Date\.now|new Date\(|performance\.now/, 'the clock'],
		[/Math\.random/, 'randomness'],
		// `toNumber()` is allowed: odds.ts converts a checked Decimal for exp/erf, documented there.
		[/parseFloat\(|\bNumber\(/, 'binary floating point parsing of amounts'],
	])('uses no %s', (pattern, what) => {
		expect(code, `src/core must not use ${what}`).not.toMatch(pattern);
	});
	it('imports decimal.js only through core/decimal.ts', () => {
		if (!path.endsWith('core/decimal.ts')) expect(code).not.toMatch(/from 'decimal\.js'/);
	});
});
