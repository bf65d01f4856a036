import { describe, expect, it } from 'vitest';
import type { DsregReport, DsregSection } from '../../../src/dsreg/types.js';
import {
  fieldValue,
  isRedacted,
  findField,
  findFieldInReport,
  findSection,
  meaningfulValue,
  normaliseName,
  parseDsregTime,
  parseHexStatus,
  parseIntOrNull,
  parseUrl,
  parseYesNo,
} from '../../../src/dsreg/values.js';

const section = (Name: string, fields: Record<string, string>): DsregSection => ({
  Name,
  Fields: Object.entries(fields).map(([Name, Value], i) => ({ Name, Value, Line: i + 1 })),
});
const report = (...Sections: DsregSection[]): DsregReport => ({ Sections, WorkAccounts: [], Diagnostics: [], Encoding: 'utf-8' });

describe('normaliseName', () => {
  it('ignores case and collapses spaces', () => {
    expect(normaliseName('  HTTP   Status ')).toBe('http status');
    expect(normaliseName('HTTP status')).toBe(normaliseName('HTTP Status'));
  });
});

describe('findSection', () => {
  it('finds a section whatever its case or spacing', () => {
    const sso = section('SSO State', {});
    expect(findSection(report(section('Device State', {}), sso), 'sso  state')).toBe(sso);
  });

  it('returns undefined for a section the capture does not have', () => {
    expect(findSection(report(), 'SSO State')).toBeUndefined();
  });
});

describe('findField', () => {
  it('matches field names across spelling variants', () => {
    const s = section('SSO State', { 'HTTP Status': '400' });
    expect(findField(s, 'HTTP status')?.Value).toBe('400');
  });

  it('returns the first of two fields with the same name', () => {
    const s: DsregSection = {
      Name: 'SSO State',
      Fields: [
        { Name: 'Attempt Status', Value: '0x1', Line: 3 },
        { Name: 'Attempt Status', Value: '0x2', Line: 9 },
      ],
    };
    expect(findField(s, 'Attempt Status')?.Line).toBe(3);
  });

  it('accepts a missing section', () => {
    expect(findField(undefined, 'AzureAdPrt')).toBeUndefined();
  });
});

describe('findFieldInReport', () => {
  it('finds a field in whichever section printed it', () => {
    const r = report(section('Device State', { AzureAdJoined: 'YES' }), section('User State', { AzureAdPrt: 'YES' }));
    expect(findFieldInReport(r, 'azureadprt')?.Value).toBe('YES');
  });
});

describe('fieldValue', () => {
  const s = section('Tenant Details', { TenantName: '', SettingsUrl: 'UNKNOWN', MdmUrl: 'NO', TenantId: '  abc  ', Update: 'NONE' });

  it('is null for a missing field', () => {
    expect(fieldValue(s, 'Idp')).toBeNull();
  });

  it('is null for an empty value', () => {
    expect(fieldValue(s, 'TenantName')).toBeNull();
  });

  it('is null for UNKNOWN', () => {
    expect(fieldValue(s, 'SettingsUrl')).toBeNull();
  });

  it('keeps NO and NONE, which are information', () => {
    expect(fieldValue(s, 'MdmUrl')).toBe('NO');
    expect(fieldValue(s, 'Update')).toBe('NONE');
  });

  it('trims the value', () => {
    expect(fieldValue(s, 'TenantId')).toBe('abc');
  });

  it('is null when the section is missing', () => {
    expect(fieldValue(undefined, 'TenantId')).toBeNull();
  });
});

describe('meaningfulValue', () => {
  it('treats unknown in any case as no value', () => {
    expect(meaningfulValue('unknown')).toBeNull();
    expect(meaningfulValue(undefined)).toBeNull();
  });
});

describe('parseYesNo', () => {
  it('reads YES and NO', () => {
    expect(parseYesNo('YES')).toBe(true);
    expect(parseYesNo('NO')).toBe(false);
  });

  it('reads a YES followed by a state in parentheses', () => {
    expect(parseYesNo('YES ( StateReady )')).toBe(true);
  });

  it('ignores case and padding', () => {
    expect(parseYesNo('  no ')).toBe(false);
  });

  it('is null for anything that is not yes or no', () => {
    expect(parseYesNo('UNKNOWN')).toBeNull();
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('NOT SET')).toBeNull();
    expect(parseYesNo('YESTERDAY')).toBeNull();
    expect(parseYesNo(null)).toBeNull();
  });
});

