/**
 * DemoEx: LiqGuard's demo exchange page. A single-page app like the real venues (React SPAs that re-create form
 * nodes on route, tab and symbol changes; Binance's input ids carry a changing suffix, jackhai9/userscripts 2026):
 * the order form is re-created on every route change, ids carry a random suffix, the mark price ticks every second
 * and the funding countdown runs. Orders are only listed on the page.
 *
 * Query flags: `?tick=0` freezes the mark price and countdown (deterministic tests and screenshots);
 * `?theme=light` starts in the light theme.
 */
type Market = {symbol: string; base: string; markPrice: number; decimals: number; fundingPercent: string};

const MARKETS: Readonly<Record<string, Market>> = {
	BTCUSDT: {symbol: 'BTCUSDT', base: 'BTC', markPrice: 60_000, decimals: 1, fundingPercent: '0.0100'},
	ETHUSDT: {symbol: 'ETHUSDT', base: 'ETH', markPrice: 3_000, decimals: 2, fundingPercent: '0.0125'},
};

const params = new URLSearchParams(location.search);
const isTicking = params.get('tick') !== '0';
const app = document.querySelector('#app') as HTMLElement;
const grouping = (decimals: number) =>
	new Intl.NumberFormat('en-US', {minimumFractionDigits: decimals, maximumFractionDigits: decimals});

let market: Market | undefined;
let markPrice = 0;
let fundingSeconds = 7 * 3600 + 59 * 60 + 12;
let orders: string[] = [];

document.documentElement.dataset.theme = params.get('theme') === 'light' ? 'light' : 'dark';
const themeToggle = document.querySelector('[data-testid="theme-toggle"]') as HTMLButtonElement;
function syncThemeLabel() {
	themeToggle.textContent = document.documentElement.dataset.theme === 'dark' ? 'Light theme' : 'Dark theme';
}
themeToggle.addEventListener('click', () => {
	document.documentElement.dataset.theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
	syncThemeLabel();
});
syncThemeLabel();

function route() {
	const match = /^\/demo\/futures\/([A-Z]+)\/?$/.exec(location.pathname);
	const symbol = match?.[1] ?? (/^\/demo\/?$/.test(location.pathname) ? 'BTCUSDT' : undefined);
	for (const link of document.querySelectorAll('nav a')) {
		link.toggleAttribute('aria-current', link.getAttribute('href') === location.pathname);
		if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
	}
	market = symbol ? MARKETS[symbol] : undefined;
	if (!market) {
		document.title = 'Account | DemoEx Futures';
		app.innerHTML = '<section class="account card"><h1>Account</h1><p>Wallet balance: 10,000.00 USDT</p></section>';
		return;
	}
	markPrice = market.markPrice;
	renderTrade(market);
}

function bookRows(side: 'ask' | 'bid', center: number, step: number) {
	const rows: string[] = [];
	for (let index = 1; index <= 9; index++) {
		const price = side === 'ask' ? center + step * (10 - index) : center - step * index;
		const size = ((index * 7919) % 97) / 10 + 0.1;
		rows.push(`<tr class="${side}"><td>${grouping(1).format(price)}</td><td>${size.toFixed(3)}</td></tr>`);
	}
	return rows.join('');
}

