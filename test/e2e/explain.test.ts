import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { assertBuilt, linuxExe, parseSingleJson, repoRoot, runPrt, runPrtExe } from './prt.js';

beforeAll(assertBuilt);

describe('prt explain (built exe)', () => {
  it('prints one JSON array with one item per code, in order', () => {
    const result = runPrt(['explain', '0xc000006d', 'AADSTS50126', '12029', '0x80072EE2', '--json']);
    expect(result.code).toBe(0);
    const items = parseSingleJson(result.stdout);
    expect(items.map((item: { Name: string }) => item.Name)).toEqual(['STATUS_LOGON_FAILURE', 'InvalidUserNameOrPassword', 'ERROR_WINHTTP_CANNOT_CONNECT', expect.any(String)]);
    expect(items[3].Related.map((related: { Code: string }) => related.Code)).toContain('12002');
  });

  it('takes a signed decimal without `--`', () => {
    const [item] = parseSingleJson(runPrt(['explain', '-1073741715', '--json']).stdout);
    expect(item.Hex).toBe('0xc000006d');
  });

  it('exits 3 for garbage but still prints the readable codes', () => {
    const result = runPrt(['explain', 'AADSTS50034', 'zzz', '--json']);
    expect(result.code).toBe(3);
    const items = parseSingleJson(result.stdout);
    expect(items[0].Name).toBeTruthy();
    expect(items[1].Error.Message).toBeTruthy();
    expect(JSON.parse(result.stderr).Error.Id).toBe('UnreadableCode');
  });

  it('explains the same way as prt.exe under Wine', () => {
    const args = ['explain', '0xc000023c', '--json'];
    const windows = runPrtExe(args);
    expect(windows.code).toBe(0);
    expect(parseSingleJson(windows.stdout)).toEqual(parseSingleJson(runPrt(args).stdout));
  });
});

describe('prt explain --text (built exe)', () => {
  const ticket = 'test/fixtures/real/tickets/ms-hybrid-join-diagnostic-data.txt';

  it('reads a ticket file and prints one JSON document, cause first', () => {
    const result = runPrt(['explain', '--text', ticket, '--json']);
    expect(result.code).toBe(0);
    const document = parseSingleJson(result.stdout);
    expect(document.Codes.map((c: { Code: string }) => c.Code)).toEqual(['DirectoryError', '0x80072ee2', '400', '0x801c0021', '0x801c03f2']);
  });

  it('reads standard input with --text -', () => {
    const input = 'Error: 0xCAA5001C Token broker operation failed.\nOperation name: GetTokenSilently, Error: -895418359 (0xcaa10009)\n';
    const result = spawnSync(linuxExe, ['explain', '--text', '-', '--json'], { cwd: repoRoot, input, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(parseSingleJson(result.stdout).Codes.map((c: { Code: string }) => c.Code)).toEqual(['-895418359', '0xCAA5001C']);
  });

  it('exits 3 for an empty standard input', () => {
    const result = spawnSync(linuxExe, ['explain', '--text', '-', '--json'], { cwd: repoRoot, input: '\n', encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stderr).Error.Id).toBe('EmptyText');
  });

  it('explains a text the same way as prt.exe under Wine', () => {
    const args = ['explain', '--text', ticket, '--json'];
    const windows = runPrtExe(args);
    expect(windows.code).toBe(0);
    expect(parseSingleJson(windows.stdout)).toEqual(parseSingleJson(runPrt(args).stdout));
  });
});
