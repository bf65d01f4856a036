/**
 * Both methods of the checklist's Step 2 as `prt error` reports them: an attempt read from the AAD
 * event logs, one read from dsregcmd's diagnostics block, the two merged when they describe the
 * same attempt, and the one-line summary. Real-shaped input: the event fixtures and dsregcmd text
 * as it prints the block.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromDiagnostics, fromEvents, mergeAttempts, missingStatus, summarise } from '../../../src/diagnose/attempts.js';
import type { DiagnosedAttempt } from '../../../src/diagnose/attempt-types.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { buildAttempts } from '../../../src/events/attempts.js';
import { parseEventText } from '../../../src/events/parse.js';
import { data, ev, fixtureEvents } from '../events/helpers.js';

const textEventsOf = (text: string) => parseEventText(text, { source: 'paste.txt' }).flatMap((item) => ('event' in item ? [item.event] : []));
const logged = async (...fixtures: string[]): Promise<DiagnosedAttempt[]> => buildAttempts(await fixtureEvents(...fixtures)).map(fromEvents);
const foundIn = (a: DiagnosedAttempt | undefined) => a?.Explanation.map((l) => [l.Code, l.FoundIn]);

const RULE = `+${'-'.repeat(70)}+`;
/** An SSO State box as dsregcmd prints it: right-aligned names, then the block lines. */
function ssoBox(prt: 'AzureAdPrt' | 'EnterprisePrt', block: 'AcquirePrtDiagnostics' | 'RefreshPrtDiagnostics', lines: Record<string, string>): string {
  const row = (name: string, value: string) => `${name.padStart(26)} : ${value}`;
  const head = prt === 'AzureAdPrt' ? [row('AzureAdPrt', 'NO')] : [row('AzureAdPrt', 'YES'), row('EnterprisePrt', 'NO'), row('EnterprisePrtAuthority', 'https://fs.contoso.com:443/adfs')];
  return [RULE, `| ${'SSO State'.padEnd(69)}|`, RULE, '', ...head, row(block, 'PRESENT'), ...Object.entries(lines).map(([n, v]) => row(n, v)), ''].join('\r\n');
}
const blockOf = (text: string) => {
  const [block] = parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' }).Diagnostics;
  if (!block) throw new Error('the capture has no diagnostics block');
  return block;
};

/** The wrong-password attempt of the event fixtures, as dsregcmd on the same device reports it. */
const wrongPasswordBlock = (overrides: Record<string, string> = {}) =>
  blockOf(
    ssoBox('AzureAdPrt', 'AcquirePrtDiagnostics', {
      'Previous Prt Attempt': '2026-11-20 09:13:40.000 UTC',
      'Attempt Status': '0xc000006d',
      'User Identity': 'alice@contoso.com',
      'Credential Type': 'Password',
      'Correlation ID': '9f9f9f9f-1111-4222-8333-444455556666',
      'Endpoint URI': 'https://login.microsoftonline.com/5b2a9c4e-8d17-4f3a-b6e0-2c9d71a4f358/oauth2/token',
      'HTTP Method': 'POST',
      'HTTP Error': '0x0',
      'HTTP status': '400',
      'Server Error Code': 'invalid_grant',
      'Server Error Description': 'AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: 0d8a2f5e-1b7c-4e0f-9a31-6c2b7d4e5f01',
      ...overrides,
    }),
  );

