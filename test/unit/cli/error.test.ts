import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventQuery } from '../../../src/host/event-host.js';
import { hybridWrongPasswordSample } from '../../../src/samples/hybrid-wrong-password.js';
import { runInMemory, scriptedHost } from './harness.js';

const fixtures = new URL('../../fixtures/', import.meta.url).pathname;
const eventFile = (name: string) => join(fixtures, 'events', name);
const dsregFile = (name: string) => join(fixtures, 'dsregcmd', name);

/** A host whose files are the fixtures, and whose live channels replay fixture files. */
function fixtureHost(channels: Partial<Record<string, string>> = {}, analyticEnabled = true) {
  const queries: EventQuery[] = [];
  const host = scriptedHost({
    readCapture: async (path) => readFileSync(path),
    runDsregcmdStatus: async () => readFileSync(dsregFile('missing-prt-0xc000006d-aadsts50126.txt')),
    readEventFile: (path) => createReadStream(path),
    listFolder: async () => null,
    isChannelEnabled: async () => analyticEnabled,
    queryEvents: (query) => {
      queries.push(query);
      const file = channels[query.channel];
      return file ? createReadStream(eventFile(file)) : (async function* () {})();
    },
  });
  return { host, queries };
}

describe('prt error (in memory)', () => {
  it('follows 0xc000006d through event 1081 to AADSTS50126 and its fix', async () => {
    const { host } = fixtureHost();
    const result = await runInMemory(['error', '--events', eventFile('wrong-password-50126.operational.xml'), '--events', eventFile('wrong-password-50126.analytic.xml'), '--json'], host);
    expect(result.code).toBe(0);
    const diagnosis = JSON.parse(result.stdout);
    expect(diagnosis.Failed).toBe(1);
    const [attempt] = diagnosis.Attempts;
    expect(attempt.Method).toBe('Events');
    expect(attempt.Status.Name).toBe('STATUS_LOGON_FAILURE');
    expect(attempt.ServerError).toMatchObject({ Code: 'AADSTS50126', Error: 'invalid_grant', Source: 'AzureAD' });
    expect(attempt.Upn).toBe('alice@contoso.com');
    expect(attempt.Url).toMatch(/oauth2\/token$/);
    expect(attempt.Explanation.map((link: { Name: string }) => link.Name)).toEqual(['STATUS_LOGON_FAILURE', 'InvalidUserNameOrPassword']);
    expect(attempt.NextSteps.length).toBeGreaterThan(0);
    expect(attempt.EventRecordIds.length).toBeGreaterThan(2);
  });

  it('follows 0xc000023c through the 1084 sub-error to WinHTTP CANNOT_CONNECT and the URL to check', async () => {
    const { host } = fixtureHost();
    const diagnosis = JSON.parse((await runInMemory(['error', '--events', eventFile('network-unreachable-12029.xml'), '--json'], host)).stdout);
    const [attempt] = diagnosis.Attempts;
    expect(attempt.Explanation.map((link: { Name: string }) => link.Name)).toEqual(['STATUS_NETWORK_UNREACHABLE', 'ERROR_WINHTTP_CANNOT_CONNECT']);
    expect(attempt.NextSteps[0]).toContain(attempt.Url);
  });

  it('reports an attempt seen by dsregcmd and by the logs once, as Both', async () => {
    const { host } = fixtureHost({
      'Microsoft-Windows-AAD/Operational': 'wrong-password-50126.operational.xml',
      'Microsoft-Windows-AAD/Analytic': 'wrong-password-50126.analytic.xml',
    });
    // The sample's diagnostics block is the same 09:13:41 attempt the event fixtures log.
    host.runDsregcmdStatus = async () => new TextEncoder().encode(hybridWrongPasswordSample);
    const diagnosis = JSON.parse((await runInMemory(['error', '--json', '--now', '2026-11-20T10:00:00Z'], host)).stdout);
    expect(diagnosis.Status.Health).toBe('Missing');
    expect(diagnosis.Attempts).toHaveLength(1);
    expect(diagnosis.Attempts[0]).toMatchObject({ Method: 'Both', Prt: 'AzureAd', Kind: 'Acquire', HttpStatus: 400, CredentialType: 'Password' });
    expect(diagnosis.Attempts[0].EventRecordIds.length).toBeGreaterThan(0);
  });

  it('queries both AAD channels on a device, with the event IDs and the time window', async () => {
    const { host, queries } = fixtureHost();
    await runInMemory(['error', '--json', '--since', '2h', '--now', '2026-11-20T10:00:00Z'], host);
    expect(queries.map((query) => query.channel)).toEqual(['Microsoft-Windows-AAD/Operational', 'Microsoft-Windows-AAD/Analytic']);
    expect(queries[0]?.since?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(queries[0]?.eventIds).toEqual(expect.arrayContaining([1006, 1007, 1022, 1081, 1084, 1088, 1098, 1144]));
  });

  it('says when the Analytic channel is disabled, and still shows the Operational errors', async () => {
    const { host } = fixtureHost({ 'Microsoft-Windows-AAD/Operational': 'operational-only.xml' }, false);
    const diagnosis = JSON.parse((await runInMemory(['error', '--json'], host)).stdout);
    expect(diagnosis.Notes.join(' ')).toMatch(/Analytic log is disabled/);
    expect(diagnosis.Attempts.some((a: { Orphan: boolean }) => a.Orphan)).toBe(true);
  });

  it('says plainly when nothing failed', async () => {
    const { host } = fixtureHost();
    const result = await runInMemory(['error', '--events', eventFile('empty-export.xml')], host);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^No PRT attempt (failed|was found)/);
  });

  it('refuses a file with a DTD with exit 3 naming the file', async () => {
    const { host } = fixtureHost();
    const result = await runInMemory(['error', '--events', eventFile('with-dtd.xml'), '--json'], host);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error.Message).toContain('with-dtd.xml');
  });

  it('skips a broken event, reports it, and keeps the rest', async () => {
    const { host } = fixtureHost();
    const diagnosis = JSON.parse((await runInMemory(['error', '--events', eventFile('malformed-middle.xml'), '--json'], host)).stdout);
    expect(diagnosis.Problems).toHaveLength(1);
    expect(diagnosis.Notes.join(' ')).toContain('could not be read and was skipped');
    expect(diagnosis.Attempts.length).toBeGreaterThan(0);
  });

  it('rejects a --since it cannot read', async () => {
    const { host } = fixtureHost();
    expect((await runInMemory(['error', '--since', 'yesterday'], host)).code).toBe(2);
  });
});

describe('prt error when the Analytic log was off', () => {
  it('completes an Operational-only attempt with the status and time dsregcmd saw', async () => {
    const { host } = fixtureHost({ 'Microsoft-Windows-AAD/Operational': 'wrong-password-50126.operational.xml' }, false);
    host.runDsregcmdStatus = async () => new TextEncoder().encode(hybridWrongPasswordSample);
    const diagnosis = JSON.parse((await runInMemory(['error', '--json', '--now', '2026-11-20T10:00:00Z'], host)).stdout);
    expect(diagnosis.Attempts).toHaveLength(1);
    const [attempt] = diagnosis.Attempts;
    expect(attempt).toMatchObject({ Method: 'Both', Orphan: true, Finished: true, Succeeded: false, Start: '2026-11-20T09:13:41.127Z' });
    expect(attempt.Status.Hex).toBe('0xc000006d');
    expect(diagnosis.Summary).toContain('0xc000006d (STATUS_LOGON_FAILURE)');
  });
});
