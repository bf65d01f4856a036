// Windows tools write to a pipe in the console's OEM code page. With a bundle under a folder
// whose name is not ASCII, the trace file netsh reports must still be recognised as ours, so that
// the undo stops the network trace (a persistent one would otherwise survive reboots).
// PRT_E2E_EXE runs the same cases against another build (to show the bug in an older prt).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, linuxExe, parseSingleJson, repoRoot } from './prt.js';

const exe = process.env.PRT_E2E_EXE ?? linuxExe;
beforeAll(assertBuilt);

const fakeBin = join(repoRoot, 'test/fakes/bin');
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prt-tool-output-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let dir: string;
let log: string;
let env: NodeJS.ProcessEnv;
let n = 0;
beforeEach(() => {
  dir = join(work, `case-${n++}`);
  mkdirSync(join(dir, 'fakestate'), { recursive: true });
  log = join(dir, 'calls.log');
  writeFileSync(log, '');
  env = {
    ...process.env,
    NO_COLOR: '1',
    PRT_FORCE_LIVE: '1',
    PRT_SYSTEM32_DIR: fakeBin,
    PATH: `${fakeBin}:/usr/bin:/bin`,
    PRT_STATE_DIR: join(dir, 'state'),
    FAKE_TOOL_LOG: log,
    FAKE_STATE_DIR: join(dir, 'fakestate'),
    FAKE_DSREGCMD_OUTPUT: join(repoRoot, fixture('hybrid-enterprise-prt.txt')),
  };
});

const prt = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
  const result = spawnSync(exe, args, { cwd: repoRoot, env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const calls = () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);

describe('a bundle under a non-ASCII folder, netsh answering in the OEM code page', () => {
  it.each([
    ['850', 'Jürgen'],
    ['932', '田中/デスクトップ'],
  ])('CP%s, folder %s: the stop recognises our trace and runs `netsh trace stop`', (codePage, folder) => {
    const output = join(dir, 'Users', folder, 'traces');
    const started = prt(['trace', 'start', '--json', '--output', output], { FAKE_OEMCP: codePage });
    expect(started.code, started.stderr).toBe(0);
    const stopped = prt(['trace', 'stop', '--json'], { FAKE_OEMCP: codePage });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(calls()).toContain('netsh trace stop');
    const network = parseSingleJson(stopped.stdout).Steps.find((step: { Id: string }) => step.Id === 'NetworkTrace');
    expect(network.Undo).toBe('Undone');
    expect(stopped.stderr).not.toMatch(/not ours/);
    // Nothing is left running: the fake's state is gone.
    expect(existsSync(join(dir, 'fakestate', 'netsh-trace'))).toBe(false);
  });
});

describe('netsh status answers that are not a plain yes or no', () => {
  it('a running trace with a relative file name reads as running: the start refuses', () => {
    const started = prt(['trace', 'start', '--json'], { FAKE_NETSH_MODE: 'relative' });
    expect(started.code).toBe(4);
    expect(started.stderr).toContain('AKS_node_name.etl');
    expect(calls().some((line) => line.startsWith('netsh trace start'))).toBe(false);
  });

  it('a show status that times out is unknown: the stop still stops the trace it started', () => {
    const started = prt(['trace', 'start', '--json'], { FAKE_NETSH_MODE: 'status-hangs', PRT_TOOL_TIMEOUT_MS: '3000' });
    expect(started.code, started.stderr).toBe(0);
    const preflight = parseSingleJson(started.stdout).Steps.find((step: { Id: string }) => step.Id === 'Preflight');
    expect(preflight.Detail).toMatch(/could not tell whether another network trace runs/);
    const stopped = prt(['trace', 'stop', '--json'], { FAKE_NETSH_MODE: 'status-hangs', PRT_TOOL_TIMEOUT_MS: '3000' });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(calls()).toContain('netsh trace stop');
  }, 60_000);

  it('a start that says "already in progress" with exit 0: the stop says our trace file does not exist and leaves the other trace alone', () => {
    const started = prt(['trace', 'start', '--json'], { FAKE_NETSH_MODE: 'busy-exit0' });
    expect(started.code, started.stderr).toBe(0);
    const stopped = prt(['trace', 'stop', '--json'], { FAKE_NETSH_MODE: 'busy-exit0' });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toMatch(/NetTrace\.etl does not exist: netsh recorded nothing/);
    expect(calls()).not.toContain('netsh trace stop');
    const network = parseSingleJson(stopped.stdout).Steps.find((step: { Id: string }) => step.Id === 'NetworkTrace');
    expect(network.Detail ?? network.Error ?? '').toBeDefined();
  });
});
