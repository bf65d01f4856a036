// Imported first by main.ts, so that it runs before the rest of prt is even loaded: a trace
// command must never be ended by Ctrl+C/SIGTERM before its own handlers are in place (it would
// exit 130/143 instead of undoing and exiting 5). Until then a signal is only remembered.

/** Ctrl+C, `Stop-Process`/SIGTERM, a closed console window (SIGHUP), Ctrl+Break (Windows). */
export const interruptSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', ...(process.platform === 'win32' ? (['SIGBREAK'] as NodeJS.Signals[]) : [])];

let pending: NodeJS.Signals | null = null;
const remember = (signal: NodeJS.Signals) => {
  pending ??= signal;
};

/** The first signal that arrived before the command's own handlers, if any. */
export const pendingInterrupt = (): NodeJS.Signals | null => pending;

// Stays installed for the whole run: a signal after the command's handlers are gone (while the
// result is printed) must not kill prt between "done" and its exit code either.
if (process.argv[2] === 'trace') for (const signal of interruptSignals) process.on(signal, remember);
