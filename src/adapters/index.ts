/**
 * The explicit registry of site adapters, alphabetical. A meta-test checks every file in this folder is listed.
 */
import type {Adapter} from './define-adapter.js';

export const ADAPTERS: readonly Adapter[] = [
	// one line per adapter, alphabetical
];

export function adapterById(id: string): Adapter | undefined {
	return ADAPTERS.find(adapter => adapter.id === id);
}
