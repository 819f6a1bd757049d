/**
 * Open risks and portfolio heat: a short list of the trades the trader has open, each lost at its stop, plus the
 * trade the sizer just sized, as one total in percent of the account, flagged above the heat threshold. Every figure
 * comes from the core (`openRiskLoss`, `portfolioHeat`); a row that cannot be read stops the total, with the reason,
 * rather than leaving that trade out of it.
 */
import {useEffect, useRef, useState} from 'preact/hooks';
import type {DecimalString} from '../core/decimal.js';
import {openRiskLoss, portfolioHeat} from '../core/portfolio-heat.js';
import type {Side} from '../core/types.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {SelectField} from '../ui/components/choice-field.js';
import {DecimalField} from '../ui/components/decimal-field.js';
import {DASH, formatAmount, formatPercent} from '../ui/components/format-number.js';
import {
	checkRow,
	emptyRow,
	loadOpenRisks,
	nextRowId,
	OPEN_RISK_LABELS,
	type OpenRiskDecimalField,
	type OpenRiskRow,
	saveOpenRisks,
} from './open-risks-form.js';

export type SizedTrade = {
	/** Loss at the stop of the sized trade, fees included (the engine's figure). */
	loss: DecimalString;
};

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function RowLoss(props: {row: OpenRiskRow; index: number}) {
	const checked = checkRow(props.row);
	const loss = checked.risk ? openRiskLoss(checked.risk) : undefined;
	let text: string;
	if (!loss) text = DASH;
	else if (loss.status === 'in-profit') text = '0 (the stop is past the entry, on the profit side)';
	else if (loss.status === 'breakeven') text = '0 (the stop is at the entry)';
	else text = formatAmount(loss.loss);
	return (
		<p class="open-risk__loss" data-testid={`open-risk-loss-${props.index + 1}`}>
			Loss at the stop: {text}
		</p>
	);
}

export function OpenRisks(props: {
	/** `storage.local`; without it (no storage) the list works but is not kept. */
	area?: StorageAreaLike;
	/** The sizer's account size, when it is a valid figure. */
	accountBalance?: DecimalString;
	sized?: SizedTrade;
	thresholdPercent: DecimalString;
}) {
	const [rows, setRows] = useState<OpenRiskRow[] | undefined>(props.area ? undefined : []);
	const [problem, setProblem] = useState<string | undefined>();
	// A list that could not be read is never written over: what is stored may be the user's only copy.
	const canSave = useRef(false);
	useEffect(() => {
		if (!props.area) return;
		let isCurrent = true;
		loadOpenRisks(props.area).then(
			loaded => {
				if (!isCurrent) return;
				canSave.current = true;
				setRows(loaded);
			},
			(error: unknown) => {
				if (!isCurrent) return;
				setProblem(`Your saved list could not be read (${errorText(error)}); changes here are not saved.`);
				setRows([]);
			},
		);
		return () => {
			isCurrent = false;
		};
	}, [props.area]);

	const update = (next: OpenRiskRow[]) => {
		setRows(next);
		if (!props.area || !canSave.current) return;
		saveOpenRisks(props.area, next).then(
			() => setProblem(undefined),
			(error: unknown) => setProblem(`The list could not be saved (${errorText(error)}); it is kept only while the popup is open.`),
		);
	};

	if (rows === undefined) {
		return (
			<section class="open-risks" aria-labelledby="open-risks-heading">
				<h3 id="open-risks-heading">Open risks (portfolio heat)</h3>
				<p class="pending">{DASH} Reading your list…</p>
			</section>
		);
	}

	const setField = (index: number, patch: Partial<OpenRiskRow>) => update(rows.map((row, at) => (at === index ? {...row, ...patch} : row)));
	const decimal = (row: OpenRiskRow, index: number, field: OpenRiskDecimalField, error: string | undefined, hint?: string) => (
		<DecimalField
			id={`open-risk-${row.id}-${field}`}
			label={`Trade ${index + 1} ${OPEN_RISK_LABELS[field]}`}
			value={row[field]}
			onInput={value => setField(index, {[field]: value})}
			error={error}
			hint={hint}
			isRequired
		/>
	);

	return (
		<section class="open-risks" aria-labelledby="open-risks-heading">
			<h3 id="open-risks-heading">Open risks (portfolio heat)</h3>
			<p class="note">
				Trades you already have open, each with its stop. Kept in this browser only. Their loss is the move from entry to stop
				times the size; fees and slippage are not included and come on top.
			</p>
			{rows.map((row, index) => {
				const checked = checkRow(row);
				return (
					<fieldset class="open-risk" key={row.id}>
						<legend>Trade {index + 1}</legend>
						<div class="grid">
							<div class={`field${checked.errors.symbol ? ' field--invalid' : ''}`}>
								<label for={`open-risk-${row.id}-symbol`}>
									Trade {index + 1} symbol<span class="optional"> (optional)</span>
								</label>
								<input
									id={`open-risk-${row.id}-symbol`}
									type="text"
									autoComplete="off"
									value={row.symbol}
									aria-invalid={checked.errors.symbol ? 'true' : 'false'}
									aria-describedby={checked.errors.symbol ? `open-risk-${row.id}-symbol-error` : undefined}
									onInput={event => setField(index, {symbol: (event.currentTarget as HTMLInputElement).value})}
								/>
								{checked.errors.symbol ? (
									<p id={`open-risk-${row.id}-symbol-error`} class="field__error" role="alert">
										{checked.errors.symbol}
									</p>
								) : null}
							</div>
							<SelectField<Side>
								id={`open-risk-${row.id}-side`}
								label={`Trade ${index + 1} side`}
								value={row.side}
								choices={[
									{value: 'long', label: 'Long'},
									{value: 'short', label: 'Short'},
								]}
								onChange={side => setField(index, {side})}
							/>
							{decimal(row, index, 'entryPrice', checked.errors.entryPrice)}
							{decimal(row, index, 'stopLossPrice', checked.errors.stopLossPrice)}
							{decimal(row, index, 'size', checked.errors.size, 'In the base asset (BTC for BTCUSDT).')}
						</div>
						<RowLoss row={row} index={index} />
						<button type="button" class="link-button" onClick={() => update(rows.filter((_, at) => at !== index))}>
							Remove trade {index + 1}
						</button>
					</fieldset>
				);
			})}
			<button type="button" class="link-button" onClick={() => update([...rows, emptyRow(nextRowId(rows))])}>
				Add an open trade
			</button>
			{problem ? (
				<p class="notice" role="status">
					{problem}
				</p>
			) : null}
			<HeatSummary rows={rows} accountBalance={props.accountBalance} sized={props.sized} thresholdPercent={props.thresholdPercent} />
		</section>
	);
}

