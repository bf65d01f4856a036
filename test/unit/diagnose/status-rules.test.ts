/**
 * The rules of issue 10, one block per rule: each test fails when its rule is broken. Captures
 * are written as dsregcmd prints them and go through the real parser.
 */
import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../../src/app/status.js';
import { evaluateStatus, type EvaluateOptions } from '../../../src/diagnose/evaluate.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';

const RULE = `+${'-'.repeat(70)}+`;
const box = (name: string, ...lines: string[]) => [RULE, `| ${name.padEnd(69)}|`, RULE, '', ...lines.map((l) => `  ${l}`), ''].join('\n');

const deviceState = (aadj: string, dj: string) => box('Device State', `AzureAdJoined : ${aadj}`, 'EnterpriseJoined : NO', `DomainJoined : ${dj}`, 'Device Name : PC-1');
const ssoState = (prt: string, update = '2026-11-20 08:00:00.000 UTC', expiry = '2026-12-04 08:00:00.000 UTC', ...more: string[]) =>
  box('SSO State', `AzureAdPrt : ${prt}`, `AzureAdPrtUpdateTime : ${update}`, `AzureAdPrtExpiryTime : ${expiry}`, 'AzureAdPrtAuthority : https://login.microsoftonline.com/tenant', ...more);
const NOW = new Date('2026-11-20T09:00:00Z');

function judge(text: string, options: Partial<EvaluateOptions> = {}): PrtStatus {
  return evaluateStatus(parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' }), {
    now: NOW,
    systemNow: new Date('2030-01-01T00:00:00Z'),
    source: { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' },
    ...options,
  });
}
async function judgeDecoded(text: string, options: Partial<EvaluateOptions> = {}): Promise<PrtStatus> {
  const report = parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' });
  return evaluateStatus(report, { now: NOW, systemNow: new Date('2030-01-01T00:00:00Z'), source: { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' }, decode: await decoderFor(report), ...options });
}
const ids = (s: PrtStatus) => s.Findings.map((f) => f.Id);
const findingOf = (s: PrtStatus, id: string) => s.Findings.find((f) => f.Id === id);

describe('rule 1: an unknown join type is Unknown, never NotJoined', () => {
  it('a capture without Device State has join type Unknown with no evidence', () => {
    const s = judge(box('User State', 'NgcSet : YES', 'WorkplaceJoined : NO'));
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['Unknown', 'None']);
    expect(ids(s)).not.toContain('NotJoined');
  });

  it('NotJoined comes only from a Device State box that says NO twice', () => {
    const s = judge(`${deviceState('NO', 'NO')}\n${ssoState('NO')}`);
    expect([s.JoinType, s.JoinTypeEvidence, s.Health]).toEqual(['NotJoined', 'DeviceState', 'NotApplicable']);
    expect(ids(s)).toEqual(['NotJoined']);
  });

  it('infers hybrid join from an Azure AD PRT and an Enterprise PRT, and names that evidence', () => {
    const s = judge(ssoState('YES', undefined, undefined, 'EnterprisePrt : YES', 'EnterprisePrtAuthority : https://fs.contoso.com:443/adfs'));
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['HybridAzureAdJoined', 'Inferred']);
    const inferred = findingOf(s, 'JoinTypeInferred');
    expect(inferred?.Severity).toBe('Info');
    expect(inferred?.Message).toContain('AzureAdPrt : YES');
    expect(inferred?.Message).toContain('EnterprisePrt : YES');
  });

  it('infers a domain join from pre-join diagnostics', () => {
    const s = judge(box('Diagnostic Data', 'Client Time : 2026-11-20 09:00:00.000 UTC', 'AD Connectivity Test : PASS', 'DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]'));
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['DomainJoined', 'Inferred']);
    expect(findingOf(s, 'JoinTypeInferred')?.Message).toContain('pre-join diagnostics');
  });

  it('IsDeviceJoined : YES shows a join but not its kind', () => {
    const s = judge(box('Ngc Prerequisite Check', 'IsDeviceJoined : YES', 'IsUserAzureAD : YES', 'PreReqResult : WillProvision'));
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['Unknown', 'Inferred']);
    expect(findingOf(s, 'JoinTypeInferred')?.Message).toContain('IsDeviceJoined : YES');
  });

  it('AzureAdJoined : YES without its DomainJoined line is an Entra join of unknown kind, not an Entra-only join', () => {
    const cut = [RULE, `| ${'Device State'.padEnd(69)}|`, RULE, '', '  AzureAdJoined : YES', '  EnterpriseJoined : NO'].join('\n');
    const s = judge(`${cut}\n`);
    expect([s.JoinType, s.JoinTypeEvidence, s.AzureAdJoined, s.DomainJoined]).toEqual(['Unknown', 'Inferred', true, null]);
    expect(findingOf(s, 'JoinTypeInferred')?.Message).toBe(
      'The capture does not show the Device State line (DomainJoined); AzureAdJoined : YES shows the device is joined to Entra ID, but not whether it is also joined to a domain.',
    );
    expect(findingOf(s, 'PartialCapture')?.Message).toContain('the kind of join (the Device State box is cut; see JoinTypeInferred)');
  });

  it('Device State lines pasted without their box are no box, not a cut box', () => {
    const s = judge(`AzureAdJoined : YES\nEnterpriseJoined : NO\n${ssoState('YES')}`);
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['Unknown', 'Inferred']);
    expect(findingOf(s, 'PartialCapture')?.Message).toContain('the kind of join (no Device State box; see JoinTypeInferred)');
  });

  it('AzureAdJoined : YES without DomainJoined, with an Enterprise PRT, is hybrid by inference', () => {
    const s = judge(`AzureAdJoined : YES\n${ssoState('YES', undefined, undefined, 'EnterprisePrt : YES')}`);
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['HybridAzureAdJoined', 'Inferred']);
    expect(findingOf(s, 'JoinTypeInferred')?.Message).toContain('HybridAzureAdJoined is inferred from AzureAdJoined : YES, AzureAdPrt : YES');
  });
});

