/**
 * Quick calculator: the order as typed → `assess` (pure, in the popup) → figures and warnings. Results update on
 * every keystroke; invalid text is flagged next to its field and the results say what is missing instead of
 * showing numbers.
 */
import {useMemo} from 'preact/hooks';
import type {assess as assessFunction} from '../core/assess.js';
import {VENUE_IDS, type VenueId} from '../core/types.js';
import {type Settings, toEngineSettings} from '../settings/settings.js';
import {RadioGroup, SelectField} from '../ui/components/choice-field.js';
import {DecimalField} from '../ui/components/decimal-field.js';
import {DASH} from '../ui/components/format-number.js';
import {VENUE_CATALOGUE} from '../core/venues/catalogue.js';
import {defaultMarketOf} from './default-market.js';
import {buildAssessInput, type CalculatorField, type CalculatorForm, type SizeUnit} from './calculator-form.js';
import {AssessmentView, IssueList} from './results.js';
import {type MarketApi, MarketSource, needsMaintenanceRate, TypedRateField, useMarketAnswer} from './market-source.js';

export type Assess = typeof assessFunction;

const FIELD_LABELS: Record<CalculatorField, string> = {
	customMaintenancePercent: 'Maintenance margin rate',
	entryPrice: 'Entry price',
	leverage: 'Leverage',
	size: 'Size',
	stopLossPrice: 'Stop-loss price',
	takeProfitPrice: 'Take-profit price',
	walletBalance: 'Wallet balance',
	fundingRatePercent: 'Funding rate per interval',
	holdHours: 'Planned hold',
};

const SIZE_UNITS: readonly {value: SizeUnit; label: string}[] = [
	{value: 'quantity', label: 'Quantity (base asset)'},
	{value: 'notional', label: 'Notional (quote)'},
	{value: 'margin', label: 'Margin (quote)'},
];

/**
 * What the empty optional symbol means: the venue's default market (named), or, where the venue has none and the
 * engine needs a market for its tiers, a request to enter one.
 */
function symbolHint(form: CalculatorForm, defaultSymbol: string | undefined, result: ReturnType<Assess> | undefined): string {
	if (form.symbol.trim() !== '') return "Selects the venue's bundled tier table when there is one.";
	const fallback = defaultSymbol ?? defaultMarketOf(form.venue);
	if (fallback) return `Empty: ${fallback} (default), whose tier table LiqGuard bundles.`;
	// Without a market, the figures rest on a range or a venue-wide default at best: ask for the market.
	const missingRate = result?.ok === false && result.issues.some(issue => issue.field === 'maintenanceMarginRate');
	const notFact = result?.ok === true && !result.value.figures.parametersAreFact;
	if (missingRate || notFact) return `No default market for ${VENUE_CATALOGUE[form.venue].name}: enter the market you trade.`;
	return "Selects the venue's bundled tier table when there is one.";
}

