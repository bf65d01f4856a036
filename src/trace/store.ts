import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, PrtError } from '../errors.js';
import { writeFileSafely } from '../host/write-file.js';
import type { TraceState } from './types.js';

export const stateFileName = 'trace-state.json';
const lockFileName = 'trace.lock';

/**
 * Where the state of this machine's trace lives: one place per machine, found again by any later
 * prt. `PRT_STATE_DIR` overrides it (tests, several simulated devices side by side).
 * Windows: %ProgramData%\PrtTools. Elsewhere: $XDG_STATE_HOME/prttools or ~/.local/state/prttools.
 */
export function stateDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.PRT_STATE_DIR) return env.PRT_STATE_DIR;
  if (platform === 'win32') return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'PrtTools');
  return join(env.XDG_STATE_HOME ?? join(env.HOME ?? homedir(), '.local', 'state'), 'prttools');
}

/** The simulated device keeps its trace apart, so a demo can never undo a real trace. */
export const simulatedStateDirectory = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform) => join(stateDirectory(env, platform), 'simulated');

/** The persisted trace state, and the lock that says a prt process is working on it. */
export class StateStore {
  readonly file: string;
  private readonly lockFile: string;
  private lockHeld = false;

  constructor(readonly directory: string) {
    this.file = join(directory, stateFileName);
    this.lockFile = join(directory, lockFileName);
  }

  load(): TraceState | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new PrtError('StateUnreadable', `the trace state file \`${this.file}\` cannot be read: ${(error as Error).message}`, ExitCode.Environment, 'ResourceUnavailable');
    }
    try {
      const state = JSON.parse(text) as TraceState;
      if (state.Version !== 1 || !Array.isArray(state.Steps)) throw new Error('not a version 1 trace state');
      return state;
    } catch (error) {
      throw new PrtError(
        'StateUnreadable',
        `the trace state file \`${this.file}\` is damaged (${(error as Error).message}). Undo by hand what may still run (netsh trace stop; wevtutil sl Microsoft-Windows-AAD/Analytic /e:false; TTD -stop all), then delete the file`,
        ExitCode.Environment,
        'ResourceUnavailable',
      );
    }
  }

  save(state: TraceState): void {
    mkdirSync(this.directory, { recursive: true });
    writeFileSafely(this.file, `${JSON.stringify(state, null, 2)}\n`, { durable: true });
  }

  /** No session left: nothing to undo. */
  clear(): void {
    rmSync(this.file, { force: true });
  }

  /**
   * Takes the lock (a file holding our PID), or says who holds it. A lock whose process is gone
   * is taken over: that prt was killed.
   */
  tryLock(isRunning: (pid: number) => boolean, pid = process.pid): { Locked: true } | { Locked: false; Pid: number } {
    mkdirSync(this.directory, { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.lockFile, 'wx');
        writeSync(fd, String(pid));
        closeSync(fd);
        this.lockHeld = true;
        return { Locked: true };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = this.lockHolder();
      if (holder !== null && holder !== pid && isRunning(holder)) return { Locked: false, Pid: holder };
      rmSync(this.lockFile, { force: true });
    }
    throw new PrtError('StateLocked', `cannot take the trace lock \`${this.lockFile}\``, ExitCode.Environment, 'ResourceUnavailable');
  }

  lockHolder(): number | null {
    try {
      const pid = Number(readFileSync(this.lockFile, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  unlock(): void {
    if (!this.lockHeld) return;
    this.lockHeld = false;
    rmSync(this.lockFile, { force: true });
  }
}
