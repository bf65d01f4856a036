import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../../src/host/types.js';
import { freshDeviceState, SimulatedDevice, type DeviceState } from '../../../src/sim/device.js';
import { simulatedHostFor, type SimulatedHost } from '../../../src/sim/host.js';
import { mergeScenario, type ScenarioFile } from '../../../src/sim/scenario.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';
import { TraceEvents } from '../../../src/trace/progress.js';
import { defaultTraceOptions, type TraceContext } from '../../../src/trace/session.js';
import { StateStore } from '../../../src/trace/store.js';
import type { TraceOptions } from '../../../src/trace/types.js';

export const scenarioNames = Object.keys(builtInScenarios);

/** A PID no process has: the "killed" prt of a crash test. */
export const deadPid = 2 ** 22 + 12_345;

/**
 * A simulated device for one test: persisted in a temp folder (so a "new process" can pick it
 * up, as after a kill), with an instant clock (time moves only when the host sleeps).
 */
export class SimLab {
  readonly dir = mkdtempSync(join(tmpdir(), 'prt-trace-'));
  readonly device: SimulatedDevice;
  host: SimulatedHost;

  constructor(scenario: string, changes: ScenarioFile = {}) {
    const base = builtInScenarios[scenario];
    if (!base) throw new Error(`no scenario ${scenario}`);
    this.device = new SimulatedDevice(freshDeviceState(mergeScenario(base, changes), 0, Date.now()), join(this.dir, 'device.json'));
    this.device.save();
    this.host = simulatedHostFor(this.device);
  }

  /** What a prt process gets: the host (possibly wrapped with faults) and a fresh event stream. */
  context(host: Host = this.host, extra: Partial<TraceContext> = {}): TraceContext & { events: TraceEvents } {
    return { host, store: new StateStore(this.dir), events: new TraceEvents(), scenario: this.device.scenario.Name, pid: process.pid, ...extra } as TraceContext & { events: TraceEvents };
  }

  options(changes: Partial<TraceOptions> = {}): TraceOptions {
    return { ...defaultTraceOptions(join(this.dir, 'traces')), ...changes };
  }

  /** The device as the next prt process sees it: reloaded from its file. */
  reload(): { device: SimulatedDevice; host: SimulatedHost } {
    const state = SimulatedDevice.load(this.dir) as DeviceState;
    const device = new SimulatedDevice(state, join(this.dir, 'device.json'));
    return { device, host: simulatedHostFor(device) };
  }

  stateFileExists(): boolean {
    return existsSync(join(this.dir, 'trace-state.json'));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Nothing the trace changed is left changed: the device is as the scenario started it. */
export function leftAsItWas(device: SimulatedDevice) {
  const env = device.scenario.Environment;
  return {
    AnalyticEnabled: device.state.AnalyticEnabled === env.AnalyticEnabled,
    NetworkTraceStopped: device.state.NetworkTrace.Running === env.NetworkTraceRunning && !device.state.NetworkTrace.Ours,
    LsassNotTraced: !device.state.Lsass.Tracing,
    AuthScriptsStopped: !device.state.AuthScripts.Running,
  };
}

export const pristine = { AnalyticEnabled: true, NetworkTraceStopped: true, LsassNotTraced: true, AuthScriptsStopped: true };

/** Folder with stand-in Auth scripts (the simulated device runs them; preflight wants the files). */
export function authScriptsFolder(lab: SimLab): string {
  const folder = join(lab.dir, 'authscripts');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'start-auth.ps1'), '# stand-in\n');
  writeFileSync(join(folder, 'stop-auth.ps1'), '# stand-in\n');
  return folder;
}
