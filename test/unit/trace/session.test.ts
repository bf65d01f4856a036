import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256File } from '../../../src/trace/bundle.js';
import { runTrace, startTrace, stopTrace, traceStatus, watchTrace } from '../../../src/trace/session.js';
import { authScriptsFolder, leftAsItWas, pristine, scenarioNames, SimLab } from './sim-harness.js';

const labs: SimLab[] = [];
const lab = (scenario: string, changes = {}) => {
  const made = new SimLab(scenario, changes);
  labs.push(made);
  return made;
};
afterEach(() => {
  for (const made of labs.splice(0)) made.dispose();
});

const expected: Record<string, { outcome: string; status: string | null; before: string; after: string }> = {
  healthy: { outcome: 'PrtRenewed', status: null, before: 'Healthy', after: 'Healthy' },
  'hybrid-wrong-password': { outcome: 'AttemptFailed', status: '0xc000006d', before: 'Missing', after: 'Missing' },
  'network-unreachable': { outcome: 'AttemptFailed', status: '0xc000023c', before: 'Stale', after: 'Stale' },
  'stale-fixed-by-unlock': { outcome: 'PrtRenewed', status: null, before: 'Stale', after: 'Healthy' },
  'ws-trust-dtd': { outcome: 'AttemptFailed', status: '0xc00cee4f', before: 'Missing', after: 'Missing' },
  'proxy-auth-required': { outcome: 'AttemptFailed', status: '0xc000023c', before: 'Stale', after: 'Stale' },
  'tls-inspection': { outcome: 'AttemptFailed', status: '0xc000023c', before: 'Stale', after: 'Stale' },
  'clock-skew': { outcome: 'AttemptFailed', status: '0xcaa20003', before: 'Stale', after: 'Stale' },
  'federated-mex-dtd': { outcome: 'AttemptFailed', status: '0xc00cee4f', before: 'Missing', after: 'Missing' },
  'device-cert-expired': { outcome: 'AttemptFailed', status: '0xc000006d', before: 'Missing', after: 'Missing' },
  'tpm-locked-out': { outcome: 'AttemptFailed', status: '0x80280921', before: 'Stale', after: 'Stale' },
  // Not joined: the unlock tries no PRT, so the watch sees nothing happen.
  'scp-wrong-tenant': { outcome: 'TimedOut', status: null, before: 'NotApplicable', after: 'NotApplicable' },
  'join-task-disabled': { outcome: 'TimedOut', status: null, before: 'NotApplicable', after: 'NotApplicable' },
};

