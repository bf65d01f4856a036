// The dashboard's state: a pure reducer over what the device and the trace report. Components
// never compute; they render `dashboardView(state)` (view.ts). Inputs come from the same
// progress stream the plain renderer reads, plus dsregcmd snapshots and AAD events as they land.
import type { PrtStatus } from '../diagnose/status-types.js';
import type { AadEvent } from '../events/types.js';
import type { TraceProgress } from '../trace/progress.js';
import type { ReproOutcome, StepId } from '../trace/types.js';

/** One thing that happened, in the order it happened. */
export type DashboardInput =
  | { Kind: 'Progress'; Event: TraceProgress }
  /** A dsregcmd /status reading (the trace's own, or the watch's). */
  | { Kind: 'Status'; At: string; Status: PrtStatus }
  | { Kind: 'StatusFailed'; At: string; Message: string }
  /** AAD events read since the last batch (any order; duplicates are dropped). */
  | { Kind: 'AadEvents'; Events: AadEvent[] }
  | { Kind: 'Note'; Text: string }
  /** The clock moved (ages and countdowns tick). */
  | { Kind: 'Tick'; Now: string }
  /** The person pressed the stop key. */
  | { Kind: 'StopRequested'; At: string };

export type StepState = 'Pending' | 'Running' | 'Done' | 'Skipped' | 'Failed' | 'Undoing' | 'Undone' | 'UndoFailed';

export interface StepLine {
  Id: StepId;
  Title: string;
  State: StepState;
  StartedAt: string | null;
  EndedAt: string | null;
  Detail: string | null;
}

/** What the dashboard keeps of a dsregcmd reading: the SSO State and who the device is. */
export interface PrtSnapshot {
  ReadAt: string;
  DeviceName: string | null;
  JoinType: PrtStatus['JoinType'];
  TenantName: string | null;
  User: string | null;
  Health: PrtStatus['Health'];
  AzureAdPrt: boolean;
  UpdateTime: string | null;
  ExpiryTime: string | null;
  Authority: string | null;
  /** dsregcmd's diagnostics block of the Azure AD PRT: the last attempt it knows. */
  LastAttempt: { At: string | null; Status: string | null; ServerErrorCode: string | null; ServerErrorDescription: string | null } | null;
}

export interface DashboardState {
  Mode: 'Trace' | 'Watch';
  /** Host clock (the simulated clock on a simulated device). */
  Now: string;
  StartedAt: string;
  HybridWaitSeconds: number;
  /** Keys can be read (raw mode): the footer offers them. */
  Keys: boolean;
  Session: { Host: 'Live' | 'Simulated'; Scenario: string | null } | null;
  Prt: PrtSnapshot | null;
  /** Set when a reading shows a newer AzureAdPrtUpdateTime than the one before. */
  Renewed: { At: string; Previous: string | null } | null;
  StatusError: string | null;
  Steps: StepLine[];
  /** AAD events seen, oldest first, bounded. */
  Events: AadEvent[];
  Instruction: { At: string; Text: string } | null;
  Observed: { At: string; Outcome: ReproOutcome; Detail: string } | null;
  Warnings: string[];
  Notes: string[];
  Interrupted: string | null;
  Finished: { Outcome: string; BundlePath: string | null; ZipPath: string | null } | null;
  StopRequested: boolean;
}

export interface DashboardInit {
  Mode: 'Trace' | 'Watch';
  Now: string;
  HybridWaitSeconds?: number;
  Keys?: boolean;
}

/** The most AAD events the dashboard holds: a watch can run for hours. */
export const maxEvents = 400;

export function initialDashboardState(init: DashboardInit): DashboardState {
  return {
    Mode: init.Mode,
    Now: init.Now,
    StartedAt: init.Now,
    HybridWaitSeconds: init.HybridWaitSeconds ?? 60,
    Keys: init.Keys ?? false,
    Session: null,
    Prt: null,
    Renewed: null,
    StatusError: null,
    Steps: [],
    Events: [],
    Instruction: null,
    Observed: null,
    Warnings: [],
    Notes: [],
    Interrupted: null,
    Finished: null,
    StopRequested: false,
  };
}

/** The order a trace takes its steps in (a skipped step keeps its place). */
const stepOrder: StepId[] = ['Preflight', 'SnapshotBefore', 'BundleFolder', 'AnalyticChannel', 'NetworkTrace', 'AuthScripts', 'LsassTrace', 'Repro', 'ExportEvents', 'SnapshotAfter', 'Report'];
const rank = (id: StepId) => {
  const at = stepOrder.indexOf(id);
  return at < 0 ? stepOrder.length : at;
};

