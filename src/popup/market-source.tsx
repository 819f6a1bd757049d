/**
 * The popup's market parameters: asked of the background (the same answer the panel's figures use), shown as a
 * source line, and — when the engine reports a missing maintenance rate — a field to type it, remembered per venue
 * and market (storage.local) and used by the panel too.
 */
import {useEffect, useState} from 'preact/hooks';
import type {MarketNotice} from '../background/market-data/resolve.js';
import type {MarketParams} from '../core/market-params.js';
import type {InputIssue, ParameterSource, VenueId} from '../core/types.js';
import {englishSourceTranslate, sourceLineText} from '../ui/components/source-line.js';
import {parseUserDecimal, percentToRate} from '../ui/components/parse-input.js';

export type MarketAnswer = {params: MarketParams | null; notice: MarketNotice};

/** What main.tsx wires to the background and storage.local. */
export type MarketApi = {
	params(venue: VenueId, symbol: string, marginMode: 'isolated' | 'cross'): Promise<MarketAnswer | undefined>;
	/** Saves the rate (a fraction) for the market; false when refused. */
	saveTypedRate(venue: VenueId, symbol: string, rate: string): Promise<boolean>;
	now(): number;
};

const ASK_DELAY_MS = 250;
/** While the worker is still fetching ('pending'), ask again this often, this many times (the panel gets a push). */
const PENDING_RETRY_MS = 1000;
const PENDING_RETRIES = 10;

/** The background's answer for the form's market, re-asked when the venue, symbol or margin mode change. */
export function useMarketAnswer(api: MarketApi | undefined, venue: VenueId, symbol: string, marginMode: 'isolated' | 'cross'): {answer?: MarketAnswer; reload(): void} {
	const [answer, setAnswer] = useState<MarketAnswer | undefined>(undefined);
	const [generation, setGeneration] = useState(0);
	const trimmed = symbol.trim();
	useEffect(() => {
		setAnswer(undefined);
		if (!api || trimmed === '' || venue === 'custom') return undefined;
		let isCurrent = true;
		let timer: ReturnType<typeof setTimeout>;
		const ask = (retriesLeft: number) => {
			void api.params(venue, trimmed, marginMode).then(reply => {
				if (!isCurrent) return;
				setAnswer(reply);
				// A cold cache answers 'pending' at once and fetches: the popup has no push, so it asks again.
				if (reply?.notice.state === 'pending' && retriesLeft > 0) timer = setTimeout(() => ask(retriesLeft - 1), PENDING_RETRY_MS);
			}).catch(() => undefined);
		};
		timer = setTimeout(() => ask(PENDING_RETRIES), ASK_DELAY_MS);
		return () => {
			isCurrent = false;
			clearTimeout(timer);
		};
	}, [api, venue, trimmed, marginMode, generation]);
	return {answer, reload: () => setGeneration(value => value + 1)};
}

export function MarketSource(props: {notice: MarketNotice; nowMs: number; used?: ParameterSource}) {
	return (
		<p class="note" data-testid="market-source" data-market-source={props.used?.kind ?? props.notice.source?.kind ?? 'none'} data-market-state={props.notice.state}>
			Parameters: {sourceLineText(props.notice, props.nowMs, englishSourceTranslate, props.used)}
		</p>
	);
}

/** True when the engine refused for want of a maintenance rate: the case the typed field exists for. */
export function needsMaintenanceRate(issues: readonly InputIssue[]): boolean {
	return issues.some(issue => issue.field === 'maintenanceMarginRate' && issue.code === 'missing');
}

export function TypedRateField(props: {venue: VenueId; symbol: string; api: MarketApi; onSaved(): void}) {
	const [text, setText] = useState('');
	const [message, setMessage] = useState<string | undefined>(undefined);
	const save = () => {
		const parsed = parseUserDecimal(text, {isPositive: true, max: '99.99'});
		if (parsed.kind !== 'ok') {
			setMessage(parsed.kind === 'error' ? parsed.message : 'Enter the rate in percent, e.g. 0.5.');
			return;
		}
		void props.api.saveTypedRate(props.venue, props.symbol, percentToRate(parsed.value)).then(saved => {
			setMessage(saved ? undefined : 'Not saved: the rate must be above 0 and below 100 %.');
			if (saved) props.onSaved();
		});
	};
	return (
		<div class="field" data-testid="typed-rate">
			<label for="calc-typed-rate">Maintenance margin rate for {props.symbol.trim().toUpperCase()} (from the venue's margin page)</label>
			<input id="calc-typed-rate" type="text" inputMode="decimal" autoComplete="off" value={text} onInput={event => setText((event.currentTarget as HTMLInputElement).value)} />
			<span class="unit">%</span>
			<button type="button" onClick={save}>
				Remember for this market
			</button>
			<p class="field__hint">Kept on this device only and used by the on-page panel too; shown as "rate you typed", never as the venue's figure.</p>
			{message ? <p class="field__error">{message}</p> : null}
		</div>
	);
}
