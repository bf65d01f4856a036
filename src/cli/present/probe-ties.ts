import { probeDevice } from '../../app/probe.js';
import type { DiagnosedAttempt, Diagnosis } from '../../diagnose/attempt-types.js';
import type { Host } from '../../host/types.js';
import { findingsForChain, isNetworkClass, isTransportFailure, PROBE_CHECK_STEP, PROBE_NEXT_STEP } from '../../probe/ties.js';
import type { ProbeFinding, ProbeReport } from '../../probe/types.js';
import type { Style } from './style.js';

/** An attempt of `prt error`, with the probe's findings when `--probe` ran (#14). */
export type ProbedAttempt = DiagnosedAttempt & { ProbeFindings?: ProbeFinding[] };
/** The `prt error --json` document, with the probe's report when `--probe` ran. */
export type ProbedDiagnosis = Omit<Diagnosis, 'Attempts'> & { Attempts: ProbedAttempt[]; Probe?: ProbeReport };

const chainCodes = (attempt: DiagnosedAttempt) => [...attempt.Explanation.map((link) => link.Code), ...(attempt.NetworkSubError ? [attempt.NetworkSubError.Code] : [])];

/** A failed attempt whose chain holds a code the probe can say something about. */
export const failedOnNetwork = (attempt: DiagnosedAttempt) => !attempt.Succeeded && chainCodes(attempt).some((code) => isNetworkClass(code));

/**
 * A failure that did not get through is told to run the probe first (right after the step that
 * names the URL to check); one the server answered, whose code the probe can also check (an
 * unknown realm, empty federation metadata), gets the probe after the code's own steps.
 */
export function withProbeStep<T extends DiagnosedAttempt>(attempt: T): T {
  if (!failedOnNetwork(attempt) || attempt.NextSteps.includes(PROBE_NEXT_STEP) || attempt.NextSteps.includes(PROBE_CHECK_STEP)) return attempt;
  if (!chainCodes(attempt).some((code) => isTransportFailure(code))) return { ...attempt, NextSteps: [...attempt.NextSteps, PROBE_CHECK_STEP] };
  const at = attempt.Url !== null && attempt.NextSteps[0]?.includes(attempt.Url) ? 1 : 0;
  return { ...attempt, NextSteps: [...attempt.NextSteps.slice(0, at), PROBE_NEXT_STEP, ...attempt.NextSteps.slice(at)] };
}

/**
 * The diagnosis with `prt probe`'s step on every network failure and, when a host is given
 * (`--probe`), the probe run as SYSTEM: its report, and on each such attempt the findings that
 * explain its codes. `text` renders that part for people.
 */
export async function withProbe(diagnosis: Diagnosis, host: Host | null, env: NodeJS.ProcessEnv): Promise<{ document: ProbedDiagnosis; text: (shown: ProbedDiagnosis, style: Style) => string }> {
  const attempts: ProbedAttempt[] = diagnosis.Attempts.map((attempt) => withProbeStep(attempt));
  if (host === null) return { document: { ...diagnosis, Attempts: attempts }, text: () => '' };
  const report = await probeDevice(host, { contexts: ['System'], env });
  const probed = attempts.map((attempt) => (failedOnNetwork(attempt) ? { ...attempt, ProbeFindings: findingsForChain(chainCodes(attempt), report) } : attempt));
  return { document: { ...diagnosis, Attempts: probed, Probe: report }, text: formatProbeTies };
}

function formatProbeTies(shown: ProbedDiagnosis, style: Style): string {
  const report = shown.Probe;
  if (!report) return '';
  const lines = ['', style.bold('Network probe as SYSTEM (prt probe)')];
  if (report.Findings.length === 0) lines.push(style.green('  Every endpoint answered on the route this device takes: the network does not explain a failure now.'));
  for (const attempt of shown.Attempts) {
    if (!attempt.ProbeFindings || attempt.ProbeFindings.length === 0) continue;
    const status = attempt.Status?.Hex ?? attempt.Status?.Input ?? 'the failure';
    lines.push(`  ${status} at ${attempt.End ?? attempt.Start ?? 'an unknown time'} — what the probe finds on the way:`);
    for (const finding of attempt.ProbeFindings) {
      lines.push(style.red(`    ✖ ${finding.Id}: ${finding.Message}`));
      lines.push(`      → ${finding.NextStep}`);
    }
    break;
  }
  const explained = new Set(shown.Attempts.flatMap((attempt) => attempt.ProbeFindings ?? []).map((finding) => finding.Id));
  for (const finding of report.Findings.filter((candidate) => !explained.has(candidate.Id))) lines.push(style.yellow(`  ! ${finding.Id}: ${finding.Message}`));
  return `${lines.join('\n')}\n`;
}
