import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { assertBuilt, fixture, linuxExe, parseSingleJson, repoRoot, runPrt } from './prt.js';

beforeAll(assertBuilt);

describe('prt status on capture files', () => {
  it('prints one JSON document with the contract fields for a healthy device', () => {
    const result = runPrt(['status', '--input', fixture('healthy-aadj.txt'), '--json']);
    expect(result.code).toBe(0);
    const status = parseSingleJson(result.stdout);
    expect(status.Health).toBe('Healthy');
    expect(status.JoinType).toBe('AzureAdJoined');
    expect(status.AzureAdPrt).toBe(true);
    expect(status.AzureAdPrtUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(status.Findings).toEqual([]);
    expect(status.Source).toEqual({ Kind: 'File', Path: fixture('healthy-aadj.txt'), Encoding: 'utf-8' });
    expect(result.stderr).toBe('');
  });

  it('reports a missing PRT with the failed attempt as a finding, still exiting 0', () => {
    const result = runPrt(['status', '--input', fixture('missing-prt-0xc000006d-aadsts50126.txt'), '--json']);
    expect(result.code).toBe(0);
    const status = parseSingleJson(result.stdout);
    expect(status.Health).toBe('Missing');
    expect(status.Diagnostics[0]).toMatchObject({ Prt: 'AzureAd', Kind: 'Acquire', AttemptStatus: '0xc000006d', HttpStatus: 400, ServerErrorCode: 'invalid_grant' });
    expect(status.Findings.map((f: { Id: string }) => f.Id)).toEqual(['PrtMissing', 'LastAttemptFailed']);
  });

  it('judges staleness against --now when it is given', () => {
    const capture = fixture('healthy-aadj.txt');
    const asCaptured = parseSingleJson(runPrt(['status', '--input', capture, '--json']).stdout);
    const later = new Date(Date.parse(asCaptured.AzureAdPrtUpdateTime) + 5 * 3_600_000).toISOString();
    const status = parseSingleJson(runPrt(['status', '--input', capture, '--json', '--now', later]).stdout);
    expect(status.Health).toBe('Stale');
    expect(status.ClockSource).toBe('Now');
    expect(status.PrtAgeHours).toBe(5);
  });

  it('reads a UTF-16LE capture with a BOM and CRLF line ends', () => {
    const status = parseSingleJson(runPrt(['status', '--input', fixture('utf16le-bom-crlf.txt'), '--json']).stdout);
    expect(status.Source.Encoding).toBe('utf-16le');
    expect(status.DeviceId).toMatch(/^[0-9a-f-]{36}$/i);
  });

  it('prints a short human summary without --json', () => {
    const result = runPrt(['status', '--input', fixture('missing-prt-0xc000006d-aadsts50126.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('MISSING');
    expect(result.stdout).toContain('0xc000006d');
    expect(result.stdout).toContain('PrtMissing');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('shows the built-in sample device', () => {
    const status = parseSingleJson(runPrt(['status', '--sample', '--json']).stdout);
    expect(status.Source.Kind).toBe('Sample');
    expect(status.JoinType).toBe('HybridAzureAdJoined');
    expect(status.Health).toBe('Missing');
  });
});

describe('prt status errors', () => {
  it('rejects a file that is not dsregcmd output with exit 3 and a JSON error naming the file', () => {
    const result = runPrt(['status', '--input', fixture('not-dsregcmd.txt'), '--json']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const { Error: error } = JSON.parse(result.stderr);
    expect(error.Category).toBe('InvalidData');
    expect(error.Message).toContain('not-dsregcmd.txt');
  });

  it('rejects an empty file with exit 3', () => {
    const result = runPrt(['status', '--input', fixture('empty.txt')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^prt: .*empty\.txt/);
  });

  it('says a missing file does not exist, with exit 3', () => {
    const result = runPrt(['status', '--input', 'no/such/capture.txt', '--json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error).toMatchObject({ Id: 'FileNotFound', Message: '`no/such/capture.txt` does not exist' });
  });

  it('exits 4 with advice to pass a capture when there is no dsregcmd on this OS', () => {
    const result = runPrt(['status', '--json']);
    expect(result.code).toBe(4);
    const { Error: error } = JSON.parse(result.stderr);
    expect(error.Id).toBe('NotWindows');
    expect(error.Message).toContain('--input');
  });

  it('exits 2 on an unknown option, on stderr', () => {
    const result = runPrt(['status', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--bogus');
  });

  it('exits 2 on a --now without a time zone', () => {
    const result = runPrt(['status', '--sample', '--now', '2026-11-20 09:00', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).Error.Id).toBe('InvalidNow');
  });

  it('prints its version and help', () => {
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
    expect(runPrt(['--version']).stdout.trim()).toBe(version);
    const help = runPrt(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('prt status');
  });

  it('prints help without colour codes into a pipe, even for a colour terminal type', () => {
    const { NO_COLOR: _unset, ...env } = process.env;
    const help = spawnSync(linuxExe, ['--help'], { env: { ...env, TERM: 'xterm-256color' }, encoding: 'utf8' });
    expect(help.stdout).toContain('prt status');
    expect(help.stdout).not.toContain('\u001b[');
  });
});

describe('prt status in forced live mode against a fake dsregcmd', () => {
  let work: string;
  let fakeBin: string;
  let log: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'prt-live-'));
    fakeBin = join(work, 'bin');
    mkdirSync(fakeBin);
    copyFileSync(join(repoRoot, 'test/fakes/bin/dsregcmd'), join(fakeBin, 'dsregcmd'));
    log = join(work, 'calls.log');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const live = (env: NodeJS.ProcessEnv, binDir = fakeBin) =>
    runPrt(['status', '--json'], { PRT_FORCE_LIVE: '1', PATH: `${binDir}:/usr/bin:/bin`, FAKE_TOOL_LOG: log, FAKE_DSREGCMD_OUTPUT: join(repoRoot, fixture('hybrid-enterprise-prt.txt')), ...env });

  it('runs `dsregcmd /status` found through PATH and reads its output', () => {
    writeFileSync(log, '');
    const result = live({});
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('dsregcmd /status\n');
    const status = parseSingleJson(result.stdout);
    expect(status.Source.Kind).toBe('Live');
    expect(status.ClockSource).toBe('SystemClock');
    expect(status.JoinType).toBe('HybridAzureAdJoined');
  });

  it('stops a dsregcmd that hangs and exits 4 with a timeout error', () => {
    const started = Date.now();
    const result = live({ FAKE_DSREGCMD_MODE: 'hang', PRT_TOOL_TIMEOUT_MS: '1500' });
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr).Error).toMatchObject({ Id: 'ToolTimedOut', Category: 'OperationTimeout' });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('exits 4 when dsregcmd exits non-zero, quoting what it said', () => {
    const result = live({ FAKE_DSREGCMD_MODE: 'fail' });
    expect(result.code).toBe(4);
    const { Error: error } = JSON.parse(result.stderr);
    expect(error.Id).toBe('ToolFailed');
    expect(error.Message).toContain('exited with code 87');
    expect(error.Message).toContain('The parameter is incorrect.');
  });

  it('exits 4 when dsregcmd is not on PATH', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    const result = live({}, empty);
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr).Error).toMatchObject({ Id: 'ToolNotFound', Category: 'NotInstalled' });
  });
});

describe('prt status on real, partial pastes (the built exe)', () => {
  const real = (name: string) => join('test/fixtures/real/dsregcmd', name);

  it('judges a pre-join paste: inferred domain join, JoinFailed with decoded codes, JoinDiagnostics typed', () => {
    const result = runPrt(['status', '--input', real('pre-join-discover-0x801c0021-0x801c000c-system.txt'), '--json']);
    expect(result.code).toBe(0);
    const status = parseSingleJson(result.stdout);
    expect([status.JoinType, status.JoinTypeEvidence, status.AzureAdPrt]).toEqual(['DomainJoined', 'Inferred', null]);
    expect(status.JoinDiagnostics.Codes[0]).toMatchObject({ Code: '0x801c0021', Where: 'DRS Discovery Test', Known: true, Name: 'DSREG_AUTOJOIN_DISC_FAILED' });
    expect(status.Findings.map((f: { Id: string }) => f.Id)).toEqual(expect.arrayContaining(['JoinFailed', 'NoUserContext', 'PartialCapture']));
  });

  it('leads the human output of a one-box paste with what was judged and what to ask for', () => {
    const result = runPrt(['status', '--input', real('partial-user-state-only-ngc-set.txt')]);
    expect(result.code).toBe(0);
    const top = result.stdout.split('\n').slice(0, 4).join('\n');
    expect(top).toContain('UNKNOWN');
    expect(top).toContain('Not judged: the Azure AD PRT (no SSO State box)');
    expect(top).toContain('Ask the user for the whole output of `dsregcmd /status`');
  });

  it('exits 3 for a text that holds no dsregcmd field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prt-real-'));
    try {
      writeFileSync(join(dir, 'mail.txt'), 'Hi, SSO is broken again since Monday. Thanks!\n');
      const result = runPrt(['status', '--input', join(dir, 'mail.txt'), '--json']);
      expect(result.code).toBe(3);
      expect(JSON.parse(result.stderr).Error.Id).toBe('NotDsregcmdOutput');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
