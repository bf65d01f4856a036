// What each step of the table does when the start runs it: what it records (and saves) before it
// changes the device, so that the undo of a prt killed in the middle knows what to put back; why
// a step is left out; and the status snapshot a step reads.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { keepNewestRecording } from '../../../src/trace/bundle.js';
import { Session, statusFromBytes, stepSummaries, withLock } from '../../../src/trace/engine.js';
import { TraceEvents } from '../../../src/trace/progress.js';
import { defaultTraceOptions } from '../../../src/trace/session.js';
import { changingSteps, lsassWarning, type ChangingStep } from '../../../src/trace/steps.js';
import { StateStore } from '../../../src/trace/store.js';
import type { StepRecord, TraceState } from '../../../src/trace/types.js';
import { isOurTraceFile, undoFailureText } from '../../../src/trace/undo.js';

const analytic = 'Microsoft-Windows-AAD/Analytic';

let dir: string;
let store: StateStore;
let events: TraceEvents;
/** Each host call with what the state file held at that moment. */
let calls: { call: string; saved: StepRecord['Data'] | undefined }[];
let tracer: 'TTD' | 'tttracer' | null;
let analyticEnabled: boolean;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prt-steps-'));
  store = new StateStore(join(dir, 'state'));
  events = new TraceEvents();
  calls = [];
  tracer = 'tttracer';
  analyticEnabled = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function session(options: Partial<TraceState['Options']> = {}): Session {
  const seen = (call: string) => calls.push({ call, saved: structuredClone(store.load()?.Steps[0]?.Data) });
  const host = {
    kind: 'Simulated',
    now: () => new Date('2026-11-20T09:00:00.000Z'),
    takeToolRuns: () => [],
    isChannelEnabled: () => (seen('isChannelEnabled'), Promise.resolve(analyticEnabled)),
    setChannelEnabled: (channel: string, enabled: boolean) => (seen(`setChannelEnabled ${channel} ${String(enabled)}`), Promise.resolve()),
    startNetworkTrace: (file: string) => (seen(`startNetworkTrace ${file}`), Promise.resolve()),
    startAuthScripts: (folder: string) => (seen(`startAuthScripts ${folder}`), Promise.resolve()),
    findLsassTracer: () => (seen('findLsassTracer'), Promise.resolve(tracer)),
    findLsassPid: () => (seen('findLsassPid'), Promise.resolve(812)),
    startLsassTrace: (used: string, pid: number, out: string) => (seen(`startLsassTrace ${used} ${pid} ${out}`), Promise.resolve({ RecorderPid: 4242 })),
  } as unknown as Host;
  const state: TraceState = {
    Version: 1,
    SessionId: 's',
    Phase: 'Starting',
    Mode: 'Guided',
    OwnerPid: process.pid,
    Host: { Kind: 'Simulated', Scenario: null },
    StartedAt: '2026-11-20T09:00:00.000Z',
    Options: { ...defaultTraceOptions(join(dir, 'traces')), ...options },
    BundlePath: null,
    DeviceName: null,
    Baseline: null,
    ReproStartedAt: null,
    Repro: null,
    Steps: [],
  };
  return new Session({ host, store, events, scenario: null, pid: process.pid }, state);
}

const stepOf = (id: ChangingStep['id']) => changingSteps.find((step) => step.id === id)!;

/** Runs one step's do as the start does: through Session.step, into a bundle folder. */
async function run(id: ChangingStep['id'], s = session()): Promise<StepRecord> {
  const step = stepOf(id);
  const action = step.do!;
  const bundle = join(dir, 'bundle');
  return s.step(id, (record) => action(s, record, bundle));
}

