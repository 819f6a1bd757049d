/**
 * Loads the hand-written venue fixtures (test/fixtures/<adapter-id>/<yyyy-mm-dd>-<state>.html + .json) into a
 * happy-dom document whose location is the fixture's real exchange URL, so adapters can read the URL as they
 * would on the live page. Scripts are never run (fixtures have none; a meta-test checks).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {Window} from 'happy-dom';
import type {ReadResult} from '../../../src/adapters/define-adapter.js';

/** LIQGUARD_FIXTURES_DIR: another tree of fixtures (the e2e round trip of a saved snapshot runs the table on its own). */
export const FIXTURES_DIR = process.env.LIQGUARD_FIXTURES_DIR ?? path.resolve(import.meta.dirname, '../../fixtures');

export type FixtureSidecar = {
	url: string;
	capturedAt: string;
	notes: string;
	expected: ReadResult;
	/** Submit controls and the side each must report: [CSS selector, 'long' | 'short' | 'draft' | null]. */
	submit?: Array<[string, 'long' | 'short' | 'draft' | null]>;
};

export type Fixture = {adapterId: string; name: string; htmlPath: string; html: string; sidecar: FixtureSidecar};

export function listFixtures(): Fixture[] {
	const fixtures: Fixture[] = [];
	for (const adapterId of readdirSync(FIXTURES_DIR).sort()) {
		const dir = path.join(FIXTURES_DIR, adapterId);
		let files: string[];
		try {
			files = readdirSync(dir);
		} catch {
			continue;
		}
		for (const file of files.filter(name => name.endsWith('.html')).sort()) {
			const htmlPath = path.join(dir, file);
			const sidecar = JSON.parse(readFileSync(htmlPath.replace(/\.html$/, '.json'), 'utf8')) as FixtureSidecar;
			fixtures.push({adapterId, name: file.replace(/\.html$/, ''), htmlPath, html: readFileSync(htmlPath, 'utf8'), sidecar});
		}
	}
	return fixtures;
}

export function loadDocument(html: string, url: string): Document {
	const window = new Window({
		url,
		settings: {disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true},
	});
	window.document.write(html);
	return window.document as unknown as Document;
}
