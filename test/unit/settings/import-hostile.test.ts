/**
 * Settings import of a hostile or broken file: bounded messages, linear time, no prototype keys, no site on a host
 * the manifest already grants.
 */
import {describe, expect, test} from 'vitest';
import {DEFAULT_SETTINGS, exportSettings, grantedByManifest, importSettings} from '../../../src/settings/settings.js';

const file = (patch: Record<string, unknown>) => JSON.stringify({...JSON.parse(exportSettings(DEFAULT_SETTINGS)), ...patch});

describe('settings import: hostile files', () => {
	test('a refused 5 MB value is not echoed in full', () => {
		const huge = 'x'.repeat(5 * 1024 * 1024);
		for (const patch of [{gateMode: huge}, {thresholds: huge}, {customSites: [{origin: huge, venue: 'custom'}]}, {thresholds: {[huge]: '1'}}]) {
			const result = importSettings(file(patch));
			expect(result.ok).toBe(false);
			expect(!result.ok && result.reason.length, JSON.stringify(Object.keys(patch))).toBeLessThan(1000);
		}
	});

	test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('a thresholds key "%s" is refused, not taken for a known setting', key => {
		const result = importSettings(`{"schemaVersion":${JSON.parse(exportSettings(DEFAULT_SETTINGS)).schemaVersion},"thresholds":{"${key}":"5"}}`);
		expect(result).toEqual({ok: false, reason: `thresholds.${key}: unknown setting; ignored`});
	});

	test('100,000 sites: the duplicate check is linear (and the reason lists a bounded number of problems)', () => {
		const customSites = Array.from({length: 100_000}, (_, index) => ({origin: `https://site-${index % 50_000}.example`, venue: 'custom'}));
		const started = performance.now();
		const result = importSettings(file({customSites}));
		const elapsedMs = performance.now() - started;
		expect(result.ok).toBe(false);
		const reason = result.ok ? '' : result.reason;
		expect(reason.split('\n')).toHaveLength(21);
		expect(reason).toContain("customSites[50000]: 'https://site-0.example' is listed twice; ignored");
		expect(reason).toContain('… and 49980 more problems');
		// Quadratic, this took ≈ 31 s; a few hundred ms is parsing and URL checks.
		expect(elapsedMs).toBeLessThan(5000);
	});

	test('a site on a host the manifest already grants is refused with the reason', () => {
		const granted = ['https://www.binance.com/*/futures/*', 'https://*.example-dex.io/trade*'];
		const result = importSettings(file({customSites: [{origin: 'https://www.binance.com', venue: 'binance-usdm'}, {origin: 'https://perp.example', venue: 'custom'}]}), {grantedHostPatterns: granted});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/^customSites\[0\]: 'https:\/\/www\.binance\.com' is a supported exchange: LiqGuard already runs on its trading pages, and adding it would run LiqGuard on every page of the site; remove it$/);
		expect(importSettings(file({customSites: [{origin: 'https://perp.example', venue: 'custom'}]}), {grantedHostPatterns: granted}).ok).toBe(true);
	});

	test('grantedByManifest: scheme, exact host and *. wildcard hosts', () => {
		const granted = ['https://www.binance.com/*/futures/*', 'https://*.example-dex.io/trade*', 'http://localhost/demo/*'];
		expect(grantedByManifest('https://www.binance.com', granted)).toBe(true);
		expect(grantedByManifest('https://binance.com', granted)).toBe(false);
		expect(grantedByManifest('http://www.binance.com', granted)).toBe(false);
		expect(grantedByManifest('https://app.example-dex.io', granted)).toBe(true);
		expect(grantedByManifest('https://example-dex.io', granted)).toBe(true);
		expect(grantedByManifest('https://notexample-dex.io', granted)).toBe(false);
		expect(grantedByManifest('http://localhost:8080', granted)).toBe(true);
	});
});