describe('an attempt from the event logs', () => {
  it('names the event and its channel record for each code of the chain', async () => {
    const [attempt] = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    expect(attempt?.Method).toBe('Events');
    expect(foundIn(attempt)).toEqual([
      ['0xc000006d', 'event 1007, Analytic #5313'],
      ['AADSTS50126', 'event 1081, Operational #240'],
    ]);
    expect(attempt?.ServerError).toMatchObject({ Code: 'AADSTS50126', Error: 'invalid_grant', CorrelationId: '1c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c', Source: 'AzureAD' });
    expect([attempt?.Upn, attempt?.UserSid, attempt?.ProcessId, attempt?.LocalTime]).toEqual(['alice@contoso.com', 'S-1-12-1-1845361921-1312823535-2714839694-3462517508', 812, null]);
  });

  it('names the WinHTTP number of a network failure, as the checklist table does, and the URL to check', async () => {
    const [attempt] = await logged('network-unreachable-12029.xml');
    expect(foundIn(attempt)).toEqual([
      ['0xc000023c', 'event 1007, Analytic #5313'],
      ['12029', 'event 1084, Operational #240'],
    ]);
    expect(attempt?.NextSteps[0]).toContain('reaches https://login.microsoftonline.com/5b2a9c4e-8d17-4f3a-b6e0-2c9d71a4f358/oauth2/token');
  });

  it('keeps a network code that is not a WinHTTP error as hex, and finds a WS-Trust error in its 1088', async () => {
    const [attempt] = await logged('wstrust-id3242.xml');
    expect(attempt?.ServerError?.Source).toBe('WsTrust');
    expect(foundIn(attempt)).toEqual([
      ['0xc00484c1', 'event 1007, Analytic #5314'],
      ['ID3242', 'event 1088, Operational #240'],
      ['0x800484c1', 'event 1084, Operational #241'],
    ]);
  });

  it('finds each token broker error in its own event', async () => {
    const [attempt] = await logged('token-broker-1098.toxml.xml');
    expect(foundIn(attempt)?.slice(1)).toContainEqual(['0xcaa7000a', 'event 1097, Operational #241']);
  });

  it('names a pasted record by its file and place, and keeps its wall-clock time', async () => {
    const [attempt] = await logged('text-details-dated-attempt.txt');
    expect(foundIn(attempt)).toEqual([
      ['0xc000006d', 'event 1007, text record 4 of text-details-dated-attempt.txt'],
      ['AADSTS50126', 'event 1081, text record 3 of text-details-dated-attempt.txt'],
    ]);
    expect([attempt?.FirstEventTime, attempt?.LocalTime]).toEqual([null, '2026-11-20T10:13:39']);
  });
});

