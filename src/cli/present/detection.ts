import type { PrtStatus } from '../../diagnose/status-types.js';
import { isFailureStatus } from '../../util/status-code.js';

/** Intune Remediations reads exit 1 as "issue found, run the remediation". */
export const DetectionUnhealthyExitCode = 1;

export const isUnhealthy = (status: PrtStatus) => status.Health === 'Stale' || status.Health === 'Expired' || status.Health === 'Missing';

/**
 * One compact line for a detection script's output column: health, the PRT's age or the failing
 * code, and the first finding's Id, so a fleet report can be sorted and counted by it.
 */
export function formatDetectionLine(status: PrtStatus): string {
  const parts: string[] = [status.Health, status.JoinType];
  if (status.AzureAdPrt === null) parts.push('AzureAdPrt=unknown');
  else if (status.AzureAdPrt) parts.push(status.PrtAgeHours === null ? 'AzureAdPrt=YES' : `AzureAdPrt=YES age=${status.PrtAgeHours}h`);
  else parts.push('AzureAdPrt=NO');
  const failed = status.Diagnostics.find((block) => isFailureStatus(block.AttemptStatus));
  if (failed && isFailureStatus(failed.AttemptStatus)) parts.push(`attempt=${failed.AttemptStatus}${failed.ServerErrorCode ? `/${failed.ServerErrorCode}` : ''}`);
  const first = status.Findings[0];
  if (first) parts.push(`finding=${first.Id}`);
  if (status.Findings.some((finding) => finding.Id === 'NoUserContext')) parts.push('(run the detection as the signed-in user)');
  return parts.join(' ');
}
