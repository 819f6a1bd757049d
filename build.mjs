/**
 * Builds LiqGuard for Chrome and Firefox from one source tree and one manifest: the content script as an IIFE
 * (content scripts cannot be ES modules), the rest as ESM; Chrome's manifest gets a module service worker
 * (https://developer.chrome.com/docs/extensions/reference/manifest/background), Firefox's an event page and a gecko id
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/background).
 *
 *   node build.mjs             dev/test build → dist/chrome, dist/firefox, dist/demo (demo page + its host permission,
 *                              open shadow root, e2e hooks)
 *   node build.mjs --release   store build → dist/release/{chrome,firefox} (no demo, closed shadow root, minified)
 *   node build.mjs --watch     dev build, rebuilt on change
 *
 * The manifest's content_scripts and host_permissions are generated from the adapters' `matches`
 * (src/adapters/index.ts), so adding an exchange never touches the manifest; the market-data API hosts and the CSP's
 * connect-src come from src/background/market-data/endpoints.ts.
 */
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = dirname(fileURLToPath(import.meta.url));
const at = (...parts) => join(ROOT, ...parts);

/** Adapter ids that exist only for development and tests; left out of release manifests. */
const DEV_ONLY_ADAPTERS = new Set(['demo']);

const COMMON = {
	bundle: true,
	jsx: 'automatic',
	jsxImportSource: 'preact',
	target: ['chrome120', 'firefox128'],
	legalComments: 'none',
	logLevel: 'warning',
};

/**
 * Reads the adapter registry by bundling it for Node, so the build sees exactly what the content script sees.
 * Returns one content-script entry per adapter (its own `exclude_matches` must not hide another adapter's pages;
 * content/index.ts runs once per page however many entries match).
 */
async function adapterEntries(release) {
	const result = await esbuild.build({
		...COMMON,
		entryPoints: [at('src/adapters/index.ts')],
		format: 'esm',
		platform: 'node',
		write: false,
		define: {__DEV__: String(!release)},
	});
	const source = result.outputFiles[0].text;
	const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
	return module.ADAPTERS.filter(
		adapter => !adapter.dynamicOnly && adapter.matches.length > 0 && !(release && DEV_ONLY_ADAPTERS.has(adapter.id)),
	).map(adapter => ({id: adapter.id, matches: [...adapter.matches], excludeMatches: [...(adapter.excludeMatches ?? [])]}));
}

/**
 * The venues' public API hosts (src/background/market-data/endpoints.ts), bundled for Node like the adapters: their
 * host permissions join the adapters', and the extension pages' CSP `connect-src` lists exactly them (the popup and
 * options pages narrow it back to 'none' in their own <meta> CSP; only the worker fetches).
 */
async function apiEndpoints() {
	const result = await esbuild.build({...COMMON, entryPoints: [at('src/background/market-data/endpoints.ts')], format: 'esm', platform: 'node', write: false});
	const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
	return {hostPermissions: module.API_ORIGINS.map(entry => entry.hostPermission), connectSources: module.connectSources()};
}

function manifestFor(browser, entries, api) {
	const source = JSON.parse(readFileSync(at('manifest.json'), 'utf8'));
	const {version} = JSON.parse(readFileSync(at('package.json'), 'utf8'));
	// "//…" keys are comments in the source manifest (why each permission exists); browsers must not see them.
	for (const key of Object.keys(source)) if (key.startsWith('//')) delete source[key];
	const manifest = {...source, version};
	manifest.host_permissions = [...new Set([...entries.flatMap(entry => entry.matches), ...api.hostPermissions])];
	const pages = manifest.content_security_policy.extension_pages;
	if (!pages.includes("connect-src 'none'")) throw new Error("manifest.json: the extension_pages CSP must end with connect-src 'none' (build.mjs fills it)");
	manifest.content_security_policy = {...manifest.content_security_policy, extension_pages: pages.replace("connect-src 'none'", `connect-src ${api.connectSources.join(' ')}`)};
	manifest.content_scripts = entries.map(entry => ({
		matches: entry.matches,
		...(entry.excludeMatches.length > 0 ? {exclude_matches: entry.excludeMatches} : {}),
		js: ['content.js'],
		run_at: 'document_start',
		all_frames: false,
	}));
	if (browser === 'chrome') {
		delete manifest.browser_specific_settings;
	} else {
		// Firefox has no MV3 service workers yet: an event page with the same ES module (tooling.md §6).
		manifest.background = {scripts: ['background.js'], type: 'module'};
		delete manifest.minimum_chrome_version;
	}
	return manifest;
}

