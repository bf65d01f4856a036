// Before an incremental Stryker run: forget the results of the mutants that were not killed, so
// they are tested again. Stryker reuses a survivor's result while its code and the tests that
// covered it are unchanged, so a test added in a new file never gets to kill it (seen on
// src/codes/text.ts: a new test file killed 3 "survived" mutants when applied by hand). Killed
// results stay (Stryker re-checks them against changed code and tests); static mutants stay too:
// they are out of the score (scripts/mutation-summary.mjs) and slow to run.
//   node scripts/mutation-retest.mjs reports/mutation/<folder>/incremental.json
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/mutation-retest.mjs <incremental.json>');
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let dropped = 0;
  for (const source of Object.values(report.files)) {
    const before = source.mutants.length;
    source.mutants = source.mutants.filter((m) => m.static || (m.status !== 'Survived' && m.status !== 'NoCoverage'));
    dropped += before - source.mutants.length;
  }
  writeFileSync(file, JSON.stringify(report));
  console.error(`mutation-retest: ${dropped} mutants not killed last time will be tested again (${file})`);
}
