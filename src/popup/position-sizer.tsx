/**
 * Position sizer: account size, risk %, entry and stop → the size that loses that share of the account at the
 * stop, its margin at the chosen leverage, the highest leverage whose liquidation stays beyond the stop, and
 * whether the balance covers it. Venue, symbol (or the venue's default market) and side come from the calculator
 * above; every figure comes from the engine (`risk.sizing`, `risk.stop.maxSafeLeverage`) and the core's
 * `checkSizer`: a leverage past the safe maximum is a danger, and the fees the size pays for are stated. Below it,
 * the open risks and their total with the sized trade (portfolio heat, open-risks.tsx).
 */
import {useMemo} from 'preact/hooks';
import {D, type DecimalString, isDecimalString} from '../core/decimal.js';
import {formatLeverage, formatPrice} from '../core/format.js';
import {checkSizer, type SizerCheck} from '../core/sizer-check.js';
import type {EngineSettings} from '../core/engine-settings.js';
import type {AssessInput, Assessment, Result, Side, SizingFigures, VenueId} from '../core/types.js';
import {type Settings, toEngineSettings} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {DecimalField} from '../ui/components/decimal-field.js';
import {DASH, formatAmount, formatPercent} from '../ui/components/format-number.js';
import {type InputRule, parseUserDecimal, percentToRate, rateToPercent} from '../ui/components/parse-input.js';
import type {Assess} from './calculator.js';
import {resolveSymbol} from './default-market.js';
import {OpenRisks} from './open-risks.js';
import {IssueList} from './results.js';

export type SizerForm = {accountSize: string; riskPercent: string; entryPrice: string; stopLossPrice: string; leverage: string};
type SizerField = keyof SizerForm;

export const EMPTY_SIZER: SizerForm = {accountSize: '', riskPercent: '', entryPrice: '', stopLossPrice: '', leverage: ''};

const LABELS: Record<SizerField, string> = {
	accountSize: 'Account size',
	riskPercent: 'Risk per trade',
	entryPrice: 'Sizer entry price',
	stopLossPrice: 'Sizer stop-loss price',
	leverage: 'Sizer leverage',
};

const RULES: Record<SizerField, InputRule> = {
	accountSize: {isPositive: true},
	riskPercent: {isPositive: true, max: '100'},
	entryPrice: {isPositive: true},
	stopLossPrice: {isPositive: true},
	leverage: {isPositive: true, max: '2000'},
};

/**
 * Placeholder position for the first pass of `sizeWithEngine`; see there. Tiny on purpose: the first pass is
 * judged at this quantity's tier, and a 1-unit probe (60,000 USDT of BTC) sat above Binance's 125x tier, so a
 * 0.28 BTC trade at 125x was refused for the probe's size, not its own. The smallest position is in the lowest tier,
 * where the venue allows the most leverage; the second pass judges the real size.
 */
const PROBE_QUANTITY = '0.00000001';

/**
 * Two engine passes: the first gives the size for the risk budget (`risk.sizing.quantity`, which does not depend
 * on the probe quantity); the second assesses that size, so the maintenance tier, the stop check and the highest
 * safe leverage are those of the position the trader would actually open.
 */
export function sizeWithEngine(
	assess: Assess,
	input: AssessInput,
	settings: EngineSettings,
): {result: Result<Assessment>; riskSizing?: SizingFigures} {
	const first = assess(input, settings);
	const riskSizing = first.ok ? first.value.figures.risk?.sizing : undefined;
	const sized = riskSizing?.quantity;
	if (!sized || !isDecimalString(sized) || new D(sized).lte(0)) return {result: first};
	// The first pass's sizing comes along: when the second refuses the sized position, it says what the risk asked for.
	return {result: assess({...input, quantity: sized}, settings), riskSizing};
}

export type SizerContext = {venue: VenueId; symbol: string; side: Side; customMaintenancePercent: string};