function renderTrade({symbol, base, decimals, fundingPercent}: Market) {
	// A fresh suffix per render, as Binance's `unitAmount-618`
	// (phuonglinh118/AZ_2404 src/main/java/Locator/Loc_Bin.java, c. Apr 2024).
	const suffix = Math.floor(Math.random() * 900 + 100);
	document.title = `${grouping(decimals).format(markPrice)} | ${symbol} Perpetual | DemoEx Futures`;
	let candles = '';
	for (let index = 0; index < 48; index++) {
		const x = 10 + index * 12;
		const open = 200 + 60 * Math.sin(index / 5) + ((index * 37) % 23);
		const close = open + (((index * 53) % 31) - 15);
		const colour = close >= open ? 'var(--up)' : 'var(--down)';
		candles += `<line x1="${x + 3}" x2="${x + 3}" y1="${Math.min(open, close) - 12}" y2="${Math.max(open, close) + 12}" stroke="${colour}"/>`;
		candles += `<rect x="${x}" width="7" y="${Math.min(open, close)}" height="${Math.max(2, Math.abs(close - open))}" fill="${colour}"/>`;
	}
	app.innerHTML = `
<section class="ticker">
	<h1 data-testid="symbol">${symbol}</h1>
	<div class="stat"><span class="label">Mark</span><span class="mark" data-testid="mark-price"></span></div>
	<div class="stat"><span class="label">Funding / Countdown</span><span><span data-testid="funding-rate">${fundingPercent}%</span> / <span data-testid="funding-countdown"></span></span></div>
	<div class="stat"><span class="label">24h Volume(${base})</span><span>182,331.904</span></div>
</section>
<main class="layout">
	<div class="card chart"><svg viewBox="0 0 600 420" preserveAspectRatio="none" aria-label="Price chart">${candles}</svg></div>
	<div class="card book"><table><tbody>${bookRows('ask', markPrice, 0.1 * 10 ** (2 - decimals))}</tbody></table>
		<div class="spread" data-testid="book-mark"></div>
		<table><tbody>${bookRows('bid', markPrice, 0.1 * 10 ** (2 - decimals))}</tbody></table></div>
	<div class="trade-column">
		<form class="card order-form" data-testid="order-form" novalidate>
			<div class="chips">
				<button type="button" class="chip" data-testid="margin-mode">Cross</button>
				<button type="button" class="chip" data-testid="leverage-button">20x</button>
			</div>
			<div class="tabs" id="position-direction" role="tablist">
				<button type="button" role="tab" aria-selected="true">Open</button>
				<button type="button" role="tab" aria-selected="false">Close</button>
			</div>
			<div class="tabs" data-testid="order-type" role="tablist">
				<button type="button" role="tab" data-tab-key="LIMIT" aria-selected="true">Limit</button>
				<button type="button" role="tab" data-tab-key="MARKET" aria-selected="false">Market</button>
			</div>
			<div class="row"><span>Avbl</span><b data-testid="available">10,000.00 USDT</b></div>
			<div class="field" data-testid="price-field"><label for="limitPrice-${suffix}">Price</label>
				<input id="limitPrice-${suffix}" inputmode="decimal" autocomplete="off" value="${markPrice.toFixed(decimals)}"><span class="unit">USDT</span></div>
			<div class="field"><label for="unitAmount-${suffix}">Size</label>
				<input id="unitAmount-${suffix}" inputmode="decimal" autocomplete="off" placeholder="0.000">
				<select data-testid="size-unit" aria-label="Size unit"><option>${base}</option><option>USDT</option></select></div>
			<div class="tpsl">
				<label><input type="checkbox" data-testid="tpsl-toggle"> TP/SL</label>
				<div class="field" hidden data-testid="tp-field"><label>TP</label><input data-testid="tp-price" inputmode="decimal" placeholder="Take profit"></div>
				<div class="field" hidden data-testid="sl-field"><label>SL</label><input data-testid="sl-price" inputmode="decimal" placeholder="Stop loss"></div>
			</div>
			<div class="buttons">
				<button type="submit" class="buy" data-testid="buy-long">Buy/Long</button>
				<button type="submit" class="sell" data-testid="sell-short">Sell/Short</button>
			</div>
			<div class="costs"><span>Cost</span><span data-testid="cost">0.00 USDT</span><span>Max</span><span>— ${base}</span></div>
		</form>
	</div>
</main>
<section class="card orders"><h2>Open orders</h2><ol data-testid="orders">${orders.map(order => `<li>${order}</li>`).join('')}</ol></section>
<dialog data-testid="leverage-dialog"><form method="dialog"><p>Adjust leverage</p>
	<input type="number" min="1" max="125" data-testid="leverage-input" aria-label="Leverage"> x
	<button value="ok" data-testid="leverage-confirm">Confirm</button></form></dialog>`;
	wireForm();
	tick();
}

