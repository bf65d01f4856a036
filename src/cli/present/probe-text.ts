import type { ProbeEndpoint, ProbeFinding, ProbeReport, ProbeRun } from '../../probe/types.js';
import type { Style } from './style.js';

const mark: Record<ProbeFinding['Severity'], string> = { Error: '✖', Warning: '!', Info: 'i' };

function endpointLine(endpoint: ProbeEndpoint, style: Style): string {
  const ok = endpoint.Outcome === 'Reachable';
  const status = ok ? style.green(`OK ${endpoint.HttpStatus ?? ''}`.trim()) : style.red(endpoint.Outcome === 'NotTried' ? 'not tried' : `FAILED at ${endpoint.Stages.find((stage) => stage.Ok === false)?.Name ?? endpoint.Failure ?? '?'}`);
  const times = endpoint.Stages.filter((stage) => stage.Milliseconds !== null).map((stage) => `${stage.Name} ${stage.Milliseconds ?? 0} ms`).join(', ');
  const route = endpoint.Route.Kind === 'Proxy' ? `via ${endpoint.Route.Proxy ?? '?'}` : endpoint.Route.Kind.toLowerCase();
  return `  ${endpoint.Host.padEnd(40)} ${status}  ${route}${times ? `  (${times})` : ''}`;
}

function runLines(run: ProbeRun, style: Style): string[] {
  const lines = [style.bold(run.Context === 'System' ? 'As SYSTEM (WinHTTP: the route the PRT request takes)' : 'As the user (WinINet settings)')];
  if (run.ContextSource === 'ScheduledTask') lines.push(style.dim('  run by a one-shot scheduled task as SYSTEM'));
  if (run.ContextSource === 'InProcess' && run.ContextNote) lines.push(style.yellow(`  read in prt's own process: ${run.ContextNote}`));
  else if (run.ContextNote) lines.push(style.yellow(`  note: ${run.ContextNote}`));
  if (run.ContextError) {
    lines.push(style.red(`  NOT PROBED: ${run.ContextError}`));
    return lines;
  }
  const first = run.Endpoints[0];
  if (first) lines.push(`  route: ${first.Route.Reason}`);
  for (const endpoint of run.Endpoints) lines.push(endpointLine(endpoint, style));
  lines.push(`  clock: ${run.ClockSkewSeconds === null ? 'not measured' : `${run.ClockSkewSeconds > 0 ? '+' : ''}${run.ClockSkewSeconds} s against the servers`}`);
  const federation = run.Federation;
  if (federation) {
    const mex = federation.MexUrl ? `; MEX ${federation.MexReachable === true ? 'read' : federation.MexReachable === false ? 'unreachable' : 'not read'}${federation.MexHasDtd === true ? ', carries a DTD' : ''}` : '';
    const endpoints = federation.WsTrustEndpoints.length > 0 ? `; WS-Trust: ${federation.WsTrustEndpoints.join(', ')}` : '';
    lines.push(`  realm: ${federation.Domain} is ${federation.NameSpaceType}${federation.Protocol ? ` (${federation.Protocol})` : ''}${mex}${endpoints}`);
  }
  return lines;
}

/** SYSTEM's or the user's outcome for one host, padded before it is coloured (colour codes have no width). */
const outcomeWord = (endpoint: ProbeEndpoint | undefined, style: Style, width = 0) => {
  if (!endpoint) return style.dim('not probed'.padEnd(width));
  if (endpoint.Outcome === 'Reachable') return style.green('reaches'.padEnd(width));
  return endpoint.Outcome === 'NotTried' ? style.dim('not tried'.padEnd(width)) : style.red('fails'.padEnd(width));
};

/** With `--as both`: each host, SYSTEM's outcome beside the user's (a difference is itself a finding). */
function sideBySide(report: ProbeReport, style: Style): string[] {
  const system = report.Runs.find((run) => run.Context === 'System');
  const user = report.Runs.find((run) => run.Context === 'User');
  if (!system || !user) return [];
  const hosts = [...new Set([...system.Endpoints, ...user.Endpoints].map((endpoint) => endpoint.Host))];
  const lines = ['', style.bold(`${'Side by side'.padEnd(42)} ${'SYSTEM'.padEnd(10)} user`)];
  for (const host of hosts) {
    const mine = outcomeWord(system.Endpoints.find((endpoint) => endpoint.Host === host), style, 10);
    const theirs = outcomeWord(user.Endpoints.find((endpoint) => endpoint.Host === host), style);
    lines.push(`  ${host.padEnd(40)} ${mine} ${theirs}`);
  }
  return lines;
}

/** The probe for a person: each context's route and endpoints, then the findings with what to do. */
export function formatProbe(report: ProbeReport, style: Style): string {
  const lines: string[] = [];
  lines.push(style.bold(`Network probe — ${report.Cloud === 'Unknown' ? 'cloud not known, public endpoints assumed' : `${report.Cloud} cloud`}${report.TenantId ? `, tenant ${report.TenantId}` : ''}${report.UserPrincipalName ? `, user ${report.UserPrincipalName}` : ''}`));
  for (const run of report.Runs) lines.push('', ...runLines(run, style));
  lines.push(...sideBySide(report, style));
  lines.push('');
  if (report.Runs.some((run) => run.ContextError)) {
    if (report.Findings.length === 0) lines.push(style.yellow('No finding in what was measured, but a context was not probed (see above): this is not a clean bill of health.'));
  } else if (report.Findings.length === 0) lines.push(style.green('No network finding: every endpoint answered on the route this device takes.'));
  // One finding per host can repeat: the step and the codes are said once, after its last message.
  const findings = report.Findings;
  findings.forEach((finding, index) => {
    const colour = finding.Severity === 'Error' ? style.red : style.yellow;
    lines.push(colour(`${mark[finding.Severity]} ${finding.Id}${finding.Context ? ` (${finding.Context})` : ''}: ${finding.Message}`));
    if (findings.slice(index + 1).some((later) => later.Id === finding.Id && later.Context === finding.Context)) return;
    lines.push(`  → ${finding.NextStep}`);
    lines.push(style.dim(`  codes it explains: ${finding.RelatedCodes.join(', ')}`));
  });
  return `${lines.join('\n')}\n`;
}
