import { win32 } from 'node:path';
import { AAD_EVENT, missingMessages, parseInteger, winHttpErrorOf, type Attempt, type MissingMessage } from '../events/index.js';
import type { PrtDiagnostics } from '../dsreg/types.js';
import { serverCodeIn, explainAttempt, type AttemptEvidence, type ChainLink, type ServerErrorSource } from './explain-chain.js';
import type { DiagnosedAttempt } from './attempt-types.js';
import { isFailureStatus } from '../util/status-code.js';

const success = (status: string | null) => status !== null && !isFailureStatus(status);
const channelShort = (channel: string) => channel.replace('Microsoft-Windows-AAD/', '');

/** The event a code came from: the last one of its id (the attempt's server error is its last 1081/1088), or the n-th. */
function eventFoundIn(attempt: Attempt, eventId: number, nth?: number): string {
  const ofId = attempt.Events.filter((e) => e.EventId === eventId);
  const event = nth === undefined ? ofId.at(-1) : ofId[nth];
  if (!event) return `event ${eventId}`;
  // A pasted record has no record id: name its file and place instead.
  if (event.FromText && event.EventRecordID === 0) return `event ${eventId}, text record ${event.FromText.Position} of ${win32.basename(event.Source)}`;
  return `event ${eventId}, ${channelShort(event.Channel)} #${event.EventRecordID}`;
}

function withExplanation(attempt: Omit<DiagnosedAttempt, 'Status' | 'Explanation' | 'NextSteps'>, evidence: AttemptEvidence): DiagnosedAttempt {
  const { Status, Explanation, NextSteps } = explainAttempt(evidence);
  const ask = askForMessages(attempt.MissingMessages);
  return { ...attempt, Status, Explanation, NextSteps: ask ? [ask, ...NextSteps] : NextSteps };
}

/** The messages to ask for, as a step: without them the text tells no code. */
function askForMessages(missing: readonly MissingMessage[]): string | null {
  const asked = missing.filter((message) => message.Ask);
  if (asked.length === 0) return null;
  const ids = asked.map((message) => message.EventId);
  const list = ids.length === 1 ? `event ${ids[0] ?? ''}` : `events ${ids.slice(0, -1).join(', ')} and ${ids.at(-1) ?? ''}`;
  return `Ask for the full message of ${list} (${asked.map((message) => message.Holds.replace(/^[^:]*: /, '')).join('; ')}): in Event Viewer, select the event and use "Copy details as text". The list of events shows none of these codes.`;
}

/** An attempt the AAD event logs saw (Step 2, method 2). */
export function fromEvents(attempt: Attempt): DiagnosedAttempt {
  const server = attempt.ServerError;
  return withExplanation(
    {
      Method: 'Events',
      Prt: null,
      Kind: null,
      Start: attempt.Start,
      End: attempt.End,
      FirstEventTime: attempt.FirstEventTime,
      LastEventTime: attempt.LastEventTime,
      Finished: attempt.Finished,
      Succeeded: attempt.Succeeded,
      ServerError: server ? { Code: server.Code, Error: server.Error, Description: server.Description, CorrelationId: server.CorrelationId, Source: server.Source } : null,
      Url: attempt.Url,
      Upn: attempt.Upn,
      NetworkSubError: attempt.NetworkSubError,
      TokenBrokerErrors: attempt.TokenBrokerErrors,
      HttpStatus: null,
      CredentialType: null,
      UserSid: attempt.UserSid,
      ProcessId: attempt.ProcessId,
      ThreadId: attempt.ThreadId,
      Orphan: attempt.Orphan,
      EventRecordIds: attempt.EventRecordIds,
      MissingMessages: missingMessages(attempt.Events),
      SourceFormat: attempt.SourceFormat,
      LocalTime: attempt.FirstEventTime === null ? (attempt.Events.find((e) => e.FromText?.LocalTime)?.FromText?.LocalTime ?? null) : null,
    },
    {
      Status: attempt.Status,
      StatusFoundIn: eventFoundIn(attempt, 1007),
      ServerError: server ? { Code: server.Code ?? server.Error, Description: server.Description, Source: server.Source, FoundIn: eventFoundIn(attempt, server.Source === 'AzureAD' ? 1081 : 1088) } : null,
      // The WinHTTP number names the failure the way the checklist's table does (12029, not its HRESULT).
      NetworkSubError: attempt.NetworkSubError
        ? { Code: asWinHttp(attempt.NetworkSubError.Code), FoundIn: eventFoundIn(attempt, 1084) }
        : null,
      PluginErrors: attempt.PluginErrors.flatMap((error, i) => (error.Result ? [{ Code: error.Result, FoundIn: eventFoundIn(attempt, 1104, i) }] : [])),
      // Each 1097/1098 is one error, in order: the n-th error of an id came from the n-th event of that id.
      TokenBrokerErrors: attempt.TokenBrokerErrors.flatMap((error, i) => {
        const nth = attempt.TokenBrokerErrors.slice(0, i).filter((earlier) => earlier.EventId === error.EventId).length;
        return error.Code ? [{ Code: error.Code, FoundIn: eventFoundIn(attempt, error.EventId, nth) }] : [];
      }),
      Url: attempt.Url,
    },
  );
}

