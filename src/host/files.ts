import { readFileSync, statSync } from 'node:fs';
import { ExitCode, PrtError, badInput } from '../errors.js';

/** Reads a capture a user sent; every failure names the file and says what is wrong. */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    // Synchronous on purpose: one small file, and node:fs/promises would cost start-up time.
    const info = statSync(path);
    if (info.isDirectory()) throw badInput('NotAFile', `\`${path}\` is a folder, not a file`);
    if (info.size > maxBytes) throw badInput('FileTooLarge', `\`${path}\` is ${info.size} bytes; a capture of this kind is never larger than ${maxBytes} bytes`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof PrtError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw badInput('FileNotFound', `\`${path}\` does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new PrtError('FileNotReadable', `\`${path}\` cannot be read: permission denied`, ExitCode.BadInput, 'PermissionDenied');
    throw badInput('FileNotReadable', `\`${path}\` cannot be read: ${(error as Error).message}`);
  }
}
