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
import type {EvaluateDraftResult} from '../messaging/protocol.js';

export async function answerKey(result: Omit<EvaluateDraftResult, 'revision' | 'answerKey'> & {revision?: number; answerKey?: string}): Promise<string> {
	const {revision: _revision, answerKey: _key, ...answer} = result;
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(answer)));
	return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('');
}
