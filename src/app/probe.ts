import { decodeCapture } from '../dsreg/decode.js';
import { parseDsregcmd } from '../dsreg/parse.js';
import { ExitCode, PrtError } from '../errors.js';
import type { Host } from '../host/types.js';
import { identityFromDsreg, type Cloud } from '../probe/cloud.js';
import { networkFromEnv } from '../probe/network.js';
import { runProbe, type ProbeRequest, type ProbeSettings } from '../probe/probe.js';
import type { ProbeContext, ProbeReport } from '../probe/types.js';
import type { Scenario } from '../sim/scenario.js';

export interface ProbeOptions {
  contexts: ProbeContext[];
  upn?: string;
  tenant?: string;
  env: NodeJS.ProcessEnv;
}

/** Per stage: short, so a probe of a dead network ends in seconds, not minutes. */
const DEFAULT_STAGE_TIMEOUT_MS = 5_000;

const scenarioOf = (host: Host): Scenario | null => {
  const device = (host as Partial<{ device: { scenario: Scenario } }>).device;
  return host.kind === 'Simulated' && device ? device.scenario : null;
};

/** Tenant, UPN and cloud from dsregcmd when the caller did not give them; unknown where it cannot be read. */
async function identity(host: Host, options: ProbeOptions): Promise<Pick<ProbeRequest, 'TenantId' | 'UserPrincipalName' | 'Cloud'>> {
  let fromDevice: { TenantId: string | null; UserPrincipalName: string | null; Cloud: Cloud } = { TenantId: null, UserPrincipalName: null, Cloud: 'Unknown' };
  if (options.tenant === undefined || options.upn === undefined) {
    try {
      const { text, encoding } = decodeCapture(await host.runDsregcmdStatus());
      fromDevice = identityFromDsreg(parseDsregcmd(text, { source: 'the output of `dsregcmd /status`', encoding }));
    } catch (error) {
      // No dsregcmd here (not Windows) or an unreadable answer: probe with what was given.
      if (!(error instanceof PrtError) || error.exitCode === ExitCode.Interrupted) throw error;
    }
  }
  return { TenantId: options.tenant ?? fromDevice.TenantId, UserPrincipalName: options.upn ?? fromDevice.UserPrincipalName, Cloud: fromDevice.Cloud };
}

/** The settings that decide the route: this Windows device's, or none elsewhere (direct, and said so). */
async function settings(host: Host, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ProbeSettings> {
  if (host.kind !== 'Live') return { WinHttp: null, WinInet: null, DnsSuffixes: [] };
  const { readProbeSettings } = await import('../host/probe-settings.js');
  return readProbeSettings(env, timeoutMs);
}

/** `prt probe`: the network as the PRT request travels it, from this device (or a simulated one). */
export async function probeDevice(host: Host, options: ProbeOptions): Promise<ProbeReport> {
  const scenario = scenarioOf(host);
  if (scenario) {
    const { simulateProbe, simulatedIdentity } = await import('../probe/simulate.js');
    const simulated = simulatedIdentity(scenario);
    return simulateProbe(scenario, { Contexts: options.contexts, TenantId: options.tenant ?? simulated.TenantId, UserPrincipalName: options.upn ?? simulated.UserPrincipalName, Cloud: simulated.Cloud }, host.now());
  }
  const timeoutMs = Number(options.env.PRT_PROBE_TIMEOUT_MS) > 0 ? Number(options.env.PRT_PROBE_TIMEOUT_MS) : DEFAULT_STAGE_TIMEOUT_MS;
  const who = await identity(host, options);
  const { networkInterfaces } = await import('node:os');
  const myIp = Object.values(networkInterfaces()).flat().find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address ?? '127.0.0.1';
  return runProbe({ Contexts: options.contexts, ...who }, { settings: await settings(host, options.env, timeoutMs), network: networkFromEnv(options.env), now: () => host.now(), timeoutMs, myIpAddress: myIp });
}
