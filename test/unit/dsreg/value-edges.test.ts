/**
 * The edges of the value readers, each with the spelling real input brings: the extremes of a
 * 32-bit status in decimal (event logs and WinHTTP print them signed), times whose fraction lost
 * digits in a ticket, URLs in the case and scheme people paste, and GUIDs with and without an x.
 */
import { describe, expect, it } from 'vitest';
import { findFieldInReport, isRedacted, meaningfulValue, parseDsregTime, parseHexStatus, parseIntOrNull, parseUrl, parseYesNo } from '../../../src/dsreg/values.js';
import type { DsregReport } from '../../../src/dsreg/types.js';

describe('parseHexStatus at the ends of 32 bits', () => {
  it('reads the lowest signed and the highest unsigned value', () => {
    expect(parseHexStatus('-2147483648')).toBe('0x80000000');
    expect(parseHexStatus('4294967295')).toBe('0xffffffff');
    expect(parseHexStatus('+12029')).toBe('0x00002efd');
  });

  it('reads a code with its padding, and a code after a word', () => {
    expect(parseHexStatus('  0x80072EE2  ')).toBe('0x80072ee2');
    expect(parseHexStatus('Error: 0xd000023c')).toBe('0xd000023c');
    expect(parseHexStatus('0x8')).toBe('0x00000008');
  });

  it('is null for a hex run glued to a word or to more hex digits, and for a decimal with a word', () => {
    expect(parseHexStatus('abc0x12')).toBeNull();
    expect(parseHexStatus('0x801c0021z')).toBeNull();
    expect(parseHexStatus('400 Bad Request')).toBeNull();
    expect(parseHexStatus('1e3')).toBeNull();
  });
});

describe('parseDsregTime with a fraction that lost digits', () => {
  it('reads one and two digits as tenths and hundredths', () => {
    expect(parseDsregTime('2026-09-14 08:06:22.5 UTC')).toBe('2026-09-14T08:06:22.500Z');
    expect(parseDsregTime('2026-09-14 08:06:22.05 UTC')).toBe('2026-09-14T08:06:22.050Z');
  });

  it('drops digits past the millisecond, and reads the trailing Z or a padded value', () => {
    expect(parseDsregTime('2026-09-14T08:06:22.1234567Z')).toBe('2026-09-14T08:06:22.123Z');
    expect(parseDsregTime('  2026-09-14 08:06:22.000 utc ')).toBe('2026-09-14T08:06:22.000Z');
  });

  it('is null for each impossible component', () => {
    for (const bad of ['2026-13-01 00:00:00', '2026-00-10 00:00:00', '2026-04-31 00:00:00', '2026-09-14 25:00:00', '2026-09-14 08:60:00', '2026-09-14 08:06:60']) {
      expect(parseDsregTime(bad), bad).toBeNull();
    }
  });
});

describe('parseIntOrNull and parseYesNo on padded and signed values', () => {
  it('reads a sign and stops at a space', () => {
    expect(parseIntOrNull('+400')).toBe(400);
    expect(parseIntOrNull('400x')).toBeNull();
    expect(parseIntOrNull('x400')).toBeNull();
  });

  it('reads yes/no only at the start of the value', () => {
    expect(parseYesNo('NOT YES')).toBeNull();
    expect(parseYesNo('\tYES')).toBe(true);
    expect(parseYesNo(undefined)).toBeNull();
  });
});

describe('parseUrl', () => {
  it('takes http and https in any case', () => {
    expect(parseUrl('http://fs.contoso.com/adfs')).toBe('http://fs.contoso.com/adfs');
    expect(parseUrl('HTTPS://LOGIN.MICROSOFTONLINE.COM/common')).toBe('HTTPS://LOGIN.MICROSOFTONLINE.COM/common');
  });

  it('is null for a URL inside text, a URL with a space, a bare scheme or another scheme', () => {
    expect(parseUrl('see https://login.microsoftonline.com')).toBeNull();
    expect(parseUrl('https://login.microsoftonline.com (tenant)')).toBeNull();
    expect(parseUrl('https://')).toBeNull();
    expect(parseUrl('urn:ms-drs:enterpriseregistration.windows.net')).toBeNull();
    expect(parseUrl(undefined)).toBeNull();
  });
});

describe('isRedacted on GUIDs', () => {
  it('a GUID with x in any case is redacted; a whole GUID is data', () => {
    expect(isRedacted('96FA76D0-XXXX-4B8A-9C61-2E0F8D4A7B13')).toBe(true);
    expect(isRedacted('0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853')).toBe(false);
    expect(isRedacted('{B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)')).toBe(false);
  });

  it('the other placeholders people use are redacted', () => {
    for (const value of ['[TenantId]', '{UPN}', '<redacted>', '<user name>', '***', 'REDACTED', 'anonymized']) expect(isRedacted(value), value).toBe(true);
  });

  it('an id cut short by hand with an ellipsis is redacted; a sentence ending in one is not', () => {
    for (const value of ['e37ec551...', '5b2d-4f96…', 'E37EC551…']) expect(isRedacted(value), value).toBe(true);
    for (const value of ['Please wait...', 'e37...', 'failed…', '0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853']) expect(isRedacted(value), value).toBe(false);
  });

  it("dsregcmd's own words are not", () => {
    for (const value of ['ERROR [UNKNOWN_ERROR]', '[ 2019-01-11 21:02:50.000 UTC -- 2029-01-11 21:32:50.000 UTC ]', '{ B16898C6-A148-4967-9171-64D755DA8520 }', 'NOT SET', '', null, undefined]) {
      expect(isRedacted(value), String(value)).toBe(false);
    }
  });
});

describe('findFieldInReport', () => {
  it('takes the first section that prints the field, and nothing when none does', () => {
    const report: DsregReport = {
      Sections: [
        { Name: 'User State', Fields: [{ Name: 'AzureAdPrt', Value: 'NO', Line: 3 }] },
        { Name: 'SSO State', Fields: [{ Name: 'AzureAdPrt', Value: 'YES', Line: 9 }] },
      ],
      WorkAccounts: [],
      Diagnostics: [],
      Encoding: 'utf-8',
    };
    expect(findFieldInReport(report, 'AzureAdPrt')?.Line).toBe(3);
    expect(findFieldInReport(report, 'EnterprisePrt')).toBeUndefined();
  });
});

describe('the readers given no value', () => {
  it('return null (isRedacted: false) for null and undefined alike', () => {
    for (const missing of [null, undefined]) {
      expect([parseHexStatus(missing), parseUrl(missing), parseDsregTime(missing), parseIntOrNull(missing), parseYesNo(missing), meaningfulValue(missing), isRedacted(missing)]).toEqual([null, null, null, null, null, null, false]);
    }
  });

  it('read a padded decimal status', () => {
    expect(parseHexStatus(' 3221225581 ')).toBe('0xc000006d');
  });
});
