import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeReport } from '../../src/probe/types.js';
import { CLOUD_HOSTS, Lab, STS } from '../unit/probe/helpers/lab.js';
import { assertBuilt, fixture, linuxExe, repoRoot } from './prt.js';

/** dist/prt as a real process, asynchronously: the loopback servers of this test must keep answering. */
function prt(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(linuxExe, args, { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let lab: Lab;
beforeAll(async () => {
  assertBuilt();
  lab = await Lab.start();
}, 30_000);
afterAll(async () => {
  await lab?.stop();
});

describe('the built prt probe', () => {
  test('--simulate clock-skew --json: one document, the finding, no network', async () => {
    const result = await prt(['probe', '--simulate', 'clock-skew', '--json'], { PRT_SIM_SPEED: 'instant' });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report.Findings[0]).toMatchObject({ Id: 'ClockSkew', Context: 'System' });
  });

  test('forced live: WPAD found from the DNS suffix, its PAC run by the bundled engine, the proxy wants authentication', async () => {
    lab.pac = 'function FindProxyForURL(url, host) { if (dnsDomainIs(host, ".microsoftonline.com")) return "PROXY authproxy.lab.test:8080"; return "DIRECT"; }';
    const hosts = [...CLOUD_HOSTS, STS].map((host) => `${host}=127.0.0.1:${lab.ports.microsoft ?? 0}`)
      .concat(`authproxy.lab.test=127.0.0.1:${lab.ports.authProxy ?? 0}`, `wpad.corp.contoso.test=127.0.0.1:${lab.ports.wpad ?? 0}`).join(',');
    const result = await prt(['probe', '--json'], {
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: join(repoRoot, 'test/fakes/bin'),
      FAKE_DSREGCMD_OUTPUT: join(repoRoot, fixture('missing-prt-0xc000006d-aadsts50126.txt')),
      FAKE_DNS_SUFFIX: 'eu.corp.contoso.test',
      PRT_PROBE_HOSTS: hosts,
      PRT_PROBE_TIMEOUT_MS: '2000',
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ProbeReport;
    const [login, , registration] = report.Runs[0]?.Endpoints ?? [];
    expect(login?.Route).toMatchObject({ Kind: 'Proxy', Source: 'Wpad', Proxy: 'authproxy.lab.test:8080' });
    expect(registration?.Route).toMatchObject({ Kind: 'Direct', Source: 'Wpad' });
    expect(report.Findings.map((finding) => finding.Id)).toEqual(['ProxyAuthRequired', 'ProxyAuthRequired']);
    expect(registration?.TlsRootIssuer).toContain('DigiCert Global Root G2');
  });

  test('forced live --as both: the built prt starts itself as SYSTEM through the (fake) scheduled task, then removes it', async () => {
    const state = mkdtempSync(join(tmpdir(), 'prt-e2e-probe-system-'));
    const log = join(state, 'tools.log');
    const hosts = [...CLOUD_HOSTS, STS].map((host) => `${host}=127.0.0.1:${lab.ports.microsoft ?? 0}`).concat(`authproxy.lab.test=127.0.0.1:${lab.ports.authProxy ?? 0}`).join(',');
    const result = await prt(['probe', '--as', 'both', '--json'], {
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: join(repoRoot, 'test/fakes/bin'),
      FAKE_DSREGCMD_OUTPUT: join(repoRoot, fixture('missing-prt-0xc000006d-aadsts50126.txt')),
      FAKE_WINHTTP_PROXY: 'authproxy.lab.test:8080',
      FAKE_STATE_DIR: state,
      FAKE_TOOL_LOG: log,
      PRT_STATE_DIR: state,
      PRT_PROBE_HOSTS: hosts,
      PRT_PROBE_TIMEOUT_MS: '2000',
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report.Runs.map((run) => [run.Context, run.ContextSource ?? null])).toEqual([['System', 'ScheduledTask'], ['User', null]]);
    expect(report.Findings.map((finding) => finding.Id)).toContain('ContextsDiffer');
    // The task started this very executable.
    expect(readFileSync(join(state, 'last-task.xml'), 'utf8')).toContain(`<Command>${linuxExe}</Command>`);
    expect(readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('schtasks ')).map((line) => line.split(' ')[1]).filter((verb) => verb !== '/Query')).toEqual(['/Create', '/Run', '/Delete']);
    expect(readdirSync(state).filter((name) => name.startsWith('PrtTools-Probe-'))).toEqual([]);
  });

  test('forced live without the tests\' host list resolves nothing: no test reaches the network', async () => {
    const result = await prt(['probe', '--json', '--tenant', '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', '--upn', 'a@contoso.com'], {
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: join(repoRoot, 'test/fakes/bin'),
      PRT_PROBE_TIMEOUT_MS: '1000',
    });
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(new Set(report.Findings.map((finding) => finding.Id))).toEqual(new Set(['DnsFailed']));
  });
});
