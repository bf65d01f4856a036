// Sums the suites' result files (and ESLint's, LINT_RESULTS) into the one closing line CI reads: "Tests: N passed, N failed",
// followed by the Windows-tagged suite's own count and time (it ran under Wine).
// A skipped test fails the run unless test/allowed-skips.json names it with a reason: a suite
// that quietly stops running (no Wine, no sshd, a forgotten `.skip`) must not look green.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [vitestFile, pesterFile, windowsFile] = process.argv.slice(2);
const allowListFile = fileURLToPath(new URL('../test/allowed-skips.json', import.meta.url));
const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
};
const allowed = new Set((read(allowListFile)?.allowed ?? []).map((entry) => `${entry.suite}: ${entry.name}`));

let passed = 0;
let failed = 0;
const skippedNames = [];
const vitest = read(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  for (const file of vitest.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo'].includes(test.status)) skippedNames.push(`vitest: ${test.fullName}`);
    }
  }
  // Vitest exits non-zero for an unhandled error too, which its JSON does not count as a failure.
  const exit = Number(process.env.VITEST_EXIT_CODE ?? 0);
  if (exit !== 0 && vitest.numFailedTests === 0) {
    console.error(`vitest exited ${exit} with no failed test: an unhandled error (see its output)`);
    failed += 1;
  }
} else {
  console.error(`no vitest results in ${vitestFile}`);
  failed += 1;
}

/** A Pester summary (test/pester/run.ps1): counts, and the names of skipped tests. */
function addPester(suite, summary, file) {
  if (!summary) {
    // Every suite must run: a missing result is a failure, never a skip.
    console.error(`no ${suite} results in ${file}`);
    failed += 1;
    return;
  }
  if (![summary.Passed, summary.Failed, summary.Skipped].every(Number.isInteger)) {
    console.error(`${suite} results in ${file} hold no counts: the suite did not finish`);
    failed += 1;
    return;
  }
  passed += summary.Passed;
  failed += summary.Failed;
  const names = summary.SkippedTests ?? [];
  for (const name of names) skippedNames.push(`${suite}: ${name}`);
  // Counted but not named: each one is unexplained.
  for (let i = names.length; i < summary.Skipped; i++) skippedNames.push(`${suite}: (a skipped test without a name)`);
}
addPester('pester', read(pesterFile), pesterFile);
let windowsNote = '';
if (windowsFile) {
  const windows = read(windowsFile);
  addPester('pester-windows', windows, windowsFile);
  if (windows) windowsNote = ` (Windows PowerShell under Wine: ${windows.Passed + windows.Failed + windows.Skipped} tests in ${windows.Seconds} s)`;
}

// ESLint's JSON report (scripts/test.sh): every problem is listed here and fails the run.
let lintNote = '';
let lintFailed = false;
if (process.env.LINT_RESULTS) {
  const lint = read(process.env.LINT_RESULTS);
  if (!Array.isArray(lint)) {
    console.error(`no lint results in ${process.env.LINT_RESULTS}: ESLint did not finish (see its output)`);
    lintNote = '; lint: did not run';
    lintFailed = true;
  } else {
    const problems = lint.flatMap((file) => file.messages.map((m) => `${file.filePath}:${m.line}:${m.column} ${m.ruleId ?? 'parse error'} ${m.message}`));
    for (const problem of problems) console.error(`lint: ${problem}`);
    lintNote = `; lint: ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    lintFailed = problems.length > 0;
  }
}

const unexpected = skippedNames.filter((name) => !allowed.has(name));
for (const name of unexpected) console.error(`skipped, and not on test/allowed-skips.json: ${name}`);
failed += unexpected.length;
const skipped = skippedNames.length;
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${windowsNote}${lintNote}`);
process.exitCode = failed > 0 || lintFailed || passed === 0 ? 1 : 0;
