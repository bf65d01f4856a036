import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../../src/app/doctor.js';
import { SimulatedDevice, freshDeviceState } from '../../../src/sim/device.js';
import { simulatedHostFor } from '../../../src/sim/host.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';

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
  'join-task-disabled': { first: 'JoinTaskDisabled', why: 'the join task is disabled on a domain-joined device that never joined' },
};

async function doctorOn(name: string) {
  const scenario = builtInScenarios[name];
  if (!scenario) throw new Error(`no scenario ${name}`);
  const device = new SimulatedDevice(freshDeviceState(scenario, 0, Date.parse(scenario.Start)), null);
  return runDoctor(simulatedHostFor(device), { events: [] });
}

describe('prt doctor on every simulated scenario', () => {
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
});
