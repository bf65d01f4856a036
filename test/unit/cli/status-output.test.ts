import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInMemory, scriptedHost } from './harness.js';

const capture = readFileSync(new URL('../../fixtures/dsregcmd/hybrid-enterprise-prt.txt', import.meta.url));
const liveHost = () => scriptedHost({ runDsregcmdStatus: async () => capture });

describe('prt status --output (in memory)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'prt-output-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the JSON document to the file and nothing on stdout', async () => {
    const file = join(folder, 'status.json');
    const result = await runInMemory(['status', '--json', '--output', file], liveHost());
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    const document = JSON.parse(readFileSync(file, 'utf8'));
    expect(document.Source.Kind).toBe('Live');
    expect(document.EvaluatedAt).toBe('2026-11-26T12:00:00.000Z');
  });

  it('writes the same document --json prints, as UTF-8 without a BOM', async () => {
    const file = join(folder, 'status.json');
    await runInMemory(['status', '--json', '--output', file], liveHost());
    const printed = await runInMemory(['status', '--json'], liveHost());
    const bytes = readFileSync(file);
    expect(bytes[0]).toBe(0x7b);
    expect(bytes.toString('utf8')).toBe(printed.stdout);
  });

  it('replaces an existing file and leaves no temp file behind', async () => {
    const file = join(folder, 'status.json');
    await runInMemory(['status', '--json', '--output', file], liveHost());
    const result = await runInMemory(['status', '--json', '--output', file, '--now', '2026-11-27T00:00:00Z'], liveHost());
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).EvaluatedAt).toBe('2026-11-27T00:00:00.000Z');
    expect(readdirSync(folder)).toEqual(['status.json']);
  });

  it('fails with exit 3 and a message naming the file when its folder does not exist', async () => {
    const file = join(folder, 'missing', 'status.json');
    const result = await runInMemory(['status', '--json', '--output', file], liveHost());
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const error = JSON.parse(result.stderr).Error;
    expect(error.Id).toBe('OutputFolderNotFound');
    expect(error.Message).toContain(file);
  });

  it('fails with exit 3 when the file is a folder, and leaves the folder alone', async () => {
    const file = join(folder, 'status.json');
    mkdirSync(file);
    const result = await runInMemory(['status', '--json', '--output', file], liveHost());
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error.Id).toBe('OutputIsFolder');
    expect(readdirSync(folder)).toEqual(['status.json']);
  });

  it('refuses --output without --json as a usage error', async () => {
    const result = await runInMemory(['status', '--output', join(folder, 'status.json')], liveHost());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--json');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('writes no file when reading the device fails', async () => {
    const host = scriptedHost({ runDsregcmdStatus: async () => Buffer.from('not dsregcmd output\r\n') });
    const result = await runInMemory(['status', '--json', '--output', join(folder, 'status.json')], host);
    expect(result.code).toBe(3);
    expect(readdirSync(folder)).toEqual([]);
  });
});
