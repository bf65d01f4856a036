import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badInput } from '../../../src/errors.js';
import { runInMemory, scriptedHost } from './harness.js';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/dsregcmd/${name}`, import.meta.url));

describe('prt status (in memory)', () => {
  it('runs dsregcmd through the host when no input is given and judges by the system clock', async () => {
    let calls = 0;
    const host = scriptedHost({
      runDsregcmdStatus: async () => {
        calls += 1;
        return capture('hybrid-enterprise-prt.txt');
      },
    });
    const result = await runInMemory(['status', '--json'], host);
    expect(result.code).toBe(0);
    expect(calls).toBe(1);
    const status = JSON.parse(result.stdout);
    expect(status.Source.Kind).toBe('Live');
    expect(status.ClockSource).toBe('SystemClock');
    expect(status.EvaluatedAt).toBe('2026-11-26T12:00:00.000Z');
  });

  it('reads the file named by --input through the host', async () => {
    const asked: string[] = [];
    const host = scriptedHost({
      readCapture: async (path) => {
        asked.push(path);
        return capture('stale-prt.txt');
      },
    });
    const result = await runInMemory(['status', '--input', 'C:\\tickets\\stale.txt', '--json'], host);
    expect(asked).toEqual(['C:\\tickets\\stale.txt']);
    expect(JSON.parse(result.stdout).Health).toBe('Stale');
  });

  it('writes a host error as the contract JSON on stderr with its exit code', async () => {
    const host = scriptedHost({ readCapture: async () => Promise.reject(badInput('FileNotFound', '`x.txt` does not exist')) });
    const result = await runInMemory(['status', '--input', 'x.txt', '--json'], host);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({ Error: { Id: 'FileNotFound', Message: '`x.txt` does not exist', Category: 'InvalidData' } });
  });

  it('reports a bug as an internal error with exit 70, never as a finding', async () => {
    const host = scriptedHost({ readCapture: async () => Promise.reject(new TypeError('boom')) });
    const result = await runInMemory(['status', '--input', 'x.txt'], host);
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('internal error');
  });

  it('refuses --sample together with --input', async () => {
    const result = await runInMemory(['status', '--sample', '--input', 'x.txt', '--json'], scriptedHost());
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).Error.Id).toBe('ConflictingOptions');
  });

  it('writes colour only to a terminal and never when NO_COLOR is set', async () => {
    const result = await runInMemory(['status', '--sample'], scriptedHost());
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toContain('MISSING');
  });
});