describe('rule 2: the PRT is judged whenever its line is shown', () => {
  it('AzureAdPrt : NO without a Device State box is Missing', () => {
    const s = judge(ssoState('NO', '', ''));
    expect([s.Health, s.AzureAdPrt]).toEqual(['Missing', false]);
    expect(ids(s)).toContain('PrtMissing');
  });

  it('AzureAdPrt : NO on a device Device State shows as not joined to Entra ID is not applicable', () => {
    const s = judge(`${deviceState('NO', 'YES')}\n${ssoState('NO', '', '')}`);
    expect(s.Health).toBe('NotApplicable');
    expect(ids(s)).not.toContain('PrtMissing');
  });

  it('no SSO State: Health Unknown, AzureAdPrt null and a PartialCapture saying what was and was not judged', () => {
    const s = judge(deviceState('YES', 'NO'));
    expect([s.Health, s.AzureAdPrt, s.JoinType]).toEqual(['Unknown', null, 'AzureAdJoined']);
    const partial = findingOf(s, 'PartialCapture');
    expect(partial?.Message).toContain('it shows Device State');
    expect(partial?.Message).toContain('missing Device Details, Tenant Details, User State, SSO State, Diagnostic Data');
    expect(partial?.Message).toContain('Judged: the join type');
    expect(partial?.Message).toContain('Not judged: the Azure AD PRT (no SSO State box)');
    expect(partial?.NextStep).toContain('dsregcmd /status');
    expect(partial?.NextStep).toContain('signed-in');
    expect(partial?.NextStep).toContain('whole');
    expect(ids(s)).not.toContain('NoUserContext');
  });

  it('NoUserContext only when the capture shows it: User Context SYSTEM', () => {
    const s = judge(`${deviceState('YES', 'YES')}\n${box('Diagnostic Data', 'User Context : SYSTEM', 'Client Time : 2026-11-20 09:00:00.000 UTC')}`);
    expect(ids(s)).toContain('NoUserContext');
    expect(findingOf(s, 'NoUserContext')?.Message).toContain('User Context : SYSTEM');
    expect(s.Health).toBe('Unknown');
  });

  it('NoUserContext when the User State box is there but empty', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('User State')}\n${box('Tenant Details', 'TenantName : Contoso')}`);
    expect(ids(s)).toContain('NoUserContext');
  });

  it('a complete capture of a healthy device is not partial', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('YES')}`);
    expect(s.Health).toBe('Healthy');
    expect(ids(s)).not.toContain('PartialCapture');
  });
});

