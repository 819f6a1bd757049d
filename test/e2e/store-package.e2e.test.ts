/**
 * Store readiness: `npm run package` makes both zips from a release build without the demo page, and
 * `web-ext lint` (addons-linter, offline) reports 0 errors on the Firefox variants.
 */
import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, test} from 'vitest';
import {DIST_FIREFOX, ROOT} from './harness.js';

const run = promisify(execFile);
const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string};

async function lintErrors(dir: string): Promise<unknown[]> {
	const webExt = join(ROOT, 'node_modules/.bin/web-ext');
	const {stdout} = await run(webExt, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {cwd: ROOT}).catch(
		(error: {stdout: string}) => error,
	);
	const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {errors: unknown[]};
	return report.errors;
}

describe('store packages', () => {
	test('npm run package writes both zips from a release build without the demo page', async () => {
		await run(process.execPath, [join(ROOT, 'scripts/package.mjs')], {cwd: ROOT});
		for (const browser of ['chrome', 'firefox']) expect(existsSync(join(ROOT, `out/liqguard-${browser}-${version}.zip`))).toBe(true);
		const release = readFileSync(join(ROOT, 'dist/release/chrome/manifest.json'), 'utf8');
		expect(release).not.toContain('localhost');
		expect(release).toContain('https://www.binance.com/');
		expect(readFileSync(join(ROOT, 'dist/chrome/manifest.json'), 'utf8')).toContain('http://localhost/demo/*');
	});

	test('web-ext lint finds 0 errors in the Firefox dev and release builds', async () => {
		expect(await lintErrors(DIST_FIREFOX)).toEqual([]);
		expect(await lintErrors(join(ROOT, 'dist/release/firefox'))).toEqual([]);
	});
});
