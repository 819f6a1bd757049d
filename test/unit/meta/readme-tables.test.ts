/**
 * The README's "Supported pages" and "Warnings" tables against the registries, in the manner of refined-github's
 * features test (refined-github/refined-github@c2e561e, build/features.test.ts, checked 2026-12-04: every feature
 * is described once in the readme): every registered adapter and rule has exactly one row, and every row names a
 * registered one.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {ADAPTERS} from '../../../src/adapters/index.js';
import {RULES} from '../../../src/core/rules/index.js';

const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

/** The first-column ids (`` `id` ``) of the table that follows `heading` in the README. */
function tableIds(heading: string): string[] {
	const start = README.indexOf(`\n${heading}\n`);
	expect(start, `README has the heading "${heading}"`).toBeGreaterThan(-1);
	const lines = README.slice(start + heading.length + 2).split('\n');
	const first = lines.findIndex(line => line.startsWith('|'));
	const end = lines.findIndex((line, index) => index > first && !line.startsWith('|'));
	// Skip the header row and the separator.
	const rows = lines.slice(first + 2, end === -1 ? undefined : end);
	return rows.map(row => {
		const id = /^\| `([a-z0-9-]+)` \|/.exec(row)?.[1];
		expect(id, `first cell of README row is an id in backticks: ${row.slice(0, 60)}`).toBeDefined();
		return id!;
	});
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('README tables match the registries', () => {
	test('"Supported pages": one row per adapter of src/adapters/index.ts, and no other', () => {
		// The demo adapter reads LiqGuard's own demo page; release builds drop it, so it is no supported page.
		const registered = ADAPTERS.map(adapter => adapter.id).filter(id => id !== 'demo');
		const rows = tableIds('## Supported pages');
		expect(new Set(rows).size, 'no adapter listed twice').toBe(rows.length);
		expect(sorted(rows)).toEqual(sorted(registered));
	});

	test('"Warnings": one row per rule of src/core/rules/index.ts, and no other', () => {
		const rows = tableIds('### Warnings');
		expect(new Set(rows).size, 'no rule listed twice').toBe(rows.length);
		expect(sorted(rows)).toEqual(sorted(RULES.map(rule => rule.id)));
	});

	test('the table reader sees every row (a sanity check on the parser, against counts read by hand)', () => {
		expect(tableIds('## Supported pages')).toHaveLength(9);
		expect(tableIds('### Warnings')).toHaveLength(12);
	});
});
