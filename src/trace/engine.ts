import { existsSync } from 'node:fs';
import { decodeCapture } from '../dsreg/decode.js';
import { parseDsregcmd } from '../dsreg/parse.js';
import { evaluateStatus } from '../diagnose/evaluate.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import { ExitCode, PrtError } from '../errors.js';
import type { Host } from '../host/types.js';
import { appendBundleLog } from './bundle.js';
import { formatProgressLine } from './progress-text.js';
import type { TraceEvents, TraceProgress } from './progress.js';
import { scrubDeep, scrubText } from '../safety/scrub.js';
import type { StateStore } from './store.js';
import type { StepId, StepRecord, StepSummary, TraceState } from './types.js';
import { changingSteps, type ChangingStepId } from './steps.js';
import { decoderFor } from '../app/status.js';

/**
 * The trace engine: a session's persisted state and its steps, each recorded BEFORE it changes
 * anything and undone (in reverse) by whichever prt finds it: this one after a failure or a
 * signal, the next `prt trace stop` or `start` after a kill.
 */
export { analytic } from './steps.js';

export const stepTitles: Record<StepId, string> = {
  Preflight: 'Preflight checks',
  SnapshotBefore: 'dsregcmd /status before',
  BundleFolder: 'Bundle folder (Administrators and SYSTEM only)',
  AnalyticChannel: 'AAD Analytic log',
  NetworkTrace: 'Network trace (netsh)',
  AuthScripts: 'Auth scripts',
  LsassTrace: 'Time travel trace of lsass',
  Repro: 'Repro: lock, wait, unlock',
  ExportEvents: 'Export the AAD logs',
  SnapshotAfter: 'dsregcmd /status after',
  Report: 'Report, manifest and zip',
};

export interface TraceContext {
  host: Host;
  store: StateStore;
  events: TraceEvents;
  /** The scenario when the host is the simulated device. */
  scenario: string | null;
  /**
   * Interrupts the start and the repro (Ctrl+C, SIGTERM, a closed console); abort it with a
   * `TraceInterrupted`. Stopping is never interrupted: it is the undo path.
   */
  signal?: AbortSignal;
  /** The command's environment: lets the network probe (#14) run, with the tests' resolver when set. */
  env?: NodeJS.ProcessEnv;
  /** Resolves when the person at the console says the repro is done (Enter). */
  userDone?: Promise<void>;
  pid?: number;
}

/** Why the trace was interrupted: the signal's name. */
export class TraceInterrupted extends Error {
  constructor(readonly signalName: string) {
    super(`interrupted by ${signalName}`);
    this.name = 'TraceInterrupted';
  }
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One trace session: its state, its steps, and the bundle it fills. */
export class Session {
  private logBuffer: string[] = [];
  private logClosed = false;

  constructor(
    readonly ctx: TraceContext,
    public state: TraceState,
  ) {}

  /** Nothing left to undo: the state file goes. */
  clearState(): void {
    this.ctx.store.clear();
  }

  get host(): Host {
    return this.ctx.host;
  }

  nowIso(): string {
    return this.host.now().toISOString();
  }

  save(): void {
    this.ctx.store.save(this.state);
  }

  emit(unscrubbed: TraceProgress): void {
    // Progress shows what the device said (a server's error description): never a credential.
    const event = scrubDeep(unscrubbed);
    this.ctx.events.emit(event);
    if (this.logClosed) return;
    this.logBuffer.push(formatProgressLine(event));
    this.flushLog();
  }

  private flushLog(): void {
    const folder = this.state.BundlePath;
    if (!folder || !existsSync(folder)) return;
    for (const line of this.logBuffer.splice(0, this.logBuffer.length)) appendBundleLog(folder, line);
  }

  record(id: StepId): StepRecord | undefined {
    return this.state.Steps.find((step) => step.Id === id);
  }

  checkInterrupted(): void {
    // Stopping is the undo path: a signal must not cut it short.
    if (this.state.Phase === 'Stopping') return;
    const signal = this.ctx.signal;
    if (!signal?.aborted) return;
    const reason: unknown = signal.reason;
    throw reason instanceof TraceInterrupted ? reason : new TraceInterrupted(String(reason));
  }

