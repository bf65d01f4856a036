/**
 * The device-tool parsers on public captures (test/fixtures/real/device/, each described in
 * test/fixtures/real/SOURCES.md): what an expert reads in each, or a clear refusal where the text
 * does not say it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeviceParseError, parseCdjAad, parseCertutilStore, parseNltest, parseTaskXmlEnabled, parseTpmtool, parseW32tm } from '../../../src/device/parse.js';

const real = (name: string) => readFileSync(new URL(`../../fixtures/real/device/${name}`, import.meta.url), 'utf8');

describe('certutil on real listings', () => {
  it('refuses the folded wlanreport listing (MS-Organization-Access certificate inside) instead of reading an empty store', () => {
    const text = real('certutil-store-my-and-user-my-folded-wlanreport-ms-organization-access.txt');
    expect(() => parseCertutilStore(text)).toThrow(DeviceParseError);
    expect(() => parseCertutilStore(text)).toThrow(/line breaks lost/);
  });

  it('reads the device certificate of that listing once its line breaks are back (the expert reading)', () => {
    // Only the last block, cut at certutil's own labels: shows what the refusal above withholds.
    const folded = real('certutil-store-my-and-user-my-folded-wlanreport-ms-organization-access.txt');
    const block = folded.slice(folded.lastIndexOf('================ Certificate 3'));
    const unfolded = block.replace(/ (?=Serial Number:|Issuer:|NotBefore:|NotAfter:|Subject:|Non-root Certificate|Cert Hash\(sha1\):|Key Container =|Provider =|Missing stored keyset)/g, '\n');
    expect(parseCertutilStore(unfolded)).toEqual([{
      Subject: 'CN=20b802d5-2957-4d01-86af-58d019ef7b4b',
      Issuer: 'DC=net + DC=windows + CN=MS-Organization-Access + OU=82dbaca4-3e81-46ca-9c73-0950c1eaca97',
      Thumbprint: '3C3909CA689B069882719D9628F91B5ACF594727',
      NotBefore: '2022-12-30T17:10:00.000Z',
      NotAfter: '2032-12-30T17:40:00.000Z',
      HasPrivateKey: false,
      Provider: 'Microsoft Platform Crypto Provider',
    }]);
  });
});

describe('nltest /dsgetdc on real captures', () => {
  it('reads the DC of an unindented run with prompts and a <GUID> placeholder', () => {
    expect(parseNltest(real('nltest-dsgetdc-success-prompt-guid-placeholder-howto.txt'), 'example.com')).toEqual({ Domain: 'example.com', DomainController: '\\\\DC01.example.com', Error: null });
  });

  it('reads a NetBIOS DC name from the right-aligned listing', () => {
    expect(parseNltest(real('nltest-dsgetdc-success-netbios-dc-right-aligned-pentest-notes.txt'), 'medtech')).toEqual({ Domain: 'medtech', DomainController: '\\\\DC01', Error: null });
  });

  it('refuses a DC line whose backslashes a renderer ate, and says so', () => {
    const text = real('nltest-dsgetdc-success-dc-line-markdown-mangled-ms-support.txt');
    expect(() => parseNltest(text, 'fabrikam.com')).toThrow(DeviceParseError);
    expect(() => parseNltest(text, 'fabrikam.com')).toThrow(/DC line whose name/);
  });

  it('reads the failure quoted in inline code in a bullet list', () => {
    expect(parseNltest(real('nltest-dsgetdc-fail-1355-bullet-backticks-child-domain-lab.txt'), 'child')).toEqual({ Domain: 'child', DomainController: null, Error: 'ERROR_NO_SUCH_DOMAIN (0x54b)' });
  });

  it('reads the failure retyped without its hex, the name wrapped to the next line', () => {
    expect(parseNltest(real('nltest-dsgetdc-fail-1355-no-hex-wrapped-lab.txt'), 'corp.local')).toEqual({ Domain: 'corp.local', DomainController: null, Error: 'ERROR_NO_SUCH_DOMAIN (0x54b)' });
  });
});

describe('w32tm /query /status on real captures', () => {
  it('refuses the German labels (Sprungindikator, Quelle) as localized, never a wrong value', () => {
    const text = real('w32tm-query-status-de-localized-prompt.txt');
    expect(() => parseW32tm(text)).toThrow(DeviceParseError);
    expect(() => parseW32tm(text)).toThrow(/localized/);
  });

  it('reads a clock that never synchronised: leap 3, unspecified sync, Local CMOS Clock', () => {
    expect(parseW32tm(real('w32tm-query-status-never-synced-local-cmos-shell-fence.txt'))).toEqual({ Source: 'Local CMOS Clock', LastSuccessfulSync: null, Synchronized: false });
  });

  it('reads leap 3 as not synchronised even with a last sync shown (Hyper-V guest, PowerShell transcript)', () => {
    expect(parseW32tm(real('w32tm-query-status-leap3-vmic-hyperv-ps-transcript.txt'))).toEqual({ Source: 'VM IC Time Synchronization Provider', LastSuccessfulSync: '5/10/2026 3:35:20 PM', Synchronized: false });
  });

  it('refuses a capture without its Leap Indicator line, naming it cut short rather than localized', () => {
    const text = real('w32tm-query-status-partial-free-running-no-leap-line-padded.txt');
    expect(() => parseW32tm(text)).toThrow(DeviceParseError);
    expect(() => parseW32tm(text)).toThrow(/cut short/);
  });
});

describe('tpmtool, reg query and schtasks on real captures', () => {
  it('refuses the French tpmtool output (TPM présent : Vrai)', () => {
    const text = real('tpmtool-getdeviceinformation-fr-infineon-truncated.txt');
    expect(() => parseTpmtool(text)).toThrow(DeviceParseError);
    expect(() => parseTpmtool(text)).toThrow(/TPM Present/);
  });

  it('refuses CDJ\\AAD values shown without the key line: which key they belong to is not printed', () => {
    const text = real('reg-query-cdj-aad-values-only-no-key-line-readme.txt');
    expect(() => parseCdjAad(text)).toThrow(DeviceParseError);
    expect(() => parseCdjAad(text)).toThrow(/key name line/);
  });

  it('refuses the Automatic-Device-Join excerpt that shows only its action: enabled or not is not shown', () => {
    const text = real('schtasks-xml-automatic-device-join-actions-only-excerpt.txt');
    expect(() => parseTaskXmlEnabled(text)).toThrow(DeviceParseError);
    expect(() => parseTaskXmlEnabled(text)).toThrow(/no <Settings>/);
  });
});
