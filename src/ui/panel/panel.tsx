/**
 * The on-page panel: what was read, the liquidation price and distance per side, funding and fee drag, the
 * warnings by severity, and the gate's notice. Pure rendering of a `PanelView`; all strings come through `t`
 * (src/_locales/en/messages.json).
 */
import {useRef, useState} from 'preact/hooks';
import type {Figures, Severity, Side, Warning} from '../../core/types.js';
import type {OrderDraft} from '../../core/draft.js';
import {formatAmount, formatCountdown, formatLeverage, formatPercent, formatPrice, formatQuantity, formatRateAsPercent} from '../format.js';
import type {PanelView, Translate} from './view.js';
import {viewSide} from './view.js';
import {BalanceUncheckedNote, FailOpenNote, NeedsList, NotComputedList, panelPill} from './not-computed.js';
import {SourceLine} from './source-line.js';
import {MisreadNotice, misreadFindings} from './misread-notice.js';
import {Memo} from './memo.js';
import {ReportMisread, type SnapshotSource} from './report-misread.js';
import {onTrusted} from './trusted.js';

export type PanelProps = {
	view: PanelView;
	t: Translate;
	/** Floating panels get a drag handle; docked ones sit under the order form. */
	isFloating: boolean;
	width: number;
	onAcknowledge(): void;
	onMove?(dx: number, dy: number): void;
	/** "Snooze for this tab" on the isolated-margin reminder. */
	onSnoozeReminder?(): void;
	/** "Report a misread": a snapshot of the order form; absent where there is no form to save. */
	snapshot?: SnapshotSource;
	/** The user collapsed or expanded the panel (after its own state changed). */
	onCollapsedChange?(isCollapsed: boolean): void;
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {danger: 0, warn: 1, info: 2};

type ReadRow = {field: keyof OrderDraft; text?: string; state: 'ok' | 'empty' | 'unread'};

function readRows(draft: OrderDraft, t: Translate): ReadRow[] {
	const row = <K extends keyof OrderDraft>(field: K, show: (value: never) => string): ReadRow => {
		const read = draft[field] as {state: 'ok' | 'empty' | 'unread'; value?: unknown} | undefined;
		if (!read || read.state !== 'ok') return {field, state: read?.state ?? 'unread'};
		return {field, state: 'ok', text: show(read.value as never)};
	};
	const isMarket = draft.orderType.state === 'ok' && draft.orderType.value === 'market';
	const rows = [
		row('side', (value: Side | 'both') => t(`panel_side_${value}`)),
		row('marginMode', (value: 'isolated' | 'cross') => t(`panel_mode_${value}`)),
		row('leverage', formatLeverage),
		isMarket ? row('markPrice', formatPrice) : row('price', formatPrice),
		row('size', (value: {value: string; unit: string}) => `${formatQuantity(value.value)} ${value.unit === 'base' ? '' : value.unit}`.trim()),
	];
	if (draft.stopLoss.state === 'ok') rows.push(row('stopLoss', formatPrice));
	if (draft.takeProfit.state === 'ok') rows.push(row('takeProfit', formatPrice));
	// Read and computed with, so shown as read: the balance (cross margin's blast radius) and the funding rate (the drag).
	if (draft.balance.state === 'ok') rows.push(row('balance', formatAmount));
	if (draft.fundingRate.state === 'ok') rows.push(row('fundingRate', formatRateAsPercent));
	if (draft.fundingCountdownSeconds.state === 'ok') rows.push(row('fundingCountdownSeconds', formatCountdown));
	return rows;
}

function ReadList({rows, t}: {rows: readonly ReadRow[]; t: Translate}) {
	return (
		<section aria-label={t('panel_read_heading')}>
			<h3>{t('panel_read_heading')}</h3>
			<dl class="read">
				{rows.map(row => [
					<dt key={`${row.field}-label`}>{t(`panel_field_${row.field}`)}</dt>,
					<dd key={row.field} class={row.state === 'unread' ? 'unread' : ''} data-field={row.field} data-read-state={row.state}>
						{row.state === 'ok' ? row.text : row.state === 'empty' ? t('panel_empty') : t('panel_unread')}
					</dd>,
				])}
			</dl>
		</section>
	);
}

function liquidationCell(figures: Figures, t: Translate) {
	const {liquidation} = figures;
	if (liquidation.kind !== 'price') return <td class="liq">{t('panel_liquidation_none')}</td>;
	// Parameters that are not facts (a bundled table, a range, an implied rate) make the figure an estimate: marked so.
	const {liquidationRange: range} = figures;
	const price = range ? t('panel_liquidation_range', [formatPrice(range.low), formatPrice(range.high)]) : formatPrice(liquidation.price);
	return (
		<td class="liq" data-estimate={figures.parametersAreFact ? undefined : ''}>
			{figures.parametersAreFact ? price : t('panel_estimate', [price])}
			{figures.liquidationDistance !== undefined && figures.liquidationDistancePercent !== undefined ? (
				<span class="sub">
					{t('panel_liquidation_distance', [formatPrice(figures.liquidationDistance), formatPercent(figures.liquidationDistancePercent)])}
				</span>
			) : null}
		</td>
	);
}

function FigureTable({sides, t}: {sides: readonly [Side, Figures][]; t: Translate}) {
	const first = sides[0]?.[1];
	if (!first) return null;
	const rows: [string, (figures: Figures) => preact.ComponentChild][] = [
		[t('panel_liquidation'), figures => liquidationCell(figures, t)],
	];
	if (first.funding) {
		rows.push([
			t('panel_funding', [formatPercent(first.funding.holdHours)]),
			figures => <td>{figures.funding ? t('panel_funding_value', [formatAmount(figures.funding.paymentOverHold), formatPercent(figures.funding.holdPercentOfMargin)]) : ''}</td>,
		]);
	}
	rows.push([
		t('panel_fees'),
		figures => <td>{t('panel_fees_value', [formatAmount(figures.fees.roundTripFee), formatPercent(figures.fees.roundTripPercentOfMargin)])}</td>,
	]);
	if (first.crossExposure !== undefined) {
		rows.push([t('panel_cross_exposure'), figures => <td>{figures.crossExposure === undefined ? '' : formatAmount(figures.crossExposure)}</td>]);
	}
	if (first.venueCheck) {
		rows.push([
			t('panel_venue_check'),
			figures => {
				const check = figures.venueCheck;
				if (!check) return <td />;
				const price = formatPrice(check.venueLiquidationPrice);
				if (check.ours === 'none') return <td>{t('panel_venue_differs_none', [price])}</td>;
				return <td>{check.agrees ? t('panel_venue_agrees', [price]) : t('panel_venue_differs', [price, formatPercent(check.differencePercent)])}</td>;
			},
		]);
	}
	return (
		<table class="figures">
			{sides.length > 1 ? (
				<thead>
					<tr>
						<td />
						{sides.map(([side]) => (
							<th key={side} scope="col">{t(`panel_side_${side}`)}</th>
						))}
					</tr>
				</thead>
			) : null}
			<tbody>
				{rows.map(([label, cell]) => (
					<tr key={label}>
						<th scope="row">{label}</th>
						{sides.map(([side, figures]) => (
							<Fragmentless key={side}>{cell(figures)}</Fragmentless>
						))}
					</tr>
				))}
			</tbody>
		</table>
	);
}

/** Renders its child as-is; keys the cells of a row without an extra element. */
function Fragmentless({children}: {children: preact.ComponentChild}) {
	return <>{children}</>;
}

function Warnings({items, t, isBothSides, isClear}: {items: readonly (Warning & {side: Side | 'both'})[]; t: Translate; isBothSides: boolean; isClear: boolean}) {
	return (
		<section aria-label={t('panel_warnings')}>
			<h3>{t('panel_warnings')}</h3>
			<ul class="warnings" aria-live="polite">
				{/* "No warnings" only when every side offered was computed: a side not computed has no warnings to list. */}
				{items.length === 0 && isClear ? <li class="quiet" data-severity="none">{t('panel_no_warnings')}</li> : null}
				{items.map(item => (
					<li key={`${item.side}-${item.rule}`} data-rule={item.rule} data-severity={item.severity} data-side={item.side}>
						<span class="sev">{t(`panel_severity_${item.severity}`)}</span>
						{isBothSides && item.side !== 'both' ? <span class="side">{t(`panel_side_${item.side}`)}: </span> : null}
						{warningText(item, t)}
					</li>
				))}
			</ul>
		</section>
	);
}

/**
 * What the figures assume rather than read (an unread margin mode computed as isolated, an unread order type at the
 * taker fee, the venue's default fees, funding interval, bundled tier table). The core states them with every
 * assessment; without this list the panel showed an isolated liquidation price beside "Margin: not read" with
 * nothing saying the one rests on a guess about the other. Open when a form field the math depends on was not read.
 */
function Assumptions({sides, draft, t}: {sides: readonly [Side, Figures][]; draft: OrderDraft | undefined; t: Translate}) {
	const texts = [...new Set(sides.flatMap(([, figures]) => figures.assumptions))];
	if (texts.length === 0) return null;
	const isGuessing = draft !== undefined && (draft.marginMode.state !== 'ok' || draft.orderType.state !== 'ok');
	return (
		<details class="assumptions" open={isGuessing} data-guessing={isGuessing ? 'true' : 'false'}>
			<summary>{t('panel_assumptions', [String(texts.length)])}</summary>
			<ul>
				{texts.map(text => (
					<li key={text}>{text}</li>
				))}
			</ul>
		</details>
	);
}

export function warningText(warning: Warning, t: Translate): string {
	const localised = warning.messageKey ? t(warning.messageKey, warning.substitutions) : '';
	return localised && localised !== warning.messageKey ? localised : warning.message;
}

function sidesOf(view: PanelView): [Side, Figures][] {
	const result: [Side, Figures][] = [];
	const shown = viewSide(view);
	for (const side of ['long', 'short'] as const) {
		const assessed = view.assessment?.[side];
		if ((shown === 'both' || shown === side) && assessed?.ok) result.push([side, assessed.assessment.figures]);
	}
	return result;
}

/** Warnings of the sides shown, worst first; a warning both sides share word for word is listed once. */
function warningsOf(view: PanelView): (Warning & {side: Side | 'both'})[] {
	const shown = viewSide(view);
	const items: (Warning & {side: Side | 'both'})[] = [];
	for (const side of ['long', 'short'] as const) {
		const assessed = view.assessment?.[side];
		if (!(shown === 'both' || shown === side) || !assessed?.ok) continue;
		for (const warning of assessed.assessment.warnings) {
			const twin = items.find(item => item.rule === warning.rule && item.message === warning.message);
			if (twin) twin.side = 'both';
			else items.push({...warning, side});
		}
	}
	return items.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function statusText(view: PanelView, t: Translate): string {
	switch (view.state) {
		case 'reading':
			return t('panel_state_reading');
		case 'needs-input':
			return t('panel_state_needs_input', [(view.assessment?.needs ?? []).map(field => t(`panel_field_${field}`)).join(', ')]);
		case 'unreadable':
			return t('panel_state_unreadable');
		case 'error':
			return t('panel_state_error', [t(view.errorKey ?? 'panel_error_unknown')]);
		case 'ready':
			return '';
	}
}

/** The cross blast radius: the balance that backs a cross order (same for both sides), when assessed. */
function crossExposureOf(view: PanelView): string | undefined {
	for (const side of [view.assessment?.long, view.assessment?.short]) {
		if (side?.ok && side.assessment.figures.crossExposure !== undefined) return side.assessment.figures.crossExposure;
	}
	return undefined;
}

function Reminder({view, t, onSnooze}: {view: PanelView; t: Translate; onSnooze?: () => void}) {
	if (!view.reminder) return null;
	const exposure = crossExposureOf(view);
	return (
		<div class="reminder" role="note" data-reminder="isolated">
			<p class="title">{t('panel_reminder_title')}</p>
			<p data-blast-radius={exposure ?? ''}>{exposure === undefined ? t('panel_reminder_blast_unknown') : t('panel_reminder_blast', [formatAmount(exposure)])}</p>
			<p class="sub">{t('panel_reminder_howto', [view.reminder.howTo])}</p>
			{onSnooze ? (
				<button type="button" data-action="snooze-reminder" onClick={onTrusted(() => onSnooze())}>
					{t('panel_reminder_snooze')}
				</button>
			) : null}
		</div>
	);
}

export function Panel({view, t, isFloating, width, onAcknowledge, onMove, onSnoozeReminder, snapshot, onCollapsedChange}: PanelProps) {
	const [isCollapsed, setCollapsed] = useState(false);
	const drag = useRef<{x: number; y: number} | undefined>(undefined);
	const warnings = view.state === 'ready' ? warningsOf(view) : [];
	// The isolated-margin reminder says what the cross-margin warning says (and more): list it once. The warning still
	// counts for the pill, the badge and the gate.
	const listed = view.reminder ? warnings.filter(warning => warning.rule !== 'cross-margin-exposure') : warnings;
	const sides = view.state === 'ready' ? sidesOf(view) : [];
	const side = viewSide(view);
	// The worker's keys of the parts below (an answer with the same figures as before keeps its objects: session.ts).
	const keys = view.partKeys;
	// What was read, as the list shows it: a tick of a field the list does not show (the mark, under a limit order)
	// or of the countdown's seconds leaves it as it was.
	const rows = view.draft ? readRows(view.draft, t) : undefined;
	const isDoubtful = misreadFindings(view).length > 0;
	// The venue's own figures disagree with our read: no ✓ (a warning still shows its severity: it may well be real).
	const basePill = panelPill(view, warnings);
	const pill = isDoubtful && basePill.severity === undefined ? {className: 'pill doubtful', text: '?'} : basePill;
	const status = statusText(view, t);
	const pointer = isFloating
		? {
				onPointerDown(event: PointerEvent) {
					if (!event.isTrusted || (event.target as Element).closest('button')) return;
					drag.current = {x: event.clientX, y: event.clientY};
					(event.currentTarget as Element).setPointerCapture(event.pointerId);
				},
				onPointerMove(event: PointerEvent) {
					if (!drag.current || !event.isTrusted) return;
					onMove?.(event.clientX - drag.current.x, event.clientY - drag.current.y);
					drag.current = {x: event.clientX, y: event.clientY};
				},
				onPointerUp() {
					drag.current = undefined;
				},
			}
		: {};
	return (
		<section class={`panel ${view.theme}`} style={{'--panel-width': `${width}px`}} aria-label={t('panel_title')}>
			<header class={isFloating ? 'head draggable' : 'head'} title={isFloating ? t('panel_drag') : undefined} {...pointer}>
				<span class="logo" aria-hidden="true" />
				<h2>{t('panel_title')}</h2>
				<span class={pill.className}>{pill.severity ? t(`panel_severity_${pill.severity}`) : (pill.text ?? '…')}</span>
				<button
					type="button"
					class="icon"
					aria-expanded={!isCollapsed}
					aria-label={isCollapsed ? t('panel_expand') : t('panel_collapse')}
					onClick={onTrusted(() => {
						setCollapsed(!isCollapsed);
						onCollapsedChange?.(!isCollapsed);
					})}
				>
					{isCollapsed ? '▸' : '▾'}
				</button>
			</header>
			{isCollapsed ? null : (
				<div class="body">
					<p class={view.state === 'error' || view.state === 'unreadable' ? 'status error' : 'status'} role="status" aria-live="polite" hidden={status === ''}>
						{status}
					</p>
					<FailOpenNote view={view} t={t} />
					{/* What it needs, and why, from the answer and the needed fields as read (a tick of an unshown field changes neither). */}
					<Memo deps={[view.state, view.assessment, JSON.stringify(view.assessment?.needs.map(field => view.draft?.[field])), t]} render={() => <NeedsList view={view} t={t} />} />
					{view.gate?.status === 'held' ? (
						<div class="gate" role="alert" data-gate="held">
							<p>
								{t('panel_gate_held', [
									t(`panel_side_${view.gate.side}`).toLowerCase(),
									view.gate.warnings[0] ? warningText(view.gate.warnings[0], t) : '',
								])}
							</p>
							<button type="button" data-action="acknowledge" onClick={onTrusted(() => onAcknowledge())}>
								{t('panel_gate_acknowledge')}
							</button>
						</div>
					) : null}
					{view.gate?.status === 'armed' ? (
						<div class="gate armed" role="status" data-gate="armed">
							<p>{t('panel_gate_armed')}</p>
						</div>
					) : null}
					<Reminder view={view} t={t} onSnooze={onSnoozeReminder} />
					<NotComputedList view={view} t={t} />
					<BalanceUncheckedNote view={view} t={t} />
					<MisreadNotice view={view} t={t} />
					{sides.length > 0 ? (
						<div class={isDoubtful ? 'doubtful' : undefined} data-doubtful={isDoubtful ? 'true' : undefined} title={isDoubtful ? t('panel_misread_doubtful') : undefined}>
							<Memo deps={[view.assessment, side, t]} render={() => <FigureTable sides={sides} t={t} />} />
						</div>
					) : null}
					{view.state === 'ready' && view.market ? (
						// The line says how long ago the data was fetched, in whole minutes.
						<Memo deps={[keys?.source ?? view.market, keys ? undefined : view.assessment, t, Math.floor(Date.now() / 60_000)]} render={() => <SourceLine notice={view.market!} view={view} t={t} nowMs={Date.now()} />} />
					) : null}
					{view.state === 'ready' && (listed.length > 0 || pill.isClear) ? (
						<Memo
							deps={[keys?.warnings ?? view.assessment, side, view.reminder === undefined, pill.isClear === true, t]}
							render={() => <Warnings items={listed} t={t} isBothSides={sides.length > 1} isClear={pill.isClear === true} />}
						/>
					) : null}
					{view.state === 'ready' ? (
						<Memo deps={[keys?.assumptions ?? view.assessment, side, view.draft?.marginMode.state, view.draft?.orderType.state, t]} render={() => <Assumptions sides={sides} draft={view.draft} t={t} />} />
					) : null}
					{rows ? <Memo deps={[JSON.stringify(rows), t]} render={() => <ReadList rows={rows} t={t} />} /> : null}
					{snapshot ? <Memo deps={[t, snapshot]} render={() => <ReportMisread t={t} snapshot={snapshot} />} /> : null}
				</div>
			)}
		</section>
	);
}
