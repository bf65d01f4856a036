import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctorProbe } from '../../../src/cli/commands/doctor.js';
import { createHost } from '../../../src/host/create.js';
import type { ProbeReport } from '../../../src/probe/types.js';
import { writeZip } from '../../../src/trace/zip.js';
import { runInMemory } from './harness.js';

const fixtures = new URL('../../fixtures/', import.meta.url).pathname;
const dsreg = join(fixtures, 'dsregcmd', 'missing-prt-0xc000006d-aadsts50126.txt');
const events = [join(fixtures, 'events', 'wrong-password-50126.operational.xml'), join(fixtures, 'events', 'wrong-password-50126.analytic.xml')];
/** A host with no device: only files (Linux without forced live mode). */
const filesOnly = () => createHost({}, 'linux');

const proxyProbe: ProbeReport = {
  SchemaVersion: 1,
  ObservedAt: '2026-11-20T09:00:00Z',
  Cloud: 'Public',
  TenantId: null,
  UserPrincipalName: null,
  Runs: [],
  Findings: [{ Id: 'ProxyAuthRequired', Severity: 'Error', Context: 'System', Target: 'login.microsoftonline.com', Message: 'the proxy 10.0.0.5:8080 answered 407 to SYSTEM', NextStep: '', RelatedCodes: ['0xc000023c'] }],
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'prt-doctor-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  doctorProbe.run = null;
});

/** A bundle as `prt trace` writes it, with the device checks and a probe beside the logs. */
function bundle(withJson = true): string {
  const path = join(folder, 'PrtTrace-CTS-WS-0512-20261120-093012');
  mkdirSync(join(path, 'events'), { recursive: true });
  copyFileSync(dsreg, join(path, 'dsregcmd-after.txt'));
  for (const file of events) copyFileSync(file, join(path, 'events', file.split('/').pop() ?? 'x.xml'));
  if (withJson) {
    writeFileSync(join(path, 'device.json'), JSON.stringify({ SchemaVersion: 1, ObservedAt: '2026-11-20T09:00:00Z', Checks: [{ Id: 'PasswordChangedRecently', Area: 'User', Result: 'Warn', Summary: 'password changed yesterday', Evidence: {}, NextStep: 'sign in', Reason: null }] }));
    writeFileSync(join(path, 'probe.json'), JSON.stringify(proxyProbe));
  }
  return path;
}

describe('prt doctor on files', () => {
  it('ranks the wrong password first from a capture and its logs, and says what was not read', async () => {
    const result = await runInMemory(['doctor', '--input', dsreg, '--events', events[0] ?? '', '--events', events[1] ?? '', '--json'], filesOnly());
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.Causes[0].Id).toBe('WrongPassword');
    expect(report.Causes[0].Evidence.join(' ')).toMatch(/AADSTS50126/);
    expect(report.Device).toBeNull();
    expect(report.Missing.join(' ')).toMatch(/prt probe/);
    expect(report.Missing.join(' ')).toMatch(/prt device/);
  });

  it('reads a bundle folder with its device.json and probe.json, and weighs the probe against the server\'s answer', async () => {
    const report = JSON.parse((await runInMemory(['doctor', bundle(), '--json'], filesOnly())).stdout);
    expect(report.Causes[0].Id).toBe('WrongPassword');
    expect(report.Causes[0].Evidence.join(' ')).toMatch(/PasswordChangedRecently/);
    const proxy = report.Causes.find((cause: { Id: string }) => cause.Id === 'ProxyAuthentication');
    expect(proxy.Against.join(' ')).toMatch(/request got through/);
    expect(report.Sources.join(' ')).toMatch(/device\.json/);
    expect(report.Missing).toEqual([]);
  });

  it('reads the same bundle as a zip', async () => {
    const path = bundle();
    const top = path.split('/').pop() ?? '';
    const names = ['dsregcmd-after.txt', 'device.json', 'probe.json', ...events.map((file) => `events/${file.split('/').pop() ?? ''}`)];
    await writeZip(`${path}.zip`, names.map((name) => ({ name: `${top}/${name}`, source: join(path, ...name.split('/')) })));
    rmSync(path, { recursive: true });
    const report = JSON.parse((await runInMemory(['doctor', `${path}.zip`, '--json'], filesOnly())).stdout);
    expect(report.Causes[0].Id).toBe('WrongPassword');
    expect(report.Device.Checks[0].Id).toBe('PasswordChangedRecently');
    expect(report.Probe.Findings[0].Id).toBe('ProxyAuthRequired');
    expect(report.Diagnosis.Failed).toBeGreaterThan(0);
  });

  it('names the bad file of a bundle (exit 3)', async () => {
    const path = bundle();
    writeFileSync(join(path, 'device.json'), '{"SchemaVersion": 2}');
    const result = await runInMemory(['doctor', path, '--json'], filesOnly());
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error.Message).toMatch(/device\.json.*is not the device checks/);
  });

  it('refuses a path that is neither a bundle folder nor a zip (exit 3)', async () => {
    const result = await runInMemory(['doctor', dsreg], filesOnly());
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/neither a bundle folder nor a bundle zip/);
  });

  it('prints one screen: the verdict, its chain and next step, the runners-up and what was not read', async () => {
    const result = await runInMemory(['doctor', '--input', dsreg, '--events', events[0] ?? ''], filesOnly());
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Verdict {2}WrongPassword \(High confidence\)/);
    expect(result.stdout).toMatch(/evidence .*AADSTS50126/);
    expect(result.stdout).toMatch(/do {7}→ /);
    expect(result.stdout).toMatch(/not read: the network path/);
    expect(lines.length).toBeLessThan(25);
  });
});

describe('prt doctor on the simulated device', () => {
  it('uses the probe it is given (the one line that wires prt probe in)', async () => {
    doctorProbe.run = () => Promise.resolve(proxyProbe);
    const report = JSON.parse((await runInMemory(['doctor', '--simulate', 'network-unreachable', '--json'], undefined as never, { PRT_SIM_SPEED: 'instant', PRT_STATE_DIR: folder })).stdout);
    expect(report.Probe.Findings[0].Id).toBe('ProxyAuthRequired');
    expect(report.Causes[0].Id).toBe('ProxyAuthentication');
    expect(report.Missing).toEqual([]);
  });

  it('prt device lists every check of the simulated device, the locked-out TPM failing', async () => {
    const result = await runInMemory(['device', '--simulate', 'tpm-locked-out', '--json'], undefined as never, { PRT_SIM_SPEED: 'instant', PRT_STATE_DIR: folder });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.Checks.find((check: { Id: string }) => check.Id === 'TpmLockedOut').Result).toBe('Fail');
    const text = await runInMemory(['device', '--simulate', 'tpm-locked-out'], undefined as never, { PRT_SIM_SPEED: 'instant', PRT_STATE_DIR: folder });
    expect(text.stdout).toMatch(/✖ TpmLockedOut/);
  });

  it('prt device on a computer that is not Windows exits 4', async () => {
    const result = await runInMemory(['device'], filesOnly());
    expect(result.code).toBe(4);
  });
});
