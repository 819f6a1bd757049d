/**
 * "LiqGuard may be misreading this page": the venue's own figures disagree with what we read (core/misread.ts).
 * Names both numbers per disagreement; the panel then shows no ✓ and marks its figures doubtful.
 */
import type {MisreadCheck} from '../../core/misread.js';
import {formatAmount, formatPrice} from '../format.js';
import type {PanelView, Translate} from './view.js';

/** The disagreements of a ready view; empty when the read agrees with the venue or nothing could be compared. */
export function misreadFindings(view: PanelView): MisreadCheck['findings'] {
	return view.state === 'ready' ? (view.assessment?.misread?.findings ?? []) : [];
}

export function MisreadNotice({view, t}: {view: PanelView; t: Translate}) {
	const findings = misreadFindings(view);
	if (findings.length === 0) return null;
	return (
		<div class="misread" role="alert" data-misread="true">
			<p class="title">{t('panel_misread_title')}</p>
			<ul>
				{findings.map(finding => (
					<li key={finding.kind} data-misread-kind={finding.kind} data-venue-figure={finding.venue} data-our-figure={finding.ours}>
						{finding.kind === 'liquidation'
							? t('panel_misread_liquidation', [formatPrice(finding.venue), formatPrice(finding.ours)])
							: t(finding.kind === 'margin' ? 'panel_misread_margin' : 'panel_misread_order_value', [formatAmount(finding.venue), formatAmount(finding.ours)])}
					</li>
				))}
			</ul>
			<p class="sub">{t('panel_misread_hint')}</p>
		</div>
	);
}
