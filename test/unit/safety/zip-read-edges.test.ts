// The edges of reading a zip for `prt redact` (src/safety/zip-read.ts) that the mutation run of
// issue #12 found untested: what is not a zip file, entries prt cannot read, names that say
// nothing or too much, file types, the caps at their exact value, and damage in the directory.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { isBinaryName, readZip } from '../../../src/safety/zip-read.js';
import { failure, zipBytes } from './zip-helpers.js';

interface Entry {
  name: string | Buffer;
  /** The content; stored as is with method 0, deflated with 8, taken as the stored bytes otherwise. */
  data: Buffer;
  method?: number;
  /** General purpose flags (bit 0: encrypted); bit 11 (UTF-8 names) is always set. */
  flags?: number;
  /** The system that made the entry (3: Unix, 0: DOS/Windows) and its external attributes. */
  madeBy?: number;
  attributes?: number;
  /** The uncompressed size the headers declare, when not the data's (an encrypted entry's data has 12 bytes more). */
  size?: number;
}

/** A zip whose entries are deflated unless `method` says otherwise, made on Unix unless `madeBy` says otherwise. */
function zipOf(entries: Entry[]): Buffer {
  return zipBytes(
    entries.map((entry) => {
      const method = entry.method ?? 8;
      return {
        name: entry.name,
        stored: method === 8 ? deflateRawSync(entry.data) : entry.data,
        method,
        crc: crc32(entry.data),
        size: entry.size ?? entry.data.length,
        flags: 0x800 | (entry.flags ?? 0),
        madeBy: entry.madeBy ?? 3,
        attributes: entry.attributes ?? (0o100644 << 16) >>> 0,
      };
    }),
  );
}

const text = (name: string | Buffer, content: string, more: Partial<Entry> = {}): Entry => ({ name, data: Buffer.from(content, 'utf8'), ...more });
const unixMode = (mode: number) => (mode << 16) >>> 0;

const work = mkdtempSync(join(tmpdir(), 'prt-zip-edges-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const write = (bytes: Buffer) => {
  const path = join(work, `z${++count}.zip`);
  writeFileSync(path, bytes);
  return path;
};
const contents = async (path: string, wanted: (name: string) => boolean = () => true) =>
  (await readZip(path, wanted)).map((entry) => [entry.name, entry.size, entry.data?.toString('utf8') ?? null]);

describe('what readZip opens', () => {
  it('refuses a path that does not exist and a folder, naming them', async () => {
    const missing = await failure(readZip(join(work, 'missing.zip'), () => true));
    expect(missing.id).toBe('FileNotFound');
    expect(missing.message).toContain(join(work, 'missing.zip'));
    const folder = join(work, 'folder.zip');
    mkdirSync(folder);
    const notFile = await failure(readZip(folder, () => true));
    expect(notFile).toMatchObject({ id: 'NotARegularFile', message: `\`${folder}\` is not a regular file` });
  });

  it('tells binary names from text names by their last extension only', () => {
    expect(['trace.ETL', 'b/events.evtx', 'lsass.dmp', 'net.pcapng'].map(isBinaryName)).toEqual([true, true, true, true]);
    expect(['report.bin.txt', 'notes.zip.md', 'dmp.json', 'etl'].map(isBinaryName)).toEqual([false, false, false, false]);
  });
});

describe('the entries readZip reads', () => {
  it('reads stored and deflated entries, and lists an entry it cannot read when it is not wanted', async () => {
    const path = write(zipOf([text('b/a.txt', 'stored', { method: 0 }), text('b/b.txt', 'deflated'), text('b/locked.txt', 'x'.repeat(13), { flags: 1, method: 0, size: 1 }), text('b/odd.bin', 'x', { method: 12 })]));
    expect(await contents(path, (name) => name.endsWith('.txt') && !name.includes('locked'))).toEqual([
      ['b/a.txt', 6, 'stored'],
      ['b/b.txt', 8, 'deflated'],
      ['b/locked.txt', 1, null],
      ['b/odd.bin', 1, null],
    ]);
  });

  it('refuses a wanted entry that is encrypted, or compressed with a method other than stored or deflate', async () => {
    const locked = await failure(readZip(write(zipOf([text('b/locked.txt', 'x'.repeat(13), { flags: 1, method: 0, size: 1 })])), () => true));
    expect(locked).toMatchObject({ id: 'ZipEntryEncrypted' });
    expect(locked.message).toContain('the entry "b/locked.txt" is encrypted');
    const bzip2 = await failure(readZip(write(zipOf([text('b/odd.txt', 'x', { method: 12 })])), () => true));
    expect(bzip2).toMatchObject({ id: 'ZipMethod' });
    expect(bzip2.message).toContain('the entry "b/odd.txt" uses a compression method prt cannot read (12)');
  });

  it('reads a zip of exactly as many entries and bytes as the caps allow, and says the caps in MiB when over', async () => {
    const mib = 1024 * 1024;
    const full = { maxEntries: 2, maxEntryBytes: 3 * mib, maxTotalBytes: 5 * mib };
    const path = write(zipOf([{ name: 'a.xml', data: Buffer.alloc(3 * mib, 0x61) }, { name: 'b.xml', data: Buffer.alloc(2 * mib, 0x62) }]));
    expect((await readZip(path, () => true, full)).map((entry) => entry.data?.length)).toEqual([3 * mib, 2 * mib]);
    const entries = await failure(readZip(path, () => true, { ...full, maxEntries: 1 }));
    expect(entries.message).toContain('holds 2 entries, more than the 1 prt reads');
    const entry = await failure(readZip(path, () => true, { ...full, maxEntryBytes: 3 * mib - 1 }));
    expect(entry.message).toContain('inflates to more than 3 MiB');
    const total = await failure(readZip(path, () => true, { ...full, maxTotalBytes: 5 * mib - 1 }));
    expect(total.message).toContain('its entries inflate to more than 5 MiB');
  });

  it('refuses an entry whose declared size passes the total cap before inflating any of it', async () => {
    // The second entry's data is not deflate at all: inflating it would fail as damage instead.
    const path = write(zipOf([text('a.txt', 'hello'), { name: 'b.txt', data: Buffer.from('not deflate at all'), method: 8, size: 100 }]));
    const error = await failure(readZip(path, () => true, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 50 }));
    expect(error.id).toBe('ZipTooLarge');
    expect(error.message).toContain('"b.txt"');
  });

  it('closes the zip after reading it, and after refusing it', async () => {
    // The zips this process still holds open: /proc/self/fd has a link per descriptor (the unit
    // tests run on Linux); only those into this test's folder count, other descriptors come and go.
    const openZips = () =>
      readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
            throw error;
          }
        })
        .filter((target) => target.startsWith(realpathSync(work)));
    const good = write(zipOf([text('a.txt', 'one'), text('b.txt', 'two')]));
    const bad = write(zipOf([text('ok.txt', 'fine'), text('../evil.txt', 'x')]));
    await readZip(good, () => true);
    await readZip(bad, () => true).catch((error: unknown) => {
      if (!(error instanceof PrtError)) throw error;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openZips()).toEqual([]);
  });

  it('reads twenty entries without piling up listeners on the zip', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const path = write(zipOf(Array.from({ length: 20 }, (_, i) => text(`f${i}.txt`, `file ${i}`))));
      expect(await contents(path)).toHaveLength(20);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});

