// @vitest-environment happy-dom
/** The "Report a misread" snapshot: markup and typed values kept; personal data masked; scripts and handlers gone. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, test} from 'vitest';
import {buildSnapshot, cleanSubtree} from '../../../src/content/snapshot.js';

const PAGE = `
<div id="app" class="layout" data-theme="dark">
  <header><span>UID 48213377</span><span>trader@example.com</span></header>
  <aside class="col" data-col="trade">
    <form data-testid="order-form" onsubmit="steal()">
      <div class="row"><span>Avbl</span><b data-testid="available">10,000.00 USDT</b></div>
      <div class="row"><span>Margin Balance</span><span>5,230.12 USDT</span></div>
      <label for="limitPrice-1">Price</label><input id="limitPrice-1" value="60,000.0" onfocus="track()">
      <label for="unitAmount-1">Size</label><input id="unitAmount-1" value="" placeholder="0.000">
      <select data-testid="size-unit"><option>BTC</option><option>USDT</option></select>
      <label><input type="checkbox" data-testid="tpsl-toggle"> TP/SL</label>
      <input type="hidden" name="csrf" value="secret-token">
      <p class="wallet" title="0xAbCdEf0123456789aBcDeF0123456789abcdef01">Wallet 0xAbCdEf0123456789aBcDeF0123456789abcdef01 · Account ID: sub_77821</p>
      <a href="https://example.com/u/48213377">Profile</a><img src="https://cdn.example.com/avatar/48213377.png" alt="">
      <object title="ad"></object>
      <script>window.steal = () => document.cookie</script>
      <svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg>
      <button type="submit" data-testid="buy-long" onclick="go()">Buy/Long</button>
      <div class="costs"><span>Cost</span><span data-testid="cost">600.00 USDT</span></div>
      <div class="max"><span>Max</span><span>8.333 BTC</span></div>
    </form>
  </aside>
</div>`;

describe('buildSnapshot', () => {
	let form: Element;
	beforeEach(() => {
		document.documentElement.setAttribute('lang', 'en');
		document.title = 'BTCUSDT | DemoEx';
		document.body.innerHTML = PAGE;
		form = document.querySelector('form')!;
		// What the user typed after the page rendered: not in the page's HTML, only in the live controls.
		(document.getElementById('unitAmount-1') as HTMLInputElement).value = '0.500';
		(document.querySelector('select') as HTMLSelectElement).selectedIndex = 1;
		(document.querySelector('[data-testid="tpsl-toggle"]') as HTMLInputElement).checked = true;
	});

	test('keeps the markup, the labels and the values as typed', () => {
		const {html, summary} = buildSnapshot(form, {adapterId: 'demo', url: 'http://localhost:8080/demo/futures/BTCUSDT?ref=1#x', capturedAt: '2026-12-04'});
		const doc = new DOMParser().parseFromString(html, 'text/html');
		expect(doc.querySelector('input[id="unitAmount-1"]')?.getAttribute('value')).toBe('0.500');
		expect(doc.querySelector('input[id="limitPrice-1"]')?.getAttribute('value')).toBe('60,000.0');
		expect(doc.querySelector('select option[selected]')?.textContent).toBe('USDT');
		expect(doc.querySelector('[data-testid="tpsl-toggle"]')?.hasAttribute('checked')).toBe(true);
		expect(doc.querySelector('label[for="unitAmount-1"]')?.textContent).toBe('Size');
		expect(doc.querySelector('[data-testid="cost"]')?.textContent).toBe('600.00 USDT');
		// The ancestors are kept as shells: the form sits in aside.col inside #app, without the header's text.
		expect(doc.querySelector('#app > aside.col[data-col="trade"] > form[data-testid="order-form"]')).not.toBeNull();
		expect(doc.querySelector('header')).toBeNull();
		expect(doc.documentElement.getAttribute('lang')).toBe('en');
		expect(html).toContain('http://localhost:8080/demo/futures/BTCUSDT ');
		expect(html).not.toContain('ref=1');
		expect(summary.fields).toBe(3);
	});

	test('masks balances, account ids, addresses and e-mails', () => {
		const {html, summary} = buildSnapshot(form, {adapterId: 'demo', url: 'http://localhost/demo/', capturedAt: '2026-12-04'});
		const doc = new DOMParser().parseFromString(html, 'text/html');
		expect(doc.querySelector('[data-testid="available"]')?.textContent).toBe('••,•••.•• USDT');
		expect(html).not.toContain('5,230.12');
		expect(html).not.toMatch(/0x[0-9a-f]{8,}/i);
		expect(html).not.toContain('sub_77821');
		expect(html).not.toContain('48213377');
		expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
		// The maximum size gives the balance away (balance × leverage / price): masked too.
		expect(html).not.toContain('8.333');
		expect(html).toContain('600.00 USDT');
		expect(summary.masked).toEqual({balances: 3, accountIds: 1, addresses: 2, emails: 0});
	});

	test('drops scripts, event handlers, frames, hidden inputs, links and drawings', () => {
		const {html, summary} = buildSnapshot(form, {adapterId: 'demo', url: 'http://localhost/demo/', capturedAt: '2026-12-04'});
		expect(html).not.toMatch(/<script|<iframe|\son\w+=|secret-token|cookie|href=|src=/i);
		expect(html).not.toContain('<path');
		expect(summary.removed).toEqual({scripts: 1, eventHandlers: 3, frames: 1, hiddenInputs: 1, links: 2});
		expect(summary.bytes).toBe(new TextEncoder().encode(html).length);
	});

	test('names the file after the adapter and the date', () => {
		expect(buildSnapshot(form, {adapterId: 'binance-usdm', url: 'https://www.binance.com/en/futures/BTCUSDT', capturedAt: '2026-12-04'}).fileName).toBe(
			'liqguard-snapshot-binance-usdm-2026-12-04.html',
		);
	});
});

describe('cleanSubtree leaks', () => {
	const clean = (markup: string) => {
		const root = new DOMParser().parseFromString(`<div id="root">${markup}</div>`, 'text/html').getElementById('root')!;
		const summary = cleanSubtree(root);
		return {html: root.outerHTML, summary};
	};

	test('masks a balance whose label ends with a colon', () => {
		const {html, summary} = clean('<div class="row"><span>Available:</span> 1,234.56 USDT</div><div><span>Balance：</span><span>9,876.5</span></div>');
		expect(html).not.toContain('1,234.56');
		expect(html).not.toContain('9,876.5');
		expect(html).toContain('Available:');
		expect(summary.masked.balances).toBe(2);
	});

	test('masks a balance that shares one element with its label', () => {
		const {html, summary} = clean('<p>Balance: 55,555.5</p><div data-testid="max-asset">Available120.00 USDT</div><div><span>可用 3.5 BTC</span></div>');
		expect(html).not.toMatch(/55,555\.5|120\.00|3\.5/);
		expect(html).toContain('<p>Balance: ••,•••.•</p>');
		expect(summary.masked.balances).toBe(3);
	});

	test('leaves rows that merely start with a balance word alone', () => {
		const {html, summary} = clean('<div>Available margin is shown below 60,000.0</div><div>Max leverage 125x</div>');
		expect(html).toContain('60,000.0');
		expect(html).toContain('125x');
		expect(summary.masked.balances).toBe(0);
	});

	test('strips comments', () => {
		const {html} = clean('<span>Price</span><!-- alice@ex.com 0xabc --><div><!--UID 48213377--></div>');
		expect(html).not.toContain('<!--');
		expect(html).not.toMatch(/alice|0xabc|48213377/);
		expect(html).toContain('<span>Price</span>');
	});

	test('masks base58 wallet addresses in text and attributes, not ordinary words or numbers', () => {
		const solana = '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU';
		const {html, summary} = clean(
			`<p title="${solana}">Wallet ${solana}</p><p>Deposit to 9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM.</p>` +
				'<p>Supercalifragilisticexpialidociousness and counterrevolutionaries</p><p>123456789123456789123456789123456789</p>' +
				'<div class="css-1a2b3c okui-tabs-pane-spacing"></div>',
		);
		expect(html).not.toContain(solana);
		expect(html).not.toContain('9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM');
		expect(html).toContain('Wallet [address]');
		expect(html).toContain('Deposit to [address].');
		expect(html).toContain('Supercalifragilisticexpialidociousness');
		expect(html).toContain('123456789123456789123456789123456789');
		expect(html).toContain('class="css-1a2b3c okui-tabs-pane-spacing"');
		expect(summary.masked.addresses).toBe(3);
	});

	test('masks the OKX balance written as one "Available120.00 USDT" element', () => {
		const fixture = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/okx-swap/2026-04-07-limit-isolated-left-po-form.html'), 'utf8');
		document.body.innerHTML = new DOMParser().parseFromString(fixture, 'text/html').body.innerHTML;
		const {html, summary} = buildSnapshot(document.querySelector('#leftPoForm')!, {adapterId: 'okx-swap', url: 'https://www.okx.com/trade-swap/btc-usdt-swap', capturedAt: '2026-04-07'});
		expect(summary.masked.balances).toBeGreaterThanOrEqual(1);
		expect(html).not.toContain('120.00');
		expect(html).toContain('Available•••.•• USDT');
		// The order's own numbers are not balances: kept.
		expect(html).toContain('value="70,950.1"');
		expect(html).toContain('value="12"');
	});
});
