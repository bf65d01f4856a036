import type { DiagnosedAttempt, Diagnosis } from '../../diagnose/attempt-types.js';
import { serverMessage } from '../../diagnose/server-text.js';
import type { Style } from './style.js';

const time = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : 'unknown time');
const label = (text: string) => text.padEnd(9);
/** More than this many failures are counted, not printed: the newest tell the story. */
const failuresShown = 5;

function attemptTitle(attempt: DiagnosedAttempt): string {
  const what = attempt.Prt ? `${attempt.Kind ?? ''} ${attempt.Prt === 'AzureAd' ? 'Azure AD' : 'Enterprise'} PRT`.trim() : 'PRT attempt';
  const status = attempt.Status ? `${attempt.Status.Hex ?? attempt.Status.Input}${attempt.Status.Name ? ` ${attempt.Status.Name}` : ''}` : attempt.Finished ? 'no status' : 'unfinished (no 1007)';
  return `${time(attempt.End ?? attempt.Start)}  ${what}  ${status}  [${attempt.Method}${attempt.Orphan ? ', no 1006' : ''}]`;
}

function formatFailure(attempt: DiagnosedAttempt, style: Style): string[] {
  const lines = [`${style.red('✖')} ${style.bold(attemptTitle(attempt))}`];
  const who = [attempt.Upn ? `user ${attempt.Upn}` : null, attempt.UserSid ? `sid ${attempt.UserSid}` : null, attempt.CredentialType ? `credential ${attempt.CredentialType}` : null].filter(Boolean);
  if (who.length > 0) lines.push(`   ${label('who')}${who.join('  ')}`);
  if (attempt.Url) lines.push(`   ${label('url')}${attempt.Url}`);
  if (attempt.ServerError) {
    const server = [attempt.HttpStatus !== null ? `HTTP ${attempt.HttpStatus}` : null, attempt.ServerError.Error, serverMessage(attempt.ServerError.Description)].filter(Boolean).join('  ');
    lines.push(`   ${label('server')}${server} (${attempt.ServerError.Source === 'AzureAD' ? 'Entra ID' : 'WS-Trust endpoint'})`);
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
export function formatDiagnosis(diagnosis: Diagnosis, style: Style): string {
  const lines = [style.bold(diagnosis.Summary), ''];
  const failures = diagnosis.Attempts.filter((attempt) => !attempt.Succeeded);
  for (const attempt of failures.slice(0, failuresShown)) lines.push(...formatFailure(attempt, style), '');
  if (failures.length > failuresShown) lines.push(style.dim(`… and ${failures.length - failuresShown} older failed attempts (see --json).`), '');
  const successes = diagnosis.Attempts.filter((attempt) => attempt.Succeeded);
  for (const attempt of successes.slice(0, 3)) lines.push(`${style.green('✔')} ${time(attempt.End ?? attempt.Start)}  succeeded${attempt.Upn ? ` for ${attempt.Upn}` : ''}`);
  if (successes.length > 0) lines.push('');
  for (const note of diagnosis.Notes) lines.push(style.yellow(`note: ${note}`));
  lines.push(style.dim(`Read: ${diagnosis.Sources.join(', ') || 'nothing'}${diagnosis.Since ? `; events since ${time(diagnosis.Since)}` : ''}.`));
  return `${lines.join('\n')}\n`;
}
