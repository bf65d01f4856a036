// The edges of redacted copies (src/safety/redact-files.ts) that the mutation run of issue #12
// found untested: names learnt from JSON files, JSON and text kept in their form, line ends,
// which files count as text, zips, names already taken, and the copy's permissions.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { redactPath } from '../../../src/safety/redact-files.js';
import { zipBundle } from '../../../src/trace/bundle.js';
import { zipBytes } from './zip-helpers.js';

const work = mkdtempSync(join(tmpdir(), 'prt-redact-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder holding `files` (relative name → content). */
function folderOf(name: string, files: Record<string, string | Buffer>): string {
  const folder = join(mkdtempSync(join(work, 'in-')), name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), content);
  }
  return folder;
}
const fileOf = (name: string, content: string | Buffer) => join(folderOf('f', { [name]: content }), name);
const out = () => mkdtempSync(join(work, 'out-'));

/** A zip of stored entries, written byte by byte (names a bundle zip never has). */
function storedZip(entries: [string, string][]): Buffer {
  return zipBytes(
    entries.map(([name, text]) => {
      const data = Buffer.from(text);
      return { name, stored: data, method: 0, crc: crc32(data), size: data.length, flags: 0, madeBy: 0, attributes: 0 };
    }),
  );
}

describe('the names a redacted copy learns', () => {
  it('learns the device from a JSON file’s fields before it writes any file, so a file sorted before it is redacted too', async () => {
    const folder = folderOf('PrtTrace-x', { 'report.json': JSON.stringify({ DeviceName: 'WS-0512' }, null, 2), 'notes.txt': 'seen on WS-0512\n' });
    const result = await redactPath(folder, out());
    expect(readFileSync(join(result.Path, 'notes.txt'), 'utf8')).toBe('seen on DEVICE-1\n');
  });
});

describe('the form of a redacted copy', () => {
  it('writes a JSON file as JSON, value by value, and a text file holding JSON as text', async () => {
    const json = await redactPath(fileOf('device.json', '{"DeviceName":"WS-0512","Seen":["WS-0512"]}'), out());
    expect(readFileSync(json.Path, 'utf8')).toBe('{\n  "DeviceName": "DEVICE-1",\n  "Seen": [\n    "DEVICE-1"\n  ]\n}\n');
    const folder = folderOf('bundle', { 'dsregcmd.txt': '  DeviceName : WS-0512\n', 'notes.txt': '{"Device":"WS-0512"}', 'notes.json.txt': '{"Device":"WS-0512"}' });
    const copy = await redactPath(folder, out());
    for (const name of ['notes.txt', 'notes.json.txt']) expect(readFileSync(join(copy.Path, name), 'utf8'), name).toBe('{"Device":"DEVICE-1"}');
  });

  it('redacts a .json file that is no JSON as text', async () => {
    const result = await redactPath(fileOf('broken.json', '  DeviceName : WS-0512\n{ not json'), out());
    expect(readFileSync(result.Path, 'utf8')).toBe('  DeviceName : DEVICE-1\n{ not json');
  });

  it('keeps LF line ends of UTF-8 and UTF-16 captures, and CRLF of a UTF-16 one', async () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const cases: [string, Buffer, string][] = [
      ['lf.txt', Buffer.from('  DeviceName : WS-0512\nnext\n'), '  DeviceName : DEVICE-1\nnext\n'],
      ['lf16.txt', utf16('  DeviceName : WS-0512\nnext\n'), '  DeviceName : DEVICE-1\nnext\n'],
      ['crlf16.txt', utf16('  DeviceName : WS-0512\r\nnext\r\n'), '  DeviceName : DEVICE-1\r\nnext\r\n'],
    ];
    for (const [name, bytes, expected] of cases) expect(readFileSync((await redactPath(fileOf(name, bytes), out())).Path, 'utf8'), name).toBe(expected);
  });

  it('reads a UTF-16 file of any name and a text file with a NUL in it, and refuses an unknown file with NULs, saying why', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('  DeviceName : WS-0512\n', 'utf16le')]);
    expect(readFileSync((await redactPath(fileOf('capture.dat', utf16), out())).Path, 'utf8')).toBe('  DeviceName : DEVICE-1\n');
    expect(readFileSync((await redactPath(fileOf('nul.txt', 'WS-0512\0 end'), out())).Path, 'utf8')).toBe('WS-0512\0 end');
    const blob = fileOf('blob.dat', Buffer.from([1, 0, 2, 0, 0, 3]));
    await expect(redactPath(blob, out())).rejects.toMatchObject({ id: 'BinaryInput', message: `"${blob}" is a binary file: only text (dsregcmd captures, event XML, reports) can be redacted` });
  });

  it('redacts a text file whose name has .zip inside it as text', async () => {
    const result = await redactPath(fileOf('capture.zip.txt', '  DeviceName : WS-0512\n'), out());
    expect(readFileSync(result.Path, 'utf8')).toBe('  DeviceName : DEVICE-1\n');
  });
});

