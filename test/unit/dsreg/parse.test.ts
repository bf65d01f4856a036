import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { isKnownSection, parseDsregcmd } from '../../../src/dsreg/parse.js';
import type { DsregReport } from '../../../src/dsreg/types.js';
import { findField, findSection } from '../../../src/dsreg/values.js';

const BORDER = '+' + '-'.repeat(70) + '+';
const box = (name: string) => [BORDER, '| ' + name.padEnd(69) + '|', BORDER, ''].join('\n');
const parse = (text: string, source = 'capture.txt') => parseDsregcmd(text, { source, encoding: 'utf-8' });
const fields = (r: DsregReport, section: string) => findSection(r, section)?.Fields.map((f) => [f.Name, f.Value]);

/** Runs `fn`, expecting the bad-input PrtError, and returns it for the message checks. */
function badInputOf(fn: () => unknown): PrtError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PrtError);
    expect((e as PrtError).exitCode).toBe(3);
    return e as PrtError;
  }
  throw new Error('expected a PrtError, nothing was thrown');
}

describe('parseDsregcmd: layouts', () => {
  it('reads right-aligned `Name : Value` lines', () => {
    const r = parse(`\n${box('Device State')}\n             AzureAdJoined : YES\n          EnterpriseJoined : NO\n`);
    expect(fields(r, 'Device State')).toEqual([['AzureAdJoined', 'YES'], ['EnterpriseJoined', 'NO']]);
  });

  it('reads the older left-aligned `Name: value` lines', () => {
    const r = parse(`${box('User State')}\nNgcSet: NO\nWamDefaultId: https://login.microsoft.com\nAzureAdPrt: YES\n`);
    expect(fields(r, 'User State')).toEqual([['NgcSet', 'NO'], ['WamDefaultId', 'https://login.microsoft.com'], ['AzureAdPrt', 'YES']]);
  });

  it('reads lines that lost their left padding in a ticket', () => {
    const r = parse(`${box('SSO State')}\nAzureAdPrt : NO\nEnterprisePrt : NO\n`);
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'NO']]);
  });

  it('records the 1-based line of every field', () => {
    const r = parse(`\n${box('Device State')}\n             AzureAdJoined : YES\n`);
    expect(findField(findSection(r, 'Device State'), 'AzureAdJoined')?.Line).toBe(6);
  });

  it('counts lines the same way for CRLF text', () => {
    const r = parse(`\r\n${box('Device State').replace(/\n/g, '\r\n')}\r\n             AzureAdJoined : YES\r\n`);
    expect(findField(findSection(r, 'Device State'), 'AzureAdJoined')).toEqual({ Name: 'AzureAdJoined', Value: 'YES', Line: 6 });
  });

  it('takes a section name whose box lost its padding', () => {
    const r = parse(`${BORDER}\n| SSO State |\n${BORDER}\nAzureAdPrt : YES\n`);
    expect(r.Sections.map((s) => s.Name)).toEqual(['SSO State']);
  });

  it('takes a section header that lost its top border', () => {
    const r = parse(`| Device State |\n${BORDER}\nAzureAdJoined : YES\n`);
    expect(fields(r, 'Device State')).toEqual([['AzureAdJoined', 'YES']]);
  });

  it('copies the encoding it was given into the report', () => {
    const r = parseDsregcmd(`${box('SSO State')}\nAzureAdPrt : YES\n`, { source: 'x', encoding: 'oem-850' });
    expect(r.Encoding).toBe('oem-850');
  });
});

