import type { DeviceCheckResult, DeviceReport } from '../../device/types.js';
import { deviceTally } from './doctor-text.js';
import type { Style } from './style.js';

const mark = (result: DeviceCheckResult, style: Style) =>
  ({ Pass: style.green('✔'), Warn: style.yellow('!'), Fail: style.red('✖'), NotApplicable: style.dim('-'), Unknown: style.yellow('?') })[result];

/** One line per check, grouped by area; the next step under each that needs one. */
export function formatDevice(report: DeviceReport, style: Style): string {
  const lines: string[] = [];
  let area = '';
  for (const check of report.Checks) {
    if (check.Area !== area) {
      area = check.Area;
      lines.push(style.bold(area));
    }
    lines.push(`  ${mark(check.Result, style)} ${check.Id.padEnd(30)} ${check.Result === 'NotApplicable' ? style.dim(check.Summary) : check.Summary}`);
    if (check.NextStep && (check.Result === 'Fail' || check.Result === 'Warn')) lines.push(`    → ${check.NextStep}`);
  }
  lines.push('', style.dim(`${deviceTally(report)}; judged at ${report.ObservedAt}.`));
  return `${lines.join('\n')}\n`;
}