function HeatSummary(props: {rows: readonly OpenRiskRow[]; accountBalance?: DecimalString; sized?: SizedTrade; thresholdPercent: DecimalString}) {
	const checked = props.rows.map(checkRow);
	const blocking = checked
		.map((row, index) => {
			const invalid = Object.keys(row.errors) as (keyof typeof row.errors)[];
			if (invalid.length > 0) return `fix trade ${index + 1} (${invalid.map(field => OPEN_RISK_LABELS[field]).join(', ')})`;
			if (row.missing.length > 0) return `enter trade ${index + 1}'s ${row.missing.map(field => OPEN_RISK_LABELS[field]).join(', ')}`;
			return undefined;
		})
		.filter((text): text is string => text !== undefined);
	const threshold = formatPercent(props.thresholdPercent, 2).replace(/\.00 %$/, ' %');
	let body;
	if (props.rows.length === 0 && !props.sized) {
		body = <p class="pending">{DASH} List your open trades, or size a trade above, to see the total at risk.</p>;
	} else if (blocking.length > 0) {
		// A total without one of the trades would understate the heat: none is shown until every row reads.
		body = (
			<p class="pending" data-testid="heat-pending">
				{DASH} Total not computed: {blocking.join('; ')}.
			</p>
		);
	} else if (props.accountBalance === undefined) {
		body = (
			<p class="pending" data-testid="heat-pending">
				{DASH} Enter the account size in the sizer above to see the total in % of the account.
			</p>
		);
	} else {
		const risks = checked.map(row => row.risk!);
		const heat = portfolioHeat({
			listed: risks,
			accountBalance: props.accountBalance,
			thresholdPercent: props.thresholdPercent,
			...(props.sized ? {sizedLoss: props.sized.loss} : {}),
		});
		body = heat ? (
			<>
				<table class="figures">
					<tbody>
						<tr>
							<th scope="row">Listed trades at their stops ({props.rows.length}, price move only)</th>
							<td data-testid="heat-listed">{formatAmount(heat.listedLoss)}</td>
						</tr>
						<tr>
							<th scope="row">Sized trade at its stop (fees included)</th>
							<td data-testid="heat-sized">{heat.sizedLoss === undefined ? `${DASH} not included: the sizer has no size yet` : formatAmount(heat.sizedLoss)}</td>
						</tr>
						<tr>
							<th scope="row">Total at risk</th>
							<td data-testid="heat-total">
								{formatAmount(heat.totalLoss)} ({formatPercent(heat.totalPercentOfAccount)} of {formatAmount(heat.accountBalance)})
							</td>
						</tr>
					</tbody>
				</table>
				{heat.isAboveThreshold ? (
					<p class="warning warning--warn" role="alert" data-testid="heat-flag">
						<span class="severity">warn</span> If every stop fills, you lose {formatPercent(heat.totalPercentOfAccount)} of the account:
						above your {threshold} limit for all open trades together (set in Settings).
					</p>
				) : (
					<p class="note" data-testid="heat-within">
						Within your {threshold} limit for all open trades together.
					</p>
				)}
			</>
		) : (
			<p class="pending" data-testid="heat-pending">
				{DASH} Total not computed: a figure is out of range.
			</p>
		);
	}
	return (
		<section class="results-region" aria-live="polite" aria-label="Portfolio heat">
			{body}
		</section>
	);
}