/** `0x80072efd` → `12029`: the WinHTTP number, as the checklist's table names network errors. */
function asWinHttp(code: string): string {
  const value = parseInteger(code);
  const winHttp = value === null ? null : winHttpErrorOf(value);
  return winHttp === null ? code : String(winHttp);
}

/** An attempt dsregcmd's diagnostics block describes (Step 2, method 1; Windows 10 21H1+). */
export function fromDiagnostics(block: PrtDiagnostics): DiagnosedAttempt {
  const blockName = block.Kind === 'Acquire' ? 'AcquirePrtDiagnostics' : block.Kind === 'Refresh' ? 'RefreshPrtDiagnostics' : 'diagnostics lines';
  const foundIn = `dsregcmd ${blockName} (${block.Prt === 'AzureAd' ? 'AzureAdPrt' : 'EnterprisePrt'})`;
  const hasServerError = block.ServerErrorCode !== null || block.ServerErrorDescription !== null;
  const serverSource: ServerErrorSource = block.Prt === 'Enterprise' ? 'AdFs' : 'AzureAD';
  return withExplanation(
    {
      Method: 'Dsregcmd',
      Prt: block.Prt,
      Kind: block.Kind,
      Start: block.PreviousPrtAttempt,
      End: block.PreviousPrtAttempt,
      FirstEventTime: null,
      LastEventTime: null,
      Finished: true,
      Succeeded: success(block.AttemptStatus),
      ServerError: hasServerError
        ? { Code: serverCodeIn(block.ServerErrorDescription) ?? block.ServerErrorCode, Error: block.ServerErrorCode, Description: block.ServerErrorDescription, CorrelationId: block.CorrelationId, Source: serverSource }
        : null,
      Url: block.EndpointUri,
      Upn: block.UserIdentity,
      NetworkSubError: null,
      TokenBrokerErrors: [],
      HttpStatus: block.HttpStatus,
      CredentialType: block.CredentialType,
      UserSid: null,
      ProcessId: null,
      ThreadId: null,
      Orphan: false,
      EventRecordIds: [],
      MissingMessages: [],
      SourceFormat: 'Dsregcmd',
      LocalTime: null,
    },
    {
      Status: block.AttemptStatus,
      StatusFoundIn: `${foundIn}: Attempt Status`,
      ServerError: hasServerError ? { Code: block.ServerErrorCode, Description: block.ServerErrorDescription, Source: serverSource, FoundIn: `${foundIn}: Server Error Description` } : null,
      // dsregcmd's HTTP Error is the network stack's error when the request never got an answer.
      NetworkSubError: block.HttpError && !success(block.HttpError) ? { Code: asWinHttp(block.HttpError), FoundIn: `${foundIn}: HTTP Error` } : null,
      TokenBrokerErrors: [],
      Url: block.EndpointUri,
    },
  );
}

/** dsregcmd's attempt time is the 1006/1007 window's, give or take the clocks of two writers. */
const sameAttemptSlackMs = 5_000;

function describesSameAttempt(fromDsreg: DiagnosedAttempt, fromLog: DiagnosedAttempt): boolean {
  const dsregCorrelation = fromDsreg.ServerError?.CorrelationId?.toLowerCase();
  if (dsregCorrelation && dsregCorrelation === fromLog.ServerError?.CorrelationId?.toLowerCase()) return true;
  if (!fromDsreg.Start) return false;
  // An orphan (no 1007) has no status to compare: its server error must then agree.
  const sameOutcome = fromLog.Status
    ? fromDsreg.Status?.Hex === fromLog.Status.Hex
    : !fromLog.ServerError || !fromDsreg.ServerError || fromLog.ServerError.Code === fromDsreg.ServerError.Code;
  if (!sameOutcome) return false;
  const at = Date.parse(fromDsreg.Start);
  const from = Date.parse(fromLog.Start ?? fromLog.FirstEventTime ?? '') - sameAttemptSlackMs;
  const to = Date.parse(fromLog.End ?? fromLog.LastEventTime ?? '') + sameAttemptSlackMs;
  return at >= from && at <= to;
}

/**
 * Both methods of Step 2 merged: an attempt seen by dsregcmd and in the logs is reported once
 * (`Method: Both`), the logs' evidence completed by dsregcmd's (HTTP status, endpoint, user).
 */
