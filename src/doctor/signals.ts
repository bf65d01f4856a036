import { decodeCode, isExplainError } from '../codes/index.js';
import { isWinhttpNumber } from '../codes/classify.js';
import type { DiagnosedAttempt } from '../diagnose/attempt-types.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import { SignalLayer, type DoctorInput, type Signal } from './types.js';

/** Older failed attempts still count, but less than the newest: the device may have moved on. */
const olderAttemptWeight = 0.5;
/** A check that warns counts half of one that fails. */
const warnWeight = 0.5;
/** Attempts looked at besides the newest failure. */
const attemptsWeighed = 5;
/** FACILITY_WIN32 HRESULTs carry the WinHTTP number in their low 16 bits (0x80072efd = 12029). */
const facilityWin32 = 7;

/** `code:<knowledge-base id>` and, for a WinHTTP error in any spelling, `winhttp:<number>`. */
export function codeKeys(code: string): string[] {
  const result = decodeCode(code);
  if (isExplainError(result)) return [`code:${code.toLowerCase()}`];
  const keys = [`code:${result.Id ?? result.Input.toLowerCase()}`, `family:${result.Family}`];
  const winHttp = result.Family === 'WinHTTP' || (result.Facility === facilityWin32 && result.Family === 'HRESULT');
  if (winHttp && result.Code !== null && isWinhttpNumber(result.Code)) keys.push(`winhttp:${result.Code}`);
  return keys;
}

const yesNo = (value: boolean | null) => (value === null ? 'not shown' : value ? 'YES' : 'NO');

/**
 * A saved capture that does not say when it was taken, judged stale or expired against today's
 * clock: its age says how old the paste is, not how the PRT was doing then.
 */
export const ageUnknown = (status: PrtStatus): boolean =>
  (status.Health === 'Stale' || status.Health === 'Expired') && status.ClockSource === 'SystemClock' && status.Source.Kind !== 'Live' && status.Source.Kind !== 'Simulated';

function statusSignals(status: PrtStatus): Signal[] {
  const signals: Signal[] = [];
  const symptom = (key: string, text: string) => signals.push({ Key: key, Text: text, Weight: 1, Layer: SignalLayer.Symptom });
  const undated = ageUnknown(status);
  if (status.Health === 'Missing') symptom('prt:Missing', `AzureAdPrt ${yesNo(status.AzureAdPrt)}`);
  if (undated) {
    symptom('prt:AgeUnknown', `AzureAdPrt YES, ${status.Health === 'Expired' ? `expiring ${status.AzureAdPrtExpiryTime ?? 'at an unknown time'}` : `renewed ${status.AzureAdPrtUpdateTime ?? 'at an unknown time'}`}, in a capture that does not say when it was taken (no Client Time): its age cannot be judged`);
  } else {
    if (status.Health === 'Stale') symptom('prt:Stale', `AzureAdPrt renewed ${status.PrtAgeHours ?? '?'} h ago (more than 4 h)`);
    if (status.Health === 'Expired') symptom('prt:Expired', `AzureAdPrt expired at ${status.AzureAdPrtExpiryTime ?? 'an unknown time'}`);
  }
  if (status.Health === 'Healthy') symptom('prt:Healthy', `AzureAdPrt YES, renewed ${status.PrtAgeHours ?? '?'} h ago`);
  // A PRT shown without readable times is evidence too: present, of unknown age.
  if (status.Health === 'Unknown' && status.AzureAdPrt === true) symptom('prt:PresentTimesUnknown', 'AzureAdPrt YES, but its update and expiry times are not shown or unreadable');
  for (const finding of status.Findings) {
    signals.push({ Key: `status:${finding.Id}`, Text: `dsregcmd: ${finding.Id}`, Weight: 1, Layer: SignalLayer.Symptom });
  }
  const join = status.JoinDiagnostics;
  if (join?.KeySignTest && /^FAIL/i.test(join.KeySignTest)) {
    signals.push({ Key: 'dsreg:KeySignTestFailed', Text: `dsregcmd KeySignTest ${join.KeySignTest}`, Weight: 1, Layer: SignalLayer.Detail });
  }
  for (const code of join?.Codes ?? []) {
    for (const key of codeKeys(code.Code)) signals.push({ Key: key, Text: `dsregcmd ${code.Where} ${code.Code}${code.Name ? ` ${code.Name}` : ''}`, Weight: 1, Layer: SignalLayer.Detail });
  }
  return signals;
}