describe('an attempt from dsregcmd diagnostics', () => {
  it('is a failed Azure AD PRT acquire, with the AADSTS code of the description as the server code', () => {
    const attempt = fromDiagnostics(wrongPasswordBlock());
    expect([attempt.Method, attempt.Prt, attempt.Kind, attempt.Start, attempt.Finished, attempt.Succeeded]).toEqual(['Dsregcmd', 'AzureAd', 'Acquire', '2026-11-20T09:13:40.000Z', true, false]);
    expect(attempt.ServerError).toEqual({
      Code: 'AADSTS50126',
      Error: 'invalid_grant',
      Description: 'AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: 0d8a2f5e-1b7c-4e0f-9a31-6c2b7d4e5f01',
      CorrelationId: '9f9f9f9f-1111-4222-8333-444455556666',
      Source: 'AzureAD',
    });
    expect([attempt.HttpStatus, attempt.CredentialType, attempt.Upn, attempt.SourceFormat]).toEqual([400, 'Password', 'alice@contoso.com', 'Dsregcmd']);
    expect(foundIn(attempt)).toEqual([
      ['0xc000006d', 'dsregcmd AcquirePrtDiagnostics (AzureAdPrt): Attempt Status'],
      ['AADSTS50126', 'dsregcmd AcquirePrtDiagnostics (AzureAdPrt): Server Error Description'],
    ]);
  });

  it('takes HTTP Error 0x0 for "no network error", and a failing one for the network sub-error in WinHTTP numbers', () => {
    expect(fromDiagnostics(wrongPasswordBlock()).NetworkSubError).toBeNull();
    const attempt = fromDiagnostics(wrongPasswordBlock({ 'Attempt Status': '0xc000023c', 'HTTP Error': '0x80072ee7', 'HTTP status': '', 'Server Error Code': '', 'Server Error Description': '' }));
    expect(attempt.ServerError).toBeNull();
    expect(foundIn(attempt)).toEqual([
      ['0xc000023c', 'dsregcmd AcquirePrtDiagnostics (AzureAdPrt): Attempt Status'],
      ['12007', 'dsregcmd AcquirePrtDiagnostics (AzureAdPrt): HTTP Error'],
    ]);
    expect(attempt.NextSteps[0]).toContain('reaches https://login.microsoftonline.com/');
  });

  it('is a refresh of the Enterprise PRT answered by AD FS', () => {
    const attempt = fromDiagnostics(
      blockOf(ssoBox('EnterprisePrt', 'RefreshPrtDiagnostics', { 'Attempt Status': '0xc000006d', 'Endpoint URI': 'https://fs.contoso.com/adfs/oauth2/token/', 'Server Error Code': 'invalid_grant', 'Server Error Description': 'MSIS9682: Received invalid OAuth JWT Bearer request.' })),
    );
    expect([attempt.Prt, attempt.Kind, attempt.ServerError?.Source, attempt.ServerError?.Code]).toEqual(['Enterprise', 'Refresh', 'AdFs', 'MSIS9682']);
    expect(attempt.Explanation[0]?.FoundIn).toBe('dsregcmd RefreshPrtDiagnostics (EnterprisePrt): Attempt Status');
  });

  it('is a success when the status is 0x0, and not one when the status is not shown', () => {
    expect(fromDiagnostics(wrongPasswordBlock({ 'Attempt Status': '0x0', 'Server Error Code': '', 'Server Error Description': '' })).Succeeded).toBe(true);
    expect(fromDiagnostics(wrongPasswordBlock({ 'Attempt Status': '' })).Succeeded).toBe(false);
  });

  it('keeps the server error when only its code is shown', () => {
    const attempt = fromDiagnostics(wrongPasswordBlock({ 'Server Error Description': '' }));
    expect(attempt.ServerError).toMatchObject({ Code: 'invalid_grant', Error: 'invalid_grant', Description: null });
  });
});