export function mergeAttempts(fromDsreg: DiagnosedAttempt[], fromLogs: DiagnosedAttempt[]): DiagnosedAttempt[] {
  const merged = [...fromLogs];
  for (const dsreg of fromDsreg) {
    const index = merged.findIndex((log) => log.Method === 'Events' && describesSameAttempt(dsreg, log));
    const log = merged[index];
    if (!log) {
      merged.push(dsreg);
      continue;
    }
    // An orphan (the Analytic log was off) has no 1007: dsregcmd's status and time complete it.
    merged[index] = {
      ...log,
      Method: 'Both',
      Prt: dsreg.Prt,
      Kind: dsreg.Kind,
      Start: log.Start ?? dsreg.Start,
      End: log.End ?? dsreg.End,
      Finished: log.Finished || dsreg.Finished,
      Succeeded: log.Status ? log.Succeeded : dsreg.Succeeded,
      Status: log.Status ?? dsreg.Status,
      ServerError: log.ServerError ?? dsreg.ServerError,
      Url: log.Url ?? dsreg.Url,
      Upn: log.Upn ?? dsreg.Upn,
      HttpStatus: dsreg.HttpStatus,
      CredentialType: dsreg.CredentialType,
      Explanation: log.Explanation.length >= dsreg.Explanation.length ? log.Explanation : dsreg.Explanation,
      NextSteps: log.NextSteps.length > 0 ? log.NextSteps : dsreg.NextSteps,
    };
  }
  const time = (attempt: DiagnosedAttempt) => Date.parse(attempt.End ?? attempt.Start ?? '') || 0;
  return merged.sort((a, b) => time(b) - time(a));
}

/**
 * Why an attempt has no status, in a few words. Error events outside a 1006→1007 window are the
 * usual case (the Analytic log, which holds 1006/1007, is off by default, and pastes hold a few
 * events): the status is then not shown, which says nothing about whether the attempt finished.
 */
export function missingStatus(attempt: Pick<DiagnosedAttempt, 'Orphan' | 'Finished'> & { MissingMessages?: readonly MissingMessage[] }): string {
  if (attempt.Orphan) return 'status not shown (no 1007 read)';
  if (stopMessageMissing(attempt)) return 'status not shown (1007 read without its message)';
  return attempt.Finished ? 'no status' : 'no 1007 yet (unfinished, or the log ends first)';
}

const stopMessageMissing = (attempt: { MissingMessages?: readonly MissingMessage[] }) => (attempt.MissingMessages ?? []).some((message) => message.EventId === AAD_EVENT.GetTokenStop);

/** `1084 (HTTP transport error), 1086 (user realm failure)`: the error events whose codes the text does not show. */
function unreadErrors(attempt: DiagnosedAttempt): string {
  const errors = attempt.MissingMessages.filter((message) => message.EventId !== AAD_EVENT.GetTokenStop);
  return errors.map((message) => `${message.EventId} (${message.Holds.replace(/:.*$/, '')})`).join(', ');
}

/** What a person reads first: the newest failure and its deepest explanation, or that all is well. */
export function summarise(attempts: DiagnosedAttempt[], totals?: { attempts: number; failed: number }): string {
  const failed = attempts.filter((attempt) => !attempt.Succeeded);
  // With a large log only the newest attempts are shown: the counts are of all that were found.
  const count = totals?.attempts ?? attempts.length;
  const failedCount = totals?.failed ?? failed.length;
  if (count === 0) return 'No PRT attempt was found in what was read: nothing failed, but nothing was seen either.';
  const [newest] = failed;
  if (!newest) return `No PRT attempt failed: ${count} attempt${count === 1 ? '' : 's'} succeeded.`;
  const counted = `${failedCount} of ${count} PRT attempt${count === 1 ? '' : 's'} failed`;
  const deepest = newest.Explanation.at(-1);
  const named = (link: ChainLink) => `${link.Code}${link.Name && link.Name !== link.Code ? ` (${link.Name})` : ''}: ${link.Summary}`;
  // Without a status the chain starts at an error event's code, which is news of its own.
  if (!newest.Status) {
    const unread = unreadErrors(newest);
    const logged = deepest ? `logged error ${named(deepest)}` : unread ? `logged error events ${unread}, whose codes are not shown` : 'logged no error code';
    const stopUnread = stopMessageMissing(newest);
    const statusNote = newest.Orphan
      ? 'Its status is not shown: no 1007 was read.'
      : stopUnread
        ? 'Its status is not shown: the text has its 1007 but not the message.'
        : newest.Finished
          ? 'It ended without a status.'
          : 'It has no 1007 yet: unfinished, or the log ends first.';
    const ask = newest.MissingMessages.filter((message) => message.Ask).map((message) => message.EventId);
    const asking = ask.length > 0 ? ` Ask for the message${ask.length === 1 ? '' : 's'} of event${ask.length === 1 ? '' : 's'} ${ask.join(' and ')}.` : '';
    // A stop read without its status and no error before it: neither success nor failure is shown.
    const outcome = stopUnread && !deepest && !unread ? `${count} PRT attempt${count === 1 ? '' : 's'} read; the newest shows no error event, but whether it succeeded is not shown` : `${counted}; the newest ${logged}`;
    return `${/[.!?]$/.test(outcome) ? outcome : `${outcome}.`} ${statusNote}${asking}`;
  }
  const status = `${newest.Status.Hex ?? newest.Status.Input}${newest.Status.Name ? ` (${newest.Status.Name})` : ''}`;
  const because = deepest && deepest !== newest.Explanation[0] ? `, because of ${named(deepest)}` : '';
  return `${counted}; the newest failed with ${status}${because}`;
}
