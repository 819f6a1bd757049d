/**
 * Driving the demo exchange page (src/demo) and reading the panel's test contract, for both browsers. The page
 * objects of Playwright and Puppeteer differ, so this works through a tiny common interface.
 */
import type {Page} from 'playwright-core';

export type PageDriver = {
	click(selector: string): Promise<void>;
	fill(selector: string, text: string): Promise<void>;
	press(selector: string, key: string): Promise<void>;
	evaluate<T>(fn: () => T): Promise<T>;
};

/** The driver over a Playwright page (Chromium suites). */
export function playwrightDriver(page: Page): PageDriver {
	return {
		click: selector => page.locator(selector).first().click(),
		fill: (selector, text) => page.locator(selector).first().fill(text),
		press: (selector, key) => page.locator(selector).first().press(key),
		evaluate: fn => page.evaluate(fn),
	};
}

export const SEL = {
	panel: '[data-liqguard-panel]',
	marginMode: '[data-testid="margin-mode"]',
	leverageButton: '[data-testid="leverage-button"]',
	leverageInput: '[data-testid="leverage-input"]',
	leverageConfirm: '[data-testid="leverage-confirm"]',
	price: 'input[id^="limitPrice-"]',
	size: 'input[id^="unitAmount-"]',
	buy: '[data-testid="buy-long"]',
	sell: '[data-testid="sell-short"]',
	orders: '[data-testid="orders"] li',
} as const;

/** All `data-*` attributes of the panel host, or undefined when there is no panel. */
export function panelAttributesScript(): Record<string, string> | undefined {
	const hosts = document.querySelectorAll('[data-liqguard-panel]');
	if (hosts.length !== 1) return hosts.length === 0 ? undefined : {error: `${hosts.length} panels`};
	const host = hosts[0] as Element;
	return Object.fromEntries([...host.attributes].filter(attribute => attribute.name.startsWith('data-')).map(attribute => [attribute.name, attribute.value]));
}

/** Polls until every expected attribute matches (a fresh read replaces a stale 'ready' only after a frame). */
export async function waitForPanel(driver: PageDriver, expected: Record<string, string>, timeoutMs = 5000): Promise<Record<string, string>> {
	const deadline = Date.now() + timeoutMs;
	let last: Record<string, string> | undefined;
	while (Date.now() < deadline) {
		last = await driver.evaluate(panelAttributesScript);
		if (last && Object.entries(expected).every(([name, value]) => last?.[name] === value)) return last;
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	throw new Error(`panel never matched ${JSON.stringify(expected)}; last seen ${JSON.stringify(last)}`);
}

export async function setLeverage(driver: PageDriver, leverage: number): Promise<void> {
	await driver.click(SEL.leverageButton);
	await driver.fill(SEL.leverageInput, String(leverage));
	await driver.click(SEL.leverageConfirm);
}

/** Sets Cross/Isolated by clicking the toggle until it reads as wanted. */
export async function setMarginMode(driver: PageDriver, mode: 'Cross' | 'Isolated'): Promise<void> {
	for (let attempt = 0; attempt < 2; attempt++) {
		const current = await driver.evaluate(() => document.querySelector('[data-testid="margin-mode"]')?.textContent);
		if (current === mode) return;
		await driver.click(SEL.marginMode);
	}
}

export async function orderCount(driver: PageDriver): Promise<number> {
	return driver.evaluate(() => document.querySelectorAll('[data-testid="orders"] li').length);
}
