// The view model: every text the dashboard shows, computed from the state (pure). Components
// only lay it out and colour it by `Tone`.
import { decodeCode } from '../codes/decode.js';
import { isExplainError } from '../codes/types.js';
import { reconstructAttempts } from '../events/attempts.js';
import { networkErrorOf, serverErrorOf, statusOf, upnOf, urlOf } from '../events/aad.js';
import type { AadEvent, Attempt } from '../events/types.js';
import type { DashboardState, StepLine } from './state.js';
import { isFailureStatus } from '../util/status-code.js';
import { forText } from '../safety/sanitize.js';
import { PrtError } from '../errors.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'dim' | 'action';

export interface LabelledValue {
  Label: string;
  Value: string;
  Tone?: Tone;
}

export interface StepView {
  Mark: string;
  Tone: Tone;
  Title: string;
  Elapsed: string;
  Detail: string;
}

export interface AttemptView {
  Mark: string;
  Tone: Tone;
  /** One line: time, code, its decoded meaning. */
  Line: string;
  /** The server's or the network's code, decoded, when there is one. */
  Cause: string | null;
}

export interface PromptView {
  Tone: Tone;
  Headline: string;
  Detail: string | null;
}

export interface DashboardView {
  Title: string;
  Clock: string;
  Device: LabelledValue[];
  Prt: { Tone: Tone; Headline: string; Rows: LabelledValue[]; Renewed: string | null };
  /** null in `prt watch` (no trace). */
  Steps: StepView[] | null;
  Attempts: AttemptView[];
  AttemptsNote: string | null;
  /** The newest AAD events, newest last (`prt watch` shows them where the steps would be). */
  Events: string[];
  Prompt: PromptView;
  Notes: string[];
  Footer: string;
}

export interface ViewOptions {
  /** Attempts to list (the layout decides from the window's height). */
  maxAttempts?: number;
  maxEvents?: number;
}

const ms = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/** `09:31:07` (UTC, like dsregcmd). */
export const clockOf = (iso: string | null) => (iso === null || Number.isNaN(ms(iso)) ? '--:--:--' : new Date(ms(iso)).toISOString().slice(11, 19));

/** `2026-12-04 09:04` (UTC). */
export const dateTimeOf = (iso: string | null) => (iso === null || Number.isNaN(ms(iso)) ? '—' : new Date(ms(iso)).toISOString().slice(0, 16).replace('T', ' '));

