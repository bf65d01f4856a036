// CPU cost of the live dashboard on an idle device (issue 6: under 2% of one core):
//   $NODE22 scripts/bench/dashboard.mjs
// Runs `dist/prt watch --simulate healthy --duration N` twice, side by side: once drawing the Ink
// dashboard in a tmux pane (a real terminal, 100×30), once with stderr to a file (plain lines).
// Each run writes its own CPU time (process.cpuUsage at exit, start-up included) and redraw count
// to PRT_DASHBOARD_STATS. The simulated user locks and unlocks in the first seconds (one PRT
// refresh); the rest of the run is an idle device. BENCH_DASHBOARD_SECONDS sets N (default 60,
// the idle minute the target is stated for; start-up weighs too much in shorter runs). A figure, not a test: exits 0
// whatever the result, non-zero only when it cannot measure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exe = path.join(root, 'dist/prt');
const seconds = Number(process.env.BENCH_DASHBOARD_SECONDS ?? 60);
const target = 2; // % of one core
const work = mkdtempSync(path.join(tmpdir(), 'prt-bench-dashboard-'));
const socket = `prt-bench-dashboard-${process.pid}`;

if (!existsSync(exe)) {
  console.error(`dashboard: ${exe} is missing (npm run build)`);
  process.exit(1);
}
if (spawnSync('tmux', ['-V']).status !== 0) {
  console.error('dashboard: tmux is not installed');
  process.exit(1);
}

const statsFile = (name) => path.join(work, `${name}.json`);
const common = (name) => ({ PRT_DASHBOARD_STATS: statsFile(name), PRT_STATE_DIR: path.join(work, `state-${name}`) });

function dashboardRun() {
  const env = Object.entries({ ...common('dashboard'), TERM: 'xterm-256color' }).map(([k, v]) => `${k}='${v}'`).join(' ');
  const command = `env -u CI -u NO_COLOR ${env} '${exe}' watch --simulate healthy --duration ${seconds} >/dev/null`;
  spawnSync('tmux', ['-L', socket, 'new-session', '-d', '-x', '100', '-y', '30', command], { stdio: 'inherit' });
}

function plainRun() {
  const err = openSync(path.join(work, 'plain.err'), 'w');
  return new Promise((resolve) => {
    const child = spawn(exe, ['watch', '--simulate', 'healthy', '--duration', String(seconds)], { env: { ...process.env, ...common('plain') }, stdio: ['ignore', 'ignore', err] });
    child.on('exit', resolve);
  });
}

async function waitFor(file, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // Being written: try again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${file} did not appear within ${timeoutMs} ms`);
}

function line(label, stats) {
  const cpuMs = (stats.CpuUserMicros + stats.CpuSystemMicros) / 1000;
  const percent = (100 * cpuMs) / stats.WallMs;
  const redrawsPerSecond = stats.Redraws / (stats.WallMs / 1000);
  console.log(
    `  ${label.padEnd(34)} ${(stats.WallMs / 1000).toFixed(1).padStart(6)} s ${cpuMs.toFixed(0).padStart(8)} ms ${percent.toFixed(2).padStart(8)} % ${String(stats.Redraws).padStart(8)} ${redrawsPerSecond.toFixed(2).padStart(9)}`,
  );
  return percent;
}

try {
  console.log(`dashboard: prt watch --simulate healthy --duration ${seconds} (idle simulated device), dashboard and plain side by side`);
  dashboardRun();
  await plainRun();
  const dashboard = await waitFor(statsFile('dashboard'), (seconds + 30) * 1000);
  const plain = await waitFor(statsFile('plain'), 30_000);
  console.log(`  ${''.padEnd(34)} ${'wall'.padStart(8)} ${'CPU'.padStart(11)} ${'of 1 core'.padStart(10)} ${'redraws'.padStart(8)} ${'per s'.padStart(9)}`);
  const percent = line('dashboard (Ink on a tmux pane)', dashboard);
  line('plain lines (stderr to a file)', plain);
  console.log(`dashboard: ${percent.toFixed(2)} % of one core (target < ${target} %): ${percent < target ? 'ok' : 'OVER TARGET'}  (CPU time includes start-up)`);
} catch (error) {
  console.error(`dashboard: ${error.message}`);
  process.exitCode = 1;
} finally {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(work, { recursive: true, force: true });
}