describe('merging the two methods', () => {
  it('reports an attempt seen by both once, the logs completed by dsregcmd', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    const [merged, ...rest] = mergeAttempts([fromDiagnostics(wrongPasswordBlock())], logs);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ Method: 'Both', Prt: 'AzureAd', Kind: 'Acquire', HttpStatus: 400, CredentialType: 'Password', Start: '2026-11-20T09:13:40.0008604Z', End: '2026-11-20T09:13:40.4267488Z', Succeeded: false });
    // The logs' evidence (record ids, correlation) wins over dsregcmd's.
    expect(merged?.ServerError?.CorrelationId).toBe('1c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c');
    expect(merged?.Explanation[0]?.FoundIn).toBe('event 1007, Analytic #5313');
  });

  it('matches by correlation id (in any case) even when the times disagree', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    const block = wrongPasswordBlock({ 'Previous Prt Attempt': '2026-11-21 09:13:40.000 UTC', 'Correlation ID': '1C1F9E2A-7B3D-4C8E-A0F1-2D3E4F5A6B7C' });
    expect(mergeAttempts([fromDiagnostics(block)], logs).map((a) => a.Method)).toEqual(['Both']);
  });

  it('accepts dsregcmd\'s time up to 5 s outside the logged window, not more', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    const at = (time: string) => mergeAttempts([fromDiagnostics(wrongPasswordBlock({ 'Previous Prt Attempt': time }))], logs).map((a) => a.Method);
    expect(at('2026-11-20 09:13:45.400 UTC')).toEqual(['Both']);
    expect(at('2026-11-20 09:13:35.001 UTC')).toEqual(['Both']);
    expect(at('2026-11-20 09:13:45.500 UTC')).toEqual(['Dsregcmd', 'Events']);
    expect(at('2026-11-20 09:13:34.900 UTC')).toEqual(['Events', 'Dsregcmd']);
  });

  it('keeps two attempts when the statuses differ, even at the same time', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    const block = wrongPasswordBlock({ 'Attempt Status': '0xc000023c' });
    expect(mergeAttempts([fromDiagnostics(block)], logs).map((a) => a.Method).sort()).toEqual(['Dsregcmd', 'Events']);
  });

  it('completes an orphan (no 1006/1007) with dsregcmd\'s status and time when the server codes agree', async () => {
    const orphans = await logged('operational-only.xml');
    const orphan = orphans.find((a) => a.ServerError !== null);
    expect(orphan?.Status).toBeNull();
    const block = wrongPasswordBlock({ 'Previous Prt Attempt': '2026-11-29 08:12:01.000 UTC' });
    const merged = mergeAttempts([fromDiagnostics(block)], orphans).find((a) => a.Method === 'Both');
    expect(merged).toMatchObject({ Start: '2026-11-29T08:12:01.000Z', Finished: true, Succeeded: false });
    expect(merged?.Status?.Hex).toBe('0xc000006d');
    // dsregcmd's chain (status, then server code) is longer than the orphan's (server code only).
    expect(merged?.Explanation.map((l) => l.Code)).toEqual(['0xc000006d', 'AADSTS50126']);
  });

  it('keeps the longer chain of the two, and the logs\' next steps unless they have none', async () => {
    const [log] = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    if (!log) throw new Error('no logged attempt');
    const block = fromDiagnostics(wrongPasswordBlock({ 'Correlation ID': '1c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c' }));
    expect(block.Explanation.length).toBeGreaterThan(1);
    const shortLog = { ...log, Explanation: log.Explanation.slice(0, 1), NextSteps: ['the log\'s own step'] };
    const [merged] = mergeAttempts([block], [shortLog]);
    expect(merged?.Method).toBe('Both');
    expect(merged?.Explanation).toEqual(block.Explanation);
    expect(merged?.NextSteps).toEqual(['the log\'s own step']);
    const [noSteps] = mergeAttempts([block], [{ ...shortLog, NextSteps: [] }]);
    expect(noSteps?.NextSteps).toEqual(block.NextSteps);
    expect(block.NextSteps.length).toBeGreaterThan(0);
  });

  it('does not merge an orphan whose server code differs from dsregcmd\'s', async () => {
    const orphans = await logged('operational-only.xml');
    const block = wrongPasswordBlock({ 'Previous Prt Attempt': '2026-11-29 08:12:01.000 UTC', 'Server Error Description': 'AADSTS50034: The user account does not exist.' });
    expect(mergeAttempts([fromDiagnostics(block)], orphans).map((a) => a.Method)).not.toContain('Both');
  });

  it('does not merge by time when dsregcmd gives no attempt time', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    const block = wrongPasswordBlock({ 'Previous Prt Attempt': '' });
    expect(mergeAttempts([fromDiagnostics(block)], logs).map((a) => a.Method).sort()).toEqual(['Dsregcmd', 'Events']);
  });

  it('lists the attempts newest first', async () => {
    const logs = await logged('success-after-failures.xml');
    const merged = mergeAttempts([], logs.slice().reverse());
    expect(merged.map((a) => a.End)).toEqual(['2026-11-26T11:59:01.2305670Z', '2026-11-26T07:59:00.8549102Z', '2026-11-26T07:55:00.4267488Z']);
  });
});

