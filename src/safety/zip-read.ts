/**
 * Reads the zips `prt redact` is given (our bundles; Explorer's and Compress-Archive's zips too)
 * with yauzl, one entry at a time, each streamed through inflate. A zip is input an attacker can
 * shape, so before anything is inflated its entries are checked — how many, where they would
 * land (no absolute path, no `..`, no link or device), how large they say they are — and while
 * an entry streams its bytes are counted against the same caps, so a zip bomb stops at the cap
 * whatever its headers claim (yauzl also fails an entry that inflates past its declared size).
 * Every failure is a bad-input error naming the zip and the entry (exit 3).
 */
import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { badInput, PrtError } from '../errors.js';
import { inputError } from '../host/files.js';

export interface ZipFileEntry {
  /** Path inside the archive, with `/`. */
  name: string;
  /** Uncompressed size, as the archive declares it. */
  size: number;
  /** The content; null for an entry that was not wanted (left unread). */
  data: Buffer | null;
}

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry that is read. */
  maxEntryBytes: number;
  /** Most uncompressed bytes read from one zip, all entries together. */
  maxTotalBytes: number;
}

/** A bundle holds a few dozen files; its text files are megabytes, its recordings are never read. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };

/** Traces, dumps and binary logs: listed, never read as text. */
export const isBinaryName = (name: string) => /\.(etl|evtx|run|idx|cab|zip|dmp|pcap|pcapng|bin|exe|dll|sys)$/i.test(name);

const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;

/**
 * Every file entry of the zip at `path`, in archive order; the content of those `wanted` accepts
 * is read (inflated), the others are listed only. Folders are skipped.
 */
export async function readZip(path: string, wanted: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): Promise<ZipFileEntry[]> {
  // yauzl opens what it is given: a FIFO would block it, a device would never end.
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    throw inputError(path, error as NodeJS.ErrnoException);
  }
  if (!isFile) throw badInput('NotARegularFile', `\`${path}\` is not a regular file`);
  const zip = await openZip(path);
  try {
    if (zip.entryCount > limits.maxEntries) throw badInput('ZipTooManyEntries', `\`${path}\` holds ${zip.entryCount} entries, more than the ${limits.maxEntries} prt reads from one zip`);
    const entries: ZipFileEntry[] = [];
    let total = 0;
    for (let entry = await nextEntry(zip, path); entry !== null; entry = await nextEntry(zip, path)) {
      const name = checkedName(path, entry);
      if (name.endsWith('/')) continue;
      if (!wanted(name)) {
        entries.push({ name, size: entry.uncompressedSize, data: null });
        continue;
      }
      if (entry.isEncrypted()) throw badInput('ZipEntryEncrypted', `\`${path}\`: the entry "${name}" is encrypted`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw badInput('ZipMethod', `\`${path}\`: the entry "${name}" uses a compression method prt cannot read (${entry.compressionMethod})`);
      }
      if (entry.uncompressedSize > limits.maxEntryBytes) throw tooLarge(path, name, limits);
      if (total + entry.uncompressedSize > limits.maxTotalBytes) throw tooMuch(path, name, limits);
      const data = await readEntry(zip, entry, path, name, limits, total);
      total += data.length;
      entries.push({ name, size: entry.uncompressedSize, data });
    }
    return entries;
  } finally {
    zip.close();
  }
}

const tooLarge = (path: string, name: string, limits: ZipLimits) =>
  badInput('ZipEntryTooLarge', `\`${path}\`: the entry "${name}" inflates to more than ${mib(limits.maxEntryBytes)}, more than prt reads from one entry (a zip bomb, or not a bundle)`);
const tooMuch = (path: string, name: string, limits: ZipLimits) =>
  badInput('ZipTooLarge', `\`${path}\`: with the entry "${name}" its entries inflate to more than ${mib(limits.maxTotalBytes)}, more than prt reads from one zip (a zip bomb, or not a bundle)`);

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error) {
        reject(zipError(path, null, error));
        return;
      }
      // An error while no entry is awaited (yauzl emits it once) is kept for the next one:
      // unheard, an 'error' event would end prt with a stack trace.
      zip.on('error', (late: Error) => {
        if (!lateErrors.has(zip)) lateErrors.set(zip, late);
      });
      resolve(zip);
    });
  });
}

/** The next entry's header, or null at the end. */
const lateErrors = new WeakMap<ZipFile, Error>();

function nextEntry(zip: ZipFile, path: string): Promise<Entry | null> {
  const late = lateErrors.get(zip);
  if (late) return Promise.reject(zipError(path, null, late));
  return new Promise((resolve, reject) => {
    const settle = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      settle();
      resolve(entry);
    };
    const onEnd = () => {
      settle();
      resolve(null);
    };
    const onError = (error: Error) => {
      settle();
      reject(zipError(path, null, error));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** The entry's name as the archive spells it, refused when it would land outside the target. */
function checkedName(path: string, entry: Entry): string {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  const shown = JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
  const unsafe = (why: string) => badInput('UnsafeZipEntry', `\`${path}\`: the entry ${shown} ${why}; prt uses nothing from such a zip`);
  if (name === '' || name.includes('\0')) throw unsafe('has no usable name');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe('is an absolute path');
  if (name.split('/').some((part) => part === '..')) throw unsafe('climbs out of its folder (..)');
  // Unix modes live in the high half of the external attributes of entries made on Unix (3).
  const type = entry.versionMadeBy >> 8 === 3 ? (entry.externalFileAttributes >>> 16) & 0o170000 : 0;
  if (type === 0o120000) throw unsafe('is a symbolic link');
  if (type !== 0 && type !== 0o100000 && type !== 0o040000) throw unsafe('is a special file (device, FIFO or socket)');
  return name;
}

/** The entry inflated, counted against the caps as it streams. */
async function readEntry(zip: ZipFile, entry: Entry, path: string, name: string, limits: ZipLimits, before: number): Promise<Buffer> {
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, readable) => {
      if (error) reject(zipError(path, name, error));
      else resolve(readable);
    });
  });
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      if (bytes > limits.maxEntryBytes) throw tooLarge(path, name, limits);
      if (before + bytes > limits.maxTotalBytes) throw tooMuch(path, name, limits);
      chunks.push(buffer);
    }
  } catch (error) {
    stream.destroy();
    throw zipError(path, name, error);
  }
  return Buffer.concat(chunks, bytes);
}

/** yauzl's and zlib's failures (a damaged, truncated or foreign file) as bad input naming the zip. */
function zipError(path: string, name: string | null, error: unknown): PrtError {
  if (error instanceof PrtError) return error;
  if (!(error instanceof Error)) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return inputError(path, error);
  const detail = error.message.split('\n')[0]?.slice(0, 200) ?? '';
  if (name === null && /end of central directory record signature not found/i.test(detail)) {
    return badInput('NotAZip', `\`${path}\` is not a zip file, or it is cut off (it has no end of central directory)`);
  }
  const declared = /too many bytes in the stream\. expected (\d+)/.exec(detail);
  if (name !== null && declared) {
    return badInput('ZipEntryTooLarge', `\`${path}\`: the entry "${name}" inflates to more than the ${declared[1] ?? 'declared'} bytes its header declares (a zip bomb, or a damaged zip)`);
  }
  const where = name === null ? '' : ` (in the entry "${name}")`;
  return badInput('ZipDamaged', `\`${path}\` is damaged or cut off${where}: ${detail}`);
}
