import type { DiagnosedAttempt, Diagnosis } from '../../diagnose/attempt-types.js';
import { serverMessage } from '../../diagnose/server-text.js';
import { missingStatus } from '../../diagnose/attempts.js';
import type { Style } from './style.js';
import { win32 } from 'node:path';

const time = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : 'unknown time');
const label = (text: string) => text.padEnd(9);
/** More than this many failures are counted, not printed: the newest tell the story. */
const failuresShown = 5;

/** Pasted text gives no instant: say what is known (the device's wall clock) or that nothing is. */
function attemptTime(attempt: DiagnosedAttempt): string {
  const at = attempt.End ?? attempt.Start ?? attempt.LastEventTime;
  if (at || !isText(attempt)) return time(at);
  return attempt.LocalTime ? `${attempt.LocalTime.replace('T', ' ')} local, zone unknown` : 'time unknown (text)';
}

const isText = (attempt: DiagnosedAttempt) => attempt.SourceFormat !== 'EventXml' && attempt.SourceFormat !== 'Dsregcmd';

function attemptTitle(attempt: DiagnosedAttempt): string {
  const what = attempt.Prt ? `${attempt.Kind ?? ''} ${attempt.Prt === 'AzureAd' ? 'Azure AD' : 'Enterprise'} PRT`.trim() : 'PRT attempt';
  const status = attempt.Status ? `${attempt.Status.Hex ?? attempt.Status.Input}${attempt.Status.Name ? ` ${attempt.Status.Name}` : ''}` : missingStatus(attempt);
  const from = isText(attempt) ? `, from ${textFormatName[attempt.SourceFormat] ?? 'text'}` : '';
  return `${attemptTime(attempt)}  ${what}  ${status}  [${attempt.Method}${attempt.Orphan ? ', no 1006' : ''}${from}]`;
}

const textFormatName: Record<string, string> = {
  EventViewerText: 'Event Viewer text',
  MessageText: 'message text',
  EventViewerTsv: 'a saved .txt',
  EventViewerCsv: 'a saved .csv',
  EventViewerList: 'the Event Viewer list pasted as a table',
  PowerShellList: 'Get-WinEvent | Format-List',
  PowerShellTable: 'a Get-WinEvent table (messages cut)',
  Mixed: 'XML and text',
};

/** The AAD records read from text, each with its codes: the evidence when no attempt could be built from it. */
function formatTextRecords(diagnosis: Diagnosis, style: Style): string[] {
  if (diagnosis.TextRecords.length === 0) return [];
  const lines = [style.bold(`From Event Viewer text: ${diagnosis.TextRecords.length} AAD record${diagnosis.TextRecords.length === 1 ? '' : 's'}`)];
  for (const record of diagnosis.TextRecords) {
    const id = record.EventIdCandidates.length > 1 ? `${record.EventId}?` : String(record.EventId);
    const when = record.TimeCreated ? time(record.TimeCreated) : record.LocalTime ? `${record.LocalTime.replace('T', ' ')} local` : 'no time';
    const where = `${win32.basename(record.Source)} #${record.Position}`;
    lines.push(`   ${id.padEnd(6)}${record.Codes.join(' ') || style.dim(record.Message === null ? 'no message' : 'no code')}  ${style.dim(`(${where}, ${when}${record.InAttempt ? '' : ', in no PRT attempt'})`)}`);
    for (const code of record.Explained.filter((c) => c.Name || !/not a code|unknown/i.test(c.Summary)).slice(0, 3)) {
      lines.push(`         ${code.Code}${code.Name && code.Name !== code.Code ? ` ${code.Name}` : ''}: ${code.Summary}`);
    }
  }
  const bare = diagnosis.TextRecords.filter((record) => record.EventIdFrom === 'Message').length;
  if (bare > 0) {
    lines.push(`   ${bare} of them ${bare === 1 ? 'is' : 'are'} message text alone: the event id was recognised from the text (\`?\`: several events share it), and the time and log are unknown.`);
  }
  lines.push('');
  return lines;
}

/** Shown one per line, the most frequent first; the JSON has them all (up to its own bound). */
const outsideErrorsShown = 5;

