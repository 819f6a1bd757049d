/**
 * Engine benchmark (Node): µs per full assessment, cross margin with 100 other positions, and the tier search on
 * the largest bundled table. Median and p95 over repeated timed batches; `--json FILE` also writes the figures.
 */
import {writeFileSync} from 'node:fs';
import os from 'node:os';
import {DEFAULT_ENGINE_SETTINGS, assess, type AssessInput, type OtherPosition} from '../src/core/index.js';
import {InputReader} from '../src/core/input.js';
import {solveLiquidation} from '../src/core/liquidation.js';
import {normaliseTiers} from '../src/core/tiers.js';
import {BUNDLED_TIERS} from '../src/core/data/tiers.js';
import {D} from '../src/core/decimal.js';

type Figure = {name: string; value: number; unit: string; budget?: number; pass?: boolean; p95?: number};

function measure(label: string, run: () => void, batch: number, batches: number): {median: number; p95: number} {
	for (let i = 0; i < batch * 3; i++) run(); // warm up the JIT
	const samples: number[] = [];
	for (let b = 0; b < batches; b++) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < batch; i++) run();
		samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
	}
	samples.sort((a, b) => a - b);
	const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
	void label;
	return {median: pick(0.5), p95: pick(0.95)};
}

const full: AssessInput = {
	venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'isolated', quantity: '0.25', entryPrice: '60000',
	markPrice: '60010', leverage: '25', fundingRate: '0.0001', stopLossPrice: '58500', takeProfitPrice: '63000', walletBalance: '5000',
	venueLiquidationPrice: '57800',
};
const minimal: AssessInput = {venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', quantity: '0.25', entryPrice: '60000', leverage: '25'};
const others: OtherPosition[] = Array.from({length: 100}, (_, i) => ({
	side: i % 2 ? 'long' : 'short', quantity: String(1 + (i % 7)), entryPrice: String(100 + i), markPrice: String(101 + i), maintenanceMarginRate: '0.01',
}));
const cross: AssessInput = {...full, marginMode: 'cross', walletBalance: '250000', otherPositions: others};

/**
 * Each timed call assesses a different order, as typing does: 997 variants (a prime, so no batch lines up with the
 * cycle) of the size, the prices and the leverage. No cache keyed on the values can serve a repeat from memory.
 */
function variants(base: AssessInput): AssessInput[] {
	return Array.from({length: 997}, (_, i) => {
		const entry = 60000 + ((i * 37) % 1500) - 750;
		const variant: AssessInput = {...base, quantity: `0.${String(101 + ((i * 7) % 899)).padStart(3, '0')}`, entryPrice: String(entry), leverage: String(5 + (i % 20))};
		if (base.markPrice !== undefined) variant.markPrice = String(entry + 10 + (i % 9));
		if (base.stopLossPrice !== undefined) variant.stopLossPrice = String(entry - 1500 - (i % 11) * 10);
		if (base.takeProfitPrice !== undefined) variant.takeProfitPrice = String(entry + 3000 + (i % 13) * 10);
		if (base.venueLiquidationPrice !== undefined) variant.venueLiquidationPrice = String(entry - 2200 - (i % 17));
		return variant;
	});
}
function cycle(inputs: readonly AssessInput[], run: (input: AssessInput) => unknown): () => void {
	let next = 0;
	return () => {
		run(inputs[next]!);
		next = next + 1 === inputs.length ? 0 : next + 1;
	};
}
const fullInputs = variants(full);
const minimalInputs = variants(minimal);
const crossInputs = variants(cross);
// Every variant is a valid order (a failed validation would time the early return, not the assessment).
for (const input of [...fullInputs, ...minimalInputs, ...crossInputs]) {
	if (!assess(input).ok) throw new Error(`bench input rejected: ${JSON.stringify({...input, otherPositions: undefined})}`);
}

const figures: Figure[] = [];
const add = (name: string, result: {median: number; p95: number}, budget?: number) =>
	figures.push({name, value: +result.median.toFixed(2), p95: +result.p95.toFixed(2), unit: 'µs', ...(budget === undefined ? {} : {budget, pass: result.median <= budget})});

add('engine: assess, full (stop, TP, funding, odds, sizer, venue check)', measure('full', cycle(fullInputs, input => assess(input)), 200, 30), 20);
add('engine: assess, the same order as the page panel asks (no PnL ladder, no sizer; one side of an edit)', measure('panel', cycle(fullInputs, input => assess(input, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'})), 200, 30));
add('engine: assess, minimal (size, price, leverage)', measure('minimal', cycle(minimalInputs, input => assess(input)), 200, 30));
add('engine: assess, cross with 100 other positions', measure('cross', cycle(crossInputs, input => assess(input)), 50, 30), 1000);
const reader = new InputReader({});
const table = normaliseTiers(BUNDLED_TIERS['binance-usdm']!.BTC!.tiers, reader)!;
add(`engine: tier search, ${table.length}-tier table, liquidation in the last tier`, measure('tiers', () =>
	solveLiquidation({sign: 1, quantity: new D(30000), entryPrice: new D(60000), backingMargin: new D(900000000), tiers: table}), 500, 30));

const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, node ${process.version}`;
console.log(`LiqGuard engine benchmark — ${machine}`);
for (const figure of figures) {
	const budget = figure.budget === undefined ? '' : `  budget ≤ ${figure.budget} ${figure.unit}  ${figure.pass ? 'PASS' : 'MISS'}`;
	console.log(`${figure.name.padEnd(78)} median ${String(figure.value).padStart(8)} ${figure.unit}  p95 ${String(figure.p95).padStart(8)}${budget}`);
}
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0 && process.argv[jsonAt + 1]) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({machine, figures}, null, 2));
