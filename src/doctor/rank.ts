import type { DoctorCause } from '../device/types.js';
import type { MissingMessage } from '../events/index.js';
import { causeRules, type CauseRule, type RuleLine } from './rules.js';
import { ageUnknown, collectSignals } from './signals.js';
import { SignalLayer, type DoctorInput, type Signal } from './types.js';

/** Score from which a cause is High, and Medium (rules.ts says how points are set). */
export const highScore = 6;
export const mediumScore = 3;

export const notEnoughEvidenceId = 'NotEnoughEvidence';
export const noFaultId = 'NoFault';

interface Scored {
  cause: DoctorCause;
  score: number;
  order: number;
}

const matches = (line: RuleLine, signal: Signal) => (typeof line.Key === 'string' ? line.Key === signal.Key : line.Key.test(signal.Key));

const confidence = (score: number): DoctorCause['Confidence'] => (score >= highScore ? 'High' : score >= mediumScore ? 'Medium' : 'Low');

/** The strongest signal of each line of the rule, and the score they make. */
function score(rule: CauseRule, signals: Signal[]): { raised: Signal[]; against: string[]; score: number } {
  const raised: Signal[] = [];
  let total = 0;
  for (const line of rule.Raise) {
    let best: Signal | undefined;
    for (const signal of signals) if (matches(line, signal) && (!best || signal.Weight > best.Weight)) best = signal;
    if (!best) continue;
    raised.push(best);
    total += line.Points * best.Weight;
  }
  const against: string[] = [];
  for (const line of rule.Against) {
    const found = signals.filter((signal) => matches(line, signal)).sort((a, b) => b.Weight - a.Weight)[0];
    if (!found) continue;
    against.push(`${line.Why} (${found.Text})`);
    total -= line.Points * found.Weight;
  }
  return { raised, against, score: total };
}

/** The chain, symptom first and then deeper links: "AzureAdPrt NO ← 1007 0xc000023c ← 1084 12029 ← probe …". */
function chain(signals: Signal[], symptoms: Signal[]): string[] {
  const ordered = [...symptoms, ...signals.filter((s) => s.Layer !== SignalLayer.Symptom || !symptoms.includes(s))].sort((a, b) => a.Layer - b.Layer);
  return [...new Set(ordered.map((s) => s.Text))];
}

/** The events whose messages an attempt asks for (a diagnosis written before MissingMessages has none). */
const askedMessages = (attempt: { MissingMessages?: readonly MissingMessage[] }) => (attempt.MissingMessages ?? []).filter((message) => message.Ask).map((message) => message.EventId);

/** What more would let the doctor judge better, in the order an admin would collect it. */
export function missingEvidence(input: DoctorInput): string[] {
  const missing: string[] = [];
  if (!input.Status) missing.push('`dsregcmd /status` run in the affected user\'s session (`prt status`)');
  else if (ageUnknown(input.Status)) missing.push('when the capture was taken (`--now`, or the Diagnostic Data box with its Client Time)');
  if (!input.EventsRead) missing.push('the AAD Operational and Analytic logs around a failing sign-in or unlock (`prt trace` collects them)');
  // Events read from the Event Viewer list pane: their ids without the messages that hold the codes.
  const unread = [...new Set((input.Diagnosis?.Attempts ?? []).flatMap(askedMessages))];
  if (unread.length > 0) missing.push(`the full messages of events ${unread.join(', ')} (Event Viewer: Copy details as text), which the list of events did not show`);
  if (!input.Probe) missing.push('the network path to Entra ID as SYSTEM and as the user (`prt probe`)');
  if (!input.Device) missing.push('the device checks: certificate, TPM, SCP, join task, user, clock (`prt device`)');
  return missing;
}

const failedAttempts = (input: DoctorInput) => (input.Diagnosis?.Attempts ?? []).filter((attempt) => !attempt.Succeeded).length;

/**
 * The causes, most likely first. A healthy PRT is a verdict only when dsregcmd shows it and no
 * newer failure contradicts it; a failure with too little evidence is said to be one.
 */
export function rankCauses(input: DoctorInput): DoctorCause[] {
  const signals = collectSignals(input);
  const symptoms = signals.filter((s) => s.Key.startsWith('prt:') && s.Key !== 'prt:Healthy');
  const missing = missingEvidence(input);
  const scored: Scored[] = [];
  causeRules.forEach((rule, order) => {
    const { raised, against, score: total } = score(rule, signals);
    if (raised.length === 0) return;
    const cause: DoctorCause = { Id: rule.Id, Confidence: confidence(total), Summary: rule.Summary, Evidence: chain(raised, symptoms), Against: against, NextStep: rule.NextStep };
    scored.push({ cause, score: total, order });
  });

  const healthy = signals.find((s) => s.Key === 'prt:Healthy');
  const newestSucceeded = signals.some((s) => s.Key === 'attempt:NewestSucceeded');
  if (healthy && (failedAttempts(input) === 0 || newestSucceeded)) {
    const evidence = [healthy.Text, ...signals.filter((s) => s.Key === 'attempt:NewestSucceeded').map((s) => s.Text)];
    if (input.EventsRead && failedAttempts(input) === 0) evidence.push('no failed PRT attempt in the AAD logs read');
    const failingChecks = signals.filter((s) => s.Layer === SignalLayer.Device || s.Layer === SignalLayer.Probe).map((s) => `${s.Text}: a risk, though the PRT works now`);
    const total = (input.EventsRead ? highScore : mediumScore + 1) - failingChecks.length;
    scored.push({
      cause: {
        Id: noFaultId,
        Confidence: confidence(total),
        Summary: 'The PRT is present and fresh: nothing is failing now.',
        Evidence: evidence,
        Against: [...failingChecks, ...missing.map((what) => `not read: ${what}`)],
        NextStep: 'Nothing to fix for the PRT. If the user still sees prompts, run `prt doctor` while it happens, in their session.',
      },
      score: total,
      order: -1,
    });
  }

  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const top = scored[0];
  if (!top || top.score < mediumScore) {
    const known = [...symptoms.map((s) => s.Text), ...scored.flatMap((s) => s.cause.Evidence)];
    scored.unshift({
      cause: {
        Id: notEnoughEvidenceId,
        Confidence: 'Low',
        Summary: top
          ? `The evidence read is too thin to name a cause with confidence (the best guess, ${top.cause.Id}, rests on little).`
          : 'Nothing read names a cause: the doctor will not call the device healthy without seeing it.',
        Evidence: known.length > 0 ? [...new Set(known)] : ['nothing that bears on the PRT was read'],
        Against: [],
        NextStep: missing.length > 0 ? `Collect ${missing.join('; ')}, then run \`prt doctor\` again.` : 'Reproduce the failure with `prt trace` (lock, unlock) so the logs hold a failing attempt, then run `prt doctor` on the bundle.',
      },
      score: Infinity,
      order: -2,
    });
  }
  return scored.map((s) => s.cause);
}
