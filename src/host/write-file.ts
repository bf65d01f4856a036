// The one way prt writes a file (`--output`, the trace state and lock, bundle files, the simulated
// device): below every user, so no layer reaches up for it.
import { closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ExitCode, PrtError } from '../errors.js';

/** Not defined on Windows, where there is no such attack through these names: 0 adds nothing. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- @types/node says number, Windows has none
const noFollow = constants.O_NOFOLLOW ?? 0;

/** Flags of a file that must be new: created here, never an existing name or a planted link. */
export const createNewFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow;

export interface WriteFileOptions {
  /** Wait for the disk too, so a power cut cannot lose it (the trace state says what to undo). */
  durable?: boolean;
  /** Permission bits of a new file (POSIX; before the umask): 0o600 for what only its owner may read. */
  mode?: number;
}

/**
 * Writes `path` whole or not at all, safely in a folder others can write to: the bytes go to a
 * fresh temp file with a random name, created exclusively and without following links, in the
 * target's folder; then it is renamed over the target. The target must be a regular file or not
 * exist: a device (`/dev/full`), a FIFO, a folder or a symbolic link is refused (exit 3), since
 * renaming over it would replace the node itself and writing through it would go elsewhere.
 */
export function writeFileSafely(path: string, data: string | Uint8Array, options: WriteFileOptions = {}): void {
  const file = openTempBeside(path, options.mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(file.fd, bytes, offset, bytes.length - offset);
    if (options.durable) fsyncSync(file.fd);
  } catch (error) {
    file.abandon();
    throw outputError(path, error as NodeJS.ErrnoException);
  }
  file.commit();
}

/** A temp file being filled for `path`: `commit` renames it over the target, `abandon` removes it. */
export interface PendingFile {
  readonly fd: number;
  commit(): void;
  abandon(): void;
}

/** The temp file writeFileSafely fills, for writers that stream (the bundle's zip). */
export function openTempBeside(path: string, mode = 0o666): PendingFile {
  refuseNonRegularTarget(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, createNewFlags, mode);
  } catch (error) {
    throw outputError(path, error as NodeJS.ErrnoException);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    commit() {
      try {
        close();
        // Looked at again just before the rename: the name may have been replaced meanwhile.
        refuseNonRegularTarget(path);
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        if (error instanceof PrtError) throw error;
        throw outputError(path, error as NodeJS.ErrnoException);
      }
    },
    abandon() {
      try {
        close();
      } finally {
        rmSync(temp, { force: true });
      }
    },
  };
}

/** What kind of node `path` is, when it exists and is not a regular file. */
export function nonRegularKind(path: string): string | null {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw outputError(path, error as NodeJS.ErrnoException);
  }
  if (stats.isFile()) return null;
  if (stats.isSymbolicLink()) return 'a symbolic link (give the path it points to, if that is what you mean)';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function refuseNonRegularTarget(path: string): void {
  const kind = nonRegularKind(path);
  if (kind === 'a folder') throw new PrtError('OutputIsFolder', `\`${path}\` cannot be written: it is a folder`, ExitCode.BadInput, 'InvalidArgument');
  if (kind !== null) throw new PrtError('OutputNotRegularFile', `\`${path}\` cannot be written: it is ${kind}; prt writes only regular files`, ExitCode.BadInput, 'InvalidArgument');
}

/** Every failure to write names the file. */
export function outputError(path: string, error: NodeJS.ErrnoException): PrtError {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new PrtError('OutputFolderNotFound', `\`${path}\` cannot be written: its folder does not exist`, ExitCode.BadInput, 'InvalidArgument');
    case 'EISDIR':
      return new PrtError('OutputIsFolder', `\`${path}\` cannot be written: it is a folder`, ExitCode.BadInput, 'InvalidArgument');
    case 'ELOOP':
      return new PrtError('OutputNotRegularFile', `\`${path}\` cannot be written: a symbolic link is in the way`, ExitCode.BadInput, 'InvalidArgument');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new PrtError('OutputNotWritable', `\`${path}\` cannot be written: permission denied`, ExitCode.Environment, 'PermissionDenied');
    default:
      return new PrtError('OutputNotWritable', `\`${path}\` cannot be written: ${error.message}`, ExitCode.Environment, 'ResourceUnavailable');
  }
}
