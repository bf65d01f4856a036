import { fstatSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { isNodeError } from '../errors.js';

/**
 * stdout/stderr for the CLI. Node's process.stdout loads the whole streams machinery on first
 * use, about a sixth of a start-up; when the output goes to a pipe or a file (the module, a
 * script, a redirect) a synchronous write to the descriptor does the same job. A terminal gets
 * Node's own stream: on Windows only that one writes Unicode to the console correctly.
 */
export function outputStream(fd: 1 | 2, stream: NodeJS.WriteStream | (() => NodeJS.WriteStream)): Writable {
  if (isPipeOrFile(fd)) return directWriter(fd);
  return typeof stream === 'function' ? stream() : stream;
}

function isPipeOrFile(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    return stats.isFIFO() || stats.isFile() || stats.isSocket();
  } catch (error) {
    // A closed or invalid descriptor.
    if (isNodeError(error)) return false;
    throw error;
  }
}

/** The part of a Writable the CLI uses (clipanion and our presenters call write, read isTTY). */
function directWriter(fd: number): Writable {
  let closed = false;
  const writer = {
    isTTY: false,
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      if (!closed) closed = !writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      rest.find((arg): arg is () => void => typeof arg === 'function')?.();
      return true;
    },
  };
  return writer as unknown as Writable;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * writeSync until every byte is out. A full non-blocking pipe says EAGAIN: wait a moment and go
 * on. A reader that went away (`prt … | head`) says EPIPE: stop writing, as a stream would.
 */
function writeAll(fd: number, bytes: Uint8Array): boolean {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  return true;
}
