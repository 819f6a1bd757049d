/**
 * Settings are written only by our extension pages and read only by the worker. By default `storage.sync` and
 * `storage.local` are also open to content scripts, so code that ever ran in our isolated world on an exchange page
 * could turn the gate off (`storage.sync.set`). `setAccessLevel({accessLevel: 'TRUSTED_CONTEXTS'})` closes both to
 * content scripts (Chrome 102+; the setting lasts for the worker's life, so it is set at every start).
 * https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-setAccessLevel
 * Firefox has no setAccessLevel: there content scripts keep access, a remaining risk stated in SECURITY.md.
 */
export type AccessLevelArea = {setAccessLevel?: (options: {accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS'}) => Promise<void> | void};

/** Restricts each area that supports it; resolves to what happened per area, never rejects. */
export async function restrictToTrustedContexts(areas: Readonly<Record<string, AccessLevelArea | undefined>>): Promise<Record<string, 'restricted' | 'unsupported' | 'failed'>> {
	const outcome: Record<string, 'restricted' | 'unsupported' | 'failed'> = {};
	await Promise.all(
		Object.entries(areas).map(async ([name, area]) => {
			if (typeof area?.setAccessLevel !== 'function') {
				outcome[name] = 'unsupported';
				return;
			}
			try {
				await area.setAccessLevel({accessLevel: 'TRUSTED_CONTEXTS'});
				outcome[name] = 'restricted';
			} catch {
				outcome[name] = 'failed';
			}
		}),
	);
	return outcome;
}
