import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeviceParseError, parseCdjAad, parseCertutilStore, parseNltest, parseTaskCsv, parseTaskXmlEnabled, parseTpmtool, parseToolTime, parseW32tm } from '../../../src/device/parse.js';

const real = (name: string) => readFileSync(new URL(`../../fixtures/real/device/${name}`, import.meta.url), 'utf8');
const ours = (name: string) => readFileSync(new URL(`../../fixtures/device/${name}`, import.meta.url), 'utf8');

describe('certutil -store', () => {
  it('reads the real Windows Hello listing: subject, issuer, hash, provider, private key', () => {
    const [cert] = parseCertutilStore(real('certutil-store-user-my-whfb.txt'));
    expect(cert).toMatchObject({
      Subject: 'CN=amanda.brady@contoso.com',
      Issuer: 'CN=Contoso - Issuing CA, DC=CONTOSO, DC=COM',
      Thumbprint: '63C6CE5FC512933179D3C0A5E94ECBA98092F93D',
      NotAfter: '2024-12-07T06:16:00.000Z',
      Provider: 'Microsoft Passport Key Storage Provider',
      HasPrivateKey: true,
    });
  });

  it('reads both certificates of the real indented listing (inside a Markdown list)', () => {
    const certs = parseCertutilStore(real('certutil-store-user-my-vpn-fr-docs.txt'));
    expect(certs.map((c) => c.Thumbprint)).toEqual(['A50337AB015D5612B7DC4C1E759D201E74CC2A93', '37378A1B06DCEF1B4D4753F7D21E4F20B18FBFEC']);
    expect(certs[1]).toMatchObject({ Issuer: 'CN=Microsoft VPN root CA gen 1', NotAfter: '2017-12-08T19:29:00.000Z', Provider: 'Microsoft Software Key Storage Provider' });
  });

  it('joins a spaced hash and tells a lost key (Missing stored keyset) from a present one', () => {
    const [device, machine] = parseCertutilStore(ours('certutil-store-my-device-cert.txt'));
    expect(device).toMatchObject({ Thumbprint: '5C1A7E0B93D24F68A1B0C7D3E9F24A6B8C0D1E2F', Provider: 'Microsoft Platform Crypto Provider', HasPrivateKey: true });
    expect(device?.Issuer).toContain('MS-Organization-Access');
    expect(machine?.HasPrivateKey).toBe(false);
  });

  it('reads an empty store as no certificates, and refuses text that is not certutil output', () => {
    expect(parseCertutilStore('My "Personal"\r\nCertUtil: -store command completed successfully.\r\n')).toEqual([]);
    expect(() => parseCertutilStore('Le magasin est vide')).toThrow(DeviceParseError);
  });
});

describe('tool times', () => {
  it('reads US times with AM/PM month first, others day first, ISO as is', () => {
    expect(parseToolTime('12/7/2024 6:16 AM')).toBe('2024-12-07T06:16:00.000Z');
    expect(parseToolTime('12/7/2024 12:05 AM')).toBe('2024-12-07T00:05:00.000Z');
    expect(parseToolTime('07.12.2024 18:16')).toBe('2024-12-07T18:16:00.000Z');
    expect(parseToolTime('2024-12-07 06:16:30')).toBe('2024-12-07T06:16:30.000Z');
    expect(parseToolTime('demain')).toBeNull();
  });
});

describe('tpmtool getdeviceinformation', () => {
  it('reads the real Intel PTT output, the tab-indented lockout block included', () => {
    expect(parseTpmtool(real('tpmtool-getdeviceinformation-intel-ptt.txt'))).toEqual({
      Present: true, Ready: true, Enabled: null, Owned: true, LockedOut: false, LockoutCount: 0, ManufacturerVersion: '600.18.0.0', ClearNeeded: false,
    });
  });

  it('reads a locked-out TPM and its counter', () => {
    expect(parseTpmtool(ours('tpmtool-locked-out.txt'))).toMatchObject({ LockedOut: true, LockoutCount: 32 });
  });

  it('reads "TPM Present: False" as no TPM, and refuses output without that line', () => {
    expect(parseTpmtool('\r\n-TPM Present: False\r\n').Present).toBe(false);
    expect(() => parseTpmtool('TPM-Gerät: vorhanden')).toThrow(DeviceParseError);
  });
});

describe('reg, nltest, schtasks, w32tm', () => {
  it('reads the CDJ\\AAD values', () => {
    expect(parseCdjAad(ours('reg-query-cdj-aad.txt'))).toEqual({ TenantId: 'a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98', TenantName: 'fabrikam.onmicrosoft.com' });
  });

  it('reads the domain controller nltest found, or the status when it found none', () => {
    expect(parseNltest(ours('nltest-dsgetdc-ok.txt'), 'corp.contoso.com').DomainController).toBe('\\\\DC01.corp.contoso.com');
    expect(parseNltest(ours('nltest-dsgetdc-no-domain.txt'), 'CONTOSO')).toEqual({ Domain: 'CONTOSO', DomainController: null, Error: 'ERROR_NO_SUCH_DOMAIN (0x54b)' });
    expect(() => parseNltest('', 'CONTOSO')).toThrow(DeviceParseError);
  });

  it('reads the task as disabled from its Settings, not from a trigger that is enabled', () => {
    expect(parseTaskXmlEnabled(ours('schtasks-automatic-device-join-disabled.xml'))).toBe(false);
    expect(parseTaskXmlEnabled('<Task><Settings><StartWhenAvailable>true</StartWhenAvailable></Settings></Task>')).toBe(true);
    expect(() => parseTaskXmlEnabled('ERROR: The system cannot find the file specified.')).toThrow(DeviceParseError);
  });

  it('reads the last run and its result (a signed decimal) from the verbose CSV', () => {
    expect(parseTaskCsv(ours('schtasks-automatic-device-join.csv'))).toEqual({ LastRunTime: '11/19/2026 8:03:12 AM', LastResult: '0x801c0042' });
  });

  it('reads the real w32tm status of a domain member as synchronised with its source', () => {
    expect(parseW32tm(real('w32tm-query-status-domain-member.txt'))).toEqual({ Source: 'dc01.corp.example.com', LastSuccessfulSync: '6/19/2026 9:14:02 AM', Synchronized: true });
  });

  it('reads leap indicator 3 and an unspecified sync as not synchronised', () => {
    expect(parseW32tm(ours('w32tm-query-status-not-synced.txt'))).toEqual({ Source: 'Local CMOS Clock', LastSuccessfulSync: null, Synchronized: false });
    expect(() => parseW32tm('The following error occurred: The service has not been started. (0x80070426)')).toThrow(DeviceParseError);
  });
});
