// What a diagnosis is made of, without the names in it: redaction must keep it (redact*.test.ts).
import type { Diagnosis } from '../../../src/diagnose/attempt-types.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';

/** What the diagnosis of a status is made of: no names, only the verdict, the findings and the codes. */
export const statusVerdict = (status: PrtStatus) => ({
  Health: status.Health,
  JoinType: status.JoinType,
  AzureAdPrt: status.AzureAdPrt,
  Findings: status.Findings.map((finding) => finding.Id),
  Attempts: status.Diagnostics.map((d) => [d.Prt, d.AttemptStatus, d.ServerErrorCode, d.HttpStatus, d.PreviousPrtAttempt]),
  Times: [status.AzureAdPrtUpdateTime, status.AzureAdPrtExpiryTime, status.EvaluatedAt],
});
export const diagnosisVerdict = (diagnosis: Diagnosis) => ({
  Failed: diagnosis.Failed,
  Status: diagnosis.Status ? statusVerdict(diagnosis.Status) : null,
  Attempts: diagnosis.Attempts.map((a) => [a.Succeeded, a.Status?.Hex ?? null, a.ServerError?.Code ?? null, a.NetworkSubError?.Hex ?? null, a.Start, a.End, a.Explanation.map((l) => l.Code)]),
});
