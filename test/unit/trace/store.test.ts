import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedStateDirectory, stateDirectory, StateStore } from '../../../src/trace/store.js';
import type { TraceState } from '../../../src/trace/types.js';
import { deadPid } from './sim-harness.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prt-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const state = (phase: TraceState['Phase']): TraceState => ({
  Version: 1,
  SessionId: 's1',
  Phase: phase,
  Mode: 'Detached',
  OwnerPid: 1,
  Host: { Kind: 'Live', Scenario: null },
  StartedAt: '2026-11-20T09:30:00.000Z',
  Options: { OutputFolder: dir, NetworkTrace: true, AuthScriptsPath: null, LsassTrace: false, LsassTraceConfirmed: false, LockWorkstation: false, HybridWaitSeconds: 60, TimeoutSeconds: 600 },
  BundlePath: null,
  DeviceName: null,
  Baseline: null,
  ReproStartedAt: null,
  Repro: null,
  Steps: [],
});

describe('where the state lives', () => {
  it('is %ProgramData%\\PrtTools on Windows', () => {
    expect(stateDirectory({ ProgramData: 'C:\\ProgramData' }, 'win32')).toBe(join('C:\\ProgramData', 'PrtTools'));
  });

  it('is under XDG_STATE_HOME or ~/.local/state elsewhere', () => {
    expect(stateDirectory({ XDG_STATE_HOME: '/x/state' }, 'linux')).toBe('/x/state/prttools');
    expect(stateDirectory({ HOME: '/home/ana' }, 'linux')).toBe('/home/ana/.local/state/prttools');
  });

  it('follows PRT_STATE_DIR, and keeps the simulated device apart', () => {
    expect(stateDirectory({ PRT_STATE_DIR: '/t' }, 'win32')).toBe('/t');
    expect(simulatedStateDirectory({ PRT_STATE_DIR: '/t' }, 'linux')).toBe(join('/t', 'simulated'));
  });
});

describe('the state file', () => {
  it('round-trips a state and leaves no temporary file behind', () => {
    const store = new StateStore(join(dir, 'nested'));
    store.save(state('Running'));
    expect(store.load()).toEqual(state('Running'));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['trace-state.json']);
  });

  it('is absent after clear: nothing to undo', () => {
    const store = new StateStore(dir);
    store.save(state('Running'));
    store.clear();
    expect(store.load()).toBeNull();
    expect(existsSync(store.file)).toBe(false);
  });

  it('says so, with the undo commands, when it is damaged', () => {
    const store = new StateStore(dir);
    writeFileSync(store.file, '{"Version": 1, "Steps": [');
    expect(() => store.load()).toThrow(/damaged.*netsh trace stop/);
  });

  it('is valid JSON at every moment: the old text or the new one', () => {
    const store = new StateStore(dir);
    for (let i = 0; i < 20; i++) {
      store.save({ ...state('Running'), SessionId: `s${i}` });
      expect(JSON.parse(readFileSync(store.file, 'utf8')).SessionId).toBe(`s${i}`);
    }
  });
});

describe('the lock', () => {
  it('is taken, held against another live process, and released', () => {
    const store = new StateStore(dir);
    expect(store.tryLock(() => true, 100)).toEqual({ Locked: true });
    const other = new StateStore(dir);
    expect(other.tryLock(() => true, 200)).toEqual({ Locked: false, Pid: 100 });
    store.unlock();
    expect(other.tryLock(() => true, 200)).toEqual({ Locked: true });
  });

  it('is taken over from a process that is gone (a killed prt)', () => {
    writeFileSync(join(dir, 'trace.lock'), String(deadPid));
    const store = new StateStore(dir);
    expect(store.tryLock((pid) => pid !== deadPid, 300)).toEqual({ Locked: true });
    expect(store.lockHolder()).toBe(300);
  });
});
