// Safe on a production machine, checked on the built exe: special files never hang or grow,
// outputs never replace a node that is not a regular file, an unwritable state folder is a clean
// error, two racing starts never both run, and a signal at any early moment undoes or does nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, linuxExe, parseSingleJson, repoRoot, runPrt } from './prt.js';

beforeAll(assertBuilt);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prt-safe-host-'));
  expect(spawnSync('mkfifo', [join(work, 'fifo')]).status).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Starts the exe without waiting; `kill` sends a signal later. */
function start(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const started = Date.now();
  const child = spawn(linuxExe, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (input !== undefined) child.stdin!.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started })));
  return { child, done };
}

const errorOf = (stderr: string) => JSON.parse(stderr.trim().split('\n').at(-1)!).Error as { Id: string; Message: string };

describe('special files as input and output (hang tests)', () => {
  const cases: [string, string[]][] = [
    ['status --input /dev/zero', ['status', '--input', '/dev/zero', '--json']],
    ['status --input FIFO without writer', ['status', '--input', '<fifo>', '--json']],
    ['error --events /dev/zero', ['error', '--events', '/dev/zero', '--json']],
    ['error --events FIFO without writer', ['error', '--events', '<fifo>', '--json']],
    ['error --dsregcmd /dev/urandom', ['error', '--dsregcmd', '/dev/urandom', '--json']],
  ];
  it.each(cases)('%s ends at once with exit 3 and names the file', async (_, args) => {
    const argv = args.map((arg) => (arg === '<fifo>' ? join(work, 'fifo') : arg));
    const result = await start(argv, {}).done;
    expect(result.code).toBe(3);
    expect(result.ms).toBeLessThan(5_000);
    expect(errorOf(result.stderr).Message).toContain(argv[2]!);
    console.log(`hang test: prt ${argv.join(' ')} → exit ${result.code} in ${result.ms} ms`);
  });

  it('--output /dev/full, a FIFO or a folder is refused with exit 3 and left as it was', async () => {
    for (const target of ['/dev/full', join(work, 'fifo'), work]) {
      const result = await start(['status', '--input', fixture('healthy-aadj.txt'), '--json', '--output', target], {}).done;
      expect(result.code, target).toBe(3);
      expect(result.ms).toBeLessThan(5_000);
    }
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(statSync(join(work, 'fifo')).isFIFO()).toBe(true);
  });

  it('`--input -` reads the capture from standard input', async () => {
    const capture = readFileSync(join(repoRoot, fixture('healthy-aadj.txt')), 'utf8');
    const result = await start(['status', '--input', '-', '--json'], {}, capture).done;
    expect(result.code).toBe(0);
    expect(parseSingleJson(result.stdout).AzureAdPrt).toBeDefined();
  });
});

describe('an unwritable state folder', () => {
  const blocked = () => {
    // A file where a folder should be: unwritable even for root (these tests may run as root).
    const file = join(work, 'not-a-folder');
    writeFileSync(file, '');
    return join(file, 'state');
  };

  it.each([
    [['status', '--simulate', 'healthy', '--json']],
    [['error', '--simulate', 'healthy', '--json']],
    [['trace', 'start', '--simulate', 'healthy', '--json']],
    [['trace', 'status', '--json']],
  ])('prt %j exits 4 with a JSON error, not a stack trace', (args) => {
    const result = runPrt(args, { PRT_STATE_DIR: blocked(), PRT_SIM_SPEED: 'instant' });
    expect(result.code).toBe(4);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    if (args[0] !== 'trace' || args[1] !== 'status') expect(errorOf(result.stderr).Id).toBe('StateFolderNotWritable');
  });
});

