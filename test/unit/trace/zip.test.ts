import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepNewestRecording, zipBundle } from '../../../src/trace/bundle.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prt-zip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundle zip', () => {
  it('holds every file under the folder name, byte for byte, and unzip checks its CRCs', () => {
    const folder = join(dir, 'PrtTrace-Ü-1');
    mkdirSync(join(folder, 'events'), { recursive: true });
    const random = Buffer.alloc(300_000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    writeFileSync(join(folder, 'report.txt'), 'report\r\n'.repeat(1000));
    writeFileSync(join(folder, 'events', 'Microsoft-Windows-AAD-Analytic.xml'), random);
    writeFileSync(join(folder, 'empty.log'), '');
    return zipBundle(folder).then((zip) => {
      expect(zip).toBe(`${folder}.zip`);
      const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
      expect(test.stdout).toContain('No errors detected');
      const out = join(dir, 'out');
      expect(spawnSync('unzip', ['-q', zip, '-d', out]).status).toBe(0);
      expect(readFileSync(join(out, 'PrtTrace-Ü-1', 'events', 'Microsoft-Windows-AAD-Analytic.xml')).equals(random)).toBe(true);
      expect(readFileSync(join(out, 'PrtTrace-Ü-1', 'empty.log'), 'utf8')).toBe('');
      expect(readFileSync(join(out, 'PrtTrace-Ü-1', 'report.txt'), 'utf8')).toBe('report\r\n'.repeat(1000));
      // The bundle can hold secrets: unzip on Linux gives the files to their owner only.
      expect(statSync(join(out, 'PrtTrace-Ü-1', 'report.txt')).mode & 0o777).toBe(0o600);
      // Deflated, and the names flagged as UTF-8 (general purpose bit 11) for Windows tools.
      const info = spawnSync('zipinfo', ['-v', zip], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/compression method:\s+deflated/);
      expect(info).not.toMatch(/compression method:\s+none/);
      expect(readFileSync(zip).readUInt16LE(6) & 0x0800).toBe(0x0800);
    });
  });

  it('fails, leaving no zip, when a file cannot be read', async () => {
    const folder = join(dir, 'PrtTrace-2');
    mkdirSync(folder);
    writeFileSync(join(folder, 'report.txt'), 'report');
    const { writeZip } = await import('../../../src/trace/zip.js');
    await expect(writeZip(join(dir, 'x.zip'), [{ name: 'a', source: join(folder, 'missing.txt') }])).rejects.toThrow(/ENOENT/);
    await expect(zipBundle(folder)).resolves.toBe(`${folder}.zip`);
  });
});

describe('the lsass recordings', () => {
  it('keeps the newest lsass##.run (and its log), removes the older ones', () => {
    writeFileSync(join(dir, 'lsass01.run'), 'old');
    writeFileSync(join(dir, 'lsass01.out'), 'old log');
    writeFileSync(join(dir, 'lsass02.run'), 'new');
    writeFileSync(join(dir, 'lsass02.out'), 'new log');
    expect(keepNewestRecording(dir)).toEqual({ kept: 'lsass02.run', removed: ['lsass01.run'] });
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)).toEqual(['lsass02.out', 'lsass02.run']);
  });
});
