import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../src/doctor/types.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';
import { runInMemory } from '../cli/harness.js';

const stateDir = mkdtempSync(join(tmpdir(), 'prt-doctor-sim-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

/** Every built-in scenario, the cause the doctor must rank first, and why that cause is the right one. */
const expected: Record<string, { first: string; why: string }> = {
  healthy: { first: 'NoFault', why: 'the PRT is present and an hour old, and the logs hold no failure' },
  'hybrid-wrong-password': { first: 'WrongPassword', why: '0xc000006d with AADSTS50126 from Entra ID names a wrong password by itself' },
  'network-unreachable': { first: 'NetworkUnreachable', why: '0xc000023c with WinHTTP 12007 (name not resolved) and no server answer' },
  'stale-fixed-by-unlock': { first: 'PrtNotRenewed', why: 'the PRT is 11 h old and no failed renewal is recorded' },
  'ws-trust-dtd': { first: 'FederationResponse', why: '0xc00cee4f: the WS-Trust answer carries a DTD' },
  'device-cert-expired': { first: 'DeviceCertificate', why: 'the device certificate ended in March, and Entra ID answers AADSTS50155' },
  'tpm-locked-out': { first: 'TpmFailure', why: 'the TPM is in lockout, KeySignTest fails and the refresh fails with TPM_20_E_LOCKOUT' },
  'scp-wrong-tenant': { first: 'ScpMisconfigured', why: 'the SCP names another tenant and the join fails with 0x801c03f2 (device not found there)' },
  'proxy-auth-required': { first: 'ProxyAuthentication', why: '0xc000023c, and the probe as SYSTEM meets a proxy that answers 407 to the CONNECT' },
  'tls-inspection': { first: 'TlsInspection', why: '12175 (secure failure), and the probe finds a chain that ends in an inspection CA, not a Microsoft root' },
  'clock-skew': { first: 'ClockSkew', why: 'the probe measures the clock 17 minutes ahead of the servers, which AADSTS500133 alone does not say' },
  'federated-mex-dtd': { first: 'FederationResponse', why: '0xc00cee4f, and the probe finds the DTD in the federation server\'s MEX document' },
  'join-task-disabled': { first: 'JoinTaskDisabled', why: 'the join task is disabled on a domain-joined device that never joined' },
};

/** `prt doctor --simulate <name> --json`, as a user runs it. */
async function doctorOn(name: string): Promise<DoctorReport> {
  const result = await runInMemory(['doctor', '--simulate', name, '--json'], undefined as never, { PRT_SIM_SPEED: 'instant', PRT_STATE_DIR: stateDir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as DoctorReport;
}

describe('prt doctor --simulate on every scenario', () => {
  it('has an expectation for every built-in scenario', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(builtInScenarios).sort());
  });

  for (const [name, { first, why }] of Object.entries(expected)) {
    it(`ranks ${first} first on ${name}: ${why}`, async () => {
      const report = await doctorOn(name);
      expect(report.Causes[0]?.Id, JSON.stringify(report.Causes.map((c) => [c.Id, c.Confidence]))).toBe(first);
      expect(report.Verdict.startsWith(first)).toBe(true);
      expect(report.Device?.Checks.length).toBeGreaterThan(10);
    });
  }

  it('weighs the scenarios\' TPM events and userCertificate: tpm-locked-out\'s TPM-WMI 1026 joins the TPM chain, join-task-disabled\'s empty attribute ranks after the task', async () => {
    const tpm = await doctorOn('tpm-locked-out');
    expect(tpm.Causes[0]?.Evidence.join(' ')).toMatch(/TpmErrorsLogged: 2 TPM events in the System log .*0x80280803 TPM_E_DEFEND_LOCK_RUNNING/);
    const join = await doctorOn('join-task-disabled');
    expect(join.Device?.Checks.find((check) => check.Id === 'ComputerCertificateMissing')?.Result).toBe('Fail');
    expect(join.Causes.map((cause) => cause.Id).slice(0, 2)).toEqual(['JoinTaskDisabled', 'HybridCertificateMissing']);
  });
});
