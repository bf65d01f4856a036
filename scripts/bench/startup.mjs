// Start-up cost of the Linux exe against the bare runtime it is built on (DESIGN §5, §6):
//   $NODE22 scripts/bench/startup.mjs
// Runs `dist/prt status --input <fixture> --json` and `$NODE22 -e 0` alternately (so that a
// noisy moment hurts both), after a warm-up, and prints median, p90 and the ratio of medians.
// A figure, not a test: it exits 0 whatever the ratio. BENCH_RUNS sets the runs per command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Math.max(15, Number(process.env.BENCH_RUNS ?? 21));
const warmup = 3;
const target = 1.3;
const node22 = process.env.NODE22 ?? process.execPath;
const exe = path.join(root, 'dist/prt');
const fixture = 'test/fixtures/dsregcmd/healthy-aadj.txt';

function run(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), error: result.error };
}

/** The real command when it works on the fixture; otherwise --version, with the reason. */
function pickAppCommand() {
  const status = [exe, 'status', '--input', fixture, '--json'];
  if (!existsSync(path.join(root, fixture))) return { argv: [exe, '--version'], note: `${fixture} does not exist yet` };
  const probe = run(status);
  try {
    if (probe.status === 0) {
      JSON.parse(probe.stdout);
      return { argv: status, note: undefined };
    }
  } catch {
    // Not one JSON document: fall through to --version.
  }
  const why = probe.stderr.trim().split('\n')[0] || `exit ${probe.status}`;
  return { argv: [exe, '--version'], note: `\`prt status --input … --json\` does not work yet (${why})` };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

function measure(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < warmup + runs; i += 1) {
    commands.forEach((command, c) => {
      const r = run(command.argv);
      if (r.error || r.status !== 0) {
        throw new Error(`${command.argv.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr.trim()}`);
      }
      if (i >= warmup) times[c].push(r.ms);
    });
  }
  return times.map((t) => {
    const sorted = [...t].sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
  });
}

if (!existsSync(exe)) {
  process.stderr.write('bench: dist/prt does not exist: run `npm run build`\n');
  process.exit(1);
}
const app = pickAppCommand();
const baseline = { label: `node -e 0 (Node ${process.versions.node})`, argv: [node22, '-e', '0'] };
const measured = { label: app.argv.slice(1).map((a) => (a.includes('/') ? path.basename(a) : a)).join(' '), argv: app.argv };
const [base, prt] = measure([baseline, measured]);

const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
const rows = [
  ['', 'median', 'p90', 'ratio'],
  [baseline.label, ms(base.median), ms(base.p90), '1.00×'.padStart(6)],
  [`prt ${measured.label}`, ms(prt.median), ms(prt.p90), `${(prt.median / base.median).toFixed(2)}×`.padStart(6)],
];
const width = Math.max(...rows.map((r) => r[0].length));
const ratio = prt.median / base.median;
const lines = [
  `startup: ${runs} runs each after ${warmup} warm-up runs, interleaved`,
  ...(app.note ? [`startup: measuring \`prt --version\` instead of status: ${app.note}`] : []),
  ...rows.map(([label, ...cells]) => `  ${label.padEnd(width)}  ${cells.map((c) => c.padStart(10)).join('  ')}`),
  `startup: ratio ${ratio.toFixed(2)}× (target ≤ ${target}×): ${ratio <= target ? 'within target' : 'OVER TARGET'}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
