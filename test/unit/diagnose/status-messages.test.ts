/**
 * What `prt status` says, word for word where an admin acts on the words: the join inference, the
 * failed attempt, the join failure, the clock a capture is judged by, and what a partial capture
 * could and could not judge. Captures are written as dsregcmd prints them and go through the parser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateStatus, type EvaluateOptions } from '../../../src/diagnose/evaluate.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';

const RULE = `+${'-'.repeat(70)}+`;
const box = (name: string, ...lines: string[]) => [RULE, `| ${name.padEnd(69)}|`, RULE, '', ...lines.map((l) => `  ${l}`), ''].join('\n');
const NOW = new Date('2026-11-20T09:00:00Z');
const deviceState = (aadj: string, dj: string, ...more: string[]) => box('Device State', `AzureAdJoined : ${aadj}`, 'EnterpriseJoined : NO', `DomainJoined : ${dj}`, ...more);
const sso = (...lines: string[]) => box('SSO State', ...lines);
const healthySso = (...more: string[]) => sso('AzureAdPrt : YES', 'AzureAdPrtUpdateTime : 2026-11-20 08:00:00.000 UTC', 'AzureAdPrtExpiryTime : 2026-12-04 08:00:00.000 UTC', ...more);

function judge(text: string, options: Partial<EvaluateOptions> = {}): PrtStatus {
  return evaluateStatus(parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' }), {
    now: NOW,
    systemNow: new Date('2030-01-01T00:00:00Z'),
    source: { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' },
    ...options,
  });
}
function judgeFixture(name: string, options: Partial<EvaluateOptions> = {}): PrtStatus {
  const { text, encoding } = decodeCapture(readFileSync(new URL(`../../fixtures/dsregcmd/${name}`, import.meta.url)));
  return evaluateStatus(parseDsregcmd(text, { source: name, encoding }), { systemNow: new Date('2030-01-01T00:00:00Z'), source: { Kind: 'File', Path: name, Encoding: encoding }, ...options });
}
const ids = (s: PrtStatus) => s.Findings.map((f) => f.Id);
const message = (s: PrtStatus, id: string) => s.Findings.find((f) => f.Id === id)?.Message;

describe('the join type from the Device State box', () => {
  it('YES and YES is hybrid joined; YES and NO is Entra joined', () => {
    expect(judge(`${deviceState('YES', 'YES')}\n${healthySso()}`).JoinType).toBe('HybridAzureAdJoined');
    expect(judge(`${deviceState('YES', 'NO')}\n${healthySso()}`).JoinType).toBe('AzureAdJoined');
  });

  it('NO with a work account, or WorkplaceJoined : YES, is registered only', () => {
    const byWorkplace = judge(`${deviceState('NO', 'NO')}\n${box('User State', 'NgcSet : NO', 'WorkplaceJoined : YES')}\n${sso('AzureAdPrt : NO')}`);
    expect([byWorkplace.JoinType, byWorkplace.WorkplaceJoined, byWorkplace.Health]).toEqual(['AzureAdRegistered', true, 'NotApplicable']);
    const byAccount = judge(`${deviceState('NO', 'NO')}\n${box('Work Account 1', 'WorkplaceTenantName : Contoso')}\n${sso('AzureAdPrt : NO')}`);
    expect(byAccount.JoinType).toBe('AzureAdRegistered');
    expect(message(byAccount, 'RegisteredOnly')).toBe('The device is only registered (a work account was added); registered devices have no device PRT.');
  });

  it('NO and YES is domain joined only, naming the domain when it is shown', () => {
    expect(message(judge(deviceState('NO', 'YES', 'DomainName : CONTOSO')), 'DomainJoinedOnly')).toBe(
      'The device is joined to the domain CONTOSO but not to Entra ID: hybrid join has not completed, so there is no PRT.',
    );
    expect(message(judge(deviceState('NO', 'YES')), 'DomainJoinedOnly')).toBe('The device is joined to a domain but not to Entra ID: hybrid join has not completed, so there is no PRT.');
  });

  it('AzureAdJoined : NO with the domain line missing is not a judgement of the domain side', () => {
    const s = judge(box('Device State', 'AzureAdJoined : NO', 'Device Name : PC-1'));
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['Unknown', 'None']);
    expect(ids(s)).not.toContain('NotJoined');
  });

  it('reads every Device State flag into the document', () => {
    const s = judge(`${box('Device State', 'AzureAdJoined : YES', 'EnterpriseJoined : NO', 'DomainJoined : YES', 'DomainName : CONTOSO', 'Device Name : PC-1.contoso.com')}\n${healthySso()}`);
    expect([s.AzureAdJoined, s.EnterpriseJoined, s.DomainJoined, s.DomainName, s.DeviceName]).toEqual([true, false, true, 'CONTOSO', 'PC-1.contoso.com']);
  });
});

describe('the join type inferred without a Device State box', () => {
  it('names every line the hybrid inference rests on', () => {
    const s = judge(
      [
        box('Device Details', 'DeviceId : 0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853', 'DeviceAuthStatus : SUCCESS'),
        sso('AzureAdPrt : YES', 'AzureAdPrtUpdateTime : 2026-11-20 08:00:00.000 UTC', 'AzureAdPrtExpiryTime : 2026-12-04 08:00:00.000 UTC', 'EnterprisePrt : YES', 'EnterprisePrtAuthority : https://fs.contoso.com:443/adfs', 'OnPremTgt : YES'),
        box('Diagnostic Data', 'AadRecoveryEnabled : NO', 'KeySignTest : PASSED'),
      ].join('\n'),
    );
    expect([s.JoinType, s.JoinTypeEvidence]).toEqual(['HybridAzureAdJoined', 'Inferred']);
    expect(message(s, 'JoinTypeInferred')).toBe(
      'The capture does not show the Device State lines (AzureAdJoined, DomainJoined); HybridAzureAdJoined is inferred from AzureAdPrt : YES, DeviceId in Device Details, post-join diagnostics (KeySignTest), EnterprisePrt : YES, an EnterprisePrtAuthority (AD FS), OnPremTgt : YES.',
    );
  });

  it('takes DeviceAuthStatus for Device Details and AadRecoveryEnabled for post-join diagnostics when the others are missing', () => {
    const s = judge([box('Device Details', 'DeviceAuthStatus : SUCCESS'), box('Diagnostic Data', 'AadRecoveryEnabled : NO')].join('\n'));
    expect(message(s, 'JoinTypeInferred')).toBe(
      'The capture does not show the Device State lines (AzureAdJoined, DomainJoined); DeviceAuthStatus in Device Details, post-join diagnostics (AadRecoveryEnabled) show the device is joined to Entra ID, but not whether it is also joined to a domain.',
    );
  });

  it('says "shows" for one line of evidence', () => {
    const s = judge(box('Device Details', 'DeviceId : 0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853', 'TpmProtected : YES'));
    expect(message(s, 'JoinTypeInferred')).toContain('; DeviceId in Device Details shows the device is joined to Entra ID, but not whether');
  });

  it('a domain seen without Entra evidence is named as such', () => {
    const one = judge(sso('EnterprisePrt : YES', 'EnterprisePrtAuthority : NO'));
    expect([one.JoinType, one.JoinTypeEvidence]).toEqual(['Unknown', 'Inferred']);
    expect(message(one, 'JoinTypeInferred')).toBe(
      'The capture does not show the Device State lines (AzureAdJoined, DomainJoined); EnterprisePrt : YES shows the device is joined to an on-premises domain, but not whether it is also joined to Entra ID.',
    );
    const two = judge(sso('EnterprisePrt : NO', 'EnterprisePrtAuthority : https://fs.contoso.com:443/adfs', 'OnPremTgt : YES'));
    expect(message(two, 'JoinTypeInferred')).toContain('an EnterprisePrtAuthority (AD FS), OnPremTgt : YES show the device is joined to an on-premises domain');
  });

  it('IsDeviceJoined : NO alone says the device has no device PRT to judge, and infers no join type', () => {
    const s = judge(`${box('Ngc Prerequisite Check', 'IsDeviceJoined : NO', 'IsUserAzureAD : NO')}\n${sso('AzureAdPrt : NO')}`);
    expect([s.JoinType, s.JoinTypeEvidence, s.Health]).toEqual(['Unknown', 'None', 'NotApplicable']);
    expect(ids(s)).not.toContain('PrtMissing');
  });

  it('IsDeviceJoined : NO with a domain sign is domain joined, inferred', () => {
    const s = judge(`${box('Ngc Prerequisite Check', 'IsDeviceJoined : NO')}\n${sso('AzureAdPrt : NO', 'OnPremTgt : YES')}`);
    expect([s.JoinType, s.JoinTypeEvidence, s.Health]).toEqual(['DomainJoined', 'Inferred', 'NotApplicable']);
    expect(message(s, 'JoinTypeInferred')).toContain('DomainJoined is inferred from OnPremTgt : YES, IsDeviceJoined : NO.');
  });

  it('IsDeviceJoined : NO next to Entra evidence leaves the join open and judges the PRT', () => {
    const s = judge(`${box('Ngc Prerequisite Check', 'IsDeviceJoined : NO')}\n${box('Device Details', 'DeviceId : 0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853')}\n${sso('AzureAdPrt : NO', 'OnPremTgt : YES')}`);
    expect([s.JoinType, s.Health]).toEqual(['Unknown', 'Missing']);
  });
});

describe('the clock a capture is judged by', () => {
  const capture = `${deviceState('YES', 'NO')}\n${healthySso()}\n${box('Diagnostic Data', 'Client Time : 2026-11-20 10:00:00.000 UTC')}`;

  it('--now wins over the Client Time', () => {
    const s = judge(capture);
    expect([s.ClockSource, s.EvaluatedAt, s.CaptureTime, s.PrtAgeHours]).toEqual(['Now', '2026-11-20T09:00:00.000Z', '2026-11-20T10:00:00.000Z', 1]);
  });

  it('a file is judged by its own Client Time, a live or simulated run by the system clock', () => {
    expect(judge(capture, { now: undefined }).ClockSource).toBe('CaptureClientTime');
    expect(judge(capture, { now: undefined }).PrtAgeHours).toBe(2);
    for (const Kind of ['Live', 'Simulated'] as const) {
      const s = judge(capture, { now: undefined, systemNow: new Date('2026-11-20T11:00:00Z'), source: { Kind, Path: null, Encoding: 'utf-16le' } });
      expect([s.ClockSource, s.EvaluatedAt, s.PrtAgeHours]).toEqual(['SystemClock', '2026-11-20T11:00:00.000Z', 3]);
    }
  });

  it('an update time after the instant judged against is inconsistent, naming where the instant came from', () => {
    const update = sso('AzureAdPrt : YES', 'AzureAdPrtUpdateTime : 2026-11-20 09:30:00.000 UTC', 'AzureAdPrtExpiryTime : 2026-12-04 09:30:00.000 UTC');
    expect(message(judge(`${deviceState('YES', 'NO')}\n${update}`), 'PrtTimesInconsistent')).toBe(
      'The PRT times of this capture cannot be trusted: the update time 2026-11-20T09:30:00.000Z is later than the instant judged against (2026-11-20T09:00:00.000Z, from --now). Freshness and expiry were not judged.',
    );
    expect(message(judge(`${deviceState('YES', 'NO')}\n${update}`, { now: undefined, systemNow: NOW }), 'PrtTimesInconsistent')).toContain("(2026-11-20T09:00:00.000Z, this computer's clock)");
  });
});

describe('the PRT findings, word for word', () => {
  it('an expired PRT names both times', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${healthySso()}`, { now: new Date('2026-12-05T00:00:00Z') });
    expect(message(s, 'PrtExpired')).toBe('The Azure AD PRT expired at 2026-12-04T08:00:00.000Z; it was last renewed at 2026-11-20T08:00:00.000Z.');
  });

  it('an expired PRT whose update time cannot be read says so', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${sso('AzureAdPrt : YES', 'AzureAdPrtUpdateTime : [Date]', 'AzureAdPrtExpiryTime : 2026-11-01 08:00:00.000 UTC')}`);
    expect([s.Health, message(s, 'PrtExpired')]).toEqual(['Expired', 'The Azure AD PRT expired at 2026-11-01T08:00:00.000Z; it was last renewed at an unknown time.']);
    expect(message(s, 'PrtTimesUnreadable')).toBe('The PRT exists but its times cannot be read: AzureAdPrtUpdateTime reads "[Date]".');
  });

  it('a stale PRT names its age and the renewal interval', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${healthySso()}`, { now: new Date('2026-11-20T14:30:00Z') });
    expect(message(s, 'PrtStale')).toBe('The Azure AD PRT was last renewed 6.5 hours ago (at 2026-11-20T08:00:00.000Z); it should be renewed at least every 4 hours.');
  });

  it('an empty time line and a missing one are told apart', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${sso('AzureAdPrt : YES', 'AzureAdPrtUpdateTime : ')}`);
    expect(message(s, 'PrtTimesUnreadable')).toBe('The PRT exists but its times cannot be read: AzureAdPrtUpdateTime is empty; AzureAdPrtExpiryTime is not in the capture.');
  });

  it('reads the PRT authorities and the Enterprise PRT times', () => {
    const s = judge(
      `${deviceState('YES', 'YES')}\n${healthySso('AzureAdPrtAuthority : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', 'EnterprisePrt : YES', 'EnterprisePrtUpdateTime : 2026-11-20 08:10:00.000 UTC', 'EnterprisePrtExpiryTime : 2026-11-20 12:10:00.000 UTC', 'EnterprisePrtAuthority : https://fs.contoso.com:443/adfs')}`,
    );
    expect([s.AzureAdPrtAuthority, s.EnterprisePrt, s.EnterprisePrtUpdateTime, s.EnterprisePrtExpiryTime, s.EnterprisePrtAuthority]).toEqual([
      'https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', true, '2026-11-20T08:10:00.000Z', '2026-11-20T12:10:00.000Z', 'https://fs.contoso.com:443/adfs',
    ]);
    expect(ids(s)).toEqual([]);
  });
});

describe('a failed attempt, word for word', () => {
  it('the acquire of the wrong-password capture names the time, the status and what Entra ID said', () => {
    const s = judgeFixture('missing-prt-0xc000006d-aadsts50126.txt');
    expect(message(s, 'LastAttemptFailed')).toBe(
      'The last attempt to acquire the Azure AD PRT at 2026-09-18T20:20:09.760Z failed with 0xc000006d (the server said invalid_grant: AADSTS50126: The sign-in was refused because the user name or the password did not match.).',
    );
  });

  it('a refresh that never reached the server names the network error, and nothing the server said', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${healthySso('RefreshPrtDiagnostics : PRESENT', 'Attempt Status : 0xc000023c', 'HTTP Error : 0x80072efd')}`);
    expect(message(s, 'LastAttemptFailed')).toBe('The last attempt to refresh the Azure AD PRT failed with 0xc000023c; the network error was 0x80072efd.');
  });

  it('lines pasted without their block say "get"; an HTTP Error of 0x0 is no network error', () => {
    const s = judge(['Attempt Status : 0xc000006d', 'HTTP Error : 0x0', 'Server Error Code : invalid_grant', 'AzureAdPrt : NO'].join('\n'));
    expect(message(s, 'LastAttemptFailed')).toBe('The last attempt to get the Azure AD PRT failed with 0xc000006d (the server said invalid_grant).');
  });

  it('an Azure AD PRT attempt sent to AD FS (its endpoint, or an MSIS code) is answered by AD FS', () => {
    const byEndpoint = judge(sso('AzureAdPrt : NO', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'Endpoint URI : https://fs.contoso.com/ADFS/oauth2/token', 'Server Error Code : invalid_grant'));
    expect(message(byEndpoint, 'LastAttemptFailed')).toContain('(AD FS said invalid_grant)');
    const byCode = judge(sso('AzureAdPrt : NO', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'Server Error Description : MSIS7068: Access denied.'));
    expect(message(byCode, 'LastAttemptFailed')).toContain('(AD FS said MSIS7068: Access denied.)');
  });

  it('a successful attempt is no finding', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${healthySso('RefreshPrtDiagnostics : PRESENT', 'Attempt Status : 0x0')}`);
    expect(ids(s)).toEqual([]);
  });
});

describe('device authentication', () => {
  it('FAILED without a code: the device object is the suspect, the catalog step stands', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('Device Details', 'DeviceId : 0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853', 'DeviceAuthStatus : FAILED. Device is either disabled or deleted')}\n${healthySso()}`);
    const failed = s.Findings.find((f) => f.Id === 'DeviceAuthFailed');
    expect(failed?.Message).toBe('The device could not authenticate to Entra ID: DeviceAuthStatus is "FAILED. Device is either disabled or deleted".');
    expect(failed?.NextStep).toContain('Entra admin center');
    expect(s.DeviceId).toBe('0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853');
  });

  it('FAILED with a code and no decoder lists the code without claiming anything about it', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('Device Details', 'DeviceAuthStatus : FAILED. Error: 0xd000023c')}\n${healthySso()}`);
    expect(message(s, 'DeviceAuthFailed')).toBe('The device could not authenticate to Entra ID: DeviceAuthStatus is "FAILED. Error: 0xd000023c". 0xd000023c from DeviceAuthStatus.');
  });

  it('SUCCESS is no finding', () => {
    expect(ids(judge(`${deviceState('YES', 'NO')}\n${box('Device Details', 'DeviceAuthStatus : SUCCESS')}\n${healthySso()}`))).toEqual([]);
  });
});

describe('the user session', () => {
  it('Executing Account Name NT AUTHORITY\\SYSTEM means no user session', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('Diagnostic Data', 'Executing Account Name : NT AUTHORITY\\SYSTEM', 'Client Time : 2026-11-20 09:00:00.000 UTC')}`);
    expect(message(s, 'NoUserContext')).toBe(
      "dsregcmd ran without a signed-in user (Executing Account Name : NT AUTHORITY\\SYSTEM), so the capture cannot say anything about the user's PRT.",
    );
  });

  it('a user account named like SYSTEM is a user', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('Diagnostic Data', 'Executing Account Name : CONTOSO\\systemadmin, systemadmin@contoso.com', 'Client Time : 2026-11-20 09:00:00.000 UTC')}`);
    expect(ids(s)).not.toContain('NoUserContext');
  });

  it('the empty User State box is named as the reason', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('User State')}\n${box('Tenant Details', 'TenantName : Contoso')}`);
    expect(message(s, 'NoUserContext')).toContain('(the User State box is empty)');
  });

  it('our own run without SSO State ran outside a user session; a file without it is only partial', () => {
    const live = judge(`${deviceState('YES', 'NO')}\n${box('Tenant Details', 'TenantName : Contoso')}`, { source: { Kind: 'Live', Path: null, Encoding: 'utf-16le' } });
    expect(message(live, 'NoUserContext')).toContain('dsregcmd printed no SSO State here');
    const file = judge(`${deviceState('YES', 'NO')}\n${box('Tenant Details', 'TenantName : Contoso')}`);
    expect(ids(file)).toEqual(['PartialCapture']);
  });
});

describe('a partial capture says what it judged and what not', () => {
  it('an SSO State box cut before its AzureAdPrt line', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${sso('EnterprisePrt : NO')}`, { now: undefined });
    expect(message(s, 'PartialCapture')).toBe(
      'Partial capture: it shows Device State, SSO State; missing Device Details, Tenant Details, User State, Diagnostic Data. Judged: the join type, the Enterprise PRT. Not judged: the Azure AD PRT (the SSO State box is cut before its AzureAdPrt line); whether Entra ID accepts the device (DeviceAuthStatus, in Device Details); when the capture was taken (Client Time, in Diagnostic Data).',
    );
  });

  it('pasted SSO State lines without an AzureAdPrt line, judged by the capture clock', () => {
    const s = judge(['CloudTgt : YES', 'DeviceAuthStatus : SUCCESS', 'Client Time : 2026-11-20 09:00:00.000 UTC'].join('\n'), { now: undefined });
    expect(message(s, 'PartialCapture')).toBe(
      'Partial capture: it shows SSO State (loose lines, no box), Device Details (loose lines, no box), Diagnostic Data (loose lines, no box); missing Device State, Tenant Details, User State. Judged: that the device is joined (JoinTypeInferred), device authentication (DeviceAuthStatus). Not judged: the Azure AD PRT (the pasted SSO State lines have no AzureAdPrt line); the kind of join (no Device State box; see JoinTypeInferred).',
    );
  });

  it('a whole capture of an inferred join names the inference as not judged the Device State way', () => {
    const s = judge(
      [box('Device Details', 'DeviceId : 0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853', 'DeviceAuthStatus : SUCCESS'), healthySso('EnterprisePrt : YES'), box('Diagnostic Data', 'Client Time : 2026-11-20 09:00:00.000 UTC', 'KeySignTest : PASSED')].join('\n'),
    );
    expect(message(s, 'PartialCapture')).toBe(
      'Partial capture: it shows Device Details, SSO State, Diagnostic Data; missing Device State, Tenant Details, User State. Judged: the Azure AD PRT, the join type, the Enterprise PRT, the join diagnostics, device authentication (DeviceAuthStatus). Not judged: the join type as Device State would state it (inferred instead: see JoinTypeInferred).',
    );
  });

  it('with nothing to infer from, nothing is judged', () => {
    const s = judge(box('User State', 'NgcSet : NO', 'CanReset : NO'));
    expect(message(s, 'PartialCapture')).toBe(
      'Partial capture: it shows User State; missing Device State, Device Details, Tenant Details, SSO State, Diagnostic Data. Judged: nothing. Not judged: the Azure AD PRT (no SSO State box); the join type (no Device State box); whether Entra ID accepts the device (DeviceAuthStatus, in Device Details).',
    );
  });

  it('a failed attempt counts as judged', () => {
    const s = judge(['AzureAdPrt : NO', 'Attempt Status : 0xc000006d'].join('\n'));
    expect(message(s, 'PartialCapture')).toContain('Judged: the Azure AD PRT, the last PRT attempt. Not judged:');
  });
});

describe('work accounts', () => {
  it('each work account is read, a redacted value is not data', () => {
    const s = judgeFixture('registered-two-work-accounts.txt');
    expect(s.WorkAccounts[1]).toEqual({
      WorkplaceTenantId: 'c84a16e0-3f7b-4925-8d0c-61b9e2a5f738',
      WorkplaceTenantName: 'Northwind Traders',
      WorkplaceDeviceId: '1d74b0e2-c865-4a93-b0f7-82e5a19c3d06',
      WorkplaceThumbprint: 'E4092C7B1A6D53F8B0E29A4C61D7F305B8C2E9A1',
      WorkplaceIdp: 'login.windows.net',
    });
    const redacted = judge(`${deviceState('NO', 'NO')}\n${box('Work Account 1', 'WorkplaceDeviceId : [REDACTED_GUID]', 'WorkplaceTenantName : Contoso')}`);
    expect(redacted.WorkAccounts).toEqual([{ WorkplaceTenantId: null, WorkplaceTenantName: 'Contoso', WorkplaceDeviceId: null, WorkplaceThumbprint: null, WorkplaceIdp: null }]);
  });

  it('tenant details are read', () => {
    const s = judge(`${deviceState('YES', 'NO')}\n${box('Tenant Details', 'TenantName : Contoso', 'TenantId : 5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13')}\n${healthySso()}`);
    expect([s.TenantName, s.TenantId]).toEqual(['Contoso', '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13']);
  });
});
