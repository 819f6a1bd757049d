/**
 * The options page's editable copy of the settings: text exactly as typed, converted back to `Settings` with a
 * message per field. Percent in the UI, fractions in storage (fee and volatility overrides); the thresholds are
 * already percents.
 */
import type {DecimalString} from '../core/decimal.js';
import {type RiskThresholds, THRESHOLD_SPECS, type ThresholdKey} from '../core/thresholds.js';
import {VENUE_IDS, type VenueId} from '../core/types.js';
import {
	ASSET,
	type GateMode,
	RATE_BOUNDS,
	type Settings,
	thresholdOrderProblems,
	thresholdProblem,
	VOLATILITY_MAX_RATE,
} from '../settings/settings.js';
import {type InputRule, parseUserDecimal, percentToRate, rateToPercent} from '../ui/components/parse-input.js';

export type FeeText = {takerPercent: string; makerPercent: string};
export type ReminderOverride = 'follow' | 'on' | 'off';

export type OptionsForm = {
	thresholds: Record<ThresholdKey, string>;
	gateMode: GateMode;
	remindersEnabled: boolean;
	reminderOverrides: Record<string, ReminderOverride>;
	adapters: Record<string, boolean>;
	customSites: {origin: string; venue: VenueId}[];
	volatility: {asset: string; percent: string}[];
	fees: Record<VenueId, FeeText>;
	custom: {maintenancePercent: string; takerPercent: string; makerPercent: string};
	marketDataUpdates: boolean;
};

/** Venue models that are real sites (the custom model is configured under "Custom venue"). */
export const SITE_VENUES = VENUE_IDS.filter(venue => venue !== 'custom');

function percentText(rate: DecimalString | undefined): string {
	return rate === undefined ? '' : rateToPercent(rate);
}

export function formFromSettings(settings: Settings): OptionsForm {
	const reminderOverrides: Record<string, ReminderOverride> = {};
	for (const [id, enabled] of Object.entries(settings.reminders.perVenue)) reminderOverrides[id] = enabled ? 'on' : 'off';
	return {
		thresholds: {...settings.thresholds},
		gateMode: settings.gateMode,
		remindersEnabled: settings.reminders.enabled,
		reminderOverrides,
		adapters: {...settings.adapters},
		customSites: settings.customSites.map(site => ({...site})),
		volatility: Object.entries(settings.volatility).map(([asset, rate]) => ({asset, percent: rateToPercent(rate)})),
		fees: Object.fromEntries(
			VENUE_IDS.map(venue => [
				venue,
				{takerPercent: percentText(settings.fees[venue]?.takerFeeRate), makerPercent: percentText(settings.fees[venue]?.makerFeeRate)},
			]),
		) as Record<VenueId, FeeText>,
		custom: {
			maintenancePercent: percentText(settings.custom.maintenanceMarginRate),
			takerPercent: percentText(settings.custom.takerFeeRate),
			makerPercent: percentText(settings.custom.makerFeeRate),
		},
		marketDataUpdates: settings.marketDataUpdates,
	};
}

/** Field id → message, for inline display; ids match the inputs' ids. */
export type FormErrors = Record<string, string>;

/**
 * The typing rule, in percent, of a rate that settings validation bounds as a fraction: the page flags while
 * typing exactly what saving would refuse. (Every exclusive minimum is 0, "above 0".)
 */
function percentRule(bounds: {min: string; max: string; exclusiveMin: boolean}): InputRule {
	const min = rateToPercent(bounds.min);
	const max = rateToPercent(bounds.max);
	return bounds.exclusiveMin ? {isPositive: true, max} : {isSignedAllowed: min.startsWith('-'), min, max};
}

/** Typing rules of the percent fields, from settings validation. */
export const PERCENT_RULES = {
	maintenance: percentRule(RATE_BOUNDS.maintenanceMarginRate),
	taker: percentRule(RATE_BOUNDS.takerFeeRate),
	maker: percentRule(RATE_BOUNDS.makerFeeRate),
	volatility: percentRule({min: '0', max: VOLATILITY_MAX_RATE, exclusiveMin: true}),
} as const;

