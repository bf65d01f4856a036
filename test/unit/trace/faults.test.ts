// Faults injected at every step of the trace, on every simulated scenario: a command that fails,
// a prt killed before or after a command ran (the next prt cleans up), and Ctrl+C. Whatever
// happens, the undo runs and the state file ends empty, with the device as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, PrtError } from '../../../src/errors.js';
import type { Host } from '../../../src/host/types.js';
import { runTrace, startTrace, stopTrace, TraceInterrupted } from '../../../src/trace/session.js';
import type { TraceOptions } from '../../../src/trace/types.js';
import { authScriptsFolder, deadPid, leftAsItWas, pristine, scenarioNames, SimLab } from './sim-harness.js';

/** Every host call the trace makes, from the checks to the last export. */
const methods = [
  'isElevated',
  'freeDiskBytes',
  'networkTraceStatus',
  'findLsassTracer',
  'isLsaProtectionOn',
  'runDsregcmdStatus',
  'restrictToAdministrators',
  'isChannelEnabled',
  'setChannelEnabled',
  'startNetworkTrace',
  'startAuthScripts',
  'findLsassPid',
  'startLsassTrace',
  'lockWorkstation',
  'expectRepro',
  'queryEvents',
  'sleep',
  'stopLsassTrace',
  'stopAuthScripts',
  'stopNetworkTrace',
  'exportChannel',
] as const;
type Method = (typeof methods)[number];
type Fault = 'fails' | 'kill-before' | 'kill-after' | 'interrupt';

/** Awaiting it never ends; iterating it never yields: a process that died mid-call. */
const never = {
  then() {},
  [Symbol.asyncIterator]() {
    return { next: () => new Promise(() => {}) };
  },
};

interface Injected {
  host: Host;
  /** Resolves when the fault has fired. */
  fired: Promise<void>;
}

/** Wraps a host so that the first call of `method` misbehaves as `fault` says. */
function inject(host: Host, method: Method, fault: Fault, controller: AbortController, nth = 1): Injected {
  let calls = 0;
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  const wrapped = new Proxy(host, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== method || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls++;
        if (calls !== nth) return value.apply(target, args);
        if (fault !== 'kill-after') fire();
        switch (fault) {
          case 'fails':
            throw new PrtError('ToolFailed', `injected: ${method} failed`, ExitCode.Environment, 'ResourceUnavailable');
          case 'kill-before':
            return never;
          case 'kill-after': {
            const result = value.apply(target, args);
            // The call did its work (and the device saved it); then the process died.
            if (result && typeof (result as Promise<unknown>).then === 'function') {
              return (result as Promise<unknown>).then(
                () => (fire(), never),
                () => (fire(), never),
              );
            }
            fire();
            return never;
          }
          case 'interrupt':
            controller.abort(new TraceInterrupted('SIGINT'));
            return value.apply(target, args);
        }
      };
    },
  });
  return { host: wrapped, fired };
}

const labs: SimLab[] = [];
afterEach(() => {
  for (const lab of labs.splice(0)) lab.dispose();
});

/** Everything on: network trace, lsass trace, locking. The Auth scripts get their own cases. */
function everything(lab: SimLab, auth: boolean): TraceOptions {
  return lab.options({ LsassTrace: true, LsassTraceConfirmed: true, LockWorkstation: true, AuthScriptsPath: auth ? authScriptsFolder(lab) : null });
}

const authMethods: Method[] = ['startAuthScripts', 'stopAuthScripts'];
const cases = scenarioNames.flatMap((scenario) =>
  methods.flatMap((method) => (['fails', 'kill-before', 'kill-after', 'interrupt'] as Fault[]).map((fault) => ({ scenario, method, fault, auth: authMethods.includes(method) }))),
);