describe('the guided trace on each simulated scenario', () => {
  it.each(scenarioNames)('%s: watches the repro to its outcome, collects a bundle and leaves the device as it was', async (name) => {
    const sim = lab(name);
    const ctx = sim.context();
    const bundle = await runTrace(ctx, sim.options());
    expect(bundle.Outcome).toBe('Completed');
    expect(bundle.Repro?.Outcome).toBe(expected[name]!.outcome);
    expect(bundle.Repro?.AttemptStatus).toBe(expected[name]!.status);
    expect(bundle.StatusBefore?.Health).toBe(expected[name]!.before);
    expect(bundle.StatusAfter?.Health).toBe(expected[name]!.after);
    expect(bundle.Diagnosis?.AttemptStatus ?? null).toBe(expected[name]!.status);
    expect(leftAsItWas(sim.device)).toEqual(pristine);
    expect(sim.stateFileExists()).toBe(false);
  });

  it('puts the steps in order: snapshot, folder, Analytic log, network trace, repro, stop, restore, export, snapshot, report', async () => {
    const sim = lab('hybrid-wrong-password');
    await runTrace(sim.context(), sim.options());
    expect(sim.device.state.Calls.filter((line) => !/show status|whoami|dsregcmd|wevtutil gl/.test(line)).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'icacls ' + sim.device.state.Calls.find((l) => l.startsWith('icacls'))!.split(' ')[1] + ' /inheritance:r',
      'wevtutil sl Microsoft-Windows-AAD/Analytic',
      'netsh trace start',
      'netsh trace stop',
      'wevtutil sl Microsoft-Windows-AAD/Analytic',
      'wevtutil epl Microsoft-Windows-AAD/Operational',
      'wevtutil epl Microsoft-Windows-AAD/Analytic',
      expect.stringMatching(/^icacls .*\.zip \/inheritance:r$/),
    ]);
    expect(sim.device.state.Calls).toContain('wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true');
    expect(sim.device.state.Calls).toContain('wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true');
  });

  it('writes a bundle whose manifest lists every file with its size and SHA-256, and a zip that unzip accepts', async () => {
    const sim = lab('hybrid-wrong-password');
    const bundle = await runTrace(sim.context(), sim.options());
    const folder = bundle.BundlePath!;
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    const names = manifest.Files.map((file: { Path: string }) => file.Path);
    expect(names).toEqual(
      expect.arrayContaining(['dsregcmd-before.txt', 'dsregcmd-after.txt', 'events/Microsoft-Windows-AAD-Operational.xml', 'events/Microsoft-Windows-AAD-Analytic.xml', 'network/NetTrace.etl', 'report.json', 'report.txt', 'trace.log']),
    );
    for (const file of manifest.Files) {
      const path = join(folder, file.Path);
      expect(statSync(path).size).toBe(file.Bytes);
      expect(await sha256File(path)).toBe(file.Sha256);
    }
    expect(manifest.Steps.find((step: { Id: string }) => step.Id === 'NetworkTrace').ToolRuns[0]).toMatchObject({ ExitCode: 0, CommandLine: expect.stringMatching(/^netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes /) });
    const test = spawnSync('unzip', ['-t', bundle.ZipPath!], { encoding: 'utf8' });
    expect(test.status).toBe(0);
    expect(test.stdout).toContain('No errors detected');
    expect(report(folder)).toContain('0xc000006d');
  });

  it('puts the device checks in the bundle (device.json), and prt doctor on the bundle reads them', async () => {
    const sim = lab('hybrid-wrong-password');
    const bundle = await runTrace(sim.context(), sim.options());
    const folder = bundle.BundlePath!;
    const device = JSON.parse(readFileSync(join(folder, 'device.json'), 'utf8'));
    expect(device.SchemaVersion).toBe(1);
    expect(device.Checks.find((check: { Id: string }) => check.Id === 'DeviceCertExpired').Result).toBe('Pass');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.Files.map((file: { Path: string }) => file.Path)).toContain('device.json');
    const { runDoctor } = await import('../../../src/app/doctor.js');
    const { createHost } = await import('../../../src/host/create.js');
    const doctor = await runDoctor(createHost({}, 'linux'), { events: [], bundle: folder });
    expect(doctor.Device?.Checks.length).toBe(device.Checks.length);
    expect(doctor.Causes[0]?.Id).toBe('WrongPassword');
  });

  it('restricts the bundle folder and the zip to their owner off Windows (icacls on Windows)', async () => {
    const sim = lab('healthy');
    const bundle = await runTrace(sim.context(), sim.options());
    expect(statSync(bundle.BundlePath!).mode & 0o777).toBe(0o700);
    expect(statSync(bundle.ZipPath!).mode & 0o777).toBe(0o600);
    expect(sim.device.state.Calls.filter((line) => line.startsWith('icacls'))).toEqual([
      `icacls ${bundle.BundlePath} /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F`,
      `icacls ${bundle.ZipPath} /inheritance:r /grant:r *S-1-5-32-544:F *S-1-5-18:F`,
    ]);
  });

  it('leaves an Analytic log that was already enabled enabled, and says so', async () => {
    const sim = lab('healthy', { Environment: { AnalyticEnabled: true } });
    const bundle = await runTrace(sim.context(), sim.options());
    expect(sim.device.state.AnalyticEnabled).toBe(true);
    expect(sim.device.state.Calls.some((line) => line.startsWith('wevtutil sl'))).toBe(false);
    expect(bundle.Warnings.join(' ')).toContain('left enabled');
  });

  it('exports an enabled Analytic log that refuses to be read by disabling it for the export, then enables it again', async () => {
    const sim = lab('healthy', { Environment: { AnalyticEnabled: true } });
    // Windows may refuse to read an enabled Analytic (direct) channel (DESIGN §7).
    const refusing = new Proxy(sim.host, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'exportChannel') return value;
        return (channel: string, folder: string) =>
          channel.endsWith('/Analytic') && sim.device.state.AnalyticEnabled ? Promise.reject(new Error('The channel is enabled and cannot be read.')) : value.call(target, channel, folder);
      },
    });
    const bundle = await runTrace(sim.context(refusing), sim.options());
    const calls = sim.device.state.Calls.filter((line) => /^wevtutil (sl|epl) .*Analytic/.test(line)).map((line) => line.split(' ').slice(0, 4).join(' '));
    expect(calls).toEqual(['wevtutil sl Microsoft-Windows-AAD/Analytic /e:false', 'wevtutil epl Microsoft-Windows-AAD/Analytic ' + calls[1]!.split(' ')[3], 'wevtutil sl Microsoft-Windows-AAD/Analytic /e:true']);
    expect(sim.device.state.AnalyticEnabled).toBe(true);
    expect(bundle.Files.map((file) => file.Path)).toContain('events/Microsoft-Windows-AAD-Analytic.xml');
    expect(bundle.Steps.find((step) => step.Id === 'ExportEvents')?.Status).toBe('Done');
    expect(bundle.Warnings.join(' ')).toContain('cleared it');
    expect(sim.stateFileExists()).toBe(false);
  });

  it('locks the workstation when asked, and the simulated user unlocks it', async () => {
    const sim = lab('hybrid-wrong-password');
    const bundle = await runTrace(sim.context(), sim.options({ LockWorkstation: true }));
    expect(sim.device.state.Calls).toContain('rundll32 user32.dll,LockWorkStation');
    expect(bundle.Repro?.Outcome).toBe('AttemptFailed');
    expect(sim.device.state.Locked).toBe(false);
  });

  it('times out when nothing happens, and still collects', async () => {
    const sim = lab('healthy', { User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 5_000 } });
    const bundle = await runTrace(sim.context(), sim.options({ TimeoutSeconds: 120 }));
    expect(bundle.Repro?.Outcome).toBe('TimedOut');
    expect(bundle.Outcome).toBe('Completed');
    expect(leftAsItWas(sim.device)).toEqual(pristine);
  });

  it('ends the watch when the person at the console says so', async () => {
    const sim = lab('healthy', { User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 5_000 } });
    const bundle = await runTrace(sim.context(sim.host, { userDone: Promise.resolve() }), sim.options());
    expect(bundle.Repro?.Outcome).toBe('StoppedByUser');
  });
});