describe('the summary line', () => {
  it('says that nothing was seen when no attempt was found', () => {
    expect(summarise([])).toBe('No PRT attempt was found in what was read: nothing failed, but nothing was seen either.');
  });

  it('counts the successes when nothing failed', async () => {
    const [success] = await logged('success-after-failures.xml');
    expect(summarise([success!])).toBe('No PRT attempt failed: 1 attempt succeeded.');
    expect(summarise([success!, success!])).toBe('No PRT attempt failed: 2 attempts succeeded.');
  });

  it('names the newest failure and the deepest code of its chain', async () => {
    const attempts = await logged('success-after-failures.xml');
    expect(summarise(attempts)).toBe(
      '2 of 3 PRT attempts failed; the newest failed with 0xc000006d (STATUS_LOGON_FAILURE), because of AADSTS50126 (InvalidUserNameOrPassword): Entra ID rejected the credentials: the user name or password is wrong.',
    );
  });

  it('uses the totals of a cut list, and says when the newest failure has no status', async () => {
    const attempts = await logged('unfinished-attempt.xml');
    expect(summarise(attempts, { attempts: 40, failed: 12 })).toBe('12 of 40 PRT attempts failed; the newest logged no error code. It has no 1007 yet: unfinished, or the log ends first.');
    expect(summarise(attempts.slice(0, 1))).toBe('1 of 1 PRT attempt failed; the newest logged no error code. It has no 1007 yet: unfinished, or the log ends first.');
  });

  it('says of error events without a window that their status is not shown, never that the attempt is unfinished, and names their error', async () => {
    // The Operational log alone (the Analytic log, with 1006/1007, is off by default): orphans.
    const attempts = await logged('operational-only.xml');
    const newest = attempts.find((attempt) => attempt.Explanation.some((link) => link.Code === 'AADSTS50126'));
    expect(newest?.Orphan).toBe(true);
    const summary = summarise([newest as DiagnosedAttempt]);
    expect(summary).toMatch(/^1 of 1 PRT attempt failed; the newest logged error AADSTS50126 \(InvalidUserNameOrPassword\): .+\. Its status is not shown: no 1007 was read\.$/);
    expect(summary).not.toMatch(/unfinished/);
    expect(missingStatus({ Orphan: true, Finished: false })).toBe('status not shown (no 1007 read)');
  });

  it("puts the CloudAP plugin's failed call (1104) at the head of a chain that has no status, its server code after it", async () => {
    const attempts = await logged('operational-only.xml');
    const wrongPassword = attempts.find((attempt) => attempt.Explanation.some((link) => link.Code === 'AADSTS50126'));
    expect(wrongPassword?.Explanation.map((link) => [link.Code, link.FoundIn.replace(/ #\d+$/, '')])).toEqual([
      ['0xc000006d', 'event 1104, Operational'],
      ['AADSTS50126', 'event 1081, Operational'],
    ]);
    expect(summarise([wrongPassword as DiagnosedAttempt])).toMatch(/the newest logged error AADSTS50126 \(InvalidUserNameOrPassword\)/);
  });

  it('a lone 1104 pasted as text is the error it names, not "no error code"', async () => {
    const attempts = buildAttempts(textEventsOf('AAD Cloud AP plugin call Lookup name from SID returned error: 0xC000023C\n')).map(fromEvents);
    expect(attempts.map((attempt) => attempt.Explanation.map((link) => link.Name))).toEqual([['STATUS_NETWORK_UNREACHABLE']]);
    expect(summarise(attempts)).toMatch(/^1 of 1 PRT attempt failed; the newest logged error 0xc000023c \(STATUS_NETWORK_UNREACHABLE\): .+ Its status is not shown: no 1007 was read\.$/);
  });

  it('ends the logged error with a full stop when its summary ends otherwise, even with a full stop inside it', () => {
    // 0x80070520's summary ends in ")" after a sentence of its own: "… AD replication). (HRESULT_FROM_WIN32 form of …)".
    const attempts = buildAttempts(textEventsOf('AAD Cloud AP plugin call Lookup name from SID returned error: 0x80070520\n')).map(fromEvents);
    const summary = summarise(attempts);
    expect(attempts[0]?.Explanation.at(-1)?.Summary).toMatch(/\.\s.*\)$/);
    expect(summary).toMatch(/^1 of 1 PRT attempt failed; the newest logged error 0x80070520 \(HRESULT_FROM_WIN32\(ERROR_NO_SUCH_LOGON_SESSION\)\): .+\)\. Its status is not shown: no 1007 was read\.$/);
  });

  it('says of a window closed without a status that it ended without one', async () => {
    const [unfinished] = await logged('unfinished-attempt.xml');
    const closed = { ...(unfinished as DiagnosedAttempt), Finished: true, Status: null };
    expect(summarise([closed])).toBe('1 of 1 PRT attempt failed; the newest logged no error code. It ended without a status.');
    expect(missingStatus({ Orphan: false, Finished: true })).toBe('no status');
    expect(missingStatus({ Orphan: false, Finished: false })).toBe('no 1007 yet (unfinished, or the log ends first)');
  });

  it('adds no "because" when the chain has only the status', () => {
    const attempt = fromDiagnostics(wrongPasswordBlock({ 'Attempt Status': '0xc000023c', 'Server Error Code': '', 'Server Error Description': '' }));
    expect(summarise([attempt])).toBe('1 of 1 PRT attempt failed; the newest failed with 0xc000023c (STATUS_NETWORK_UNREACHABLE)');
  });
});

