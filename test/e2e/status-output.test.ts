import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, runPrt } from './prt.js';

beforeAll(assertBuilt);

describe('prt status --output', () => {
  const folder = mkdtempSync(join(tmpdir(), 'prt-e2e-output-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the document --json prints to the file, alone in its folder, with nothing on stdout', () => {
    const file = join(folder, 'status.json');
    const args = ['status', '--input', fixture('healthy-aadj.txt'), '--json'];
    const result = runPrt([...args, '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(runPrt(args).stdout);
    expect(readdirSync(folder)).toEqual(['status.json']);
  });
});
