import { decodeCapture } from '../dsreg/decode.js';
import { parseDsregcmd } from '../dsreg/parse.js';
import { ExitCode, PrtError } from '../errors.js';
import type { Host } from '../host/types.js';
import { identityFromDsreg, type Cloud } from '../probe/cloud.js';
import { networkFromEnv } from '../probe/network.js';
import { assembleReport, runProbe, type ProbeEnvironment, type ProbeRequest, type ProbeSettings } from '../probe/probe.js';
import type { ProbeContext, ProbeReport, ProbeRun } from '../probe/types.js';
import type { Scenario } from '../sim/scenario.js';

export interface ProbeOptions {
  contexts: ProbeContext[];
  upn?: string;
  tenant?: string;
  /** The cloud, when the caller knows it (the SYSTEM task is told the one its parent read). */
  cloud?: Cloud;
  env: NodeJS.ProcessEnv;
  /** This prt is the SYSTEM task itself: read in this process, never start another task. */
  asSystemTask?: boolean;
  /** Ctrl+C: stops the wait for the SYSTEM task (which is then removed). */
  signal?: AbortSignal;
  /** Told when the SYSTEM task starts and stops running (while it runs, `signal` stops it cleanly). */
  onSystemTask?: (running: boolean) => void;
}

/** How long the SYSTEM task may take for its whole probe (every stage of every endpoint may time out). */
const DEFAULT_TASK_WAIT_MS = 180_000;

/** Per stage: short, so a probe of a dead network ends in seconds, not minutes. */
const DEFAULT_STAGE_TIMEOUT_MS = 5_000;

const scenarioOf = (host: Host): Scenario | null => {
  const device = (host as Partial<{ device: { scenario: Scenario } }>).device;
  return host.kind === 'Simulated' && device ? device.scenario : null;
};

/** Tenant, UPN and cloud from dsregcmd when the caller did not give them; unknown where it cannot be read. */
async function identity(host: Host, options: ProbeOptions): Promise<Pick<ProbeRequest, 'TenantId' | 'UserPrincipalName' | 'Cloud'>> {
  let fromDevice: { TenantId: string | null; UserPrincipalName: string | null; Cloud: Cloud } = { TenantId: null, UserPrincipalName: null, Cloud: 'Unknown' };
  if (options.tenant === undefined || options.upn === undefined || options.cloud === undefined) {
    try {
      const { text, encoding } = decodeCapture(await host.runDsregcmdStatus());
      fromDevice = identityFromDsreg(parseDsregcmd(text, { source: 'the output of `dsregcmd /status`', encoding }));
    } catch (error) {
      // No dsregcmd here (not Windows) or an unreadable answer: probe with what was given.
      if (!(error instanceof PrtError) || error.exitCode === ExitCode.Interrupted) throw error;
    }
  }
  return { TenantId: options.tenant ?? fromDevice.TenantId, UserPrincipalName: options.upn ?? fromDevice.UserPrincipalName, Cloud: options.cloud ?? fromDevice.Cloud };
}

/** A SYSTEM run that did not happen, with why: shown as such, never as "no finding". */
const failedSystemRun = (why: string): ProbeRun => ({ Context: 'System', Endpoints: [], ClockSkewSeconds: null, Federation: null, Findings: [], PacError: null, ContextSource: 'ScheduledTask', ContextNote: null, ContextError: why });

/**
 * The SYSTEM run on a live device: by a one-shot scheduled task as SYSTEM (its own logon session,
 * as CloudAP's), or in this process where that is already SYSTEM or the task cannot be used (said so).
 */
async function systemRun(request: ProbeRequest, environment: ProbeEnvironment, options: ProbeOptions): Promise<ProbeRun> {
  const inProcess = async (note: string | null): Promise<ProbeRun> => {
    const [run] = (await runProbe({ ...request, Contexts: ['System'] }, environment)).Runs;
    if (!run) throw new Error('runProbe returned no run for the context it was given');
    return { ...run, ContextSource: 'InProcess', ContextNote: note };
  };
  if (options.asSystemTask) return inProcess(null);
  const task = await import('../host/system-task.js');
  if (task.runsAsSystem()) return inProcess('prt already runs as SYSTEM');
  // A task left behind by Ctrl+C would be a change to the device: only a caller that can stop the
  // wait and remove the task (prt probe) starts one.
  if (!options.signal) return inProcess('SYSTEM\'s settings were read from this process; `prt probe --as system` runs the probe in SYSTEM\'s own session');
  const self = task.prtSelfCommand(options.env);
  if (!self) return inProcess('prt is not running from its executable (a development run), so no task could start it: SYSTEM\'s settings were read from this process');
  const { stateDirectory } = await import('../trace/store.js');
  const { readProbeReport } = await import('../probe/report-check.js');
  const waitMs = Number(options.env.PRT_PROBE_TASK_WAIT_MS) > 0 ? Number(options.env.PRT_PROBE_TASK_WAIT_MS) : DEFAULT_TASK_WAIT_MS;
  const toolTimeoutMs = Number(options.env.PRT_TOOL_TIMEOUT_MS) > 0 ? Number(options.env.PRT_TOOL_TIMEOUT_MS) : 60_000;
  const args = ['probe', '--as', 'system', '--json', '--cloud', request.Cloud, ...(request.TenantId ? ['--tenant', request.TenantId] : []), ...(request.UserPrincipalName ? ['--upn', request.UserPrincipalName] : [])];
  try {
    const { value, leftovers } = await task.runAsSystemTask({
      self,
      args,
      outputFlag: '--task-output',
      env: options.env,
      baseFolder: options.env.PRT_STATE_DIR ?? (process.platform === 'win32' ? (options.env.ProgramData ?? options.env.PROGRAMDATA ?? 'C:\\ProgramData') : stateDirectory(options.env)),
      waitMs,
      toolTimeoutMs,
      signal: options.signal,
      onActive: options.onSystemTask,
      read: (text, path) => {
        const run = readProbeReport(text, path).Runs.find((candidate) => candidate.Context === 'System');
        if (!run) throw new PrtError('BadProbeDocument', `\`${path}\` holds no SYSTEM run`, ExitCode.BadInput, 'InvalidData');
        return run;
      },
    });
    return { ...value, ContextSource: 'ScheduledTask', ContextNote: leftovers.length > 0 ? leftovers.join('; ') : null, ContextError: null };
  } catch (error) {
    if (error instanceof task.SystemTaskUnavailable) return inProcess(`${error.message}; SYSTEM's settings were read from this process instead, which is not SYSTEM's own logon session`);
    if (error instanceof task.SystemTaskFailed) return failedSystemRun(`the probe as SYSTEM failed: ${error.message}`);
    throw error;
  }
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
  const request: ProbeRequest = { Contexts: options.contexts, ...who };
  const environment: ProbeEnvironment = { settings: await settings(host, options.env, timeoutMs), network: networkFromEnv(options.env), now: () => host.now(), timeoutMs, myIpAddress: myIp };
  const runs: ProbeRun[] = [];
  for (const context of options.contexts) {
    if (context === 'System' && host.kind === 'Live') runs.push(await systemRun(request, environment, options));
    else runs.push(...(await runProbe({ ...request, Contexts: [context] }, environment)).Runs);
  }
  return assembleReport(request, runs, host.now());
}
