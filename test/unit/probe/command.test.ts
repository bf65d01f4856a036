import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import type { ProbeReport } from '../../../src/probe/types.js';
import { runInMemory, scriptedHost } from '../cli/harness.js';
import { installLoopbackGuard, refusedDestinations } from './helpers/guard.js';
import { CLOUD_HOSTS, Lab, STS } from './helpers/lab.js';

installLoopbackGuard();

const fakes = join(import.meta.dirname, '../../fakes/bin');
const dsregcmd = readFileSync(join(import.meta.dirname, '../../fixtures/dsregcmd/missing-prt-0xc000006d-aadsts50126.txt'));

const stateDir = mkdtempSync(join(tmpdir(), 'prt-probe-'));

async function run(argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env: { PRT_SIM_SPEED: '0', PRT_STATE_DIR: stateDir, ...env } });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('prt probe --simulate: the four network scenarios, no network at all', () => {
  test.each([
    ['proxy-auth-required', 'ProxyAuthRequired', 'login.microsoftonline.com'],
    ['tls-inspection', 'TlsInspected', 'login.microsoftonline.com'],
    ['clock-skew', 'ClockSkew', null],
    ['federated-mex-dtd', 'MexHasDtd', 'sts.contoso.com'],
  ])('%s shows %s', async (scenario, id, target) => {
    const result = await run(['probe', '--simulate', scenario, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report.Findings[0]).toMatchObject({ Id: id, Target: target, Context: 'System' });
    expect(report.SchemaVersion).toBe(1);
  });

  test('the clock-skew device is 1020 s ahead', async () => {
    const report = JSON.parse((await run(['probe', '--simulate', 'clock-skew', '--json'])).stdout) as ProbeReport;
    expect(report.Runs[0]?.ClockSkewSeconds).toBe(1020);
  });

  test('a healthy simulated device has no finding, and --as both runs both contexts', async () => {
    const report = JSON.parse((await run(['probe', '--simulate', 'healthy', '--as', 'both', '--json'])).stdout) as ProbeReport;
    expect(report.Findings).toEqual([]);
    expect(report.Runs.map((r) => r.Context)).toEqual(['System', 'User']);
  });

  test('--as both on the proxy device: the user goes direct, so the contexts differ', async () => {
    const report = JSON.parse((await run(['probe', '--simulate', 'proxy-auth-required', '--as', 'both', '--json'])).stdout) as ProbeReport;
    expect(report.Findings.map((f) => f.Id)).toContain('ContextsDiffer');
  });

  test('text output names the finding and the next step', async () => {
    const result = await run(['probe', '--simulate', 'tls-inspection']);
    expect(result.stdout).toContain('TlsInspected (System)');
    expect(result.stdout).toContain('Contoso-FW-SSL-Inspection-CA');
    expect(result.stdout).toContain('→ A device between here and Entra ID re-signs');
  });

  test('--redact hides the user the realm lookup used', async () => {
    const result = await run(['probe', '--simulate', 'federated-mex-dtd', '--json', '--redact']);
    expect(result.stdout).not.toContain('ines.moreau');
    expect(JSON.parse(result.stdout).Findings[0].Id).toBe('MexHasDtd');
  });

  test('a wrong --as is a usage error (exit 2)', async () => {
    const result = await run(['probe', '--simulate', 'healthy', '--as', 'admin', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).Error.Id).toBe('InvalidAs');
  });
});

describe('prt probe, live path in forced live mode: fake netsh/reg, loopback endpoints', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start();
  }, 30_000);
  afterAll(async () => {
    await lab.stop();
  });

  const hosts = () => [...CLOUD_HOSTS, STS].map((host) => `${host}=127.0.0.1:${lab.ports.microsoft ?? 0}`).concat(`authproxy.lab.test=127.0.0.1:${lab.ports.authProxy ?? 0}`).join(',');
  const env = (more: Record<string, string>) => ({ PRT_FORCE_LIVE: '1', PRT_SYSTEM32_DIR: fakes, PRT_PROBE_HOSTS: hosts(), PRT_PROBE_TIMEOUT_MS: '1500', PATH: process.env.PATH ?? '', ...more });
  // The device's clock is the real one here: the loopback servers date their answers with it.
  const host = () => scriptedHost({ runDsregcmdStatus: async () => dsregcmd, now: () => new Date() });

  test('netsh names an authenticating proxy: ProxyAuthRequired, tenant and user from dsregcmd', async () => {
    const result = await runInMemory(['probe', '--json'], host(), env({ FAKE_WINHTTP_PROXY: 'authproxy.lab.test:8080' }));
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report).toMatchObject({ Cloud: 'Public', TenantId: '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', UserPrincipalName: 'lena.hoffmann@contoso.com' });
    expect(report.Findings[0]).toMatchObject({ Id: 'ProxyAuthRequired', Context: 'System' });
    expect(report.Runs[0]?.Endpoints[0]?.Route).toMatchObject({ Source: 'WinHttpStatic', Proxy: 'authproxy.lab.test:8080' });
    expect(report.Runs[0]?.Endpoints[2]?.Url).toBe('https://enterpriseregistration.windows.net/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/discover?api-version=1.7');
  });

  test('netsh says direct and the user has no proxy: both reach every endpoint', async () => {
    const result = await runInMemory(['probe', '--as', 'both', '--json', '--upn', 'ana@fabrikam.test'], host(), env({}));
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report.Findings).toEqual([]);
    expect(report.Runs.every((r) => r.Endpoints.every((e) => e.Outcome === 'Reachable'))).toBe(true);
    expect(report.Runs[1]?.Federation?.NameSpaceType).toBe('Managed');
  });

  test('no socket left loopback', () => {
    expect(refusedDestinations).toEqual([]);
  });
});
