import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { ExitCode, PrtError } from '../errors.js';

/**
 * Writes `--output FILE` so that a reader polling for FILE (the module, waiting on a scheduled
 * task) sees nothing or the whole document, never half of it: a temp file beside it, then rename.
 * Every failure names the file.
 */
export function writeOutputFile(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text, null, 'utf8');
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw outputError(path, error as NodeJS.ErrnoException);
  }
}

function outputError(path: string, error: NodeJS.ErrnoException): PrtError {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new PrtError('OutputFolderNotFound', `\`${path}\` cannot be written: its folder does not exist`, ExitCode.BadInput, 'InvalidArgument');
    case 'EISDIR':
      return new PrtError('OutputIsFolder', `\`${path}\` cannot be written: it is a folder`, ExitCode.BadInput, 'InvalidArgument');
    case 'EACCES':
    case 'EPERM':
      return new PrtError('OutputNotWritable', `\`${path}\` cannot be written: permission denied`, ExitCode.Environment, 'PermissionDenied');
    default:
      return new PrtError('OutputNotWritable', `\`${path}\` cannot be written: ${error.message}`, ExitCode.Environment, 'ResourceUnavailable');
  }
}
