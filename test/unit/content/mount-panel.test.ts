// @vitest-environment happy-dom
/**
 * The panel host belongs to <html>: a page that hides it inside a container of its own does not keep it there. A view
 * that changed only in what the panel does not show is not rendered again.
 */
import {afterEach, describe, expect, test, vi} from 'vitest';
import {evaluateDraft} from '../../../src/background/evaluate-draft.js';
import type {OrderDraft} from '../../../src/core/draft.js';
import {mountPanel} from '../../../src/content/mount-panel.js';
import {DEFAULT_SETTINGS} from '../../../src/settings/settings.js';
import type {PanelView} from '../../../src/ui/panel/view.js';
import {demoDraft} from '../messaging/draft-fixture.js';
import {trustedClick} from '../ui/trusted-click.js';

vi.stubGlobal('__DEV__', true);

const controller = new AbortController();
afterEach(() => controller.abort());

test('a host the page moved into its own hidden container goes back under <html> at the next placement', () => {
	const panel = mountPanel({doc: document, t: key => key, onAcknowledge: () => undefined, signal: controller.signal});
	expect(panel.host.parentNode).toBe(document.documentElement);
	const hidden = document.createElement('div');
	hidden.style.display = 'none';
	document.body.append(hidden);
	hidden.append(panel.host);
	expect(panel.host.isConnected).toBe(true);
	panel.place(undefined);
	expect(panel.host.parentNode).toBe(document.documentElement);
});

describe('a view that moved only in draft fields the panel does not show is not rendered again', () => {
	const draftOf = (overrides: Partial<OrderDraft> = {}) => demoDraft({size: {state: 'empty'}, ...overrides});
	const viewOf = (draft: OrderDraft): PanelView => ({state: 'needs-input', venue: 'binance-usdm', draft, assessment: evaluateDraft({revision: 1, draft}, DEFAULT_SETTINGS).assessment, theme: 'dark'});
	/** The panel, and how many times it asked `t` for its title (twice at every render). */
	let life = new AbortController();
	afterEach(() => {
		life.abort();
		life = new AbortController();
	});
	const mounted = () => {
		let renders = 0;
		const panel = mountPanel({
			doc: document,
			t: key => {
				if (key === 'panel_title') renders += 1;
				return key;
			},
			onAcknowledge: () => undefined,
			signal: life.signal,
		});
		return {panel, renders: () => renders, text: () => panel.host.shadowRoot?.textContent ?? ''};
	};

	test('the mark under a limit order: not rendered again; a limit price or the mark of a market order: rendered', () => {
		const {panel, renders, text} = mounted();
		const first = viewOf(draftOf());
		panel.update(first);
		const once = renders();
		expect(once).toBeGreaterThan(0);
		// The mark is not shown under a limit order (the read list shows the limit price) and the answer stands.
		panel.update({...first, draft: draftOf({markPrice: {state: 'ok', value: '60012.5'}})});
		expect(renders()).toBe(once);
		expect(text()).toContain('60,000');
		// The limit price is shown: rendered, with the new price.
		panel.update({...first, draft: draftOf({price: {state: 'ok', value: '61000'}})});
		expect(renders()).toBeGreaterThan(once);
		expect(text()).toContain('61,000');
		// A market order shows the mark as its price: each tick is rendered.
		const market = (mark: string) => draftOf({orderType: {state: 'ok', value: 'market'}, price: {state: 'empty'}, markPrice: {state: 'ok', value: mark}});
		panel.update(viewOf(market('60100')));
		const beforeTick = renders();
		panel.update(viewOf(market('60200')));
		expect(renders()).toBeGreaterThan(beforeTick);
		expect(text()).toContain('60,200');
	});

	test('anything else of the view (state, answer, theme) is rendered', () => {
		const {panel, renders} = mounted();
		const first = viewOf(draftOf());
		panel.update(first);
		const once = renders();
		panel.update({...first, theme: 'light'});
		const themed = renders();
		expect(themed).toBeGreaterThan(once);
		panel.update({...first, theme: 'light', assessment: {...first.assessment!}});
		expect(renders()).toBeGreaterThan(themed);
	});

	test('expanding a collapsed panel shows the latest view', () => {
		const {panel} = mounted();
		const sectionText = (host: HTMLElement) => host.shadowRoot?.querySelector('section')?.textContent ?? '';
		const first = viewOf(draftOf());
		panel.update(first);
		trustedClick(panel.host.shadowRoot!.querySelector('button[aria-expanded]')!);
		const light = {...first, theme: 'light' as const};
		panel.update(light);
		// While collapsed, a size that became unreadable and a mark tick arrive.
		const latest: PanelView = {...light, draft: draftOf({size: {state: 'unread', reason: 'unparseable', text: '1.234,5'}, markPrice: {state: 'ok', value: '60012.5'}})};
		panel.update(latest);
		trustedClick(panel.host.shadowRoot!.querySelector('button[aria-expanded]')!);
		const reference = (view: PanelView) => {
			const other = mounted();
			other.panel.update(view);
			return sectionText(other.panel.host);
		};
		expect(sectionText(panel.host)).toBe(reference(latest));
		expect(reference(latest)).not.toBe(reference(light));
	});

	test('says which draft fields it read, and tells when the user expands or collapses it', () => {
		let toggles = 0;
		const panel = mountPanel({doc: document, t: key => key, onAcknowledge: () => undefined, onCollapsedChange: () => (toggles += 1), signal: life.signal});
		expect(panel.readFields()).toBeUndefined();
		panel.update(viewOf(draftOf()));
		const fields = panel.readFields()!;
		expect(fields).toEqual(expect.arrayContaining(['price', 'size', 'leverage']));
		// Under a limit order with no size the mark shows nowhere: a tick of it moves nothing the panel read.
		expect(fields).not.toContain('markPrice');
		trustedClick(panel.host.shadowRoot!.querySelector('button[aria-expanded]')!);
		trustedClick(panel.host.shadowRoot!.querySelector('button[aria-expanded]')!);
		expect(toggles).toBe(2);
	});

	test('a new minute renders (the source line says how many minutes ago its data was fetched)', () => {
		vi.useFakeTimers({toFake: ['Date']});
		try {
			vi.setSystemTime(new Date('2026-12-04T10:00:10Z'));
			const {panel, renders} = mounted();
			const first = viewOf(draftOf());
			panel.update(first);
			const once = renders();
			const ticked = {...first, draft: draftOf({markPrice: {state: 'ok', value: '60012.5'}})};
			panel.update(ticked);
			expect(renders()).toBe(once);
			vi.setSystemTime(new Date('2026-12-04T10:01:00Z'));
			panel.update({...ticked});
			expect(renders()).toBeGreaterThan(once);
		} finally {
			vi.useRealTimers();
		}
	});
});
