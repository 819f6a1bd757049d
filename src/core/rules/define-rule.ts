/**
 * A warning rule: pure and synchronous, it decides from figures the engine already computed (formulas live in
 * src/core) and the user's thresholds. At most one warning per rule. The id equals the file name and never changes.
 */
import type {Dec} from '../decimal.js';
import type {ThresholdKey} from '../thresholds.js';
import type {AssessInput, Figures, Severity} from '../types.js';

export type RuleContext = {
	figures: Figures;
	input: AssessInput;
	thresholds: Readonly<Record<ThresholdKey, Dec>>;
};

/** `messageKey` names a `rule_…` entry of src/_locales/en/messages.json; substitutions fill $1, $2, … in order. */
export type RuleHit = {severity: Severity; messageKey: string; substitutions: readonly string[]};

export type Rule = {
	readonly id: string;
	readonly title: string;
	/** One sentence, for the options page and the README rule table. */
	readonly description: string;
	/** The thresholds this rule reads (the options page groups them). */
	readonly thresholds: readonly ThresholdKey[];
	evaluate(context: RuleContext): RuleHit | undefined;
};

export function defineRule(rule: Rule): Rule {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) throw new Error(`rule id "${rule.id}" is not kebab-case`);
	return Object.freeze(rule);
}
