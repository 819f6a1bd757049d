/** Fuzz case count per property: `FUZZ_RUNS` (npm test: 200; `npm run fuzz`: 10,000). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200) || 200);
/**
 * The seed comes from the global fast-check configuration (test/setup/fast-check.ts): fixed in `npm test`, random
 * in `npm run fuzz`, `FUZZ_SEED=<n>` to replay a failure.
 */
export const fuzzParameters = (numRuns = FUZZ_RUNS) => ({numRuns});
/** A test timeout that grows with the case count (a DOM mutation case costs ~15 ms on 2 cores), never below 30 s. */
export const fuzzTimeout = (msPerCase: number, numRuns = FUZZ_RUNS) => Math.max(30_000, numRuns * msPerCase);
