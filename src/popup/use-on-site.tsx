/**
 * "Use LiqGuard on this site": shown when the active tab is an https page no built-in adapter
 * supports. The click asks for the origin's optional host permission (the browser's prompt needs this user
 * gesture, so `onUse` must call `permissions.request` before anything else), saves the site with the chosen
 * venue model in `customSites`, and has the background register + inject the content script.
 */
import {useState} from 'preact/hooks';
import {VENUE_IDS, type VenueId} from '../core/types.js';
import {SelectField} from '../ui/components/choice-field.js';
import {VENUE_CATALOGUE} from '../core/venues/catalogue.js';

export type UseOnSiteOutcome = {ok: true; injected: boolean} | {ok: false; reason: string};

export function UseOnSite(props: {
	origin: string;
	/** Already in `customSites`: say so instead of offering the button. */
	addedVenue?: VenueId;
	onUse: (origin: string, venue: VenueId) => Promise<UseOnSiteOutcome>;
}) {
	const [venue, setVenue] = useState<VenueId>('custom');
	const [status, setStatus] = useState<string | undefined>(undefined);
	if (props.addedVenue !== undefined) {
		return (
			<section class="card" aria-labelledby="site-heading">
				<h2 id="site-heading">This site</h2>
				<p class="note">
					LiqGuard reads order forms on {props.origin} with the {VENUE_CATALOGUE[props.addedVenue].name} model. Remove it in Settings.
				</p>
			</section>
		);
	}
	const use = () => {
		setStatus('Asking the browser for access…');
		// Called synchronously inside the click: permissions.request needs the user gesture.
		void props.onUse(props.origin, venue).then(
			outcome =>
				setStatus(
					outcome.ok
						? outcome.injected
							? `LiqGuard now reads order forms on ${props.origin}.`
							: `Added ${props.origin}; reload the page to start.`
						: outcome.reason,
				),
			// permissions.request and the storage calls can throw: "Asking…" must not stay up as if still pending.
			(error: unknown) => setStatus(`Not added: ${error instanceof Error ? error.message : String(error)}`),
		);
	};
	return (
		<section class="card" aria-labelledby="site-heading">
			<h2 id="site-heading">This site</h2>
			<p class="note">LiqGuard has no adapter for {props.origin}. It can look for the order form by its labels.</p>
			<SelectField<VenueId>
				id="site-venue"
				label="Venue model for the math"
				value={venue}
				choices={VENUE_IDS.map(id => ({value: id, label: VENUE_CATALOGUE[id].name}))}
				onChange={setVenue}
			/>
			<button type="button" onClick={use}>
				Use LiqGuard on this site
			</button>
			{status ? (
				<p class="note" role="status">
					{status}
				</p>
			) : null}
		</section>
	);
}