describe('the lsass trace and the Auth scripts', () => {
  it('refuses the lsass trace without a confirmation, before changing anything', async () => {
    const sim = lab('hybrid-wrong-password');
    await expect(runTrace(sim.context(), sim.options({ LsassTrace: true }))).rejects.toMatchObject({ id: 'LsassTraceNotConfirmed', exitCode: 2 });
    expect(sim.device.state.Calls).toEqual([]);
    expect(sim.stateFileExists()).toBe(false);
  });

  it('records lsass when confirmed, stops the recorder, keeps only the newest recording and warns', async () => {
    const sim = lab('hybrid-wrong-password');
    const bundle = await runTrace(sim.context(), sim.options({ LsassTrace: true, LsassTraceConfirmed: true }));
    expect(sim.device.state.Calls).toContain('tasklist /m lsasrv.dll /fo csv /nh');
    expect(sim.device.state.Calls).toContain(`TTD -accepteula -noUI -attach 812 -out ${join(bundle.BundlePath!, 'lsass')}`);
    expect(sim.device.state.Calls).toContain('TTD -stop all');
    expect(readdirSync(join(bundle.BundlePath!, 'lsass')).sort()).toEqual(['lsass02.run']);
    expect(bundle.Warnings.join(' ')).toMatch(/credentials/);
    expect(leftAsItWas(sim.device)).toEqual(pristine);
  });

  it('runs the Auth scripts around the repro, moves their logs into the bundle and leaves the network trace to them', async () => {
    const sim = lab('healthy');
    const folder = authScriptsFolder(sim);
    const bundle = await runTrace(sim.context(), sim.options({ AuthScriptsPath: folder }));
    expect(sim.device.state.Calls.filter((line) => line.startsWith('powershell'))).toHaveLength(2);
    expect(sim.device.state.Calls.some((line) => line.startsWith('netsh trace start'))).toBe(false);
    expect(bundle.Steps.find((step) => step.Id === 'NetworkTrace')?.Status).toBe('Skipped');
    expect(readdirSync(join(bundle.BundlePath!, 'authlogs')).sort()).toEqual(['Kerberos.etl', 'klist.txt', 'started.txt']);
    expect(existsSync(join(folder, 'authlogs'))).toBe(false);
  });
});

