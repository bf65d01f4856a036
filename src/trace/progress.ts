import type { ReproOutcome, StepId } from './types.js';
import { isNodeError } from '../errors.js';

/**
 * What a trace reports while it runs. Renderers subscribe (the plain one in src/cli/present, the
 * Ink dashboard later); the engine never writes to a terminal itself. `At` is the host's clock.
 */
export type TraceProgress =
  | { Kind: 'Session'; At: string; SessionId: string; Host: 'Live' | 'Simulated'; Scenario: string | null; Steps: { Id: StepId; Title: string }[] }
  | { Kind: 'StepStarted'; At: string; Step: StepId; Title: string }
  | { Kind: 'StepDone'; At: string; Step: StepId; Title: string; Detail: string | null }
  | { Kind: 'StepSkipped'; At: string; Step: StepId; Title: string; Reason: string }
  | { Kind: 'StepFailed'; At: string; Step: StepId; Title: string; Message: string }
  | { Kind: 'UndoStarted'; At: string; Step: StepId; Title: string }
  | { Kind: 'UndoDone'; At: string; Step: StepId; Title: string; Detail: string | null }
  | { Kind: 'UndoFailed'; At: string; Step: StepId; Title: string; Message: string }
  | { Kind: 'Instruction'; At: string; Text: string }
  | { Kind: 'Waiting'; At: string; ElapsedSeconds: number; TimeoutSeconds: number; Text: string }
  | { Kind: 'Observed'; At: string; Outcome: ReproOutcome; Detail: string }
  | { Kind: 'Warning'; At: string; Text: string }
  | { Kind: 'Interrupted'; At: string; Signal: string }
  | { Kind: 'Finished'; At: string; Outcome: string; BundlePath: string | null; ZipPath: string | null };

export type ProgressListener = (event: TraceProgress) => void;

/** A typed event stream: subscribe, get every event in order; a failing listener cannot stop a trace. */
export class TraceEvents {
  private readonly listeners = new Set<ProgressListener>();
  readonly history: TraceProgress[] = [];

  subscribe(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: TraceProgress): void {
    this.history.push(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // A renderer that cannot write (a closed console) must not break the undo path.
        if (!isNodeError(error)) throw error;
      }
    }
  }
}
