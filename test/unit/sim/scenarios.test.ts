import { describe, expect, it } from 'vitest';
import { getStatus } from '../../../src/app/status.js';
import { buildAttempts, readEvents } from '../../../src/events/index.js';
import { freshDeviceState, SimulatedDevice } from '../../../src/sim/device.js';
import { simulatedHostFor } from '../../../src/sim/host.js';
import { validateScenario } from '../../../src/sim/scenario.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';

const names = Object.keys(builtInScenarios);

function deviceOf(name: string) {
  const device = new SimulatedDevice(freshDeviceState(builtInScenarios[name]!, 0, Date.now()), null);
  return { device, host: simulatedHostFor(device) };
}

/** Lets the scripted user lock and unlock, and the attempt end. */
async function reproduce(name: string) {
  const sim = deviceOf(name);
  await sim.host.setChannelEnabled('Microsoft-Windows-AAD/Analytic', true);
  await sim.host.expectRepro();
  const { UnlocksAfterSeconds } = builtInScenarios[name]!.User;
  await sim.host.sleep((UnlocksAfterSeconds + builtInScenarios[name]!.OnUnlock.AfterSeconds + 1) * 1000);
  return sim;
}

async function eventsOf(host: ReturnType<typeof deviceOf>['host']) {
  async function* all() {
    for (const channel of ['Microsoft-Windows-AAD/Analytic', 'Microsoft-Windows-AAD/Operational'] as const) yield* host.queryEvents({ channel });
  }
  return readEvents(all(), { source: 'simulated device' });
}

const before: Record<string, [string, string]> = {
  healthy: ['AzureAdJoined', 'Healthy'],
  'hybrid-wrong-password': ['HybridAzureAdJoined', 'Missing'],
  'network-unreachable': ['AzureAdJoined', 'Stale'],
  'stale-fixed-by-unlock': ['AzureAdJoined', 'Stale'],
  'ws-trust-dtd': ['HybridAzureAdJoined', 'Missing'],
  'proxy-auth-required': ['AzureAdJoined', 'Stale'],
  'tls-inspection': ['HybridAzureAdJoined', 'Stale'],
  'clock-skew': ['AzureAdJoined', 'Stale'],
  'federated-mex-dtd': ['HybridAzureAdJoined', 'Missing'],
  'device-cert-expired': ['HybridAzureAdJoined', 'Missing'],
  'tpm-locked-out': ['AzureAdJoined', 'Stale'],
  'scp-wrong-tenant': ['DomainJoined', 'NotApplicable'],
  'join-task-disabled': ['DomainJoined', 'NotApplicable'],
};
/** `status: null`: a device that is not joined tries no PRT at the unlock. */
const after: Record<string, { health: string; status: string | null; succeeded: boolean }> = {
  healthy: { health: 'Healthy', status: '0x00000000', succeeded: true },
  'hybrid-wrong-password': { health: 'Missing', status: '0xc000006d', succeeded: false },
  'network-unreachable': { health: 'Stale', status: '0xc000023c', succeeded: false },
  'stale-fixed-by-unlock': { health: 'Healthy', status: '0x00000000', succeeded: true },
  'ws-trust-dtd': { health: 'Missing', status: '0xc00cee4f', succeeded: false },
  'proxy-auth-required': { health: 'Stale', status: '0xc000023c', succeeded: false },
  'tls-inspection': { health: 'Stale', status: '0xc000023c', succeeded: false },
  'clock-skew': { health: 'Stale', status: '0xcaa20003', succeeded: false },
  'federated-mex-dtd': { health: 'Missing', status: '0xc00cee4f', succeeded: false },
  'device-cert-expired': { health: 'Missing', status: '0xc000006d', succeeded: false },
  'tpm-locked-out': { health: 'Stale', status: '0x80280921', succeeded: false },
  'scp-wrong-tenant': { health: 'NotApplicable', status: null, succeeded: false },
  'join-task-disabled': { health: 'NotApplicable', status: null, succeeded: false },
};

describe('the built-in scenarios', () => {
  it('are the five the issue names, the four network ones of #14 and the four device ones of #15, in kebab-case', () => {
    expect([...names].sort()).toEqual([
      'clock-skew', 'device-cert-expired', 'federated-mex-dtd', 'healthy', 'hybrid-wrong-password', 'join-task-disabled', 'network-unreachable',
      'proxy-auth-required', 'scp-wrong-tenant', 'stale-fixed-by-unlock', 'tls-inspection', 'tpm-locked-out', 'ws-trust-dtd',
    ]);
  });

  it.each(names)('%s is a valid scenario', (name) => {
    expect(validateScenario(builtInScenarios[name]!)).toEqual([]);
    expect(builtInScenarios[name]!.Name).toBe(name);
  });

  it.each(names)('%s: dsregcmd at the start reads as the scenario says', async (name) => {
    const status = await getStatus(deviceOf(name).host, {});
    expect([status.JoinType, status.Health]).toEqual(before[name]);
    expect(status.DeviceName).toBe(builtInScenarios[name]!.Device.DeviceName);
  });

  it.each(names)('%s: after the unlock, dsregcmd and the AAD events tell the same story', async (name) => {
    const { host } = await reproduce(name);
    const status = await getStatus(host, {});
    expect(status.Health).toBe(after[name]!.health);
    const { events, problems } = await eventsOf(host);
    expect(problems).toEqual([]);
    const attempts = buildAttempts(events).filter((attempt) => attempt.Finished);
    if (after[name]!.status === null) {
      expect(attempts).toEqual([]);
      expect(status.Diagnostics).toEqual([]);
      return;
    }
    const last = attempts.at(-1)!;
    expect(last.Status).toBe(after[name]!.status);
    expect(last.Succeeded).toBe(after[name]!.succeeded);
    if (!after[name]!.succeeded) {
      const attempt = status.Diagnostics.find((d) => d.Prt === 'AzureAd');
      expect(attempt?.AttemptStatus).toBe(after[name]!.status);
    }
  });

  it('hybrid-wrong-password: the event chain carries the server error, the URL and the UPN', async () => {
    const { host } = await reproduce('hybrid-wrong-password');
    const { events } = await eventsOf(host);
    const attempt = buildAttempts(events).filter((a) => a.Finished).at(-1)!;
    expect(attempt.ServerError).toMatchObject({ Code: 'AADSTS50126', Error: 'invalid_grant' });
    expect(attempt.Url).toContain('/oauth2/token');
    expect(attempt.Upn).toBe('ines.moreau@contoso.com');
  });

  it('network-unreachable: the event chain carries the network sub-error', async () => {
    const { host } = await reproduce('network-unreachable');
    const { events } = await eventsOf(host);
    const attempt = buildAttempts(events).filter((a) => a.Finished).at(-1)!;
    expect(JSON.stringify(attempt.NetworkSubError)).toMatch(/12007|0x80072ee7/i);
  });
});
