// prt error on a log with thousands of attempts: the document shows a bounded diagnosis with the
// counts of all, and --all --json-lines lists every attempt, one per line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript.
import { writeEventLog } from '../../scripts/bench/events-generate.mjs';
import { assertBuilt, linuxExe, parseSingleJson, runPrt } from './prt.js';

beforeAll(assertBuilt);

let work: string;
let log: string;
let written: { attempts: number };
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prt-large-log-'));
  log = join(work, 'aad-heavy.xml');
  written = writeEventLog(log, 20_000, 11, 0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an AAD-heavy log with thousands of attempts', () => {
  it('--json shows the newest failed attempts (at most 20) and successes (at most 5), and counts them all', () => {
    const result = runPrt(['error', '--events', log, '--json'], {}, 120_000);
    expect(result.code).toBe(0);
    const diagnosis = parseSingleJson(result.stdout);
    expect(diagnosis.AttemptCount).toBe(written.attempts);
    const failed = diagnosis.Attempts.filter((attempt: { Succeeded: boolean }) => !attempt.Succeeded);
    expect(failed.length).toBe(20);
    expect(diagnosis.Attempts.length).toBe(25);
    expect(diagnosis.Failed).toBeGreaterThan(20);
    const times = failed.map((attempt: { End: string }) => Date.parse(attempt.End));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(diagnosis.Summary).toContain(`${diagnosis.Failed} of ${written.attempts} PRT attempts failed`);
  });

  it('--all --json-lines writes every attempt, one JSON object per line', () => {
    // Several MB of lines: more than runPrt's buffer.
    const result = spawnSync(linuxExe, ['error', '--events', log, '--all', '--json-lines'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(written.attempts);
    const attempts = lines.map((line) => JSON.parse(line));
    expect(attempts.filter((attempt) => !attempt.Succeeded).length).toBe(parseSingleJson(runPrt(['error', '--events', log, '--json'], {}, 120_000).stdout).Failed);
  });

  it('--all without --json-lines is a usage error', () => {
    const result = runPrt(['error', '--events', log, '--all', '--json']);
    expect(result.code).toBe(2);
  });
});