describe('the steps of the start', () => {
  it('Analytic log: remembers that it was disabled before enabling it', async () => {
    const record = await run('AnalyticChannel');
    expect(calls).toEqual([
      { call: 'isChannelEnabled', saved: {} },
      { call: `setChannelEnabled ${analytic} true`, saved: { PreviousEnabled: false } },
    ]);
    expect(record).toMatchObject({ Detail: 'enabled (it was disabled; disabled again at the end)', Data: { PreviousEnabled: false } });
  });

  it('Analytic log: leaves an enabled log as it is, and remembers that', async () => {
    analyticEnabled = true;
    const record = await run('AnalyticChannel');
    expect(calls.map((c) => c.call)).toEqual(['isChannelEnabled']);
    expect(record).toMatchObject({ Detail: 'already enabled: left as it is', Data: { PreviousEnabled: true } });
    expect(store.load()?.Steps[0]?.Data).toEqual({ PreviousEnabled: true });
  });

  it('network trace: saves the trace file it starts, in the bundle’s network folder, before starting it', async () => {
    const file = join(dir, 'bundle', 'network', 'NetTrace.etl');
    const record = await run('NetworkTrace');
    expect(calls).toEqual([{ call: `startNetworkTrace ${file}`, saved: { TraceFile: file } }]);
    expect(existsSync(join(dir, 'bundle', 'network'))).toBe(true);
    expect(record.Detail).toBe(`writing ${file}`);
  });

  it('Auth scripts: saves the folder before starting them, and refuses to run without one', async () => {
    const scripts = join(dir, 'auth');
    const record = await run('AuthScripts', session({ AuthScriptsPath: scripts }));
    expect(calls).toEqual([{ call: `startAuthScripts ${scripts}`, saved: { Folder: scripts } }]);
    expect(record.Detail).toBe('start-auth.ps1 -v -acceptEULA');
    await expect(run('AuthScripts', session({ AuthScriptsPath: null }))).rejects.toThrow('the Auth scripts step runs only with an Auth scripts folder');
  });

  it('lsass: saves the recorder, the PID and the folder before attaching, then the recorder’s PID, and warns', async () => {
    const out = join(dir, 'bundle', 'lsass');
    const record = await run('LsassTrace');
    expect(calls).toEqual([
      { call: 'findLsassTracer', saved: {} },
      { call: 'findLsassPid', saved: {} },
      { call: `startLsassTrace tttracer 812 ${out}`, saved: { Tracer: 'tttracer', Pid: 812, OutFolder: out } },
    ]);
    expect(store.load()?.Steps[0]?.Data).toEqual({ Tracer: 'tttracer', Pid: 812, OutFolder: out, RecorderPid: 4242 });
    expect(existsSync(out)).toBe(true);
    expect(record.Detail).toBe('tttracer attached to lsass.exe (PID 812)');
    expect(events.history).toContainEqual(expect.objectContaining({ Kind: 'Warning', Text: lsassWarning }));
  });

  it('lsass: has the recorder’s PID saved by the time it warns, so a kill after the start still waits for the recording', async () => {
    let savedAtWarning: StepRecord['Data'] | undefined;
    events.subscribe((event) => {
      if (event.Kind === 'Warning') savedAtWarning = store.load()?.Steps[0]?.Data;
    });
    await run('LsassTrace');
    expect(savedAtWarning?.RecorderPid).toBe(4242);
  });

  it('lsass: uses TTD when no recorder is found', async () => {
    tracer = null;
    const record = await run('LsassTrace');
    expect(record.Data.Tracer).toBe('TTD');
  });
});

describe('why the start leaves a step out', () => {
  const options = (changes: Partial<TraceState['Options']>) => ({ ...defaultTraceOptions(dir), ...changes });

  it('names the option, or the Auth scripts that take the network trace', () => {
    expect(stepOf('NetworkTrace').skipped(options({ NetworkTrace: false }))).toBe('left out (--no-network-trace)');
    expect(stepOf('NetworkTrace').skipped(options({ NetworkTrace: true, AuthScriptsPath: join(dir, 'auth') }))).toBe('the Auth scripts take their own network trace (only one can run)');
    expect(stepOf('NetworkTrace').skipped(options({ NetworkTrace: true, AuthScriptsPath: null }))).toBeNull();
    expect(stepOf('AuthScripts').skipped(options({ AuthScriptsPath: null }))).toBe('not asked for (--auth-scripts)');
    expect(stepOf('LsassTrace').skipped(options({ LsassTrace: false }))).toBe('not asked for (--lsass-trace)');
    expect(stepOf('LsassTrace').skipped(options({ LsassTrace: true }))).toBeNull();
  });

  it('never leaves out the Analytic log or the export, and the stop (not the start) runs the export', () => {
    expect(stepOf('AnalyticChannel').skipped(options({}))).toBeNull();
    expect(stepOf('ExportEvents').skipped(options({}))).toBeNull();
    expect(stepOf('ExportEvents').do).toBeNull();
    expect(changingSteps.map((step) => step.id)).toEqual(['AnalyticChannel', 'NetworkTrace', 'AuthScripts', 'LsassTrace', 'ExportEvents']);
  });
});

describe('the status a step reads', () => {
  it('is read from dsregcmd’s bytes in any encoding, with the text for the bundle', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/dsregcmd/utf16le-bom-crlf.txt'));
    const host = { now: () => new Date('2026-11-20T10:00:00Z') } as unknown as Host;
    const { status, text } = await statusFromBytes(bytes, host);
    expect(text).toContain('AzureAdPrt');
    expect(text).not.toContain('\u0000');
    expect(status.Source).toMatchObject({ Kind: 'Live', Path: null, Encoding: 'utf-16le' });
    expect(status.EvaluatedAt).toBe('2026-11-20T10:00:00.000Z');
  });
});

