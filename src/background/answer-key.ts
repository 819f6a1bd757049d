/**
 * A digest of an `evaluateDraft` answer, without its revision: two answers with the same key say the same thing.
 *
 * Why: on a live page the form is read again at every mark-price tick, and the answer is often word for word the
 * one before (a limit order's figures do not move with the mark). The content script keeps the objects of the answer
 * it shows when the key repeats, so the panel re-renders only the parts whose inputs changed (panel.tsx, `Memo`),
 * and the page's main thread does no comparison of its own: the worker hashes, off that thread.
 * SHA-256, not a quick hash: the page shapes what is hashed (its form's values), and a key it could make collide
 * would keep an old answer on screen for a new order.
 */
import type {EvaluateDraftResult, PartKeys} from '../messaging/protocol.js';

type Answer = Omit<EvaluateDraftResult, 'revision' | 'answerKey' | 'partKeys'> & Partial<Pick<EvaluateDraftResult, 'revision' | 'answerKey' | 'partKeys'>>;

async function sha256(value: unknown): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value)));
	return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('');
}

export function answerKey(result: Answer): Promise<string> {
	const {revision: _revision, answerKey: _key, partKeys: _parts, ...answer} = result;
	return sha256(answer);
}

/**
 * Keys of the parts of the answer that the panel renders on their own and that a mark-price tick seldom changes
 * (the distance to liquidation does, so the whole answer's key changes at every tick): each side's warnings, the
 * figures' assumptions, and the source line's inputs. A side not computed counts as such in each.
 */
export async function partKeys(result: Answer): Promise<PartKeys> {
	const sides = [result.assessment.long, result.assessment.short].map(side => (side === undefined ? null : side.ok ? side.assessment : false));
	const [warnings, assumptions, source] = await Promise.all([
		sha256(sides.map(side => (side ? side.warnings : side))),
		sha256(sides.map(side => (side ? side.figures.assumptions : side))),
		sha256([result.market ?? null, sides.map(side => (side ? side.figures.parameterSource : side))]),
	]);
	return {warnings, assumptions, source};
}
