import {DEFAULT_ENGINE_SETTINGS, type EngineSettings} from './engine-settings.js';
import type {AssessInput, Assessment, Result} from './types.js';

/** STUB — being implemented (issue 2). */
export function assess(input: AssessInput, settings: EngineSettings = DEFAULT_ENGINE_SETTINGS): Result<Assessment> {
	void input;
	void settings;
	return {ok: false, issues: [{field: 'venue', code: 'unsupported', message: 'engine not implemented yet'}]};
}
