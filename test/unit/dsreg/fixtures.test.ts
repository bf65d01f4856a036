import { describe, expect, it } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { findField, findFieldInReport, findSection, parseDsregTime, parseYesNo } from '../../../src/dsreg/values.js';
import { loadFixture, sectionNames, value } from './load.js';

const FULL_WIN10 = [
  'Device State',
  'Device Details',
  'Tenant Details',
  'User State',
  'SSO State',
  'Diagnostic Data',
  'IE Proxy Config for Current User',
  'IE Proxy Config for System Account',
  'WinHttp Default Proxy Config',
  'Ngc Prerequisite Check',
];

const hoursBetween = (earlier: string | null, later: string | null) =>
  (Date.parse(parseDsregTime(later) ?? '') - Date.parse(parseDsregTime(earlier) ?? '')) / 3_600_000;

describe('fixture healthy-aadj.txt', () => {
  const r = loadFixture('healthy-aadj.txt');

  it('has every section of a Windows 10 capture, in order', () => {
    expect(sectionNames(r)).toEqual(FULL_WIN10);
  });

  it('is an Azure AD joined device with a fresh PRT', () => {
    expect(parseYesNo(value(r, 'Device State', 'AzureAdJoined'))).toBe(true);
    expect(parseYesNo(value(r, 'Device State', 'DomainJoined'))).toBe(false);
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(true);
    expect(hoursBetween(value(r, 'SSO State', 'AzureAdPrtUpdateTime'), value(r, 'Diagnostic Data', 'Client Time'))).toBeLessThan(4);
  });

  it('keeps the empty EnterprisePrtAuthority as an empty value', () => {
    expect(findField(findSection(r, 'SSO State'), 'EnterprisePrtAuthority')?.Value).toBe('');
  });

  it('reads the misaligned Diagnostic Data lines', () => {
    expect(value(r, 'Diagnostic Data', 'AadRecoveryEnabled')).toBe('NO');
    expect(value(r, 'Diagnostic Data', 'KeySignTest')).toBe('MUST Run elevated to test.');
  });

  it('has no diagnostics block', () => {
    expect(r.Diagnostics).toEqual([]);
  });
});

describe('fixture hybrid-enterprise-prt.txt', () => {
  const r = loadFixture('hybrid-enterprise-prt.txt');

  it('ignores the cmd.exe banner and prompt before the output', () => {
    expect(sectionNames(r)[0]).toBe('Device State');
  });

  it('is hybrid joined with both PRTs present', () => {
    expect(value(r, 'Device State', 'DomainName')).toBe('FABRIKAM');
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(true);
    expect(parseYesNo(value(r, 'SSO State', 'EnterprisePrt'))).toBe(true);
    expect(value(r, 'SSO State', 'EnterprisePrtAuthority')).toBe('https://sts.fabrikam.com:443/adfs');
  });

  it('reads the proxy sections, host:port values included', () => {
    expect(value(r, 'IE Proxy Config for Current User', 'Auto-Configuration URL')).toBe('http://wpad.corp.fabrikam.com/proxy.pac');
    expect(value(r, 'WinHttp Default Proxy Config', 'Access Type')).toBe('NAMED_PROXY');
    expect(value(r, 'WinHttp Default Proxy Config', 'Proxy Server List')).toBe('proxy.corp.fabrikam.com:8080');
    expect(value(r, 'WinHttp Default Proxy Config', 'Proxy Bypass List')).toBe('<local>;*.corp.fabrikam.com;sts.fabrikam.com');
  });

  it('keeps both URLs of the URL Specific Proxy Config', () => {
    const urls = findSection(r, 'URL Specific Proxy Config')?.Fields.filter((f) => f.Name === 'Url').map((f) => f.Value);
    expect(urls).toEqual(['https://login.microsoftonline.com', 'https://enterpriseregistration.windows.net']);
  });
});

describe('fixture stale-prt.txt', () => {
  const r = loadFixture('stale-prt.txt');

  it('has a PRT last updated well over 4 hours before the capture', () => {
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(true);
    expect(hoursBetween(value(r, 'SSO State', 'AzureAdPrtUpdateTime'), value(r, 'Diagnostic Data', 'Client Time'))).toBeGreaterThan(48);
  });

  it('has a PRT that has not expired yet', () => {
    expect(hoursBetween(value(r, 'Diagnostic Data', 'Client Time'), value(r, 'SSO State', 'AzureAdPrtExpiryTime'))).toBeGreaterThan(0);
  });

  it('comes from a build without diagnostics blocks', () => {
    expect(r.Diagnostics).toEqual([]);
    expect(value(r, 'Tenant Details', 'Idp')).toBe('login.windows.net');
  });
});

