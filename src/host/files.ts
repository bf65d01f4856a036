import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ExitCode, PrtError, badInput } from '../errors.js';

/** `-` names standard input, as in most command-line tools. */
export const stdinName = '-';

/** Not defined on Windows; opening a FIFO there is not a hang to guard against. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- @types/node says number, Windows has none
const nonBlocking = constants.O_NONBLOCK ?? 0;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Opens a file a user named for reading, refusing anything but a regular file BEFORE a byte is
 * read: a FIFO without a writer would block forever, `/dev/zero` never ends, a socket is not a
 * file. The open does not block (O_NONBLOCK) and the check is on the opened descriptor, so the
 * name cannot be swapped between the check and the read. `-` is standard input.
 */
export function openInputFile(path: string): { fd: number; stats: Stats; close: () => void } {
  if (path === stdinName) return { fd: 0, stats: fstatSync(0), close: () => {} };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | nonBlocking);
  } catch (error) {
    throw inputError(path, error as NodeJS.ErrnoException);
  }
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw inputError(path, error as NodeJS.ErrnoException);
  }
  const kind = stats.isFile() ? null : stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a regular file';
  if (kind !== null) {
    closeSync(fd);
    throw badInput(kind === 'a folder' ? 'NotAFile' : 'NotARegularFile', `\`${path}\` is ${kind}, not a file; give a saved file, or \`-\` to read standard input`);
  }
  return { fd, stats, close: () => {
    closeSync(fd);
  } };
}

/**
 * Reads a capture a user sent (or `-`, standard input), at most `maxBytes`: the cap holds while
 * reading, whatever the file's size claims. Every failure names the file and says what is wrong.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = openInputFile(path);
  try {
    // Synchronous on purpose: one small file, and node:fs/promises would cost start-up time.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const read = readSome(file.fd, chunk, path);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw badInput('FileTooLarge', `\`${path}\` is larger than ${maxBytes} bytes; a capture of this kind never is`);
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } finally {
    file.close();
  }
}

/** One read; a non-blocking standard input that has nothing yet says EAGAIN: wait a moment. */
function readSome(fd: number, buffer: Buffer, path: string): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') return 0;
      throw inputError(path, error as NodeJS.ErrnoException);
    }
  }
}

/**
 * 64 KiB: its decoded text is a young-generation string. From 128 KiB up every chunk's string is a
 * large object that V8 maps and unmaps one by one, which tripled the CPU time of reading a
 * gigabyte log (scripts/bench/aad-heavy.mjs).
 */
const INPUT_CHUNK_BYTES = 64 * 1024;

/** The bytes of a regular file (or standard input) as a stream of chunks, checked as openInputFile does. */
export async function* readInputChunks(path: string, chunkBytes = INPUT_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const file = openInputFile(path);
  try {
    if (path === stdinName) {
      for await (const chunk of process.stdin) yield chunk as Buffer;
      return;
    }
    // A regular file (openInputFile checked): read synchronously, which costs a third of what a
    // stream's thread-pool round trip per chunk costs; the event loop gets a turn every megabyte,
    // so timers, signals and a dashboard stay alive while a large log is read.
    for (let n = 1; ; n++) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const read = readSome(file.fd, chunk, path);
      if (read === 0) return;
      yield chunk.subarray(0, read);
      if (n % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    file.close();
  }
}

export function inputError(path: string, error: NodeJS.ErrnoException): PrtError {
  if (error instanceof PrtError) return error;
  switch (error.code) {
    case 'ENOENT':
      return badInput('FileNotFound', `\`${path}\` does not exist`);
    case 'EISDIR':
      return badInput('NotAFile', `\`${path}\` is a folder, not a file`);
    case 'EACCES':
    case 'EPERM':
      return new PrtError('FileNotReadable', `\`${path}\` cannot be read: permission denied`, ExitCode.BadInput, 'PermissionDenied');
    case 'ENXIO':
      // A Unix socket cannot be opened as a file at all.
      return badInput('NotARegularFile', `\`${path}\` is a socket or another special file, not a regular file`);
    default:
      return badInput('FileNotReadable', `\`${path}\` cannot be read: ${error.message}`);
  }
}
