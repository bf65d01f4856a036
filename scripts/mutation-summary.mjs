// Prints the figures of the Stryker runs (reports/mutation/<folder>/mutation.json, written by
// npm run mutate): per folder the mutants by status and the score, then every mutant that is not
// killed, with its place and replacement, for test/mutation/SUMMARY.md.
//   node scripts/mutation-summary.mjs [folder…]     (--list: also list the unkilled mutants)
//
// The score leaves out static mutants (module-level constants: knowledge tables, facility and
// TPM name tables, regular-expression constants), as `ignoreStatic` does. Stryker still runs the
// ones that a test also reaches after import ("hybrid": a test file that imports a module afresh
// makes every constant of it so), but only with the mutant switched on at run time, often after
// the constant was built from the original: a survivor among them proves nothing (codes-text's
// 151 regular-expression constants all "survived"; PREFIXED_HEX broken by hand fails 48 tests).
// They are counted apart, and the score with them is printed too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const list = args.includes('--list');
const base = 'reports/mutation';
const wanted = args.filter((a) => a !== '--list');
const folders = wanted.length > 0 ? wanted : existsSync(base) ? readdirSync(base) : [];

const statuses = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'RuntimeError', 'CompileError'];
const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid ? `${((100 * detected) / valid).toFixed(1)} %` : '-';
};
const empty = () => Object.fromEntries(statuses.map((s) => [s, 0]));
console.log(`| folder | mutants | ${statuses.join(' | ')} | static (killed / run / ignored) | score | score with the static ones run |`);
console.log(`|---|---|${statuses.map(() => '---').join('|')}|---|---|---|`);
const unkilled = [];
const totals = { logic: empty(), all: empty(), mutants: 0 };
for (const folder of folders) {
  const file = join(base, folder, 'mutation.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const logic = empty();
  const all = empty();
  const staticOnes = { killed: 0, run: 0, ignored: 0 };
  let mutants = 0;
  for (const [path, source] of Object.entries(report.files)) {
    const lines = source.source.split('\n');
    for (const m of source.mutants) {
      mutants++;
      if (m.status === 'Ignored') staticOnes.ignored += m.static ? 1 : 0;
      else {
        all[m.status] = (all[m.status] ?? 0) + 1;
        if (m.static) {
          staticOnes.run++;
          if (m.status === 'Killed' || m.status === 'Timeout') staticOnes.killed++;
        } else logic[m.status] = (logic[m.status] ?? 0) + 1;
      }
      if (m.status !== 'Killed' && m.status !== 'Timeout' && !m.static) {
        const at = m.location.start;
        const original = lines[at.line - 1].trim();
        unkilled.push(`${m.status} ${path}:${at.line}:${at.column} ${m.mutatorName}: ${original.slice(0, 140)} → ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}${m.statusReason && m.status === 'Ignored' ? ` (${m.statusReason})` : ''}`);
      }
    }
  }
  for (const s of statuses) {
    totals.logic[s] += logic[s];
    totals.all[s] += all[s];
  }
  totals.mutants += mutants;
  console.log(`| ${folder} | ${mutants} | ${statuses.map((s) => logic[s]).join(' | ')} | ${staticOnes.killed} / ${staticOnes.run} / ${staticOnes.ignored} | **${score(logic)}** | ${score(all)} |`);
}
if (folders.length > 1) console.log(`| all | ${totals.mutants} | ${statuses.map((s) => totals.logic[s]).join(' | ')} | | **${score(totals.logic)}** | ${score(totals.all)} |`);
if (list) for (const line of unkilled) console.log(line);
