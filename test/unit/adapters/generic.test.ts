/**
 * The generic adapter (for sites the user adds) reads venue fixtures with no venue-specific code: its figures
 * for the core fields must match what the venue's own adapter reads from the same page.
 */
import {describe, expect, it} from 'vitest';
import generic, {withVenue} from '../../../src/adapters/generic.js';
import {adapterById} from '../../../src/adapters/index.js';
import {listFixtures, loadDocument} from './fixture-loader.js';

const CORE_FIELDS = ['side', 'orderType', 'price', 'size', 'leverage', 'marginMode', 'venueLiquidationPrice'] as const;
/**
 * [adapter, fixture, fields where the generic reading differs on purpose, and what it reads instead].
 * Hyperliquid marks the chosen side and order type only by colour (venue-specific rules), so the generic shows
 * both sides and leaves the order type unread.
 */
const CASES: Array<[string, string, Record<string, unknown>]> = [
	// "71,300" could be 71.3 on a comma-decimal page: ambiguous for a reader that does not know the site.
	['hyperliquid', '2026-11-21-limit-long-cross', {side: {state: 'ok', value: 'both'}, orderType: {state: 'unread'}, price: {state: 'unread'}, venueLiquidationPrice: {state: 'unread'}}],
	['hyperliquid', '2026-11-21-market-short-isolated-usdc-size', {side: {state: 'ok', value: 'both'}, orderType: {state: 'unread'}, price: {state: 'unread'}, venueLiquidationPrice: {state: 'unread'}}],
	['bybit-linear', '2026-11-21-limit-cross', {}],
	// dYdX's real markup marks side and order type by Radix tab ids, the margin mode by a toggle's position, leverage
	// and the liquidation price in <output> elements: the generic reader leaves those unread, never a wrong figure.
	['dydx-v4', '2026-12-04-limit-long-isolated-tpsl', {side: {state: 'ok', value: 'both'}, orderType: {state: 'unread'}, leverage: {state: 'unread'}, marginMode: {state: 'unread'}, venueLiquidationPrice: {state: 'unread'}}],
	// The same page in Traditional Chinese: the generic reads Bybit's own zh-TW labels too.
	['bybit-linear', '2026-12-04-zh-tw-limit-cross', {}],
];

describe('generic adapter', () => {
	it.each(CASES)('reads the core fields of %s/%s like the venue adapter', (adapterId, name, differences) => {
		const fixture = listFixtures().find(candidate => candidate.adapterId === adapterId && candidate.name === name)!;
		const venueRead = adapterById(adapterId)!.read(loadDocument(fixture.html, fixture.sidecar.url));
		const genericRead = generic.read(loadDocument(fixture.html, fixture.sidecar.url));
		expect(genericRead.found && venueRead.found).toBe(true);
		if (!genericRead.found || !venueRead.found) return;
		for (const field of CORE_FIELDS) {
			const got = genericRead.draft[field];
			const want = differences[field] ?? venueRead.draft[field];
			const strip = (read: any) => (read.state === 'ok' ? {state: read.state, value: read.value} : {state: read.state});
			expect(strip(got), `generic read \`${field}\` on ${adapterId}/${name} as ${JSON.stringify(got)}, the venue adapter as ${JSON.stringify(want)}`).toEqual(strip(want));
		}
	});

	it('is injected-only and carries the venue model the user picked', () => {
		expect(generic.dynamicOnly).toBe(true);
		expect(generic.matches).toEqual([]);
		expect(withVenue('bybit-linear').venue).toBe('bybit-linear');
	});

	it('reads grouped "1,500" on an unknown page as ambiguous where the venue adapter knows the locale', () => {
		const fixture = listFixtures().find(candidate => candidate.name === '2026-11-21-market-isolated-usdt-size-tpsl')!;
		const read = generic.read(loadDocument(fixture.html, fixture.sidecar.url));
		expect(read.found && read.draft.size).toEqual({state: 'unread', reason: 'ambiguous', text: '1,500'});
	});

	it('reads "1,234" on an unknown page as ambiguous, not as a guess', () => {
		const doc = loadDocument(
			'<form><label>Price<input value="1,234"></label><label>Size<input value="2"></label><button>Buy</button><button>Sell</button></form>',
			'https://example.com/trade',
		);
		const read = generic.read(doc);
		expect(read.found && read.draft.price).toEqual({state: 'unread', reason: 'ambiguous', text: '1,234'});
		expect(read.found && read.draft.side).toEqual({state: 'ok', value: 'both'});
	});

	it('never throws and says no-form on a page without an order form', () => {
		expect(generic.read(loadDocument('<p>Hello</p>', 'https://example.com/'))).toEqual({found: false, reason: 'no-form'});
	});
});
