import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileSafely } from '../host/write-file.js';
import { join } from 'node:path';
import { ExitCode, PrtError, abortReason, badInput, usageError } from '../errors.js';
import { inputError, readInputChunks, readInputFile, stdinName } from '../host/files.js';
import { isProcessRunning } from '../host/process.js';
import { channelFileBase, commandLine, traceCommands } from '../host/trace-commands.js';
import type { LsassTracer, ToolRun } from '../host/trace-host.js';
import type { Host } from '../host/types.js';
import { ensureStateFolder, simulatedStateDirectory, stateFileName } from '../trace/store.js';
import { deviceFileName, freshDeviceState, SimulatedDevice } from './device.js';
import { simulatedDeviceFacts } from './device-facts.js';
import { renderDsregcmd } from './dsregcmd.js';
import { mergeScenario, validateScenario, type Scenario, type ScenarioFault, type ScenarioFaults, type ScenarioFile } from './scenario.js';
import { builtInScenarios } from './scenarios.js';

/** A compressed minute: the whole guided repro of a hybrid device takes seconds. */
export const defaultSimulationSpeed = 20;

/** How long each command takes on the simulated device (simulated milliseconds). */
const durations = {
  dsregcmd: 900,
  query: 250,
  netshStart: 3_000,
  netshStop: 25_000,
  export: 1_200,
  ttdStart: 4_000,
  ttdStop: 6_000,
  authStart: 12_000,
  authStop: 30_000,
  icacls: 150,
};

/** `healthy`, `hybrid-wrong-password`… or a path to a scenario file (JSON). */
export function loadScenario(spec: string): Scenario {
  const builtIn = builtInScenarios[spec];
  if (builtIn) return builtIn;
  const looksLikePath = /[\\/.]/.test(spec);
  if (!looksLikePath || !existsSync(spec)) {
    throw usageError(
      'UnknownScenario',
      `there is no simulated scenario "${spec}". Built-in scenarios: ${Object.keys(builtInScenarios).join(', ')}; or give the path of a scenario file (.json)`,
    );
  }
  let file: ScenarioFile;
  try {
    file = JSON.parse(readFileSync(spec, 'utf8')) as ScenarioFile;
  } catch (error) {
    throw badInput('ScenarioUnreadable', `\`${spec}\` is not a scenario file: ${(error as Error).message}`);
  }
  const base = file.Extends !== undefined ? builtInScenarios[file.Extends] : undefined;
  if (file.Extends !== undefined && !base) throw badInput('ScenarioUnreadable', `\`${spec}\` extends "${file.Extends}", which is not a built-in scenario (${Object.keys(builtInScenarios).join(', ')})`);
  // Faults are optional in a file: none by default.
  const scenario = base ? mergeScenario(base, file) : ({ Faults: {}, ...file } as Scenario);
  const problems = validateScenario(scenario);
  if (problems.length > 0) throw badInput('ScenarioUnreadable', `\`${spec}\` is not a usable scenario: ${problems.join('; ')}`);
  return scenario;
}

export function simulationSpeed(env: NodeJS.ProcessEnv): number {
  const value = env.PRT_SIM_SPEED;
  if (value === undefined || value === '') return defaultSimulationSpeed;
  if (value === 'instant') return 0;
  const speed = Number(value);
  return Number.isFinite(speed) && speed > 0 ? speed : defaultSimulationSpeed;
}

export interface SimulatedHostOptions {
  env: NodeJS.ProcessEnv;
  /** Where the device and its trace state live; default: the simulated state folder. */
  stateDir?: string;
  /** Keep the device in memory only (unit tests that build several hosts by hand pass a shared device). */
  device?: SimulatedDevice;
}

/** The scenario's name rides along so a trace can say which simulated device it ran on. */
export type SimulatedHost = Host & { readonly device: SimulatedDevice; readonly scenarioName: string };

/**
 * The simulated device as a Host (DESIGN §3). While a simulated trace is open its device is
 * persisted next to the trace state, so `prt trace start` and a later `prt trace stop` talk to
 * the same device; with no trace open every prt starts from the scenario's beginning.
 */
export function createSimulatedHost(spec: string, options: SimulatedHostOptions): SimulatedHost {
  const stateDir = options.stateDir ?? simulatedStateDirectory(options.env);
  let device = options.device;
  if (!device) {
    const traceOpen = existsSync(join(stateDir, stateFileName));
    const persisted = traceOpen ? SimulatedDevice.load(stateDir) : null;
    // A trace is open on a device: that device goes on, whatever scenario was named now.
    const state = persisted ?? freshDeviceState(loadScenario(spec), simulationSpeed(options.env), Date.now());
    ensureStateFolder(stateDir);
    device = new SimulatedDevice(state, join(stateDir, deviceFileName));
  }
  return simulatedHostFor(device);
}

