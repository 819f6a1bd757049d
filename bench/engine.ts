/**
 * The engine in Node: µs per assessment, median and p95 of 30 timed batches after a JIT warm-up. Each call assesses
 * a different order, as typing does (997 variants: a prime, so no batch lines up with the cycle), so no cache keyed
 * on the values can answer a repeat.
 */
import {assess} from '../src/core/assess.js';
import {DEFAULT_ENGINE_SETTINGS} from '../src/core/engine-settings.js';
import type {AssessInput, OtherPosition} from '../src/core/types.js';
import {stats} from './stats.js';

function measure(inputs: readonly AssessInput[], run: (input: AssessInput) => unknown, batch: number): {p50: number; p95: number} {
	let next = 0;
	const step = () => {
		run(inputs[next]!);
		next = (next + 1) % inputs.length;
	};
	for (let i = 0; i < batch * 3; i++) step();
	const samples: number[] = [];
	for (let b = 0; b < 30; b++) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < batch; i++) step();
		samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
	}
	return stats(samples);
}

function variants(base: AssessInput): AssessInput[] {
	return Array.from({length: 997}, (_, i) => {
		const entry = 60000 + ((i * 37) % 1500) - 750;
		const variant: AssessInput = {...base, quantity: `0.${101 + ((i * 7) % 899)}`, entryPrice: String(entry), leverage: String(5 + (i % 20))};
		if (base.markPrice !== undefined) variant.markPrice = String(entry + 10 + (i % 9));
		if (base.stopLossPrice !== undefined) variant.stopLossPrice = String(entry - 1500 - (i % 11) * 10);
		if (base.takeProfitPrice !== undefined) variant.takeProfitPrice = String(entry + 3000 + (i % 13) * 10);
		if (base.venueLiquidationPrice !== undefined) variant.venueLiquidationPrice = String(entry - 2200 - (i % 17));
		return variant;
	});
}

export type EngineResult = {name: string; p50: number; p95: number}[];

export function engineSuite(): EngineResult {
	const full: AssessInput = {
		venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', marginMode: 'isolated', quantity: '0.25', entryPrice: '60000', markPrice: '60010',
		leverage: '25', fundingRate: '0.0001', stopLossPrice: '58500', takeProfitPrice: '63000', walletBalance: '5000', venueLiquidationPrice: '57800',
	};
	const others: OtherPosition[] = Array.from({length: 100}, (_, i) => ({
		side: i % 2 ? 'long' : 'short', quantity: String(1 + (i % 7)), entryPrice: String(100 + i), markPrice: String(101 + i), maintenanceMarginRate: '0.01',
	}));
	const fullInputs = variants(full);
	const crossInputs = variants({...full, marginMode: 'cross', walletBalance: '250000', otherPositions: others});
	// A rejected input would time the early return, not the assessment.
	for (const input of [...fullInputs, ...crossInputs]) if (!assess(input).ok) throw new Error(`bench input rejected: quantity ${input.quantity}`);
	return [
		{name: 'full assessment (stop, TP, funding, odds, sizer, venue check)', ...measure(fullInputs, input => assess(input), 200)},
		{name: 'the page panel\'s assessment (one side of an edit)', ...measure(fullInputs, input => assess(input, DEFAULT_ENGINE_SETTINGS, {detail: 'panel'}), 200)},
		{name: 'cross margin with 100 other positions', ...measure(crossInputs, input => assess(input), 50)},
	];
}
