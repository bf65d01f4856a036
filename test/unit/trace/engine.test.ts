// The engine's steps and undo, one behaviour at a time, on a device double that records every
// call in order: what is saved before a change, what an undo does after a failure, and that each
// undo runs once, in the table's reverse order, whatever fails on the way.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, PrtError } from '../../../src/errors.js';
import type { Host } from '../../../src/host/types.js';
import type { NetworkTraceStatus, ToolRun } from '../../../src/host/trace-host.js';
import { Session, stepSummaries, TraceInterrupted, withLock, type TraceContext } from '../../../src/trace/engine.js';
import { TraceEvents, type TraceProgress } from '../../../src/trace/progress.js';
import { StateStore } from '../../../src/trace/store.js';
import { isOurTraceFile, undoFailureText } from '../../../src/trace/undo.js';
import { defaultTraceOptions } from '../../../src/trace/session.js';
import type { StepRecord, TraceState } from '../../../src/trace/types.js';

const analytic = 'Microsoft-Windows-AAD/Analytic';

/** A device double: the state an undo looks at, every call in order, and failures on request. */
class DeviceDouble {
  readonly kind = 'Simulated';
  calls: string[] = [];
  analyticEnabled = false;
  network: NetworkTraceStatus = { Running: false, TraceFile: null };
  /** Method name → how many of its next calls fail. */
  failing = new Map<string, number>();
  running = new Set<number>();
  slept = 0;
  private clock = Date.parse('2026-11-20T09:00:00.000Z');
  private runs: ToolRun[] = [];

  /** Records the call; rejects (as the real, async host does) when it is to fail. */
  private call<T>(name: string, detail: string, result: () => T): Promise<T> {
    this.calls.push(detail ? `${name} ${detail}` : name);
    this.runs.push({ CommandLine: `${name}${detail ? ` ${detail}` : ''}`, ExitCode: 0, StartedAt: this.now().toISOString(), DurationMs: 1, Error: null });
    const left = this.failing.get(name) ?? 0;
    if (left > 0) {
      this.failing.set(name, left - 1);
      return Promise.reject(new PrtError('ToolFailed', `${name} failed: password=Hunter2Planted`, ExitCode.Environment, 'ResourceUnavailable'));
    }
    return Promise.resolve(result());
  }

  now = () => new Date(this.clock);
  takeToolRuns = () => this.runs.splice(0, this.runs.length);
  isProcessRunning = (pid: number) => this.running.has(pid);
  sleep = (ms: number) => {
    this.slept += ms;
    this.clock += ms;
    return Promise.resolve();
  };
  isChannelEnabled = (channel: string) => this.call('isChannelEnabled', channel, () => this.analyticEnabled);
  setChannelEnabled = (channel: string, enabled: boolean) =>
    this.call('setChannelEnabled', `${channel} ${String(enabled)}`, () => {
      this.analyticEnabled = enabled;
    });
  networkTraceStatus = () => this.call('networkTraceStatus', '', () => this.network);
  stopNetworkTrace = () =>
    this.call('stopNetworkTrace', '', () => {
      this.network = { Running: false, TraceFile: null };
    });
  stopAuthScripts = (folder: string): Promise<void> => this.call('stopAuthScripts', folder, () => undefined);
  findLsassTracer = () => this.call<'TTD' | 'tttracer' | null>('findLsassTracer', '', () => 'TTD');
  stopLsassTrace = (tracer: string) => this.call('stopLsassTrace', tracer, () => undefined);
}