/** Wraps a device (in memory or persisted) as a Host. */
export function simulatedHostFor(device: SimulatedDevice): SimulatedHost {
  const runs: ToolRun[] = [];
  const faults: ScenarioFaults = device.scenario.Faults;

  const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const speed = device.state.Speed;
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        if (speed === 0) device.advanceClock(ms);
        device.catchUp();
        resolve();
      };
      const timer = speed === 0 ? setImmediate(finish) : setTimeout(finish, ms / speed);
      const onAbort = () => {
        if (speed === 0) clearImmediate(timer as NodeJS.Immediate);
        else clearTimeout(timer as NodeJS.Timeout);
        if (signal) reject(abortReason(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  /** Runs a simulated command: logs it, takes its time, fails as the scenario says. */
  async function run(argv: readonly string[], durationMs: number, fault?: ScenarioFault, refusal?: string): Promise<void> {
    device.catchUp();
    const line = commandLine(argv);
    device.call(line);
    const record: ToolRun = { CommandLine: line, ExitCode: null, StartedAt: new Date(device.nowMs()).toISOString(), DurationMs: durationMs, Error: null };
    runs.push(record);
    await sleep(durationMs);
    if (fault || refusal) {
      const [code, said] = refusal ? [1, refusal] : fault === 'AccessDenied' ? [5, 'Access is denied.'] : fault === 'Refused' ? [1, 'The request was refused.'] : [1, 'The operation failed.'];
      record.ExitCode = code;
      record.Error = `\`${line}\` exited with code ${code}: ${said}`;
      throw new PrtError('ToolFailed', record.Error, ExitCode.Environment, fault === 'AccessDenied' ? 'PermissionDenied' : 'ResourceUnavailable');
    }
    record.ExitCode = 0;
  }

  const host: SimulatedHost = {
    kind: 'Simulated',
    device,
    scenarioName: device.scenario.Name,

    async runDsregcmdStatus() {
      await run(['dsregcmd', '/status'], durations.dsregcmd, faults.Dsregcmd);
      // Not listed in the manifest: dsregcmd snapshots are files of their own.
      runs.pop();
      return Buffer.from(renderDsregcmd(device.scenario.Device, device.state.Prt, device.nowMs()), 'utf8');
    },
    readCapture: (path) => readInputFile(path, 4 * 1024 * 1024),
    readDeviceFacts: () => {
      device.catchUp();
      return Promise.resolve(simulatedDeviceFacts(device.scenario, device.nowMs()));
    },
    now: () => {
      device.catchUp();
      return new Date(device.nowMs());
    },

    async *queryEvents(query) {
      device.catchUp();
      const since = query.since?.getTime() ?? Number.NEGATIVE_INFINITY;
      const events = device.eventsOf(query.channel).filter((e) => e.TimeMs >= since && (!query.eventIds || query.eventIds.includes(e.Id)));
      if (events.length > 0) yield Buffer.from(`${events.map((e) => e.Xml).join('\r\n')}\r\n`, 'utf8');
    },
    async isChannelEnabled(channel) {
      await run(traceCommands.channelGet(channel), durations.query);
      return channel === 'Microsoft-Windows-AAD/Operational' ? true : device.state.AnalyticEnabled;
    },
    readEventFile: (path) => readInputChunks(path),
    async listFolder(path) {
      if (path === stdinName) return null;
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        throw inputError(path, error as NodeJS.ErrnoException);
      }
      if (!stats.isDirectory()) return null;
      return readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(path, entry.name))
        .sort();
    },

    async isElevated() {
      await run(traceCommands.whoamiGroups(), durations.query);
      return device.scenario.Environment.Elevated;
    },
    async freeDiskBytes() {
      return device.scenario.Environment.FreeDiskGigabytes * 1024 ** 3;
    },
    async networkTraceStatus() {
      await run(traceCommands.netshStatus(), durations.query);
      return { Running: device.state.NetworkTrace.Running, TraceFile: device.state.NetworkTrace.File };
    },
    async startNetworkTrace(traceFile) {
      const busy = device.state.NetworkTrace.Running ? 'There is already a trace session in progress.' : undefined;
      await run(traceCommands.netshStart(traceFile), durations.netshStart, faults.StartNetworkTrace, busy);
      writeFileSafely(traceFile, simulatedFile('network trace (netsh trace, InternetClient_dbg)', device));
      device.state.NetworkTrace = { Running: true, File: traceFile, Ours: true };
      device.save();
    },
    async stopNetworkTrace() {
      const idle = device.state.NetworkTrace.Running ? undefined : 'There is no trace session currently in progress.';
      await run(traceCommands.netshStop(), durations.netshStop, faults.StopNetworkTrace, idle);
      const file = device.state.NetworkTrace.File;
      if (file && device.state.NetworkTrace.Ours && existsSync(file)) appendFileSync(file, `stopped ${new Date(device.nowMs()).toISOString()}\n`);
      device.state.NetworkTrace = { Running: false, File: null, Ours: false };
      device.save();
    },

    async setChannelEnabled(channel, enabled) {
      await run(traceCommands.channelSet(channel, enabled), durations.query, faults.SetChannelEnabled);
      if (channel === 'Microsoft-Windows-AAD/Analytic') device.setAnalytic(enabled);
    },
    async exportChannel(channel, folder) {
      // The simulator has no .evtx writer: it exports what `wevtutil qe /f:RenderedXml` prints.
      const file = join(folder, `${channelFileBase(channel)}.xml`);
      await run(traceCommands.channelExport(channel, file), durations.export, faults.ExportChannel);
      writeFileSafely(file, device.eventsOf(channel).map((e) => `${e.Xml}\r\n`).join(''));
      return file;
    },

    async findLsassTracer(): Promise<LsassTracer | null> {
      return device.scenario.Environment.TtdInstalled ? 'TTD' : null;
    },
    async isLsaProtectionOn() {
      await run(traceCommands.lsaKey(), durations.query);
      return device.scenario.Environment.LsaProtection;
    },
    async findLsassPid() {
      await run(traceCommands.lsassPid(), durations.query);
      return device.lsassPid;
    },
    async startLsassTrace(tracer, pid, outFolder) {
      const refused = device.scenario.Environment.LsaProtection ? `Failed to attach to process ${pid}: access is denied (the process is protected).` : undefined;
      await run(traceCommands.lsassStart(tracer, pid, outFolder), durations.ttdStart, faults.StartLsassTrace, refused);
      mkdirSync(outFolder, { recursive: true });
      // Two recordings, as when the recorder attached twice: the bundle keeps the newest one.
      writeFileSafely(join(outFolder, 'lsass01.run'), simulatedFile('time travel recording of lsass (first attach)', device));
      writeFileSafely(join(outFolder, 'lsass01.out'), 'simulated recorder log\n');
      device.state.Lsass = { Tracing: true, OutFolder: outFolder };
      device.save();
      return { RecorderPid: null };
    },
    async stopLsassTrace(tracer) {
      await run(traceCommands.lsassStop(tracer), durations.ttdStop, faults.StopLsassTrace);
      const folder = device.state.Lsass.OutFolder;
      if (device.state.Lsass.Tracing && folder && existsSync(folder)) writeFileSafely(join(folder, 'lsass02.run'), simulatedFile('time travel recording of lsass', device));
      device.state.Lsass = { Tracing: false, OutFolder: null };
      device.save();
    },

    async startAuthScripts(folder) {
      await run(traceCommands.authScript(folder, 'start-auth.ps1'), durations.authStart, faults.StartAuthScripts);
      mkdirSync(join(folder, 'authlogs'), { recursive: true });
      writeFileSafely(join(folder, 'authlogs', 'started.txt'), `Auth scripts started ${new Date(device.nowMs()).toISOString()}\r\n`);
      device.state.AuthScripts = { Running: true, Folder: folder };
      device.save();
    },
    async stopAuthScripts(folder) {
      await run(traceCommands.authScript(folder, 'stop-auth.ps1'), durations.authStop, faults.StopAuthScripts);
      if (device.state.AuthScripts.Running) {
        mkdirSync(join(folder, 'authlogs'), { recursive: true });
        writeFileSafely(join(folder, 'authlogs', 'Kerberos.etl'), simulatedFile('Auth scripts: Kerberos/NTLM/CloudAP ETW', device));
        writeFileSafely(join(folder, 'authlogs', 'klist.txt'), 'Current LogonId is 0:0x3e7\r\nCached Tickets: (0)\r\n');
      }
      device.state.AuthScripts = { Running: false, Folder: null };
      device.save();
    },

    async lockWorkstation() {
      await run(traceCommands.lock(), durations.query, faults.LockWorkstation);
      device.lockNow();
    },
    async expectRepro() {
      device.catchUp();
      device.startUser();
    },

    async restrictToAdministrators(path, kind) {
      await run(traceCommands.restrict(path, kind), durations.icacls, faults.RestrictAccess);
      // Off Windows, the same intent with the owner as the administrator.
      chmodSync(path, kind === 'Folder' ? 0o700 : 0o600);
    },
    isProcessRunning,
    sleep,
    takeToolRuns() {
      return runs.splice(0, runs.length);
    },
  };
  return host;
}

/** Stand-in bytes for a binary trace file, saying what it stands for. */
function simulatedFile(what: string, device: SimulatedDevice): string {
  return `PrtTools simulated device "${device.scenario.Name}": ${what}\nwritten ${new Date(device.nowMs()).toISOString()}\n`;
}
