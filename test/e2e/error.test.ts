import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, parseSingleJson, repoRoot, runPrt, runPrtExe } from './prt.js';

const events = (name: string) => join('test/fixtures/events', name);
const dsreg = (name: string) => join('test/fixtures/dsregcmd', name);

beforeAll(assertBuilt);

describe('prt error on files (built exe)', () => {
  it('diagnoses a wrong password from the two exported channels', () => {
    const result = runPrt(['error', '--events', events('wrong-password-50126.operational.xml'), '--events', events('wrong-password-50126.analytic.xml'), '--json']);
    expect(result.code).toBe(0);
    const [attempt] = parseSingleJson(result.stdout).Attempts;
    expect(attempt.Status.Hex).toBe('0xc000006d');
    expect(attempt.ServerError.Code).toBe('AADSTS50126');
    expect(attempt.Explanation.at(-1).Name).toBe('InvalidUserNameOrPassword');
  });

  it('gives the same attempts for a German rendering as for the English one', () => {
    const attemptsOf = (file: string) => parseSingleJson(runPrt(['error', '--events', events(file), '--json']).stdout).Attempts.map((a: any) => [a.Status?.Hex, a.ServerError?.Code, a.Url, a.Upn]);
    const german = attemptsOf('wrong-password-50126.de-DE.xml');
    expect(german.length).toBeGreaterThan(0);
    expect(german[0]).toEqual(['0xc000006d', 'AADSTS50126', expect.stringMatching(/^https:/), 'alice@contoso.com']);
  });

  it('reads a UTF-16LE export', () => {
    const diagnosis = parseSingleJson(runPrt(['error', '--events', events('wrong-password-50126.utf16le-bom.xml'), '--json']).stdout);
    expect(diagnosis.Attempts[0].Status.Hex).toBe('0xc000006d');
  });

  it('reads every log of a collected folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'prt-bundle-'));
    try {
      copyFileSync(join(repoRoot, events('wrong-password-50126.operational.xml')), join(folder, 'aad-operational.xml'));
      copyFileSync(join(repoRoot, events('wrong-password-50126.analytic.xml')), join(folder, 'aad-analytic.xml'));
      writeFileSync(join(folder, 'notes.txt'), 'not a log');
      const diagnosis = parseSingleJson(runPrt(['error', '--events', folder, '--json']).stdout);
      expect(diagnosis.Sources.map((s: string) => s.split(/[\\/]/).pop())).toEqual(['aad-analytic.xml', 'aad-operational.xml']);
      expect(diagnosis.Attempts[0].Explanation.map((l: any) => l.Name)).toEqual(['STATUS_LOGON_FAILURE', 'InvalidUserNameOrPassword']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says an .evtx needs Windows, with exit 4', () => {
    const folder = mkdtempSync(join(tmpdir(), 'prt-evtx-'));
    try {
      writeFileSync(join(folder, 'aad.evtx'), 'ElfFile\0');
      const result = runPrt(['error', '--events', join(folder, 'aad.evtx'), '--json']);
      expect(result.code).toBe(4);
      expect(JSON.parse(result.stderr).Error.Id).toBe('EvtxNeedsWindows');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a log with a DTD with exit 3', () => {
    const result = runPrt(['error', '--events', events('with-dtd.xml'), '--json']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
  });

  it('refuses a file that is neither event XML nor Event Viewer text with exit 3, naming it', () => {
    const result = runPrt(['error', '--events', events('not-xml.txt'), '--json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error.Message).toMatch(/not-xml\.txt` is neither event XML nor Event Viewer text/);
  });

  it('reads one event file the same way as prt.exe under Wine', () => {
    const args = ['error', '--events', events('network-unreachable-12029.xml'), '--json'];
    const windows = runPrtExe(args);
    expect(windows.code).toBe(0);
    expect(parseSingleJson(windows.stdout)).toEqual(parseSingleJson(runPrt(args).stdout));
  });
});

describe('prt error on Event Viewer text (built exe)', () => {
  const real = (name: string) => join('test/fixtures/real/events', name);

  it('builds the attempt of a pasted message and marks it as text in the JSON', () => {
    const result = runPrt(['error', '--events', real('adfs-china-1088-1084-message-only.txt'), '--json']);
    expect(result.code).toBe(0);
    const diagnosis = parseSingleJson(result.stdout);
    const [attempt] = diagnosis.Attempts;
    expect(attempt).toMatchObject({ SourceFormat: 'MessageText', Start: null, FirstEventTime: null, LocalTime: null, Orphan: true });
    expect(attempt.ServerError.Code).toBe('ID3082');
    expect(attempt.NetworkSubError).toMatchObject({ Hex: '0x800484c1', WinHttpError: null });
    expect(diagnosis.TextRecords.map((r: any) => [r.EventId, r.EventIdFrom, r.TimeZone])).toEqual([[1088, 'Message', 'Unknown'], [1084, 'Message', 'Unknown'], [1085, 'Message', 'Unknown']]);
  });

  it('says in the human output which records came from text and that their time is unknown', () => {
    const result = runPrt(['error', '--events', real('whfb-adfs-aad-errors-message-only.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/from message text\]/);
    expect(result.stdout).toMatch(/From Event Viewer text: 4 AAD records/);
    expect(result.stdout).toMatch(/message text alone: the event id was recognised from the text .*time and log are unknown/);
    expect(result.stdout).toMatch(/MSIS9682/);
  });

  it('lists the codes of token broker records that belong to no PRT attempt', () => {
    const diagnosis = parseSingleJson(runPrt(['error', '--events', real('kiosk-1098-interaction-required.txt'), '--json']).stdout);
    expect(diagnosis.Attempts).toEqual([]);
    expect(diagnosis.Summary).toMatch(/No PRT attempt could be built .* 2 AAD records from Event Viewer text/);
    expect(diagnosis.TextRecords.map((r: any) => r.Codes)).toEqual([['0xcaa2000c', 'AADSTS50076'], ['0xcaa2000c', 'AADSTS50158']]);
    expect(diagnosis.TextRecords[0].Explained[0].Name).toBe('ERROR_ADAL_SERVER_ERROR_INTERACTION_REQUIRED');
  });

  it('reads a saved .txt (UTF-16LE) and .csv of selected events', () => {
    const diagnosis = parseSingleJson(runPrt(['error', '--events', events('text-saved-events.tsv.txt'), '--events', events('text-saved-events.csv'), '--json']).stdout);
    expect(new Set(diagnosis.TextRecords.map((r: any) => r.SourceFormat))).toEqual(new Set(['EventViewerTsv', 'EventViewerCsv']));
    expect(diagnosis.Attempts.map((a: any) => a.Status?.Hex ?? null)).toContain('0xc0000064');
  });

  it('reads the same text the same way as prt.exe under Wine', () => {
    const args = ['error', '--events', real('account-disabled-1081-loose-header.txt'), '--json'];
    const windows = runPrtExe(args);
    expect(windows.code).toBe(0);
    expect(parseSingleJson(windows.stdout)).toEqual(parseSingleJson(runPrt(args).stdout));
  });
});

describe('prt error live (forced) against fake dsregcmd and wevtutil', () => {
  let work: string;
  let log: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'prt-error-live-'));
    log = join(work, 'calls.log');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const live = (env: NodeJS.ProcessEnv = {}) => {
    writeFileSync(log, '');
    const state = mkdtempSync(join(work, 'state-'));
    return runPrt(['error', '--json', '--now', '2026-11-20T10:00:00Z', '--since', '2h'], {
      PRT_FORCE_LIVE: '1',
      PATH: `${join(repoRoot, 'test/fakes/bin')}:/usr/bin:/bin`,
      FAKE_TOOL_LOG: log,
      FAKE_STATE_DIR: state,
      FAKE_DSREGCMD_OUTPUT: join(repoRoot, dsreg('missing-prt-0xc000006d-aadsts50126.txt')),
      FAKE_QE_OPERATIONAL: join(repoRoot, events('wrong-password-50126.operational.xml')),
      FAKE_QE_ANALYTIC: join(repoRoot, events('wrong-password-50126.analytic.xml')),
      ...env,
    });
  };

  it('runs dsregcmd, then queries both channels with the event IDs and the time window', () => {
    const result = live({ FAKE_ANALYTIC_ENABLED: 'true' });
    expect(result.code).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    const xpath = "*[System[(EventID=1006 or EventID=1007 or EventID=1022 or EventID=1081 or EventID=1084 or EventID=1088 or EventID=1097 or EventID=1098 or EventID=1104 or EventID=1144) and TimeCreated[@SystemTime>='2026-11-20T08:00:00.000Z']]]";
    // Both channels are read together (merged by time as they stream): the Analytic one's setting first.
    expect(calls).toEqual([
      'dsregcmd /status',
      'wevtutil gl Microsoft-Windows-AAD/Analytic',
      `wevtutil qe Microsoft-Windows-AAD/Operational /q:${xpath} /f:RenderedXml`,
      `wevtutil qe Microsoft-Windows-AAD/Analytic /q:${xpath} /f:RenderedXml`,
    ]);
    const diagnosis = parseSingleJson(result.stdout);
    expect(diagnosis.Attempts[0].Explanation.map((l: any) => l.Name)).toEqual(['STATUS_LOGON_FAILURE', 'InvalidUserNameOrPassword']);
  });

  it('says the Analytic channel is disabled and still reports the Operational errors', () => {
    const diagnosis = parseSingleJson(live({ FAKE_ANALYTIC_ENABLED: 'false', FAKE_QE_ANALYTIC: '' }).stdout);
    expect(diagnosis.Notes.join(' ')).toMatch(/Analytic log is disabled/);
    expect(diagnosis.Attempts.some((a: any) => a.ServerError?.Code === 'AADSTS50126')).toBe(true);
  });

  it('goes on with the Operational log when an enabled Analytic channel refuses to be read', () => {
    const result = live({ FAKE_ANALYTIC_ENABLED: 'true', FAKE_QE_REFUSE_ENABLED: '1' });
    expect(result.code).toBe(0);
    const diagnosis = parseSingleJson(result.stdout);
    expect(diagnosis.Notes.join(' ')).toMatch(/Analytic could not be read/);
    expect(diagnosis.Attempts.some((a: any) => a.ServerError?.Code === 'AADSTS50126')).toBe(true);
  });
});