describe('a fault at every step, on every scenario', () => {
  it.each(cases)('$scenario: $method $fault → undone, state file empty', async ({ scenario, method, fault, auth }) => {
    const lab = new SimLab(scenario);
    labs.push(lab);
    const controller = new AbortController();
    const { host, fired } = inject(lab.host, method, fault, controller);
    const ctx = lab.context(host, { signal: controller.signal, pid: fault.startsWith('kill') ? deadPid : process.pid });
    const running = runTrace(ctx, everything(lab, auth));

    if (fault.startsWith('kill')) {
      const ended = await Promise.race([fired.then(() => 'killed' as const), running.then(() => 'finished' as const, () => 'finished' as const)]);
      if (ended === 'killed') {
        // The next prt process: it reloads the device and finds the state file.
        const next = lab.reload();
        expect(lab.stateFileExists()).toBe(true);
        const bundle = await stopTrace(lab.context(next.host));
        expect(bundle.Outcome).toBe('Recovered');
        expect(leftAsItWas(next.device)).toEqual(pristine);
        expect(lab.stateFileExists()).toBe(false);
        return;
      }
    } else {
      const outcome = await running.then(
        (bundle) => ({ ok: true as const, bundle }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (!outcome.ok) {
        expect(outcome.error).toBeInstanceOf(PrtError);
        const error = outcome.error as PrtError;
        if (fault === 'interrupt') expect(error).toMatchObject({ id: 'Interrupted', exitCode: ExitCode.Interrupted, category: 'OperationStopped' });
        // A failed undo keeps the state for the next stop, which gets it done.
        if (error.id === 'UndoIncomplete') {
          expect(lab.stateFileExists()).toBe(true);
          expect(error.message).toContain('by hand');
          await stopTrace(lab.context());
        }
      } else if (fault === 'interrupt') {
        // Interrupted while stopping: the stop finishes, it is the undo path.
        expect(['stopLsassTrace', 'stopAuthScripts', 'stopNetworkTrace', 'exportChannel', 'setChannelEnabled', 'restrictToAdministrators', 'runDsregcmdStatus', 'isChannelEnabled', 'networkTraceStatus', 'findLsassTracer']).toContain(method);
      }
    }
    expect(leftAsItWas(lab.device)).toEqual(pristine);
    expect(lab.stateFileExists()).toBe(false);
  });
});

describe('a kill, then the next start cleans up first', () => {
  it.each(['setChannelEnabled', 'startNetworkTrace', 'startLsassTrace', 'sleep', 'stopNetworkTrace'] as Method[])('killed after %s: start undoes what was left, collects it, then starts anew', async (method) => {
    const lab = new SimLab('hybrid-wrong-password');
    labs.push(lab);
    const { host, fired } = inject(lab.host, method, 'kill-after', new AbortController());
    void runTrace(lab.context(host, { pid: deadPid }), everything(lab, false));
    await fired;
    const next = lab.reload();
    const session = await startTrace(lab.context(next.host), lab.options());
    expect(session.Recovered?.Outcome).toBe('Recovered');
    expect(session.State).toBe('Running');
    expect(next.device.state.Lsass.Tracing).toBe(false);
    const bundle = await stopTrace(lab.context(next.host));
    expect(bundle.Outcome).toBe('Completed');
    expect(leftAsItWas(next.device)).toEqual(pristine);
    expect(lab.stateFileExists()).toBe(false);
  });
});

describe('faults the scenario scripts', () => {
  it.each([
    ['StartNetworkTrace', 'AccessDenied', 'ToolFailed'],
    ['SetChannelEnabled', 'AccessDenied', 'ToolFailed'],
    ['StartLsassTrace', 'Refused', 'ToolFailed'],
    ['RestrictAccess', 'Fail', 'ToolFailed'],
  ])('%s %s: the start fails, says what failed, and undoes what was done', async (fault, how, id) => {
    const lab = new SimLab('hybrid-wrong-password', { Faults: { [fault]: how } });
    labs.push(lab);
    const error = await runTrace(lab.context(), everything(lab, false)).catch((e: PrtError) => e);
    expect(error).toMatchObject({ id, exitCode: 4 });
    expect((error as PrtError).message).toMatch(/failed: .*exited with code \d+.*Every change made so far was undone/s);
    expect(leftAsItWas(lab.device)).toEqual(pristine);
    expect(lab.stateFileExists()).toBe(false);
  });

  it('a recorder refused by LSA protection is caught by the preflight, before any change', async () => {
    const lab = new SimLab('hybrid-wrong-password', { Environment: { LsaProtection: true } });
    labs.push(lab);
    await expect(runTrace(lab.context(), everything(lab, false))).rejects.toMatchObject({ id: 'LsaProtectionOn' });
    expect(lab.device.state.Calls.some((line) => /^(TTD|netsh trace start|wevtutil sl)/.test(line))).toBe(false);
  });

  it('an Export that fails is a warning: the rest is collected and the device restored', async () => {
    const lab = new SimLab('healthy', { Faults: { ExportChannel: 'Fail' } });
    labs.push(lab);
    const bundle = await runTrace(lab.context(), lab.options());
    expect(bundle.Outcome).toBe('Completed');
    expect(bundle.Warnings.join(' ')).toContain('Export the AAD logs failed');
    expect(leftAsItWas(lab.device)).toEqual(pristine);
  });

  it('a network trace that will not stop keeps the state for the next stop, which names the manual command', async () => {
    const lab = new SimLab('healthy', { Faults: { StopNetworkTrace: 'Fail' } });
    labs.push(lab);
    const error = await runTrace(lab.context(), lab.options()).catch((e: PrtError) => e);
    expect(error).toMatchObject({ id: 'UndoIncomplete', exitCode: 4 });
    expect((error as PrtError).message).toContain('netsh trace stop');
    expect(lab.stateFileExists()).toBe(true);
    expect(lab.device.state.NetworkTrace.Running).toBe(true);
  });
});

describe('a kill while the enabled Analytic log is disabled for its export', () => {
  it('the next stop enables it again, exports, and leaves it enabled as it was', async () => {
    const lab = new SimLab('healthy', { Environment: { AnalyticEnabled: true } });
    labs.push(lab);
    // Windows may refuse to read an enabled Analytic (direct) channel (DESIGN §7).
    const refusing = (host: Host, device: SimLab['device']): Host =>
      new Proxy(host, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property !== 'exportChannel') return value;
          return (channel: string, folder: string) =>
            channel.endsWith('/Analytic') && device.state.AnalyticEnabled ? Promise.reject(new Error('The channel is enabled and cannot be read.')) : value.call(target, channel, folder);
        },
      });
    // The first change of the channel is the export's "disable for a moment": the process dies right after it.
    const { host, fired } = inject(refusing(lab.host, lab.device), 'setChannelEnabled', 'kill-after', new AbortController());
    void runTrace(lab.context(host, { pid: deadPid }), lab.options());
    await fired;
    const next = lab.reload();
    expect(next.device.state.AnalyticEnabled).toBe(false);
    const bundle = await stopTrace(lab.context(refusing(next.host, next.device)));
    expect(bundle.Outcome).toBe('Recovered');
    expect(next.device.state.AnalyticEnabled).toBe(true);
    expect(bundle.Files.map((file) => file.Path)).toContain('events/Microsoft-Windows-AAD-Analytic.xml');
    expect(lab.stateFileExists()).toBe(false);
  });
});