let dir: string;
let device: DeviceDouble;
let events: TraceEvents;
let store: StateStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prt-engine-'));
  device = new DeviceDouble();
  events = new TraceEvents();
  store = new StateStore(join(dir, 'state'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(extra: Partial<TraceContext> = {}): TraceContext {
  return { host: device as unknown as Host, store, events, scenario: null, pid: process.pid, ...extra };
}

function state(steps: StepRecord[] = [], bundle: string | null = null): TraceState {
  return {
    Version: 1,
    SessionId: 'session-1',
    Phase: 'Stopping',
    Mode: 'Detached',
    OwnerPid: process.pid,
    Host: { Kind: 'Simulated', Scenario: null },
    StartedAt: '2026-11-20T09:00:00.000Z',
    Options: defaultTraceOptions(join(dir, 'traces')),
    BundlePath: bundle,
    DeviceName: null,
    Baseline: null,
    ReproStartedAt: null,
    Repro: null,
    Steps: steps,
  };
}

function done(id: StepRecord['Id'], data: StepRecord['Data'] = {}, status: StepRecord['Status'] = 'Done'): StepRecord {
  return { Id: id, Title: id, Status: status, StartedAt: '2026-11-20T09:00:00.000Z', EndedAt: '2026-11-20T09:00:01.000Z', Detail: null, Error: null, Data: data, ToolRuns: [], Undo: null };
}

const kinds = () => events.history.map((event) => `${event.Kind}${'Step' in event ? ` ${event.Step}` : ''}`);
const saved = () => store.load();

/** Every step of the table changed the device; the undo must put each back. */
function allChanged(bundle: string | null = null): Session {
  device.analyticEnabled = true;
  device.network = { Running: true, TraceFile: join(dir, 'ours', 'NetTrace.etl') };
  return new Session(
    context(),
    state(
      [
        done('AnalyticChannel', { PreviousEnabled: false }),
        done('NetworkTrace', { TraceFile: join(dir, 'ours', 'NetTrace.etl') }),
        done('AuthScripts', { Folder: join(dir, 'auth') }),
        done('LsassTrace', { Tracer: 'TTD', Pid: 800, OutFolder: join(dir, 'lsass') }),
        done('ExportEvents', { Reenable: true }),
      ],
      bundle,
    ),
  );
}

describe('a step', () => {
  it('is saved as Starting before its action changes anything, then Done with its detail and tool runs', async () => {
    const session = new Session(context(), state());
    let seenByAction: string | undefined;
    const record = await session.step('AnalyticChannel', async () => {
      seenByAction = saved()?.Steps.find((step) => step.Id === 'AnalyticChannel')?.Status;
      await device.setChannelEnabled(analytic, true);
      return 'enabled';
    });
    expect(seenByAction).toBe('Starting');
    expect(record).toMatchObject({ Status: 'Done', Detail: 'enabled', Error: null, Title: 'AAD Analytic log' });
    expect(record.ToolRuns.map((run) => run.CommandLine)).toEqual([`setChannelEnabled ${analytic} true`]);
    expect(saved()?.Steps).toEqual([record]);
    expect(kinds()).toEqual(['StepStarted AnalyticChannel', 'StepDone AnalyticChannel']);
  });

  it('fails with its error scrubbed, saved, and the error passed on', async () => {
    const session = new Session(context(), state());
    const failure = new Error('netsh said: password=Hunter2Planted');
    await expect(session.step('NetworkTrace', () => Promise.reject(failure))).rejects.toBe(failure);
    const record = saved()?.Steps[0];
    expect(record).toMatchObject({ Status: 'Failed', Error: 'netsh said: password=[password removed]' });
    expect(record?.EndedAt).not.toBeNull();
    const failed = events.history.at(-1);
    expect(failed).toMatchObject({ Kind: 'StepFailed', Step: 'NetworkTrace', Message: 'netsh said: password=[password removed]' });
  });

  it('scrubs a detail that echoes a secret', async () => {
    const session = new Session(context(), state());
    const record = await session.step('SnapshotBefore', () => Promise.resolve('Bearer PlantedToken123 seen'));
    expect(record.Detail).toBe('Bearer [token removed] seen');
  });

  it('is a warning when optional: the record says Failed and the trace goes on', async () => {
    const session = new Session(context(), state());
    const record = await session.step('SnapshotBefore', () => Promise.reject(new Error('dsregcmd did not answer')), { optional: true });
    expect(record).toMatchObject({ Status: 'Failed', Error: 'dsregcmd did not answer' });
  });

  it('is not a warning when interrupted, even when optional', async () => {
    const session = new Session(context(), state());
    const interrupted = new TraceInterrupted('SIGINT');
    await expect(session.step('SnapshotBefore', () => Promise.reject(interrupted), { optional: true })).rejects.toBe(interrupted);
    expect(saved()?.Steps[0]?.Error).toBe('interrupted by SIGINT');
  });

  it('run again replaces its record instead of adding a second one', async () => {
    const session = new Session(context(), state([done('Preflight'), done('SnapshotBefore', {}, 'Failed')]));
    await session.step('SnapshotBefore', () => Promise.resolve('second try'));
    expect(session.state.Steps.map((step) => [step.Id, step.Status, step.Detail])).toEqual([
      ['Preflight', 'Done', null],
      ['SnapshotBefore', 'Done', 'second try'],
    ]);
  });

  it('does not start once the trace is interrupted, and names the signal', async () => {
    const controller = new AbortController();
    controller.abort(new TraceInterrupted('SIGTERM'));
    const session = new Session(context({ signal: controller.signal }), state());
    session.state.Phase = 'Running';
    let ran = false;
    await expect(
      session.step('Repro', () => {
        ran = true;
        return Promise.resolve(null);
      }),
    ).rejects.toMatchObject({ name: 'TraceInterrupted', signalName: 'SIGTERM' });
    expect(ran).toBe(false);
    expect(session.state.Steps).toEqual([]);
  });

  it('turns any other abort reason into an interruption named after it', () => {
    const controller = new AbortController();
    controller.abort('console closed');
    const session = new Session(context({ signal: controller.signal }), state());
    session.state.Phase = 'Running';
    expect(() => session.checkInterrupted()).toThrow(new TraceInterrupted('console closed'));
  });

  it('is never cut short while stopping: the undo path runs to its end', () => {
    const controller = new AbortController();
    controller.abort(new TraceInterrupted('SIGINT'));
    const session = new Session(context({ signal: controller.signal }), state());
    session.state.Phase = 'Stopping';
    expect(() => session.checkInterrupted()).not.toThrow();
  });

  it('skipped is recorded with its reason, and never undone', async () => {
    const session = new Session(context(), state());
    session.skip('NetworkTrace', 'left out (--no-network-trace)');
    expect(saved()?.Steps[0]).toMatchObject({ Id: 'NetworkTrace', Status: 'Skipped', Detail: 'left out (--no-network-trace)' });
    expect(events.history.at(-1)).toMatchObject({ Kind: 'StepSkipped', Reason: 'left out (--no-network-trace)' });
    await session.undoStep('NetworkTrace');
    expect(device.calls).toEqual([]);
  });
});

describe('the undo of every change', () => {
  it('walks the table backwards: the export first, the Analytic log last', async () => {
    const session = allChanged();
    await session.undoAll();
    expect(device.calls).toEqual([
      `isChannelEnabled ${analytic}`, // ExportEvents: already enabled, nothing to do
      'stopLsassTrace TTD',
      `stopAuthScripts ${join(dir, 'auth')}`,
      'networkTraceStatus',
      'stopNetworkTrace',
      `isChannelEnabled ${analytic}`,
      `setChannelEnabled ${analytic} false`,
    ]);
    expect(session.state.Steps.map((step) => step.Undo?.Status)).toEqual(['Undone', 'Undone', 'Undone', 'Undone', 'Undone']);
    expect(session.undoFailures()).toEqual([]);
    expect(kinds().filter((kind) => kind.startsWith('Undo'))).toEqual([
      'UndoStarted ExportEvents',
      'UndoDone ExportEvents',
      'UndoStarted LsassTrace',
      'UndoDone LsassTrace',
      'UndoStarted AuthScripts',
      'UndoDone AuthScripts',
      'UndoStarted NetworkTrace',
      'UndoDone NetworkTrace',
      'UndoStarted AnalyticChannel',
      'UndoDone AnalyticChannel',
    ]);
  });

  it('goes on after a failed undo, records the failure scrubbed, and runs each undo once', async () => {
    const session = allChanged();
    device.failing.set('stopNetworkTrace', 1);
    await session.undoAll();
    expect(device.calls.filter((call) => call.startsWith('stop'))).toEqual(['stopLsassTrace TTD', `stopAuthScripts ${join(dir, 'auth')}`, 'stopNetworkTrace']);
    expect(device.analyticEnabled).toBe(false);
    const network = session.record('NetworkTrace');
    expect(network?.Undo).toMatchObject({ Status: 'UndoFailed', Error: 'stopNetworkTrace failed: password=[password removed]' });
    expect(network?.Undo?.ToolRuns.map((run) => run.CommandLine)).toEqual(['networkTraceStatus', 'stopNetworkTrace']);
    expect(saved()?.Steps.find((step) => step.Id === 'NetworkTrace')?.Undo?.Status).toBe('UndoFailed');
    expect(events.history).toContainEqual(expect.objectContaining({ Kind: 'UndoFailed', Step: 'NetworkTrace', Message: 'stopNetworkTrace failed: password=[password removed]' }));
    expect(session.undoFailures().map((step) => step.Id)).toEqual(['NetworkTrace']);

    // The next stop retries only what failed: every other undo ran exactly once.
    device.calls = [];
    await session.undoAll();
    expect(device.calls).toEqual(['networkTraceStatus', 'stopNetworkTrace']);
    expect(session.undoFailures()).toEqual([]);
  });

  it('saves each undo as Undoing before it acts', async () => {
    const session = allChanged();
    let seen: string | undefined;
    device.stopAuthScripts = () => {
      seen = saved()?.Steps.find((step) => step.Id === 'AuthScripts')?.Undo?.Status;
      return Promise.resolve();
    };
    await session.undoStep('AuthScripts');
    expect(seen).toBe('Undoing');
    expect(saved()?.Steps.find((step) => step.Id === 'AuthScripts')?.Undo?.Status).toBe('Undone');
  });

  it('leaves out steps that never ran, and the export when it did not disable the log', async () => {
    const session = new Session(context(), state([done('AnalyticChannel', { PreviousEnabled: true }), done('ExportEvents', { Reenable: false })]));
    await session.undoAll();
    expect(device.calls).toEqual([]);
    expect(session.record('ExportEvents')?.Undo).toBeNull();
    expect(session.record('AnalyticChannel')?.Undo).toMatchObject({ Status: 'Undone' });
    expect(events.history).toContainEqual(expect.objectContaining({ Kind: 'UndoDone', Step: 'AnalyticChannel', Detail: 'was enabled before: left enabled' }));
  });
});

describe('each undo', () => {
  const undoDetail = (step: string) => events.history.find((event): event is Extract<TraceProgress, { Kind: 'UndoDone' }> => event.Kind === 'UndoDone' && event.Step === step)?.Detail;

  it('Analytic log: disables only a log it enabled, and only when it is still enabled', async () => {
    const notChanged = new Session(context(), state([done('AnalyticChannel', {})]));
    await notChanged.undoStep('AnalyticChannel');
    expect(undoDetail('AnalyticChannel')).toBe('not changed');

    events.history.length = 0;
    device.analyticEnabled = false;
    const alreadyOff = new Session(context(), state([done('AnalyticChannel', { PreviousEnabled: false })]));
    await alreadyOff.undoStep('AnalyticChannel');
    expect(undoDetail('AnalyticChannel')).toBe('disabled, as it was');
    expect(device.calls).toEqual([`isChannelEnabled ${analytic}`]);

    // Unknown whether it is on (the query failed): disabled, to be sure.
    events.history.length = 0;
    device.calls = [];
    device.failing.set('isChannelEnabled', 1);
    const unknown = new Session(context(), state([done('AnalyticChannel', { PreviousEnabled: false })]));
    await unknown.undoStep('AnalyticChannel');
    expect(device.calls).toEqual([`isChannelEnabled ${analytic}`, `setChannelEnabled ${analytic} false`]);
    expect(undoDetail('AnalyticChannel')).toBe('disabled again, as it was');
  });

  it('network trace: nothing to stop when none runs, and another tool’s trace is left alone', async () => {
    const ours = join(dir, 'PrtTrace-DEV-1', 'network', 'NetTrace.etl');
    mkdirSync(join(dir, 'PrtTrace-DEV-1', 'network'), { recursive: true });
    writeFileSync(ours, 'etl');
    const session = new Session(context(), state([done('NetworkTrace', { TraceFile: ours })]));
    await session.undoStep('NetworkTrace');
    expect(undoDetail('NetworkTrace')).toBe('no network trace running');

    events.history.length = 0;
    device.network = { Running: true, TraceFile: 'C:\\Users\\admin\\other.etl' };
    const other = new Session(context(), state([done('NetworkTrace', { TraceFile: ours })]));
    await other.undoStep('NetworkTrace');
    expect(undoDetail('NetworkTrace')).toBe('the running trace (C:\\Users\\admin\\other.etl) is not ours: left alone');
    expect(device.calls).not.toContain('stopNetworkTrace');
  });

  it('network trace: stopped when netsh cannot say, with the reason, and a trace that recorded nothing is named', async () => {
    device.network = { Running: null, TraceFile: null, Error: 'netsh timed out' };
    const missing = join(dir, 'nowhere', 'NetTrace.etl');
    const session = new Session(context(), state([done('NetworkTrace', { TraceFile: missing })]));
    await session.undoStep('NetworkTrace');
    expect(device.calls).toEqual(['networkTraceStatus', 'stopNetworkTrace']);
    expect(undoDetail('NetworkTrace')).toBe(
      `netsh trace stopped (whether it ran was unknown: netsh timed out); the network trace file ${missing} does not exist: netsh recorded nothing for this session (another trace may have been running)`,
    );
    expect(events.history).toContainEqual(expect.objectContaining({ Kind: 'Warning', Text: expect.stringContaining(`${missing} does not exist`) }));

    events.history.length = 0;
    const written = join(dir, 'NetTrace.etl');
    writeFileSync(written, 'etl');
    device.network = { Running: null, TraceFile: null };
    await new Session(context(), state([done('NetworkTrace', { TraceFile: written })])).undoStep('NetworkTrace');
    expect(undoDetail('NetworkTrace')).toBe('netsh trace stopped (whether it ran was unknown: no answer)');
  });

  it('network trace: a start that died before saving its trace file started none, and another tool’s running trace is left alone', async () => {
    device.network = { Running: true, TraceFile: 'C:\\Users\\admin\\other.etl' };
    await new Session(context(), state([done('NetworkTrace', {}, 'Starting')])).undoStep('NetworkTrace');
    expect(device.calls).toEqual([]);
    expect(device.network.Running).toBe(true);
    expect(undoDetail('NetworkTrace')).toBe('not started');
  });

  it('Auth scripts: stopped, and their logs copied into the bundle and removed from the scripts folder', async () => {
    const scripts = join(dir, 'auth');
    mkdirSync(join(scripts, 'authlogs'), { recursive: true });
    writeFileSync(join(scripts, 'authlogs', 'Nego.txt'), 'log');
    const bundle = join(dir, 'bundle');
    mkdirSync(bundle);
    const session = new Session(context(), state([done('AuthScripts', { Folder: scripts })], bundle));
    await session.undoStep('AuthScripts');
    expect(readFileSync(join(bundle, 'authlogs', 'Nego.txt'), 'utf8')).toBe('log');
    expect(existsSync(join(scripts, 'authlogs'))).toBe(false);
    expect(undoDetail('AuthScripts')).toBe('stop-auth.ps1 ran; authlogs moved into the bundle');

    events.history.length = 0;
    await new Session(context(), state([done('AuthScripts', {})])).undoStep('AuthScripts');
    expect(undoDetail('AuthScripts')).toBe('not started');
    events.history.length = 0;
    await new Session(context(), state([done('AuthScripts', { Folder: scripts })], bundle)).undoStep('AuthScripts');
    expect(undoDetail('AuthScripts')).toBe('stop-auth.ps1 ran');
  });

  it('lsass: stops the recorder it used, waits for it to write, keeps the newest recording', async () => {
    const out = join(dir, 'lsass');
    mkdirSync(out);
    for (const name of ['lsass01.run', 'lsass01.out', 'lsass02.run']) writeFileSync(join(out, name), name);
    device.running.add(4242);
    let checks = 0;
    device.isProcessRunning = (pid) => pid === 4242 && ++checks <= 3;
    const session = new Session(context(), state([done('LsassTrace', { Tracer: 'tttracer', Pid: 800, OutFolder: out, RecorderPid: 4242 })]));
    await session.undoStep('LsassTrace');
    expect(device.calls).toEqual(['stopLsassTrace tttracer']);
    expect(device.slept).toBe(1500);
    expect(existsSync(join(out, 'lsass02.run'))).toBe(true);
    expect(existsSync(join(out, 'lsass01.run'))).toBe(false);
    expect(existsSync(join(out, 'lsass01.out'))).toBe(false);
    expect(undoDetail('LsassTrace')).toBe('tttracer stopped; kept lsass02.run, removed the older lsass01.run');
  });

  it('lsass: waits two minutes at most for a recorder that does not end', async () => {
    device.running.add(4242);
    await new Session(context(), state([done('LsassTrace', { Tracer: 'TTD', RecorderPid: 4242 })])).undoStep('LsassTrace');
    expect(device.slept).toBe(120_000);
    expect(undoDetail('LsassTrace')).toBe('TTD -stop all');
  });

  it('lsass: finds the recorder when the start died before saying which, and says so when there is none', async () => {
    await new Session(context(), state([done('LsassTrace', {})])).undoStep('LsassTrace');
    expect(device.calls).toEqual(['findLsassTracer', 'stopLsassTrace TTD']);

    events.history.length = 0;
    device.calls = [];
    device.findLsassTracer = () => Promise.resolve(null);
    await new Session(context(), state([done('LsassTrace', {})])).undoStep('LsassTrace');
    expect(device.calls).toEqual([]);
    expect(undoDetail('LsassTrace')).toBe('no recorder found: nothing to stop');
  });

  it('export: enables the Analytic log again once, also when it cannot tell whether it is on', async () => {
    device.analyticEnabled = false;
    const session = new Session(context(), state([done('ExportEvents', { Reenable: true })]));
    await session.undoStep('ExportEvents');
    expect(device.calls).toEqual([`isChannelEnabled ${analytic}`, `setChannelEnabled ${analytic} true`]);
    expect(session.record('ExportEvents')?.Data.Reenable).toBe(false);
    expect(undoDetail('ExportEvents')).toBe('AAD Analytic log enabled again');

    device.calls = [];
    device.analyticEnabled = false;
    device.failing.set('isChannelEnabled', 1);
    await new Session(context(), state([done('ExportEvents', { Reenable: true })])).undoStep('ExportEvents');
    expect(device.calls).toEqual([`isChannelEnabled ${analytic}`, `setChannelEnabled ${analytic} true`]);
  });
});

describe('what the admin is told', () => {
  it('lists each failed undo with its reason and the command to run by hand', () => {
    const failed = (id: StepRecord['Id'], error: string | null): StepRecord => ({ ...done(id), Title: `${id} title`, Undo: { Status: error ? 'UndoFailed' : 'Undoing', At: 'x', Error: error, ToolRuns: [] } });
    const text = undoFailureText([failed('AnalyticChannel', 'access denied'), failed('NetworkTrace', null), failed('LsassTrace', 'x'), failed('AuthScripts', 'y'), failed('ExportEvents', 'z'), failed('Repro', 'w')]);
    expect(text).toBe(
      'Could not undo: ' +
        [
          'AnalyticChannel title (access denied; by hand: wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true)',
          'NetworkTrace title (not finished; by hand: netsh trace stop)',
          'LsassTrace title (x; by hand: TTD -stop all)',
          'AuthScripts title (y; by hand: .\\stop-auth.ps1 in the Auth scripts folder)',
          'ExportEvents title (z; by hand: wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true)',
          'Repro title (w; by hand: -)',
        ].join('; ') +
        '. Run `prt trace stop` again to retry.',
    );
  });

  it('summarises the steps without the report being written, an undo error before the step’s own', () => {
    const steps = [
      { ...done('NetworkTrace'), Error: 'start failed', Undo: { Status: 'UndoFailed' as const, At: 'x', Error: 'stop failed', ToolRuns: [] } },
      { ...done('SnapshotAfter'), Error: 'no answer' },
      { ...done('Report'), Status: 'Starting' as const },
    ];
    expect(stepSummaries(state(steps))).toEqual([
      { Id: 'NetworkTrace', Title: 'NetworkTrace', Status: 'Done', Undo: 'UndoFailed', Detail: null, Error: 'stop failed' },
      { Id: 'SnapshotAfter', Title: 'SnapshotAfter', Status: 'Done', Undo: null, Detail: null, Error: 'no answer' },
    ]);
    expect(stepSummaries(state([done('Report')])).map((step) => step.Id)).toEqual(['Report']);
  });
});

describe('whose network trace it is', () => {
  it('is ours by the whole path, in any case and with either slash', () => {
    expect(isOurTraceFile('C:\\Traces\\PrtTrace-DEV-1-20261120-090000\\network\\NetTrace.etl', 'c:/traces/prttrace-dev-1-20261120-090000/network/nettrace.etl')).toBe(true);
  });

  it('is ours by the session’s own folder at the end when the start of the path went through a code page', () => {
    expect(isOurTraceFile('C:\\Users\\J?rgen\\PrtTrace-DEV-1-20261120-090000\\network\\NetTrace.etl', 'C:\\Users\\Jürgen\\PrtTrace-DEV-1-20261120-090000\\network\\NetTrace.etl')).toBe(true);
    expect(isOurTraceFile('C:\\Users\\x\\PrtTrace-DEV-1-20261120-090001\\network\\NetTrace.etl', 'C:\\Users\\x\\PrtTrace-DEV-1-20261120-090000\\network\\NetTrace.etl')).toBe(false);
    // The end must be a whole folder name, not the tail of another one.
    expect(isOurTraceFile('C:\\XPrtTrace-DEV-1\\network\\NetTrace.etl', 'C:\\PrtTrace-DEV-1\\network\\NetTrace.etl')).toBe(false);
  });

  it('is not decided by an end that is not plain ASCII', () => {
    expect(isOurTraceFile('D:\\x\\Gerät\\network\\NetTrace.etl', 'C:\\y\\Gerät\\network\\NetTrace.etl')).toBe(false);
  });
});

describe('the trace log and the lock', () => {
  it('writes progress into trace.log once the bundle exists, scrubbed, the earlier lines first, and nothing after it is closed', () => {
    const bundle = join(dir, 'bundle');
    const session = new Session(context(), state());
    session.emit({ Kind: 'Warning', At: '2026-11-20T09:00:00.000Z', Text: 'before the folder' });
    mkdirSync(bundle);
    session.state.BundlePath = bundle;
    session.emit({ Kind: 'Warning', At: '2026-11-20T09:00:01.000Z', Text: 'Bearer PlantedToken123 in a reply' });
    const log = () => readFileSync(join(bundle, 'trace.log'), 'utf8').trim().split('\n');
    expect(log()).toHaveLength(2);
    expect(log()[0]).toContain('before the folder');
    expect(log()[1]).toContain('Bearer [token removed] in a reply');
    expect(events.history.at(-1)).toMatchObject({ Text: 'Bearer [token removed] in a reply' });
    session.closeLog();
    session.emit({ Kind: 'Warning', At: '2026-11-20T09:00:02.000Z', Text: 'after closing' });
    expect(log()).toHaveLength(2);
  });

  it('refuses a second worker while one holds the lock, and releases it even when the work fails', async () => {
    const other = new StateStore(store.directory);
    expect(other.tryLock(() => true, 4321)).toEqual({ Locked: true });
    device.running.add(4321);
    await expect(withLock(context(), () => Promise.resolve('ran'))).rejects.toMatchObject({ id: 'TraceBusy', exitCode: ExitCode.Environment, message: expect.stringContaining('process 4321') });
    other.unlock();
    await expect(withLock(context(), () => Promise.reject(new Error('work failed')))).rejects.toThrow('work failed');
    await expect(withLock(context(), () => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});
