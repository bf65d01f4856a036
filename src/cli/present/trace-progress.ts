import type { Writable } from 'node:stream';
import type { TraceProgress } from '../../trace/progress.js';
import { forText } from '../../safety/sanitize.js';
import { formatProgressLine } from '../../trace/progress-text.js';
import type { Style } from './style.js';

/**
 * The plain renderer of a trace's progress, on stderr (stdout stays for the JSON document). In a
 * terminal: one line per step, redrawn in place while it runs (✓, ✗, –), and a live waiting line
 * during the repro. Elsewhere (a pipe, a log, the PowerShell module): one plain line per event.
 */
export function createProgressRenderer(stream: Writable, style: Style, terminal: boolean): (event: TraceProgress) => void {
  // Events quote data (tool output, device names, server errors): each value is made safe first.
  const render = renderer(stream, style, terminal);
  return (event) => {
    render(forText(event));
  };
}

function renderer(stream: Writable, style: Style, terminal: boolean): (event: TraceProgress) => void {
  if (!terminal) {
    let lastWaitingShown = Number.NEGATIVE_INFINITY;
    return (event) => {
      // A line every 30 s of waiting is enough for a log.
      if (event.Kind === 'Waiting') {
        if (event.ElapsedSeconds - lastWaitingShown < 30) return;
        lastWaitingShown = event.ElapsedSeconds;
      }
      stream.write(`prt: ${formatProgressLine(event)}\n`);
    };
  }

  let open: string | null = null; // the text of the line being redrawn
  const clear = '\r\u001b[2K';
  const line = (text: string) => {
    stream.write(`${open !== null ? clear : ''}${text}\n`);
    open = null;
  };
  const live = (text: string) => {
    stream.write(`${clear}${text}`);
    open = text;
  };
  const title = (text: string) => text.padEnd(46);
  const clock = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return (event) => {
    switch (event.Kind) {
      case 'Session':
        line(style.bold(`PrtTools trace ${event.Host === 'Simulated' ? `on a simulated device (${event.Scenario ?? 'unnamed'})` : 'on this device'}`));
        break;
      case 'StepStarted':
        live(`  ${style.dim('…')} ${title(event.Title)}`);
        break;
      case 'StepDone':
        line(`  ${style.green('✓')} ${title(event.Title)} ${style.dim(event.Detail ?? '')}`);
        break;
      case 'StepSkipped':
        line(`  ${style.dim('–')} ${title(event.Title)} ${style.dim(event.Reason)}`);
        break;
      case 'StepFailed':
        line(`  ${style.red('✗')} ${title(event.Title)} ${event.Message}`);
        break;
      case 'UndoStarted':
        live(`  ${style.dim('↺')} ${title(`undo: ${event.Title}`)}`);
        break;
      case 'UndoDone':
        line(`  ${style.green('↺')} ${title(`undo: ${event.Title}`)} ${style.dim(event.Detail ?? '')}`);
        break;
      case 'UndoFailed':
        line(`  ${style.red('✗')} ${title(`undo: ${event.Title}`)} ${event.Message}`);
        break;
      case 'Instruction':
        line(`\n  ${style.bold('→')} ${style.bold(event.Text)}\n`);
        break;
      case 'Waiting':
        live(`  ${style.yellow('⏳')} ${clock(event.ElapsedSeconds)} / ${clock(event.TimeoutSeconds)}  ${style.dim(event.Text)}`);
        break;
      case 'Observed':
        line(`  ${event.Outcome === 'AttemptFailed' ? style.red('●') : event.Outcome === 'PrtRenewed' ? style.green('●') : style.yellow('●')} ${style.bold(event.Outcome)}  ${event.Detail}`);
        break;
      case 'Warning':
        line(`  ${style.yellow('!')} ${event.Text}`);
        break;
      case 'Interrupted':
        line(`\n  ${style.yellow('!')} ${style.bold(`Interrupted (${event.Signal}): undoing every change, please wait…`)}`);
        break;
      case 'Finished':
        line(`  ${style.bold('■')} ${event.Outcome}${event.BundlePath ? `  ${event.ZipPath ?? event.BundlePath}` : ''}`);
        break;
    }
  };
}
