/**
 * The popup: quick calculator, position sizer and reminder switches. Browser APIs are injected by main.tsx,
 * so the whole popup renders in unit tests with in-memory storage.
 */
import {useCallback, useMemo, useState} from 'preact/hooks';
import type {OrderDraft} from '../core/draft.js';
import type {SaveResult, Settings} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {type Assess, Calculator} from './calculator.js';
import {type CalculatorForm, EMPTY_FORM, formFromDraft, unreadChoices} from './calculator-form.js';
import {EMPTY_SIZER, PositionSizer, type SizerForm} from './position-sizer.js';
import {RemindersToggle} from './reminders-toggle.js';
import {UseOnSite, type UseOnSiteOutcome} from './use-on-site.js';
import type {VenueId} from '../core/types.js';
import {type MarketApi, useMarketAnswer} from './market-source.js';

export type PopupProps = {
	settings: Settings;
	/** Settings problems found on read; shown so a fallback is never silent. */
	settingsErrors?: readonly string[];
	/** Saves; a result with `ok: false` (or a rejection, e.g. the sync write quota) is shown beside the switch. */
	onSaveSettings: (settings: Settings) => Promise<SaveResult> | void;
	assess: Assess;
	/** The latest order draft LiqGuard read in the active tab, if any. */
	draft?: OrderDraft;
	tabId?: number;
	session?: StorageAreaLike;
	/** `storage.local`: the sizer's list of open risks. */
	local?: StorageAreaLike;
	onOpenOptions?: () => void;
	/** Origin of the active tab when it is an http(s) page no built-in adapter supports. */
	unsupportedOrigin?: string;
	onUseOnSite?: (origin: string, venue: VenueId) => Promise<UseOnSiteOutcome>;
	/** Market parameters through the background and the typed-rate store. */
	market?: MarketApi;
};

const CHOICE_NAMES = {side: 'side', marginMode: 'margin mode'} as const;

export function PopupApp(props: PopupProps) {
	const [form, setForm] = useState<CalculatorForm>(() => (props.draft ? formFromDraft(props.draft) : EMPTY_FORM));
	const [isPrefilled, setPrefilled] = useState(props.draft !== undefined);
	const unread = props.draft ? unreadChoices(props.draft).map(choice => CHOICE_NAMES[choice]) : [];
	const [sizer, setSizer] = useState<SizerForm>(EMPTY_SIZER);
	// The sizer assesses isolated sizes of the calculator's market: with the same market parameters, per size (an
	// OKX tier depends on the contracts).
	const sizerMarket = useMarketAnswer(props.market, form.venue, form.symbol, 'isolated').answer?.params ?? undefined;
	const sizerAssess = useMemo<Assess>(
		() => (sizerMarket ? (input, settings, options) => props.assess(input, settings, {...options, market: sizerMarket}) : props.assess),
		[sizerMarket, props.assess],
	);
	const reset = useCallback(() => {
		setForm(EMPTY_FORM);
		setSizer(EMPTY_SIZER);
		setPrefilled(false);
	}, []);

	return (
		<main class="popup">
			<header class="popup__head">
				<h1>LiqGuard</h1>
				{props.onOpenOptions ? (
					<button type="button" class="link-button" onClick={props.onOpenOptions}>
						Settings
					</button>
				) : null}
			</header>
			{props.settingsErrors && props.settingsErrors.length > 0 ? (
				<p class="notice" role="status">
					Some settings were invalid and use their defaults; see Settings.
				</p>
			) : null}
			{props.unsupportedOrigin && props.onUseOnSite ? (
				<UseOnSite
					origin={props.unsupportedOrigin}
					addedVenue={props.settings.customSites.find(site => site.origin === props.unsupportedOrigin)?.venue}
					onUse={props.onUseOnSite}
				/>
			) : null}
			<Calculator
				form={form}
				onChange={setForm}
				onReset={reset}
				settings={props.settings}
				assess={props.assess}
				market={props.market}
				prefillNote={
					isPrefilled
						? `Prefilled from the order form LiqGuard read on this tab.${unread.length > 0 ? ` Not read there, left at the default: ${unread.join(', ')}.` : ''}`
						: undefined
				}
			/>
			<PositionSizer
				form={sizer}
				onChange={setSizer}
				context={{venue: form.venue, symbol: form.symbol, side: form.side, customMaintenancePercent: form.customMaintenancePercent}}
				settings={props.settings}
				assess={sizerAssess}
				local={props.local}
			/>
			<RemindersToggle
				settings={props.settings}
				onSave={props.onSaveSettings}
				activeAdapter={props.draft?.adapter}
				tabId={props.tabId}
				session={props.session}
			/>
		</main>
	);
}
