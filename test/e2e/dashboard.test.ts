// The dashboard as a person sees it: the built Linux exe in a real terminal (tmux), against the
// simulated device, the screen read at each phase of the repro. And the plain fallback: no
// escape codes when stderr is not a terminal.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, linuxExe, parseSingleJson, runPrt } from './prt.js';

const socket = `prt-dashboard-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'prt-dashboard-'));
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
let sessions = 0;

/** Starts `prt <args>` in a new 100×30 tmux window; the pane stays open after prt ends. */
function startInTmux(args: string[], env: Record<string, string>, columns = 100, rows = 30): string {
  const name = `s${++sessions}`;
  const script = join(work, `${name}.sh`);
  const vars = Object.entries({ TERM: 'xterm-256color', ...env })
    .map(([key, value]) => `${key}='${value}'`)
    .join(' ');
  writeFileSync(script, `cd '${work}'\nenv -u CI -u NO_COLOR ${vars} '${linuxExe}' ${args.map((a) => `'${a}'`).join(' ')} > '${join(work, `${name}.out`)}'\necho "EXIT $?"\nsleep 600\n`);
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), `bash '${script}'`);
  return name;
}

const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);

/** Polls the screen until `test` passes or the deadline; returns the last screen seen. */
async function waitForScreen(name: string, test: (text: string) => boolean, timeoutMs = 40_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = screen(name);
    if (test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the screen never showed what was expected within ${timeoutMs} ms; last screen:\n${text}`);
}

const captures: string[] = [];
const keep = (title: string, text: string) => captures.push(`--- ${title}\n${text.replace(/\s+$/, '')}\n`);

beforeAll(() => {
  assertBuilt();
  const version = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error('tmux is not installed');
});

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  if (process.env.PRT_DASHBOARD_CAPTURES) writeFileSync(process.env.PRT_DASHBOARD_CAPTURES, captures.join('\n'));
  rmSync(work, { recursive: true, force: true });
});

// Each test has its own tmux session, state and bundle folder: they run side by side.
describe.concurrent('prt trace run in a terminal (tmux)', () => {
  it('guides a hybrid repro: lock prompt with countdown, unlock, the failed attempt decoded, the bundle', async () => {
    const name = startInTmux(['trace', 'run', '--simulate', 'hybrid-wrong-password', '--output', join(work, 'hybrid')], { PRT_SIM_SPEED: '6', PRT_STATE_DIR: join(work, 'state-hybrid') });
    const lock = await waitForScreen(name, (s) => /LOCK the device now \(Windows\+L\)\. Stay locked: 0:\d\d left/.test(s));
    keep('hybrid-wrong-password: lock prompt', lock);
    expect(lock).toContain('PrtTools · guided trace on a simulated device (hybrid-wrong-password)');
    expect(lock).toContain('AzureAdPrt NO · MISSING');
    expect(lock).toMatch(/✓ Network trace \(netsh\)/);
    expect(lock).toContain('s stop watching and collect now · Ctrl+C cancel safely (undoes every change)');

    const unlock = await waitForScreen(name, (s) => s.includes('UNLOCK now and sign in as the affected user.'));
    keep('hybrid-wrong-password: unlock prompt', unlock);

    const failed = await waitForScreen(name, (s) => /✗ \d\d:\d\d:\d\d 0xc000006d STATUS_LOGON_FAILURE/.test(s));
    keep('hybrid-wrong-password: attempt failed, decoded', failed);
    expect(failed).toMatch(/↳ AADSTS50126 InvalidUserNameOrPassword/);

    const done = await waitForScreen(name, (s) => s.includes('EXIT 0'));
    keep('hybrid-wrong-password: done', done);
    expect(done).toContain('Done (Completed). The bundle is ready.');
    expect(readFileSync(join(work, `${name}.out`), 'utf8')).toContain('Trace completed (simulated device: hybrid-wrong-password)');
  });

  it('shows the PRT refreshed when the unlock renews it (stale-fixed-by-unlock), and keeps stdout for --json', async () => {
    const name = startInTmux(['trace', 'run', '--simulate', 'stale-fixed-by-unlock', '--output', join(work, 'stale'), '--json'], { PRT_SIM_SPEED: '6', PRT_STATE_DIR: join(work, 'state-stale') });
    const stale = await waitForScreen(name, (s) => s.includes('AzureAdPrt YES · STALE'));
    keep('stale-fixed-by-unlock: stale PRT before the repro', stale);
    const renewed = await waitForScreen(name, (s) => /↻ renewed at \d\d:\d\d:\d\d/.test(s));
    keep('stale-fixed-by-unlock: PRT refreshed', renewed);
    expect(renewed).toContain('AzureAdPrt YES · HEALTHY');
    await waitForScreen(name, (s) => s.includes('EXIT 0'));
    const document = parseSingleJson(readFileSync(join(work, `${name}.out`), 'utf8'));
    expect(document.Repro.Outcome).toBe('PrtRenewed');
  });

  it('fits an 80×24 window', async () => {
    const name = startInTmux(['trace', 'run', '--simulate', 'healthy', '--output', join(work, 'small')], { PRT_SIM_SPEED: '6', PRT_STATE_DIR: join(work, 'state-small') }, 80, 24);
    const lock = await waitForScreen(name, (s) => s.includes('LOCK the device (Windows+L), then UNLOCK'));
    keep('healthy at 80×24: prompt', lock);
    // The title line is the first line: nothing scrolled away.
    expect(lock.split('\n')[0]).toContain('PrtTools · guided trace');
    const done = await waitForScreen(name, (s) => s.includes('EXIT 0'));
    keep('healthy at 80×24: done', done);
    expect(done).toMatch(/✓ \d\d:\d\d:\d\d PRT attempt succeeded/);
  });
});

