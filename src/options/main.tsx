/**
 * Options page entry (bundled to options.js): loads the settings from `storage.sync` and wires the browser
 * (permission request for user-added sites, file download for export) into OptionsApp.
 */
import {render} from 'preact';
import browser from 'webextension-polyfill';
import {loadSettings} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {OptionsApp} from './options-app.js';

const sync = browser.storage.sync as StorageAreaLike;

function download(json: string): void {
	const url = URL.createObjectURL(new Blob([json], {type: 'application/json'}));
	const link = Object.assign(document.createElement('a'), {href: url, download: 'liqguard-settings.json'});
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function start(root: HTMLElement): Promise<void> {
	const initial = await loadSettings(sync);
	render(
		<OptionsApp
			area={sync}
			initial={initial}
			// Must run inside the click's user gesture; the manifest lists these as optional host permissions.
			requestOrigin={origin => browser.permissions.request({origins: [`${origin}/*`]})}
			grantedHostPatterns={(browser.runtime.getManifest().content_scripts ?? []).flatMap(script => script.matches ?? [])}
			onExport={download}
		/>,
		root,
	);
}

const root = document.getElementById('app');
if (root) {
	start(root).catch((error: unknown) => {
		root.textContent = `LiqGuard settings could not load: ${error instanceof Error ? error.message : String(error)}`;
	});
}
