import type { PrtStatus } from '../diagnose/status-types.js';
import type { LsassTracer, ToolRun } from '../host/trace-host.js';

/** What the admin asked for (`prt trace run|start` options, `Start-PrtTrace` parameters). */
export interface TraceOptions {
  /** Folder that receives the bundle folder and its zip. */
  OutputFolder: string;
  /** `netsh trace` (on by default). */
  NetworkTrace: boolean;
  /** Folder of Microsoft's Auth scripts (start-auth.ps1, stop-auth.ps1), or null. */
  AuthScriptsPath: string | null;
  /** Time travel trace of lsass: opt-in, it holds credentials. */
  LsassTrace: boolean;
  /** The admin confirmed the lsass warning (prompt, `--yes`, or PowerShell's confirmation). */
  LsassTraceConfirmed: boolean;
  /** Lock the workstation for the user instead of asking them to. */
  LockWorkstation: boolean;
  /** Seconds to stay locked on hybrid joined devices (the PRT task needs at least 60). */
  HybridWaitSeconds: number;
  /** The guided repro gives up watching after this many seconds. */
  TimeoutSeconds: number;
  /** Export the AAD logs unscrubbed (`--keep-raw-events`): warned about, recorded in the manifest. */
  KeepRawEvents?: boolean;
  /** Also write a redacted copy of the bundle for sharing (`--redact`), its map beside it. */
  Redact?: boolean;
}

export type StepId =
  | 'Preflight'
  | 'SnapshotBefore'
  | 'BundleFolder'
  | 'AnalyticChannel'
  | 'NetworkTrace'
  | 'AuthScripts'
  | 'LsassTrace'
  | 'Repro'
  | 'ExportEvents'
  | 'SnapshotAfter'
  | 'Report';

export type StepStatus = 'Starting' | 'Done' | 'Failed' | 'Skipped';
export type UndoStatus = 'Undoing' | 'Undone' | 'UndoFailed';

/** One step as the state file and the manifest record it. */
export interface StepRecord {
  Id: StepId;
  Title: string;
  Status: StepStatus;
  StartedAt: string;
  EndedAt: string | null;
  /** A short result for people: "enabled (was disabled)", "812 (lsass.exe)". */
  Detail: string | null;
  Error: string | null;
  /** What the undo needs: the channel's previous state, the recorder used… */
  Data: Record<string, string | number | boolean | null>;
  ToolRuns: ToolRun[];
  Undo: { Status: UndoStatus; At: string; Error: string | null; ToolRuns: ToolRun[] } | null;
}

export type SessionPhase = 'Starting' | 'Running' | 'Stopping';
/** `Guided`: one prt process runs start → repro → stop. `Detached`: started, stopped later. */
export type SessionMode = 'Guided' | 'Detached';

/** What the PRT looked like before the repro: the watch compares against it. */
export interface ReproBaseline {
  AzureAdPrtUpdateTime: string | null;
  PreviousPrtAttempt: string | null;
  JoinType: string;
}

/**
 * The state file (`trace-state.json`): written atomically BEFORE each change, so whatever a
 * killed run left behind can be found and undone by the next `prt trace stop` or `start`.
 */
export interface TraceState {
  Version: 1;
  SessionId: string;
  Phase: SessionPhase;
  Mode: SessionMode;
  /** The prt process that wrote this; with the lock file it tells a live session from a leftover. */
  OwnerPid: number;
  Host: { Kind: 'Live' | 'Simulated'; Scenario: string | null };
  StartedAt: string;
  Options: TraceOptions;
  BundlePath: string | null;
  DeviceName: string | null;
  Baseline: ReproBaseline | null;
  ReproStartedAt: string | null;
  Repro: ReproResult | null;
  Steps: StepRecord[];
}

export type ReproOutcome = 'PrtRenewed' | 'AttemptFailed' | 'TimedOut' | 'StoppedByUser' | 'NotWatched';

export interface ReproResult {
  Outcome: ReproOutcome;
  /** When the outcome was seen, host clock. */
  ObservedAt: string | null;
  /** Hex status of the failed attempt (`0xc000006d`), when known. */
  AttemptStatus: string | null;
  /** What was seen, for people. */
  Detail: string;
  /** Event IDs that gave it away (1007, 1081…), when events were readable. */
  EventIds: number[];
}