describe('parseDsregTime', () => {
  it('turns a dsregcmd time into ISO 8601 UTC', () => {
    expect(parseDsregTime('2020-07-12 22:57:53.000 UTC')).toBe('2020-07-12T22:57:53.000Z');
  });

  it('keeps the milliseconds', () => {
    expect(parseDsregTime('2020-09-18 20:20:09.760 UTC')).toBe('2020-09-18T20:20:09.760Z');
  });

  it('tolerates missing milliseconds', () => {
    expect(parseDsregTime('2020-07-12 22:57:53 UTC')).toBe('2020-07-12T22:57:53.000Z');
  });

  it('tolerates a missing UTC suffix', () => {
    expect(parseDsregTime('2020-07-12 22:57:53.000')).toBe('2020-07-12T22:57:53.000Z');
  });

  it('accepts a time that is already ISO', () => {
    expect(parseDsregTime('2020-07-12T22:57:53Z')).toBe('2020-07-12T22:57:53.000Z');
  });

  it('is null for an impossible date', () => {
    expect(parseDsregTime('2020-02-30 10:00:00.000 UTC')).toBeNull();
    expect(parseDsregTime('2020-07-12 24:00:00.000 UTC')).toBeNull();
  });

  it('is null for garbage and for empty values', () => {
    expect(parseDsregTime('NONE')).toBeNull();
    expect(parseDsregTime('')).toBeNull();
    expect(parseDsregTime('12/07/2020 22:57')).toBeNull();
    expect(parseDsregTime(undefined)).toBeNull();
  });
});

describe('parseHexStatus', () => {
  it('lowercases a hex code', () => {
    expect(parseHexStatus('0xC000006D')).toBe('0xc000006d');
  });

  it('reads the signed decimal spelling', () => {
    expect(parseHexStatus('-1073741715')).toBe('0xc000006d');
  });

  it('reads the unsigned decimal spelling', () => {
    expect(parseHexStatus('3221225581')).toBe('0xc000006d');
  });

  it('finds the code inside ERROR ( … )', () => {
    expect(parseHexStatus('ERROR (0xd0020017)')).toBe('0xd0020017');
  });

  it('pads short codes to eight digits', () => {
    expect(parseHexStatus('0x0')).toBe('0x00000000');
    expect(parseHexStatus('12002')).toBe('0x00002ee2');
  });

  it('takes the first of two codes in a pre-join test result', () => {
    expect(parseHexStatus('FAIL [0x801c0021/0x80072ee2]')).toBe('0x801c0021');
  });

  it('is null for numbers outside 32 bits', () => {
    expect(parseHexStatus('4294967296')).toBeNull();
    expect(parseHexStatus('-2147483649')).toBeNull();
    expect(parseHexStatus('0x1c000006d')).toBeNull();
  });

  it('is null for text without a code', () => {
    expect(parseHexStatus('PASS')).toBeNull();
    expect(parseHexStatus('')).toBeNull();
    expect(parseHexStatus(null)).toBeNull();
  });
});

describe('parseIntOrNull', () => {
  it('reads an integer', () => {
    expect(parseIntOrNull('400')).toBe(400);
    expect(parseIntOrNull(' -5 ')).toBe(-5);
  });

  it('reads the number at the start of a status line', () => {
    expect(parseIntOrNull('400 Bad Request')).toBe(400);
  });

  it('is null for anything else', () => {
    expect(parseIntOrNull('')).toBeNull();
    expect(parseIntOrNull('4.5')).toBeNull();
    expect(parseIntOrNull('0x190')).toBeNull();
    expect(parseIntOrNull('99999999999999999999')).toBeNull();
    expect(parseIntOrNull(undefined)).toBeNull();
  });
});

describe('parseUrl', () => {
  it('returns an http(s) URL', () => {
    expect(parseUrl(' https://sts.contoso.com:443/adfs ')).toBe('https://sts.contoso.com:443/adfs');
  });

  it('is null for NO or nothing where a URL was expected', () => {
    expect(parseUrl('NO')).toBeNull();
    expect(parseUrl('')).toBeNull();
  });
});

describe('a run of x as a redaction mark', () => {
  it.each(['xxxx', 'MyPC.xxxx.com', 'user@xxx.com', 'CONTOSO\\XXXX', '96fa76d0-xxxx-4b8a-9c61-2e0f8d4a7b13'])('%s is redacted', (value) => {
    expect(isRedacted(value)).toBe(true);
  });
  // Letters of any script next to the run make it part of a name (found by the render-parse property).
  it.each(['XXX京a', 'ÜXXX', 'Maxxxx', 'BOXXX-7', 'xxxé.contoso.com'])('%s is a name, not a redaction', (value) => {
    expect(isRedacted(value)).toBe(false);
  });
});

describe('more placeholders people type before they share', () => {
  it.each(['#####', '<date>', '<Date and time>', '2024-xx-xx 10:00:00.000 UTC', 'XXXX-05-01 10:00:00.000 UTC'])('%s is redacted', (value) => {
    expect(isRedacted(value)).toBe(true);
  });
  // A real date, a value with one or two # and a box-drawing line are data.
  it.each(['2024-05-01 10:00:00.000 UTC', 'C#', 'Build ## 2', '2024-05-01'])('%s is not a redaction', (value) => {
    expect(isRedacted(value)).toBe(false);
  });
});