describe('the names and types of entries', () => {
  it.each([
    ['an empty name', Buffer.alloc(0)],
    ['a name with a NUL in it', Buffer.from('bundle/a\0.txt')],
  ])('refuses %s as having no usable name', async (_, name) => {
    const error = await failure(readZip(write(zipOf([text('ok.txt', 'fine'), text(name, 'x')])), () => true));
    expect(error.id).toBe('UnsafeZipEntry');
    expect(error.message).toContain('has no usable name');
  });

  it('quotes a long unsafe name to its first 200 characters, and a name of 200 whole', async () => {
    const long = `../${'a'.repeat(297)}`;
    const cut = await failure(readZip(write(zipOf([text(long, 'x')])), () => true));
    expect(cut.message).toContain(`"${long.slice(0, 200)}…"`);
    expect(cut.message).not.toContain(long.slice(0, 201));
    const exact = `../${'b'.repeat(197)}`;
    const whole = await failure(readZip(write(zipOf([text(exact, 'x')])), () => true));
    expect(whole.message).toContain(`"${exact}"`);
    expect(whole.message).not.toContain('…');
  });

  it('reads a name with a colon inside it, which only names a drive at its start', async () => {
    expect(await contents(write(zipOf([text('bundle/AAD:Operational.txt', 'x')])))).toEqual([['bundle/AAD:Operational.txt', 1, 'x']]);
  });

  it('refuses a FIFO or a device made on Unix, and reads a folder, a file without type bits and an entry made on Windows', async () => {
    for (const mode of [0o010644, 0o020644, 0o060644, 0o140644]) {
      const error = await failure(readZip(write(zipOf([text('bundle/special', 'x', { attributes: unixMode(mode) })])), () => true));
      expect(error.message).toContain('"bundle/special" is a special file (device, FIFO or socket)');
    }
    const path = write(
      zipOf([
        text('bundle/', '', { method: 0, attributes: unixMode(0o040755) }),
        text('bundle/plain.txt', 'plain', { attributes: 0 }),
        // Made on Windows: the high half of its attributes is no Unix mode, whatever it holds.
        text('bundle/windows.txt', 'windows', { madeBy: 0, attributes: (unixMode(0o120777) | 0x20) >>> 0 }),
        text('bundle/folder-typed', 'x', { attributes: unixMode(0o040755) }),
      ]),
    );
    expect(await contents(path)).toEqual([
      ['bundle/plain.txt', 5, 'plain'],
      ['bundle/windows.txt', 7, 'windows'],
      ['bundle/folder-typed', 1, 'x'],
    ]);
  });
});

describe('damage', () => {
  it('names a damaged directory record without naming an entry, and says it is not cut off when it is not', async () => {
    const bytes = zipOf([text('a.txt', 'one'), text('b.txt', 'two')]);
    const second = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 4);
    bytes.writeUInt32LE(0x12345678, second);
    const error = await failure(readZip(write(bytes), () => true));
    expect(error.id).toBe('ZipDamaged');
    expect(error.message).toMatch(/is damaged or cut off: .*central directory/);
    expect(error.message).not.toContain('(in the entry');
  });

  it('names the entry whose local header is damaged', async () => {
    const bytes = zipOf([text('a.txt', 'one')]);
    bytes.writeUInt32LE(0x12345678, 0);
    const error = await failure(readZip(write(bytes), () => true));
    expect(error.id).toBe('ZipDamaged');
    expect(error.message).toMatch(/\(in the entry "a\.txt"\): invalid local file header signature/);
  });
});