describe('parseDsregcmd: odd lines', () => {
  it('reads `KeySignTest: : MUST Run elevated to test.` as KeySignTest with the message as value', () => {
    const r = parse(`${box('Diagnostic Data')}\n               KeySignTest: : MUST Run elevated to test.\n`);
    expect(fields(r, 'Diagnostic Data')).toEqual([['KeySignTest', 'MUST Run elevated to test.']]);
  });

  it('reads `AadRecoveryEnabled: NO` among right-aligned lines', () => {
    const r = parse(`${box('Diagnostic Data')}\n        AadRecoveryEnabled: NO\n    Executing Account Name : CONTOSO\\ada, ada@contoso.com\n`);
    expect(fields(r, 'Diagnostic Data')).toEqual([['AadRecoveryEnabled', 'NO'], ['Executing Account Name', 'CONTOSO\\ada, ada@contoso.com']]);
  });

  it('splits on the first ` : ` so a value may contain ` : ` itself', () => {
    const r = parse(`${box('SSO State')}\n  Server Error Description : MSIS7068 : access denied : try again\n`);
    expect(fields(r, 'SSO State')).toEqual([['Server Error Description', 'MSIS7068 : access denied : try again']]);
  });

  it('keeps the colons of URLs, ports and times in values', () => {
    const r = parse(
      `${box('SSO State')}\n    EnterprisePrtAuthority : https://sts.contoso.com:443/adfs\n      AzureAdPrtUpdateTime : 2020-07-12 22:57:53.000 UTC\n`,
    );
    expect(fields(r, 'SSO State')).toEqual([
      ['EnterprisePrtAuthority', 'https://sts.contoso.com:443/adfs'],
      ['AzureAdPrtUpdateTime', '2020-07-12 22:57:53.000 UTC'],
    ]);
  });

  it('keeps the colons of values in the left-aligned layout', () => {
    const r = parse(`${box('Device State')}\nJoinSrvId: urn:ms-drs:enterpriseregistration.windows.net\nClient Time: 2016-02-01 10:11:12.000 UTC\n`);
    expect(fields(r, 'Device State')).toEqual([
      ['JoinSrvId', 'urn:ms-drs:enterpriseregistration.windows.net'],
      ['Client Time', '2016-02-01 10:11:12.000 UTC'],
    ]);
  });

  it('keeps empty values, with or without the trailing space', () => {
    const r = parse(`${box('Tenant Details')}\n                TenantName : \n               SettingsUrl :\nMdmUrl: \nKeySrvUrl:\n`);
    expect(fields(r, 'Tenant Details')).toEqual([['TenantName', ''], ['SettingsUrl', ''], ['MdmUrl', ''], ['KeySrvUrl', '']]);
  });

  it('does not take the closing aadjerrors line or a command prompt for fields', () => {
    const r = parse(
      `C:\\Users\\ada>dsregcmd /status\n${box('SSO State')}\nAzureAdPrt : YES\n\nFor more information, please visit https://www.microsoft.com/aadjerrors\n`,
    );
    expect(r.Sections.map((s) => [s.Name, s.Fields.length])).toEqual([['SSO State', 1]]);
  });

  it('does not take ticket prose before the first box for fields', () => {
    const r = parse(`Hi team, output below, see: attached\n${box('SSO State')}\nAzureAdPrt : YES\n`);
    expect(r.Sections.map((s) => s.Name)).toEqual(['SSO State']);
  });
});

describe('parseDsregcmd: nothing is dropped', () => {
  it('keeps a section it does not know, with its fields', () => {
    const r = parse(`${box('SSO State')}\nAzureAdPrt : YES\n${box('Passkey State')}\n   PasskeyReady : YES\n`);
    expect(fields(r, 'Passkey State')).toEqual([['PasskeyReady', 'YES']]);
  });

  it('keeps a field it does not know, in order', () => {
    const r = parse(`${box('SSO State')}\nAzureAdPrt : YES\nPrtBoundToTpm : YES\nEnterprisePrt : NO\n`);
    expect(fields(r, 'SSO State')?.map(([n]) => n)).toEqual(['AzureAdPrt', 'PrtBoundToTpm', 'EnterprisePrt']);
  });

  it('keeps repeated field names', () => {
    const r = parse(`${box('Diagnostic Data')}\nClient Time : 2020-01-01 00:00:00.000 UTC\nClient Time : 2020-01-01 00:00:01.000 UTC\n`);
    expect(fields(r, 'Diagnostic Data')).toHaveLength(2);
  });

  it('keeps a section whose box is still open at the end after earlier complete sections', () => {
    const r = parse(`${box('Device State')}\nAzureAdJoined : YES\n${BORDER}\n| SSO State${' '.repeat(59)}|\n`);
    expect(r.Sections.map((s) => [s.Name, s.Fields.length])).toEqual([['Device State', 1], ['SSO State', 0]]);
  });

  it('keeps what was read of an SSO State cut in the middle', () => {
    const r = parse(`${box('Device State')}\nAzureAdJoined : YES\n${box('SSO State')}\n                AzureAdPrt : NO\n     AcquirePrtDiagnostics : PRESENT\n            Attempt Sta`);
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['AcquirePrtDiagnostics', 'PRESENT']]);
    expect(r.Diagnostics).toHaveLength(1);
    expect(r.Diagnostics[0]?.AttemptStatus).toBeNull();
  });
});

