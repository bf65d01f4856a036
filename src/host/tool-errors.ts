import { ExitCode, PrtError } from '../errors.js';

/** The ways running a Windows tool fails, worded once for every tool (exit 4: environment). */
export const toolNotFound = (name: string) =>
  new PrtError('ToolNotFound', `\`${name}\` was not found on PATH; it ships with Windows 10 and later`, ExitCode.Environment, 'NotInstalled');

export const toolNotStarted = (commandLine: string, error: Error) =>
  new PrtError('ToolFailed', `\`${commandLine}\` could not be started: ${error.message}`, ExitCode.Environment, 'ResourceUnavailable');

export const toolTimedOut = (commandLine: string, timeoutMs: number) =>
  new PrtError('ToolTimedOut', `\`${commandLine}\` did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`, ExitCode.Environment, 'OperationTimeout');

export const toolOutputTooLarge = (commandLine: string, maxBytes: number) =>
  new PrtError('ToolOutputTooLarge', `\`${commandLine}\` printed more than ${maxBytes} bytes`, ExitCode.Environment, 'ResourceUnavailable');

/** A tool that ran and failed; callers may recognise what it said (a refused channel read). */
export class ToolExitError extends PrtError {
  constructor(
    commandLine: string,
    readonly code: number | null,
    signal: NodeJS.Signals | null,
    /** The first line of its stderr. */
    readonly said: string,
  ) {
    super('ToolFailed', `\`${commandLine}\` ${signal ? `was ended by ${signal}` : `exited with code ${code}`}${said ? `: ${said}` : ''}`, ExitCode.Environment, 'ResourceUnavailable');
  }
}

export const firstLine = (bytes: Buffer) => bytes.toString('utf8').trim().split(/\r?\n/)[0] ?? '';
