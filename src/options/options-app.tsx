/**
 * Options page: thresholds (rendered from THRESHOLD_SPECS with their defaults and reasons), gate mode, reminders,
 * sites, volatility, fee overrides and the custom venue; export, import and reset. Saving writes
 * `storage.sync`, whose change event reaches open tabs at once. The storage area and the permission request are
 * injected by main.tsx so the page renders in unit tests.
 */
import {useEffect, useMemo, useState} from 'preact/hooks';
import {THRESHOLD_SPECS, type ThresholdKey} from '../core/thresholds.js';
import {VENUE_IDS, type VenueId} from '../core/types.js';
import {
	exportSettings,
	grantedByManifest,
	grantedSiteProblem,
	importSettings,
	onSettingsChanged,
	originProblem,
	resetSettings,
	saveSettings,
	type Settings,
	type StorageAreaLike,
	type Validated,
} from '../settings/settings.js';
import {CheckboxField, RadioGroup, SelectField} from '../ui/components/choice-field.js';
import {DecimalField} from '../ui/components/decimal-field.js';
import {VENUE_CATALOGUE} from '../core/venues/catalogue.js';
import {formFromSettings, type OptionsForm, type ReminderOverride, SITE_VENUES, settingsFromForm} from './options-form.js';
import {MarketDataSection} from './market-data-section.js';

export type OptionsProps = {
	area: StorageAreaLike;
	initial: Validated;
	/** Asks the browser for access to a user-added site; resolves false when the user declines. */
	requestOrigin?: (origin: string) => Promise<boolean>;
	/** The supported exchanges' match patterns (the manifest's content scripts): a site on those hosts is refused. */
	grantedHostPatterns?: readonly string[];
	/** Hands the exported JSON to the user (a file download in the extension). */
	onExport?: (json: string) => void;
};

type Status = {kind: 'ok' | 'error'; text: string} | undefined;

const UNIT_TEXT: Record<string, string> = {x: 'x', '%': '%', days: 'days', hours: 'h'};

