// prt.exe where no dashboard can be drawn, under Wine: stdout and stderr are files (the runner
// script's), so node.exe sees no console and prints plain progress lines. What a real Windows
// console changes (raw mode, conhost versus Windows Terminal) is verified by reasoning and by the
// Linux exe in tmux (dashboard.test.ts), not here.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, parseSingleJson, repoRoot, runPrtExe } from './prt.js';

/** Wine maps the Unix root to drive Z:. */
const windowsPath = (unixPath: string) => `Z:${unixPath.replaceAll('/', '\\')}`;

const escape = /\u001b/;

describe('prt.exe without a terminal, under Wine', () => {
  const work = join(repoRoot, 'test/.tmp/wine-dashboard');
  beforeAll(() => {
    assertBuilt();
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  });

  // Each run has its own simulated device state; `instant` plays the scenario without waiting.
  // CI=0 (not CI, as Ink reads it): the plain lines must come from the missing terminal alone.
  const env = (name: string) => ({ PRT_STATE_DIR: windowsPath(join(work, name)), PRT_SIM_SPEED: 'instant', NO_COLOR: '', CI: '0' });

  it('prt.exe watch prints a plain line per change on stderr and ends after --duration', () => {
    const result = runPrtExe(['watch', '--simulate', 'healthy', '--duration', '3'], env('watch'));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(escape);
    expect(result.stderr).toMatch(/^prt: \[\d\d:\d\d:\d\dZ\] prt AzureAdPrt YES · Healthy/m);
    expect(result.stderr).not.toContain('PrtTools · watching');
    expect(result.stdout).toBe('');
  });

  it('prt.exe trace run --json prints plain progress on stderr and one JSON document on stdout', () => {
    const result = runPrtExe(['trace', 'run', '--simulate', 'hybrid-wrong-password', '--json'], env('trace'));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(escape);
    expect(result.stderr).toMatch(/^prt: \[.*\] >> /m);
    expect(result.stderr).not.toContain('PrtTools · guided trace');
    const bundle = parseSingleJson(result.stdout);
    expect(bundle.Outcome).toBe('Completed');
    expect(bundle.Repro.Outcome).toBe('AttemptFailed');
    expect(bundle.Repro.AttemptStatus).toBe('0xc000006d');
    expect(bundle.ZipPath).toMatch(/^Z:\\.*\.zip$/);
  });
});
