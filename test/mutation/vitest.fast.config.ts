import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.mutate.config.js';

// vitest.mutate.config.ts with more test files left out (PRT_MUTATE_EXCLUDE, comma-separated
// globs): for a folder whose own tests include whole simulated runs that cover every mutant.
// With them a surviving mutant of src/trace took minutes (each of ~30 simulated traces runs),
// which the shared machine could not afford. A score measured this way is a lower bound: the
// left-out tests can only kill more. Used by test/mutation/stryker.fast.config.mjs.
const moreExcluded = (process.env.PRT_MUTATE_EXCLUDE ?? '').split(',').filter(Boolean);

export default mergeConfig(base, defineConfig({ test: { exclude: moreExcluded } }));
