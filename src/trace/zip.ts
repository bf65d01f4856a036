import { writeSync } from 'node:fs';
import { ZipFile } from 'yazl';
import { openTempBeside } from '../host/write-file.js';

/**
 * Writes the trace bundle's zip with yazl (streaming deflate, UTF-8 names, ZIP64 where sizes need
 * it): a network trace or an lsass recording can be gigabytes, so nothing is held in memory and no
 * external tool is needed. Windows Explorer, Expand-Archive and unzip read what it writes.
 */
export interface ZipEntry {
  /** Path inside the archive, with `/`. */
  name: string;
  /** File on disk. */
  source: string;
}

// unzip extracts entries as 0600: the bundle can hold secrets. Windows ignores the mode.
const ownerOnly = 0o100600;

export async function writeZip(target: string, entries: readonly ZipEntry[]): Promise<void> {
  // Written through the one safe writer's temp file: created exclusively, renamed over a regular file only.
  const file = openTempBeside(target);
  try {
    const zip = new ZipFile();
    const written = new Promise<void>((resolve, reject) => {
      const output = zip.outputStream;
      output.on('data', (chunk: Buffer) => {
        try {
          for (let done = 0; done < chunk.length; ) done += writeSync(file.fd, chunk, done, chunk.length - done);
        } catch (error) {
          (output as NodeJS.ReadableStream & { destroy(error: Error): void }).destroy(error as Error);
        }
      });
      output.on('end', resolve);
      output.on('error', reject);
      // yazl reports a file it cannot read on the ZipFile, not on its output stream.
      zip.on('error', reject);
    });
    for (const entry of entries) zip.addFile(entry.source, entry.name, { mode: ownerOnly });
    zip.end();
    await written;
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}