describe('fixture expired-prt.txt', () => {
  const r = loadFixture('expired-prt.txt');

  it('has a PRT whose expiry time is before the capture time', () => {
    expect(parseDsregTime(value(r, 'SSO State', 'AzureAdPrtExpiryTime'))).toBe('2026-07-22T06:12:30.000Z');
    expect(hoursBetween(value(r, 'SSO State', 'AzureAdPrtExpiryTime'), value(r, 'Diagnostic Data', 'Client Time'))).toBeGreaterThan(0);
  });

  it('keeps the device certificate validity range as printed', () => {
    expect(value(r, 'Device Details', 'DeviceCertificateValidity')).toBe('[ 2022-11-30 15:22:18.000 UTC -- 2032-11-30 15:52:18.000 UTC ]');
  });
});

describe('fixture missing-prt-0xc000006d-aadsts50126.txt', () => {
  const r = loadFixture('missing-prt-0xc000006d-aadsts50126.txt');

  it('has no Azure AD PRT', () => {
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(false);
    expect(findField(findSection(r, 'SSO State'), 'AzureAdPrtUpdateTime')).toBeUndefined();
  });

  it('has one acquire block on the Azure AD PRT with the wrong-password codes', () => {
    expect(r.Diagnostics).toHaveLength(1);
    expect(r.Diagnostics[0]).toMatchObject({
      Prt: 'AzureAd',
      Kind: 'Acquire',
      PreviousPrtAttempt: '2026-09-18T20:20:09.760Z',
      AttemptStatus: '0xc000006d',
      CredentialType: 'Password',
      HttpStatus: 400,
      ServerErrorCode: 'invalid_grant',
    });
    expect(r.Diagnostics[0]?.ServerErrorDescription).toMatch(/^AADSTS50126: /);
  });

  it('keeps the full server error description, colons and all', () => {
    expect(r.Diagnostics[0]?.ServerErrorDescription).toContain('Timestamp: 2026-09-18 20:20:09Z');
  });
});

describe('fixture hybrid-enterprise-diag-msis.txt', () => {
  const r = loadFixture('hybrid-enterprise-diag-msis.txt');

  it('attaches the block to the Enterprise PRT, not the Azure AD PRT', () => {
    expect(r.Diagnostics.map((d) => [d.Prt, d.Kind])).toEqual([['Enterprise', 'Acquire']]);
  });

  it('reads the AD FS endpoint and the MSIS error', () => {
    expect(r.Diagnostics[0]?.EndpointUri).toBe('https://adfs.tailspintoys.com:443/adfs/oauth2/token/');
    expect(r.Diagnostics[0]?.ServerErrorDescription).toMatch(/^MSIS3173: /);
  });

  it('normalises the upper-case attempt status and reads `HTTP Status` spelled with a capital S', () => {
    expect(r.Diagnostics[0]?.AttemptStatus).toBe('0xc000006d');
    expect(r.Diagnostics[0]?.HttpStatus).toBe(400);
  });

  it('still has a healthy Azure AD PRT', () => {
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(true);
  });
});

describe('fixture refresh-diagnostics.txt', () => {
  const r = loadFixture('refresh-diagnostics.txt');

  it('has a refresh block on the Azure AD PRT with a network failure', () => {
    expect(r.Diagnostics).toHaveLength(1);
    expect(r.Diagnostics[0]).toMatchObject({ Prt: 'AzureAd', Kind: 'Refresh', AttemptStatus: '0xc000023c', HttpError: '0x80072ee2', HttpStatus: 0 });
  });

  it('leaves the empty server error fields null', () => {
    expect(r.Diagnostics[0]).toMatchObject({ ServerErrorCode: null, ServerErrorDescription: null });
  });

  it('reads the Windows 11 Kerberos fields after the block', () => {
    expect(value(r, 'SSO State', 'CloudTgt')).toBe('YES');
    expect(value(r, 'SSO State', 'KerbTopLevelNames')).toBe('.windows.net,.windows.net:1433,.windows.net:3342,.azure.net,.azure.net:1433,.azure.net:3342');
  });
});

