/**
 * The content script stays in parts a reader can follow: the session wires form-watch, request, placement, heartbeat
 * read and hold together, and no file in src/content grows past 250 lines.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, test} from 'vitest';

const CONTENT = join(import.meta.dirname, '../../../src/content');
const MAX_LINES = 250;

test.each(readdirSync(CONTENT).filter(name => /\.tsx?$/.test(name)))('src/content/%s is at most 250 lines', name => {
	const lines = readFileSync(join(CONTENT, name), 'utf8').replace(/\n$/, '').split('\n').length;
	expect(lines, `src/content/${name} has ${lines} lines: split a part out of it`).toBeLessThanOrEqual(MAX_LINES);
});
