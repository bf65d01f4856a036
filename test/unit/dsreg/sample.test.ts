import { describe, expect, it } from 'vitest';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { findSection, parseDsregTime, parseYesNo } from '../../../src/dsreg/values.js';
import { hybridWrongPasswordSample } from '../../../src/samples/hybrid-wrong-password.js';
import { sectionNames, value } from './load.js';

describe('the hybrid wrong-password sample', () => {
  const r = parseDsregcmd(hybridWrongPasswordSample, { source: 'sample', encoding: 'utf-8' });
  const clientTime = parseDsregTime(value(r, 'Diagnostic Data', 'Client Time'))!;

  it('has every section of a Windows 10 22H2 capture', () => {
    expect(sectionNames(r)).toEqual([
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
    ]);
  });

  it('is a hybrid Azure AD joined device', () => {
    expect(parseYesNo(value(r, 'Device State', 'AzureAdJoined'))).toBe(true);
    expect(parseYesNo(value(r, 'Device State', 'DomainJoined'))).toBe(true);
    expect(value(r, 'Device State', 'DomainName')).toBe('CONTOSO');
  });

  it('was captured on 2026-11-20 at 09:14:03 UTC', () => {
    expect(clientTime).toBe('2026-11-20T09:14:03.000Z');
  });

  it('has no Azure AD PRT, and an acquire block with 0xc000006d and AADSTS50126', () => {
    expect(parseYesNo(value(r, 'SSO State', 'AzureAdPrt'))).toBe(false);
    expect(r.Diagnostics).toHaveLength(1);
    expect(r.Diagnostics[0]).toMatchObject({ Prt: 'AzureAd', Kind: 'Acquire', AttemptStatus: '0xc000006d', ServerErrorCode: 'invalid_grant', HttpStatus: 400 });
    expect(r.Diagnostics[0]?.ServerErrorDescription).toMatch(/^AADSTS50126: /);
  });

  it('tried to get the PRT shortly before the capture', () => {
    const attempt = Date.parse(r.Diagnostics[0]!.PreviousPrtAttempt!);
    expect(Date.parse(clientTime) - attempt).toBeGreaterThan(0);
    expect(Date.parse(clientTime) - attempt).toBeLessThan(3_600_000);
  });

  it('has an Enterprise PRT that is present but days old and not yet expired', () => {
    expect(parseYesNo(value(r, 'SSO State', 'EnterprisePrt'))).toBe(true);
    const updated = Date.parse(parseDsregTime(value(r, 'SSO State', 'EnterprisePrtUpdateTime'))!);
    const expires = Date.parse(parseDsregTime(value(r, 'SSO State', 'EnterprisePrtExpiryTime'))!);
    expect((Date.parse(clientTime) - updated) / 3_600_000).toBeGreaterThan(24);
    expect(expires).toBeGreaterThan(Date.parse(clientTime));
  });

  it('ends with the aadjerrors pointer, as dsregcmd output does', () => {
    expect(hybridWrongPasswordSample.trimEnd().endsWith('https://www.microsoft.com/aadjerrors')).toBe(true);
    expect(findSection(r, 'Ngc Prerequisite Check')?.Fields).toHaveLength(8);
  });
});