async function bundleAll({release, outDir, watch}) {
	const define = {__DEV__: String(!release), 'process.env.NODE_ENV': JSON.stringify(release ? 'production' : 'development')};
	const shared = {...COMMON, define, minify: release, sourcemap: release ? false : 'linked', write: true};
	const builds = [
		{...shared, entryPoints: {content: at('src/content/index.ts')}, format: 'iife', outdir: outDir},
		{...shared, entryPoints: {background: at('src/background/index.ts')}, format: 'esm', outdir: outDir},
	];
	builds.push({...shared, entryPoints: {popup: at('src/popup/main.tsx'), options: at('src/options/main.tsx')}, format: 'esm', outdir: outDir});
	if (!release) {
		builds.push({
			...shared,
			entryPoints: {demo: at('src/demo/demo.ts')},
			format: 'iife',
			outdir: at('dist/demo'),
		});
	}
	if (watch) {
		const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
		await Promise.all(contexts.map(context => context.watch()));
		return contexts;
	}
	await Promise.all(builds.map(options => esbuild.build(options)));
	return [];
}

/** Static files copied by copyStatic besides the locales and icons (watched in --watch). */
const STATIC_SOURCES = ['src/popup/popup.html', 'src/options/options.html', 'src/ui/pages.css', 'src/demo/index.html', 'src/demo/demo.css'];

function copyStatic({release, outDir}) {
	cpSync(at('src/_locales'), join(outDir, '_locales'), {recursive: true});
	mkdirSync(join(outDir, 'icons'), {recursive: true});
	for (const size of [16, 32, 48, 128]) cpSync(at(`icons/${size}.png`), join(outDir, `icons/${size}.png`));
	for (const page of ['popup', 'options']) cpSync(at(`src/${page}/${page}.html`), join(outDir, `${page}.html`));
	cpSync(at('src/ui/pages.css'), join(outDir, 'pages.css'));
	if (!release) {
		mkdirSync(at('dist/demo'), {recursive: true});
		for (const file of ['index.html', 'demo.css']) cpSync(at('src/demo', file), at('dist/demo', file));
	}
}

/** Builds both browser variants. Returns the output folders. */
export async function build({release = false, watch = false} = {}) {
	const base = release ? at('dist/release') : at('dist');
	const dirs = {chrome: join(base, 'chrome'), firefox: join(base, 'firefox')};
	for (const dir of Object.values(dirs)) rmSync(dir, {recursive: true, force: true});
	const entries = await adapterEntries(release);
	const api = await apiEndpoints();
	const matches = [...new Set(entries.flatMap(entry => entry.matches))];
	// Bundle once into chrome/, then copy: both variants ship the same code, only the manifest differs.
	const contexts = await bundleAll({release, outDir: dirs.chrome, watch});
	copyStatic({release, outDir: dirs.chrome});
	const writeVariants = () => {
		writeFileSync(join(dirs.chrome, 'manifest.json'), `${JSON.stringify(manifestFor('chrome', entries, api), null, '\t')}\n`);
		rmSync(dirs.firefox, {recursive: true, force: true});
		cpSync(dirs.chrome, dirs.firefox, {recursive: true});
		writeFileSync(join(dirs.firefox, 'manifest.json'), `${JSON.stringify(manifestFor('firefox', entries, api), null, '\t')}\n`);
	};
	writeVariants();
	return {dirs, matches, contexts, writeVariants};
}

export function sizeReport(dir) {
	const lines = [];
	for (const file of ['content.js', 'background.js', 'popup.js', 'options.js']) {
		const path = join(dir, file);
		if (!existsSync(path)) continue;
		const raw = statSync(path).size;
		const gzip = gzipSync(readFileSync(path)).length;
		lines.push(`  ${file.padEnd(14)} ${(raw / 1024).toFixed(1).padStart(6)} KB raw ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
	}
	return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const release = process.argv.includes('--release');
	const watch = process.argv.includes('--watch');
	const started = performance.now();
	const {dirs, matches, writeVariants} = await build({release, watch});
	console.log(`build: ${release ? 'release' : 'dev'} → ${dirs.chrome}, ${dirs.firefox} in ${Math.round(performance.now() - started)} ms`);
	console.log(`build: ${matches.length} match pattern(s): ${matches.join(' ')}`);
	console.log(sizeReport(dirs.chrome));
	if (watch) {
		console.log('build: watching src/ (Firefox copy refreshed every second while changes arrive)');
		// esbuild writes into chrome/; mirror into firefox/ on a timer rather than wiring esbuild plugins. Any bundle
		// or static source counts: watching content.js alone left popup, options, background and html/css/locale
		// edits out of firefox/ (and the static files out of chrome/).
		const watched = () => [
			...readdirSync(dirs.chrome).filter(file => file.endsWith('.js')).map(file => join(dirs.chrome, file)),
			...STATIC_SOURCES.map(path => at(path)),
			...readdirSync(at('src/_locales/en')).map(file => at('src/_locales/en', file)),
		];
		let lastMirror = Date.now();
		setInterval(() => {
			const changed = Math.max(...watched().map(path => statSync(path, {throwIfNoEntry: false})?.mtimeMs ?? 0));
			if (changed > lastMirror) {
				lastMirror = changed;
				copyStatic({release, outDir: dirs.chrome});
				writeVariants();
			}
		}, 1000);
	}
}

