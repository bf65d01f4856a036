// The bundle folder and its files: the name, a folder never reused, every text scrubbed, the
// manifest's list of files, and which lsass recording is kept.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendBundleLog,
  bundleFolderName,
  createBundleFolder,
  describeFiles,
  keepNewestRecording,
  listBundleFiles,
  writeBundleJson,
  writeBundleText,
} from '../../../src/trace/bundle.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prt-bundle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const start = new Date('2026-11-20T09:30:12.345Z');

describe('the bundle folder name', () => {
  it('is the device’s short name and the UTC start, to the second', () => {
    expect(bundleFolderName('CTS-WS-0512.corp.contoso.com', start)).toBe('PrtTrace-CTS-WS-0512-20261120-093012');
  });

  it('makes any device name safe for every file system, and at most 40 characters long', () => {
    expect(bundleFolderName('Maja’s PC:1/x', start)).toBe('PrtTrace-Maja-s-PC-1-x-20261120-093012');
    expect(bundleFolderName('A'.repeat(50), start)).toBe(`PrtTrace-${'A'.repeat(40)}-20261120-093012`);
  });

  it('says device when the name is unknown or nothing of it is left', () => {
    expect(bundleFolderName(null, start)).toBe('PrtTrace-device-20261120-093012');
    expect(bundleFolderName('.local', start)).toBe('PrtTrace-device-20261120-093012');
  });
});

describe('a new bundle folder', () => {
  it('is created empty, with a number when the name or its zip is taken', () => {
    const out = join(dir, 'traces');
    const first = createBundleFolder(out, 'PrtTrace-X');
    expect(first).toBe(join(out, 'PrtTrace-X'));
    writeFileSync(join(out, 'PrtTrace-X-2.zip'), 'an earlier zip whose folder was deleted');
    expect(createBundleFolder(out, 'PrtTrace-X')).toBe(join(out, 'PrtTrace-X-3'));
    expect(listBundleFiles(join(out, 'PrtTrace-X-3'))).toEqual([]);
  });
});

describe('the files of a bundle', () => {
  it('are written scrubbed: text, JSON (escaped, with a final newline) and the trace log (sanitized, one line each)', () => {
    writeBundleText(dir, 'dsregcmd-before.txt', 'Attempt Status : 0xc000006d\r\nBearer PlantedToken123\r\n');
    expect(readFileSync(join(dir, 'dsregcmd-before.txt'), 'utf8')).toBe('Attempt Status : 0xc000006d\r\nBearer [token removed]\r\n');
    writeBundleJson(dir, 'report.json', { Code: '0xc000006d', Reply: 'password=Hunter2Planted', Name: 'a\u009bb' });
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{\n  "Code": "0xc000006d",\n  "Reply": "password=[password removed]",\n  "Name": "a\\u009bb"\n}\n');
    appendBundleLog(dir, '09:00:00Z ok \u001b[2J password=Hunter2Planted');
    appendBundleLog(dir, 'second');
    expect(readFileSync(join(dir, 'trace.log'), 'utf8')).toBe('09:00:00Z ok \\x1b[2J password=[password removed]\nsecond\n');
  });

  it('are listed relative with /, sorted, folders left out; a folder that is gone has none', () => {
    mkdirSync(join(dir, 'events', 'more'), { recursive: true });
    for (const name of ['report.txt', 'events/b.xml', 'events/more/a.xml', 'Z.txt']) writeFileSync(join(dir, ...name.split('/')), name);
    expect(listBundleFiles(dir)).toEqual(['Z.txt', 'events/b.xml', 'events/more/a.xml', 'report.txt']);
    expect(listBundleFiles(join(dir, 'missing'))).toEqual([]);
  });

  it('are described for the manifest with their size and SHA-256, the manifest itself left out', async () => {
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'events', 'a.xml'), '<Events/>');
    writeFileSync(join(dir, 'manifest.json'), '{}');
    writeFileSync(join(dir, 'report.txt'), '');
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(await describeFiles(dir)).toEqual([
      { Path: 'events/a.xml', Bytes: 9, Sha256: sha('<Events/>') },
      { Path: 'report.txt', Bytes: 0, Sha256: sha('') },
    ]);
  });
});

describe('the lsass recordings kept', () => {
  it('is the newest by time, whatever its number; its log and index stay, the older ones go with theirs', () => {
    const files = { 'lsass09.run': 1000, 'lsass09.out': 1000, 'lsass09.idx': 1000, 'lsass10.run': 3000, 'lsass10.out': 3000, 'lsass02.run': 2000, 'notes.txt': 500 };
    for (const [name, seconds] of Object.entries(files)) {
      writeFileSync(join(dir, name), name);
      utimesSync(join(dir, name), seconds, seconds);
    }
    expect(keepNewestRecording(dir)).toEqual({ kept: 'lsass10.run', removed: ['lsass02.run', 'lsass09.run'] });
    expect(listBundleFiles(dir)).toEqual(['lsass10.out', 'lsass10.run', 'notes.txt']);
  });

  it('is the highest number when the times are equal', () => {
    for (const name of ['lsass01.run', 'lsass03.run', 'lsass02.run']) {
      writeFileSync(join(dir, name), name);
      utimesSync(join(dir, name), 1000, 1000);
    }
    expect(keepNewestRecording(dir)).toEqual({ kept: 'lsass03.run', removed: ['lsass02.run', 'lsass01.run'] });
  });

  it('is none when the folder holds no recording, or does not exist', () => {
    expect(keepNewestRecording(dir)).toEqual({ kept: null, removed: [] });
    expect(keepNewestRecording(join(dir, 'missing'))).toEqual({ kept: null, removed: [] });
    expect(existsSync(dir)).toBe(true);
  });
});