  /**
   * Runs one step: recorded as Starting and saved BEFORE it changes anything, then Done or
   * Failed with the commands it ran. An optional step's failure is a warning, not the end.
   */
  async step(id: StepId, action: (record: StepRecord) => Promise<string | null>, options: { optional?: boolean } = {}): Promise<StepRecord> {
    this.checkInterrupted();
    const record: StepRecord = { Id: id, Title: stepTitles[id], Status: 'Starting', StartedAt: this.nowIso(), EndedAt: null, Detail: null, Error: null, Data: {}, ToolRuns: [], Undo: null };
    const previous = this.state.Steps.findIndex((step) => step.Id === id);
    if (previous >= 0) this.state.Steps[previous] = record;
    else this.state.Steps.push(record);
    this.save();
    this.emit({ Kind: 'StepStarted', At: record.StartedAt, Step: id, Title: record.Title });
    try {
      const detail = await action(record);
      record.Detail = detail === null ? null : scrubText(detail);
      record.Status = 'Done';
    } catch (error) {
      record.Status = 'Failed';
      record.Error = scrubText(errorMessage(error));
      if (error instanceof TraceInterrupted) record.Error = error.message;
      this.finishRecord(record);
      this.emit({ Kind: 'StepFailed', At: this.nowIso(), Step: id, Title: record.Title, Message: record.Error });
      if (options.optional && !(error instanceof TraceInterrupted)) return record;
      throw error;
    }
    const endedAt = this.finishRecord(record);
    this.emit({ Kind: 'StepDone', At: endedAt, Step: id, Title: record.Title, Detail: record.Detail });
    return record;
  }

  private finishRecord(record: StepRecord): string {
    record.ToolRuns.push(...this.host.takeToolRuns());
    const endedAt = this.nowIso();
    record.EndedAt = endedAt;
    this.save();
    return endedAt;
  }

  skip(id: StepId, reason: string): void {
    const at = this.nowIso();
    this.state.Steps.push({ Id: id, Title: stepTitles[id], Status: 'Skipped', StartedAt: at, EndedAt: at, Detail: reason, Error: null, Data: {}, ToolRuns: [], Undo: null });
    this.save();
    this.emit({ Kind: 'StepSkipped', At: at, Step: id, Title: stepTitles[id], Reason: reason });
  }

  /** Undoes one step of the table if it ran, may have changed something and is not undone yet. Never throws. */
  async undoStep(id: ChangingStepId): Promise<void> {
    const step = changingSteps.find((candidate) => candidate.id === id);
    const record = this.record(id);
    if (!step || !record || record.Status === 'Skipped' || record.Undo?.Status === 'Undone' || !step.changed(record)) return;
    record.Undo = { Status: 'Undoing', At: this.nowIso(), Error: null, ToolRuns: [] };
    this.save();
    this.emit({ Kind: 'UndoStarted', At: record.Undo.At, Step: record.Id, Title: record.Title });
    try {
      const detail = await step.undo(this, record);
      record.Undo.Status = 'Undone';
      record.Undo.ToolRuns.push(...this.host.takeToolRuns());
      this.save();
      this.emit({ Kind: 'UndoDone', At: this.nowIso(), Step: record.Id, Title: record.Title, Detail: detail });
    } catch (error) {
      record.Undo.Status = 'UndoFailed';
      record.Undo.Error = scrubText(errorMessage(error));
      record.Undo.ToolRuns.push(...this.host.takeToolRuns());
      this.save();
      this.emit({ Kind: 'UndoFailed', At: this.nowIso(), Step: record.Id, Title: record.Title, Message: record.Undo.Error });
    }
  }

  /** Puts back everything the trace changed: the table of steps, backwards. */
  async undoAll(): Promise<void> {
    for (const step of [...changingSteps].reverse()) await this.undoStep(step.id);
  }

  undoFailures(): StepRecord[] {
    return this.state.Steps.filter((step) => step.Undo && step.Undo.Status !== 'Undone');
  }

  closeLog(): void {
    this.flushLog();
    this.logClosed = true;
  }
}

/** dsregcmd bytes → status, the same way `prt status` does it (join codes decoded too). */
export async function statusFromBytes(bytes: Uint8Array, host: Host): Promise<{ status: PrtStatus; text: string }> {
  const { text, encoding } = decodeCapture(bytes);
  const report = parseDsregcmd(text, { source: 'the output of `dsregcmd /status`', encoding });
  const decode = await decoderFor(report);
  return { status: evaluateStatus(report, { systemNow: host.now(), source: { Kind: 'Live', Path: null, Encoding: encoding }, decode }), text };
}

export function stepSummaries(state: TraceState): StepSummary[] {
  // The report is written while its own step runs: it is not one of the steps it reports.
  return state.Steps.filter((step) => !(step.Id === 'Report' && step.Status === 'Starting')).map((step) => ({ Id: step.Id, Title: step.Title, Status: step.Status, Undo: step.Undo?.Status ?? null, Detail: step.Detail, Error: step.Undo?.Error ?? step.Error }));
}

/** Runs `work` holding the trace lock; another working prt makes it fail clearly. */
export async function withLock<T>(ctx: TraceContext, work: () => Promise<T>): Promise<T> {
  const lock = ctx.store.tryLock((pid) => ctx.host.isProcessRunning(pid), ctx.pid ?? process.pid);
  if (!lock.Locked) {
    throw new PrtError(
      'TraceBusy',
      `another prt (process ${lock.Pid}) is working on the trace of this device right now; wait for it, or stop it with Ctrl+C in its window (it undoes its changes)`,
      ExitCode.Environment,
      'ResourceUnavailable',
    );
  }
  try {
    return await work();
  } finally {
    ctx.store.unlock();
  }
}