describe('start, watch and stop in separate steps', () => {
  it('starts, returns the running session, and stop collects it', async () => {
    const sim = lab('stale-fixed-by-unlock');
    const session = await startTrace(sim.context(), sim.options());
    expect(session).toMatchObject({ State: 'Running', Mode: 'Detached', Host: 'Simulated', Scenario: 'stale-fixed-by-unlock', JoinType: 'AzureAdJoined', NetworkTrace: true });
    expect(session.NextStep).toContain('prt trace stop');
    expect(sim.device.state.NetworkTrace.Running).toBe(true);
    const seen = await watchTrace(sim.context(), 120);
    expect(seen.Outcome).toBe('PrtRenewed');
    const bundle = await stopTrace(sim.context());
    expect(bundle.Outcome).toBe('Completed');
    expect(bundle.Repro?.Outcome).toBe('PrtRenewed');
    expect(bundle.StatusAfter?.Health).toBe('Healthy');
    expect(leftAsItWas(sim.device)).toEqual(pristine);
    expect(sim.stateFileExists()).toBe(false);
  });

  it('says a trace is running, and refuses a second start', async () => {
    const sim = lab('healthy');
    await startTrace(sim.context(), sim.options());
    expect(traceStatus(sim.context())).toMatchObject({ Active: true, Interrupted: false, Busy: false });
    await expect(startTrace(sim.context(), sim.options())).rejects.toMatchObject({ id: 'TraceAlreadyRunning', exitCode: 4 });
    await stopTrace(sim.context());
    expect(traceStatus(sim.context())).toMatchObject({ Active: false, Session: null });
  });

  it('stop without a trace is a clear error', async () => {
    const sim = lab('healthy');
    await expect(stopTrace(sim.context())).rejects.toMatchObject({ id: 'NoTraceSession', exitCode: 4 });
  });

  it('another prt holding the lock makes start and stop wait their turn', async () => {
    const sim = lab('healthy');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(sim.dir, 'trace.lock'), String(process.ppid));
    await expect(startTrace(sim.context(), sim.options())).rejects.toMatchObject({ id: 'TraceBusy' });
  });
});

describe('preflight', () => {
  const cases: [string, object, string][] = [
    ['a prompt that is not elevated', { Environment: { Elevated: false } }, 'NotElevated'],
    ['another network trace running', { Environment: { NetworkTraceRunning: true } }, 'NetworkTraceRunning'],
    ['too little disk space', { Environment: { FreeDiskGigabytes: 1 } }, 'LowDiskSpace'],
  ];
  it.each(cases)('stops before any change on %s', async (_what, changes, id) => {
    const sim = lab('hybrid-wrong-password', changes);
    await expect(runTrace(sim.context(), sim.options())).rejects.toMatchObject({ id, exitCode: 4 });
    expect(sim.device.state.Calls.filter((line) => !/whoami|show status/.test(line))).toEqual([]);
    expect(sim.stateFileExists()).toBe(false);
    expect(leftAsItWas(sim.device)).toEqual(pristine);
  });

  it('names the fix for each failure', async () => {
    const sim = lab('hybrid-wrong-password', { Environment: { NetworkTraceRunning: true, TtdInstalled: false, LsaProtection: true } });
    const error = await runTrace(sim.context(), sim.options({ LsassTrace: true, LsassTraceConfirmed: true })).catch((e) => e);
    expect(error.id).toBe('NetworkTraceRunning');
    expect(error.message).toContain('3 checks failed');
    expect(error.message).toContain('netsh trace stop');
    expect(error.message).toContain('--no-network-trace');
    expect(error.message).toContain('https://aka.ms/ttd/download');
    expect(error.message).toContain('RunAsPPL');
  });

  it('leaves the network trace out on request, even when another one runs', async () => {
    const sim = lab('healthy', { Environment: { NetworkTraceRunning: true } });
    const bundle = await runTrace(sim.context(), sim.options({ NetworkTrace: false }));
    expect(bundle.Outcome).toBe('Completed');
    expect(sim.device.state.NetworkTrace).toMatchObject({ Running: true, Ours: false });
  });

  it('reports missing Auth scripts as bad input', async () => {
    const sim = lab('healthy');
    await expect(runTrace(sim.context(), sim.options({ AuthScriptsPath: join(sim.dir, 'nothing-here') }))).rejects.toMatchObject({ id: 'AuthScriptsNotFound', exitCode: 3 });
  });
});

function report(folder: string): string {
  return readFileSync(join(folder, 'report.txt'), 'utf8');
}
