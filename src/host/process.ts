import { systemToolPath } from './system-tools.js';
import { ToolExitError, firstLine, toolNotFound, toolNotStarted, toolOutputTooLarge, toolTimedOut, type ToolDecoder } from './tool-errors.js';
import { isNodeError, type PrtError } from '../errors.js';

/** How long output may still arrive after the tool exited (a grandchild may hold its pipes open forever). */
const pipeDrainGraceMs = 1_000;

export interface ToolResult {
  stdout: Buffer;
  stderr: Buffer;
}

export interface RunToolOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** The working folder, for tools that write relative to it. */
  cwd?: string;
  /** Output beyond this is a failure, not a silent truncation. */
  maxOutputBytes?: number;
  /** How its output reads (the console's OEM code page), for the error message. */
  decode?: ToolDecoder;
}

/**
 * Runs a Windows tool by name, from its full path (systemToolPath), with an argument array and no shell. Resolves
 * on the process's exit rather than on its pipes closing, so a hung tool whose own children keep
 * the pipes open cannot hang us past the timeout.
 */
export async function runTool(name: string, args: readonly string[], options: RunToolOptions): Promise<ToolResult> {
  // Loaded here, not at start-up: most runs read a capture and never spawn anything.
  const { spawn } = await import('node:child_process');
  const maxOutputBytes = options.maxOutputBytes ?? 16 * 1024 * 1024;
  const commandLine = [name, ...args].join(' ');
  const path = systemToolPath(name, options.env ?? process.env);
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env: options.env, cwd: options.cwd, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let failure: PrtError | undefined;
    const stop = (error: PrtError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const collect = (chunks: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes) stop(toolOutputTooLarge(commandLine, maxOutputBytes));
      else chunks.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    const timer = setTimeout(() => {
      stop(toolTimedOut(commandLine, options.timeoutMs));
    }, options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? toolNotFound(name, path) : toolNotStarted(commandLine, error));
    });
    // Both pipes at their end: everything the tool wrote has been read.
    let pipesOpen = 2;
    let onPipesEnded: (() => void) | null = null;
    const pipeEnded = () => {
      pipesOpen--;
      if (pipesOpen === 0) onPipesEnded?.();
    };
    child.stdout.once('end', pipeEnded);
    child.stderr.once('end', pipeEnded);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the output drain to the end of the pipes, but do not wait long for pipes a grandchild may hold open.
      const drained = new Promise<void>((done) => {
        if (pipesOpen === 0) { done(); return; }
        onPipesEnded = done;
        setTimeout(done, pipeDrainGraceMs).unref();
      });
      void drained.then(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        if (failure) {
          reject(failure);
          return;
        }
        // Some tools (netsh) say why they failed on stdout: take stderr first, then stdout.
        if (code !== 0) {
          reject(new ToolExitError(commandLine, code, signal, firstLine(Buffer.concat(stderr), options.decode) || firstLine(Buffer.concat(stdout), options.decode)));
          return;
        }
        resolve({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
      });
    });
  });
}

/** Whether a process with this id exists (the trace lock and the lsass recorder). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; ESRCH: there is no such process.
    if (isNodeError(error, 'EPERM')) return true;
    if (isNodeError(error, 'ESRCH')) return false;
    throw error;
  }
}