describe('fixture registered-two-work-accounts.txt', () => {
  const r = loadFixture('registered-two-work-accounts.txt');

  it('lists both work accounts in order', () => {
    expect(r.WorkAccounts.map((s) => s.Name)).toEqual(['Work Account 1', 'Work Account 2']);
    expect(r.WorkAccounts.map((s) => findField(s, 'WorkplaceTenantName')?.Value)).toEqual(['Contoso', 'Northwind Traders']);
  });

  it('keeps the work accounts in Sections too, where dsregcmd printed them', () => {
    expect(sectionNames(r).slice(1, 4)).toEqual(['User State', 'Work Account 1', 'Work Account 2']);
  });

  it('is workplace joined and not Azure AD joined', () => {
    expect(parseYesNo(value(r, 'User State', 'WorkplaceJoined'))).toBe(true);
    expect(parseYesNo(value(r, 'Device State', 'AzureAdJoined'))).toBe(false);
    expect(findSection(r, 'Device Details')).toBeUndefined();
  });
});

describe('fixture domain-joined-only.txt', () => {
  const r = loadFixture('domain-joined-only.txt');

  it('is domain joined only, without a PRT', () => {
    expect(value(r, 'Device State', 'DomainName')).toBe('WOODGROVE');
    expect(parseYesNo(value(r, 'Device State', 'AzureAdJoined'))).toBe(false);
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(false);
    expect(r.WorkAccounts).toEqual([]);
  });

  it('reads a per-protocol proxy list', () => {
    expect(value(r, 'IE Proxy Config for Current User', 'Proxy Server List')).toBe('http=10.40.1.15:3128;https=10.40.1.15:3128');
  });
});

describe('fixture legacy-left-aligned.txt', () => {
  const r = loadFixture('legacy-left-aligned.txt');

  it('has the two sections of early Windows 10', () => {
    expect(sectionNames(r)).toEqual(['Device State', 'User State']);
  });

  it('reads the left-aligned lines', () => {
    expect(value(r, 'Device State', 'TenantName')).toBe('Contoso');
    expect(value(r, 'Device State', 'JoinSrvId')).toBe('urn:ms-drs:enterpriseregistration.windows.net');
    expect(findField(findSection(r, 'Device State'), 'SettingsUrl')?.Value).toBe('');
  });

  it('reads the odd KeySignTest line', () => {
    expect(value(r, 'Device State', 'KeySignTest')).toBe('MUST Run elevated to test.');
  });

  it('finds AzureAdPrt under User State, where early builds printed it', () => {
    expect(findSection(r, 'SSO State')).toBeUndefined();
    expect(findFieldInReport(r, 'AzureAdPrt')?.Value).toBe('YES');
  });

  it('has no Client Time to offer', () => {
    expect(findFieldInReport(r, 'Client Time')).toBeUndefined();
  });
});

describe('fixture win11-extra-fields.txt', () => {
  const r = loadFixture('win11-extra-fields.txt');

  it('reads OnPremTgt, CloudTgt and KerbTopLevelNames', () => {
    expect(value(r, 'SSO State', 'OnPremTgt')).toBe('YES');
    expect(value(r, 'SSO State', 'CloudTgt')).toBe('YES');
    expect(value(r, 'SSO State', 'KerbTopLevelNames')).toMatch(/^\.windows\.net,/);
  });

  it('keeps fields it does not know', () => {
    expect(value(r, 'SSO State', 'PrtBoundToTpm')).toBe('YES');
    expect(value(r, 'Device Details', 'DeviceKeyAttestation')).toBe('VERIFIED ( TPM 2.0 )');
  });

  it('keeps a section it does not know, where it was printed', () => {
    expect(sectionNames(r)[6]).toBe('Device Health Attestation');
    expect(value(r, 'Device Health Attestation', 'AttestationService')).toBe('https://has.fabrikam-attest.example/');
  });
});

describe('fixture utf16le-bom-crlf.txt', () => {
  const r = loadFixture('utf16le-bom-crlf.txt');

  it('is read as UTF-16LE with its umlaut intact', () => {
    expect(r.Encoding).toBe('utf-16le');
    expect(value(r, 'Tenant Details', 'TenantName')).toBe('Contoso Bürodienste GmbH');
  });

  it('has every section and no CR left in any value', () => {
    expect(sectionNames(r)).toEqual(FULL_WIN10);
    expect(r.Sections.flatMap((s) => s.Fields).some((f) => f.Value.includes('\r'))).toBe(false);
  });
});

describe('fixture oem-850.txt', () => {
  const r = loadFixture('oem-850.txt');

  it('is read as code page 850 with the accents right', () => {
    expect(r.Encoding).toBe('oem-850');
    expect(value(r, 'Tenant Details', 'TenantName')).toBe('Clinique Santé Contoso');
    expect(value(r, 'Diagnostic Data', 'Executing Account Name')).toBe('AzureAD\\HeleneLefevre, hélène.lefèvre@clinique-sante-contoso.example');
  });
});

