/**
 * Reads the zips `prt redact` is given (our bundles; Explorer's and Compress-Archive's zips too):
 * the central directory, then each entry on demand, stored or deflated. ZIP64 archives (a bundle
 * with a multi-gigabyte recording) are read through their ZIP64 records.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { badInput } from '../errors.js';

export interface ZipFileEntry {
  /** Path inside the archive, with `/`. */
  name: string;
  size: number;
  read: () => Buffer;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** Entries are read whole: text files of a bundle, never the recordings (left out unread). */
const maxEntryBytes = 512 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

export function readZip(path: string): ZipFileEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw badInput('NotAZip', `"${path}" is not a zip file (no end of central directory)`);
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryStart = tail.readUInt32LE(eocd + 16);
    if (directoryStart === MAX32 || count === 0xffff) {
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== EOCD64_LOCATOR) throw badInput('NotAZip', `"${path}": a ZIP64 archive without its locator`);
      const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryStart = Number(record.readBigUInt64LE(48));
    }
    const directory = readAt(fd, directoryStart, directorySize);
    const entries: ZipFileEntry[] = [];
    let offset = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(offset) !== CENTRAL) throw badInput('NotAZip', `"${path}": its central directory is damaged`);
      const method = directory.readUInt16LE(offset + 10);
      let compressed = directory.readUInt32LE(offset + 20);
      let uncompressed = directory.readUInt32LE(offset + 24);
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      let local = directory.readUInt32LE(offset + 42);
      const name = directory.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
      const extra = directory.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let field = e + 4;
          if (uncompressed === MAX32) {
            uncompressed = Number(extra.readBigUInt64LE(field));
            field += 8;
          }
          if (compressed === MAX32) {
            compressed = Number(extra.readBigUInt64LE(field));
            field += 8;
          }
          if (local === MAX32) local = Number(extra.readBigUInt64LE(field));
        }
        e += 4 + length;
      }
      offset += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      const read = () => {
        if (uncompressed > maxEntryBytes) throw badInput('ZipEntryTooLarge', `"${path}": ${name} is too large to redact`);
        const header = readAt(fd2(), local, 30);
        if (header.readUInt32LE(0) !== LOCAL) throw badInput('NotAZip', `"${path}": the entry ${name} is damaged`);
        const dataStart = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        const data = readAt(fd2(), dataStart, compressed);
        if (method === 0) return data;
        if (method === 8) return inflateRawSync(data);
        throw badInput('ZipMethod', `"${path}": ${name} uses a compression method prt cannot read (${method})`);
      };
      entries.push({ name, size: uncompressed, read });
    }
    // Entries are read after the directory: each read opens the file again.
    let reader: number | null = null;
    const fd2 = () => (reader ??= openSync(path, 'r'));
    return entries.map((entry) => ({
      ...entry,
      read: () => {
        try {
          return entry.read();
        } finally {
          if (reader !== null) closeSync(reader);
          reader = null;
        }
      },
    }));
  } finally {
    closeSync(fd);
  }
}