/** The engine input for sizing, or field messages. Risk % defaults to the settings' `defaultRiskPercent`. */
export function buildSizerInput(
	form: SizerForm,
	context: SizerContext,
	defaultRiskPercent: DecimalString,
): {input?: AssessInput; errors: Partial<Record<SizerField, string>>; missing: SizerField[]; defaultSymbol?: string} {
	const errors: Partial<Record<SizerField, string>> = {};
	const missing: SizerField[] = [];
	const values: Partial<Record<SizerField, DecimalString>> = {};
	for (const field of Object.keys(RULES) as SizerField[]) {
		const parsed = parseUserDecimal(form[field], RULES[field]);
		if (parsed.kind === 'error') errors[field] = parsed.message;
		// The engine refuses magnitudes above 1e30 with its own key: say it here, at the field.
		else if (parsed.kind === 'ok' && !isDecimalString(parsed.value)) errors[field] = 'Too large for an amount, a price or a leverage.';
		else if (parsed.kind === 'ok') values[field] = parsed.value;
		else if (field === 'riskPercent') values.riskPercent = defaultRiskPercent;
		else missing.push(field);
	}
	const stopProblem = values.entryPrice && values.stopLossPrice ? wrongSideStop(context.side, values.entryPrice, values.stopLossPrice) : undefined;
	if (stopProblem) errors.stopLossPrice = stopProblem;
	if (Object.keys(errors).length > 0 || missing.length > 0) return {errors, missing};
	const input: AssessInput = {
		venue: context.venue,
		side: context.side,
		// The "highest safe leverage" is defined for isolated margin, where the margin alone backs the position.
		marginMode: 'isolated',
		entryPrice: values.entryPrice,
		leverage: values.leverage,
		stopLossPrice: values.stopLossPrice,
		accountBalance: values.accountSize,
		walletBalance: values.accountSize,
		riskPercent: values.riskPercent,
		// The engine sizes per unit of risk, independent of the quantity, but needs a position to check the stop
		// against; `sizeWithEngine` re-runs with the sized quantity so the tier and the safe leverage match it.
		quantity: PROBE_QUANTITY,
	};
	const {symbol, isDefault} = resolveSymbol(context.symbol, context.venue);
	if (symbol) input.symbol = symbol;
	const mmr = parseUserDecimal(context.customMaintenancePercent, {isPositive: true});
	if (context.venue === 'custom' && mmr.kind === 'ok') input.maintenanceMarginRate = percentToRate(mmr.value);
	return isDefault ? {input, errors, missing, defaultSymbol: symbol} : {input, errors, missing};
}

/**
 * A stop on the profit side of the entry is not a stop-loss: nothing can be sized from it. Said at the field, in the
 * trader's terms, before the engine is asked (its answer would only be "no sizing").
 */
function wrongSideStop(side: Side, entry: DecimalString, stop: DecimalString): string | undefined {
	const entryValue = new D(entry);
	if (entryValue.eq(stop)) return `The stop is at the entry (${formatPrice(entry)}): there is no loss to size from. Move it ${side === 'long' ? 'below' : 'above'} the entry.`;
	const isWrong = side === 'long' ? entryValue.lt(stop) : entryValue.gt(stop);
	if (!isWrong) return undefined;
	return side === 'long'
		? `For a long the stop goes below the entry (${formatPrice(entry)}); ${formatPrice(stop)} is above it, where a stop would take profit. Switch the calculator's side to short if you mean a short.`
		: `For a short the stop goes above the entry (${formatPrice(entry)}); ${formatPrice(stop)} is below it, where a stop would take profit. Switch the calculator's side to long if you mean a long.`;
}