describe('prt watch in a terminal (tmux)', () => {
  it('shows the device, the past failure decoded, and ends on q', async () => {
    const stats = join(work, 'watch-stats.json');
    const name = startInTmux(['watch', '--simulate', 'hybrid-wrong-password'], { PRT_STATE_DIR: join(work, 'state-watch'), PRT_DASHBOARD_STATS: stats });
    const first = await waitForScreen(name, (s) => s.includes('AADSTS50126 InvalidUserNameOrPassword') && s.includes('AzureAdPrt NO · MISSING'));
    keep('watch hybrid-wrong-password', first);
    expect(first).toContain('q quit · Ctrl+C quit');
    tmux('send-keys', '-t', name, 'q');
    await waitForScreen(name, (s) => s.includes('EXIT 0'), 10_000);
    expect(JSON.parse(readFileSync(stats, 'utf8'))).toMatchObject({ Mode: 'Dashboard' });
  });

  it('ends on Ctrl+C (read as a key in raw mode) with exit 0', async () => {
    const name = startInTmux(['watch', '--simulate', 'healthy'], { PRT_STATE_DIR: join(work, 'state-watch2') });
    await waitForScreen(name, (s) => s.includes('AzureAdPrt YES · HEALTHY'));
    tmux('send-keys', '-t', name, 'C-c');
    await waitForScreen(name, (s) => s.includes('EXIT 0'), 10_000);
  });
});

describe('where no dashboard can be drawn', () => {
  const escape = /\u001b/;

  it('prt trace run with stderr piped prints plain lines, no escape codes', () => {
    const result = runPrt(['trace', 'run', '--simulate', 'healthy', '--output', join(work, 'piped')], { PRT_SIM_SPEED: '40', PRT_STATE_DIR: join(work, 'state-piped'), NO_COLOR: '' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^prt: \[.*\] >> /m);
    expect(result.stderr).not.toMatch(escape);
  });

  it('prt watch with stderr piped prints a line per change and ends after --duration', () => {
    const result = runPrt(['watch', '--simulate', 'hybrid-wrong-password', '--duration', '4'], { PRT_SIM_SPEED: '40', PRT_STATE_DIR: join(work, 'state-watch-piped') });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(escape);
    expect(result.stderr).toMatch(/^prt: \[\d\d:\d\d:\d\dZ\] prt AzureAdPrt NO · Missing/m);
    expect(result.stderr).toMatch(/^prt: \[\d\d:\d\d:\d\dZ\] attempt ✗ .*AADSTS50126 InvalidUserNameOrPassword/m);
    // The scripted user's unlock brings a new failed attempt: a new line, not a repeat of the old.
    expect(result.stderr.match(/attempt ✗/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('a terminal in CI gets plain lines too', async () => {
    const name = `ci${++sessions}`;
    tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', `CI=true PRT_STATE_DIR='${join(work, 'state-ci')}' '${linuxExe}' watch --simulate healthy --duration 2; echo "EXIT $?"; sleep 600`);
    const text = await waitForScreen(name, (s) => s.includes('EXIT 0'), 15_000);
    keep('CI=true in a terminal: plain lines', text);
    expect(text).toMatch(/^prt: \[.*\] prt AzureAdPrt YES · Healthy/m);
    expect(text).not.toContain('PrtTools · watching');
  });

  it('prt watch --json prints one JSON document at the end', () => {
    const result = runPrt(['watch', '--simulate', 'healthy', '--duration', '2', '--json'], { PRT_STATE_DIR: join(work, 'state-watch-json') });
    expect(result.code).toBe(0);
    const document = parseSingleJson(result.stdout);
    expect(document.Prt.AzureAdPrt).toBe(true);
  });
});