describe('rule 3: times that cannot be read are not times', () => {
  for (const [label, value] of [
    ['redacted', '[Date] UTC'],
    ['truncated', '2022-07-2'],
    ['garbage', 'soon'],
    ['empty', ''],
  ] as const) {
    it(`a ${label} expiry time (${JSON.stringify(value)}) gives Unknown and PrtTimesUnreadable with the raw text, never Healthy`, () => {
      const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('YES', undefined, value)}`);
      expect(s.Health).toBe('Unknown');
      const unreadable = findingOf(s, 'PrtTimesUnreadable');
      expect(unreadable?.Message).toContain('AzureAdPrtExpiryTime');
      if (value !== '') expect(unreadable?.Message).toContain(`"${value}"`);
      expect(s.AzureAdPrtExpiryTime).toBeNull();
    });

    it(`a ${label} update time (${JSON.stringify(value)}) gives Unknown and no age`, () => {
      const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('YES', value)}`);
      expect(s.Health).toBe('Unknown');
      expect(s.PrtAgeHours).toBeNull();
      expect(findingOf(s, 'PrtTimesUnreadable')?.Message).toContain('AzureAdPrtUpdateTime');
    });
  }

  it('a PRT line without time lines (old builds) is Unknown, not Healthy', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('User State', 'NgcSet : NO', 'AzureAdPrt : YES')}`);
    expect([s.AzureAdPrt, s.Health]).toEqual([true, 'Unknown']);
    expect(findingOf(s, 'PrtTimesUnreadable')?.Message).toContain('AzureAdPrtUpdateTime is not in the capture');
  });

  it('a readable update time older than 4 hours is still Stale when the expiry is unreadable', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('YES', '2026-11-19 08:00:00.000 UTC', '[Date] UTC')}`);
    expect(s.Health).toBe('Stale');
    expect(ids(s)).toContain('PrtTimesUnreadable');
  });

  it('an expiry before the update: Unknown and PrtTimesInconsistent, neither Expired nor Healthy', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('YES', '2020-07-12 22:57:53.000 UTC', '2019-07-26 22:58:35.000 UTC')}`, { now: new Date('2020-07-12T23:00:00Z') });
    expect(s.Health).toBe('Unknown');
    const inconsistent = findingOf(s, 'PrtTimesInconsistent');
    expect(inconsistent?.Severity).toBe('Warning');
    expect(inconsistent?.Message).toContain('cannot be trusted');
    expect(inconsistent?.Message).toContain('is not after the update time');
    expect(s.PrtAgeHours).toBeNull();
  });

  it("an update time later than the capture's Client Time is inconsistent", () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('YES', '2026-11-20 10:00:00.000 UTC')}\n${box('Diagnostic Data', 'Client Time : 2026-11-20 09:00:00.000 UTC')}`, { now: undefined });
    expect(s.ClockSource).toBe('CaptureClientTime');
    expect(s.Health).toBe('Unknown');
    expect(findingOf(s, 'PrtTimesInconsistent')?.Message).toContain("later than the capture's own clock");
  });

  it('Unknown never silently becomes Healthy: every unreadable spelling of either time', () => {
    const unreadable = ['[Date] UTC', '[Date]', '2022-07-2', '2022-07-26 22:5', '***', '<redacted>', 'xxxx-xx-xx xx:xx:xx', 'UNKNOWN', '', '2020-02-30 10:00:00.000 UTC'];
    for (const bad of unreadable) {
      for (const which of ['update', 'expiry'] as const) {
        const s = judge(`${deviceState('YES', 'NO')}\n${which === 'update' ? ssoState('YES', bad) : ssoState('YES', undefined, bad)}`);
        expect(s.Health, `${which} = ${JSON.stringify(bad)}`).not.toBe('Healthy');
      }
    }
  });
});

