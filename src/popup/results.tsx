/**
 * The calculator's results: every number is a figure of the engine's `Assessment`, formatted for display.
 * When the engine refuses the input, the figures show "—" and its reasons, never NaN or a stale value.
 * Prices use the engine's own price format (precision by magnitude), the one the warnings and the panel use.
 */
import {formatPrice} from '../core/format.js';
import {formatMessage} from '../core/messages.js';
import {explainIssue, renderMessage} from '../ui/explain-issue.js';
import type {Assessment, Figures, InputIssue, Liquidation, Warning} from '../core/types.js';
import {DASH, formatAmount, formatPercent, formatSigned} from '../ui/components/format-number.js';

/**
 * The liquidation price as the popup shows it: a plain figure only when its parameters are facts (live venue data or
 * the trader's own model); otherwise marked "≈", and a documented range shown as its two ends.
 */
export function estimateText(figures: Figures): string {
	const range = figures.liquidationRange;
	const text = range ? `between ${formatPrice(range.low)} and ${formatPrice(range.high)}` : liquidationText(figures.liquidation);
	return figures.parametersAreFact || figures.liquidation.kind !== 'price' ? text : `≈ ${text}`;
}

export function liquidationText(liquidation: Liquidation): string {
	if (liquidation.kind === 'price') return formatPrice(liquidation.price);
	return liquidation.reason === 'below-zero' ? 'none (would be below zero)' : 'none (unreachable)';
}

function Row(props: {label: string; value: string; testId?: string}) {
	return (
		<tr>
			<th scope="row">{props.label}</th>
			<td data-testid={props.testId}>{props.value}</td>
		</tr>
	);
}

/**
 * The engine's reasons in a trader's words with what fixes them: the same sentences as the on-page panel
 * (src/ui/explain-issue.ts over src/_locales/en/messages.json), never the engine's field keys.
 */
export function IssueList(props: {issues: readonly InputIssue[]; symbol?: string}) {
	return (
		<ul class="issues">
			{props.issues.map(issue => {
				const {reason, fix} = explainIssue(issue, props.symbol);
				return (
					<li key={`${issue.field}-${issue.code}`} data-field={issue.field} data-code={issue.code}>
						{renderMessage(reason, formatMessage)}
						{fix ? ` ${capitalise(formatMessage('panel_fix', [renderMessage(fix, formatMessage)]))}` : null}
					</li>
				);
			})}
		</ul>
	);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `isEstimate`: the figures rest on parameters that are not facts (a bundled table, a range, an implied rate). */
export function WarningList(props: {warnings: readonly Warning[]; isEstimate?: boolean}) {
	if (props.warnings.length === 0) {
		// Not an all-clear on estimated parameters: the same rule as the panel's ✓.
		return props.isEstimate
			? <p class="no-warnings" data-estimate="">No warnings on these estimated figures: the market's parameters are not known (see the source line).</p>
			: <p class="no-warnings">No warnings at your thresholds.</p>;
	}
	return (
		<ul class="warnings" aria-label="Warnings">
			{props.warnings.map(warning => (
				<li key={warning.rule} class={`warning warning--${warning.severity}`}>
					<span class="severity">{warning.severity}</span> {warning.message}
				</li>
			))}
		</ul>
	);
}

export function AssessmentView(props: {assessment: Assessment}) {
	const {figures, warnings} = props.assessment;
	const {fees, funding, odds} = figures;
	return (
		<div class="results">
			<table class="figures">
				<tbody>
					<Row label="Liquidation price" value={estimateText(figures)} testId="liquidation-price" />
					<Row
						label="Distance to liquidation"
						value={formatPercent(figures.liquidationDistancePercent)}
						testId="liquidation-distance"
					/>
					<Row label="Initial margin" value={formatAmount(figures.initialMargin)} testId="initial-margin" />
					<Row label="Notional" value={formatAmount(figures.notional)} testId="notional" />
					{figures.crossExposure ? (
						<Row label="Wallet backing this order (cross)" value={formatAmount(figures.crossExposure)} testId="cross-exposure" />
					) : null}
					{figures.risk?.orderMaxLoss ? (
						// Cross: the order alone loses only what the move to its liquidation (or to 0) takes; the wallet above
						// backs other positions too. Both figures, since they differ.
						<Row label="This order can lose, without a stop (cross)" value={formatAmount(figures.risk.orderMaxLoss)} testId="order-max-loss" />
					) : null}
					<Row label="Round-trip fees" value={`${formatAmount(fees.roundTripFee)} (${formatPercent(fees.roundTripPercentOfMargin)} of margin)`} testId="fees" />
					<Row label="Break-even price" value={formatPrice(fees.breakEvenPrice)} testId="break-even" />
					{funding ? (
						<Row
							// As the engine has it, like the funding warning's text: a whole-hour rounding showed a 1.5 h hold as "2 h".
							label={`Funding over ${funding.holdHours} h`}
							// Positive = paid (the engine's sign; negative = received), unsigned as in the panel and the funding
							// warning: formatSigned's '+' marks a gain, as in the PnL ladder below, and read a cost as income.
							value={`${formatAmount(funding.paymentOverHold)} (${formatPercent(funding.holdPercentOfMargin)} of margin)`}
							testId="funding"
						/>
					) : (
						<Row label="Funding over the hold" value={`${DASH} (enter a funding rate)`} testId="funding" />
					)}
					{odds ? (
						<Row
							label="Odds of touching liquidation 1 h / 8 h / 24 h"
							value={`${formatPercent(odds.touch1hPercent, 1)} / ${formatPercent(odds.touch8hPercent, 1)} / ${formatPercent(odds.touch24hPercent, 1)}`}
							testId="odds"
						/>
					) : null}
				</tbody>
			</table>
			{figures.pnlLadder.length > 0 ? (
				<table class="ladder">
					<caption>PnL ladder</caption>
					<thead>
						<tr>
							<th scope="col">Move</th>
							<th scope="col">Price</th>
							<th scope="col">PnL</th>
							<th scope="col">% of margin</th>
						</tr>
					</thead>
					<tbody>
						{figures.pnlLadder.map(step => (
							<tr key={step.movePercent} class={step.liquidated ? 'liquidated' : undefined}>
								<td>{formatSigned(step.movePercent, 0)} %</td>
								<td>{formatPrice(step.price)}</td>
								<td>{step.liquidated ? 'liquidated' : formatSigned(step.pnl)}</td>
								<td>{step.liquidated ? DASH : formatPercent(step.pnlPercentOfMargin, 1)}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : null}
			<WarningList warnings={warnings} isEstimate={!figures.parametersAreFact} />
			{figures.assumptions.length > 0 ? (
				<details class="assumptions">
					<summary>Assumptions</summary>
					<ul>
						{figures.assumptions.map(text => (
							<li key={text}>{text}</li>
						))}
					</ul>
				</details>
			) : null}
		</div>
	);
}
