// Hostile zips given to `prt redact`: each is a clear bad-input error naming the zip (and the
// entry), never a stack trace, and nothing is inflated past the caps whatever the headers say.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip, ZIP_LIMITS } from '../../../src/safety/zip-read.js';
import { runInMemory, scriptedHost } from '../cli/harness.js';
import { failure, zipBytes } from './zip-helpers.js';

interface RawEntry {
  name: string;
  /** The bytes as stored (already deflated when `method` is 8). */
  stored: Buffer;
  method?: 0 | 8;
  /** The uncompressed size and CRC the headers declare. */
  size: number;
  crc?: number;
  /** Unix mode, written as made on Unix. */
  mode?: number;
}

/** A zip made on Unix whose headers say whatever a hostile zip says. */
function zipOf(entries: RawEntry[]): Buffer {
  return zipBytes(
    entries.map((entry) => ({
      name: entry.name,
      stored: entry.stored,
      method: entry.method ?? 0,
      crc: entry.crc ?? 0,
      size: entry.size,
      flags: 0x800,
      madeBy: 3,
      attributes: ((entry.mode ?? 0o100644) << 16) >>> 0,
    })),
  );
}

const textEntry = (name: string, text: string, mode?: number): RawEntry => {
  const bytes = Buffer.from(text, 'utf8');
  return { name, stored: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes), mode };
};

/** `mib` MiB of zeros, deflated as a stream (about 1 KB per MiB), never held inflated. */
async function zeros(mib: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prt-zip-read-'));
});
afterAll(() => { if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); });

const write = (name: string, bytes: Buffer) => {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
};

describe('reading a zip', () => {
  it('reads the wanted entries and lists the others unread', async () => {
    const path = write('good.zip', zipOf([textEntry('b/report.txt', 'hello'), { name: 'b/net.etl', stored: Buffer.from('xx'), size: 2 }, textEntry('b/', '')]));
    const entries = await readZip(path, (name) => name.endsWith('.txt'));
    expect(entries.map((entry) => [entry.name, entry.data?.toString('utf8') ?? null])).toEqual([
      ['b/report.txt', 'hello'],
      ['b/net.etl', null],
    ]);
  });

  it('a zip bomb whose header lies stops at its declared size: bounded memory, the entry named', async () => {
    const path = write('bomb.zip', zipOf([{ name: 'bundle/events.xml', stored: await zeros(256), method: 8, size: 1000 }]));
    const before = process.memoryUsage().rss;
    const error = await failure(readZip(path, () => true));
    expect(error.id).toBe('ZipEntryTooLarge');
    expect(error.message).toContain(path);
    expect(error.message).toContain('"bundle/events.xml" inflates to more than the 1000 bytes its header declares');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a zip bomb that declares its size is refused before anything is inflated', async () => {
    const path = write('honest-bomb.zip', zipOf([{ name: 'events.xml', stored: await zeros(8), method: 8, size: ZIP_LIMITS.maxEntryBytes + 1 }]));
    const error = await failure(readZip(path, () => true));
    expect(error.id).toBe('ZipEntryTooLarge');
    expect(error.message).toContain('"events.xml"');
  });

  it('the caps hold while streaming: one entry, and all entries together', async () => {
    const bomb = await zeros(4);
    const path = write('caps.zip', zipOf([{ name: 'a.xml', stored: bomb, method: 8, size: 4 * 1024 * 1024 }, { name: 'b.xml', stored: bomb, method: 8, size: 4 * 1024 * 1024 }]));
    const mib = 1024 * 1024;
    expect((await failure(readZip(path, () => true, { maxEntries: 10, maxEntryBytes: 3 * mib, maxTotalBytes: 100 * mib }))).id).toBe('ZipEntryTooLarge');
    const total = await failure(readZip(path, () => true, { maxEntries: 10, maxEntryBytes: 5 * mib, maxTotalBytes: 6 * mib }));
    expect(total.id).toBe('ZipTooLarge');
    expect(total.message).toContain('"b.xml"');
  });

  it.each([
    ['../../etc/cron.d/evil', 'climbs out of its folder'],
    ['bundle/../../evil.txt', 'climbs out of its folder'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Windows/evil.txt', 'is an absolute path'],
    ['..\\..\\evil.txt', 'climbs out of its folder'],
  ])('an entry named %s is refused, and nothing of the zip is used', async (name, why) => {
    const path = write('traversal.zip', zipOf([textEntry('ok.txt', 'fine'), textEntry(name, 'evil')]));
    const error = await failure(readZip(path, () => true));
    expect(error.id).toBe('UnsafeZipEntry');
    expect(error.message).toContain(path);
    expect(error.message).toContain(why);
  });

  it('a symbolic link entry is refused', async () => {
    const path = write('link.zip', zipOf([textEntry('bundle/report.txt', '/etc/shadow', 0o120777)]));
    const error = await failure(readZip(path, () => true));
    expect(error.message).toContain('"bundle/report.txt" is a symbolic link');
  });

  it('too many entries are refused from the directory, before any is read', async () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}.txt`, stored: Buffer.alloc(0), size: 0 }));
    const error = await failure(readZip(write('many.zip', zipOf(many)), () => true));
    expect(error.id).toBe('ZipTooManyEntries');
    expect(error.message).toContain(String(ZIP_LIMITS.maxEntries + 1));
  });

  it('a truncated zip, a damaged entry and a file that is no zip are each named', async () => {
    const good = zipOf([textEntry('a.txt', 'x'.repeat(5000)), textEntry('b.txt', 'y'.repeat(5000))]);
    const cut = await failure(readZip(write('cut.zip', good.subarray(0, Math.floor(good.length / 2))), () => true));
    expect(cut.id).toBe('NotAZip');
    expect(cut.message).toMatch(/cut off/);

    const damaged = Buffer.from(good);
    damaged.fill(0xff, 40, 50); // inside a.txt's deflated data
    const broken = await failure(readZip(write('damaged.zip', damaged), () => true));
    expect(broken.id).toBe('ZipDamaged');
    expect(broken.message).toContain('"a.txt"');

    const text = await failure(readZip(write('notes.zip', Buffer.from('just some notes\n'.repeat(100))), () => true));
    expect(text.id).toBe('NotAZip');
    expect(text.message).toContain('notes.zip');
  });

  it('prt redact on a hostile zip: exit 3, one clear line, no stack trace', async () => {
    const bomb = write('redact-bomb.zip', zipOf([{ name: 'b/events.xml', stored: await zeros(64), method: 8, size: 1000 }]));
    const traversal = write('redact-traversal.zip', zipOf([textEntry('../evil.txt', 'x')]));
    for (const path of [bomb, traversal, write('redact-text.zip', readFileSync(bomb).subarray(0, 100))]) {
      const result = await runInMemory(['redact', path, '--output', join(work, 'out')], scriptedHost());
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(path);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