function attemptSignals(attempt: DiagnosedAttempt, weight: number): Signal[] {
  const signals: Signal[] = [];
  attempt.Explanation.forEach((link, index) => {
    const text = `${link.FoundIn}: ${link.Code}${link.Name && link.Name !== link.Code ? ` ${link.Name}` : ''}`;
    for (const key of codeKeys(link.Code)) signals.push({ Key: key, Text: text, Weight: weight, Layer: index === 0 ? SignalLayer.Attempt : SignalLayer.Detail });
  });
  if (attempt.NetworkSubError?.WinHttpError) {
    const key = `winhttp:${attempt.NetworkSubError.WinHttpError}`;
    if (!signals.some((s) => s.Key === key)) signals.push({ Key: key, Text: `network error ${attempt.NetworkSubError.WinHttpError}${attempt.Url ? ` to ${hostOf(attempt.Url)}` : ''}`, Weight: weight, Layer: SignalLayer.Detail });
  }
  if (attempt.HttpStatus !== null && attempt.HttpStatus > 0) {
    signals.push({ Key: `http:${attempt.HttpStatus}`, Text: `HTTP ${attempt.HttpStatus}${attempt.Url ? ` from ${hostOf(attempt.Url)}` : ''}`, Weight: weight, Layer: SignalLayer.Detail });
  }
  const server = attempt.ServerError;
  if (server && (server.Code || server.Error)) {
    // A server's own error code proves the request travelled there and back.
    const who = server.Source === 'AzureAD' ? 'Entra ID' : server.Source === 'WsTrust' ? 'the WS-Trust endpoint' : 'AD FS';
    signals.push({ Key: `server:${server.Source}`, Text: `${who} answered (${server.Code ?? server.Error ?? 'an error'})`, Weight: weight, Layer: SignalLayer.Detail });
    signals.push({ Key: 'server:answered', Text: `${who} answered the attempt with ${server.Code ?? server.Error ?? 'an error'}: the request got through the network`, Weight: weight, Layer: SignalLayer.Detail });
  }
  return signals;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch (error) {
    if (error instanceof TypeError) return url;
    throw error;
  }
};

const attemptTime = (attempt: DiagnosedAttempt) => Date.parse(attempt.End ?? attempt.Start ?? attempt.LastEventTime ?? '') || 0;

/** Every fact of the inputs as signals the rules can match. */
export function collectSignals(input: DoctorInput): Signal[] {
  const signals: Signal[] = input.Status ? statusSignals(input.Status) : [];
  const attempts = [...(input.Diagnosis?.Attempts ?? [])].sort((a, b) => attemptTime(b) - attemptTime(a));
  const failed = attempts.filter((attempt) => !attempt.Succeeded);
  failed.slice(0, attemptsWeighed + 1).forEach((attempt, index) => signals.push(...attemptSignals(attempt, index === 0 ? 1 : olderAttemptWeight)));
  const newest = attempts[0];
  if (newest?.Succeeded) {
    signals.push({ Key: 'attempt:NewestSucceeded', Text: `the newest PRT attempt succeeded${newest.End ? ` (${newest.End})` : ''}`, Weight: 1, Layer: SignalLayer.Attempt });
  }
  if (failed.length > 0) signals.push({ Key: 'attempt:Failed', Text: `${input.Diagnosis?.Failed ?? failed.length} failed PRT attempt(s)`, Weight: 1, Layer: SignalLayer.Attempt });
  // Pasted Event Viewer text, and the logs' errors outside any attempt, may carry codes no
  // attempt could be built from: weaker evidence, weighed like an older attempt's.
  if (failed.length === 0) {
    for (const record of input.Diagnosis?.TextRecords ?? []) {
      for (const code of record.Codes) {
        for (const key of codeKeys(code)) signals.push({ Key: key, Text: `event ${record.EventId} (text): ${code}`, Weight: olderAttemptWeight, Layer: SignalLayer.Detail });
      }
    }
    for (const kind of input.Diagnosis?.OutsideErrors ?? []) {
      for (const code of kind.Codes) {
        for (const key of codeKeys(code)) signals.push({ Key: key, Text: `event ${kind.EventId} outside any attempt (×${kind.Count}): ${code}`, Weight: olderAttemptWeight, Layer: SignalLayer.Detail });
      }
    }
  }
  const attemptKeys = new Set(signals.filter((s) => s.Layer === SignalLayer.Attempt || s.Layer === SignalLayer.Detail).map((s) => s.Key));
  for (const finding of input.Probe?.Findings ?? []) {
    const as = finding.Context === 'System' ? ' as SYSTEM' : finding.Context === 'User' ? ' as the user' : '';
    const weight = finding.Severity === 'Error' ? 1 : finding.Severity === 'Warning' ? warnWeight : 0;
    if (weight === 0) continue;
    signals.push({ Key: `probe:${finding.Id}`, Text: `probe${as}: ${finding.Message}`, Weight: weight, Layer: SignalLayer.Probe });
    // The probe measured what the failing attempt's code says: the two confirm each other.
    const explained = finding.RelatedCodes.find((code) => codeKeys(code).some((key) => attemptKeys.has(key)));
    if (explained) signals.push({ Key: `probe-confirms:${finding.Id}`, Text: `probe${as}: ${finding.Id} explains ${explained} of the failing attempt`, Weight: weight, Layer: SignalLayer.Probe });
  }
  for (const check of input.Device?.Checks ?? []) {
    if (check.Result !== 'Fail' && check.Result !== 'Warn') continue;
    signals.push({ Key: `device:${check.Id}`, Text: `device check ${check.Id}: ${check.Summary}`, Weight: check.Result === 'Fail' ? 1 : warnWeight, Layer: SignalLayer.Device });
  }
  return signals;
}
