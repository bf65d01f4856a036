import { ExitCode, PrtError } from '../errors.js';

/** The ways running a Windows tool fails, worded once for every tool (exit 4: environment). */
export const toolNotFound = (name: string, path: string = name) =>
  new PrtError('ToolNotFound', `\`${name}\` was not found${path === name ? ' on PATH' : ` at ${path}`}; it ships with Windows 10 and later`, ExitCode.Environment, 'NotInstalled');

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
    readonly signal: NodeJS.Signals | null,
    /** The first line of its stderr. */
    readonly said: string,
  ) {
    super('ToolFailed', `\`${commandLine}\` ${signal ? `was ended by ${signal}` : `exited with code ${code ?? 'none'}`}${said ? `: ${said}` : ''}`, ExitCode.Environment, 'ResourceUnavailable');
  }
}

/** How a tool's bytes become text (its console code page); UTF-8 when not said. */
export type ToolDecoder = (bytes: Buffer) => string;
const utf8: ToolDecoder = (bytes) => bytes.toString('utf8');

/**
 * The line of a tool's output that says what went wrong: not a banner (`MICROSOFT TIME TRAVEL
 * DEBUGGING (TTD)`, a line of dashes), a copyright or a version line, but the first line that
 * reads as a sentence; the first non-empty line when none does.
 */
export function usefulLine(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const banner = (line: string) => !/\p{Ll}/u.test(line) && /\p{Lu}/u.test(line) && !/\p{Lo}/u.test(line);
  const boilerplate = (line: string) =>
    /^[-=*_\s]+$/.test(line) || /copyright|\(c\)|©|^version\b|^release:|^microsoft \(r\)|^microsoft\b.*\bversion\b|^(time|os):/i.test(line);
  const candidates = lines.filter((line) => !banner(line) && !boilerplate(line));
  // English-only tools (TTD) name the failure; a localized one's first sentence is the next best.
  return candidates.find((line) => /\b(error|failed|denied|cannot|could not|not found|invalid)\b/i.test(line)) ?? candidates[0] ?? lines[0] ?? '';
}

export const firstLine = (bytes: Buffer, decode: ToolDecoder = utf8) => usefulLine(decode(bytes));