/** `prt trace start --json` and `Start-PrtTrace -NoWait`: a running session (`PrtTools.TraceSession`). */
export interface TraceSessionDocument {
  SessionId: string;
  State: SessionPhase;
  Mode: SessionMode;
  Host: 'Live' | 'Simulated';
  Scenario: string | null;
  DeviceName: string | null;
  JoinType: string | null;
  StartedAt: string;
  BundlePath: string | null;
  StateFile: string;
  NetworkTrace: boolean;
  AuthScriptsPath: string | null;
  LsassTrace: boolean;
  Steps: StepSummary[];
  /** What the admin does next: lock/unlock, then `prt trace stop`. */
  NextStep: string;
  /** A session an earlier, interrupted run left behind and that this start cleaned up. */
  Recovered: TraceBundleDocument | null;
}

export interface StepSummary {
  Id: StepId;
  Title: string;
  Status: StepStatus;
  /** Whether what the step changed was put back; null when there was nothing to undo. */
  Undo: UndoStatus | null;
  Detail: string | null;
  Error: string | null;
}

export interface BundleFile {
  /** Relative to the bundle folder, with `/`. */
  Path: string;
  Bytes: number;
  Sha256: string;
}

export type BundleOutcome = 'Completed' | 'Interrupted' | 'Recovered' | 'Failed';

/** `prt trace stop|run --json` and `Stop-PrtTrace`: the collected bundle (`PrtTools.TraceBundle`). */
export interface TraceBundleDocument {
  SessionId: string;
  Outcome: BundleOutcome;
  Host: 'Live' | 'Simulated';
  Scenario: string | null;
  DeviceName: string | null;
  StartedAt: string;
  StoppedAt: string;
  BundlePath: string | null;
  ZipPath: string | null;
  ReportPath: string | null;
  Repro: ReproResult | null;
  StatusBefore: PrtStatus | null;
  StatusAfter: PrtStatus | null;
  Diagnosis: TraceDiagnosis | null;
  Files: BundleFile[];
  Steps: StepSummary[];
  Warnings: string[];
  /** With `--redact`: the redacted copy this document describes (its paths are the copy's). */
  Redaction?: BundleRedaction;
}

export interface BundleRedaction {
  /** The map pseudonym → real value, beside the copy, never inside it or its zip. */
  MapPath: string;
  /** Binary files (network trace, recordings) that cannot be redacted, left out of the copy. */
  LeftOut: string[];
}

/**
 * The final diagnosis of a bundle (see `diagnosis.ts`): what changed between the snapshots, and
 * the analysis of the captured logs once the event reader and `prt error` are there.
 */
export interface TraceDiagnosis {
  /** `Status`: from the dsregcmd snapshots only; `Events`: from the captured AAD logs too. */
  Basis: 'Status' | 'Events';
  Summary: string;
  HealthBefore: string | null;
  HealthAfter: string | null;
  PrtRenewed: boolean;
  /** The failing status code of the last attempt seen, when there was one. */
  AttemptStatus: string | null;
  /** The full analysis of the captured logs (the shape of `prt error --json`), when available. */
  Analysis: unknown;
}

/** `prt trace status --json`. */
export interface TraceStatusDocument {
  Active: boolean;
  /** A session left by a prt that died: `prt trace stop` (or the next start) cleans it up. */
  Interrupted: boolean;
  /** Another prt process is working on the session right now (holds the lock). */
  Busy: boolean;
  StateFile: string;
  Session: TraceSessionDocument | null;
}

/** The plan `--dry-run` and `Start-PrtTrace -WhatIf` show: what would run, and how it is undone. */
export interface TracePlanDocument {
  Host: 'Live' | 'Simulated';
  Scenario: string | null;
  OutputFolder: string;
  StateFile: string;
  Steps: { Id: StepId; Title: string; Action: string; Undo: string | null; Enabled: boolean; Reason: string | null }[];
  Checks: { Check: string; Passed: boolean; Message: string }[];
}

export type { LsassTracer };
