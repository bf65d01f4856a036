import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant (stryker.config.mjs). scripts/mutate.sh names
// each folder's own tests in PRT_MUTATE_TESTS (test folders, or single test files) and, for folders
// whose tests include whole simulated runs, the files to leave out in PRT_MUTATE_EXCLUDE: a
// folder's mutants must be killed by the tests written for it, and each mutant then runs a few
// files instead of half the suite (over a minute per mutant on this machine). A score measured
// with files left out is a lower bound: they could only kill more. Left out always: the e2e tests
// (they need dist/, Wine, pwsh), the signal and race tests of the trace (real signals and timing),
// the fault matrix (minutes per run) and the esbuild start-up graph check.
const list = (name: string, fallback = ''): string[] => (process.env[name] ?? fallback).split(',').filter(Boolean);
const isFile = (entry: string): boolean => /\.tsx?$/.test(entry);

export default defineConfig({
  test: {
    include: list('PRT_MUTATE_TESTS', 'test/unit').flatMap((entry) =>
      isFile(entry) ? [entry] : [`${entry}/**/*.test.ts`, `${entry}/**/*.test.tsx`],
    ),
    exclude: [
      'test/unit/trace/cli.test.ts',
      'test/unit/trace/watch-race.test.ts',
      'test/unit/trace/faults.test.ts',
      'test/unit/startup-path.test.ts',
      ...list('PRT_MUTATE_EXCLUDE'),
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
