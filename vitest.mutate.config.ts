import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant (stryker.config.mjs). scripts/mutate.sh names
// the folder's own test folder(s) in PRT_MUTATE_TESTS: a folder's mutants must be killed by the
// tests written for it, and each mutant then runs a few files instead of half the suite (which
// took over a minute per mutant on the shared machine). Left out always: the e2e tests (they need
// dist/, Wine, pwsh), the signal and race tests of the trace (real signals and timing), the fault
// matrix (minutes per run) and the esbuild start-up graph check.
const folders = (process.env.PRT_MUTATE_TESTS ?? 'test/unit').split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: folders.flatMap((folder) => [`${folder}/**/*.test.ts`, `${folder}/**/*.test.tsx`]),
    exclude: [
      'test/unit/trace/cli.test.ts',
      'test/unit/trace/watch-race.test.ts',
      'test/unit/trace/faults.test.ts',
      'test/unit/startup-path.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
