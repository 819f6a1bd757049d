/**
 * User-added sites ("Use LiqGuard on this site"): the content script is registered with
 * `scripting.registerContentScripts` for each origin in `settings.customSites` whose optional host permission the
 * user granted, and unregistered (with the permission removed) when the site leaves the list.
 *
 * `reconcileSites` is the one place that makes the registered scripts match the settings. The background calls
 * it on startup/install (registrations may be missing after an update or on Firefox), whenever `settings`
 * change in `storage.sync` (the options page adds and removes sites), and from `useOnSite` (the popup's button).
 * Calls are serialised, so two triggers never race into a "duplicate script id" error.
 *
 * The browser APIs are passed in, so unit tests run against fakes.
 */
import type {Settings} from '../settings/settings.js';

/** The slice of `scripting`, `permissions` and `tabs` used here. */
export type SitesApi = {
	getRegisteredContentScripts(filter?: {ids?: string[]}): Promise<{id: string; matches?: string[]}[]>;
	registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
	unregisterContentScripts(filter: {ids: string[]}): Promise<void>;
	executeScript(injection: {target: {tabId: number; allFrames?: boolean}; files: string[]}): Promise<unknown>;
	containsOrigin(pattern: string): Promise<boolean>;
	removeOrigin(pattern: string): Promise<boolean>;
	/** The tab's URL, when the extension may see it (it may once the host permission is granted). */
	tabUrl(tabId: number): Promise<string | undefined>;
};

export type RegisteredScript = {
	id: string;
	matches: string[];
	js: string[];
	runAt: 'document_start';
	allFrames: false;
	persistAcrossSessions: true;
};

/** Prefix of our dynamic script ids; anything else registered is left alone. */
export const SITE_SCRIPT_PREFIX = 'site:';

export function scriptIdFor(origin: string): string {
	return `${SITE_SCRIPT_PREFIX}${origin}`;
}

export function matchPatternFor(origin: string): string {
	return `${origin}/*`;
}

export function scriptFor(origin: string): RegisteredScript {
	return {
		id: scriptIdFor(origin),
		matches: [matchPatternFor(origin)],
		js: ['content.js'],
		runAt: 'document_start',
		allFrames: false,
		persistAcrossSessions: true,
	};
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier one (worker-local; losing it on a worker stop loses nothing). */
export function serialised<T>(task: () => Promise<T>): Promise<T> {
	const run = queue.then(task, task);
	queue = run.catch(() => undefined);
	return run;
}

export type ReconcileResult = {registered: string[]; unregistered: string[]; missingPermission: string[]};

/**
 * Makes our registered scripts match `sites`: registers a listed origin whose permission is granted and that has
 * no script; unregisters scripts of origins no longer listed. `removedOrigins` also lose their host permission.
 */
export async function reconcileSites(api: SitesApi, sites: Settings['customSites'], removedOrigins: readonly string[] = []): Promise<ReconcileResult> {
	const result: ReconcileResult = {registered: [], unregistered: [], missingPermission: []};
	const ours = (await api.getRegisteredContentScripts()).filter(script => script.id.startsWith(SITE_SCRIPT_PREFIX));
	const wanted = new Set(sites.map(site => scriptIdFor(site.origin)));
	const stale = ours.filter(script => !wanted.has(script.id)).map(script => script.id);
	if (stale.length > 0) {
		await api.unregisterContentScripts({ids: stale});
		result.unregistered.push(...stale.map(id => id.slice(SITE_SCRIPT_PREFIX.length)));
	}
	const have = new Set(ours.map(script => script.id));
	for (const site of sites) {
		if (have.has(scriptIdFor(site.origin))) continue;
		if (!(await api.containsOrigin(matchPatternFor(site.origin)))) {
			result.missingPermission.push(site.origin);
			continue;
		}
		await api.registerContentScripts([scriptFor(site.origin)]);
		result.registered.push(site.origin);
	}
	const listed = new Set(sites.map(site => site.origin));
	for (const origin of removedOrigins) {
		// A removed site gives its permission back (never one of the manifest's own: the browser refuses those).
		if (!listed.has(origin)) await api.removeOrigin(matchPatternFor(origin)).catch(() => false);
	}
	return result;
}

/** Origins listed in `before` and not in `after`. */
export function removedSites(before: Settings['customSites'] | undefined, after: Settings['customSites']): string[] {
	const kept = new Set(after.map(site => site.origin));
	return (before ?? []).map(site => site.origin).filter(origin => !kept.has(origin));
}

/**
 * The popup's "Use LiqGuard on this site", after it saved the site and got the permission: register (if
 * needed) and inject into the tab now. Refused unless the site is listed, its permission is granted, and the
 * tab shows that origin (so a request can never inject into some other tab).
 */
export async function useOnSite(api: SitesApi, sites: Settings['customSites'], request: {origin: string; tabId: number}): Promise<{registered: boolean; injected: boolean}> {
	if (!sites.some(site => site.origin === request.origin)) return {registered: false, injected: false};
	const reconciled = await reconcileSites(api, sites);
	const registered = !reconciled.missingPermission.includes(request.origin);
	if (!registered) return {registered: false, injected: false};
	const url = await api.tabUrl(request.tabId).catch(() => undefined);
	let tabOrigin: string | undefined;
	try {
		tabOrigin = url === undefined ? undefined : new URL(url).origin;
	} catch {
		tabOrigin = undefined;
	}
	if (tabOrigin !== request.origin) return {registered, injected: false};
	await api.executeScript({target: {tabId: request.tabId, allFrames: false}, files: ['content.js']});
	return {registered, injected: true};
}

/** The venue model the user picked for the origin of `pageUrl`, or null when the site is not listed. */
export function venueForPage(sites: Settings['customSites'], pageUrl: string | undefined): Settings['customSites'][number]['venue'] | null {
	if (pageUrl === undefined) return null;
	let origin: string;
	try {
		origin = new URL(pageUrl).origin;
	} catch {
		return null;
	}
	return sites.find(site => site.origin === origin)?.venue ?? null;
}
