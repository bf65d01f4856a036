import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, PrtError, isNodeError } from '../errors.js';
import { createNewFlags, writeFileSafely } from '../host/write-file.js';
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

/**
 * The state folder, created if needed. prt cannot work without it (it is where the undo is
 * remembered): a folder it cannot create or write is an environment error (exit 4), not a bug.
 */
export function ensureStateFolder(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw stateFolderError(directory, error as NodeJS.ErrnoException);
  }
}

export function stateFolderError(directory: string, error: NodeJS.ErrnoException): PrtError {
  const why = error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS' ? 'permission denied' : error.message;
  return new PrtError(
    'StateFolderNotWritable',
    `the state folder \`${directory}\` cannot be written (${why}); prt keeps what it must undo there. Run as an administrator, or point PRT_STATE_DIR at a folder you can write`,
    ExitCode.Environment,
    'PermissionDenied',
  );
}

/**
 * When a process started (Linux: clock ticks since boot, field 22 of /proc/PID/stat), to tell a
 * live lock owner from a new process that was given the same PID; null where unknown.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch (error) {
    // No /proc (not Linux) or no such process.
    if (isNodeError(error)) return null;
    throw error;
  }
}

/** The lock's PID now belongs to a process started at another time than the lock's owner. */
function isReused(holder: { Pid: number; StartTime: string | null }): boolean {
  if (holder.StartTime === null) return false;
  const now = processStartTime(holder.Pid);
  return now !== null && now !== holder.StartTime;
}

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
      const state: unknown = JSON.parse(text);
      if (!isVersion1State(state)) throw new Error('not a version 1 trace state');
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
    ensureStateFolder(this.directory);
    try {
      writeFileSafely(this.file, `${JSON.stringify(state, null, 2)}\n`, { durable: true });
    } catch (error) {
      if (error instanceof PrtError && error.exitCode === ExitCode.Environment) throw error;
      throw stateFolderError(this.directory, { code: 'EACCES', message: (error as Error).message } as NodeJS.ErrnoException);
    }
  }

  /** No session left: nothing to undo. */
  clear(): void {
    rmSync(this.file, { force: true });
  }

  /**
   * Takes the lock, or says who holds it. The lock file appears whole or not at all: its content
   * (our PID and our process's start time) is written to a fresh file first, then linked to the
   * lock's name, which fails if the name exists, so two prt can never both take it. A lock whose
   * process is gone (or whose PID now belongs to a process started at another time) is stale:
   * that prt was killed; it is moved aside (one taker wins the move) and taken.
   */
  tryLock(isRunning: (pid: number) => boolean, pid = process.pid): { Locked: true } | { Locked: false; Pid: number } {
    ensureStateFolder(this.directory);
    const content = `${JSON.stringify({ Pid: pid, StartTime: pid === process.pid ? processStartTime(pid) : null })}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (this.createLock(content)) {
        this.lockHeld = true;
        return { Locked: true };
      }
      const holder = this.readLock();
      if (holder === null) continue;
      if (holder.Pid > 0 && holder.Pid !== pid && isRunning(holder.Pid) && !isReused(holder)) return { Locked: false, Pid: holder.Pid };
      this.breakStaleLock(holder.Text);
    }
    throw new PrtError('StateLocked', `cannot take the trace lock \`${this.lockFile}\``, ExitCode.Environment, 'ResourceUnavailable');
  }

  /** Exclusive creation with the whole content in place (write beside, then link). */
  private createLock(content: string): boolean {
    const temp = `${this.lockFile}.${randomBytes(8).toString('hex')}.new`;
    try {
      const fd = openSync(temp, createNewFlags, 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      linkSync(temp, this.lockFile);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      throw stateFolderError(this.directory, error as NodeJS.ErrnoException);
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /** Moves a stale lock aside; if what was moved is not the stale lock (another prt just took it), it goes back. */
  private breakStaleLock(staleText: string): void {
    const aside = `${this.lockFile}.${randomBytes(8).toString('hex')}.stale`;
    try {
      renameSync(this.lockFile, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw stateFolderError(this.directory, error as NodeJS.ErrnoException);
    }
    try {
      if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, this.lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw stateFolderError(this.directory, error as NodeJS.ErrnoException);
    } finally {
      rmSync(aside, { force: true });
    }
  }

  private readLock(): { Pid: number; StartTime: string | null; Text: string } | null {
    let text: string;
    try {
      text = readFileSync(this.lockFile, 'utf8');
    } catch (error) {
      if (isNodeError(error, 'ENOENT')) return null;
      throw stateFolderError(this.directory, isNodeError(error) ? error : { name: 'Error', code: 'EIO', message: String(error) });
    }
    // An older prt wrote the bare PID.
    const bare = Number(text.trim());
    if (Number.isInteger(bare) && bare > 0) return { Pid: bare, StartTime: null, Text: text };
    try {
      const parsed = JSON.parse(text) as { Pid?: unknown; StartTime?: unknown };
      const pid = Number(parsed.Pid);
      if (Number.isInteger(pid) && pid > 0) return { Pid: pid, StartTime: typeof parsed.StartTime === 'string' ? parsed.StartTime : null, Text: text };
    } catch (error) {
      // Not JSON: handled below.
      if (!(error instanceof SyntaxError)) throw error;
    }
    // Unreadable content is never written by prt (the lock appears whole): treat as stale.
    return { Pid: 0, StartTime: null, Text: text };
  }

  lockHolder(): number | null {
    const holder = this.readLock();
    return holder && holder.Pid > 0 && !isReused(holder) ? holder.Pid : null;
  }

  unlock(): void {
    if (!this.lockHeld) return;
    this.lockHeld = false;
    rmSync(this.lockFile, { force: true });
  }
}

function isVersion1State(value: unknown): value is TraceState {
  return typeof value === 'object' && value !== null && 'Version' in value && value.Version === 1 && 'Steps' in value && Array.isArray(value.Steps);
}
