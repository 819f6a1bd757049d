import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, test, vi} from 'vitest';
import {restrictToTrustedContexts} from '../../../src/background/storage-access.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('storage access level', () => {
	test('sync and local are restricted to trusted contexts where the browser supports it', async () => {
		const sync = {setAccessLevel: vi.fn(async () => undefined)};
		const local = {setAccessLevel: vi.fn(async () => undefined)};
		expect(await restrictToTrustedContexts({sync, local})).toEqual({sync: 'restricted', local: 'restricted'});
		expect(sync.setAccessLevel).toHaveBeenCalledWith({accessLevel: 'TRUSTED_CONTEXTS'});
		expect(local.setAccessLevel).toHaveBeenCalledWith({accessLevel: 'TRUSTED_CONTEXTS'});
	});

	test('Firefox (no setAccessLevel) and a refusal are reported, never thrown', async () => {
		const failing = {setAccessLevel: () => Promise.reject(new Error('nope'))};
		expect(await restrictToTrustedContexts({sync: {}, local: failing, session: undefined})).toEqual({sync: 'unsupported', local: 'failed', session: 'unsupported'});
	});

	test('the worker restricts both areas at start, at top level', () => {
		const source = readFileSync(join(ROOT, 'src/background/index.ts'), 'utf8');
		expect(source).toMatch(/^void restrictToTrustedContexts\(\{sync: .*local: .*\}\)/m);
	});

	test('content scripts neither read nor watch storage: settings changes reach them only as the worker\'s push', () => {
		const dir = join(ROOT, 'src/content');
		for (const file of readdirSync(dir)) {
			const source = readFileSync(join(dir, file), 'utf8');
			expect(source, file).not.toMatch(/storage\s*\.\s*(?:onChanged|sync|local|session)\b/);
		}
	});
});