function wireForm() {
	const form = app.querySelector('form[data-testid="order-form"]') as HTMLFormElement;
	const modeButton = form.querySelector('[data-testid="margin-mode"]') as HTMLButtonElement;
	modeButton.addEventListener('click', () => {
		modeButton.textContent = modeButton.textContent === 'Cross' ? 'Isolated' : 'Cross';
	});
	const leverageButton = form.querySelector('[data-testid="leverage-button"]') as HTMLButtonElement;
	const dialog = app.querySelector('dialog') as HTMLDialogElement;
	const leverageInput = dialog.querySelector('input') as HTMLInputElement;
	leverageButton.addEventListener('click', () => {
		leverageInput.value = (leverageButton.textContent ?? '20x').replace('x', '');
		dialog.showModal();
	});
	dialog.addEventListener('close', () => {
		const leverage = Number(leverageInput.value);
		if (dialog.returnValue === 'ok' && Number.isInteger(leverage) && leverage >= 1 && leverage <= 125) {
			leverageButton.textContent = `${leverage}x`;
		}
		updateCost();
	});
	const priceField = form.querySelector('[data-testid="price-field"]') as HTMLElement;
	const sizeField = (form.querySelector('input[id^="unitAmount-"]') as HTMLElement).parentElement as HTMLElement;
	for (const tablist of form.querySelectorAll('[role="tablist"]')) {
		tablist.addEventListener('click', event => {
			const tab = (event.target as Element).closest('[role="tab"]');
			if (!tab) return;
			for (const other of tablist.querySelectorAll('[role="tab"]')) other.setAttribute('aria-selected', String(other === tab));
			if (tab.hasAttribute('data-tab-key')) {
				// Like the venues, switching order type swaps the price field out of the DOM, not just hides it.
				if (tab.getAttribute('data-tab-key') === 'MARKET') priceField.remove();
				else if (!priceField.isConnected) sizeField.before(priceField);
			}
			updateCost();
		});
	}
	const tpsl = form.querySelector('[data-testid="tpsl-toggle"]') as HTMLInputElement;
	tpsl.addEventListener('change', () => {
		for (const field of form.querySelectorAll('[data-testid="tp-field"], [data-testid="sl-field"]')) (field as HTMLElement).hidden = !tpsl.checked;
	});
	form.addEventListener('input', updateCost);
	form.addEventListener('submit', event => {
		event.preventDefault();
		const submitter = (event as SubmitEvent).submitter;
		const side = submitter?.getAttribute('data-testid') === 'sell-short' ? 'Sell/Short' : 'Buy/Long';
		const size = (form.querySelector('input[id^="unitAmount-"]') as HTMLInputElement).value || '0';
		orders = [...orders, `${side} ${size} ${market?.base ?? ''} ${modeButton.textContent} ${leverageButton.textContent}`];
		const list = app.querySelector('[data-testid="orders"]') as HTMLElement;
		const item = document.createElement('li');
		item.textContent = orders.at(-1) ?? '';
		list.append(item);
	});
}

/**
 * "Cost" as Binance shows it for a buy: initial margin at the order's price plus the open loss of a limit priced above
 * the mark (https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b). LiqGuard checks its own read
 * against this figure, so the demo computes it the venue's way, live.
 */
function updateCost() {
	const form = app.querySelector('form[data-testid="order-form"]');
	const costCell = form?.querySelector('[data-testid="cost"]');
	if (!form || !costCell) return;
	const number = (selector: string) => Number((form.querySelector(selector) as HTMLInputElement | null)?.value.replaceAll(',', '') ?? Number.NaN);
	const isMarket = form.querySelector('[data-tab-key="MARKET"]')?.getAttribute('aria-selected') === 'true';
	const price = isMarket ? markPrice : number('input[id^="limitPrice-"]');
	const size = number('input[id^="unitAmount-"]');
	const inQuote = (form.querySelector('[data-testid="size-unit"]') as HTMLSelectElement | null)?.value === 'USDT';
	const leverage = Number((form.querySelector('[data-testid="leverage-button"]')?.textContent ?? '').replace('x', ''));
	const quantity = inQuote ? size / price : size;
	const valid = [price, size, leverage, quantity].every(value => Number.isFinite(value) && value > 0);
	const cost = valid ? (quantity * price) / leverage + quantity * Math.max(0, price - markPrice) : 0;
	const text = `${grouping(2).format(cost)} USDT`;
	// Written only when it changes: a rewrite is a mutation in the observed form, and the mark ticks every second.
	if (costCell.textContent !== text) costCell.textContent = text;
}

function tick() {
	if (!market) return;
	updateCost();
	const format = grouping(market.decimals);
	const mark = app.querySelector('[data-testid="mark-price"]');
	if (mark) {
		const previous = mark.textContent;
		mark.textContent = format.format(markPrice);
		mark.classList.toggle('down', previous !== null && previous !== '' && format.format(markPrice) < previous);
	}
	const bookMark = app.querySelector('[data-testid="book-mark"]');
	if (bookMark) bookMark.textContent = format.format(markPrice);
	const countdown = app.querySelector('[data-testid="funding-countdown"]');
	if (countdown) {
		const hours = Math.floor(fundingSeconds / 3600);
		const minutes = Math.floor((fundingSeconds % 3600) / 60);
		const seconds = fundingSeconds % 60;
		countdown.textContent = [hours, minutes, seconds].map(part => String(part).padStart(2, '0')).join(':');
	}
}

if (isTicking) {
	setInterval(() => {
		if (!market) return;
		// A bounded random walk of at most ±0.03 % a second around the market's base price.
		markPrice = Math.max(market.markPrice * 0.97, Math.min(market.markPrice * 1.03, markPrice * (1 + (Math.random() - 0.5) * 0.0006)));
		fundingSeconds = fundingSeconds > 0 ? fundingSeconds - 1 : 8 * 3600;
		tick();
	}, 1000);
}

document.addEventListener('click', event => {
	const link = (event.target as Element).closest('a[data-nav]');
	if (!link || event.defaultPrevented) return;
	event.preventDefault();
	history.pushState(null, '', link.getAttribute('href'));
	route();
});
window.addEventListener('popstate', route);
route();
