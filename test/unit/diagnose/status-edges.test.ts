/**
 * Edges of the status rules that the mutation run of evaluate.ts found untested: time boundaries
 * of the consistency checks, who ran dsregcmd, the inferred join, the partial-capture report and
 * the wording of the findings. Real captures of test/fixtures/real/dsregcmd where one shows the
 * case, otherwise text as dsregcmd prints it, through the real parser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../../src/app/status.js';
import { evaluateStatus, type EvaluateOptions } from '../../../src/diagnose/evaluate.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import type { DsregReport } from '../../../src/dsreg/types.js';

const RULE = `+${'-'.repeat(70)}+`;
const box = (name: string, ...lines: string[]) => [RULE, `| ${name.padEnd(69)}|`, RULE, '', ...lines.map((l) => `${l.split(' : ')[0]?.padStart(26)} : ${l.split(' : ').slice(1).join(' : ')}`), ''].join('\r\n');
const parsed = (text: string): DsregReport => parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' });
const realReport = (name: string): DsregReport => {
  const { text, encoding } = decodeCapture(readFileSync(new URL(`../../fixtures/real/dsregcmd/${name}`, import.meta.url)));
  return parseDsregcmd(text, { source: name, encoding });
};
const FILE = { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' } as const;
const judge = (report: DsregReport, options: Partial<EvaluateOptions> = {}): PrtStatus => evaluateStatus(report, { systemNow: new Date('2030-01-01T00:00:00Z'), source: FILE, ...options });
const judgeDecoded = async (report: DsregReport, options: Partial<EvaluateOptions> = {}) => judge(report, { decode: await decoderFor(report), ...options });
const ids = (s: PrtStatus) => s.Findings.map((f) => f.Id);
const message = (s: PrtStatus, id: string) => s.Findings.find((f) => f.Id === id)?.Message ?? '';

const joined = box('Device State', 'AzureAdJoined : YES', 'EnterpriseJoined : NO', 'DomainJoined : NO', 'Device Name : PC-1');
const sso = (update: string, expiry: string) => box('SSO State', 'AzureAdPrt : YES', `AzureAdPrtUpdateTime : ${update}`, `AzureAdPrtExpiryTime : ${expiry}`);

describe('the consistency of the PRT times, at their boundaries', () => {
  it('an expiry equal to the update time is not after it: the times are not trusted', () => {
    const s = judge(parsed(`${joined}\r\n${sso('2026-11-20 08:00:00.000 UTC', '2026-11-20 08:00:00.000 UTC')}`), { now: new Date('2026-11-20T09:00:00Z') });
    expect([s.Health, ids(s)]).toEqual(['Unknown', ['PrtTimesInconsistent']]);
  });

  it('a PRT renewed in the very second the capture was taken (its Client Time) is fresh, not from the future', () => {
    const capture = `${joined}\r\n${sso('2026-11-20 09:00:00.000 UTC', '2026-12-04 09:00:00.000 UTC')}\r\n${box('Diagnostic Data', 'Client Time : 2026-11-20 09:00:00.000 UTC')}`;
    const s = judge(parsed(capture));
    expect([s.ClockSource, s.Health, s.PrtAgeHours]).toEqual(['CaptureClientTime', 'Healthy', 0]);
  });

  it('a PRT renewed at the very instant judged against (--now) is fresh, not from the future', () => {
    const s = judge(parsed(`${joined}\r\n${sso('2026-11-20 09:00:00.000 UTC', '2026-12-04 09:00:00.000 UTC')}`), { now: new Date('2026-11-20T09:00:00Z') });
    expect([s.Health, ids(s)]).toEqual(['Healthy', []]);
  });

  it('two reasons not to trust the times are both named, one after the other', () => {
    const capture = `${joined}\r\n${sso('2026-11-20 10:00:00.000 UTC', '2026-11-20 09:00:00.000 UTC')}\r\n${box('Diagnostic Data', 'Client Time : 2026-11-20 09:30:00.000 UTC')}`;
    expect(message(judge(parsed(capture)), 'PrtTimesInconsistent')).toBe(
      'The PRT times of this capture cannot be trusted: the expiry time 2026-11-20T09:00:00.000Z is not after the update time 2026-11-20T10:00:00.000Z; the update time 2026-11-20T10:00:00.000Z is later than the capture\'s own clock (Client Time 2026-11-20T09:30:00.000Z). Freshness and expiry were not judged.',
    );
  });
});

describe('who ran dsregcmd', () => {
  it('an un-elevated user is a user: no NoUserContext, and a device not joined to Entra ID has no PRT to leave unjudged', () => {
    const s = judge(realReport('pre-join-discover-timeout-0x80072ee2-unelevated.txt'));
    expect(s.JoinDiagnostics?.UserContext).toBe('UN-ELEVATED User');
    expect(s.Health).toBe('NotApplicable');
    expect(ids(s)).not.toContain('NoUserContext');
    expect(message(s, 'PartialCapture')).toContain('Judged: the join type, the join diagnostics. Not judged: the join type as Device State would state it (inferred instead: see JoinTypeInferred).');
  });

  it('a simulated run, like a live one, is whole: no SSO State there means no user session', () => {
    const report = parsed(joined);
    expect(ids(judge(report, { source: { Kind: 'Simulated', Path: null, Encoding: 'utf-8' } }))).toContain('NoUserContext');
    expect(ids(judge(report, { source: FILE }))).not.toContain('NoUserContext');
  });

  it('a capture run as SYSTEM before a join: health not applicable, and the PRT is not claimed as judged', () => {
    const s = judge(realReport('pre-join-discover-0x801c0021-0x801c000c-system.txt'));
    expect(s.Health).toBe('NotApplicable');
    expect(message(s, 'NoUserContext')).toBe("dsregcmd ran without a signed-in user (User Context : SYSTEM), so the capture cannot say anything about the user's PRT.");
    expect(message(s, 'PartialCapture')).not.toContain('the Azure AD PRT');
  });
});

describe('the join inferred from lines, not from Device State', () => {
  it('a capture whose top was cut after DomainJoined : YES, with an Azure AD PRT, is hybrid joined by inference', () => {
    const capture = ['              DomainJoined : YES', '                DomainName : CONTOSO', box('SSO State', 'AzureAdPrt : YES', 'AzureAdPrtUpdateTime : 2026-11-20 08:00:00.000 UTC', 'AzureAdPrtExpiryTime : 2026-12-04 08:00:00.000 UTC')].join('\r\n');
    const s = judge(parsed(capture), { now: new Date('2026-11-20T09:00:00Z') });
    expect([s.JoinType, s.JoinTypeEvidence, s.Health]).toEqual(['HybridAzureAdJoined', 'Inferred', 'Healthy']);
    expect(message(s, 'JoinTypeInferred')).toContain('HybridAzureAdJoined is inferred from AzureAdPrt : YES, DomainJoined : YES.');
  });

  it('pre-join diagnostics alone infer a domain join, said once and in full', () => {
    const s = judge(realReport('pre-join-discover-0x801c0021-0x801c000c-system.txt'));
    expect(message(s, 'JoinTypeInferred')).toBe('The capture does not show the Device State lines (AzureAdJoined, DomainJoined); DomainJoined is inferred from pre-join diagnostics.');
  });

  it('an Enterprise PRT without an Azure AD PRT proves a domain, not that the device is outside Entra ID: the missing PRT is a finding', () => {
    const s = judge(realReport('enterprise-sso-azure-prt-no-enterprise-prt-yes-de-page.txt'));
    expect([s.JoinType, s.JoinTypeEvidence, s.Health]).toEqual(['Unknown', 'Inferred', 'Missing']);
    expect(message(s, 'PrtMissing')).toMatch(/^There is no Azure AD PRT: /);
  });
});

describe('the findings name what they found', () => {
  it('NotJoined says what Device State showed', () => {
    const s = judge(parsed(box('Device State', 'AzureAdJoined : NO', 'EnterpriseJoined : NO', 'DomainJoined : NO')));
    expect(message(s, 'NotJoined')).toMatch(/^The Device State box says the device is joined neither to Entra ID nor to a domain/);
  });

  it('a join failure lists only the failed test of the real capture, not the passing ones', () => {
    const s = judge(realReport('pre-join-discover-0x801c0021-0x801c000c-system.txt'));
    expect(message(s, 'JoinFailed')).toMatch(/^Joining the device to Entra ID failed: the last registration at 2019-01-31T09:23:30.000Z failed in phase "discover"; DRS Discovery Test FAIL \[0x801c0021\/0x801c000c\]; Client ErrorCode 0x801c0021\. /);
  });

  it('a server code without a message is named alone', () => {
    const s = judge(parsed(box('Diagnostic Data', 'Error Phase : join', 'Server ErrorCode : DirectoryError')));
    expect(message(s, 'JoinFailed')).toBe('Joining the device to Entra ID failed: the last registration failed in phase "join"; Server ErrorCode DirectoryError. DirectoryError from Server ErrorCode.');
  });

  it('a summary or a fix with a full stop inside (a second sentence, a URL) keeps it; only the last one gives way', async () => {
    const join = parsed(box('Diagnostic Data', 'Error Phase : discover', 'Client ErrorCode : 0x801c000c'));
    const joinDecode = await decoderFor(join);
    const fix = joinDecode?.('0x801c000c')?.Fix ?? '';
    expect(fix.slice(0, -1)).toContain('.');
    expect(message(judge(join, { decode: joinDecode }), 'JoinFailed')).toContain(`Fix: ${fix.replace(/\.$/, '')}.`);

    const device = parsed(box('Device Details', 'DeviceId : 5820fbe9-60c8-43b0-bb11-44aee233e4e7', 'DeviceAuthStatus : FAILED. Error: 0xd000023c'));
    const deviceDecode = await decoderFor(device);
    const summary = deviceDecode?.('0xd000023c')?.Summary ?? '';
    expect(summary.slice(0, -1)).toContain('. ');
    expect(message(judge(device, { decode: deviceDecode }), 'DeviceAuthFailed')).toContain(`from DeviceAuthStatus: ${summary.replace(/\.$/, '')}.`);

    const withUrl = () => ({ Known: true, Name: null, Summary: null, Fix: 'Re-enable the device object at https://entra.microsoft.com.' });
    const step = judge(device, { decode: withUrl }).Findings.find((f) => f.Id === 'DeviceAuthFailed')?.NextStep ?? '';
    expect(step).toMatch(/^Re-enable the device object at https:\/\/entra\.microsoft\.com\. `prt explain 0xd000023c` gives the details/);
  });

  it('a DeviceAuthStatus code the decoder cannot read is said to be unknown, and the fix of a known one comes first, whole', async () => {
    const report = parsed(box('Device Details', 'DeviceId : 5820fbe9-60c8-43b0-bb11-44aee233e4e7', 'DeviceAuthStatus : FAILED. Error: 0xd000023c'));
    expect(message(judge(report, { decode: () => null }), 'DeviceAuthFailed')).toContain('0xd000023c from DeviceAuthStatus: not in the knowledge base.');
    const decode = await decoderFor(report);
    const fix = decode?.('0xd000023c')?.Fix ?? '';
    expect(fix).not.toBe('');
    const step = (await judgeDecoded(report)).Findings.find((f) => f.Id === 'DeviceAuthFailed')?.NextStep ?? '';
    expect(step.startsWith(`${fix.replace(/\.$/, '')}. \`prt explain 0xd000023c\``)).toBe(true);
  });

  it('every redacted field is named, separated', () => {
    const s = judge(realReport('redacted-date-sso-adfs-msis9682-stray-x.txt'));
    expect(message(s, 'RedactedCapture')).toBe('Some values were redacted before the capture was shared and are not judged: AzureAdPrtUpdateTime, AzureAdPrtExpiryTime, AzureAdPrtAuthority, Previous Prt Attempt, User Identity, Correlation ID, Endpoint URI.');
  });
});

describe('the Enterprise PRT and AD FS', () => {
  it('EnterprisePrt : NO with an empty authority line has no AD FS to blame: no EnterprisePrtMissing', () => {
    expect(ids(judge(realReport('redacted-date-sso-adfs-msis9682-stray-x.txt')))).not.toContain('EnterprisePrtMissing');
  });

  it('a failed Enterprise PRT attempt is AD FS\'s answer even when the paste shows neither its endpoint nor an MSIS code', () => {
    const capture = box('SSO State', 'AzureAdPrt : YES', 'EnterprisePrt : NO', 'RefreshPrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'Server Error Code : invalid_grant');
    expect(message(judge(parsed(capture)), 'LastAttemptFailed')).toBe('The last attempt to refresh the Enterprise PRT (AD FS) failed with 0xc000006d (AD FS said invalid_grant).');
  });

  it('an attempt sent to an /adfs/ endpoint is AD FS\'s answer even when the paste lost its PRT line', () => {
    const capture = box('SSO State', 'RefreshPrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'Endpoint URI : https://fs.contoso.com/adfs/oauth2/token/', 'Server Error Code : invalid_grant');
    expect(message(judge(parsed(capture)), 'LastAttemptFailed')).toContain('(AD FS said invalid_grant)');
  });
});

describe('what a partial capture shows', () => {
  it('lines quoted above the boxes are not a section of their own in the report', () => {
    const capture = ['Hybrid join keeps failing, dsregcmd /status shows', '               Error Phase : join', '          Client ErrorCode : 0x801c03f2', '', box('Diagnostic Data', 'User Context : SYSTEM', 'Client Time : 2019-01-31 09:16:50.000 UTC', 'AD Connectivity Test : PASS')].join('\r\n');
    expect(message(judge(parsed(capture)), 'PartialCapture')).toMatch(/^Partial capture: it shows Diagnostic Data; missing Device State, /);
  });

  it('a Device Details box from a build that prints no DeviceAuthStatus is not a missing DeviceAuthStatus', () => {
    const capture = box('Device Details', 'DeviceId : 5820fbe9-60c8-43b0-bb11-44aee233e4e7', 'Thumbprint : B753A6679CE720451921302CA873794D94C6204A', 'TpmProtected : YES');
    const partial = message(judge(parsed(capture)), 'PartialCapture');
    expect(partial).toContain('Not judged: ');
    expect(partial).not.toContain('DeviceAuthStatus');
  });
});

describe('the Windows Hello prerequisites (Ngc Prerequisite Check)', () => {
  const ngc = (...lines: string[]) => judge(parsed(`${joined}\r\n${box('Ngc Prerequisite Check', ...lines)}`));

  it('names each prerequisite that is NO, in our words', () => {
    const s = ngc('IsDeviceJoined : YES', 'IsUserAzureAD : NO', 'SessionIsNotRemote : NO', 'AdfsRefreshToken : NO', 'PreReqResult : WillNotProvision');
    expect(message(s, 'HelloWillNotProvision')).toBe('Windows Hello for Business will not provision (PreReqResult WillNotProvision): IsUserAzureAD NO (the user is not an Entra ID user); SessionIsNotRemote NO (the user is signed in remotely); AdfsRefreshToken NO (no Enterprise PRT from AD FS, which certificate trust needs).');
  });

  it('says when the check itself failed, or when none it shows is NO', () => {
    expect(message(ngc('NgcPreReq : ERROR (0xd0020017)', 'IsDeviceJoined : UNKNOWN', 'PreReqResult : WillNotProvision'), 'HelloWillNotProvision'))
      .toBe('Windows Hello for Business will not provision (PreReqResult WillNotProvision): the check itself failed (NgcPreReq ERROR (0xd0020017)), so it does not know its prerequisites.');
    expect(message(ngc('IsDeviceJoined : YES', 'PreReqResult : WillNotProvision'), 'HelloWillNotProvision'))
      .toBe('Windows Hello for Business will not provision (PreReqResult WillNotProvision), and no prerequisite it shows is NO.');
    // A check that ran (no ERROR) is not called failed.
    expect(message(ngc('NgcPreReq : SUCCEEDED', 'PreReqResult : WillNotProvision'), 'HelloWillNotProvision'))
      .toBe('Windows Hello for Business will not provision (PreReqResult WillNotProvision), and no prerequisite it shows is NO.');
  });

  it('no finding when Hello will provision, when the result is not shown, or on a device not joined to Entra ID', () => {
    expect(ids(ngc('AdfsRefreshToken : NO', 'PreReqResult : WillProvision'))).not.toContain('HelloWillNotProvision');
    expect(ids(ngc('AdfsRefreshToken : NO'))).not.toContain('HelloWillNotProvision');
    const domainOnly = box('Device State', 'AzureAdJoined : NO', 'DomainJoined : YES', 'DomainName : CONTOSO');
    expect(ids(judge(parsed(`${domainOnly}\r\n${box('Ngc Prerequisite Check', 'IsDeviceJoined : NO', 'PreReqResult : WillNotProvision')}`)))).not.toContain('HelloWillNotProvision');
  });

  it('a capture of the check alone says it judged the Hello prerequisites', () => {
    const alone = judge(parsed(box('Ngc Prerequisite Check', 'PolicyEnabled : NO', 'PreReqResult : WillNotProvision')));
    expect(message(alone, 'PartialCapture')).toMatch(/Judged: [^.]*the Windows Hello prerequisites\./);
    expect(ids(alone)).toContain('HelloWillNotProvision');
  });
});

describe('claims a finding makes only on its evidence', () => {
  it('a join failure does not say the device key cannot sign when KeySignTest passed', () => {
    const s = judge(parsed(box('Diagnostic Data', 'Error Phase : join', 'Client ErrorCode : 0x801c03f2', 'KeySignTest : PASSED')));
    expect(message(s, 'JoinFailed')).not.toContain('KeySignTest');
    const failed = judge(parsed(box('Diagnostic Data', 'KeySignTest : FAILED [0x8009002d]')));
    expect(message(failed, 'JoinFailed')).toContain('KeySignTest FAILED [0x8009002d] (the device key cannot sign');
  });

  it('a user whose account name ends in "system" ran dsregcmd as a user, not as SYSTEM', () => {
    const capture = `${joined}\r\n${box('Diagnostic Data', 'AadRecoveryEnabled : NO', 'Executing Account Name : CONTOSO\\opsystem, opsystem@contoso.com', 'KeySignTest : PASSED')}`;
    expect(ids(judge(parsed(capture)))).not.toContain('NoUserContext');
    const asSystem = `${joined}\r\n${box('Diagnostic Data', 'Executing Account Name : NT AUTHORITY\\SYSTEM', 'KeySignTest : PASSED')}`;
    expect(message(judge(parsed(asSystem)), 'NoUserContext')).toContain('Executing Account Name : NT AUTHORITY\\SYSTEM');
  });

  it('a local account of the computer (its domain is the device name, no UPN) holds no Entra PRT: its NO is Unknown, not Missing', () => {
    const device = box('Device State', 'AzureAdJoined : YES', 'DomainJoined : NO', 'Device Name : PC7.contoso.com');
    const sso = box('SSO State', 'AzureAdPrt : NO');
    const as = (account: string) => judge(parsed(`${device}\r\n${sso}\r\n${box('Diagnostic Data', `Executing Account Name : ${account}`)}`));
    const local = as('pc7\\Admin');
    expect(local.Health).toBe('Unknown');
    expect(message(local, 'NoUserContext')).toBe("dsregcmd ran as a local account of this computer (Executing Account Name : pc7\\Admin), which never holds an Entra PRT, so the capture cannot say anything about an Entra user's PRT.");
    // Without the device name a local account cannot be told from a domain one: the NO stands.
    const nameless = judge(parsed(`${box('Device State', 'AzureAdJoined : YES', 'DomainJoined : NO')}\r\n${sso}\r\n${box('Diagnostic Data', 'Executing Account Name : PC7\\Admin')}`));
    expect(nameless.Health).toBe('Missing');
    // Another computer's name, an Entra user, or a domain user with a UPN: the user's own NO.
    for (const account of ['PC8\\Admin', 'AzureAD\\AnnaLee, anna.lee@contoso.com', 'PC7\\anna, anna.lee@contoso.com']) {
      expect(as(account).Health, account).toBe('Missing');
      expect(ids(as(account)), account).not.toContain('NoUserContext');
    }
  });
});

