// Sums the suites' result files into the one closing line CI reads: "Tests: N passed, N failed",
// followed by the Windows-tagged suite's own count and time (it ran under Wine).
import { readFileSync } from 'node:fs';

const [vitestFile, pesterFile, windowsFile] = process.argv.slice(2);
const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const vitest = read(vitestFile);
const pester = read(pesterFile);
const windows = windowsFile ? read(windowsFile) : null;
let passed = 0;
let failed = 0;
let skipped = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
} else {
  console.error(`no vitest results in ${vitestFile}`);
  failed += 1;
}
if (pester) {
  passed += pester.Passed;
  failed += pester.Failed;
  skipped += pester.Skipped;
} else {
  console.error(`no Pester results in ${pesterFile}`);
  failed += 1;
}
let windowsNote = '';
if (windowsFile) {
  if (windows) {
    passed += windows.Passed;
    failed += windows.Failed;
    skipped += windows.Skipped;
    windowsNote = ` (Windows PowerShell under Wine: ${windows.Passed + windows.Failed + windows.Skipped} tests in ${windows.Seconds} s)`;
  } else {
    // The suite must run: a missing result is a failure, never a skip.
    console.error(`no Windows Pester results in ${windowsFile}`);
    failed += 1;
  }
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${windowsNote}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
