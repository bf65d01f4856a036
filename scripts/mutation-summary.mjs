// Prints the figures of the Stryker runs (reports/mutation/<folder>/mutation.json, written by
// npm run mutate): per folder the mutants by status and the score, then every mutant that is not
// killed, with its place and replacement, for test/mutation/SUMMARY.md.
//   node scripts/mutation-summary.mjs [folder…]     (--list: also list the unkilled mutants)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const list = args.includes('--list');
const base = 'reports/mutation';
const wanted = args.filter((a) => a !== '--list');
const folders = wanted.length > 0 ? wanted : existsSync(base) ? readdirSync(base) : [];

const statuses = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'RuntimeError', 'CompileError'];
console.log(`| folder | mutants | ${statuses.join(' | ')} | score (killed+timeout / valid, ignored left out) |`);
console.log(`|---|---|${statuses.map(() => '---').join('|')}|---|`);
const unkilled = [];
for (const folder of folders) {
  const file = join(base, folder, 'mutation.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const count = Object.fromEntries(statuses.map((s) => [s, 0]));
  for (const [path, source] of Object.entries(report.files)) {
    const lines = source.source.split('\n');
    for (const m of source.mutants) {
      count[m.status] = (count[m.status] ?? 0) + 1;
      if (m.status !== 'Killed' && m.status !== 'Timeout') {
        const at = m.location.start;
        const original = lines[at.line - 1].trim();
        unkilled.push(`${m.status} ${path}:${at.line}:${at.column} ${m.mutatorName}: ${original.slice(0, 140)} → ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}${m.statusReason && m.status === 'Ignored' ? ` (${m.statusReason})` : ''}`);
      }
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const total = Object.values(count).reduce((a, b) => a + b, 0);
  console.log(`| ${folder} | ${total} | ${statuses.map((s) => count[s]).join(' | ')} | ${valid ? ((100 * detected) / valid).toFixed(1) : '-'} % |`);
}
if (list) for (const line of unkilled) console.log(line);
