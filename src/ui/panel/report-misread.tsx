/**
 * "Report a misread": builds a snapshot of the order form (content/snapshot.ts), shows what it holds and what was
 * masked or dropped, and only then saves it as an .html file.
 *
 * The file is saved by an `<a download>` with a blob: URL inside the panel's own shadow root: no `downloads`
 * permission, no round trip through the background. Chromium and Firefox both honour `download` on a same-document
 * blob: URL (https://developer.mozilla.org/en-US/docs/Web/HTML/Element/a#download, checked 2026-12-04); the blob is
 * made in the content script, so it never enters the page's world.
 *
 * Only a trusted click (a real user's, `event.isTrusted`) prepares or saves: a page script that dispatches a click
 * cannot make LiqGuard write files.
 */
import {useRef, useState} from 'preact/hooks';
import type {PageSnapshot} from '../../content/snapshot.js';
import {onTrusted} from './trusted.js';
import type {Translate} from './view.js';

export type SnapshotSource = () => PageSnapshot | undefined;

export function ReportMisread({t, snapshot}: {t: Translate; snapshot: SnapshotSource}) {
	const [prepared, setPrepared] = useState<PageSnapshot | 'none' | undefined>(undefined);
	const [isSaved, setSaved] = useState(false);
	const link = useRef<HTMLAnchorElement>(null);

	const prepare = (event: MouseEvent) => {
		if (!event.isTrusted) return;
		setSaved(false);
		setPrepared(snapshot() ?? 'none');
	};
	const save = (event: MouseEvent) => {
		if (!event.isTrusted || prepared === undefined || prepared === 'none' || !link.current) return;
		const url = URL.createObjectURL(new Blob([prepared.html], {type: 'text/html'}));
		link.current.href = url;
		link.current.download = prepared.fileName;
		link.current.click();
		// The download has its own copy once started; a minute is ample for the browser to read the blob.
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
		setSaved(true);
	};

	if (prepared === undefined) {
		return (
			<button type="button" class="link" data-action="report-misread" onClick={prepare}>
				{t('panel_report_misread')}
			</button>
		);
	}
	if (prepared === 'none') return <p class="quiet" data-snapshot="none">{t('panel_report_no_form')}</p>;
	const {summary} = prepared;
	const masked = summary.masked.balances + summary.masked.accountIds + summary.masked.addresses + summary.masked.emails;
	const removed = summary.removed.scripts + summary.removed.eventHandlers + summary.removed.frames + summary.removed.hiddenInputs + summary.removed.links;
	return (
		<div class="report" data-snapshot="prepared">
			<p class="title">{t('panel_report_title')}</p>
			<ul>
				<li data-snapshot-fields={String(summary.fields)}>{t('panel_report_kept', [String(summary.fields)])}</li>
				<li data-snapshot-masked={String(masked)}>
					{t('panel_report_masked', [String(summary.masked.balances), String(summary.masked.accountIds), String(summary.masked.addresses), String(summary.masked.emails)])}
				</li>
				<li data-snapshot-removed={String(removed)}>{t('panel_report_removed', [String(removed)])}</li>
				<li>{t('panel_report_local', [String(Math.ceil(summary.bytes / 1024))])}</li>
			</ul>
			<details>
				<summary>{t('panel_report_show')}</summary>
				<pre class="snapshot-text">{prepared.html}</pre>
			</details>
			<div class="actions">
				<button type="button" data-action="save-snapshot" onClick={save}>
					{t('panel_report_save')}
				</button>
				<button type="button" class="link" data-action="cancel-snapshot" onClick={onTrusted(() => setPrepared(undefined))}>
					{t('panel_report_cancel')}
				</button>
			</div>
			{isSaved ? <p class="quiet" data-snapshot="saved">{t('panel_report_saved', [prepared.fileName])}</p> : null}
			<a ref={link} hidden aria-hidden="true" tabIndex={-1} />
		</div>
	);
}
