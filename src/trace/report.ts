import type { PrtStatus } from '../diagnose/status-types.js';
import type { TraceBundleDocument } from './types.js';

const healthWords: Record<string, string> = {
  Healthy: 'HEALTHY (present and fresh)',
  Stale: 'STALE (not renewed in the last 4 hours)',
  Expired: 'EXPIRED',
  Missing: 'MISSING (no Azure AD PRT)',
  NotApplicable: 'NOT APPLICABLE',
};

function statusLines(label: string, status: PrtStatus | null): string[] {
  if (!status) return [`${label}: not captured`];
  const lines = [`${label}: ${healthWords[status.Health] ?? status.Health}; AzureAdPrt ${status.AzureAdPrt === null ? 'not shown' : status.AzureAdPrt ? 'YES' : 'NO'}, updated ${status.AzureAdPrtUpdateTime ?? '-'}`];
  const attempt = status.Diagnostics.find((d) => d.Prt === 'AzureAd');
  if (attempt) lines.push(`  last attempt ${attempt.PreviousPrtAttempt ?? '-'}: ${attempt.AttemptStatus ?? '-'} ${attempt.ServerErrorCode ?? ''}`.trimEnd());
  for (const finding of status.Findings) lines.push(`  ${finding.Severity} ${finding.Id}: ${finding.Message}`);
  return lines;
}

const sizeText = (bytes: number) => (bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`);

/** report.txt: what a support engineer reads first when the bundle arrives. */
export function formatReportText(doc: TraceBundleDocument): string {
  const lines: string[] = [];
  lines.push('PrtTools trace report');
  lines.push('=====================');
  lines.push(`Device:   ${doc.DeviceName ?? 'unknown'}${doc.Host === 'Simulated' ? `  (SIMULATED device, scenario ${doc.Scenario ?? 'unnamed'})` : ''}`);
  lines.push(`Session:  ${doc.SessionId}, ${doc.StartedAt} to ${doc.StoppedAt}, ${doc.Outcome}`);
  lines.push('');
  if (doc.Diagnosis) {
    lines.push('Diagnosis');
    lines.push(`  ${doc.Diagnosis.Summary}`);
    lines.push('');
  }
  lines.push('Repro');
  lines.push(doc.Repro ? `  ${doc.Repro.Outcome}: ${doc.Repro.Detail}` : '  not watched (the trace was started and stopped separately)');
  lines.push('');
  lines.push(...statusLines('Before', doc.StatusBefore));
  lines.push(...statusLines('After ', doc.StatusAfter));
  lines.push('');
  lines.push('Steps');
  for (const step of doc.Steps) lines.push(`  ${step.Status.padEnd(10)} ${step.Title}${step.Detail ? `: ${step.Detail}` : ''}${step.Error ? ` (${step.Error})` : ''}`);
  if (doc.Warnings.length > 0) {
    lines.push('');
    lines.push('Warnings');
    for (const warning of doc.Warnings) lines.push(`  ! ${warning}`);
  }
  lines.push('');
  lines.push('Files (sizes and SHA-256 in manifest.json)');
  for (const file of doc.Files) lines.push(`  ${file.Path} (${sizeText(file.Bytes)})`);
  lines.push('');
  return lines.join('\r\n');
}