function percentField(id: string, text: string, rule: InputRule, errors: FormErrors): DecimalString | undefined {
	const parsed = parseUserDecimal(text, rule);
	if (parsed.kind === 'error') errors[id] = parsed.message;
	return parsed.kind === 'ok' ? percentToRate(parsed.value) : undefined;
}

/** The settings the form describes, or the messages that stop it from being saved. */
export function settingsFromForm(form: OptionsForm, base: Settings): {settings?: Settings; errors: FormErrors} {
	const errors: FormErrors = {};
	const thresholds = {...base.thresholds};
	for (const key of Object.keys(THRESHOLD_SPECS) as ThresholdKey[]) {
		const parsed = parseUserDecimal(form.thresholds[key]);
		if (parsed.kind === 'empty') errors[`threshold-${key}`] = `Required (default ${THRESHOLD_SPECS[key].default}).`;
		else if (parsed.kind === 'error') errors[`threshold-${key}`] = parsed.message;
		else {
			const problem = thresholdProblem(key, parsed.value);
			if (problem) errors[`threshold-${key}`] = `${problem[0]!.toUpperCase()}${problem.slice(1)}.`;
			else thresholds[key] = parsed.value;
		}
	}
	if (!Object.keys(errors).some(id => id.startsWith('threshold-'))) {
		for (const [low, high] of thresholdOrderProblems(thresholds as RiskThresholds)) {
			errors[`threshold-${low}`] = `Must not be above "${THRESHOLD_SPECS[high].label}" (${thresholds[high]}).`;
		}
	}

	const volatility: Record<string, DecimalString> = {};
	form.volatility.forEach((row, index) => {
		const asset = row.asset.trim().toUpperCase();
		if (!ASSET.test(asset)) errors[`volatility-asset-${index}`] = 'Enter an asset symbol like BTC.';
		else if (asset in volatility) errors[`volatility-asset-${index}`] = `${asset} is listed twice.`;
		const rate = percentField(`volatility-percent-${index}`, row.percent, PERCENT_RULES.volatility, errors);
		if (rate === undefined && !errors[`volatility-percent-${index}`]) errors[`volatility-percent-${index}`] = 'Required.';
		if (rate !== undefined) volatility[asset] = rate;
	});

	const fees: Settings['fees'] = {};
	for (const venue of VENUE_IDS) {
		const text = form.fees[venue];
		const takerFeeRate = percentField(`fee-${venue}-taker`, text.takerPercent, PERCENT_RULES.taker, errors);
		const makerFeeRate = percentField(`fee-${venue}-maker`, text.makerPercent, PERCENT_RULES.maker, errors);
		if (takerFeeRate !== undefined || makerFeeRate !== undefined) {
			fees[venue] = {...(takerFeeRate === undefined ? {} : {takerFeeRate}), ...(makerFeeRate === undefined ? {} : {makerFeeRate})};
		}
	}

	const custom: Settings['custom'] = {};
	const maintenanceMarginRate = percentField('custom-maintenance', form.custom.maintenancePercent, PERCENT_RULES.maintenance, errors);
	const takerFeeRate = percentField('custom-taker', form.custom.takerPercent, PERCENT_RULES.taker, errors);
	const makerFeeRate = percentField('custom-maker', form.custom.makerPercent, PERCENT_RULES.maker, errors);
	if (maintenanceMarginRate !== undefined) custom.maintenanceMarginRate = maintenanceMarginRate;
	if (takerFeeRate !== undefined) custom.takerFeeRate = takerFeeRate;
	if (makerFeeRate !== undefined) custom.makerFeeRate = makerFeeRate;

	if (Object.keys(errors).length > 0) return {errors};
	const perVenue: Record<string, boolean> = {};
	for (const [id, override] of Object.entries(form.reminderOverrides)) if (override !== 'follow') perVenue[id] = override === 'on';
	return {
		errors,
		settings: {
			...base,
			thresholds,
			gateMode: form.gateMode,
			reminders: {enabled: form.remindersEnabled, perVenue},
			adapters: {...form.adapters},
			customSites: form.customSites.map(site => ({...site})),
			volatility,
			fees,
			custom,
			marketDataUpdates: form.marketDataUpdates,
		},
	};
}
