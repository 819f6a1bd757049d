/** Fuzz case count per property: `FUZZ_RUNS` (npm test: 200; `npm run fuzz`: 10,000). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200) || 200);
/** Seed for reproduction: `FUZZ_SEED=123 npm run fuzz`; fast-check prints the seed and path of any failure. */
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
export const fuzzParameters = (numRuns = FUZZ_RUNS) => (FUZZ_SEED === undefined ? {numRuns} : {numRuns, seed: FUZZ_SEED});
