/** Exit codes of the exe↔module contract (DESIGN §4). */
export const ExitCode = {
  Ok: 0,
  Usage: 2,
  BadInput: 3,
  Environment: 4,
  Interrupted: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The `Category` of the JSON error object; the module maps it to an ErrorCategory. */
export type ErrorCategory = 'InvalidArgument' | 'InvalidData' | 'ResourceUnavailable' | 'NotInstalled' | 'PermissionDenied' | 'OperationTimeout' | 'OperationStopped' | 'NotImplemented';

/**
 * The one error class for failures a person can act on: bad input, a missing tool, a wrong
 * platform. Anything else that is thrown is a bug and is reported as such.
 */
export class PrtError extends Error {
  constructor(
    /** Stable identifier, e.g. `NotDsregcmdOutput`, for scripts and the module's ErrorRecord. */
    readonly id: string,
    message: string,
    readonly exitCode: ExitCode,
    readonly category: ErrorCategory,
  ) {
    super(message);
    this.name = 'PrtError';
  }
}

export const badInput = (id: string, message: string) => new PrtError(id, message, ExitCode.BadInput, 'InvalidData');
export const usageError = (id: string, message: string) => new PrtError(id, message, ExitCode.Usage, 'InvalidArgument');

/**
 * An error Node raised for the system or a stream (`ENOENT`, `EPIPE`,
 * `ERR_ENCODING_INVALID_ENCODED_DATA` …), optionally one of `codes`. Catch these and PrtErrors;
 * let every other error (a bug) through.
 */
export function isNodeError(error: unknown, ...codes: string[]): error is NodeJS.ErrnoException {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return false;
  return codes.length === 0 || codes.includes(error.code);
}

/** For `.catch(…)`: a PrtError (an expected failure) becomes `fallback`; anything else is rethrown. */
export function ifPrtError<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof PrtError) return fallback;
    throw error;
  };
}

/** Why an AbortSignal fired, as an Error (an interruption such as TraceInterrupted already is one). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}
