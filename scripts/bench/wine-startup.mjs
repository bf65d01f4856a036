// Start-up of prt.exe under Wine through scripts/lib/run-prt-exe.sh, as the tests pay it:
//   $NODE22 scripts/bench/wine-startup.mjs
// "First" is a start with no wineserver running for the project's prefix (this waits up to 20 s
// for an idle one to exit; it never kills it, others may be using it); "later" starts reuse the
// running wineserver. Prints figures; exits 0 unless prt.exe cannot run at all.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runner = path.join(root, 'scripts/lib/run-prt-exe.sh');
const runs = Math.max(5, Number(process.env.BENCH_WINE_RUNS ?? 10));
const wineprefix = process.env.WINEPREFIX;

function run() {
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', [runner, '--version'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`prt.exe --version under Wine failed (exit ${r.status}): ${String(r.stderr).trim()}`);
  return ms;
}

if (!existsSync(path.join(root, 'dist/prt.exe'))) {
  process.stderr.write('bench: dist/prt.exe does not exist: run `npm run build`\n');
  process.exit(1);
}
if (!wineprefix) {
  process.stderr.write('bench: WINEPREFIX is not set: run through scripts/bench.sh (it sources scripts/tools.env)\n');
  process.exit(1);
}

// wineserver -w returns at once when none runs, or when the running one exits (3 s after its
// last client by default).
const idle = spawnSync('wineserver', ['-w'], { env: { ...process.env, WINEPREFIX: wineprefix }, timeout: 20_000 });
const first = idle.error || idle.status !== 0 ? undefined : run();
const later = Array.from({ length: runs }, run).sort((a, b) => a - b);
const median = later[Math.floor(later.length / 2)];
const p90 = later[Math.min(later.length - 1, Math.ceil(0.9 * later.length) - 1)];

const rows = [
  ['first start (no wineserver running)', first === undefined ? 'not measured: the wineserver stayed busy' : `${first.toFixed(0)} ms`],
  [`later starts (${runs} runs)`, `median ${median.toFixed(0)} ms, p90 ${p90.toFixed(0)} ms`],
];
const width = Math.max(...rows.map(([label]) => label.length));
const lines = [
  `wine: prt.exe --version through scripts/lib/run-prt-exe.sh (prefix ${wineprefix})`,
  ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