describe('edges found by the mutation run of attempts.ts', () => {
  it('a pasted text record that carries its Event Xml is named by its record id, like an exported event', async () => {
    const [attempt] = await logged('text-details-with-event-xml.txt');
    expect(foundIn(attempt)).toEqual([['AADSTS50126', 'event 1081, Operational #240']]);
    // Its instant is known (the Event Xml): no wall-clock time of unknown zone is reported beside it.
    expect([attempt?.FirstEventTime, attempt?.LocalTime]).toEqual(['2026-11-20T09:13:40.4242555Z', null]);
  });

  it('bare messages without a date have neither an instant nor a wall-clock time', async () => {
    const [attempt] = await logged('text-1144-1104-messages.txt');
    expect([attempt?.FirstEventTime, attempt?.LocalTime]).toEqual([null, null]);
  });

  it('an attempt read from dsregcmd has no token broker errors, no event records and is no orphan', () => {
    const attempt = fromDiagnostics(wrongPasswordBlock());
    expect([attempt.TokenBrokerErrors, attempt.EventRecordIds, attempt.Orphan]).toEqual([[], [], false]);
  });

  it('a block that shows the server description but an empty code line still has the server error and its AADSTS code', () => {
    const attempt = fromDiagnostics(wrongPasswordBlock({ 'Server Error Code': '' }));
    expect(attempt.ServerError).toMatchObject({ Code: 'AADSTS50126', Error: null });
    expect(foundIn(attempt)?.map(([code]) => code)).toEqual(['0xc000006d', 'AADSTS50126']);
  });

  it('merging copes with what a block or a log attempt does not show: no correlation id, no server error, no status', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    expect(mergeAttempts([fromDiagnostics(wrongPasswordBlock({ 'Correlation ID': '' }))], logs).map((a) => a.Method)).toEqual(['Both']);
    const network = wrongPasswordBlock({ 'Attempt Status': '0xc000023c', 'HTTP Error': '0x80072ee7', 'HTTP status': '', 'Server Error Code': '', 'Server Error Description': '' });
    expect(mergeAttempts([fromDiagnostics(network)], logs).map((a) => a.Method).sort()).toEqual(['Dsregcmd', 'Events']);
    expect(mergeAttempts([fromDiagnostics(wrongPasswordBlock({ 'Attempt Status': '' }))], logs).map((a) => a.Method).sort()).toEqual(['Dsregcmd', 'Events']);
    // A WS-Trust answer (1088) has no correlation id.
    const wsTrust = await logged('wstrust-id3242.xml');
    expect(wsTrust[0]?.ServerError?.CorrelationId ?? null).toBeNull();
    expect(mergeAttempts([fromDiagnostics(wrongPasswordBlock())], wsTrust).map((a) => a.Method).sort()).toEqual(['Dsregcmd', 'Events']);
  });

  it('accepts dsregcmd\'s time exactly 5 s before the first or after the last logged event', async () => {
    const logs = await logged('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    const at = (time: string) => mergeAttempts([fromDiagnostics(wrongPasswordBlock({ 'Previous Prt Attempt': time }))], logs).map((a) => a.Method);
    // The window is 09:13:40.000 – 09:13:40.426 (milliseconds, as Date keeps them).
    expect(at('2026-11-20 09:13:35.000 UTC')).toEqual(['Both']);
    expect(at('2026-11-20 09:13:45.426 UTC')).toEqual(['Both']);
  });

  it('an orphan completed by dsregcmd takes dsregcmd\'s endpoint and user, which the Operational log does not carry', async () => {
    const orphans = await logged('operational-only.xml');
    const block = wrongPasswordBlock({ 'Previous Prt Attempt': '2026-11-29 08:12:01.000 UTC' });
    const merged = mergeAttempts([fromDiagnostics(block)], orphans).find((a) => a.Method === 'Both');
    expect([merged?.Url, merged?.Upn]).toEqual(['https://login.microsoftonline.com/5b2a9c4e-8d17-4f3a-b6e0-2c9d71a4f358/oauth2/token', 'alice@contoso.com']);
  });

  it('an unfinished attempt (no 1007 yet) is placed by its start: newer than a finished one, it comes first', async () => {
    const logs = await logged('unfinished-attempt.xml');
    const merged = mergeAttempts([], [...logs].reverse());
    expect(merged.map((a) => [a.Start, a.Finished])).toEqual([
      ['2026-11-28T20:00:00.3337488Z', false],
      ['2026-11-28T16:00:00.0008604Z', true],
    ]);
  });

  it('the summary names the deepest link of a three-link chain (status, WS-Trust answer, inner code)', async () => {
    const attempts = await logged('wstrust-id3242.xml');
    expect(attempts[0]?.Explanation.length).toBe(3);
    expect(summarise(attempts)).toMatch(/, because of 0x800484c1 \(AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY\): /);
  });

  it('a deepest code without a published name is named alone (the real MSIS9682 capture)', () => {
    const { text, encoding } = decodeCapture(readFileSync(new URL('../../fixtures/real/dsregcmd/redacted-date-sso-adfs-msis9682-stray-x.txt', import.meta.url)));
    const [block] = parseDsregcmd(text, { source: 'msis9682.txt', encoding }).Diagnostics;
    const attempt = block ? fromDiagnostics(block) : undefined;
    expect(attempt?.Explanation.at(-1)?.Code).toBe('MSIS9682');
    expect(summarise(attempt ? [attempt] : [])).toMatch(/^1 of 1 PRT attempt failed; the newest failed with 0xc000006d \(STATUS_LOGON_FAILURE\), because of MSIS9682: [A-Z]/);
  });

  it('the next steps of a merged attempt are the logs\' when they have any, dsregcmd\'s when the log attempt has none', async () => {
    const orphans = await logged('operational-only.xml');
    const orphan = orphans.find((a) => a.ServerError !== null);
    const completed = mergeAttempts([fromDiagnostics(wrongPasswordBlock({ 'Previous Prt Attempt': '2026-11-29 08:12:01.000 UTC' }))], orphans).find((a) => a.Method === 'Both');
    expect(completed?.NextSteps).toEqual(orphan?.NextSteps);
    // An attempt the Analytic log shows unfinished (no 1007) has no chain and no steps: dsregcmd's complete it.
    const unfinished = await logged('unfinished-attempt.xml');
    const block = fromDiagnostics(wrongPasswordBlock({ 'Previous Prt Attempt': '2026-11-28 20:00:01.000 UTC' }));
    const merged = mergeAttempts([block], unfinished).find((a) => a.Method === 'Both');
    expect(merged?.Status?.Hex).toBe('0xc000006d');
    expect(merged?.NextSteps).toEqual(block.NextSteps);
    expect(block.NextSteps.length).toBeGreaterThan(0);
  });

  it('a code is found in the event it came from: the last 1081 gives the server error, each 1097/1098 its own code', () => {
    // Hand-made events numbered per channel from 1, as Windows does: two answers, two broker errors.
    const attempt = buildAttempts([
      ev({ EventId: 1006, at: 0 }),
      ev({ EventId: 1081, at: 1, Data: data('invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.', '') }),
      ev({ EventId: 1081, at: 2, Data: data('invalid_grant', 'AADSTS50053: The account is locked.', '') }),
      ev({ EventId: 1097, at: 3, Data: [], Message: 'Error: 0xCAA7000A Token broker operation failed.' }),
      ev({ EventId: 1098, at: 4, Data: [], Message: 'Error: 0xCAA20003 Token broker operation failed.' }),
      ev({ EventId: 1098, at: 5, Data: [], Message: 'Error: 0xCAA2000C Token broker operation failed.' }),
      ev({ EventId: 1007, at: 6, Data: data('0xc000006d') }),
    ]).map(fromEvents)[0];
    const records = new Map((attempt?.EventRecordIds ?? []).map((r, i) => [i, r.EventRecordID]));
    expect(foundIn(attempt)).toEqual([
      ['0xc000006d', `event 1007, Analytic #${records.get(6)}`],
      ['AADSTS50053', `event 1081, Operational #${records.get(2)}`],
      ['0xcaa7000a', `event 1097, Operational #${records.get(3)}`],
      ['0xcaa20003', `event 1098, Operational #${records.get(4)}`],
      ['0xcaa2000c', `event 1098, Operational #${records.get(5)}`],
    ]);
  });

  it('a token broker error whose code cannot be read is left out of the chain', () => {
    const attempt = buildAttempts([
      ev({ EventId: 1006, at: 0 }),
      ev({ EventId: 1098, at: 1, Data: [], Message: 'Token broker operation failed.' }),
      ev({ EventId: 1007, at: 2, Data: data('0xc000006d') }),
    ]).map(fromEvents)[0];
    expect(attempt?.TokenBrokerErrors.map((t) => t.Code)).toEqual([null]);
    expect(foundIn(attempt)?.map(([code]) => code)).toEqual(['0xc000006d']);
  });

  it('a plugin call error (1104) whose result cannot be read is left out of the chain; one that can be read is in it, found in its own event', () => {
    const [logged] = buildAttempts([
      ev({ EventId: 1006, at: 0 }),
      ev({ EventId: 1104, at: 1, Level: 2, Data: data('Lookup name from SID', '') }),
      ev({ EventId: 1104, at: 2, Level: 2, Data: data('Lookup name from SID', '3221226044') }),
      ev({ EventId: 1007, at: 3, Data: data('0xc000006d') }),
    ]);
    expect(logged?.PluginErrors.map((p) => p.Result)).toEqual([null, '0xc000023c']);
    const attempt = logged && fromEvents(logged);
    const second1104 = attempt?.EventRecordIds[2]?.EventRecordID;
    expect(foundIn(attempt)).toEqual([
      ['0xc000006d', expect.stringMatching(/^event 1007, Analytic #\d+$/)],
      ['0xc000023c', `event 1104, Operational #${second1104}`],
    ]);
  });

  it('the Azure AD PRT and the Enterprise PRT blocks of one sign-in (same time, same status) stay two attempts', () => {
    const both = [
      ssoBox('AzureAdPrt', 'AcquirePrtDiagnostics', { 'Previous Prt Attempt': '2026-11-20 09:13:40.000 UTC', 'Attempt Status': '0xc000006d' }),
      ssoBox('EnterprisePrt', 'AcquirePrtDiagnostics', { 'Previous Prt Attempt': '2026-11-20 09:13:40.000 UTC', 'Attempt Status': '0xc000006d' }),
    ].map((text) => fromDiagnostics(blockOf(text)));
    expect(mergeAttempts(both, []).map((a) => [a.Method, a.Prt])).toEqual([
      ['Dsregcmd', 'AzureAd'],
      ['Dsregcmd', 'Enterprise'],
    ]);
  });
});

