/**
 * The content script's `t()`: `i18n.getMessage` with a per-page cache of message TEMPLATES.
 *
 * Why templates: each `getMessage` call costs a binding round (≈ 0.1 ms) and a panel render asks for dozens of
 * strings, so they must be cached; but caching the substituted text kept one entry per distinct number shown
 * (every mark-price tick makes new ones), which the 10-minute bench read as a heap trend of +17 KB/min until the
 * cap. A template is fetched once per key and substitution count, with private-use markers in place of "$1"…"$9",
 * and filled here: the cache is bounded by the number of message keys, whatever the page does.
 * Substitution values are inserted as text (the panel renders them as text nodes), never interpreted.
 */
export type GetMessage = (key: string, substitutions?: string[]) => string;

const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKS = /\uE000(\d)\uE001/g;

export function createTranslate(getMessage: GetMessage): (key: string, substitutions?: string | readonly string[]) => string {
	const templates = new Map<string, string>();
	return (key, substitutions) => {
		const values = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions.slice(0, 9);
		const cacheKey = `${key}\u0000${values.length}`;
		let template = templates.get(cacheKey);
		if (template === undefined) {
			try {
				const markers = values.map((_value, index) => `${MARK_OPEN}${index}${MARK_CLOSE}`);
				template = getMessage(key, markers.length > 0 ? markers : undefined) || key;
			} catch {
				return key;
			}
			templates.set(cacheKey, template);
		}
		return values.length === 0 ? template : template.replace(MARKS, (_marker, index: string) => String(values[Number(index)] ?? ''));
	};
}