export function PositionSizer(props: {
	form: SizerForm;
	onChange: (form: SizerForm) => void;
	context: SizerContext;
	settings: Settings;
	assess: Assess;
	/** `storage.local`, for the list of open risks. */
	local?: StorageAreaLike;
}) {
	const {form} = props;
	const defaultRiskPercent = props.settings.thresholds.defaultRiskPercent;
	const built = useMemo(() => buildSizerInput(form, props.context, defaultRiskPercent), [form, props.context, defaultRiskPercent]);
	const engineSettings = useMemo(() => toEngineSettings(props.settings), [props.settings]);
	const sized = useMemo(
		() => (built.input ? sizeWithEngine(props.assess, built.input, engineSettings) : undefined),
		[built, engineSettings, props.assess],
	);
	const result = sized?.result;
	const field = (key: SizerField, extra: {unit?: string; placeholder?: string; isRequired?: boolean; hint?: string} = {}) => (
		<DecimalField
			id={`sizer-${key}`}
			label={LABELS[key]}
			value={form[key]}
			onInput={text => props.onChange({...form, [key]: text})}
			error={built.errors[key]}
			isRequired
			{...extra}
		/>
	);
	const sizing = result?.ok ? result.value.figures.risk?.sizing : undefined;
	/*
	 * The second pass refused the risk-sized position (its tier allows less leverage than the form's): the size the
	 * risk budget asks for still tells the trader why, so it is shown beside the refusal, never as a suggestion.
	 */
	const refusedSize = result?.ok === false && result.issues.some(issue => issue.code === 'above-venue-max') ? sized?.riskSizing : undefined;
	const maxSafeLeverage = result?.ok ? result.value.figures.risk?.stop?.maxSafeLeverage : undefined;
	const check = result?.ok && sizing ? checkSizer(result.value.figures) : undefined;
	const account = parseUserDecimal(form.accountSize, RULES.accountSize);
	const accountBalance = account.kind === 'ok' && isDecimalString(account.value) ? account.value : undefined;
	const symbolNote = built.defaultSymbol ? `${built.defaultSymbol} (default)` : props.context.symbol.trim().toUpperCase() || undefined;

	return (
		<section class="card" aria-labelledby="sizer-heading">
			<h2 id="sizer-heading">Position sizer</h2>
			<p class="note">
				Uses the venue, symbol and side of the calculator ({symbolNote ? `${symbolNote}, ` : ''}
				{props.context.side}, isolated).
			</p>
			<form class="grid" onSubmit={event => event.preventDefault()}>
				{field('accountSize')}
				{field('riskPercent', {unit: '%', placeholder: defaultRiskPercent, hint: `Empty = your default, ${defaultRiskPercent} %.`})}
				{field('entryPrice')}
				{field('stopLossPrice')}
				{field('leverage', {unit: 'x'})}
			</form>
			<section class="results-region" aria-live="polite" aria-label="Sizer results">
				{result === undefined ? (
					<p class="pending">
						{DASH}{' '}
						{Object.keys(built.errors).length > 0
							? 'Fix the highlighted fields.'
							: `Enter ${built.missing.map(key => LABELS[key].replace(/^Sizer /, '').toLowerCase()).join(', ')}.`}
					</p>
				) : !result.ok ? (
					<div class="refused">
						<p>{DASH} The engine cannot size this trade:</p>
						<IssueList issues={result.issues} />
						{refusedSize ? (
							<p class="note" data-testid="sizer-refused-size">
								The size for {formatPercent(refusedSize.riskPercent)} risk would be {formatAmount(refusedSize.quantity, 6)} (
								{formatAmount(refusedSize.notional)} notional), and the venue's tier for that size does not allow {built.input?.leverage ? formatLeverage(built.input.leverage) : form.leverage}x:
								lower the leverage or the risk.
							</p>
						) : null}
					</div>
				) : sizing ? (
					<>
						{check?.leverage.status === 'danger' ? <LeverageDanger check={check.leverage} /> : null}
						<table class="figures">
							<tbody>
								<tr>
									<th scope="row">Size for {formatPercent(sizing.riskPercent)} risk</th>
									<td data-testid="sizer-quantity">{formatAmount(sizing.quantity, 6)}</td>
								</tr>
								{check?.fees ? <FeeRows fees={check.fees} /> : null}
								<tr>
									<th scope="row">Notional</th>
									<td data-testid="sizer-notional">{formatAmount(sizing.notional)}</td>
								</tr>
								<tr>
									<th scope="row">Margin at {built.input?.leverage ? formatLeverage(built.input.leverage) : form.leverage}x</th>
									<td data-testid="sizer-margin">{formatAmount(sizing.margin)}</td>
								</tr>
								<tr>
									<th scope="row">Highest leverage with liquidation beyond the stop</th>
									<td data-testid="sizer-max-leverage">{maxSafeLeverage ? `${formatLeverage(maxSafeLeverage)}x` : DASH}</td>
								</tr>
								<tr>
									<th scope="row">Balance covers it</th>
									<td data-testid="sizer-covered">
										{sizing.coveredByBalance
											? 'yes'
											: `no${sizing.cappedBy === 'balance' ? ` (capped from ${formatAmount(sizing.quantityForRisk, 6)})` : ''}`}
									</td>
								</tr>
							</tbody>
						</table>
					</>
				) : (
					<p class="pending" data-testid="sizer-no-size">
						{DASH} No size follows from these figures: at this stop and fee rate one unit risks nothing or costs nothing, so any size
						would fit the budget. Check the stop and the leverage.
					</p>
				)}
			</section>
			<OpenRisks
				area={props.local}
				accountBalance={accountBalance}
				sized={check?.fees ? {loss: check.fees.lossAtStop} : undefined}
				thresholdPercent={props.settings.thresholds.portfolioHeatWarnPercent}
			/>
		</section>
	);
}

