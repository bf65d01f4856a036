// Sums the suites' result files into the one closing line CI reads: "Tests: N passed, N failed".
import { readFileSync } from 'node:fs';

const [vitestFile, pesterFile] = process.argv.slice(2);
const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const vitest = read(vitestFile);
const pester = read(pesterFile);
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
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
