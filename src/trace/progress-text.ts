import type { TraceProgress } from './progress.js';

/** One plain ASCII line per event: the bundle's trace.log, and stderr when it is not a terminal. */
export function formatProgressLine(event: TraceProgress): string {
  const time = event.At.replace(/\.\d{3}Z$/, 'Z');
  const text = ((): string => {
    switch (event.Kind) {
      case 'Session':
        return `trace ${event.SessionId} on ${event.Host === 'Simulated' ? `a simulated device (${event.Scenario ?? 'unnamed'})` : 'this device'}: ${event.Steps.map((s) => s.Id).join(', ')}`;
      case 'StepStarted':
        return `.. ${event.Title}`;
      case 'StepDone':
        return `ok ${event.Title}${event.Detail ? `: ${event.Detail}` : ''}`;
      case 'StepSkipped':
        return `-- ${event.Title}: ${event.Reason}`;
      case 'StepFailed':
        return `FAILED ${event.Title}: ${event.Message}`;
      case 'UndoStarted':
        return `.. undo ${event.Title}`;
      case 'UndoDone':
        return `ok undo ${event.Title}${event.Detail ? `: ${event.Detail}` : ''}`;
      case 'UndoFailed':
        return `FAILED undo ${event.Title}: ${event.Message}`;
      case 'Instruction':
        return `>> ${event.Text}`;
      case 'Waiting':
        return `.. ${event.Text} (${event.ElapsedSeconds} s of ${event.TimeoutSeconds} s)`;
      case 'Observed':
        return `== ${event.Outcome}: ${event.Detail}`;
      case 'Warning':
        return `!! ${event.Text}`;
      case 'Interrupted':
        return `!! interrupted by ${event.Signal}: undoing every change`;
      case 'Finished':
        return `== ${event.Outcome}${event.BundlePath ? `: ${event.ZipPath ?? event.BundlePath}` : ''}`;
    }
  })();
  return `[${time}] ${text}`;
}
