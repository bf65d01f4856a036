// Mutation testing of the PowerShell module's conversion and argument code (issue #12): applies
// each hand-written mutant of test/mutation/module-mutants.json (one textual change in one file
// under ps-module/) to a temporary copy of the built module, runs the Pester files named for it
// against that copy (PRTTOOLS_MODULE), and reports whether they failed (killed) or passed
// (survived). The same files are first run unmutated: a mutant only counts against a green base.
//   node scripts/mutate-module.mjs [mutant-id…]        (needs dist/PrtTools: npm run build)
// Exit code: 0 when every mutant was killed, 1 when one survived, 2 for a setup problem.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/PrtTools');
const { mutants } = JSON.parse(readFileSync(join(root, 'test/mutation/module-mutants.json'), 'utf8'));

const fail = (message) => {
  console.error(`mutate-module: ${message}`);
  process.exit(2);
};
if (!existsSync(join(built, 'PrtTools.psd1'))) fail('dist/PrtTools does not exist: run `npm run build` first');

const only = process.argv.slice(2);
const unknown = only.filter((id) => !mutants.some((m) => m.id === id));
if (unknown.length > 0) fail(`unknown mutant id(s): ${unknown.join(', ')}`);
const chosen = only.length > 0 ? mutants.filter((m) => only.includes(m.id)) : mutants;

const work = mkdtempSync(join(tmpdir(), 'prt-mutate-module-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** A copy of dist/PrtTools whose PrtTools.psm1 is joined from `sources` (as the build does). */
function layModule(name, sources) {
  const module = join(work, name, 'PrtTools');
  cpSync(built, module, { recursive: true });
  const joined = join(work, name, 'joined');
  const made = spawnSync(process.execPath, [join(root, 'scripts/build-module.mjs'), '--no-help', sources, joined], { encoding: 'utf8' });
  if (made.status !== 0) fail(`build-module.mjs failed: ${made.stderr}`);
  cpSync(join(joined, 'PrtTools.psm1'), join(module, 'PrtTools.psm1'));
  return join(module, 'PrtTools.psd1');
}

/**
 * Runs the Pester files (only the tests matching `filter`, Pester FullName wildcards, if given)
 * against `manifest`. `status` 0: all passed; 1: a test failed; 99: no test matched.
 */
function runPester(manifest, files, filter) {
  const ps = (s) => `'${s.replaceAll("'", "''")}'`;
  const command = [
    `& ${ps(join(root, 'test/mutation/run-pester.ps1'))}`,
    `-Path ${files.map((f) => ps(join(root, 'test/pester', f))).join(',')}`,
    filter.length > 0 ? `-FullName ${filter.map(ps).join(',')}` : '',
    '; exit $LASTEXITCODE',
  ].join(' ');
  const run = spawnSync('bash', ['-c', 'source scripts/tools.env && exec "$PWSH" -NoProfile -NonInteractive -Command "$1"', 'pester', command], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PRTTOOLS_MODULE: manifest, NO_COLOR: '1' },
    timeout: 15 * 60_000,
  });
  const closing = (run.stdout.match(/^Pester: .*$/m) ?? [`(no closing line; ${run.stderr.trim().split('\n').pop() ?? ''})`])[0];
  return { status: run.status, closing };
}

const active = chosen.filter((m) => !m.equivalent);

// The baseline: each Pester file with the tests the mutants select, on the module as it is.
const baseSources = join(work, 'base-src');
cpSync(join(root, 'ps-module'), baseSources, { recursive: true });
const baseManifest = layModule('base', baseSources);
for (const file of [...new Set(active.flatMap((m) => m.tests))]) {
  const users = active.filter((m) => m.tests.includes(file));
  const filter = users.some((m) => !m.filter) ? [] : [...new Set(users.flatMap((m) => m.filter))];
  const base = runPester(baseManifest, [file], filter);
  console.log(`baseline ${file}${filter.length ? ` (${filter.join(' | ')})` : ''}: ${base.closing}`);
  if (base.status !== 0) fail(`the unmutated module does not pass ${file} (exit ${base.status}): fix that first`);
}

const results = chosen.filter((m) => m.equivalent).map((m) => ({ ...m, outcome: 'equivalent', closing: m.equivalent }));
for (const r of results) console.log(`EQUIVALENT ${r.id} (${r.rule}): ${r.equivalent}`);
for (const mutant of active) {
  const sources = join(work, `${mutant.id}-src`);
  cpSync(join(root, 'ps-module'), sources, { recursive: true });
  const file = join(sources, mutant.file);
  const text = readFileSync(file, 'utf8');
  const count = text.split(mutant.find).length - 1;
  if (count !== 1) {
    results.push({ ...mutant, outcome: 'stale', closing: `the text to replace occurs ${count} times in ${mutant.file}` });
    console.log(`STALE     ${mutant.id}: the text to replace occurs ${count} times in ${mutant.file}`);
    continue;
  }
  writeFileSync(file, text.replace(mutant.find, () => mutant.replace), 'utf8');
  const started = Date.now();
  const run = runPester(layModule(mutant.id, sources), mutant.tests, mutant.filter ?? []);
  // 99: the selection ran no test at all, which says nothing about the mutant.
  const outcome = run.status === 0 ? 'survived' : run.status === 99 ? 'no-tests' : 'killed';
  results.push({ ...mutant, outcome, closing: run.closing });
  console.log(`${outcome.toUpperCase().padEnd(9)} ${mutant.id} (${mutant.rule}) — ${mutant.tests.join(' ')}: ${run.closing} [${Math.round((Date.now() - started) / 1000)} s]`);
  rmSync(join(work, mutant.id), { recursive: true, force: true });
  rmSync(sources, { recursive: true, force: true });
}

const tally = (outcome) => results.filter((r) => r.outcome === outcome).length;
const killed = tally('killed');
const survived = tally('survived');
const stale = tally('stale');
const noTests = tally('no-tests');
const equivalent = tally('equivalent');
const scored = killed + survived + noTests;
console.log(`Module mutants: ${killed} killed, ${survived} survived, ${equivalent} equivalent, ${noTests} without a matching test, ${stale} stale; score ${scored ? ((100 * killed) / scored).toFixed(1) : '-'} % (killed / killed+survived+untested)`);
for (const r of results.filter((x) => x.outcome !== 'killed')) console.log(`  ${r.outcome}: ${r.id} — ${r.rule}`);
process.exit(survived > 0 || stale > 0 || noTests > 0 ? 1 : 0);
