// `prt probe --as system` through a one-shot scheduled task (#14 item 6), against the fake
// schtasks (test/fakes/bin/schtasks), which runs the task's command line as Windows would split it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { probeDevice } from '../../../src/app/probe.js';
import { prtSelfCommand, quoteWindowsArgument, runAsSystemTask, runsAsSystem, SystemTaskFailed, taskXml } from '../../../src/host/system-task.js';
import { readProbeReport } from '../../../src/probe/report-check.js';
import type { ProbeReport } from '../../../src/probe/types.js';
import { runInMemory, scriptedHost } from '../cli/harness.js';
import { CLOUD_HOSTS, Lab, STS } from './helpers/lab.js';

const repo = join(import.meta.dirname, '../../..');
const fakes = join(repo, 'test/fakes/bin');
const splitter = join(repo, 'test/fakes/lib/task-command.cjs');
const dsregcmd = readFileSync(join(repo, 'test/fixtures/dsregcmd/missing-prt-0xc000006d-aadsts50126.txt'));
const work = mkdtempSync(join(tmpdir(), 'prt-probe-system-'));

/** What Windows would start for this task: the working folder, the program, the arguments (split by the fake's CommandLineToArgvW rules). */
function startedBy(xml: string): string[] {
  const file = join(work, `split-${String(Math.random()).slice(2)}.xml`);
  writeFileSync(file, xml);
  return execFileSync('node', [splitter, file], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('the task XML', () => {
  const hostile = ['C:\\Program Files\\PrtTools\\bin\\', 'a "quoted" name', 'R&D <lab> \'x\'', '', 'trailing\\\\', 'tab\there', 'C:\\ProgramData\\PrtTools\\probe-1\\probe.json'];
  const xml = taskXml({ command: 'C:\\Program Files\\R&D Tools\\prt.exe', arguments: ['probe', '--as', 'system', ...hostile], workingDirectory: 'C:\\ProgramData\\PrtTools\\probe-1', executionLimitSeconds: 240 });
  const task = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml).Task;

  test('is well-formed, runs as SYSTEM by SID with the highest run level, has no trigger and a time limit', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(task.Principals.Principal.UserId).toBe('S-1-5-18');
    expect(task.Principals.Principal.RunLevel).toBe('HighestAvailable');
    expect(task.Triggers).toBeUndefined();
    expect(task.Settings.ExecutionTimeLimit).toBe('PT240S');
    expect(task.Settings.DisallowStartIfOnBatteries).toBe('false');
    expect(task.Actions.Exec.Command).toBe('C:\\Program Files\\R&D Tools\\prt.exe');
  });

  test('escapes &, <, > and quotes for XML (the raw text has no bare ampersand)', () => {
    expect(xml).toContain('<Command>C:\\Program Files\\R&amp;D Tools\\prt.exe</Command>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  test('Windows gives back exactly the arguments given: spaces, quotes, ampersands, empty, trailing backslashes', () => {
    expect(startedBy(xml)).toEqual(['C:\\ProgramData\\PrtTools\\probe-1', 'C:\\Program Files\\R&D Tools\\prt.exe', 'probe', '--as', 'system', ...hostile]);
  });

  test('quoting follows the C runtime: plain stays plain, backslashes doubled only before a quote', () => {
    expect(quoteWindowsArgument('probe')).toBe('probe');
    expect(quoteWindowsArgument('C:\\a b\\')).toBe('"C:\\a b\\\\"');
    expect(quoteWindowsArgument('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteWindowsArgument('')).toBe('""');
  });
});

describe('who runs prt', () => {
  test('SYSTEM is recognised by its profile folder from the token, on Windows only', () => {
    expect(runsAsSystem('win32', () => 'C:\\WINDOWS\\system32\\config\\systemprofile')).toBe(true);
    expect(runsAsSystem('win32', () => 'C:\\Windows\\ServiceProfiles\\NetworkService')).toBe(false);
    expect(runsAsSystem('win32', () => 'C:\\Users\\ines.moreau')).toBe(false);
    expect(runsAsSystem('linux', () => 'C:\\WINDOWS\\system32\\config\\systemprofile')).toBe(false);
  });

  test('the self command: PRT_SELF_COMMAND only in forced live mode; a test runner is no prt executable', () => {
    expect(prtSelfCommand({ PRT_FORCE_LIVE: '1', PRT_SELF_COMMAND: '["/opt/prt"]' })).toEqual(['/opt/prt']);
    expect(prtSelfCommand({ PRT_SELF_COMMAND: '["/opt/prt"]' })).toBeNull();
    expect(() => prtSelfCommand({ PRT_FORCE_LIVE: '1', PRT_SELF_COMMAND: '"/opt/prt"' })).toThrow(/JSON array/);
  });
});

describe('prt probe as SYSTEM through the fake schtasks, forced live mode', () => {
  let lab: Lab;
  let bundle: string;
  let state: string;
  let log: string;
  beforeAll(async () => {
    // The real prt, bundled as the build does, for the task to start.
    bundle = join(work, 'prt.cjs');
    execFileSync(process.execPath, [join(repo, 'scripts/build/bundle.mjs'), join(repo, 'src/cli/main.ts'), bundle], { cwd: repo, stdio: 'ignore' });
    lab = await Lab.start();
  }, 60_000);
  afterAll(async () => {
    await lab.stop();
    rmSync(work, { recursive: true, force: true });
  });
  beforeEach(() => {
    state = mkdtempSync(join(work, 'state-'));
    log = join(state, 'tools.log');
  });

  const hosts = () => [...CLOUD_HOSTS, STS].map((host) => `${host}=127.0.0.1:${lab.ports.microsoft ?? 0}`).concat(`authproxy.lab.test=127.0.0.1:${lab.ports.authProxy ?? 0}`).join(',');
  const env = (more: Record<string, string> = {}) => ({
    PRT_FORCE_LIVE: '1',
    PRT_SYSTEM32_DIR: fakes,
    PRT_SELF_COMMAND: JSON.stringify([process.execPath, bundle]),
    PRT_STATE_DIR: state,
    FAKE_STATE_DIR: state,
    FAKE_TOOL_LOG: log,
    PRT_PROBE_HOSTS: hosts(),
    PRT_PROBE_TIMEOUT_MS: '1500',
    PATH: process.env.PATH ?? '',
    ...more,
  });
  const host = () => scriptedHost({ runDsregcmdStatus: async () => dsregcmd, now: () => new Date() });
  const calls = () => readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('schtasks '));
  /** What prt did to the task, leaving out its status queries (how many depends on the machine's speed). */
  const verbs = () => calls().map((line) => line.split(' ')[1]).filter((verb) => verb !== '/Query');
  const probeFolders = () => readdirSync(state).filter((name) => name.startsWith('PrtTools-Probe-'));
  const probe = async (argv: string[], more: Record<string, string> = {}) => {
    const result = await runInMemory(['probe', '--json', ...argv], host(), env(more));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as ProbeReport;
  };

  test('--as both: the SYSTEM run comes from the task (its own WinHTTP proxy), the user\'s from this process, side by side', async () => {
    const report = await probe(['--as', 'both'], { FAKE_WINHTTP_PROXY: 'authproxy.lab.test:8080' });
    const [system, user] = report.Runs;
    expect(system).toMatchObject({ Context: 'System', ContextSource: 'ScheduledTask', ContextError: null });
    expect(system?.Endpoints[0]?.Route).toMatchObject({ Source: 'WinHttpStatic', Proxy: 'authproxy.lab.test:8080' });
    expect(user?.Context).toBe('User');
    expect(user?.ContextSource).toBeUndefined();
    expect(report.Findings.map((finding) => finding.Id)).toContain('ProxyAuthRequired');
    expect(report.Findings.map((finding) => finding.Id)).toContain('ContextsDiffer');
    // The task was given what the parent read from dsregcmd, and ran this prt with --task-output.
    const task = readFileSync(join(state, 'last-task.xml'), 'utf8');
    expect(task).toContain('<UserId>S-1-5-18</UserId>');
    const started = startedBy(task);
    expect(started.slice(1, 3)).toEqual([process.execPath, bundle]);
    expect(started.slice(3)).toEqual(['probe', '--as', 'system', '--json', '--cloud', 'Public', '--tenant', '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', '--upn', 'lena.hoffmann@contoso.com', '--task-output', expect.stringMatching(/PrtTools-Probe-[0-9a-f]{16}[\\/]probe\.json$/)]);
    expect(verbs()).toEqual(['/Create', '/Run', '/Delete']);
    expect(readFileSync(log, 'utf8')).toMatch(/icacls \S+PrtTools-Probe-[0-9a-f]{16} \/inheritance:r \/grant:r \*S-1-5-32-544:\(OI\)\(CI\)F \*S-1-5-18:\(OI\)\(CI\)F/);
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('a caller that cannot remove a task on Ctrl+C (the doctor, error --probe, the trace: no signal given) never starts one', async () => {
    writeFileSync(log, '');
    const report = await probeDevice(host(), { contexts: ['System'], env: env() });
    expect(report.Runs[0]).toMatchObject({ Context: 'System', ContextSource: 'InProcess' });
    expect(report.Runs[0]?.ContextNote).toMatch(/prt probe --as system/);
    expect(report.Runs[0]?.Endpoints.length).toBeGreaterThan(0);
    expect(calls()).toEqual([]);
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('schtasks /Create is refused (not elevated): SYSTEM read in this process, and the run says why', async () => {
    const report = await probe([], { FAKE_SCHTASKS_MODE: 'create-denied' });
    expect(report.Runs[0]).toMatchObject({ Context: 'System', ContextSource: 'InProcess' });
    expect(report.Runs[0]?.ContextNote).toMatch(/could not be set up: .*Access is denied.*read from this process instead/);
    expect(report.Runs[0]?.Endpoints.length).toBeGreaterThan(0);
    expect(verbs()).toEqual(['/Create']);
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('the task never writes its document: the SYSTEM run failed with the reason; task ended, deleted, folder gone', async () => {
    const report = await probe(['--as', 'both'], { FAKE_SCHTASKS_MODE: 'no-file', PRT_PROBE_TASK_WAIT_MS: '1000' });
    const [system, user] = report.Runs;
    expect(system).toMatchObject({ Context: 'System', ContextSource: 'ScheduledTask', Endpoints: [] });
    expect(system?.ContextError).toMatch(/wrote no document \(`.*probe\.json`\) within 1 s/);
    // The user side still ran, and a failed SYSTEM run is no difference between the contexts.
    expect(user?.Endpoints.length).toBeGreaterThan(0);
    expect(report.Findings.map((finding) => finding.Id)).not.toContain('ContextsDiffer');
    expect(verbs()).toEqual(['/Create', '/Run', '/End', '/Delete']);
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('the task ends at once without its document: seen from its last result, not waited for until the time is up', async () => {
    const report = await probe([], { FAKE_SCHTASKS_MODE: 'crash', PRT_PROBE_TASK_WAIT_MS: '120000' });
    expect(report.Runs[0]?.ContextError).toMatch(/the task as SYSTEM ended \(last result 0x3\) without writing its document \(`.*probe\.json`\)/);
    expect(calls().some((line) => /^schtasks \/Query \/TN PrtTools-Probe-[0-9a-f]{16} \/FO CSV \/V \/NH$/.test(line))).toBe(true);
    expect(verbs()).toEqual(['/Create', '/Run', '/End', '/Delete']);
    expect(probeFolders()).toEqual([]);
  }, 30_000);

  test('the task writes garbage: the SYSTEM run failed, naming the file; task deleted, folder gone', async () => {
    const report = await probe([], { FAKE_SCHTASKS_MODE: 'garbage', PRT_PROBE_TASK_WAIT_MS: '10000' });
    expect(report.Runs[0]?.ContextError).toMatch(/`.*PrtTools-Probe-[0-9a-f]{16}[\\/]probe\.json` is not JSON/);
    expect(verbs()).toEqual(['/Create', '/Run', '/Delete']);
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('interrupted while the task runs: the wait stops, the task is ended and deleted, the folder removed', async () => {
    const controller = new AbortController();
    const waiting = runAsSystemTask({
      self: ['/nonexistent/prt'],
      args: ['probe'],
      outputFlag: '--task-output',
      env: env({ FAKE_SCHTASKS_MODE: 'no-file' }),
      baseFolder: state,
      waitMs: 60_000,
      toolTimeoutMs: 10_000,
      pollMs: 50,
      signal: controller.signal,
      onActive: (active) => {
        if (active) setTimeout(() => { controller.abort(); }, 300);
      },
      read: readProbeReport,
    });
    await expect(waiting).rejects.toMatchObject({ id: 'Interrupted', exitCode: 5 });
    expect(verbs()).toEqual(['/Create', '/Run', '/End', '/Delete']);
    expect(probeFolders()).toEqual([]);
  }, 30_000);

  test('text output: SYSTEM\'s run says how it was taken, a failed one says NOT PROBED, and the hosts stand side by side', async () => {
    const ok = await runInMemory(['probe', '--as', 'both'], host(), env({ FAKE_WINHTTP_PROXY: 'authproxy.lab.test:8080' }));
    expect(ok.stdout).toContain('run by a one-shot scheduled task as SYSTEM');
    expect(ok.stdout).toMatch(/Side by side\s+SYSTEM\s+user\n {2}login\.microsoftonline\.com\s+fails\s+reaches/);
    const failed = await runInMemory(['probe', '--as', 'both'], host(), env({ FAKE_SCHTASKS_MODE: 'no-file', PRT_PROBE_TASK_WAIT_MS: '500' }));
    expect(failed.stdout).toMatch(/NOT PROBED: the probe as SYSTEM failed: the task as SYSTEM wrote no document/);
    expect(failed.stdout).toMatch(/login\.microsoftonline\.com\s+not probed\s+reaches/);
    expect(failed.stdout).not.toContain('No network finding');
    const inProcess = await runInMemory(['probe'], host(), env({ FAKE_SCHTASKS_MODE: 'create-denied' }));
    expect(inProcess.stdout).toMatch(/read in prt's own process: the scheduled task could not be set up/);
  }, 60_000);

  test('something planted in the private folder before it was restricted: no task is made, SYSTEM read in this process', async () => {
    // System32 of fakes whose icacls lets a "user" drop a file in the folder just before the restriction.
    const system32 = mkdtempSync(join(work, 'system32-'));
    for (const tool of readdirSync(fakes)) symlinkSync(join(fakes, tool), join(system32, tool));
    rmSync(join(system32, 'icacls'));
    writeFileSync(join(system32, 'icacls'), '#!/usr/bin/env bash\nprintf planted >"$1/task.xml"\n', { mode: 0o755 });
    const report = await probe([], { PRT_SYSTEM32_DIR: system32 });
    expect(report.Runs[0]).toMatchObject({ Context: 'System', ContextSource: 'InProcess' });
    expect(report.Runs[0]?.ContextNote).toMatch(/already held task\.xml when prt restricted it/);
    expect(verbs()).toEqual([]);
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('no schtasks at all: SYSTEM read in this process, said so, and no folder was even made', async () => {
    const system32 = mkdtempSync(join(work, 'system32-'));
    for (const tool of readdirSync(fakes).filter((name) => name !== 'schtasks')) symlinkSync(join(fakes, tool), join(system32, tool));
    const report = await probe([], { PRT_SYSTEM32_DIR: system32 });
    expect(report.Runs[0]).toMatchObject({ Context: 'System', ContextSource: 'InProcess' });
    expect(report.Runs[0]?.ContextNote).toMatch(/schtasks was not found/);
    expect(readFileSync(log, 'utf8')).not.toContain('icacls');
    expect(probeFolders()).toEqual([]);
  }, 60_000);

  test('a document of the wrong shape is refused by name', () => {
    expect(() => readProbeReport('{"SchemaVersion":1}', 'C:\\x\\probe.json')).toThrow(/`C:\\x\\probe\.json` is JSON but not a prt probe document/);
    expect(new SystemTaskFailed('x').id).toBe('SystemTaskFailed');
    // What the task's prt leaves when it stops with an error: its reason, not "not a probe document".
    expect(() => readProbeReport('{"Error":{"Id":"NotWindows","Message":"no device here"}}\n', 'C:\\x\\probe.json')).toThrow('prt as SYSTEM stopped with NotWindows: no device here');
  });

  test('without a self command (a development run) the SYSTEM side is read in this process, said so, and no task is made', async () => {
    const result = await runInMemory(['probe', '--json'], host(), { ...env(), PRT_SELF_COMMAND: '' });
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report.Runs[0]).toMatchObject({ ContextSource: 'InProcess' });
    expect(report.Runs[0]?.ContextNote).toMatch(/not running from its executable/);
    expect(existsSync(log) ? calls() : []).toEqual([]);
  });
});
