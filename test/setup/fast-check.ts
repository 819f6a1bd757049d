/**
 * One seed for every fast-check property in `npm test`, so CI is reproducible: a red run can be replayed, a green
 * one does not flip on the next clone. `npm run fuzz` sets FUZZ_SEED=random to explore; a failure there prints its
 * seed, which FUZZ_SEED=<n> replays.
 */
import fc from 'fast-check';

const fromEnv = process.env.FUZZ_SEED;
const seed = fromEnv === 'random' ? (Math.random() * 2 ** 31) | 0 : Number(fromEnv ?? 20261121);
if (fromEnv === 'random') console.log(`fast-check seed ${seed} (replay with FUZZ_SEED=${seed})`);
fc.configureGlobal({...fc.readConfigureGlobal(), seed});