describe('a status snapshot that is not dsregcmd output', () => {
  it('is bad input that names where it came from', async () => {
    const host = { now: () => new Date('2026-11-20T10:00:00Z') } as unknown as Host;
    await expect(statusFromBytes(Buffer.from('The system cannot find the file specified.\r\n'), host)).rejects.toMatchObject({ message: expect.stringContaining('the output of `dsregcmd /status`') });
  });
});

describe('the trace log before its folder exists', () => {
  it('keeps the lines until the bundle folder is there, then writes them in order', () => {
    const s = session();
    const bundle = join(dir, 'later');
    s.state.BundlePath = bundle;
    s.emit({ Kind: 'Warning', At: '2026-11-20T09:00:00.000Z', Text: 'first' });
    expect(existsSync(bundle)).toBe(false);
    s.emit({ Kind: 'Warning', At: '2026-11-20T09:00:01.000Z', Text: 'still waiting' });
    mkdirSync(bundle);
    s.emit({ Kind: 'Warning', At: '2026-11-20T09:00:02.000Z', Text: 'third' });
    const lines = readFileSync(join(bundle, 'trace.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('first');
    expect(lines[2]).toContain('third');
  });
});

describe('the session around the steps', () => {
  it('runs a step of a running trace that has no signal to watch, or one not aborted', async () => {
    const s = session();
    s.state.Phase = 'Running';
    await expect(s.step('Repro', () => Promise.resolve('watched'))).resolves.toMatchObject({ Status: 'Done', Detail: 'watched' });
    const withSignal = new Session({ ...s.ctx, signal: new AbortController().signal }, s.state);
    await expect(withSignal.step('SnapshotAfter', () => Promise.resolve(null))).resolves.toMatchObject({ Status: 'Done', Detail: null });
  });

  it('replaces the first step’s record when it runs again', async () => {
    const s = session();
    await s.step('Preflight', () => Promise.reject(new Error('not elevated')), { optional: true });
    await s.step('Preflight', () => Promise.resolve('elevated now'));
    expect(s.state.Steps.map((step) => [step.Id, step.Status])).toEqual([['Preflight', 'Done']]);
  });

  it('records a skipped step whole: no tool ran, nothing to undo', () => {
    const s = session();
    s.skip('LsassTrace', 'not asked for (--lsass-trace)');
    expect(s.state.Steps).toEqual([
      { Id: 'LsassTrace', Title: 'Time travel trace of lsass', Status: 'Skipped', StartedAt: '2026-11-20T09:00:00.000Z', EndedAt: '2026-11-20T09:00:00.000Z', Detail: 'not asked for (--lsass-trace)', Error: null, Data: {}, ToolRuns: [], Undo: null },
    ]);
  });

  it('saves a failed undo, also when it is the last one', async () => {
    const s = session();
    s.state.Steps.push({ Id: 'AnalyticChannel', Title: 'AAD Analytic log', Status: 'Done', StartedAt: 'x', EndedAt: 'x', Detail: null, Error: null, Data: { PreviousEnabled: false }, ToolRuns: [], Undo: null });
    analyticEnabled = true;
    (s.host as unknown as { setChannelEnabled: () => Promise<void> }).setChannelEnabled = () => Promise.reject(new Error('access denied'));
    await s.undoAll();
    expect(store.load()?.Steps[0]?.Undo).toMatchObject({ Status: 'UndoFailed', Error: 'access denied' });
  });

  it('forgets the session when nothing is left to undo', () => {
    const s = session();
    s.save();
    expect(store.load()).not.toBeNull();
    s.clearState();
    expect(store.load()).toBeNull();
  });

  it('writes the lines still waiting for the folder when the log is closed', () => {
    const s = session();
    const bundle = join(dir, 'closing');
    s.state.BundlePath = bundle;
    s.emit({ Kind: 'Warning', At: '2026-11-20T09:00:00.000Z', Text: 'waiting line' });
    mkdirSync(bundle);
    s.closeLog();
    expect(readFileSync(join(bundle, 'trace.log'), 'utf8')).toContain('waiting line');
  });

  it('summarises a step a killed prt left Starting: only the report being written is left out', () => {
    const s = session();
    const starting = (id: StepRecord['Id']): StepRecord => ({ Id: id, Title: id, Status: 'Starting', StartedAt: 'x', EndedAt: null, Detail: null, Error: null, Data: {}, ToolRuns: [], Undo: null });
    s.state.Steps.push(starting('NetworkTrace'), starting('Report'));
    expect(stepSummaries(s.state).map((step) => [step.Id, step.Status])).toEqual([['NetworkTrace', 'Starting']]);
  });

  it('holds the lock in the name of the prt it works for, says why another waits, and gives it back', async () => {
    const s = session();
    const ctx = { ...s.ctx, pid: 4321 };
    const lockFile = join(store.directory, 'trace.lock');
    await withLock(ctx, () => {
      expect(JSON.parse(readFileSync(lockFile, 'utf8')).Pid).toBe(4321);
      return Promise.resolve();
    });
    expect(existsSync(lockFile)).toBe(false);
    await expect(withLock(ctx, () => Promise.reject(new Error('work failed')))).rejects.toThrow('work failed');
    expect(existsSync(lockFile)).toBe(false);
    const other = new StateStore(store.directory);
    other.tryLock(() => true, 999_999);
    const busy = { ...ctx, host: { ...ctx.host, isProcessRunning: () => true } as unknown as Host };
    await expect(withLock(busy, () => Promise.resolve())).rejects.toMatchObject({ id: 'TraceBusy', category: 'ResourceUnavailable' });
  });
});

describe('the lsass recordings kept, by name', () => {
  it('counts only .run files as recordings, numbers past 9 included, and a name without a number as 0', () => {
    const out = join(dir, 'rec');
    mkdirSync(out);
    for (const name of ['lsass.run', 'lsass09.run', 'lsass10.run', 'lsass10.run.txt']) {
      writeFileSync(join(out, name), name);
      utimesSync(join(out, name), 1000, 1000);
    }
    expect(keepNewestRecording(out)).toEqual({ kept: 'lsass10.run', removed: ['lsass09.run', 'lsass.run'] });
    expect(readdirSync(out).sort()).toEqual(['lsass10.run', 'lsass10.run.txt']);
  });
});

describe('the undo, to the letter', () => {
  const record = (id: StepRecord['Id'], data: StepRecord['Data']): StepRecord => ({ Id: id, Title: id, Status: 'Done', StartedAt: 'x', EndedAt: 'x', Detail: null, Error: null, Data: data, ToolRuns: [], Undo: null });
  const undone = () => events.history.flatMap((event) => (event.Kind === 'UndoDone' ? [event.Detail] : []));
  const withHost = (host: Record<string, unknown>, steps: StepRecord[]) => {
    const s = session();
    s.state.Steps.push(...steps);
    return new Session({ ...s.ctx, host: { ...s.ctx.host, ...host } as unknown as Host }, s.state);
  };

  it('stops our own running network trace and says just that', async () => {
    const ours = join(dir, 'PrtTrace-X', 'network', 'NetTrace.etl');
    mkdirSync(join(dir, 'PrtTrace-X', 'network'), { recursive: true });
    writeFileSync(ours, 'etl');
    const s = withHost({ networkTraceStatus: () => Promise.resolve({ Running: true, TraceFile: ours }), stopNetworkTrace: () => Promise.resolve() }, [record('NetworkTrace', { TraceFile: ours })]);
    await s.undoStep('NetworkTrace');
    expect(undone()).toEqual(['netsh trace stopped']);
  });

  it('stops the recorder of a start killed before it saved the recorder’s PID, without waiting for any process', async () => {
    const asked: unknown[] = [];
    const out = join(dir, 'lsass-empty');
    mkdirSync(out);
    const s = withHost(
      {
        stopLsassTrace: () => Promise.resolve(),
        isProcessRunning: (pid: unknown) => (asked.push(pid), false),
        sleep: () => Promise.resolve(),
      },
      [record('LsassTrace', { Tracer: 'TTD', Pid: 812, OutFolder: out })],
    );
    await s.undoStep('LsassTrace');
    expect(asked).toEqual([]);
    expect(undone()).toEqual(['TTD stopped']);
  });

  it('names the one recording it kept, with nothing removed', async () => {
    const out = join(dir, 'lsass-one');
    mkdirSync(out);
    writeFileSync(join(out, 'lsass01.run'), 'run');
    const s = withHost({ stopLsassTrace: () => Promise.resolve(), isProcessRunning: () => false }, [record('LsassTrace', { Tracer: 'TTD', OutFolder: out })]);
    await s.undoStep('LsassTrace');
    expect(undone()).toEqual(['TTD stopped; kept lsass01.run']);
  });

  it('takes the very same path as ours even when its end is not plain ASCII', () => {
    expect(isOurTraceFile('C:\\Users\\x\\PrtTrace-Gerät-1\\network\\NetTrace.etl', 'c:/users/x/PrtTrace-Gerät-1/network/NetTrace.etl')).toBe(true);
  });

  it('says an undo that never finished is not finished', () => {
    expect(undoFailureText([record('NetworkTrace', {})])).toBe('Could not undo: NetworkTrace (not finished; by hand: netsh trace stop). Run `prt trace stop` again to retry.');
  });
});
