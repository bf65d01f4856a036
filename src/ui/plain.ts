// `prt watch` where no dashboard can be drawn (a pipe, a log, CI, remoting): one plain line per
// change, from the same state. Nothing that only ticks (ages, countdowns) counts as a change.
import type { DashboardState } from './state.js';
import { clockOf, dashboardView, dateTimeOf } from './view.js';
import { isFailureStatus } from '../util/status-code.js';
import { forText } from '../safety/sanitize.js';

export interface PlainLine {
  /** What the line is about: a new text under the same key is a change. */
  Key: string;
  Text: string;
}

export function plainLines(state: DashboardState): PlainLine[] {
  const view = dashboardView(state, { maxAttempts: 5 });
  const lines: PlainLine[] = [];
  const p = state.Prt;
  if (p) {
    lines.push({ Key: 'device', Text: `device ${view.Device.map((row) => row.Value).join(' · ')}` });
    const parts = [`AzureAdPrt ${p.AzureAdPrt ? 'YES' : 'NO'}`, p.Health];
    if (p.UpdateTime) parts.push(`updated ${dateTimeOf(p.UpdateTime)}`);
    if (p.ExpiryTime) parts.push(`expires ${dateTimeOf(p.ExpiryTime)}`);
    if (p.LastAttempt && isFailureStatus(p.LastAttempt.Status)) parts.push(`last attempt ${dateTimeOf(p.LastAttempt.At)} ${p.LastAttempt.Status}${p.LastAttempt.ServerErrorCode ? ` ${p.LastAttempt.ServerErrorCode}` : ''}`);
    lines.push({ Key: 'prt', Text: `prt ${parts.join(' · ')}` });
  }
  if (view.Prt.Renewed) lines.push({ Key: 'renewed', Text: view.Prt.Renewed });
  // Oldest first, as a log reads.
  for (const attempt of [...view.Attempts].reverse()) {
    const key = attempt.Line.slice(0, 8);
    lines.push({ Key: `attempt ${key}`, Text: `attempt ${attempt.Mark} ${attempt.Line}${attempt.Cause ? ` (${attempt.Cause})` : ''}` });
  }
  for (const note of view.Notes) lines.push({ Key: `note ${note}`, Text: `note ${note}` });
  if (state.StatusError) lines.push({ Key: 'dsregcmd', Text: `dsregcmd ${state.StatusError}` });
  // Some lines quote the state directly (codes, dsregcmd's error): data, so made safe here too.
  return forText(lines);
}

/** Prints each line whose text is new for its key; returns how many it printed. */
export function createPlainPrinter(write: (text: string) => void): (state: DashboardState) => number {
  const shown = new Map<string, string>();
  return (state) => {
    let printed = 0;
    for (const line of plainLines(state)) {
      if (shown.get(line.Key) === line.Text) continue;
      shown.set(line.Key, line.Text);
      write(`prt: [${clockOf(state.Now)}Z] ${line.Text}\n`);
      printed += 1;
    }
    return printed;
  };
}