describe('rule 4: redaction recognised', () => {
  const text = [
    box('Device State', 'AzureAdJoined : YES', 'DomainJoined : YES', 'DomainName : xxxxx', 'Device Name : [REDACTED_DEVICE_NAME]'),
    box('Device Details', 'DeviceId : 96fa76d0-xxxx-xxxx-xxxx-eb60cc22xxxx', 'DeviceAuthStatus : SUCCESS'),
    box('Tenant Details', 'TenantName : ***', 'TenantId : [TenantId]'),
    ssoState('YES', '[Date] UTC', '[Date] UTC'),
  ].join('\n');

  it('keeps the raw values in Sections and null in typed fields', () => {
    const s = judge(text);
    expect([s.DeviceName, s.DeviceId, s.TenantName, s.TenantId, s.DomainName, s.AzureAdPrtUpdateTime]).toEqual([null, null, null, null, null, null]);
    const details = s.Sections.find((x) => x.Name === 'Device Details');
    expect(details?.Fields.find((f) => f.Name === 'DeviceId')?.Value).toBe('96fa76d0-xxxx-xxxx-xxxx-eb60cc22xxxx');
  });

  it('lists the redacted fields in a RedactedCapture finding (Info)', () => {
    const redacted = findingOf(judge(text), 'RedactedCapture');
    expect(redacted?.Severity).toBe('Info');
    for (const name of ['DomainName', 'Device Name', 'DeviceId', 'TenantName', 'TenantId', 'AzureAdPrtUpdateTime']) expect(redacted?.Message).toContain(name);
  });

  it("does not take dsregcmd's own brackets, braces or neutral GUIDs for redaction", () => {
    const s = judge(
      [
        deviceState('YES', 'NO'),
        box('Device Details', 'DeviceId : aaaabbbb-0000-cccc-1111-dddd2222eeee', 'DeviceCertificateValidity : [ 2019-01-11 21:02:50.000 UTC -- 2029-01-11 21:32:50.000 UTC ]', 'DeviceAuthStatus : SUCCESS'),
        box('User State', 'WamDefaultGUID : { B16898C6-A148-4967-9171-64D755DA8520 } (AzureAd)', 'NgcKeyId : {FA0DB076-A5D7-4844-82D8-50A2FB42EC7B}'),
        ssoState('YES', undefined, undefined, 'EnterprisePrt : NO', 'EnterprisePrtAuthority :'),
        box('Diagnostic Data', 'KeySignTest : ERROR [UNKNOWN_ERROR]'),
      ].join('\n'),
    );
    expect(ids(s)).not.toContain('RedactedCapture');
    expect(s.DeviceId).toBe('aaaabbbb-0000-cccc-1111-dddd2222eeee');
  });
});

