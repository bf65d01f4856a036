// Mutation testing of the logic (issue #12): `npm run mutate` (scripts/mutate.sh) runs one folder
// at a time with `--mutate`; this file holds what every run shares. Results: test/mutation/SUMMARY.md.
// scripts/mutate.sh names the folder in PRT_MUTATE_SCOPE so each folder keeps its own
// incremental file and report (a run over one folder would otherwise drop the others' results).
const scope = process.env.PRT_MUTATE_SCOPE ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Data, not logic: the knowledge-base rows are checked against independent sources instead.
  mutate: [
    'src/util/**/*.ts',
    'src/codes/**/*.ts',
    '!src/codes/kb/**',
    // Generated from the Windows SDK headers; test/unit/codes/sdk-names.test.ts checks it against them.
    '!src/codes/names/table.ts',
    'src/diagnose/**/*.ts',
    'src/dsreg/**/*.ts',
    'src/events/**/*.ts',
    'src/trace/engine.ts',
    'src/trace/undo.ts',
    'src/safety/**/*.ts',
  ],
  ignorePatterns: ['dist', 'NuGet', 'reports', 'test/e2e', 'test/pester', 'test/winhost', 'test/remoting', '.cache'],
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  incremental: true,
  incrementalFile: `reports/mutation/${scope}/incremental.json`,
  jsonReporter: { fileName: `reports/mutation/${scope}/mutation.json` },
  htmlReporter: { fileName: `reports/mutation/${scope}/mutation.html` },
  // A static mutant (a module-level constant: a code-page table, a regex list) is live from import,
  // so Stryker would rerun every related test file for each one: hours on this shared machine.
  // They are counted as "ignored" in the report and listed in test/mutation/SUMMARY.md.
  ignoreStatic: true,
  // vitest strips types without checking them, so Stryker need not write `// @ts-nocheck` into the
  // sandbox's files; it would also make the checked-in name table differ from what the headers give.
  disableTypeChecks: false,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
