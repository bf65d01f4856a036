import { createReadStream, statSync, writeSync } from 'node:fs';
import { openTempBeside } from '../host/write-file.js';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A streaming ZIP writer (deflate, UTF-8 names, ZIP64 where sizes need it) for the trace bundle:
 * a network trace or an lsass recording can be gigabytes, so nothing is held in memory and no
 * external tool is needed. Windows Explorer, Expand-Archive and unzip read what it writes.
 */
export interface ZipEntry {
  /** Path inside the archive, with `/`. */
  name: string;
  /** File on disk. */
  source: string;
}

const u16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
};
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};
const u64 = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
};

const max32 = 0xffffffff;
const zip64Threshold = 0xffff0000; // leaves room for deflate growing an incompressible file

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(date.getFullYear(), 1980);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  zip64: boolean;
  time: { time: number; date: number };
}

export async function writeZip(target: string, entries: readonly ZipEntry[]): Promise<void> {
  const file = openTempBeside(target);
  const fd = file.fd;
  let position = 0;
  const write = (...parts: Buffer[]) => {
    for (const part of parts) {
      let done = 0;
      while (done < part.length) done += writeSync(fd, part, done, part.length - done);
      position += part.length;
    }
  };
  const written: Written[] = [];
  try {
    for (const entry of entries) {
      const info = statSync(entry.source);
      const name = Buffer.from(entry.name, 'utf8');
      const zip64 = info.size >= zip64Threshold;
      const time = dosTime(info.mtime);
      const offset = position;
      // Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
      const flags = 0x0008 | 0x0800;
      const extra = zip64 ? Buffer.concat([u16(0x0001), u16(16), u64(0), u64(0)]) : Buffer.alloc(0);
      write(
        u32(0x04034b50),
        u16(zip64 ? 45 : 20),
        u16(flags),
        u16(8),
        u16(time.time),
        u16(time.date),
        u32(0),
        u32(zip64 ? max32 : 0),
        u32(zip64 ? max32 : 0),
        u16(name.length),
        u16(extra.length),
        name,
        extra,
      );
      let crc = 0;
      let size = 0;
      let compressed = 0;
      await new Promise<void>((resolve, reject) => {
        const deflate = createDeflateRaw({ level: 6 });
        const input = createReadStream(entry.source);
        input.on('data', (chunk) => {
          const bytes = chunk as Buffer;
          crc = crc32(bytes, crc);
          size += bytes.length;
          if (!deflate.write(bytes)) input.pause();
        });
        deflate.on('drain', () => input.resume());
        input.on('end', () => deflate.end());
        input.on('error', reject);
        deflate.on('data', (chunk: Buffer) => {
          compressed += chunk.length;
          write(chunk);
        });
        deflate.on('end', resolve);
        deflate.on('error', reject);
      });
      write(u32(0x08074b50), u32(crc), ...(zip64 ? [u64(compressed), u64(size)] : [u32(compressed), u32(size)]));
      written.push({ name, crc, compressed, size, offset, zip64: zip64 || offset >= max32, time });
    }

    const directoryStart = position;
    for (const item of written) {
      const bigSizes = item.size >= zip64Threshold;
      const bigOffset = item.offset >= max32;
      const fields = [...(bigSizes ? [u64(item.size), u64(item.compressed)] : []), ...(bigOffset ? [u64(item.offset)] : [])];
      const extra = fields.length > 0 ? Buffer.concat([u16(0x0001), u16(fields.length * 8), ...fields]) : Buffer.alloc(0);
      write(
        u32(0x02014b50),
        // Made by "Unix": unzip then trusts the UTF-8 flag instead of converting from an OEM code
        // page, and extracts files as 0600 (the bundle can hold secrets). Windows ignores both.
        u16(0x0300 | (item.zip64 ? 45 : 20)),
        u16(item.zip64 ? 45 : 20),
        u16(0x0808),
        u16(8),
        u16(item.time.time),
        u16(item.time.date),
        u32(item.crc),
        u32(bigSizes ? max32 : item.compressed),
        u32(bigSizes ? max32 : item.size),
        u16(item.name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32((0o100600 << 16) >>> 0),
        u32(bigOffset ? max32 : item.offset),
        item.name,
        extra,
      );
    }
    const directorySize = position - directoryStart;
    const needZip64 = written.length > 0xfffe || directoryStart >= max32 || directorySize >= max32;
    if (needZip64) {
      const record = position;
      write(u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(written.length), u64(written.length), u64(directorySize), u64(directoryStart));
      write(u32(0x07064b50), u32(0), u64(record), u32(1));
    }
    write(
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(needZip64 ? 0xffff : written.length),
      u16(needZip64 ? 0xffff : written.length),
      u32(needZip64 ? max32 : directorySize),
      u32(needZip64 ? max32 : directoryStart),
      u16(0),
    );
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}