describe('rule 5: join failures are findings', () => {
  const preJoin = box(
    'Diagnostic Data',
    'User Context : SYSTEM',
    'Client Time : 2019-01-31 09:25:31.000 UTC',
    'AD Connectivity Test : PASS',
    'DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]',
    'Previous Registration : 2019-01-31 09:16:43.000 UTC',
    'Registration Type : sync',
    'Error Phase : join',
    'Client ErrorCode : 0x801c03f2',
    'Server ErrorCode : DirectoryError',
    'Server Message : The device object by the given id (e92325d0-xxxx-xxxx-xxxx-94ae875d5245) is not found.',
    'Https Status : 400',
    'Request Id : 6bff0bd9-820b-484b-ab20-2a4f7b76c58e',
  );

  it('JoinFailed (Error) carries the phase, every code, the server text and each decoded fix', async () => {
    const s = await judgeDecoded(preJoin, { now: undefined });
    const failed = findingOf(s, 'JoinFailed');
    expect(failed?.Severity).toBe('Error');
    for (const part of ['phase "join"', '0x801c0021', '0x80072ee2', '0x801c03f2', 'DirectoryError', 'is not found', 'DSREG_E_DIRECTORY_FAILURE', 'DSREG_AUTOJOIN_DISC_FAILED', 'Fix:']) {
      expect(failed?.Message).toContain(part);
    }
  });

  it('without a decoder the codes are still listed, and nothing is claimed about the knowledge base', () => {
    const failed = findingOf(judge(preJoin, { now: undefined }), 'JoinFailed');
    expect(failed?.Message).toContain('0x801c03f2 from Client ErrorCode.');
    expect(failed?.Message).not.toContain('knowledge base');
  });

  it('JoinDiagnostics is typed in the JSON beside Diagnostics', async () => {
    const s = await judgeDecoded(preJoin, { now: undefined });
    const j = s.JoinDiagnostics!;
    expect([j.ErrorPhase, j.RegistrationType, j.ClientErrorCode, j.ServerErrorCode, j.HttpsStatus, j.PreviousRegistration, j.Failed]).toEqual([
      'join', 'sync', '0x801c03f2', 'DirectoryError', 400, '2019-01-31T09:16:43.000Z', true,
    ]);
    expect(j.Tests.find((t) => t.Name === 'DRS Discovery Test')).toEqual({ Name: 'DRS Discovery Test', Result: 'FAIL', Codes: ['0x801c0021', '0x80072ee2'] });
    expect(j.Codes.map((c) => [c.Code, c.Where, c.Known])).toEqual([
      ['0x801c0021', 'DRS Discovery Test', true],
      ['0x80072ee2', 'DRS Discovery Test', true],
      ['0x801c03f2', 'Client ErrorCode', true],
      ['DirectoryError', 'Server ErrorCode', true],
    ]);
    expect(Object.keys(s).indexOf('JoinDiagnostics')).toBe(Object.keys(s).indexOf('Diagnostics') + 1);
  });

  it('post-join diagnostics that pass are not a failure', () => {
    const s = judge(box('Diagnostic Data', 'AadRecoveryEnabled: NO', 'KeySignTest : PASSED'));
    expect(ids(s)).not.toContain('JoinFailed');
    expect(s.JoinDiagnostics?.KeySignTest).toBe('PASSED');
    expect(s.JoinType).not.toBe('NotJoined');
  });

  it('DeviceAuthStatus : FAILED. Error: 0xd000023c decodes its code and leads with its fix', async () => {
    const s = await judgeDecoded(['DeviceAuthStatus : FAILED. Error: 0xd000023c', 'Attempt Status : 0xc000023c', 'HTTP Error : 0x80072ee7'].join('\n'));
    const failed = findingOf(s, 'DeviceAuthFailed');
    expect(failed?.Message).toContain('0xd000023c (HRESULT_FROM_NT(STATUS_NETWORK_UNREACHABLE))');
    expect(failed?.NextStep).toContain('prt explain 0xd000023c');
    expect(s.Health).toBe('Unknown');
  });

  it('without a code to decode, the status path does not load the knowledge base', async () => {
    const report = parseDsregcmd(`${deviceState('YES', 'NO')}\n${ssoState('YES')}`, { source: 'x', encoding: 'utf-8' });
    expect(await decoderFor(report)).toBeUndefined();
  });

  it('EnterprisePrt : NO with an AD FS authority is EnterprisePrtMissing (Warning); with no authority it is not', () => {
    const withAuthority = judge(`${deviceState('YES', 'YES')}\n${ssoState('YES', undefined, undefined, 'EnterprisePrt : NO', 'EnterprisePrtAuthority : https://fs.contoso.com:443/adfs')}`);
    expect(findingOf(withAuthority, 'EnterprisePrtMissing')?.Severity).toBe('Warning');
    expect(findingOf(withAuthority, 'EnterprisePrtMissing')?.Message).toMatch(/AD FS.*Windows Hello for Business certificate trust/);
    const without = judge(`${deviceState('YES', 'YES')}\n${ssoState('YES', undefined, undefined, 'EnterprisePrt : NO', 'EnterprisePrtAuthority : NO')}`);
    expect(ids(without)).not.toContain('EnterprisePrtMissing');
  });

  it('an Enterprise PRT attempt that failed at AD FS is labelled AD FS, not WS-Trust', () => {
    const s = judge(
      ssoState('YES', undefined, undefined, 'EnterprisePrt : NO', 'EnterprisePrtAuthority :', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'Endpoint URI : https://fs.contoso.com/adfs/oauth2/token/', 'HTTP status : 400', 'Server Error Code : invalid_grant', 'Server Error Description : MSIS9682: Received invalid OAuth JWT Bearer request.'),
    );
    const failed = findingOf(s, 'LastAttemptFailed');
    expect(failed?.Message).toContain('Enterprise PRT (AD FS)');
    expect(failed?.Message).toContain('AD FS said invalid_grant: MSIS9682');
    expect(failed?.Message).not.toMatch(/WS-Trust/i);
  });
});

