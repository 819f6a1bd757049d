/**
 * Least privilege, as built: the permissions, host permissions and CSP of the manifests `build.mjs` writes
 * (dev and release, Chrome and Firefox) against a reviewed snapshot (manifest-permissions.snap.json).
 *
 * A new permission or host pattern fails this test until the snapshot is updated on purpose, together with its
 * reason in README.md § Privacy. The build runs in a private temp copy (isolated-build.ts), never in dist/.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {API_ORIGINS, connectSources} from '../../../src/background/market-data/endpoints.js';
import {buildIsolated, readManifest, ROOT, type Built} from './isolated-build.js';

type Snapshot = {
	'release-chrome': Record<string, unknown>;
	'release-firefox': Record<string, unknown>;
	'dev-extra-host_permissions': string[];
};
const SNAPSHOT = JSON.parse(readFileSync(join(import.meta.dirname, 'manifest-permissions.snap.json'), 'utf8')) as Snapshot;
const update = 'If this change is on purpose, update test/unit/meta/manifest-permissions.snap.json and the README Privacy section.';

type Manifest = {
	permissions?: string[];
	optional_permissions?: string[];
	host_permissions?: string[];
	optional_host_permissions?: string[];
	content_security_policy?: {extension_pages?: string; sandbox?: string} | string;
	content_scripts?: {matches: string[]; all_frames?: boolean; match_about_blank?: boolean; world?: string}[];
	web_accessible_resources?: unknown;
	externally_connectable?: unknown;
	manifest_version: number;
};

function permissionsOf(manifest: Manifest) {
	return {
		permissions: manifest.permissions ?? [],
		optional_permissions: manifest.optional_permissions ?? [],
		host_permissions: manifest.host_permissions ?? [],
		optional_host_permissions: manifest.optional_host_permissions ?? [],
		content_security_policy: manifest.content_security_policy ?? null,
	};
}

let built: Built;
const manifests: Record<string, Manifest> = {};

beforeAll(async () => {
	built = await buildIsolated();
	manifests['dev-chrome'] = readManifest(built.dev.chrome) as Manifest;
	manifests['dev-firefox'] = readManifest(built.dev.firefox) as Manifest;
	manifests['release-chrome'] = readManifest(built.release.chrome) as Manifest;
	manifests['release-firefox'] = readManifest(built.release.firefox) as Manifest;
}, 120_000);

afterAll(() => built?.cleanup());

describe('built manifests against the reviewed snapshot', () => {
	test.each(['release-chrome', 'release-firefox'] as const)('%s permissions, host permissions and CSP equal the snapshot', variant => {
		expect(permissionsOf(manifests[variant]!), update).toEqual(SNAPSHOT[variant]);
	});

	test.each(['chrome', 'firefox'])('dev-%s adds only the demo page hosts to its release twin', browser => {
		const dev = permissionsOf(manifests[`dev-${browser}`]!);
		const release = SNAPSHOT[`release-${browser}` as 'release-chrome'];
		expect({...dev, host_permissions: dev.host_permissions.filter(host => !SNAPSHOT['dev-extra-host_permissions'].includes(host))}, update).toEqual(release);
		expect(dev.host_permissions).toEqual(expect.arrayContaining(SNAPSHOT['dev-extra-host_permissions']));
	});

	test('the source manifest.json asks for no API permission the snapshot does not list', () => {
		const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
		expect(source.permissions ?? [], update).toEqual(SNAPSHOT['release-chrome'].permissions);
		expect(source.optional_host_permissions ?? [], update).toEqual(SNAPSHOT['release-chrome'].optional_host_permissions);
	});
});

describe('least privilege, whatever the snapshot says', () => {
	const variants = () => Object.entries(manifests);

	test('no <all_urls> and no all-hosts pattern is granted up front', () => {
		for (const [variant, manifest] of variants()) {
			expect(JSON.stringify(manifest), variant).not.toContain('<all_urls>');
			const granted = [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap(script => script.matches)];
			for (const pattern of granted) {
				const host = /^[^:]+:\/\/([^/]*)\//.exec(pattern)?.[1] ?? '';
				expect(host, `${variant}: "${pattern}" grants every host`).not.toBe('*');
				expect(host, `${variant}: "${pattern}" grants a whole TLD`).not.toMatch(/^\*\.[^.]+$/);
				expect(pattern, `${variant}: "${pattern}" uses a wildcard scheme`).not.toMatch(/^\*:/);
			}
		}
	});

	test('all-sites access exists only as an optional https permission (asked per site at run time)', () => {
		for (const [variant, manifest] of variants()) {
			for (const pattern of manifest.optional_host_permissions ?? []) expect(pattern, variant).toMatch(/^https:\/\//);
		}
	});

	test('no tabs, no webRequest, no scripting beyond the reviewed list; nothing that reads history or cookies', () => {
		const forbidden = ['tabs', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'cookies', 'history', 'debugger', 'nativeMessaging', 'management', 'clipboardRead', 'downloads', 'proxy', 'webNavigation', '<all_urls>'];
		for (const [variant, manifest] of variants()) {
			for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
				expect(forbidden, `${variant} asks for "${permission}"`).not.toContain(permission);
			}
		}
	});

	test('release builds carry no localhost or http host', () => {
		for (const variant of ['release-chrome', 'release-firefox']) {
			const hosts = [...(manifests[variant]!.host_permissions ?? []), ...(manifests[variant]!.content_scripts ?? []).flatMap(script => script.matches)];
			for (const host of hosts) expect(host, variant).toMatch(/^https:\/\//);
		}
	});

	test('content scripts run in the top frame, isolated world, and only where a host permission is held', () => {
		for (const [variant, manifest] of variants()) {
			for (const script of manifest.content_scripts ?? []) {
				expect(script.all_frames ?? false, variant).toBe(false);
				expect(script.match_about_blank ?? false, variant).toBe(false);
				expect(script.world ?? 'ISOLATED', variant).toBe('ISOLATED');
				for (const pattern of script.matches) expect(manifest.host_permissions, `${variant}: ${pattern}`).toContain(pattern);
			}
		}
	});

	test('web pages cannot reach the extension: no externally_connectable, no web-accessible resources', () => {
		for (const [variant, manifest] of variants()) {
			expect(manifest.externally_connectable, variant).toBeUndefined();
			expect(manifest.web_accessible_resources, variant).toBeUndefined();
		}
	});

	test('extension pages: an explicit CSP stricter than the MV3 default (no eval, no inline or remote script, connections only to the API list)', () => {
		for (const [variant, manifest] of variants()) {
			expect(manifest.manifest_version).toBe(3);
			const csp = manifest.content_security_policy;
			expect(typeof csp, `${variant}: an MV3 CSP object`).toBe('object');
			const pages = typeof csp === 'object' ? (csp.extension_pages ?? '') : '';
			const directives = new Map(pages.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
			const withoutConnect = pages.split(';').filter(part => !part.trim().startsWith('connect-src')).join(';');
			expect(withoutConnect, variant).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*|data:|blob:/);
			expect(directives.get('script-src'), variant).toBe("'self'");
			expect(directives.get('object-src'), variant).toBe("'none'");
			// Only the worker fetches, and only the venues' public market-data API paths listed in endpoints.ts.
			expect(directives.get('connect-src')?.split(' '), variant).toEqual(connectSources());
			for (const source of connectSources()) expect(source, variant).toMatch(/^https:\/\/[a-z0-9.-]+\/[a-z0-9/]+\/?$/);
			expect(typeof csp === 'object' ? csp.sandbox : undefined, variant).toBeUndefined();
		}
	});

	test("the popup and options pages keep connect-src 'none' in their own CSP (the stricter of the two policies applies)", () => {
		for (const page of ['popup.html', 'options.html']) {
			const html = readFileSync(join(built.release.chrome, page), 'utf8');
			expect(html, page).toContain('<meta http-equiv="Content-Security-Policy" content="connect-src \'none\'">');
		}
	});

	test('host permissions beyond the adapters are exactly the API list, each limited to an API path', () => {
		for (const [variant, manifest] of variants()) {
			const hosts = manifest.host_permissions ?? [];
			const apiHosts = API_ORIGINS.map(entry => entry.hostPermission);
			expect(hosts, variant).toEqual(expect.arrayContaining(apiHosts));
			for (const host of apiHosts) expect(host, variant).toMatch(/^https:\/\/[a-z0-9.-]+\/(api|v[0-9]|info)/);
		}
	});
});
