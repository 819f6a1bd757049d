/**
 * The pre-submit gate's decision, as a pure function.
 *
 * Guarantees:
 * - It only ever holds the user's own event; LiqGuard never clicks, never re-dispatches.
 * - It fails open: without a reply for the form exactly as it is now, in confirm mode, with a danger on the side
 *   of the control used, the submit goes through. A bug or a slow worker must never block a trade.
 * - A danger is a danger warning, or a side the engine could not compute because the venue would refuse the order
 *   as typed (leverage above its cap for the size): that order must not read as checked.
 * - "I understand" arms a one-shot allowance for 15 s, for the order it was shown for: the same side and the same
 *   order (symbol, type, price, size, leverage, margin mode, stop, take-profit). Any change ends it.
 */
import type {DraftAssessment} from '../core/assess-draft.js';
import {notComputedSeverity} from '../core/all-clear.js';
import type {OrderDraft} from '../core/draft.js';
import type {Side, Warning} from '../core/types.js';
import type {GateMode} from '../settings/settings.js';
import {explainIssue} from '../ui/explain-issue.js';

export const ALLOWANCE_MS = 15_000;
/** A request pending longer than this counts as "no reply": the panel shows an error and the gate lets submits through. */
export const REPLY_TIMEOUT_MS = 300;

/** What "I understand" allows: one submit, until `untilMs`, of this side and this order. */
export type Allowance = {untilMs: number; side: Side | 'both'; orderKey: string};

export type GateInput = {
	/** From the latest reply; undefined when there is none. */
	mode: GateMode | undefined;
	/** The latest reply is for the current revision and the form has not changed since. */
	isFresh: boolean;
	/** The side of the control used ('both' when the form's side is unknown and the control is generic). */
	side: Side | 'both';
	assessment: DraftAssessment | undefined;
	/** The acknowledged allowance, if any. */
	allowance: Allowance | undefined;
	/** `orderKey` of the form as it is at the submit. */
	orderKey: string;
	/** The market, so a refusal's amounts name their currency. */
	symbol?: string;
	nowMs: number;
};

export type GateDecision =
	| {action: 'pass'; reason: 'not-confirm-mode' | 'unchecked' | 'no-danger' | 'allowance'}
	| {action: 'hold'; side: Side | 'both'; warnings: readonly Warning[]};

/** Rule id of the gate's notice for a side the venue would refuse (not a rule of src/core/rules: there are no figures). */
export const NOT_COMPUTED_RULE = 'not-computed';

/** What the user sets, the order itself, as against market state that ticks on its own (mark, balance, funding). */
export const ORDER_FIELDS = ['adapter', 'venue', 'contractValue', 'symbol', 'side', 'orderType', 'price', 'size', 'leverage', 'marginMode', 'stopLoss', 'takeProfit'] as const;

/**
 * The order a held notice, an allowance and a standing answer are for (`ORDER_FIELDS`, each as its value when read,
 * else its read state). The form's side is in it; the side of the control used is kept beside it in the allowance (a
 * two-button form reads 'both').
 */
export function orderKey(draft: OrderDraft): string {
	const value = (read: unknown) => {
		if (typeof read !== 'object' || read === null) return read ?? null;
		const field = read as {state: string; value?: unknown};
		return field.state === 'ok' ? field.value : field.state;
	};
	return JSON.stringify(ORDER_FIELDS.map(field => value(draft[field])));
}

export function dangerWarnings(assessment: DraftAssessment | undefined, side: Side | 'both', symbol?: string): Warning[] {
	const result: Warning[] = [];
	for (const candidate of ['long', 'short'] as const) {
		if (side !== 'both' && side !== candidate) continue;
		const assessed = assessment?.[candidate];
		if (assessed && !assessed.ok) {
			if (notComputedSeverity(assessed) !== 'danger' || result.some(seen => seen.rule === NOT_COMPUTED_RULE)) continue;
			const issue = assessed.issues.find(candidateIssue => candidateIssue.code === 'above-venue-max') ?? assessed.issues[0]!;
			const {reason} = explainIssue(issue, symbol);
			// The reason's substitutions are plain text for these issues (no nested labels).
			const substitutions = reason.substitutions.map(part => (typeof part === 'string' ? part : ''));
			result.push({rule: NOT_COMPUTED_RULE, severity: 'danger', message: issue.message, messageKey: reason.key, substitutions});
			continue;
		}
		if (!assessed?.ok) continue;
		for (const warning of assessed.assessment.warnings) {
			if (warning.severity === 'danger' && !result.some(seen => seen.rule === warning.rule)) result.push(warning);
		}
	}
	return result;
}

/** The allowance stands for this submit: in time, same side, same order. */
export function allowanceCovers(allowance: Allowance | undefined, side: Side | 'both', key: string, nowMs: number): boolean {
	return allowance !== undefined && nowMs <= allowance.untilMs && allowance.side === side && allowance.orderKey === key;
}

export function decideGate(input: GateInput): GateDecision {
	if (!input.isFresh || input.assessment === undefined || input.mode === undefined) return {action: 'pass', reason: 'unchecked'};
	if (input.mode !== 'confirm') return {action: 'pass', reason: 'not-confirm-mode'};
	const warnings = dangerWarnings(input.assessment, input.side, input.symbol);
	if (warnings.length === 0) return {action: 'pass', reason: 'no-danger'};
	if (allowanceCovers(input.allowance, input.side, input.orderKey, input.nowMs)) return {action: 'pass', reason: 'allowance'};
	return {action: 'hold', side: input.side, warnings};
}
