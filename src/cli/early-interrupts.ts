// The first statement prt runs. The build puts this file, bundled on its own, at the very top of
// the exe's script (scripts/build/bundle.mjs: banner), so a trace command holds SIGINT/SIGTERM
// from its first line of JavaScript, before any other module is even evaluated; main.ts imports
// it too (tests, `node dist/…`), and the second copy finds the first one's state and installs
// nothing. Before that first line only the runtime's own start-up runs: a signal there ends the
// process by the default action (130/143) before prt could have done anything.
//
// Until a command takes over (trapSignals, just before its first change), a signal ends prt at
// once with exit 5, nothing done. After that the handler stays installed and only remembers the
// signal: the command's own handler runs the undo path, and a signal while the result is printed
// must not kill prt between "done" and its exit code either.
import { writeSync } from 'node:fs';

/** Ctrl+C, `Stop-Process`/SIGTERM, a closed console window (SIGHUP), Ctrl+Break (Windows). */
export const interruptSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', ...(process.platform === 'win32' ? (['SIGBREAK'] as NodeJS.Signals[]) : [])];

interface EarlyInterrupts {
  pending: NodeJS.Signals | null;
  /** A command has its own handlers (or is about to install them): signals are only remembered. */
  takenOver: boolean;
}

// One state per process, shared by the banner's copy of this file and the bundle's.
const key = Symbol.for('prt.early-interrupts');
const shared = globalThis as typeof globalThis & { [key]?: EarlyInterrupts };
const state: EarlyInterrupts = shared[key] ?? install();

function install(): EarlyInterrupts {
  const created: EarlyInterrupts = { pending: null, takenOver: false };
  shared[key] = created;
  if (process.argv[2] !== 'trace') return created;
  const onSignal = (signal: NodeJS.Signals) => {
    created.pending ??= signal;
    if (!created.takenOver) endNothingDone(signal);
  };
  for (const signal of interruptSignals) process.on(signal, onSignal);
  // For the tests: a signal at the earliest moment prt can handle one (test/e2e/safe-host.test.ts).
  const atStart = interruptSignals.find((signal) => signal === process.env.PRT_SIGNAL_AT_START);
  if (atStart) process.kill(process.pid, atStart);
  return created;
}

/** Exit 5 before any change: written synchronously, in the error contract's two shapes (DESIGN §4). */
function endNothingDone(signal: NodeJS.Signals): never {
  const message = `prt was interrupted by ${signal} before it had changed anything: nothing was done.`;
  const line = process.argv.includes('--json') ? JSON.stringify({ Error: { Id: 'Interrupted', Message: message, Category: 'OperationStopped' } }) : `prt: ${message}`;
  try {
    writeSync(2, `${line}\n`);
  } catch (error) {
    // The console may be gone; the exit code still says it.
    if (!(error instanceof Error && 'code' in error)) throw error;
  }
  process.exit(5);
}

/** The first signal that arrived before the command's own handlers, if any. */
export const pendingInterrupt = (): NodeJS.Signals | null => state.pending;

/** Called by a command just before it installs its own handlers and changes anything. */
export function takeOverInterrupts(): void {
  state.takenOver = true;
}
