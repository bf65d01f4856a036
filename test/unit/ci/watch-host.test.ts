// The Wine watchdog of scripts/pester-windows.sh (scripts/lib/watch-host.sh): a dead wineserver or
// a silent host must end the Windows suite with a reason, never hang CI until its time limit.
// Stand-ins: `sleep` and small bash loops for the host and the server, named like Wine's programs.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';

const lib = join(import.meta.dirname, '../../../scripts/lib/watch-host.sh');
const work = mkdtempSync(join(tmpdir(), 'prt-watch-host-'));
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function startProcess(program: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(program, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  started.push(child);
  return child;
}

/** Lets the stand-ins exec their programs, so /proc shows their own names and environments. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}

function pidOf(child: ChildProcess): string {
  if (child.pid === undefined) throw new Error('the stand-in process did not start');
  return String(child.pid);
}

/** Runs a function of the library in bash and gives its exit status, stdout and seconds taken. */
function runLibrary(functionName: string, args: string[]): Promise<{ status: number | null; stdout: string; seconds: number }> {
  const begin = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'source "$1"; shift; "$@"', 'watch-host-test', lib, functionName, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, seconds: (Date.now() - begin) / 1000 });
    });
  });
}

function newLog(name: string): string {
  const log = join(work, name);
  writeFileSync(log, '');
  return log;
}

/** A host that appends a line to the log every 200 ms until killed. */
function chattyHost(log: string): ChildProcess {
  return startProcess('bash', ['-c', 'while :; do echo "  [+] a test" >>"$1"; sleep 0.2; done', 'host', log]);
}

describe('watch_host', () => {
  test('returns 0 as soon as the host ends by itself', async () => {
    const log = newLog('ends.log');
    const server = startProcess('sleep', ['60']);
    const host = startProcess('bash', ['-c', 'echo done >>"$1"; sleep 1', 'host', log]);
    const result = await runLibrary('watch_host', [pidOf(host), log, pidOf(server), '30', '60']);
    expect(result.status).toBe(0);
    expect(result.seconds).toBeLessThan(20);
  });

  test('returns 10 when the wineserver dies while the host still runs', async () => {
    const log = newLog('server-dies.log');
    const server = startProcess('sleep', ['60']);
    const host = chattyHost(log);
    setTimeout(() => server.kill('SIGKILL'), 1500);
    const result = await runLibrary('watch_host', [pidOf(host), log, pidOf(server), '30', '60']);
    expect(result.status).toBe(10);
    expect(host.exitCode).toBeNull();
  });

  test('returns 10 when a Wine process writes that the wineserver crashed, even with a server process alive', async () => {
    const log = newLog('crashed.log');
    const server = startProcess('sleep', ['60']);
    const host = chattyHost(log);
    appendFileSync(log, 'wineserver crashed, please enable coredumps (ulimit -c unlimited) and restart.\n');
    const result = await runLibrary('watch_host', [pidOf(host), log, pidOf(server), '30', '60']);
    expect(result.status).toBe(10);
  });

  test('returns 11 when the log stops growing for the stall time, and not before', async () => {
    const log = newLog('stall.log');
    const server = startProcess('sleep', ['60']);
    // Writes for about 3 s, then goes silent while still running.
    const host = startProcess('bash', ['-c', 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do echo "line $i" >>"$1"; sleep 0.2; done; sleep 60', 'host', log]);
    const result = await runLibrary('watch_host', [pidOf(host), log, pidOf(server), '2', '60']);
    expect(result.status).toBe(11);
    expect(result.seconds).toBeGreaterThanOrEqual(4);
  });

  test('returns 12 when the run passes the whole-run limit, even while it writes', async () => {
    const log = newLog('limit.log');
    const server = startProcess('sleep', ['60']);
    const host = chattyHost(log);
    const result = await runLibrary('watch_host', [pidOf(host), log, pidOf(server), '30', '3']);
    expect(result.status).toBe(12);
    // The library counts whole seconds (`date +%s`): a 3 s limit can end just after 2 s (it did, under load).
    expect(result.seconds).toBeGreaterThan(2);
  });

  test('never kills the host or the server itself', async () => {
    const log = newLog('no-kill.log');
    const server = startProcess('sleep', ['60']);
    const host = startProcess('sleep', ['60']);
    const result = await runLibrary('watch_host', [pidOf(host), log, pidOf(server), '1', '60']);
    expect(result.status).toBe(11);
    expect(host.exitCode).toBeNull();
    expect(server.exitCode).toBeNull();
  });
});

describe('wine_prefix_pids', () => {
  const prefix = join(work, 'prefix');
  const otherPrefix = join(work, 'other-prefix');
  // Programs named as Wine names them: a Windows program ends in .exe, the server is wineserver64.
  const windowsProgram = join(work, 'PrtWinHost.exe');
  const server = join(work, 'wineserver64');
  symlinkSync('/bin/sleep', windowsProgram);
  symlinkSync('/bin/sleep', server);

  test("lists the prefix's Windows programs and its server, and nothing of another prefix or outside Wine", async () => {
    const ours = startProcess(windowsProgram, ['60'], { WINEPREFIX: prefix });
    const ourServer = startProcess(server, ['60'], { WINEPREFIX: prefix });
    const otherPrefixProgram = startProcess(windowsProgram, ['60'], { WINEPREFIX: otherPrefix });
    const notWine = startProcess('sleep', ['60'], { WINEPREFIX: prefix });
    await settle();
    const result = await runLibrary('wine_prefix_pids', [prefix]);
    const pids = result.stdout.trim().split('\n').sort();
    expect(pids).toEqual([pidOf(ours), pidOf(ourServer)].sort());
    expect(pids).not.toContain(pidOf(otherPrefixProgram));
    expect(pids).not.toContain(pidOf(notWine));
  });

  test('with "wineserver", lists only the server', async () => {
    startProcess(windowsProgram, ['60'], { WINEPREFIX: prefix });
    const ourServer = startProcess(server, ['60'], { WINEPREFIX: prefix });
    await settle();
    const result = await runLibrary('wine_prefix_pids', [prefix, 'wineserver']);
    expect(result.stdout.trim()).toBe(pidOf(ourServer));
  });
});