/** `45s`, `12m 05s`, `3h 02m`, `2d 04h`. */
export function durationOf(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${pad(Math.floor((s % 86_400) / 3600))}h`;
}

/** `0:42`: a countdown. */
const countdownOf = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.max(0, Math.floor(seconds % 60))).padStart(2, '0')}`;

const joinTypeText: Record<string, string> = {
  AzureAdJoined: 'Azure AD joined',
  HybridAzureAdJoined: 'hybrid Azure AD joined',
  AzureAdRegistered: 'Azure AD registered',
  DomainJoined: 'domain joined only',
  NotJoined: 'not joined',
};

/** One line for a code: `0xc000006d STATUS_LOGON_FAILURE: The user name or password is wrong.` */
export function decodedLine(code: string): string {
  const decoded = decodeCode(code);
  if (isExplainError(decoded)) return code;
  const name = decoded.Name && decoded.Name.toLowerCase() !== code.toLowerCase() ? ` ${decoded.Name}` : '';
  const summary = decoded.Summary ? `: ${firstSentence(decoded.Summary)}` : '';
  return `${code}${name}${summary}`;
}

const firstSentence = (text: string) => {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return (match?.[1] ?? text).trim();
};

export function dashboardView(state: DashboardState, options: ViewOptions = {}): DashboardView {
  const now = ms(state.Now);
  const attempts = reconstructAttempts(state.Events).Attempts;
  // What Ink draws is data: scrubbed and sanitized here, so no value can carry an escape sequence
  // (a hyperlink, a title, a screen clear) to the terminal.
  return forText({
    Title: titleOf(state),
    Clock: `${clockOf(state.Now)} UTC`,
    Device: deviceRows(state),
    Prt: prtPanel(state, now),
    Steps: state.Mode === 'Trace' ? state.Steps.map((step) => stepView(step, now)) : null,
    Attempts: attempts.slice(0, options.maxAttempts ?? 3).map(attemptView),
    AttemptsNote: attemptsNote(state, attempts.length),
    Events: state.Events.slice(-(options.maxEvents ?? 8)).map(eventLine),
    Prompt: promptOf(state, attempts, now),
    Notes: [...state.Warnings, ...state.Notes, ...(state.StatusError ? [`dsregcmd: ${state.StatusError}`] : [])],
    Footer: footerOf(state),
  });
}

function titleOf(state: DashboardState): string {
  const where = state.Session
    ? state.Session.Host === 'Simulated'
      ? `a simulated device (${state.Session.Scenario ?? 'unnamed'})`
      : 'this device'
    : null;
  if (state.Mode === 'Trace') return `PrtTools · guided trace${where ? ` on ${where}` : ''}`;
  return `PrtTools · watching${where ? ` ${where}` : ' the PRT'}`;
}

function deviceRows(state: DashboardState): LabelledValue[] {
  const p = state.Prt;
  if (!p) return [{ Label: 'Device', Value: state.StatusError ? 'dsregcmd could not be read' : 'reading dsregcmd /status…', Tone: 'dim' }];
  return [
    { Label: 'Device', Value: p.DeviceName ?? 'unknown' },
    { Label: 'Joined', Value: joinTypeText[p.JoinType] ?? p.JoinType },
    { Label: 'Tenant', Value: p.TenantName ?? '—' },
    { Label: 'User', Value: p.User ?? '—' },
  ];
}

const healthTone: Record<string, Tone> = { Healthy: 'ok', Stale: 'warn', Expired: 'bad', Missing: 'bad', NotApplicable: 'dim' };

function prtPanel(state: DashboardState, now: number): DashboardView['Prt'] {
  const p = state.Prt;
  if (!p) return { Tone: 'dim', Headline: 'AzureAdPrt: not read yet', Rows: [], Renewed: null };
  const age = p.UpdateTime ? ` · ${durationOf((now - ms(p.UpdateTime)) / 1000)} ago` : '';
  const rows: LabelledValue[] = [];
  if (p.AzureAdPrt) {
    rows.push({ Label: 'Updated', Value: p.UpdateTime ? `${dateTimeOf(p.UpdateTime)}${age}` : '—', Tone: p.Health === 'Stale' ? 'warn' : undefined });
    const left = p.ExpiryTime ? (ms(p.ExpiryTime) - now) / 1000 : Number.NaN;
    rows.push({
      Label: 'Expires',
      Value: p.ExpiryTime ? `${dateTimeOf(p.ExpiryTime)}${Number.isNaN(left) ? '' : left > 0 ? ` · in ${durationOf(left)}` : ' · EXPIRED'}` : '—',
      Tone: left <= 0 ? 'bad' : undefined,
    });
  }
  rows.push({ Label: 'Authority', Value: p.Authority ? p.Authority.replace(/^https?:\/\//, '') : '—' });
  const last = p.LastAttempt;
  if (isFailureStatus(last?.Status)) {
    rows.push({ Label: 'Last try', Value: `${dateTimeOf(last.At)} ${last.Status}${last.ServerErrorCode ? ` ${last.ServerErrorCode}` : ''}`, Tone: 'bad' });
  }
  const health = p.Health === 'Stale' ? 'STALE (not renewed for over 4 h)' : p.Health.toUpperCase();
  const renewed = state.Renewed ? `↻ renewed at ${clockOf(state.Renewed.At)}${state.Renewed.Previous ? ` (was ${dateTimeOf(state.Renewed.Previous)})` : ''}` : null;
  return { Tone: healthTone[p.Health] ?? 'info', Headline: `AzureAdPrt ${p.AzureAdPrt ? 'YES' : 'NO'} · ${health}`, Rows: rows, Renewed: renewed };
}

const stepMarks: Record<StepLine['State'], [string, Tone]> = {
  Pending: ['·', 'dim'],
  Running: ['…', 'action'],
  Done: ['✓', 'ok'],
  Skipped: ['–', 'dim'],
  Failed: ['✗', 'bad'],
  Undoing: ['↺', 'action'],
  Undone: ['↺', 'ok'],
  UndoFailed: ['✗', 'bad'],
};

function stepView(step: StepLine, now: number): StepView {
  const [mark, tone] = stepMarks[step.State];
  let elapsed = '';
  if (step.StartedAt && step.State !== 'Skipped') {
    const end = step.State === 'Running' ? now : ms(step.EndedAt ?? step.StartedAt);
    elapsed = durationOf((end - ms(step.StartedAt)) / 1000);
  }
  return { Mark: mark, Tone: tone, Title: step.Title, Elapsed: elapsed, Detail: step.State === 'Done' || step.State === 'Pending' ? '' : (step.Detail ?? '') };
}

function attemptView(a: Attempt): AttemptView {
  const at = clockOf(a.Start ?? a.FirstEventTime);
  const trail = a.Events.map((e) => e.EventId).join('→');
  const cause = causeOf(a);
  if (!a.Finished && !a.Orphan) return { Mark: '…', Tone: 'action', Line: `${at} PRT attempt under way (${trail})`, Cause: null };
  if (a.Succeeded) return { Mark: '✓', Tone: 'ok', Line: `${at} PRT attempt succeeded, status 0x0 (${trail})`, Cause: null };
  if (a.Status) return { Mark: '✗', Tone: 'bad', Line: `${at} ${decodedLine(a.Status)}`, Cause: cause };
  // An orphan (the Analytic log was off): the error events are all there is.
  return { Mark: '✗', Tone: 'bad', Line: `${at} ${cause ?? `AAD error events ${trail}`}`, Cause: cause && a.Status ? cause : null };
}

/** The server's code (AADSTS…, MSIS…) or the network's (WinHTTP), decoded. */
function causeOf(a: Attempt): string | null {
  if (a.ServerError?.Code) return decodedLine(a.ServerError.Code);
  if (a.ServerError?.Error) return a.ServerError.Error;
  if (a.NetworkSubError) return decodedLine(a.NetworkSubError.WinHttpError !== null ? String(a.NetworkSubError.WinHttpError) : a.NetworkSubError.Hex);
  const broker = a.TokenBrokerErrors[0];
  if (broker?.Code) return decodedLine(broker.Code);
  return null;
}

function attemptsNote(state: DashboardState, count: number): string | null {
  if (count > 0) return null;
  if (state.Mode === 'Trace' && !state.Instruction) return 'none yet: the repro has not started';
  return 'none yet: waiting for the lock and unlock';
}

const eventNames: Record<number, string> = {
  1006: 'GetToken start',
  1007: 'GetToken stop',
  1022: 'endpoint',
  1081: 'OAuth error',
  1084: 'HTTP transport error',
  1088: 'WS-Trust error',
  1097: 'token broker warning',
  1098: 'token broker error',
  1104: 'plug-in call error',
  1144: 'realm discovery',
};

/** `09:31:07 1081 OAuth error AADSTS50126`: one line per event, the detail that matters. */
export function eventLine(e: AadEvent): string {
  const detail = ((): string => {
    try {
      switch (e.EventId) {
        case 1007:
          return `status ${statusOf(e) ?? '?'}`;
        case 1022:
          return (urlOf(e) ?? '').replace(/^https?:\/\//, '');
        case 1081:
        case 1088: {
          const server = serverErrorOf(e);
          return server.Code ?? server.Error ?? '';
        }
        case 1084:
          return networkErrorOf(e)?.Hex ?? '';
        case 1144:
          return upnOf(e) ?? '';
        default:
          return '';
      }
    } catch (error) {
      // A value that cannot be decoded (a PrtError) leaves the detail out of this one line.
      if (error instanceof PrtError) return '';
      throw error;
    }
  })();
  return `${clockOf(e.TimeCreated)} ${e.EventId} ${eventNames[e.EventId] ?? ''}${detail ? ` ${detail}` : ''}`.trimEnd();
}

const isHybridOrUnknown = (state: DashboardState) => !state.Prt || state.Prt.JoinType === 'HybridAzureAdJoined';

function promptOf(state: DashboardState, attempts: Attempt[], now: number): PromptView {
  if (state.Finished) {
    const where = state.Finished.ZipPath ?? state.Finished.BundlePath;
    const good = state.Finished.Outcome === 'Completed';
    return { Tone: good ? 'ok' : 'warn', Headline: `Done (${state.Finished.Outcome}). ${where ? 'The bundle is ready.' : ''}`.trim(), Detail: where };
  }
  if (state.Interrupted) return { Tone: 'warn', Headline: `Interrupted (${state.Interrupted}): undoing every change, please wait…`, Detail: 'Nothing is left running on the device when prt ends.' };
  if (state.Observed) {
    const o = state.Observed;
    const next = state.Mode === 'Trace' ? ' Collecting the traces now…' : '';
    if (o.Outcome === 'PrtRenewed') return { Tone: 'ok', Headline: `The PRT was renewed.${next}`, Detail: o.Detail };
    if (o.Outcome === 'AttemptFailed') return { Tone: 'bad', Headline: `A PRT attempt failed (decoded above).${next}`, Detail: o.Detail };
    return { Tone: 'warn', Headline: `${o.Outcome === 'TimedOut' ? 'No PRT attempt was seen in time.' : 'Stopped before a PRT attempt was seen.'}${next}`, Detail: o.Detail };
  }
  if (state.StopRequested) return { Tone: 'action', Headline: state.Mode === 'Trace' ? 'Stopping: collecting the traces now…' : 'Stopping…', Detail: null };
  const open = attempts.find((a) => !a.Finished && !a.Orphan);
  if (open) return { Tone: 'action', Headline: 'Unlocked: a PRT attempt is under way…', Detail: 'Wait: the result appears above in a few seconds.' };

  if (state.Mode === 'Watch') {
    const newest = attempts[0];
    if (state.Renewed) return { Tone: 'ok', Headline: `The PRT was renewed at ${clockOf(state.Renewed.At)}.`, Detail: 'Watching for the next attempt; q quits.' };
    if (newest && !newest.Succeeded && (newest.Finished || newest.Orphan)) return { Tone: 'bad', Headline: 'The last PRT attempt failed (decoded above).', Detail: 'Fix the cause, then lock and unlock again to retry.' };
    const wait = isHybridOrUnknown(state) ? `, stay locked at least ${state.HybridWaitSeconds} s (hybrid joined)` : '';
    return { Tone: 'info', Headline: 'Watching the PRT and the AAD logs.', Detail: `To see a PRT attempt: lock the device (Windows+L)${wait}, then unlock and sign in.` };
  }

  const instruction = state.Instruction;
  if (!instruction) {
    const running = state.Steps.find((s) => s.State === 'Running');
    return { Tone: 'info', Headline: 'Preparing the traces: do nothing yet.', Detail: running ? `${running.Title}…` : null };
  }
  // Seen before the trace's own watch confirms it (it looks every few seconds).
  if (state.Renewed && ms(state.Renewed.At) >= ms(instruction.At) - 1000) return { Tone: 'ok', Headline: `The PRT was renewed at ${clockOf(state.Renewed.At)}.`, Detail: 'prt is confirming it, then collects the traces: nothing more to do.' };
  const newest = attempts[0];
  if (newest && !newest.Succeeded && (newest.Finished || newest.Orphan) && ms(newest.FirstEventTime) >= ms(instruction.At)) {
    return { Tone: 'bad', Headline: 'A PRT attempt failed (decoded above).', Detail: 'prt is confirming it, then collects the traces: nothing more to do.' };
  }
  const elapsed = (now - ms(instruction.At)) / 1000;
  const lockedByPrt = /locked now/i.test(instruction.Text);
  if (isHybridOrUnknown(state)) {
    const left = state.HybridWaitSeconds - elapsed;
    if (left > 0) {
      return {
        Tone: 'action',
        Headline: `${lockedByPrt ? 'The device is locked.' : 'LOCK the device now (Windows+L).'} Stay locked: ${countdownOf(left)} left`,
        Detail: 'Hybrid joined devices get the PRT in the background while locked.',
      };
    }
    return { Tone: 'action', Headline: 'UNLOCK now and sign in as the affected user.', Detail: 'prt is watching dsregcmd and the AAD logs for the PRT attempt.' };
  }
  return {
    Tone: 'action',
    Headline: lockedByPrt ? 'The device is locked: UNLOCK it and sign in as the affected user.' : 'LOCK the device (Windows+L), then UNLOCK and sign in as the affected user.',
    Detail: 'prt is watching dsregcmd and the AAD logs for the PRT attempt.',
  };
}

function footerOf(state: DashboardState): string {
  if (state.Mode === 'Watch') return state.Keys ? 'q quit · Ctrl+C quit' : 'Ctrl+C quit';
  if (state.Finished) return '';
  const safe = 'Ctrl+C cancel safely (undoes every change)';
  return state.Keys && !state.Observed && !state.Interrupted ? `s stop watching and collect now · ${safe}` : safe;
}
