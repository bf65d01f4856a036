import type { Health, PrtStatus, Severity } from '../../diagnose/status-types.js';
import { serverMessage } from '../../diagnose/server-text.js';
import { isAdfsAttempt } from '../../diagnose/evaluate.js';
import type { Style } from './style.js';

const healthLine: Record<Health, string> = {
  Healthy: 'HEALTHY — the Azure AD PRT is present and fresh',
  Stale: 'STALE — the Azure AD PRT has not been renewed in time',
  Expired: 'EXPIRED — the Azure AD PRT is past its expiry time',
  Missing: 'MISSING — there is no Azure AD PRT',
  NotApplicable: 'NOT APPLICABLE — no device PRT to judge here',
  Unknown: 'UNKNOWN — the capture does not show enough to judge the Azure AD PRT',
};

const severityMark: Record<Severity, string> = { Error: '✖', Warning: '!', Info: 'i' };

function colourHealth(health: Health, style: Style): (text: string) => string {
  if (health === 'Healthy') return style.green;
  if (health === 'Stale') return style.yellow;
  if (health === 'NotApplicable') return style.dim;
  if (health === 'Unknown') return style.yellow;
  return style.red;
}

const yesNo = (value: boolean | null) => (value === null ? 'not shown' : value ? 'YES' : 'NO');
const readableTime = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d{3}Z$|Z$/, ' UTC') : '—');

function prtLine(label: string, present: boolean | null, updated: string | null, expires: string | null, ageHours: number | null): string {
  const age = ageHours === null ? '' : ` (${ageHours} h ago)`;
  if (present === null) return `${label.padEnd(16)}not shown in the capture`;
  return `${label.padEnd(16)}${yesNo(present).padEnd(5)}updated ${readableTime(updated)}${age}, expires ${readableTime(expires)}`;
}

/** The short summary a person reads first: health, the PRTs, the last failure, what to do. */
export function formatStatus(status: PrtStatus, style: Style): string {
  const lines: string[] = [];
  const joinType = status.JoinType === 'Unknown' ? 'join type not shown' : status.JoinTypeEvidence === 'Inferred' ? `${status.JoinType}, inferred` : status.JoinType;
  const device = [status.DeviceName ?? 'This device', `(${joinType})`, status.TenantName ? `tenant ${status.TenantName}` : null].filter(Boolean).join('  ');
  lines.push(style.bold(device));
  const untrusted = status.Findings.some((f) => f.Id === 'PrtTimesInconsistent');
  const verdict = untrusted ? 'UNKNOWN — the PRT times in the capture cannot be trusted' : healthLine[status.Health];
  lines.push(`${'Health'.padEnd(16)}${colourHealth(status.Health, style)(verdict)}`);
  // A partial capture says first what was judged and what was not, and what to ask for.
  const partial = status.Findings.find((f) => f.Id === 'PartialCapture');
  if (partial) {
    lines.push(`${''.padEnd(16)}${style.yellow(partial.Message)}`);
    lines.push(`${''.padEnd(16)}→ ${partial.NextStep}`);
  }
  if (status.ClockSource === 'SystemClock' && (status.Source.Kind === 'File' || status.Source.Kind === 'Sample')) {
    lines.push(`${''.padEnd(16)}${style.dim("The capture does not say when it was taken: its times are judged against this computer's clock (use --now to judge it as of another instant).")}`);
  }
  lines.push(prtLine('Azure AD PRT', status.AzureAdPrt, status.AzureAdPrtUpdateTime, status.AzureAdPrtExpiryTime, status.PrtAgeHours));
  if (status.AzureAdPrtAuthority) lines.push(`${''.padEnd(16)}${style.dim(`authority ${status.AzureAdPrtAuthority}`)}`);
  // A cloud-only device always says EnterprisePrt NO: show the line only where AD FS is in play.
  const enterpriseInPlay = status.EnterprisePrt === true || status.EnterprisePrtAuthority !== null || status.Diagnostics.some((d) => d.Prt === 'Enterprise');
  if (status.EnterprisePrt !== null && enterpriseInPlay) {
    lines.push(prtLine('Enterprise PRT', status.EnterprisePrt, status.EnterprisePrtUpdateTime, status.EnterprisePrtExpiryTime, null));
    if (status.EnterprisePrtAuthority) lines.push(`${''.padEnd(16)}${style.dim(`authority ${status.EnterprisePrtAuthority}`)}`);
  }
  for (const attempt of status.Diagnostics) {
    const kind = attempt.Kind === 'Unknown' ? 'Attempt of the' : attempt.Kind;
    const head = `${kind} ${attempt.Prt === 'AzureAd' ? 'Azure AD PRT' : 'Enterprise PRT (AD FS)'}: status ${attempt.AttemptStatus ?? 'unknown'} at ${readableTime(attempt.PreviousPrtAttempt)}`;
    lines.push(`${'Last attempt'.padEnd(16)}${head}`);
    const server = [isAdfsAttempt(attempt) ? 'AD FS:' : null, attempt.HttpStatus !== null ? `HTTP ${attempt.HttpStatus}` : null, attempt.ServerErrorCode, serverMessage(attempt.ServerErrorDescription)].filter(Boolean).join('  ');
    if (server) lines.push(`${''.padEnd(16)}${server}`);
    if (attempt.EndpointUri) lines.push(`${''.padEnd(16)}${style.dim(`${attempt.HttpMethod ?? ''} ${attempt.EndpointUri}`.trim())}`);
  }
  const rest = status.Findings.filter((f) => f !== partial);
  if (rest.length > 0) {
    lines.push('', style.bold('Findings'));
    for (const finding of rest) {
      const mark = finding.Severity === 'Error' ? style.red(severityMark.Error) : finding.Severity === 'Warning' ? style.yellow(severityMark.Warning) : severityMark.Info;
      lines.push(`  ${mark} ${style.bold(finding.Id)}  ${finding.Message}`);
      lines.push(`    → ${finding.NextStep}`);
    }
  }
  const clock = { Now: 'the time given with --now', CaptureClientTime: "the capture's own clock", SystemClock: 'this computer\'s clock' }[status.ClockSource];
  lines.push('', style.dim(`Judged at ${readableTime(status.EvaluatedAt)} (${clock}). Source: ${status.Source.Path ?? status.Source.Kind}.`));
  return `${lines.join('\n')}\n`;
}
