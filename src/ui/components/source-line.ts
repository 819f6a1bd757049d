/**
 * The source line under the figures: where the market parameters came from, in a trader's words — "OKX position
 * tiers, fetched 3 h ago", "Bundled table, 2024-10-24 (market-data updates are off)". The time ago is computed here,
 * from the caller's clock (the core never reads one). Strings go through `t` (messages.json in the panel; the
 * English templates below in the popup, which has no locale layer yet).
 */
import type {MarketNotice} from '../../background/market-data/resolve.js';
import type {ParameterSource} from '../../core/types.js';
import {formatRateAsPercent} from '../format.js';

export type SourceTranslate = (key: string, substitutions?: readonly string[]) => string;

/** English templates, identical to src/_locales/en/messages.json (the popup's `t`). */
export const SOURCE_LINE_EN: Readonly<Record<string, string>> = {
	market_source_live: '$1, fetched $2',
	market_source_bundled: 'Bundled table, $1',
	market_source_typed: 'Maintenance rate you typed',
	market_source_none: 'No maintenance table for this market',
	market_state_pending: "fetching the venue's public data",
	market_state_unavailable: "the venue's public data is unavailable",
	market_state_disabled: 'market-data updates are off',
	market_state_unsupported: 'no keyless public table from this venue',
	market_ago_now: 'just now',
	market_ago_minutes: '$1 min ago',
	market_ago_hours: '$1 h ago',
	market_ago_days: '$1 days ago',
	market_source_default: "$1: the venue's documented default rate, not this market's",
	market_source_implied: "Maintenance rate $1 implied by the exchange's own liquidation estimate",
	market_source_range: 'Maintenance rate unknown: figures use the nearest end of $1 to $2 ($3, $4)',
	market_source_range_collateral: "Minimum collateral factor unknown: figures use the nearest end of $1 to $2 ($3, $4)",
};

export const englishSourceTranslate: SourceTranslate = (key, substitutions = []) =>
	(SOURCE_LINE_EN[key] ?? key).replace(/\$(\d)/g, (_match, digit: string) => substitutions[Number(digit) - 1] ?? '');

export function timeAgo(thenMs: number, nowMs: number, t: SourceTranslate): string {
	const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
	if (minutes < 1) return t('market_ago_now');
	if (minutes < 60) return t('market_ago_minutes', [String(minutes)]);
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return t('market_ago_hours', [String(hours)]);
	return t('market_ago_days', [String(Math.floor(hours / 24))]);
}

/** True when the figures rest on live venue data: the only case a ✓ may show. */
export function isLiveSource(notice: MarketNotice | undefined): boolean {
	return notice?.state === 'live' && notice.source?.kind === 'live';
}

/**
 * `used` is what the engine actually used (`Figures.parameterSource`): it may be a fallback the background's notice
 * cannot know of (a rate implied by the venue's own estimate, a range, a venue default). It wins when given.
 */
export function sourceLineText(notice: MarketNotice, nowMs: number, t: SourceTranslate, used?: ParameterSource): string {
	const suffix = (base: string) => (notice.state === 'live' || notice.state === 'typed' ? base : `${base} (${t(`market_state_${notice.state}`)})`);
	if (used?.kind === 'venue-default') return suffix(t('market_source_default', [used.label]));
	if (used?.kind === 'implied') return suffix(t('market_source_implied', [formatRateAsPercent(used.maintenanceMarginRate)]));
	if (used?.kind === 'range') return suffix(t(used.parameter === 'min-collateral-factor' ? 'market_source_range_collateral' : 'market_source_range', [formatRateAsPercent(used.lowRate), formatRateAsPercent(used.highRate), used.label, used.asOf]));
	const source = used?.kind === 'live' || used?.kind === 'bundled' || used?.kind === 'typed' ? used : notice.source;
	if (source?.kind === 'live') return t('market_source_live', [source.label, timeAgo(source.fetchedAtMs, nowMs, t)]);
	if (source?.kind === 'typed') return t('market_source_typed');
	return suffix(source?.kind === 'bundled' ? t('market_source_bundled', [source.asOf]) : t('market_source_none'));
}
