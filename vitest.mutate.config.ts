import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant (stryker.config.mjs): pure and fast. Left out:
// the e2e tests (they need dist/, Wine, pwsh), the signal and race tests of the trace (real
// signals and timing), the fault matrix (minutes per run) and the esbuild start-up graph check.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
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