/** The sizer's own danger: the chosen leverage liquidates before (or too near) the stop it was sized for. */
function LeverageDanger(props: {check: Extract<SizerCheck['leverage'], {status: 'danger'}>}) {
	const {check} = props;
	const leverage = `${formatLeverage(check.leverage)}x`;
	const where = check.liquidationPrice ? ` at ${formatPrice(check.liquidationPrice)}` : '';
	const what =
		check.stopStatus === 'beyond'
			? `${leverage} liquidates${where}, before your stop at ${formatPrice(check.stopLossPrice)}: the stop would never fill and you would lose the whole margin (${formatAmount(check.margin)}), not the risk you chose.`
			: `${leverage} puts the liquidation${where} so close to your stop at ${formatPrice(check.stopLossPrice)} that a wick or slippage can liquidate the position before the stop fills, losing the whole margin (${formatAmount(check.margin)}).`;
	const fix = check.maxSafeLeverage
		? ` Use ${formatLeverage(check.maxSafeLeverage)}x or less.`
		: ' No leverage of 1x or more keeps the liquidation beyond this stop: widen the margin or move the stop.';
	return (
		<p class="warning warning--danger" role="alert" data-testid="sizer-leverage-danger">
			<span class="severity">danger</span> {what}
			{fix}
		</p>
	);
}

/** What the loss at the stop is made of: the size already accounts for the fees, so say which and how much. */
function FeeRows(props: {fees: NonNullable<SizerCheck['fees']>}) {
	const {fees} = props;
	return (
		<>
			<tr>
				<th scope="row">Loss if the stop fills</th>
				<td data-testid="sizer-loss">{formatAmount(fees.lossAtStop)}</td>
			</tr>
			<tr>
				<th scope="row">Fees included in that loss (size reduced for them)</th>
				<td data-testid="sizer-fees">
					{formatAmount(fees.feesTotal)}: open {formatAmount(fees.openFee)} at {rateToPercent(fees.openFeeRate)} %, close at the stop{' '}
					{formatAmount(fees.closeFeeAtStop)} at {rateToPercent(fees.closeFeeRate)} %
				</td>
			</tr>
			<tr>
				<th scope="row">Price move to the stop</th>
				<td data-testid="sizer-move-loss">{formatAmount(fees.moveLoss)}</td>
			</tr>
		</>
	);
}
