// Reading AAD event logs (src/events/) against the naive way, on generated logs:
//   $NODE22 scripts/bench/events.mjs
// Generates wevtutil-shaped logs of 10k, 100k and 1M events (half of them other providers; see
// events-generate.mjs) in a temporary folder, then measures, each in its own process (so that the
// peak RSS is that run's): streaming parse → attempts with the default reader, the same with every
// kept element read by fast-xml-parser, and the baseline — the 100k log parsed as ONE document by
// fast-xml-parser. Prints MB/s, peak RSS and the ratios; targets: ≥ 50 MB/s, ≥ 5× the baseline,
// peak RSS ≤ 150 MB and flat as the log grows tenfold. A figure, not a test: it exits 0 whatever
// the speed, but 1 when the streaming run does not find every event and attempt the generator wrote.
// BENCH_EVENTS_SIZES=10000,100000 limits the sizes (the 1M log is 1.26 GB and takes ~30 s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeEventLog } from './events-generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const child = path.join(root, 'scripts/bench/events-child.mjs');
const sizes = (process.env.BENCH_EVENTS_SIZES ?? '10000,100000,1000000').split(',').map(Number).filter((n) => n > 0);
const RUNS = 3;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'prt-events-bench-'));
const bundle = path.join(tmp, 'events.mjs');
let failed = false;
try {
  await build({ entryPoints: [path.join(root, 'src/events/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });

  const measure = (args) => {
    const r = spawnSync(process.execPath, [child, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`events-child ${args[0]} failed: ${r.stderr.trim()}`);
    return JSON.parse(r.stdout);
  };
  const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];

  const rows = [];
  let baseline = null;
  let fxpReader = null;
  for (const count of sizes) {
    const file = path.join(tmp, `aad-${count}.xml`);
    const g0 = performance.now();
    const written = writeEventLog(file, count);
    const genMs = performance.now() - g0;
    const runs = [];
    for (let i = 0; i < (count > 200_000 ? 1 : RUNS); i++) runs.push(measure(['stream', file, bundle]));
    const m = median(runs);
    const peak = Math.max(...runs.map((r) => r.maxRssMB));
    if (m.events !== written.aad || m.attempts !== written.attempts || m.problems !== 0) {
      failed = true;
      process.stderr.write(`events: ${count}: read ${m.events} AAD events / ${m.attempts} attempts / ${m.problems} problems; the log has ${written.aad} / ${written.attempts} / 0\n`);
    }
    rows.push({ count, bytes: written.bytes, ms: m.ms, cpuMs: m.cpuMs, peak, attempts: m.attempts, aad: written.aad, genMs });
    if (count === 100_000) {
      fxpReader = measure(['stream', file, bundle, 'fast-xml-parser']);
      baseline = measure(['whole', file]);
    }
    rmSync(file);
  }

  const mb = (bytes) => bytes / 1e6;
  const rate = (r) => mb(r.bytes) / (r.ms / 1000);
  const cpuRate = (r) => mb(r.bytes) / (r.cpuMs / 1000);
  const fmtSize = (bytes) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${mb(bytes).toFixed(1)} MB`);
  const table = [
    ['', 'events', 'log', 'time', 'MB/s', 'CPU time', 'MB/s CPU', 'peak RSS', 'attempts'],
  ];
  const row = (label, count, r, peak, attempts) => [
    label, count.toLocaleString('en-US'), fmtSize(r.bytes), `${(r.ms / 1000).toFixed(2)} s`, rate(r).toFixed(1), `${(r.cpuMs / 1000).toFixed(2)} s`, cpuRate(r).toFixed(1),
    `${peak.toFixed(0)} MB`, attempts,
  ];
  for (const r of rows) table.push(row('streaming → attempts', r.count, r, r.peak, r.attempts.toLocaleString('en-US')));
  if (fxpReader) table.push(row('  same, fast-xml-parser reader', 100_000, fxpReader, fxpReader.maxRssMB, fxpReader.attempts.toLocaleString('en-US')));
  if (baseline) table.push(row('baseline: one document (fast-xml-parser)', 100_000, baseline, baseline.maxRssMB, '-'));
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const lines = [
    `events: AAD event logs in wevtutil's RenderedXml shape, ~50% other providers, Node ${process.versions.node}; median of ${RUNS} runs up to 100k events; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
    ...table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')),
  ];
  const hundred = rows.find((r) => r.count === 100_000);
  if (hundred && baseline) {
    lines.push(
      `ratio streaming / one document (100k): ${(rate(hundred) / rate(baseline)).toFixed(1)}× by wall time, ${(cpuRate(hundred) / cpuRate(baseline)).toFixed(1)}× by CPU time (target ≥ 5×); ` +
        `streaming ${rate(hundred).toFixed(1)} MB/s (target ≥ 50)`,
    );
  }
  if (hundred && fxpReader) lines.push(`default reader / fast-xml-parser reader (100k): ${(rate(hundred) / rate(fxpReader)).toFixed(1)}×`);
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    lines.push(`peak RSS ${a.count.toLocaleString('en-US')} → ${b.count.toLocaleString('en-US')} events (×${(b.count / a.count).toFixed(0)}): ${a.peak.toFixed(0)} → ${b.peak.toFixed(0)} MB (target ≤ 150 MB, flat)`);
  }
  lines.push(`(generating the logs took ${(rows.reduce((s, r) => s + r.genMs, 0) / 1000).toFixed(1)} s, not counted)`);
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
