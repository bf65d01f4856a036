import { diagnose } from '../app/diagnose.js';
import type { Diagnosis } from '../diagnose/attempt-types.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import type { Host } from '../host/types.js';
import type { ReproResult, TraceDiagnosis } from './types.js';
import { isFailureStatus } from '../util/status-code.js';

/** The evidence a collected bundle holds, by absolute path. */
export interface BundleEvidence {
  Folder: string;
  DsregcmdBefore: string | null;
  DsregcmdAfter: string | null;
  /** The exported AAD channels (.evtx on Windows, event XML on the simulated device). */
  EventFiles: string[];
  /** The folder they are in. */
  EventFolder: string | null;
  /** When the trace started: older events in the exported logs are not part of this repro. */
  Since: Date;
}

/**
 * The final diagnosis of a trace: the one place the trace asks for it. The captured AAD logs and
 * the last dsregcmd snapshot go through `prt error`'s diagnosis (both methods of Step 2, each
 * attempt explained down its chain); what the snapshots and the repro showed comes on top.
 * When the logs cannot be read here (an .evtx off Windows), the snapshots alone still answer.
 * Returns null when there is nothing to judge (no snapshot was taken).
 */
export async function diagnoseBundle(
  host: Host,
  evidence: BundleEvidence,
  statuses: { before: PrtStatus | null; after: PrtStatus | null },
  repro: ReproResult | null,
): Promise<TraceDiagnosis | null> {
  const { before, after } = statuses;
  const latest = after ?? before;
  if (!latest) return null;
  let analysis: Diagnosis | null = null;
  let unreadable: string | null = null;
  try {
    const dsregcmd = evidence.DsregcmdAfter ?? evidence.DsregcmdBefore ?? undefined;
    analysis = await diagnose(host, { dsregcmd, events: evidence.EventFolder ? [evidence.EventFolder] : [], since: evidence.Since });
  } catch (error) {
    unreadable = error instanceof Error ? error.message : String(error);
  }
  // The status after the repro, when it shows a renewal.
  const renewedTo = after?.AzureAdPrt && after.AzureAdPrtUpdateTime && after.AzureAdPrtUpdateTime !== before?.AzureAdPrtUpdateTime ? { ...after, AzureAdPrtUpdateTime: after.AzureAdPrtUpdateTime } : null;
  const renewed = renewedTo !== null;
  const attempt = latest.Diagnostics.find((d) => d.Prt === 'AzureAd') ?? null;
  const failedStatus = isFailureStatus(attempt?.AttemptStatus) ? attempt.AttemptStatus : null;
  const attemptStatus = repro?.AttemptStatus ?? (renewed ? null : failedStatus);
  const fromStatus = renewedTo
    ? `The Azure AD PRT was renewed during the trace (${renewedTo.AzureAdPrtUpdateTime}); it is now ${renewedTo.Health}.`
    : attemptStatus
      ? `The PRT attempt failed with ${attemptStatus}${attempt?.ServerErrorCode ? ` (${attempt.ServerErrorCode})` : ''}; the Azure AD PRT is ${latest.Health}. Decode it with: prt explain ${attemptStatus}.`
      : `No PRT renewal and no failed attempt was seen; the Azure AD PRT is ${latest.Health}. Was the device locked and unlocked during the trace?`;
  const summary = analysis
    ? `${analysis.Summary}${renewedTo ? ` The Azure AD PRT was renewed during the trace; it is now ${renewedTo.Health}.` : ''}`
    : `${fromStatus}${unreadable ? ` (The exported logs were not analysed here: ${unreadable})` : ''}`;
  return {
    Basis: analysis ? 'Events' : 'Status',
    Summary: summary,
    HealthBefore: before?.Health ?? null,
    HealthAfter: after?.Health ?? null,
    PrtRenewed: renewed,
    AttemptStatus: attemptStatus,
    Analysis: analysis,
  };
}
