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
  const made = spawnSync(process.execPath, [join(root, 'scripts/build-module.mjs'), sources, joined], { encoding: 'utf8' });
  if (made.status !== 0) fail(`build-module.mjs failed: ${made.stderr}`);
  cpSync(join(joined, 'PrtTools.psm1'), join(module, 'PrtTools.psm1'));
  return join(module, 'PrtTools.psd1');
}

/** Runs the Pester files against `manifest`; true when every test passed. */
function pesterPasses(manifest, files) {
  const run = spawnSync('bash', [join(root, 'scripts/pester.sh'), ...files.map((f) => join(root, 'test/pester', f))], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PRTTOOLS_MODULE: manifest, NO_COLOR: '1' },
    timeout: 15 * 60_000,
  });
  const closing = (run.stdout.match(/^Pester: .*$/m) ?? ['(no closing line)'])[0];
  return { passed: run.status === 0, closing };
}

// The baseline: every Pester file the mutants name, on the module as the sources are.
const allFiles = [...new Set(chosen.flatMap((m) => m.tests))];
const baseSources = join(work, 'base-src');
cpSync(join(root, 'ps-module'), baseSources, { recursive: true });
const base = pesterPasses(layModule('base', baseSources), allFiles);
console.log(`baseline ${allFiles.join(' ')}: ${base.closing}`);
if (!base.passed) fail('the unmutated module does not pass these Pester files: fix that first');

const results = [];
for (const mutant of chosen) {
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
  const run = pesterPasses(layModule(mutant.id, sources), mutant.tests);
  const outcome = run.passed ? 'survived' : 'killed';
  results.push({ ...mutant, outcome, closing: run.closing });
  console.log(`${outcome.toUpperCase().padEnd(9)} ${mutant.id} (${mutant.rule}) — ${mutant.tests.join(' ')}: ${run.closing} [${Math.round((Date.now() - started) / 1000)} s]`);
  rmSync(join(work, mutant.id), { recursive: true, force: true });
  rmSync(sources, { recursive: true, force: true });
}

const tally = (outcome) => results.filter((r) => r.outcome === outcome).length;
const killed = tally('killed');
const survived = tally('survived');
const stale = tally('stale');
const scored = killed + survived;
console.log(`Module mutants: ${killed} killed, ${survived} survived, ${stale} stale; score ${scored ? ((100 * killed) / scored).toFixed(1) : '-'} %`);
for (const r of results.filter((x) => x.outcome !== 'killed')) console.log(`  ${r.outcome}: ${r.id} — ${r.rule}`);
process.exit(survived > 0 || stale > 0 ? 1 : 0);