/** The reducer: returns the same object when nothing changed, so a caller can skip a redraw. */
export function dashboardState(state: DashboardState, input: DashboardInput): DashboardState {
  switch (input.Kind) {
    case 'Progress':
      return progress(state, input.Event);
    case 'Status':
      return status(state, input.At, input.Status);
    case 'StatusFailed':
      return state.StatusError === input.Message ? state : { ...state, StatusError: input.Message };
    case 'AadEvents':
      return aadEvents(state, input.Events);
    case 'Note':
      return state.Notes.includes(input.Text) ? state : { ...state, Notes: [...state.Notes, input.Text] };
    case 'Tick':
      return input.Now === state.Now ? state : { ...state, Now: input.Now };
    case 'StopRequested':
      return state.StopRequested ? state : { ...state, StopRequested: true };
  }
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

function progress(state: DashboardState, event: TraceProgress): DashboardState {
  const next: DashboardState = { ...state, Now: later(event.At, state.Now) };
  const setStep = (id: StepId, title: string, change: Partial<StepLine>) => {
    const at = next.Steps.findIndex((s) => s.Id === id);
    const base: StepLine = next.Steps[at] ?? { Id: id, Title: title, State: 'Pending', StartedAt: null, EndedAt: null, Detail: null };
    const line = { ...base, ...change };
    next.Steps = at >= 0 ? next.Steps.map((s, i) => (i === at ? line : s)) : [...next.Steps, line].sort((a, b) => rank(a.Id) - rank(b.Id));
  };
  switch (event.Kind) {
    case 'Session':
      next.Session = { Host: event.Host, Scenario: event.Scenario };
      next.Steps = event.Steps.map((s) => ({ Id: s.Id, Title: s.Title, State: 'Pending', StartedAt: null, EndedAt: null, Detail: null }));
      break;
    case 'StepStarted':
      setStep(event.Step, event.Title, { State: 'Running', StartedAt: event.At, EndedAt: null });
      break;
    case 'StepDone':
      setStep(event.Step, event.Title, { State: 'Done', EndedAt: event.At, Detail: event.Detail });
      break;
    case 'StepSkipped':
      setStep(event.Step, event.Title, { State: 'Skipped', EndedAt: event.At, Detail: event.Reason });
      break;
    case 'StepFailed':
      setStep(event.Step, event.Title, { State: 'Failed', EndedAt: event.At, Detail: event.Message });
      break;
    case 'UndoStarted':
      setStep(event.Step, event.Title, { State: 'Undoing', Detail: 'undoing…' });
      break;
    case 'UndoDone':
      setStep(event.Step, event.Title, { State: 'Undone', Detail: event.Detail ?? 'undone' });
      break;
    case 'UndoFailed':
      setStep(event.Step, event.Title, { State: 'UndoFailed', Detail: event.Message });
      break;
    case 'Instruction':
      next.Instruction = { At: event.At, Text: event.Text };
      break;
    case 'Waiting':
      // Only the clock: the dashboard shows its own countdown.
      break;
    case 'Observed':
      next.Observed = { At: event.At, Outcome: event.Outcome, Detail: event.Detail };
      break;
    case 'Warning':
      if (!next.Warnings.includes(event.Text)) next.Warnings = [...next.Warnings, event.Text];
      break;
    case 'Interrupted':
      next.Interrupted = event.Signal;
      break;
    case 'Finished':
      next.Finished = { Outcome: event.Outcome, BundlePath: event.BundlePath, ZipPath: event.ZipPath };
      break;
  }
  return next;
}

function status(state: DashboardState, at: string, s: PrtStatus): DashboardState {
  const attempt = s.Diagnostics.find((d) => d.Prt === 'AzureAd') ?? null;
  const snapshot: PrtSnapshot = {
    ReadAt: at,
    DeviceName: s.DeviceName,
    JoinType: s.JoinType,
    TenantName: s.TenantName,
    User: userOf(s) ?? attempt?.UserIdentity ?? state.Prt?.User ?? null,
    Health: s.Health,
    AzureAdPrt: s.AzureAdPrt === true, // the live dashboard reads a whole capture: null only when the line is missing
    UpdateTime: s.AzureAdPrtUpdateTime,
    ExpiryTime: s.AzureAdPrtExpiryTime,
    Authority: s.AzureAdPrtAuthority,
    LastAttempt: attempt
      ? { At: attempt.PreviousPrtAttempt, Status: attempt.AttemptStatus, ServerErrorCode: attempt.ServerErrorCode, ServerErrorDescription: attempt.ServerErrorDescription }
      : null,
  };
  const before = state.Prt;
  const renewed =
    before !== null && snapshot.AzureAdPrt && snapshot.UpdateTime !== null && snapshot.UpdateTime !== before.UpdateTime && (before.UpdateTime === null || Date.parse(snapshot.UpdateTime) > Date.parse(before.UpdateTime))
      ? { At: snapshot.UpdateTime, Previous: before.AzureAdPrt ? before.UpdateTime : null }
      : state.Renewed;
  return { ...state, Now: later(at, state.Now), Prt: snapshot, Renewed: renewed, StatusError: null };
}

/** `Executing Account Name : CONTOSO\i.moreau, ines.moreau@contoso.com` → the UPN (else the account). */
function userOf(s: PrtStatus): string | null {
  for (const section of s.Sections) {
    const field = section.Fields.find((f) => /^Executing Account Name$/i.test(f.Name));
    if (!field || !field.Value) continue;
    const [account, upn] = field.Value.split(',').map((part) => part.trim());
    return upn || account || null;
  }
  return null;
}

const eventKey = (e: AadEvent) => `${e.Channel}|${e.EventRecordID}|${e.TimeCreated ?? ''}`;

function aadEvents(state: DashboardState, events: AadEvent[]): DashboardState {
  if (events.length === 0) return state;
  const seen = new Set(state.Events.map(eventKey));
  const fresh = events.filter((e) => {
    const key = eventKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return state;
  const all = [...state.Events, ...fresh].sort((a, b) => a.TimeMs - b.TimeMs || a.EventRecordID - b.EventRecordID);
  return { ...state, Events: all.length > maxEvents ? all.slice(all.length - maxEvents) : all };
}
