// `prt error` on a 1 GB AAD-heavy export (every event from Microsoft-Windows-AAD, most of them in
// PRT attempts), through the built exe as users run it:
//   $NODE22 scripts/bench/aad-heavy.mjs
// Generates the log in a temporary folder (deleted after), then runs `prt error --events LOG`
// without and with --json, and `--all --json-lines` into /dev/null, each in its own process, and
// prints wall time, MB/s and peak RSS (VmHWM of the process, sampled until it ends) and the output
// size, and the CPU time (utime + stime, sampled like the RSS: a shared machine's wall time is
// not the program's). Targets: peak RSS ≤ 200 MB and ≥ 80 MB/s with and without --json. A figure, not a test.
// BENCH_AAD_BYTES sets the size (default 1e9), BENCH_AAD_RUNS the runs per case (default 3, the
// median is shown); BENCH_AAD_EXE compares another build (an older prt).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEventLog } from './events-generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exe = process.env.BENCH_AAD_EXE ?? path.join(root, 'dist/prt');
const targetBytes = Number(process.env.BENCH_AAD_BYTES ?? 1e9);
const runs = Math.max(1, Number(process.env.BENCH_AAD_RUNS ?? 3));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'prt-aad-bench-'));
try {
  // Bytes per event from a small sample, then the count that makes the size.
  const sample = path.join(tmp, 'sample.xml');
  const small = writeEventLog(sample, 10_000, 7, 0);
  const count = Math.ceil((targetBytes / small.bytes) * 10_000);
  const file = path.join(tmp, 'aad-heavy.xml');
  const g0 = performance.now();
  const written = writeEventLog(file, count, 7, 0);
  const genMs = performance.now() - g0;
  const bytes = statSync(file).size;

  const run = (args) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let out = 0;
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk.length));
      child.stderr.on('data', (chunk) => (err += chunk));
      let peakKb = 0;
      let cpuTicks = 0;
      const sampleRss = () => {
        try {
          const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (match) peakKb = Math.max(peakKb, Number(match[1]));
          // utime + stime (fields 14 and 15), counted after the command name's closing parenthesis.
          const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
        } catch {
          // Ended between two samples.
        }
      };
      const timer = setInterval(sampleRss, 25);
      child.on('exit', () => sampleRss());
      child.on('error', reject);
      child.on('close', (code) => {
        clearInterval(timer);
        resolve({ code, ms: performance.now() - started, cpuMs: cpuTicks * 10, peakMB: peakKb / 1024, outBytes: out, err: err.trim().split('\n').slice(-2).join(' | ') });
      });
    });

  // Each case BENCH_AAD_RUNS times (default 3), interleaved so a slow spell of a shared machine
  // does not fall on one case only; the median run by wall time is shown, with the range.
  const cases = [
    ['prt error (text)', ['error', '--events', file]],
    ['prt error --json', ['error', '--events', file, '--json']],
    ['prt error --all --json-lines', ['error', '--events', file, '--all', '--json-lines']],
  ];
  const results = cases.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (const [index, [, args]] of cases.entries()) results[index].push(await run(args));
  }
  const rows = cases.map(([label], index) => {
    const byTime = [...results[index]].sort((a, b) => a.ms - b.ms);
    const failed = byTime.find((r) => r.code !== 0);
    return { label, ...(failed ?? byTime[Math.floor(byTime.length / 2)]), fastestMs: byTime[0].ms, slowestMs: byTime[byTime.length - 1].ms };
  });
  const mb = (n) => n / 1e6;
  const lines = [
    `aad-heavy: ${exe}; median of ${runs} runs (range in brackets); a ${mb(bytes).toFixed(0)} MB export of ${written.total.toLocaleString('en-US')} AAD events (${written.attempts.toLocaleString('en-US')} attempts, no other providers); Node SEA; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
  ];
  for (const r of rows) {
    const verdict = r.code === 0 ? '' : `  FAILED exit ${r.code}: ${r.err}`;
    lines.push(
      `  ${r.label.padEnd(30)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${(mb(bytes) / (r.ms / 1000)).toFixed(1).padStart(6)} MB/s (${(mb(bytes) / (r.slowestMs / 1000)).toFixed(0)}–${(mb(bytes) / (r.fastestMs / 1000)).toFixed(0)})  CPU ${(r.cpuMs / 1000).toFixed(1).padStart(6)} s  ${(mb(bytes) / (r.cpuMs / 1000)).toFixed(1).padStart(6)} MB/s of CPU  peak RSS ${r.peakMB.toFixed(0).padStart(5)} MB  output ${mb(r.outBytes).toFixed(2)} MB${verdict}`,
    );
  }
  lines.push(`  targets: peak RSS ≤ 200 MB and ≥ 80 MB/s for text and --json (generating the log took ${(genMs / 1000).toFixed(0)} s, not counted)`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
