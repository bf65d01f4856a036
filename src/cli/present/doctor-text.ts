import type { DeviceReport } from '../../device/types.js';
import type { DoctorReport } from '../../doctor/types.js';
import type { Style } from './style.js';

/** Causes after the verdict shown on the screen; the rest are in --json. */
const othersShown = 3;
/** Links of the evidence chain shown. */
const chainShown = 5;

const confidenceColour = (confidence: string, style: Style) => (confidence === 'High' ? style.red : confidence === 'Medium' ? style.yellow : style.dim);

export function deviceTally(device: DeviceReport): string {
  const count = (result: string) => device.Checks.filter((check) => check.Result === result).length;
  return `${count('Pass')} pass, ${count('Warn')} warn, ${count('Fail')} fail, ${count('Unknown')} unknown, ${count('NotApplicable')} not applicable`;
}

/** The verdict on one screen: the first cause with its chain and next step, the runners-up, what was not read. */
export function formatDoctor(report: DoctorReport, style: Style): string {
  const [verdict, ...others] = report.Causes;
  const lines: string[] = [];
  if (verdict) {
    const healthy = verdict.Id === 'NoFault';
    const colour = healthy ? style.green : confidenceColour(verdict.Confidence, style);
    lines.push(`${style.bold('Verdict')}  ${colour(style.bold(verdict.Id))} ${style.dim(`(${verdict.Confidence} confidence)`)}`);
    lines.push(`   ${verdict.Summary}`);
    if (verdict.Evidence.length > 0) lines.push(`   ${'evidence'.padEnd(9)}${verdict.Evidence.slice(0, chainShown).join(' ← ')}`);
    for (const against of verdict.Against.slice(0, 2)) lines.push(`   ${'against'.padEnd(9)}${style.dim(against)}`);
    lines.push(`   ${'do'.padEnd(9)}→ ${verdict.NextStep}`);
  }
  if (others.length > 0) {
    lines.push('', style.bold('Also considered'));
    others.slice(0, othersShown).forEach((cause, index) => {
      lines.push(`  ${index + 2}. ${confidenceColour(cause.Confidence, style)(cause.Id)} ${style.dim(`(${cause.Confidence})`)}  ${cause.Evidence.slice(0, 2).join(' ← ')}`);
      if (cause.Against[0]) lines.push(`     ${style.dim(`against: ${cause.Against[0]}`)}`);
    });
    if (others.length > othersShown) lines.push(style.dim(`  … ${others.length - othersShown} more in --json.`));
  }
  lines.push('');
  if (report.Device) lines.push(`${'Device checks'.padEnd(15)}${deviceTally(report.Device)} ${style.dim('(`prt device` lists them)')}`);
  if (report.Status) lines.push(`${'PRT'.padEnd(15)}${report.Status.Health}${report.Diagnosis ? `; ${report.Diagnosis.Summary}` : ''}`);
  for (const missing of report.Missing) lines.push(style.yellow(`not read: ${missing}`));
  lines.push(style.dim(`Read: ${report.Sources.join(', ') || 'nothing'}.`));
  return `${lines.join('\n')}\n`;
}