describe('the trace lock under a race', () => {
  const pairs = 50;
  it(`${pairs} racing pairs of \`prt trace start\`: exactly one runs each time`, async () => {
    let oneRan = 0;
    const losers = new Map<string, number>();
    for (let batch = 0; batch < pairs; batch += 5) {
      await Promise.all(
        Array.from({ length: 5 }, async (_, offset) => {
          const state = join(work, `race-${batch + offset}`);
          mkdirSync(state);
          const env = { PRT_STATE_DIR: state, PRT_SIM_SPEED: 'instant' };
          const results = await Promise.all([0, 1].map(() => start(['trace', 'start', '--simulate', 'healthy', '--json', '--output', join(state, 'traces')], env).done));
          const winners = results.filter((r) => r.code === 0);
          expect(winners.length, results.map((r) => `${r.code} ${r.stderr}`).join('\n')).toBe(1);
          expect(parseSingleJson(winners[0]!.stdout).State).toBe('Running');
          const loser = results.find((r) => r.code !== 0)!;
          expect(loser.code).toBe(4);
          const id = errorOf(loser.stderr).Id;
          expect(['TraceBusy', 'TraceAlreadyRunning']).toContain(id);
          losers.set(id, (losers.get(id) ?? 0) + 1);
          oneRan++;
        }),
      );
    }
    expect(oneRan).toBe(pairs);
    console.log(`race test: ${pairs} pairs, exactly one start ran in ${oneRan}; the other said ${[...losers].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  }, 600_000);
});

describe('a signal at any early moment', () => {
  const traceStart = (state: string, extra: string[] = []) => ['trace', 'start', '--simulate', 'hybrid-wrong-password', '--json', '--output', join(state, 'traces'), ...extra];

  // The earliest moment JavaScript can see a signal: prt's first statement (the exe's banner)
  // installs the handlers, then sends itself the signal (PRT_SIGNAL_AT_START). Deterministic.
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s at prt\'s first line of JavaScript: exit 5, and the start is undone before it left anything', async (signal) => {
    const state = join(work, `first-line-${signal}`);
    mkdirSync(state);
    const result = await start(traceStart(state), { PRT_STATE_DIR: state, PRT_SIM_SPEED: '5', PRT_SIGNAL_AT_START: signal }).done;
    expect(result.code, result.stderr).toBe(5);
    const error = errorOf(result.stderr);
    expect(error.Id).toBe('Interrupted');
    expect(error.Message).toMatch(/Every change made so far was undone|nothing was done/);
    expect(existsSync(join(state, 'simulated', 'trace-state.json'))).toBe(false);
    expect(result.stdout).toBe('');
  });

  it('a signal before the command takes over ends prt at once with exit 5, nothing done (--dry-run never takes over)', async () => {
    const state = join(work, 'first-line-dry-run');
    mkdirSync(state);
    const json = await start(traceStart(state, ['--dry-run']), { PRT_STATE_DIR: state, PRT_SIGNAL_AT_START: 'SIGINT' }).done;
    expect(json.code).toBe(5);
    expect(errorOf(json.stderr)).toMatchObject({ Id: 'Interrupted', Message: expect.stringContaining('nothing was done') });
    expect(json.stdout).toBe('');
    const text = await start(['trace', 'start', '--simulate', 'hybrid-wrong-password', '--dry-run'], { PRT_STATE_DIR: state, PRT_SIGNAL_AT_START: 'SIGTERM' }).done;
    expect(text.code).toBe(5);
    expect(text.stderr).toContain('prt: prt was interrupted by SIGTERM before it had changed anything: nothing was done.');
  });

  // From outside, at spread delays: before the runtime ran any JavaScript (the default action
  // ends the process: nothing can have been done), while prt loads, while it starts, after.
  const delays = [0, 40, 120, 300, 700, 1500];
  it(`SIGINT/SIGTERM from outside at ${delays.join(', ')} ms give exit 5 with everything undone, or end before prt ran a line, or after it finished`, async () => {
    const outcomes: string[] = [];
    for (const [i, delay] of delays.entries()) {
      const state = join(work, `signal-${i}`);
      mkdirSync(state);
      const env = { PRT_STATE_DIR: state, PRT_SIM_SPEED: '5' };
      const signal: NodeJS.Signals = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const run = start(traceStart(state), env);
      await new Promise((resolve) => setTimeout(resolve, delay));
      run.child.kill(signal);
      const result = await run.done;
      const stateFile = join(state, 'simulated', 'trace-state.json');
      if (result.code === 0) {
        // The signal came after the start had finished and printed its session: it runs, as reported.
        expect(parseSingleJson(result.stdout).State).toBe('Running');
        expect(runPrt(['trace', 'stop', '--simulate', 'hybrid-wrong-password', '--json'], env, 60_000).code).toBe(0);
        outcomes.push(`${signal}@${delay}ms: finished first (exit 0, stopped after)`);
        continue;
      }
      if (result.signal !== null) {
        // Before the runtime ran prt's first line no handler can exist; then prt has done
        // nothing at all, not even create its state folder.
        expect(existsSync(join(state, 'simulated')), `${signal} at ${delay} ms ended prt after it had started working`).toBe(false);
        outcomes.push(`${signal}@${delay}ms: ended by the signal before prt's code ran (nothing done)`);
        continue;
      }
      expect(result.code, `${signal} at ${delay} ms: ${result.stderr}`).toBe(5);
      const error = errorOf(result.stderr);
      expect(error.Id).toBe('Interrupted');
      expect(error.Message).toMatch(/Every change made so far was undone|nothing was done/);
      expect(existsSync(stateFile)).toBe(false);
      outcomes.push(`${signal}@${delay}ms: exit 5 (${/nothing was done/.test(error.Message) ? 'nothing done' : 'undone'})`);
    }
    console.log(`signal test: ${delays.length} runs\n  ${outcomes.join('\n  ')}`);
  }, 300_000);
});