export function Calculator(props: {
	form: CalculatorForm;
	onChange: (form: CalculatorForm) => void;
	onReset: () => void;
	settings: Settings;
	assess: Assess;
	/** Where the prefill came from, e.g. "Prefilled from the order form on this tab". */
	prefillNote?: string;
	/** The market's parameters through the background, and the typed-rate store (absent in unit tests of other parts). */
	market?: MarketApi;
}) {
	const {form, onChange} = props;
	const built = useMemo(() => buildAssessInput(form), [form]);
	const engineSettings = useMemo(() => toEngineSettings(props.settings), [props.settings]);
	const market = useMarketAnswer(props.market, form.venue, form.symbol, form.marginMode);
	const params = market.answer?.params ?? undefined;
	const result = useMemo(
		() => (built.input ? props.assess(built.input, engineSettings, params ? {market: params} : {}) : undefined),
		[built, engineSettings, props.assess, params],
	);
	const set = <K extends keyof CalculatorForm>(key: K) => (value: CalculatorForm[K]) => onChange({...form, [key]: value});
	const field = (key: CalculatorField, extra: {unit?: string; hint?: string; isRequired?: boolean; placeholder?: string} = {}) => (
		<DecimalField
			id={`calc-${key}`}
			label={FIELD_LABELS[key]}
			value={form[key]}
			onInput={set(key)}
			error={built.errors[key]}
			{...extra}
		/>
	);

	return (
		<section class="card" aria-labelledby="calc-heading">
			<div class="card__head">
				<h2 id="calc-heading">Quick calculator</h2>
				<button type="button" class="link-button" onClick={props.onReset}>
					Reset calculator
				</button>
			</div>
			{props.prefillNote ? <p class="note">{props.prefillNote}</p> : null}
			<form class="grid" onSubmit={event => event.preventDefault()}>
				<SelectField
					id="calc-venue"
					label="Venue model"
					value={form.venue}
					choices={VENUE_IDS.map(venue => ({value: venue, label: VENUE_CATALOGUE[venue].name}))}
					onChange={set('venue') as (value: VenueId) => void}
				/>
				{form.venue === 'custom'
					? field('customMaintenancePercent', {unit: '%', isRequired: true, hint: 'Percent of the notional, e.g. 0.5'})
					: null}
				<div class="field">
					<label for="calc-symbol">
						Symbol<span class="optional"> (optional)</span>
					</label>
					<input
						id="calc-symbol"
						type="text"
						autoComplete="off"
						value={form.symbol}
						placeholder={defaultMarketOf(form.venue) ?? ''}
						aria-describedby="calc-symbol-hint"
						onInput={event => set('symbol')((event.currentTarget as HTMLInputElement).value)}
					/>
					<p id="calc-symbol-hint" class="field__hint" data-testid="calc-symbol-hint">
						{symbolHint(form, built.defaultSymbol, result)}
					</p>
				</div>
				<RadioGroup
					name="calc-side"
					legend="Side"
					value={form.side}
					choices={[
						{value: 'long', label: 'Long'},
						{value: 'short', label: 'Short'},
					]}
					onChange={set('side')}
				/>
				<RadioGroup
					name="calc-margin-mode"
					legend="Margin mode"
					value={form.marginMode}
					choices={[
						{value: 'isolated', label: 'Isolated'},
						{value: 'cross', label: 'Cross'},
					]}
					onChange={set('marginMode')}
				/>
				{field('entryPrice', {isRequired: true})}
				{field('leverage', {isRequired: true, unit: 'x'})}
				{field('size', {isRequired: true})}
				<SelectField id="calc-size-unit" label="Size is" value={form.sizeUnit} choices={SIZE_UNITS} onChange={set('sizeUnit')} />
				{field('stopLossPrice')}
				{field('takeProfitPrice')}
				{field('walletBalance', {hint: 'Needed for cross margin and risk % of the account.'})}
				{field('fundingRatePercent', {unit: '%', hint: 'Positive: longs pay.'})}
				{field('holdHours', {unit: 'h', placeholder: props.settings.thresholds.defaultHoldHours})}
			</form>
			<section class="results-region" aria-live="polite" aria-label="Calculator results">
				{result === undefined ? (
					<p class="pending">
						{DASH}{' '}
						{Object.keys(built.errors).length > 0
							? 'Fix the highlighted fields.'
							: `Enter ${built.missing.map(key => FIELD_LABELS[key].toLowerCase()).join(', ')}.`}
					</p>
				) : result.ok ? (
					<>
						<AssessmentView assessment={result.value} />
						{/* A range or a venue-wide default is the best the engine could do: the market's own rate, typed, beats it. */}
						{props.market && form.symbol.trim() !== '' && form.venue !== 'custom' && ['range', 'venue-default'].includes(result.value.figures.parameterSource.kind) ? (
							<TypedRateField venue={form.venue} symbol={form.symbol} api={props.market} onSaved={market.reload} />
						) : null}
					</>
				) : (
					<div class="refused">
						<p>{DASH} The engine cannot compute this order:</p>
						<IssueList issues={result.issues} symbol={form.symbol.trim().toUpperCase() || undefined} />
						{props.market && form.symbol.trim() !== '' && form.venue !== 'custom' && needsMaintenanceRate(result.issues) ? (
							<TypedRateField venue={form.venue} symbol={form.symbol} api={props.market} onSaved={market.reload} />
						) : null}
					</div>
				)}
				{market.answer && result?.ok ? <MarketSource notice={market.answer.notice} nowMs={props.market?.now() ?? 0} used={result.value.figures.parameterSource} /> : null}
			</section>
		</section>
	);
}