describe('folders and zips', () => {
  it('names the copy of a folder after it, writes its files for the owner only, and copies a report without a file list and a manifest that is no JSON as they are', async () => {
    const folder = folderOf('PrtTrace-WS-0512-20261120-093012', {
      'dsregcmd-after.txt': '  DeviceName : WS-0512\n',
      'events/a.xml': '<Computer>WS-0512</Computer>',
      'report.json': '{"Note":"no file list"}',
      'manifest.json': 'not JSON',
    });
    const target = out();
    const result = await redactPath(folder, target);
    expect(result.Path).toBe(join(target, 'PrtTrace-DEVICE-1-20261120-093012-redacted'));
    expect(JSON.parse(readFileSync(join(result.Path, 'report.json'), 'utf8'))).toEqual({ Note: 'no file list' });
    expect(readFileSync(join(result.Path, 'manifest.json'), 'utf8')).toBe('not JSON');
    for (const path of [result.Path, join(result.Path, 'events'), join(result.Path, 'events', 'a.xml'), join(result.Path, 'dsregcmd-after.txt')]) {
      expect(statSync(path).mode & 0o077, path).toBe(0);
    }
  });

  it('takes the next free name when the copy, its zip or its map already exists, and writes a single copy for the owner only', async () => {
    const folder = folderOf('bundle', { 'a.txt': 'x' });
    const target = out();
    writeFileSync(join(target, 'bundle-redacted.zip'), 'earlier');
    expect((await redactPath(folder, target)).Path).toBe(join(target, 'bundle-redacted-2'));
    writeFileSync(join(target, 'bundle-redacted-3.redaction-map.json'), '{}');
    expect((await redactPath(folder, target)).Path).toBe(join(target, 'bundle-redacted-4'));
    const single = fileOf('one.txt', 'x');
    writeFileSync(join(target, 'one.redacted.txt.redaction-map.json'), '{}');
    const copy = await redactPath(single, target);
    expect(copy.Path).toBe(join(target, 'one.redacted-2.txt'));
    expect(statSync(copy.Path).mode & 0o077).toBe(0);
  });

  it('redacts a bundle zip into a folder without its top folder, leaving out its binary files unread', async () => {
    const folder = folderOf('PrtTrace-WS-0512-20261120-093012', { 'dsregcmd-after.txt': '  DeviceName : WS-0512\n', 'network/NetTrace.etl': 'binary', 'events/a.xml': '<Computer>WS-0512</Computer>' });
    const zip = await zipBundle(folder);
    const result = await redactPath(zip, out());
    expect(result.Redacted).toEqual(['dsregcmd-after.txt', 'events/a.xml']);
    expect(result.LeftOut).toEqual(['network/NetTrace.etl']);
    expect(result.Path.endsWith('PrtTrace-DEVICE-1-20261120-093012-redacted')).toBe(true);
    expect(readFileSync(join(result.Path, 'events', 'a.xml'), 'utf8')).toBe('<Computer>DEVICE-1</Computer>');
  });

  it('redacts an empty zip into an empty folder', async () => {
    const empty = join(work, 'nothing.zip');
    writeFileSync(empty, storedZip([]));
    expect(await redactPath(empty, out())).toMatchObject({ Redacted: [], LeftOut: [] });
  });

  it('keeps the paths of a zip without one top folder, and refuses one with an empty folder name in a path', async () => {
    const flat = join(work, 'flat.zip');
    writeFileSync(flat, storedZip([['a/one.txt', 'one'], ['b/two.txt', 'two']]));
    expect((await redactPath(flat, out())).Redacted).toEqual(['a/one.txt', 'b/two.txt']);
    const empty = join(work, 'empty-part.zip');
    writeFileSync(empty, storedZip([['bundle/ok.txt', 'ok'], ['bundle//evil.txt', 'x']]));
    await expect(redactPath(empty, out())).rejects.toMatchObject({ id: 'UnsafePath', message: 'the input holds a file outside its folder: "/evil.txt"' });
  });
});
