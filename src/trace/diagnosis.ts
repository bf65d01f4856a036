import type { PrtStatus } from '../diagnose/status-types.js';
import type { Host } from '../host/types.js';
import type { ReproResult, TraceDiagnosis } from './types.js';

/** The evidence a collected bundle holds, by absolute path. */
export interface BundleEvidence {
  Folder: string;
  DsregcmdBefore: string | null;
  DsregcmdAfter: string | null;
  /** The exported AAD channels (.evtx on Windows, event XML on the simulated device). */
  EventFiles: string[];
}

/**
 * The final diagnosis of a trace: the one place the trace asks for it. Today it compares the
 * dsregcmd snapshots (and what the repro saw). The analysis of the captured AAD logs (the
 * 1006→1007 attempts, the decoded codes, the cause and the fix: `prt error`) is added here, and
 * only here, once `src/app/diagnose.ts` exists:
 *   Analysis: await diagnose(host, { dsregcmd: evidence.DsregcmdAfter, events: evidence.EventFiles })
 * with Basis 'Events'. Returns null when there is nothing to judge (no snapshot was taken).
 */
export async function diagnoseBundle(
  _host: Host,
  evidence: BundleEvidence,
  statuses: { before: PrtStatus | null; after: PrtStatus | null },
  repro: ReproResult | null,
): Promise<TraceDiagnosis | null> {
  const { before, after } = statuses;
  if (!before && !after) return null;
  const latest = after ?? before!;
  const renewed = Boolean(after?.AzureAdPrt && after.AzureAdPrtUpdateTime && after.AzureAdPrtUpdateTime !== before?.AzureAdPrtUpdateTime);
  const attempt = latest.Diagnostics.find((d) => d.Prt === 'AzureAd') ?? null;
  const failedStatus = attempt?.AttemptStatus && !/^0x0+$/.test(attempt.AttemptStatus) ? attempt.AttemptStatus : null;
  const attemptStatus = repro?.AttemptStatus ?? (renewed ? null : failedStatus);
  const summary = renewed
    ? `The Azure AD PRT was renewed during the trace (${after!.AzureAdPrtUpdateTime}); it is now ${after!.Health}.`
    : attemptStatus
      ? `The PRT attempt failed with ${attemptStatus}${attempt?.ServerErrorCode ? ` (${attempt.ServerErrorCode})` : ''}; the Azure AD PRT is ${latest.Health}. Decode it with: prt explain ${attemptStatus}${evidence.EventFiles.length > 0 ? '; the attempt itself is in the exported AAD logs' : ''}.`
      : `No PRT renewal and no failed attempt was seen; the Azure AD PRT is ${latest.Health}. Was the device locked and unlocked during the trace?`;
  return {
    Basis: 'Status',
    Summary: summary,
    HealthBefore: before?.Health ?? null,
    HealthAfter: after?.Health ?? null,
    PrtRenewed: renewed,
    AttemptStatus: attemptStatus,
    Analysis: null,
  };
}
