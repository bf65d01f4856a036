import type { ReproResult, TraceBundleDocument, TracePlanDocument, TraceSessionDocument, TraceStatusDocument } from '../../trace/types.js';
import type { Style } from './style.js';

/** After `prt trace start`: where the trace writes, and what to do next. */
export function formatTraceSession(session: TraceSessionDocument, style: Style): string {
  const lines = [
    style.bold(`Trace ${session.SessionId} is running${session.Host === 'Simulated' ? ` on a simulated device (${session.Scenario ?? 'unnamed'})` : ''}.`),
    `Device   ${session.DeviceName ?? 'unknown'} (${session.JoinType ?? 'join type unknown'})`,
    `Bundle   ${session.BundlePath ?? '-'}`,
    `Traces   ${session.Steps.filter((s) => s.Status === 'Done').map((s) => s.Title).join(', ')}`,
  ];
  if (session.Recovered) lines.push(style.yellow(`Cleaned up first: an interrupted trace (${session.Recovered.BundlePath ?? 'no bundle'})`));
  lines.push('', `Next: ${session.NextStep}`);
  return `${lines.join('\n')}\n`;
}

/** After `prt trace stop|run`: the outcome, the diagnosis and where the bundle is. */
export function formatTraceBundle(bundle: TraceBundleDocument, style: Style): string {
  const lines = [style.bold(`Trace ${bundle.Outcome.toLowerCase()}${bundle.Host === 'Simulated' ? ` (simulated device: ${bundle.Scenario ?? 'unnamed'})` : ''}`)];
  if (bundle.Repro) lines.push(`Repro      ${bundle.Repro.Outcome}: ${bundle.Repro.Detail}`);
  if (bundle.StatusBefore || bundle.StatusAfter) lines.push(`PRT        ${bundle.StatusBefore?.Health ?? '?'} before, ${bundle.StatusAfter?.Health ?? '?'} after`);
  if (bundle.Diagnosis) lines.push(`Diagnosis  ${bundle.Diagnosis.Summary}`);
  lines.push(`Bundle     ${bundle.BundlePath ?? '-'}`);
  if (bundle.ZipPath) lines.push(`Zip        ${bundle.ZipPath}`);
  if (bundle.ReportPath) lines.push(`Report     ${bundle.ReportPath.replace(/report\.json$/, 'report.txt')}`);
  for (const warning of bundle.Warnings) lines.push(style.yellow(`! ${warning}`));
  return `${lines.join('\n')}\n`;
}

export function formatTraceStatus(status: TraceStatusDocument, style: Style): string {
  if (!status.Session) return `No trace is running on this device (${status.StateFile}).\n`;
  const session = status.Session;
  const state = status.Busy ? 'being worked on by another prt' : status.Interrupted ? style.yellow('INTERRUPTED: `prt trace stop` undoes what it left and collects its files') : session.State.toLowerCase();
  const lines = [style.bold(`Trace ${session.SessionId}: ${state}`), `Started  ${session.StartedAt}`, `Bundle   ${session.BundlePath ?? '-'}`, ''];
  for (const step of session.Steps) lines.push(`  ${step.Status.padEnd(8)} ${(step.Undo ?? '').padEnd(10)} ${step.Title}${step.Detail ? `: ${step.Detail}` : ''}`);
  return `${lines.join('\n')}\n`;
}

export function formatTracePlan(plan: TracePlanDocument, style: Style): string {
  const lines = [style.bold(`What prt trace would do${plan.Host === 'Simulated' ? ` on the simulated device (${plan.Scenario ?? 'unnamed'})` : ''} (nothing was changed):`)];
  for (const step of plan.Steps) {
    lines.push(`${step.Enabled ? '  ●' : '  ○'} ${step.Title}${step.Enabled ? '' : style.dim(` (skipped: ${step.Reason ?? 'not asked for'})`)}`);
    if (step.Enabled) {
      lines.push(style.dim(`      ${step.Action}`));
      if (step.Undo) lines.push(style.dim(`      undo: ${step.Undo}`));
    }
  }
  lines.push('', 'Checks:');
  for (const check of plan.Checks) lines.push(`  ${check.Passed ? style.green('ok') : style.red('FAIL')} ${check.Check}: ${check.Message}`);
  lines.push('', style.dim(`State file: ${plan.StateFile}`));
  return `${lines.join('\n')}\n`;
}

export function formatReproResult(result: ReproResult, style: Style): string {
  const mark = result.Outcome === 'AttemptFailed' ? style.red(result.Outcome) : result.Outcome === 'PrtRenewed' ? style.green(result.Outcome) : style.yellow(result.Outcome);
  return `${mark}: ${result.Detail}\n`;
}
