/**
 * Follows the page's theme: the first opaque background behind the order form decides dark or light. Venues
 * switch themes with a class on <html> or <body>, so a computed colour is the one signal common to all of them.
 */
export function pageTheme(start: Element | undefined, win: Window): 'dark' | 'light' {
	for (let element: Element | null = start ?? win.document.body; element; element = element.parentElement) {
		const rgba = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(win.getComputedStyle(element).backgroundColor);
		if (!rgba) continue;
		const alpha = rgba[4] === undefined ? 1 : Number(rgba[4]);
		if (alpha < 0.5) continue;
		// Relative luminance, roughly (ITU-R BT.709 weights on gamma-encoded channels is close enough to pick a theme).
		const luminance = (0.2126 * Number(rgba[1]) + 0.7152 * Number(rgba[2]) + 0.0722 * Number(rgba[3])) / 255;
		return luminance < 0.5 ? 'dark' : 'light';
	}
	return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
