import { systemToolPath } from './system-tools.js';
import { ToolExitError, firstLine, toolNotFound, toolNotStarted, toolTimedOut } from './tool-errors.js';

export interface StreamToolOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a Windows tool by name (from its full path, argument array, no shell) and yields its stdout as it
 * arrives, so a large event log is never held whole. A non-zero exit or a timeout ends the
 * iteration with the same errors as runTool.
 */
export async function* streamTool(name: string, args: readonly string[], options: StreamToolOptions): AsyncGenerator<Uint8Array> {
  const { spawn } = await import('node:child_process');
  const commandLine = [name, ...args].join(' ');
  const path = systemToolPath(name, options.env ?? process.env);
  const child = spawn(path, args, { env: options.env, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 64) stderr.push(chunk);
  });
  // An object, not a boolean: the timer sets it while the loop below waits.
  const timeout = { hit: false };
  const timer = setTimeout(() => {
    timeout.hit = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ code: null, signal: null, error });
    });
    child.on('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
    const { code, signal, error } = await exited;
    if (error) throw error.code === 'ENOENT' ? toolNotFound(name, path) : toolNotStarted(commandLine, error);
    if (timeout.hit) throw toolTimedOut(commandLine, options.timeoutMs);
    if (code !== 0) throw new ToolExitError(commandLine, code, signal, firstLine(Buffer.concat(stderr)));
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