/** AAD error events in no attempt: not the PRT's verdict, but what else the logs say failed. */
function formatOutsideErrors(diagnosis: Diagnosis, style: Style): string[] {
  const kinds = diagnosis.OutsideErrors;
  if (kinds.length === 0) return [];
  const total = kinds.reduce((n, kind) => n + kind.Count, 0);
  const lines = [style.bold(`Errors outside any PRT attempt: ${total} event${total === 1 ? '' : 's'} of ${kinds.length} kind${kinds.length === 1 ? '' : 's'}`)];
  for (const kind of kinds.slice(0, outsideErrorsShown)) {
    const when = kind.Last === null ? 'no time' : kind.Count > 1 && kind.First !== kind.Last ? `${time(kind.First)} … ${time(kind.Last)}` : time(kind.Last);
    lines.push(`   ${String(kind.EventId).padEnd(6)}${kind.Codes.join(' ')}  ×${kind.Count}  ${style.dim(`(${when})`)}`);
    for (const code of kind.Explained.filter((c) => c.Name || !/not a code|unknown/i.test(c.Summary)).slice(0, 2)) {
      lines.push(`         ${code.Code}${code.Name && code.Name !== code.Code ? ` ${code.Name}` : ''}: ${code.Summary}`);
    }
  }
  if (kinds.length > outsideErrorsShown) lines.push(`   … and ${kinds.length - outsideErrorsShown} more kinds (--json lists them).`);
  lines.push('');
  return lines;
}

function formatFailure(attempt: DiagnosedAttempt, style: Style): string[] {
  const lines = [`${style.red('✖')} ${style.bold(attemptTitle(attempt))}`];
  const who = [attempt.Upn ? `user ${attempt.Upn}` : null, attempt.UserSid ? `sid ${attempt.UserSid}` : null, attempt.CredentialType ? `credential ${attempt.CredentialType}` : null].filter(Boolean);
  if (who.length > 0) lines.push(`   ${label('who')}${who.join('  ')}`);
  if (attempt.Url) lines.push(`   ${label('url')}${attempt.Url}`);
  if (attempt.ServerError) {
    const server = [attempt.HttpStatus !== null ? `HTTP ${attempt.HttpStatus}` : null, attempt.ServerError.Error, serverMessage(attempt.ServerError.Description)].filter(Boolean).join('  ');
    lines.push(`   ${label('server')}${server} (${serverSourceLabel[attempt.ServerError.Source]})`);
  }
  if (attempt.NetworkSubError) lines.push(`   ${label('network')}${attempt.NetworkSubError.Code}${attempt.NetworkSubError.Code !== attempt.NetworkSubError.Hex ? ` (${attempt.NetworkSubError.Hex})` : ''}`);
  if (attempt.Explanation.length > 0) {
    lines.push(`   ${label('chain')}${attempt.Explanation.map((link) => `${link.Code}${link.Name && link.Name !== link.Code ? ` ${link.Name}` : ''} ${style.dim(`(${link.FoundIn})`)}`).join(' → ')}`);
    const deepest = attempt.Explanation.at(-1);
    if (deepest) lines.push(`   ${label('meaning')}${deepest.Summary}`);
  }
  attempt.NextSteps.slice(0, 3).forEach((step, index) => lines.push(`   ${label(index === 0 ? 'do' : '')}→ ${step}`));
  return lines;
}

/** The diagnosis as a person reads it: the verdict, each failure with its chain and fix, notes. */
const serverSourceLabel = { AzureAD: 'Entra ID', WsTrust: 'WS-Trust endpoint', AdFs: 'AD FS token endpoint' } as const;

export function formatDiagnosis(diagnosis: Diagnosis, style: Style): string {
  const lines = [style.bold(diagnosis.Summary), ''];
  const failures = diagnosis.Attempts.filter((attempt) => !attempt.Succeeded);
  for (const attempt of failures.slice(0, failuresShown)) lines.push(...formatFailure(attempt, style), '');
  if (failures.length > failuresShown) lines.push(style.dim(`… and ${failures.length - failuresShown} older failed attempts (see --json).`), '');
  const successes = diagnosis.Attempts.filter((attempt) => attempt.Succeeded);
  for (const attempt of successes.slice(0, 3)) lines.push(`${style.green('✔')} ${time(attempt.End ?? attempt.Start)}  succeeded${attempt.Upn ? ` for ${attempt.Upn}` : ''}`);
  if (successes.length > 0) lines.push('');
  lines.push(...formatTextRecords(diagnosis, style));
  lines.push(...formatOutsideErrors(diagnosis, style));
  for (const note of diagnosis.Notes) lines.push(style.yellow(`note: ${note}`));
  lines.push(style.dim(`Read: ${diagnosis.Sources.join(', ') || 'nothing'}${diagnosis.Since ? `; events since ${time(diagnosis.Since)}` : ''}.`));
  return `${lines.join('\n')}\n`;
}