describe('parseDsregcmd: diagnostics blocks', () => {
  const sso = (...lines: string[]) => parse(`${box('SSO State')}\n${lines.join('\n')}\n`);

  it('attaches an AcquirePrtDiagnostics block after AzureAdPrt to the Azure AD PRT', () => {
    const r = sso('AzureAdPrt : NO', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'EnterprisePrt : NO');
    expect(r.Diagnostics.map((d) => [d.Prt, d.Kind, d.AttemptStatus])).toEqual([['AzureAd', 'Acquire', '0xc000006d']]);
  });

  it('attaches a block after EnterprisePrt to the Enterprise PRT', () => {
    const r = sso('AzureAdPrt : YES', 'EnterprisePrt : NO', 'EnterprisePrtAuthority : https://sts.contoso.com:443/adfs', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d');
    expect(r.Diagnostics.map((d) => [d.Prt, d.Kind])).toEqual([['Enterprise', 'Acquire']]);
  });

  it('reads a RefreshPrtDiagnostics block as a refresh', () => {
    const r = sso('AzureAdPrt : YES', 'RefreshPrtDiagnostics : PRESENT', 'Attempt Status : 0xc000023c');
    expect(r.Diagnostics.map((d) => [d.Prt, d.Kind])).toEqual([['AzureAd', 'Refresh']]);
  });

  it('reads one block per PRT when both PRTs have one', () => {
    const r = sso(
      'AzureAdPrt : NO',
      'AcquirePrtDiagnostics : PRESENT',
      'Attempt Status : 0xc000006d',
      'EnterprisePrt : NO',
      'AcquirePrtDiagnostics : PRESENT',
      'Attempt Status : 0xc00484c1',
    );
    expect(r.Diagnostics.map((d) => [d.Prt, d.AttemptStatus])).toEqual([['AzureAd', '0xc000006d'], ['Enterprise', '0xc00484c1']]);
  });

  it('normalises the values of a block', () => {
    const r = sso(
      'AzureAdPrt : NO',
      'AcquirePrtDiagnostics : PRESENT',
      'Previous Prt Attempt : 2020-09-18 20:20:09.760 UTC',
      'Attempt Status : -1073741715',
      'User Identity : ada@contoso.com',
      'Credential Type : Password',
      'Correlation ID : 0f0e0d0c-0b0a-4908-8706-050403020100',
      'Endpoint URI : https://login.microsoftonline.com/common/oauth2/token',
      'HTTP Method : POST',
      'HTTP Error : 0x0',
      'HTTP Status : 400',
      'Server Error Code : invalid_grant',
      'Server Error Description : AADSTS50126: wrong password. Trace ID: 1 Timestamp: 2020-09-18 20:20:09Z',
    );
    expect(r.Diagnostics[0]).toEqual({
      Prt: 'AzureAd',
      Kind: 'Acquire',
      PreviousPrtAttempt: '2020-09-18T20:20:09.760Z',
      AttemptStatus: '0xc000006d',
      UserIdentity: 'ada@contoso.com',
      CredentialType: 'Password',
      CorrelationId: '0f0e0d0c-0b0a-4908-8706-050403020100',
      EndpointUri: 'https://login.microsoftonline.com/common/oauth2/token',
      HttpMethod: 'POST',
      HttpError: '0x0',
      HttpStatus: 400,
      ServerErrorCode: 'invalid_grant',
      ServerErrorDescription: 'AADSTS50126: wrong password. Trace ID: 1 Timestamp: 2020-09-18 20:20:09Z',
    });
  });

  it('leaves a block field null when it is empty or missing', () => {
    const r = sso('AzureAdPrt : YES', 'RefreshPrtDiagnostics : PRESENT', 'Server Error Code : ', 'HTTP status : 0');
    expect(r.Diagnostics[0]).toMatchObject({ ServerErrorCode: null, ServerErrorDescription: null, HttpStatus: 0, UserIdentity: null });
  });

  it('also keeps the block lines in the section fields', () => {
    const r = sso('AzureAdPrt : NO', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d');
    expect(fields(r, 'SSO State')?.map(([n]) => n)).toEqual(['AzureAdPrt', 'AcquirePrtDiagnostics', 'Attempt Status']);
  });

  it('ends a block at the next CamelCase SSO field', () => {
    const r = sso('AzureAdPrt : YES', 'RefreshPrtDiagnostics : PRESENT', 'Attempt Status : 0xc000023c', 'EnterprisePrt : NO', 'Attempt Status : 0xc000006d');
    expect(r.Diagnostics.map((d) => d.AttemptStatus)).toEqual(['0xc000023c']);
  });

  it('keeps an unknown spaced field inside a block only in the section fields', () => {
    const r = sso('AzureAdPrt : NO', 'AcquirePrtDiagnostics : PRESENT', 'Retry Count : 3', 'Attempt Status : 0xc000006d');
    expect(r.Diagnostics[0]?.AttemptStatus).toBe('0xc000006d');
    expect(findField(findSection(r, 'SSO State'), 'Retry Count')?.Value).toBe('3');
  });

  it('opens no block when the diagnostics line does not say PRESENT', () => {
    const r = sso('AzureAdPrt : NO', 'AcquirePrtDiagnostics : NOT PRESENT', 'Attempt Status : 0xc000006d');
    expect(r.Diagnostics).toEqual([]);
  });

  it('does not carry a PRT line into the next section', () => {
    const r = parse(`${box('SSO State')}\nEnterprisePrt : NO\n${box('Diagnostic Data')}\nAcquirePrtDiagnostics : PRESENT\nAttempt Status : 0x1\n`);
    expect(r.Diagnostics.map((d) => d.Prt)).toEqual(['AzureAd']);
  });
});

describe('parseDsregcmd: an unboxed paste of SSO State lines', () => {
  const paste = [
    '                AzureAdPrt : NO',
    '       AzureAdPrtAuthority : https://login.microsoftonline.com/01234567-89ab-cdef-0123-456789abcdef',
    '     AcquirePrtDiagnostics : PRESENT',
    '            Attempt Status : 0xc000006d',
    '               HTTP status : 400',
  ].join('\n');

  it('is read as the SSO State section', () => {
    expect(parse(paste).Sections.map((s) => [s.Name, s.Fields.length])).toEqual([['SSO State', 5]]);
  });

  it('still yields its diagnostics block', () => {
    expect(parse(paste).Diagnostics.map((d) => [d.Prt, d.AttemptStatus, d.HttpStatus])).toEqual([['AzureAd', '0xc000006d', 400]]);
  });
});

describe('parseDsregcmd: work accounts', () => {
  it('lists `Work Account N` sections in WorkAccounts as well as in Sections', () => {
    const r = parse(`${box('Work Account 1')}\nWorkplaceTenantName : A\n${box('Work Account 2')}\nWorkplaceTenantName : B\n${box('SSO State')}\nAzureAdPrt : NO\n`);
    expect(r.WorkAccounts.map((s) => s.Name)).toEqual(['Work Account 1', 'Work Account 2']);
    expect(r.Sections.map((s) => s.Name)).toEqual(['Work Account 1', 'Work Account 2', 'SSO State']);
  });
});

describe('parseDsregcmd: input that is not a capture', () => {
  it('refuses empty text and names the source', () => {
    const e = badInputOf(() => parse('', 'capture.txt'));
    expect(e.id).toBe('EmptyCapture');
    expect(e.message).toBe('`capture.txt` is empty: expected the output of `dsregcmd /status`.');
  });

  it('refuses whitespace-only text as empty', () => {
    expect(badInputOf(() => parse(' \r\n\t\n')).id).toBe('EmptyCapture');
  });

  it('refuses text without boxes or a PRT line as not dsregcmd output', () => {
    const e = badInputOf(() => parse('2026-11-20 09:14:03 INFO: service started\nuser : ada\n', 'app.log'));
    expect(e.id).toBe('NotDsregcmdOutput');
    expect(e.message).toBe(
      '`app.log` is not dsregcmd output: no boxed section such as `| Device State |`, no `AzureAdPrt` line and no `Name : Value` line that dsregcmd prints (expected the text of `dsregcmd /status`, or at least two of its lines such as `AzureAdJoined : YES`).',
    );
  });

  it('points text that holds codes but no capture (dsregcmd /debug lines, a ticket) to the free-text reader', () => {
    const debug = 'dsregcmd::wmain logging initialized.\nDsrCmdAccountMgr::GetDefaultSsoInfo: BlockOnCompletionAndGetResults failed 0xd000000d.\nERROR IsDefaultAccountSet 0xd000000d\nstatus 0x80070003';
    expect(badInputOf(() => parse(debug, 'debug.txt')).message).toMatch(
      /^`debug\.txt` is not dsregcmd output: .+\)\. It holds codes 0xd000000d, 0x80070003: `prt explain --text` \(`Get-PrtError -Text`\) reads the codes of any text\.$/,
    );
  });

  it('says so of the real dsregcmd /debug lines pasted in azure-docs#60007', () => {
    const file = 'test/fixtures/real/dsregcmd/debug-lines-getdefaultssoinfo-0xd000000d-prose.txt';
    const e = badInputOf(() => parse(readFileSync(file, 'utf8'), 'debug.txt'));
    expect([e.id, e.message.split(').').at(-1)]).toEqual(['NotDsregcmdOutput', ' It holds codes 0xd000000d, 0x80070003: `prt explain --text` (`Get-PrtError -Text`) reads the codes of any text.']);
  });

  it('says when dsregcmd fields are quoted inside sentences (the real two lines of azure-docs#51830)', () => {
    const file = 'test/fixtures/real/dsregcmd/prose-two-lines-wamdefaultset-error-isuserazuread-no.txt';
    const e = badInputOf(() => parse(readFileSync(file, 'utf8'), 'ticket.txt'));
    expect([e.id, e.message.split(').').at(-1)]).toEqual([
      'NotDsregcmdOutput',
      ' dsregcmd fields are quoted inside the text (`WamDefaultSet : ERROR`, `IsUserAzureAD : NO`), not on lines of their own: paste the whole output of `dsregcmd /status` as it was printed.',
    ]);
  });

  it('quotes at most three fields, each once, and none for a field line of its own or a word that only contains a field name', () => {
    const many = 'We saw AzureAdJoined : YES here.\nThen DomainJoined: NO, sadly.\nAgain AzureAdJoined : YES there.\nAlso NgcSet : NO.\nAnd TpmProtected : NO today.';
    expect(badInputOf(() => parse(many, 't')).message).toContain(
      'quoted inside the text (`AzureAdJoined : YES`, `DomainJoined : NO`, `NgcSet : NO`, …), not on lines of their own',
    );
    expect(badInputOf(() => parse('AzureAdJoined : YES\nplease help', 't')).message).not.toContain('quoted inside');
    expect(badInputOf(() => parse('MyAzureAdJoined : YES and X-NgcSet: NO', 't')).message).not.toContain('quoted inside');
  });

  it('refuses boxes that dsregcmd never prints', () => {
    const e = badInputOf(() => parse(`${box('Disk Usage')}\nC : 80%\n${box('Memory')}\nFree : 2 GB\n`, 'report.txt'));
    expect(e.id).toBe('NotDsregcmdOutput');
    expect(e.message).toContain('`report.txt` is not dsregcmd output');
    expect(e.message).toContain('`| Disk Usage |`, `| Memory |`');
  });

  it('refuses a capture that ends right after its first section header', () => {
    const e = badInputOf(() => parse(`\n${box('Device State')}\n\n`, 'cut.txt'));
    expect(e.id).toBe('TruncatedCapture');
    expect(e.message).toBe('`cut.txt` is a truncated dsregcmd capture: it ends after the `| Device State |` header, before any field.');
  });

  it('refuses a capture that ends inside its first box', () => {
    const e = badInputOf(() => parse(`\n${BORDER}\n| Device State${' '.repeat(57)}|\n`, 'cut.txt'));
    expect(e.id).toBe('TruncatedCapture');
    expect(e.message).toContain('ends inside the box of `| Device State |`');
  });

  it('refuses a capture that is only a box border', () => {
    const e = badInputOf(() => parse(`\n${BORDER}\n`, 'cut.txt'));
    expect(e.id).toBe('TruncatedCapture');
    expect(e.message).toContain('`cut.txt` is a truncated dsregcmd capture');
  });
});

describe('isKnownSection', () => {
  it('knows the sections dsregcmd prints, in any case', () => {
    expect(isKnownSection('SSO State')).toBe(true);
    expect(isKnownSection('winhttp default proxy config')).toBe(true);
    expect(isKnownSection('Work Account 12')).toBe(true);
  });

  it('does not know other names', () => {
    expect(isKnownSection('Work Account')).toBe(false);
    expect(isKnownSection('Disk Usage')).toBe(false);
  });
});
