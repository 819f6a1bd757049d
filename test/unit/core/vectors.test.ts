import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatResult, parseVectorFile, runVector} from '../../../src/core/vectors.js';

const SHARED = join(import.meta.dirname, '../../../../shared/vectors/public.json');
const OWN = join(import.meta.dirname, '../../vectors');
const files = [
	...(existsSync(SHARED) ? [SHARED] : []),
	...readdirSync(OWN).filter(name => name.endsWith('.json')).map(name => join(OWN, name)),
];

describe.each(files)('vector file %s', file => {
	const parsed = parseVectorFile(JSON.parse(readFileSync(file, 'utf8')));
	it('is valid liqguard-vectors/1', () => {
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	});
	if (!parsed.ok) return;
	it.each(parsed.vectors.map(vector => [vector.id, vector] as const))('%s passes', (_id, vector) => {
		const result = runVector(vector);
		expect(result.pass, formatResult(result)).toBe(true);
	});
});

const minimal = () => ({
	format: 'liqguard-vectors/1',
	vectors: [
		{
			id: 'binance-fee-test-derived',
			venue: 'binance-usdm',
			source: 'https://example.test/fees',
			derived: true,
			description: 'fee',
			inputs: {quantity: '1', entryPrice: '100', takerFeeRate: '0.001'},
			expected: {takerFee: '0.1'},
			tolerance: {takerFee: '0.000001'},
			notes: '',
		},
	],
});

describe('vector file validation (README §8)', () => {
	it('accepts a minimal valid file and passes its vector', () => {
		const parsed = parseVectorFile(minimal());
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(runVector(parsed.vectors[0]!).pass).toBe(true);
	});
	const cases: [string, (file: ReturnType<typeof minimal>) => void, RegExp][] = [
		['a wrong format', file => void (file.format = 'liqguard-vectors/2'), /format/],
		['a JSON number', file => void ((file.vectors[0]!.inputs as Record<string, unknown>).quantity = 1), /JSON number/],
		['an unknown input key', file => void ((file.vectors[0]!.inputs as Record<string, unknown>).quantitty = '1'), /unknown key "quantitty"/],
		['a missing tolerance', file => void (file.vectors[0]!.tolerance = {} as never), /no tolerance/],
		['a duplicate id', file => void file.vectors.push({...file.vectors[0]!}), /duplicate id/],
		['an exponent', file => void (file.vectors[0]!.expected.takerFee = '1e-1'), /plain decimal/],
		['a missing field', file => void delete (file.vectors[0] as Partial<(typeof file.vectors)[0]>).notes, /missing field "notes"/],
		['an unknown expected key', file => void ((file.vectors[0]!.expected as Record<string, string>).profit = '1'), /unknown key "profit"/],
		['a tier basis other than notional or contracts', file => void ((file.vectors[0]!.inputs as Record<string, unknown>).tierBasis = 'usd'), /tierBasis: must be one of notional, contracts/],
	];
	it.each(cases)('rejects %s', (_name, mutate, message) => {
		const file = minimal();
		mutate(file);
		const parsed = parseVectorFile(file);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(message);
	});
	it('fails a vector whose expected value is off by more than its tolerance', () => {
		const file = minimal();
		file.vectors[0]!.expected.takerFee = '0.1000011';
		const parsed = parseVectorFile(file);
		expect(parsed.ok && runVector(parsed.vectors[0]!).pass).toBe(false);
	});
});

describe('npm run vectors (CLI)', () => {
	const run = (...args: string[]) => {
		try {
			return {code: 0, out: execFileSync('npx', ['tsx', 'scripts/vectors.ts', ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})};
		} catch (error) {
			const failure = error as {status: number; stdout: string};
			return {code: failure.status, out: failure.stdout};
		}
	};
	it('prints one line per vector and the closing count, exit 0', () => {
		const {code, out} = run(join(OWN, 'liqguard-derived.json'));
		const lines = out.trim().split('\n');
		expect(code).toBe(0);
		expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
		expect(lines.filter(line => line.startsWith('PASS ')).length).toBe(Number(lines.at(-1)!.split(' ')[0]));
	}, 30_000);
	it('exits 1 on an invalid file', () => {
		const {code, out} = run(join(import.meta.dirname, '../../../package.json'));
		expect(code).toBe(1);
		expect(out).toMatch(/INVALID/);
	}, 30_000);
});
