/**
 * Builds the extension (dev and release) from a private copy of the sources in a temp folder, so the meta tests
 * check exactly what `build.mjs` makes today without touching the shared `dist/` that the e2e suites (and other
 * people's runs) read at the same time. About 2–4 s; `node_modules` is a symlink.
 */
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {promisify} from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

export type Built = {dir: string; dev: {chrome: string; firefox: string}; release: {chrome: string; firefox: string}; cleanup(): void};

export async function buildIsolated(): Promise<Built> {
	const dir = mkdtempSync(join(tmpdir(), 'liqguard-meta-'));
	for (const entry of ['build.mjs', 'manifest.json', 'package.json', 'tsconfig.json', 'src', 'icons']) {
		if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), {recursive: true});
	}
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	await run(process.execPath, ['build.mjs'], {cwd: dir});
	await run(process.execPath, ['build.mjs', '--release'], {cwd: dir});
	return {
		dir,
		dev: {chrome: join(dir, 'dist/chrome'), firefox: join(dir, 'dist/firefox')},
		release: {chrome: join(dir, 'dist/release/chrome'), firefox: join(dir, 'dist/release/firefox')},
		cleanup: () => rmSync(dir, {recursive: true, force: true}),
	};
}

export function readManifest(dir: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}
