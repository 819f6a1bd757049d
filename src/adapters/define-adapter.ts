/**
 * The one shape every site adapter is declared through. An adapter is data (match patterns, selector
 * alternatives) plus pure functions over a DOM subtree. It never writes to the page, never awaits, never throws.
 */
import type {OrderDraft} from '../core/draft.js';
import type {Side, VenueId} from '../core/types.js';

export type ReadResult = {found: true; draft: OrderDraft} | {found: false; reason: 'no-form'};

/** What a submit control does, as far as the gate is concerned. */
export type SubmitTarget = {
	/** The side this control opens; 'draft' when the control's side is the form's selected side ("Place Order"). */
	side: Side | 'draft';
	/** The control itself (button, or the form for Enter/submit). */
	control: Element;
};

export type SubmitTrigger = 'click' | 'enter' | 'submit';

export type Adapter = {
	/** Kebab-case, equal to the file name. */
	readonly id: string;
	/** Default venue model for the math; its name, wherever one is shown, is the catalogue's (core/venues/catalogue.ts). */
	readonly venue: VenueId;
	/**
	 * Manifest match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
	 * The build generates content_scripts and host_permissions from these.
	 */
	readonly matches: readonly string[];
	/**
	 * Pages inside `matches` that are not this adapter's (manifest `exclude_matches`), e.g. Aster Pro's paths
	 * inside Aster Simple's broader pattern. The build should pass them on as `exclude_matches`.
	 */
	readonly excludeMatches?: readonly string[];
	/**
	 * True for an adapter that is never declared as a static content script (the generic adapter, injected by
	 * the background on sites the user adds). Such an adapter may have no `matches`.
	 * @default false
	 */
	readonly dynamicOnly?: boolean;
	/** Every selector the adapter uses, as alternatives in order of preference; each commented in the source. */
	readonly selectors: Readonly<Record<string, readonly string[]>>;
	/** The order form's root, the subtree to observe; undefined while it is not on screen. */
	formRoot(doc: Document): Element | undefined;
	/** Pure read of the order form. Never writes, never throws. */
	read(doc: Document): ReadResult;
	/**
	 * The fields `read` takes from outside the form root `root` (a ticker bar, the page title, a row found anywhere on
	 * the page: the mark, funding, a balance shown elsewhere), read alone, with the values `read` would give them.
	 * Every other field depends only on the form's subtree and the URL. The heartbeat re-reads only these while the form
	 * is unchanged (content/heartbeat-read.ts); `read` takes them from the same code. Undefined when the read throws.
	 * With `fields`, only those are needed (it may return more). A property test checks it on every fixture: text
	 * changed outside the form changes no other field.
	 */
	readOutside(doc: Document, root: Element, fields?: ReadonlySet<string>): Partial<OrderDraft> | undefined;
	/**
	 * If `target` is (inside) a submit control of this form, which side it opens. `trigger` says which event
	 * the gate saw: with 'click' only buttons count; with 'enter'/'submit' (or when omitted) a text input or the
	 * `<form>` inside the order form counts too and returns side 'draft'.
	 */
	submitTarget(target: Element, doc: Document, trigger?: SubmitTrigger): SubmitTarget | undefined;
	/** Element the panel host is inserted after; undefined = floating panel. */
	mountAfter(doc: Document): Element | undefined;
};

export function defineAdapter(adapter: Adapter): Adapter {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(adapter.id)) throw new Error(`adapter id "${adapter.id}" is not kebab-case`);
	if (adapter.matches.length === 0 && !adapter.dynamicOnly) {
		throw new Error(`adapter ${adapter.id} has no match patterns (set dynamicOnly: true for an injected-only adapter)`);
	}
	for (const pattern of [...adapter.matches, ...(adapter.excludeMatches ?? [])]) {
		if (!parseMatchPattern(pattern)) throw new Error(`adapter ${adapter.id}: "${pattern}" is not a match pattern`);
	}
	return Object.freeze(adapter);
}

/** First element matching any of the alternatives, in order of preference. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | undefined {
	for (const selector of alternatives) {
		const found = root.querySelector(selector);
		if (found) return found;
	}
	return undefined;
}

type MatchPattern = {all: true} | {all: false; schemes: readonly string[]; host: string; path: RegExp};

/** https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns (checked 2026-11-21). */
export function parseMatchPattern(pattern: string): MatchPattern | undefined {
	if (pattern === '<all_urls>') return {all: true};
	const parts = /^(\*|https?|wss?|file|ftp|urn):\/\/(\*|\*\.[^/*]+|[^/*]*)(\/.*)$/.exec(pattern);
	if (!parts) return undefined;
	const [, scheme = '', host = '', path = ''] = parts;
	const glob = path.split('*').map(piece => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
	return {all: false, schemes: scheme === '*' ? ['http', 'https'] : [scheme], host: host.toLowerCase(), path: new RegExp(`^${glob}$`, 's')};
}

function patternMatches(pattern: string, url: URL): boolean {
	const parsed = parseMatchPattern(pattern);
	if (!parsed) return false;
	if (parsed.all) return ['http:', 'https:', 'ws:', 'wss:', 'file:', 'ftp:'].includes(url.protocol);
	if (!parsed.schemes.includes(url.protocol.slice(0, -1))) return false;
	const {host} = parsed;
	const urlHost = url.hostname.toLowerCase();
	const hostMatches =
		host === '*' ||
		(host.startsWith('*.') ? urlHost === host.slice(2) || urlHost.endsWith(host.slice(1)) : host.includes(':') ? url.host === host : urlHost === host);
	// Chrome matches the path pattern against the path plus the query, never the fragment.
	return hostMatches && parsed.path.test(url.pathname + url.search);
}

/** Chrome match-pattern semantics: the URL is in `matches` and not in `excludeMatches`. */
export function matchesUrl(adapter: Pick<Adapter, 'matches' | 'excludeMatches'>, url: string | URL): boolean {
	let parsed: URL;
	try {
		parsed = typeof url === 'string' ? new URL(url) : url;
	} catch {
		return false;
	}
	return (
		adapter.matches.some(pattern => patternMatches(pattern, parsed)) &&
		!(adapter.excludeMatches ?? []).some(pattern => patternMatches(pattern, parsed))
	);
}
