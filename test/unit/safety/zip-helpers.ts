// The tests of reading hostile and odd zips: one zip writer (every header field is given, so a
// test can make the local header, the central directory and the end record say what it needs),
// and the bad-input error a refused zip must give.
import { expect } from 'vitest';
import { PrtError } from '../../../src/errors.js';

export interface ZipEntryBytes {
  name: string | Buffer;
  /** The bytes as stored (already deflated when `method` is 8). */
  stored: Buffer;
  method: number;
  /** The CRC and uncompressed size the headers declare. */
  crc: number;
  size: number;
  /** General purpose flags (bit 0: encrypted, bit 11: UTF-8 names). */
  flags: number;
  /** The system that made the entry (3: Unix, 0: DOS/Windows) and its external attributes. */
  madeBy: number;
  attributes: number;
}

/** The zip of `entries`, byte by byte, in order, with no comment. */
export function zipBytes(entries: ZipEntryBytes[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((entry.madeBy << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.attributes, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.stored);
    centrals.push(central, name);
    offset += 30 + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The error `promise` fails with, which must be a bad-input PrtError (exit 3). */
export async function failure(promise: Promise<unknown>): Promise<PrtError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PrtError);
  const prt = error as PrtError;
  expect(prt.exitCode).toBe(3);
  return prt;
}
