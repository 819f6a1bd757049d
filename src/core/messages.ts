/**
 * English message lookup from src/_locales/en/messages.json, so warnings and every UI string come from one file.
 * Follows the WebExtension i18n rules: named placeholders "$NAME$" resolved through `placeholders` (whose content
 * is "$1"…), and direct "$1"…"$9" substitutions; "$$" is a literal dollar.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n (checked 2026-11-21)
 */
import messages from '../_locales/en/messages.json' with {type: 'json'};

type Entry = {message: string; placeholders?: Record<string, {content: string}>};
const TABLE = messages as unknown as Readonly<Record<string, Entry>>;

export function formatMessage(key: string, substitutions: readonly string[] = []): string {
	const entry = TABLE[key];
	if (!entry) return key;
	const direct = (text: string) =>
		text.replace(/\$(\$|[1-9])/g, (_match, which: string) => (which === '$' ? '$' : (substitutions['123456789'.indexOf(which)] ?? '')));
	const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
		const placeholder = entry.placeholders?.[name] ?? entry.placeholders?.[name.toLowerCase()];
		return placeholder ? direct(placeholder.content) : match;
	});
	return direct(named);
}