export function OptionsApp(props: OptionsProps) {
	const [saved, setSaved] = useState<Settings>(props.initial.settings);
	const [loadErrors, setLoadErrors] = useState<readonly string[]>(props.initial.errors);
	const [form, setForm] = useState<OptionsForm>(() => formFromSettings(props.initial.settings));
	const [status, setStatus] = useState<Status>();
	const [newSite, setNewSite] = useState<{origin: string; venue: VenueId; error?: string}>({origin: '', venue: 'custom'});
	const [importText, setImportText] = useState('');

	useEffect(() => {
		const controller = new AbortController();
		// Another page (the popup, another device via sync) changed the settings: show what is stored now.
		onSettingsChanged(
			props.area,
			({settings, errors}) => {
				setSaved(settings);
				setLoadErrors(errors);
				setForm(formFromSettings(settings));
			},
			controller.signal,
		);
		return () => controller.abort();
	}, [props.area]);

	const checked = useMemo(() => settingsFromForm(form, saved), [form, saved]);
	const errors = checked.errors;
	// Stored settings that needed repair differ from what the form shows: saving must be possible as they are,
	// since the notice asks for exactly that (before, Save stayed disabled until some field was edited).
	const isDirty = checked.settings !== undefined && (loadErrors.length > 0 || JSON.stringify(checked.settings) !== JSON.stringify(saved));
	const update = (change: Partial<OptionsForm>) => {
		setForm({...form, ...change});
		setStatus(undefined);
	};

	const save = async () => {
		if (!checked.settings) return;
		const result = await saveSettings(props.area, checked.settings);
		if (result.ok) {
			setSaved(result.settings);
			setLoadErrors([]);
			setStatus({kind: 'ok', text: 'Saved. Open tabs use the new settings now.'});
		} else {
			setStatus({kind: 'error', text: `Not saved: ${result.reason}`});
		}
	};

	const addSite = async () => {
		let origin = newSite.origin.trim();
		try {
			origin = new URL(origin).origin;
		} catch {
			// originProblem below names the problem.
		}
		const problem =
			originProblem(origin) ??
			(form.customSites.some(site => site.origin === origin) ? 'is already listed' : undefined) ??
			(grantedByManifest(origin, props.grantedHostPatterns ?? []) ? grantedSiteProblem(origin) : undefined);
		if (problem) {
			setNewSite({...newSite, error: `${newSite.origin.trim() || 'The address'} ${problem.replace(/^'.*?' /, '')}.`});
			return;
		}
		const isGranted = props.requestOrigin ? await props.requestOrigin(origin).catch(() => false) : true;
		if (!isGranted) {
			setNewSite({...newSite, error: `The browser did not grant access to ${origin}; the site was not added.`});
			return;
		}
		update({customSites: [...form.customSites, {origin, venue: newSite.venue}]});
		setNewSite({origin: '', venue: newSite.venue});
	};

	const runImport = async () => {
		const result = importSettings(importText, {grantedHostPatterns: props.grantedHostPatterns});
		if (!result.ok) {
			setStatus({kind: 'error', text: `Import refused, nothing changed: ${result.reason}`});
			return;
		}
		const stored = await saveSettings(props.area, result.settings);
		if (!stored.ok) {
			setStatus({kind: 'error', text: `Import refused, nothing changed: ${stored.reason}`});
			return;
		}
		setSaved(stored.settings);
		setLoadErrors([]);
		setForm(formFromSettings(stored.settings));
		setImportText('');
		setStatus({kind: 'ok', text: 'Imported and saved.'});
	};

	const reset = async () => {
		const reset = await resetSettings(props.area);
		if (!reset.ok) {
			setStatus({kind: 'error', text: `Not reset: ${reset.reason}`});
			return;
		}
		setSaved(reset.settings);
		setLoadErrors([]);
		setForm(formFromSettings(reset.settings));
		setStatus({kind: 'ok', text: 'Reset to the defaults.'});
	};

	const thresholdField = (key: ThresholdKey) => {
		const spec = THRESHOLD_SPECS[key];
		return (
			<DecimalField
				key={key}
				id={`threshold-${key}`}
				label={spec.label}
				unit={UNIT_TEXT[spec.unit]}
				value={form.thresholds[key]}
				isRequired
				error={errors[`threshold-${key}`]}
				hint={`Default ${spec.default}${spec.unit === 'x' ? 'x' : ` ${spec.unit}`}. ${spec.reason}`}
				onInput={text => update({thresholds: {...form.thresholds, [key]: text}})}
			/>
		);
	};

	return (
		<main class="options">
			<h1>LiqGuard settings</h1>
			{loadErrors.length > 0 ? (
				<div class="notice" role="alert">
					<p>Some stored settings were invalid; these now use their defaults (save to store the repaired settings):</p>
					<ul>
						{loadErrors.map(text => (
							<li key={text}>{text}</li>
						))}
					</ul>
				</div>
			) : null}

			<section class="card" aria-labelledby="thresholds-heading">
				<h2 id="thresholds-heading">Warning thresholds</h2>
				<div class="grid">{(Object.keys(THRESHOLD_SPECS) as ThresholdKey[]).map(thresholdField)}</div>
			</section>

			<section class="card" aria-labelledby="gate-heading">
				<h2 id="gate-heading">Submit gate</h2>
				<RadioGroup
					name="gate-mode"
					legend="When a danger warning stands and you click Buy/Sell"
					value={form.gateMode}
					choices={[
						{value: 'off', label: 'Off: no panel gate'},
						{value: 'warn', label: 'Warn: show the panel only'},
						{value: 'confirm', label: 'Confirm: hold the click until you confirm'},
					]}
					onChange={gateMode => update({gateMode})}
				/>
			</section>

			<section class="card" aria-labelledby="reminders-heading">
				<h2 id="reminders-heading">Isolated-margin reminders</h2>
				<CheckboxField
					id="reminders-enabled"
					label="Remind me when an order form is on cross margin"
					checked={form.remindersEnabled}
					onChange={remindersEnabled => update({remindersEnabled})}
					hint="The panel shows how much of the wallet backs a cross order and how to switch to isolated."
				/>
				<div class="grid">
					{SITE_VENUES.map(venue => (
						<SelectField<ReminderOverride>
							key={venue}
							id={`reminder-${venue}`}
							label={`Reminders on ${VENUE_CATALOGUE[venue].name}`}
							value={form.reminderOverrides[venue] ?? 'follow'}
							choices={[
								{value: 'follow', label: 'Follow the switch above'},
								{value: 'on', label: 'Always on'},
								{value: 'off', label: 'Off'},
							]}
							onChange={value => update({reminderOverrides: {...form.reminderOverrides, [venue]: value}})}
						/>
					))}
				</div>
			</section>

			<MarketDataSection checked={form.marketDataUpdates} onChange={marketDataUpdates => update({marketDataUpdates})} />

			<section class="card" aria-labelledby="sites-heading">
				<h2 id="sites-heading">Sites</h2>
				<div class="grid">
					{SITE_VENUES.map(venue => (
						<CheckboxField
							key={venue}
							id={`adapter-${venue}`}
							label={`Enable on ${VENUE_CATALOGUE[venue].name}`}
							checked={form.adapters[venue] ?? true}
							onChange={isEnabled => update({adapters: {...form.adapters, [venue]: isEnabled}})}
						/>
					))}
				</div>
				<h3>Sites you added</h3>
				{form.customSites.length === 0 ? <p class="note">None yet.</p> : null}
				<ul class="site-list">
					{form.customSites.map(site => (
						<li key={site.origin}>
							<span>
								{site.origin} — {VENUE_CATALOGUE[site.venue].name}
							</span>
							<button
								type="button"
								aria-label={`Remove ${site.origin}`}
								onClick={() => update({customSites: form.customSites.filter(other => other.origin !== site.origin)})}
							>
								Remove
							</button>
						</li>
					))}
				</ul>
				<div class="grid">
					<div class={`field${newSite.error ? ' field--invalid' : ''}`}>
						<label for="new-site-origin">Site address</label>
						<input
							id="new-site-origin"
							type="text"
							placeholder="https://perp.example.com"
							value={newSite.origin}
							aria-invalid={newSite.error ? 'true' : 'false'}
							aria-describedby={newSite.error ? 'new-site-origin-error' : undefined}
							onInput={event => setNewSite({...newSite, origin: (event.currentTarget as HTMLInputElement).value, error: undefined})}
						/>
						{newSite.error ? (
							<p id="new-site-origin-error" class="field__error" role="alert">
								{newSite.error}
							</p>
						) : null}
					</div>
					<SelectField
						id="new-site-venue"
						label="Venue model for this site"
						value={newSite.venue}
						choices={VENUE_IDS.map(venue => ({value: venue, label: VENUE_CATALOGUE[venue].name}))}
						onChange={venue => setNewSite({...newSite, venue})}
					/>
				</div>
				<button type="button" onClick={() => void addSite()}>
					Add site
				</button>
			</section>

			<section class="card" aria-labelledby="volatility-heading">
				<h2 id="volatility-heading">Volatility per asset</h2>
				<p class="note">Annualised, in percent per year; used for the odds of touching liquidation. Assets not listed use the bundled defaults.</p>
				{form.volatility.map((row, index) => (
					<div class="row" key={index}>
						<div class={`field${errors[`volatility-asset-${index}`] ? ' field--invalid' : ''}`}>
							<label for={`volatility-asset-${index}`}>Asset {index + 1}</label>
							<input
								id={`volatility-asset-${index}`}
								type="text"
								value={row.asset}
								placeholder="BTC"
								aria-invalid={errors[`volatility-asset-${index}`] ? 'true' : 'false'}
								aria-describedby={errors[`volatility-asset-${index}`] ? `volatility-asset-${index}-error` : undefined}
								onInput={event =>
									update({
										volatility: form.volatility.map((other, at) =>
											at === index ? {...other, asset: (event.currentTarget as HTMLInputElement).value} : other,
										),
									})
								}
							/>
							{errors[`volatility-asset-${index}`] ? (
								<p id={`volatility-asset-${index}-error`} class="field__error">
									{errors[`volatility-asset-${index}`]}
								</p>
							) : null}
						</div>
						<DecimalField
							id={`volatility-percent-${index}`}
							label={`Volatility of asset ${index + 1}`}
							unit="% / yr"
							isRequired
							value={row.percent}
							error={errors[`volatility-percent-${index}`]}
							onInput={text => update({volatility: form.volatility.map((other, at) => (at === index ? {...other, percent: text} : other))})}
						/>
						<button
							type="button"
							aria-label={`Remove asset ${index + 1}`}
							onClick={() => update({volatility: form.volatility.filter((_, at) => at !== index)})}
						>
							Remove
						</button>
					</div>
				))}
				<button type="button" onClick={() => update({volatility: [...form.volatility, {asset: '', percent: ''}]})}>
					Add asset
				</button>
			</section>

			<section class="card" aria-labelledby="fees-heading">
				<h2 id="fees-heading">Fee tier overrides</h2>
				<p class="note">Percent per fill (0.04 = 0.04 %). Empty uses the venue's base tier. Maker may be negative (rebate).</p>
				<div class="grid grid--fees">
					{SITE_VENUES.map(venue => (
						<fieldset class="fee-set" key={venue}>
							<legend>{VENUE_CATALOGUE[venue].name}</legend>
							<DecimalField
								id={`fee-${venue}-taker`}
								label={`${VENUE_CATALOGUE[venue].name} taker fee`}
								unit="%"
								value={form.fees[venue].takerPercent}
								error={errors[`fee-${venue}-taker`]}
								onInput={text => update({fees: {...form.fees, [venue]: {...form.fees[venue], takerPercent: text}}})}
							/>
							<DecimalField
								id={`fee-${venue}-maker`}
								label={`${VENUE_CATALOGUE[venue].name} maker fee`}
								unit="%"
								value={form.fees[venue].makerPercent}
								error={errors[`fee-${venue}-maker`]}
								onInput={text => update({fees: {...form.fees, [venue]: {...form.fees[venue], makerPercent: text}}})}
							/>
						</fieldset>
					))}
				</div>
			</section>

			<section class="card" aria-labelledby="custom-heading">
				<h2 id="custom-heading">Custom venue model</h2>
				<p class="note">For sites you added with the custom model, and the popup's "Custom" venue.</p>
				<div class="grid">
					<DecimalField
						id="custom-maintenance"
						label="Custom maintenance margin rate"
						unit="%"
						value={form.custom.maintenancePercent}
						error={errors['custom-maintenance']}
						onInput={text => update({custom: {...form.custom, maintenancePercent: text}})}
					/>
					<DecimalField
						id="custom-taker"
						label="Custom taker fee"
						unit="%"
						value={form.custom.takerPercent}
						error={errors['custom-taker']}
						onInput={text => update({custom: {...form.custom, takerPercent: text}})}
					/>
					<DecimalField
						id="custom-maker"
						label="Custom maker fee"
						unit="%"
						value={form.custom.makerPercent}
						error={errors['custom-maker']}
						onInput={text => update({custom: {...form.custom, makerPercent: text}})}
					/>
				</div>
			</section>

			<div class="actions" role="group" aria-label="Save and files">
				<button type="button" class="primary" disabled={!checked.settings || !isDirty} onClick={() => void save()}>
					Save
				</button>
				<span class="dirty">
					{Object.keys(errors).length > 0
						? `${Object.keys(errors).length} field(s) to fix before saving.`
						: isDirty
							? 'Unsaved changes.'
							: ''}
				</span>
				<button type="button" onClick={() => (props.onExport ?? (() => {}))(exportSettings(saved))}>
					Export settings
				</button>
				<button type="button" onClick={() => void reset()}>
					Reset to defaults
				</button>
			</div>
			<div class="card import">
				<label for="import-json">Import settings (paste an exported file)</label>
				<textarea id="import-json" rows={3} value={importText} onInput={event => setImportText((event.currentTarget as HTMLTextAreaElement).value)} />
				<label for="import-file">Or choose a file</label>
				<input
					id="import-file"
					type="file"
					accept="application/json,.json"
					onChange={event => {
						const file = (event.currentTarget as HTMLInputElement).files?.[0];
						if (file) void file.text().then(setImportText);
					}}
				/>
				<button type="button" disabled={importText.trim() === ''} onClick={() => void runImport()}>
					Import
				</button>
			</div>
			<p class={`status status--${status?.kind ?? 'none'}`} role="status" aria-live="polite">
				{status?.text ?? ''}
			</p>
		</main>
	);
}
