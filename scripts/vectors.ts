/**
 * `npm run vectors -- FILE...`: checks every vector of every file (liqguard-vectors/1), one line per vector, then
 * `N passed, M failed`. Exit 1 if any vector failed or any file is not valid.
 */
import {readFileSync} from 'node:fs';
import {formatResult, parseVectorFile, runVector} from '../src/core/vectors.js';

const files = process.argv.slice(2).filter(argument => argument !== '--');
if (files.length === 0) {
	console.error('usage: npm run vectors -- FILE...');
	process.exit(1);
}
let passed = 0;
let failed = 0;
let invalid = false;
for (const file of files) {
	let document: unknown;
	try {
		document = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		console.log(`INVALID ${file}: ${(error as Error).message}`);
		invalid = true;
		continue;
	}
	const parsed = parseVectorFile(document);
	if (!parsed.ok) {
		for (const message of parsed.errors) console.log(`INVALID ${file}: ${message}`);
		invalid = true;
		continue;
	}
	for (const warning of parsed.warnings) console.log(`WARN ${file}: ${warning}`);
	for (const vector of parsed.vectors) {
		const result = runVector(vector);
		console.log(formatResult(result));
		if (result.pass) passed++;
		else failed++;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || invalid ? 1 : 0);