describe('fixture no-padding-ticket-paste.txt', () => {
  const r = loadFixture('no-padding-ticket-paste.txt');

  it('reads the sections and skips the ticket text around them', () => {
    expect(sectionNames(r)).toEqual(['Device State', 'SSO State', 'Diagnostic Data']);
  });

  it('reads the fields that lost their padding', () => {
    expect(value(r, 'SSO State', 'AzureAdPrtUpdateTime')).toBe('2026-06-22 05:11:36.000 UTC');
    expect(findField(findSection(r, 'SSO State'), 'EnterprisePrtAuthority')?.Value).toBe('');
    expect(value(r, 'Diagnostic Data', 'Client Time')).toBe('2026-06-23 10:48:02.000 UTC');
  });

  it('does not take the signature for a field', () => {
    expect(findSection(r, 'Diagnostic Data')?.Fields.map((f) => f.Name)).toEqual(['AadRecoveryEnabled', 'Executing Account Name', 'KeySignTest', 'Client Time']);
  });
});

describe('fixture pre-join-diagnostics.txt', () => {
  const r = loadFixture('pre-join-diagnostics.txt');

  it('is not joined yet', () => {
    expect(parseYesNo(value(r, 'Device State', 'AzureAdJoined'))).toBe(false);
    expect(parseYesNo(value(r, 'Device State', 'DomainJoined'))).toBe(true);
  });

  it('reads the pre-join tests and the registration error', () => {
    expect(value(r, 'Diagnostic Data', 'DRS Discovery Test')).toBe('FAIL [0x801c0021/0x80072ee2]');
    expect(value(r, 'Diagnostic Data', 'Fallback to Sync-Join')).toBe('ENABLED');
    expect(value(r, 'Diagnostic Data', 'Client ErrorCode')).toBe('0x801c0021');
    expect(value(r, 'Diagnostic Data', 'Error Phase')).toBe('discover');
  });

  it('keeps the empty server fields of the registration error', () => {
    const names = ['Server ErrorCode', 'Server Message', 'Https Status', 'Request Id'];
    expect(names.map((n) => findField(findSection(r, 'Diagnostic Data'), n)?.Value)).toEqual(['', '', '', '']);
  });

  it('has a Client Time', () => {
    expect(parseDsregTime(value(r, 'Diagnostic Data', 'Client Time'))).toBe('2026-03-27T14:09:33.000Z');
  });
});

describe('fixtures that are not usable captures', () => {
  const error = (name: string): PrtError => {
    try {
      loadFixture(name);
    } catch (e) {
      if (e instanceof PrtError) return e;
      throw e;
    }
    throw new Error(`${name} parsed without error`);
  };

  it('refuses truncated.txt as truncated, naming the file', () => {
    const e = error('truncated.txt');
    expect([e.id, e.exitCode]).toEqual(['TruncatedCapture', 3]);
    expect(e.message).toBe('`truncated.txt` is a truncated dsregcmd capture: it ends after the `| Device State |` header, before any field.');
  });

  it('refuses not-dsregcmd.txt (ipconfig output) as not dsregcmd output, naming the file', () => {
    const e = error('not-dsregcmd.txt');
    expect([e.id, e.exitCode]).toEqual(['NotDsregcmdOutput', 3]);
    expect(e.message).toMatch(/^`not-dsregcmd\.txt` is not dsregcmd output: /);
  });

  it('refuses empty.txt as empty, naming the file', () => {
    const e = error('empty.txt');
    expect([e.id, e.exitCode]).toEqual(['EmptyCapture', 3]);
    expect(e.message).toMatch(/^`empty\.txt` is empty/);
  });
});

describe('every readable fixture', () => {
  const readable = [
    'healthy-aadj.txt',
    'hybrid-enterprise-prt.txt',
    'stale-prt.txt',
    'expired-prt.txt',
    'missing-prt-0xc000006d-aadsts50126.txt',
    'hybrid-enterprise-diag-msis.txt',
    'refresh-diagnostics.txt',
    'registered-two-work-accounts.txt',
    'domain-joined-only.txt',
    'win11-extra-fields.txt',
    'utf16le-bom-crlf.txt',
    'oem-850.txt',
    'no-padding-ticket-paste.txt',
    'pre-join-diagnostics.txt',
  ];

  it.each(readable)('%s has a Diagnostic Data section with a readable Client Time', (name) => {
    expect(parseDsregTime(value(loadFixture(name), 'Diagnostic Data', 'Client Time'))).not.toBeNull();
  });

  it.each(readable)('%s has an SSO State section with an AzureAdPrt line', (name) => {
    expect(parseYesNo(value(loadFixture(name), 'SSO State', 'AzureAdPrt'))).not.toBeNull();
  });
});
