// prt trace as users run it: the built exe, on the simulated device (any OS), and in forced live
// mode against fake Windows tools on PATH that record how they were called; then killed mid-trace.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, linuxExe, parseSingleJson, repoRoot, runPrt } from './prt.js';

beforeAll(assertBuilt);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prt-trace-e2e-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh state folder per test: each test is its own machine. */
function machine(name: string) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every text file prt wrote in a bundle (not the exported logs or traces, which Windows writes). */
function textFilesOf(bundle: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(bundle, { recursive: true }) as string[]) {
    if (/\.(txt|json|log)$/.test(name)) out.push(readFileSync(join(bundle, name), 'utf8'));
  }
  return out;
}

describe('prt trace on the simulated device', () => {
  const sim = (state: string, args: string[], env: NodeJS.ProcessEnv = {}) => runPrt(args, { PRT_STATE_DIR: state, PRT_SIM_SPEED: '400', ...env }, 60_000);

  it.each([
    ['hybrid-wrong-password', 'AttemptFailed', '0xc000006d'],
    ['healthy', 'PrtRenewed', null],
    ['network-unreachable', 'AttemptFailed', '0xc000023c'],
    ['stale-fixed-by-unlock', 'PrtRenewed', null],
    ['ws-trust-dtd', 'AttemptFailed', '0xc00cee4f'],
  ])('run --simulate %s watches the whole repro and prints the bundle as JSON', (scenario, outcome, status) => {
    const state = machine(`run-${scenario}`);
    const result = sim(state, ['trace', 'run', '--simulate', scenario, '--json']);
    expect(result.code).toBe(0);
    const bundle = parseSingleJson(result.stdout);
    expect(bundle).toMatchObject({ Outcome: 'Completed', Host: 'Simulated', Scenario: scenario, Repro: { Outcome: outcome, AttemptStatus: status } });
    expect(existsSync(bundle.ZipPath)).toBe(true);
    expect(spawnSync('unzip', ['-t', bundle.ZipPath]).status).toBe(0);
    expect(existsSync(join(state, 'simulated', 'trace-state.json'))).toBe(false);
    expect(result.stderr).toContain('>> Lock this device now');
  });

  it('start, status, watch and stop in separate processes work on the same simulated device', () => {
    const state = machine('detached');
    const started = sim(state, ['trace', 'start', '--simulate', 'stale-fixed-by-unlock', '--json']);
    expect(started.code).toBe(0);
    expect(parseSingleJson(started.stdout)).toMatchObject({ State: 'Running', Mode: 'Detached', Scenario: 'stale-fixed-by-unlock' });
    expect(parseSingleJson(sim(state, ['trace', 'status', '--simulate', 'stale-fixed-by-unlock', '--json']).stdout)).toMatchObject({ Active: true, Interrupted: false });
    const watched = parseSingleJson(sim(state, ['trace', 'watch', '--simulate', 'stale-fixed-by-unlock', '--timeout', '300', '--json']).stdout);
    expect(watched.Outcome).toBe('PrtRenewed');
    // A stop that names another scenario still stops the device the trace runs on.
    const stopped = sim(state, ['trace', 'stop', '--simulate', 'healthy', '--json']);
    expect(stopped.code).toBe(0);
    expect(parseSingleJson(stopped.stdout)).toMatchObject({ Outcome: 'Completed', Scenario: 'stale-fixed-by-unlock', StatusBefore: { Health: 'Stale' }, StatusAfter: { Health: 'Healthy' } });
    const device = JSON.parse(readFileSync(join(state, 'simulated', 'device.json'), 'utf8'));
    expect(device).toMatchObject({ AnalyticEnabled: false, NetworkTrace: { Running: false } });
  });

  it('status --simulate reads the simulated device too', () => {
    const result = sim(machine('status'), ['status', '--simulate', 'hybrid-wrong-password', '--json']);
    expect(result.code).toBe(0);
    expect(parseSingleJson(result.stdout)).toMatchObject({ JoinType: 'HybridAzureAdJoined', Health: 'Missing', DeviceName: 'CTS-WS-0512.corp.contoso.com' });
  });

  it('an unknown scenario is a usage error that lists the built-in ones', () => {
    const result = sim(machine('unknown'), ['trace', 'run', '--simulate', 'hybird', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).Error).toMatchObject({ Id: 'UnknownScenario' });
    expect(JSON.parse(result.stderr).Error.Message).toContain('hybrid-wrong-password');
  });

  it('a scenario file can make the device not elevated: exit 4, NotElevated, nothing changed', () => {
    const state = machine('not-elevated');
    const file = join(state, 'not-elevated.json');
    writeFileSync(file, JSON.stringify({ Extends: 'healthy', Name: 'not-elevated', Environment: { Elevated: false } }));
    const result = sim(state, ['trace', 'start', '--simulate', file, '--json']);
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error).toMatchObject({ Id: 'NotElevated', Category: 'PermissionDenied' });
    expect(existsSync(join(state, 'simulated', 'trace-state.json'))).toBe(false);
  });

  it('no token or secret reaches the text the tool writes, even when the device logs one', () => {
    const state = machine('secrets');
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmVkLWJ5LXNvbWVvbmU';
    const file = join(state, 'leaky.json');
    writeFileSync(
      file,
      JSON.stringify({
        Extends: 'hybrid-wrong-password',
        Name: 'leaky',
        OnUnlock: {
          Attempt: {
            ...{ Outcome: 'Failure', Kind: 'Acquire', AttemptStatus: '0xc000006d', CredentialType: 'Password', CorrelationId: '3e7a9c52-1d84-4b6f-9a03-c5e8b2d71f96' },
            EndpointUri: 'https://login.microsoftonline.com/common/oauth2/token',
            HttpMethod: 'POST',
            HttpError: '0x0',
            HttpStatus: 400,
            ServerErrorCode: 'invalid_grant',
            ServerErrorDescription: `AADSTS50126: bad password. Authorization: Bearer ${jwt} refresh_token=0.ARwAqh7-AbCdEfGhIjKlMnOpQrStUv`,
          },
        },
      }),
    );
    const result = sim(state, ['trace', 'run', '--simulate', file, '--json']);
    expect(result.code).toBe(0);
    const bundle = parseSingleJson(result.stdout);
    for (const text of [result.stdout, result.stderr, ...textFilesOf(bundle.BundlePath)]) {
      expect(text).not.toContain(jwt);
      expect(text).not.toContain('ARwAqh7-AbCdEfGhIjKlMnOpQrStUv');
    }
    expect(readFileSync(join(bundle.BundlePath, 'dsregcmd-after.txt'), 'utf8')).toContain('Authorization: [credential removed]');
  });

  it('--dry-run prints the plan and changes nothing', () => {
    const state = machine('dry-run');
    const result = sim(state, ['trace', 'run', '--simulate', 'hybrid-wrong-password', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes');
    expect(result.stdout).toContain('undo: netsh trace stop');
    expect(existsSync(join(state, 'simulated', 'traces'))).toBe(false);
  });

  it('SIGINT during the simulated repro undoes everything and exits 5', async () => {
    const state = machine('sigint-sim');
    const child = spawn(linuxExe, ['trace', 'run', '--simulate', 'hybrid-wrong-password', '--json'], { env: { ...process.env, NO_COLOR: '1', PRT_STATE_DIR: state, PRT_SIM_SPEED: '20' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = collect(child.stderr);
    await until(() => stderr().includes('>> Lock this device now'), 30_000);
    child.kill('SIGINT');
    const code = await exited(child);
    expect(code).toBe(5);
    expect(stderr()).toContain('interrupted by SIGINT');
    expect(existsSync(join(state, 'simulated', 'trace-state.json'))).toBe(false);
    const device = JSON.parse(readFileSync(join(state, 'simulated', 'device.json'), 'utf8'));
    expect(device).toMatchObject({ AnalyticEnabled: false, NetworkTrace: { Running: false } });
  });
});

describe('prt trace in forced live mode against fake Windows tools', () => {
  let fakeBin: string;
  let scripts: string;
  beforeAll(() => {
    fakeBin = join(work, 'fakebin');
    mkdirSync(fakeBin, { recursive: true });
    for (const tool of ['dsregcmd', 'netsh', 'wevtutil', 'tasklist', 'TTD', 'icacls', 'reg', 'whoami', 'rundll32', 'powershell']) {
      copyFileSync(join(repoRoot, 'test/fakes/bin', tool), join(fakeBin, tool));
    }
    scripts = join(work, 'authscripts');
    mkdirSync(scripts, { recursive: true });
    writeFileSync(join(scripts, 'start-auth.ps1'), '# stand-in\n');
    writeFileSync(join(scripts, 'stop-auth.ps1'), '# stand-in\n');
  });

  let dir: string;
  let log: string;
  let env: NodeJS.ProcessEnv;
  beforeEach((test) => {
    dir = machine(`live-${test.task.id}`);
    log = join(dir, 'calls.log');
    mkdirSync(join(dir, 'fakestate'));
    writeFileSync(log, '');
    env = {
      PRT_FORCE_LIVE: '1',
      PATH: `${fakeBin}:/usr/bin:/bin`,
      PRT_STATE_DIR: join(dir, 'state'),
      PRT_RECORDER_SETTLE_MS: '300',
      FAKE_TOOL_LOG: log,
      FAKE_STATE_DIR: join(dir, 'fakestate'),
      FAKE_DSREGCMD_OUTPUT: join(repoRoot, fixture('hybrid-enterprise-prt.txt')),
    };
  });

  const calls = () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
  const live = (args: string[], extra: NodeJS.ProcessEnv = {}) => runPrt(args, { ...env, ...extra }, 60_000);
  const bundleOf = () => {
    const traces = join(env.PRT_STATE_DIR!, 'traces');
    return join(traces, readdirSync(traces).find((name) => !name.endsWith('.zip'))!);
  };

  it('start then stop issue exactly these commands, in this order', () => {
    const started = live(['trace', 'start', '--lsass-trace', '--yes', '--json']);
    expect(started.code).toBe(0);
    const bundle = parseSingleJson(started.stdout).BundlePath;
    const stopped = live(['trace', 'stop', '--json']);
    expect(stopped.code).toBe(0);
    expect(parseSingleJson(stopped.stdout).Outcome).toBe('Completed');
    // The device checks' reads run at once: their TPM event query is checked apart from the ordered list.
    const tpmQuery = (line: string) => line.startsWith('wevtutil qe System ');
    expect(calls().filter(tpmQuery)).toEqual([expect.stringMatching(/^wevtutil qe System \/q:.+ \/c:50 \/rd:true \/f:RenderedXml$/)]);
    expect(calls().filter((line) => !tpmQuery(line))).toEqual([
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP',
      'whoami /groups /fo csv /nh',
      'netsh trace show status',
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'dsregcmd /status',
      `icacls ${bundle} /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F`,
      // The network probe as SYSTEM (#14), before any trace starts: identity, then the route's settings.
      'dsregcmd /status',
      'netsh winhttp show proxy',
      'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
      'wevtutil gl Microsoft-Windows-AAD/Analytic',
      'wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true',
      `netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes report=disabled maxsize=1024 tracefile=${bundle}/network/NetTrace.etl`,
      'tasklist /m lsasrv.dll /fo csv /nh',
      `TTD -accepteula -noUI -attach 812 -out ${bundle}/lsass`,
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP',
      'TTD -stop all',
      'netsh trace show status',
      'netsh trace stop',
      'wevtutil gl Microsoft-Windows-AAD/Analytic',
      'wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true',
      // Each export is read back as XML and scrubbed; the raw .evtx is then deleted.
      `wevtutil epl Microsoft-Windows-AAD/Operational ${bundle}/events/Microsoft-Windows-AAD-Operational.evtx /ow:true`,
      `wevtutil qe ${bundle}/events/Microsoft-Windows-AAD-Operational.evtx /lf:true /f:RenderedXml`,
      `wevtutil epl Microsoft-Windows-AAD/Analytic ${bundle}/events/Microsoft-Windows-AAD-Analytic.evtx /ow:true`,
      `wevtutil qe ${bundle}/events/Microsoft-Windows-AAD-Analytic.evtx /lf:true /f:RenderedXml`,
      'dsregcmd /status',
      // The device checks of device.json (#15): of their tools, reg, powershell (the AD collector,
      // run from a private temp folder) and wevtutil (above) are among this test's fakes.
      'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD',
      expect.stringMatching(/^powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \/\S+\/prt-device-[^/]+\/prt-device-ad\.ps1$/),
      'collector script present',
      `icacls ${bundle}.zip /inheritance:r /grant:r *S-1-5-32-544:F *S-1-5-18:F`,
    ]);
    expect(readdirSync(join(bundle, 'lsass'))).toEqual(['lsass02.run']);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    expect(manifest.Steps.find((step: { Id: string }) => step.Id === 'NetworkTrace').Undo.ToolRuns.map((run: { CommandLine: string; ExitCode: number }) => [run.CommandLine, run.ExitCode])).toEqual([
      ['netsh trace show status', 0],
      ['netsh trace stop', 0],
    ]);
  });

  it('run with the Auth scripts and --lock: the scripts around the repro, no netsh of our own', () => {
    const result = live(['trace', 'run', '--auth-scripts', scripts, '--lock', '--timeout', '0', '--json']);
    expect(result.code).toBe(0);
    const lines = calls();
    const start = `powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File ${join(scripts, 'start-auth.ps1')} -v -acceptEULA`;
    const stop = `powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File ${join(scripts, 'stop-auth.ps1')}`;
    expect(lines.indexOf(start)).toBeGreaterThan(lines.indexOf('wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true'));
    expect(lines.indexOf('rundll32 user32.dll,LockWorkStation')).toBeGreaterThan(lines.indexOf(start));
    expect(lines.indexOf(stop)).toBeGreaterThan(lines.indexOf('rundll32 user32.dll,LockWorkStation'));
    expect(lines.some((line) => line.startsWith('netsh trace start'))).toBe(false);
    expect(readdirSync(join(bundleOf(), 'authlogs')).sort()).toEqual(['Kerberos.etl', 'started.txt']);
  });

  it.each([
    ['not elevated', { FAKE_ELEVATED: '0' }, 'NotElevated'],
    ['another netsh trace running', { FAKE_NETSH_MODE: 'other-running' }, 'NetworkTraceRunning'],
    ['LSA protection on', { FAKE_RUNASPPL: '1' }, 'LsaProtectionOn'],
  ])('%s: exit 4 with %s, and only read-only commands ran', (_what, extra, id) => {
    const result = live(['trace', 'start', '--lsass-trace', '--yes', '--json'], extra);
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error.Id).toBe(id);
    expect(calls().every((line) => /^(whoami|netsh trace show status|reg query)/.test(line))).toBe(true);
  });

  it('TTD missing: the preflight says where to get it', () => {
    rmSync(join(fakeBin, 'TTD'));
    try {
      const result = live(['trace', 'start', '--lsass-trace', '--yes', '--json']);
      expect(result.code).toBe(4);
      expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error).toMatchObject({ Id: 'TtdNotInstalled', Message: expect.stringContaining('https://aka.ms/ttd/download') });
    } finally {
      copyFileSync(join(repoRoot, 'test/fakes/bin/TTD'), join(fakeBin, 'TTD'));
    }
  });

  it('access denied while enabling the Analytic log: the start fails and undoes what it did', () => {
    const result = live(['trace', 'start', '--json'], { FAKE_WEVTUTIL_SL_MODE: 'access-denied' });
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error.Message).toContain('Access is denied');
    expect(existsSync(join(env.PRT_STATE_DIR!, 'trace-state.json'))).toBe(false);
    expect(calls().some((line) => line.startsWith('netsh trace start'))).toBe(false);
  });

  it('TTD refused: the network trace and the Analytic log are undone', () => {
    const result = live(['trace', 'start', '--lsass-trace', '--yes', '--json'], { FAKE_TTD_MODE: 'refuse' });
    expect(result.code).toBe(4);
    const lines = calls();
    expect(lines.slice(lines.indexOf(lines.find((line) => line.startsWith('TTD -accepteula'))!) + 1)).toEqual([
      'TTD -stop all',
      'netsh trace show status',
      'netsh trace stop',
      'wevtutil gl Microsoft-Windows-AAD/Analytic',
      'wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true',
    ]);
    expect(existsSync(join(env.PRT_STATE_DIR!, 'trace-state.json'))).toBe(false);
  });

  /** The undo commands a killed or interrupted run must leave to be issued. */
  const undoCommands = ['TTD -stop all', 'netsh trace stop', 'wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true'];

  async function runUntilWatching(): Promise<{ child: ReturnType<typeof spawn>; stderr: () => string }> {
    const child = spawn(linuxExe, ['trace', 'run', '--lsass-trace', '--yes', '--json'], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = collect(child.stderr);
    await until(() => stderr().includes('>> Lock this device now'), 30_000);
    return { child, stderr };
  }

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s mid-trace: prt undoes everything itself and exits 5', async (signal) => {
    const { child, stderr } = await runUntilWatching();
    const before = calls().length;
    child.kill(signal);
    expect(await exited(child)).toBe(5);
    expect(stderr()).toContain(`interrupted by ${signal}`);
    const after = calls().slice(before);
    for (const command of undoCommands) expect(after).toContain(command);
    expect(after.indexOf('TTD -stop all')).toBeLessThan(after.indexOf('netsh trace stop'));
    expect(existsSync(join(env.PRT_STATE_DIR!, 'trace-state.json'))).toBe(false);
    expect(existsSync(join(env.FAKE_STATE_DIR!, 'netsh-trace'))).toBe(false);
    expect(readFileSync(join(env.FAKE_STATE_DIR!, 'wevtutil-Microsoft-Windows-AAD_Analytic.enabled'), 'utf8')).toBe('false');
  });

  it('SIGKILL mid-trace: the state file stays, and prt trace stop issues every undo', async () => {
    const { child } = await runUntilWatching();
    child.kill('SIGKILL');
    await exited(child);
    expect(existsSync(join(env.PRT_STATE_DIR!, 'trace-state.json'))).toBe(true);
    expect(existsSync(join(env.FAKE_STATE_DIR!, 'netsh-trace'))).toBe(true);
    const status = parseSingleJson(live(['trace', 'status', '--json']).stdout);
    expect(status).toMatchObject({ Active: true, Interrupted: true, Busy: false });
    const before = calls().length;
    const stopped = live(['trace', 'stop', '--json']);
    expect(stopped.code).toBe(0);
    expect(parseSingleJson(stopped.stdout).Outcome).toBe('Recovered');
    const after = calls().slice(before);
    for (const command of undoCommands) expect(after).toContain(command);
    expect(existsSync(join(env.PRT_STATE_DIR!, 'trace-state.json'))).toBe(false);
    expect(existsSync(join(env.FAKE_STATE_DIR!, 'netsh-trace'))).toBe(false);
    expect(readFileSync(join(env.FAKE_STATE_DIR!, 'wevtutil-Microsoft-Windows-AAD_Analytic.enabled'), 'utf8')).toBe('false');
  });

  it('SIGKILL mid-trace: the next prt trace start cleans up first, then starts', async () => {
    const { child } = await runUntilWatching();
    child.kill('SIGKILL');
    await exited(child);
    const before = calls().length;
    const started = live(['trace', 'start', '--no-network-trace', '--json']);
    expect(started.code).toBe(0);
    expect(parseSingleJson(started.stdout).Recovered).toMatchObject({ Outcome: 'Recovered' });
    const after = calls().slice(before);
    for (const command of undoCommands) expect(after).toContain(command);
    expect(after.indexOf('netsh trace stop')).toBeLessThan(after.lastIndexOf('wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true'));
    expect(live(['trace', 'stop', '--json']).code).toBe(0);
    expect(existsSync(join(env.PRT_STATE_DIR!, 'trace-state.json'))).toBe(false);
  });
});

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return () => text;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
  });
}