describe('several runs of dsregcmd in one text', () => {
  const sso = (update: string) => ssoState('YES', `${update} UTC`, '2026-12-01 08:00:00.000 UTC');
  const clientTime = (time: string) => box('Diagnostic Data', `Client Time : ${time} UTC`);

  it('judges the last run pasted ("before" and "after" a lock and unlock) and says the text holds two', () => {
    const s = judge(`Before:\n${sso('2026-11-20 02:00:00.000')}\nAfter lock and unlock:\n${sso('2026-11-20 08:55:00.000')}`);
    expect([s.Health, s.AzureAdPrtUpdateTime]).toEqual(['Healthy', '2026-11-20T08:55:00.000Z']);
    expect(findingOf(s, 'SeveralCaptures')?.Message).toBe(
      'The text holds 2 runs of dsregcmd /status (a section repeats, as in "before" and "after" pastes): judged the last one in the text; the others are not judged.',
    );
  });

  it('judges the latest run by its Client Time when every run shows one, wherever it stands', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${sso('2026-11-20 08:55:00.000')}\n${clientTime('2026-11-20 09:00:00.000')}\n${deviceState('YES', 'NO')}\n${sso('2026-11-20 02:00:00.000')}\n${clientTime('2026-11-20 03:00:00.000')}`);
    expect(s.AzureAdPrtUpdateTime).toBe('2026-11-20T08:55:00.000Z');
    expect(findingOf(s, 'SeveralCaptures')?.Message).toContain('judged run 1, the latest by its Client Time');
  });

  it('one run with several work accounts is one run', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('Work Account 1', 'WorkplaceTenantName : Contoso')}\n${box('Work Account 2', 'WorkplaceTenantName : Fabrikam')}\n${sso('2026-11-20 08:55:00.000')}`);
    expect(ids(s)).not.toContain('SeveralCaptures');
    expect(s.WorkAccounts).toHaveLength(2);
  });
});

describe('a run as SYSTEM says nothing about the user\'s PRT', () => {
  const diag = (...lines: string[]) => box('Diagnostic Data', ...lines);

  it('AzureAdPrt : NO from SYSTEM (an Intune or ConfigMgr script) is Unknown with NoUserContext, not a missing PRT', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${ssoState('NO', '', '')}\n${diag('Executing Account Name : NT AUTHORITY\\SYSTEM')}`);
    expect([s.Health, s.AzureAdPrt]).toEqual(['Unknown', false]);
    expect(ids(s)).toContain('NoUserContext');
    expect(ids(s)).not.toContain('PrtMissing');
  });

  it('the computer\'s own account (CONTOSO\\PC1$) is SYSTEM too; a user\'s account is not', () => {
    const asComputer = judge(`${deviceState('YES', 'YES')}\n${ssoState('NO', '', '')}\n${diag('Executing Account Name : RCMLAB\\RCMLAB-WS2022-S$, RCMLAB-WS2022-S$@rcmlab.local')}`);
    expect(asComputer.Health).toBe('Unknown');
    expect(findingOf(asComputer, 'NoUserContext')?.Message).toBe(
      'dsregcmd ran without a signed-in user (Executing Account Name : RCMLAB\\RCMLAB-WS2022-S$, RCMLAB-WS2022-S$@rcmlab.local), so the capture cannot say anything about the user\'s PRT.',
    );
    const asUser = judge(`${deviceState('YES', 'YES')}\n${ssoState('NO', '', '')}\n${diag('Executing Account Name : CONTOSO\\jdoe, jdoe@contoso.com')}`);
    expect([asUser.Health, ids(asUser).includes('PrtMissing'), ids(asUser).includes('NoUserContext')]).toEqual(['Missing', true, false]);
  });

  it('a computer account alone on the line (no UPN after it) is SYSTEM; a user whose name holds a $ before its end is a user', () => {
    const alone = judge(`${deviceState('YES', 'YES')}\n${ssoState('NO', '', '')}\n${diag('Executing Account Name : CONTOSO\\PC1$')}`);
    expect([alone.Health, findingOf(alone, 'NoUserContext')?.Message]).toEqual([
      'Unknown',
      'dsregcmd ran without a signed-in user (Executing Account Name : CONTOSO\\PC1$), so the capture cannot say anything about the user\'s PRT.',
    ]);
    const dollarInside = judge(`${deviceState('YES', 'YES')}\n${ssoState('NO', '', '')}\n${diag('Executing Account Name : CONTOSO\\svc$backup, svc$backup@contoso.com')}`);
    expect([dollarInside.Health, ids(dollarInside).includes('NoUserContext')]).toEqual(['Missing', false]);
  });
});
