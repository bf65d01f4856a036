import { describe, expect, test } from 'vitest';
import { decodeCode, isExplainError } from '../../../src/codes/index.js';
import { registry } from '../../../src/codes/registry.js';
import { ok } from './helpers.js';

describe('AD FS IDnnnn and MSIS codes', () => {
  test.each(['ID3242', 'id3242', 'ID 3242', 'ID3242: The security token could not be authenticated or authorized'])('%s decodes to the AD FS entry ID3242', (input) => {
    const r = ok(input);
    expect([r.Id, r.Family, r.Known]).toEqual(['AD FS:ID3242', 'AD FS', true]);
  });

  test.each(['ID3082', 'ID4037', 'ID1038', 'ID4175'])('%s is known, with a cause and a fix', (code) => {
    const r = ok(code);
    expect(r.Known).toBe(true);
    expect(r.Causes.length).toBeGreaterThan(0);
    expect(r.Solutions.length).toBeGreaterThan(0);
  });

  test('an ID code we do not know is still an AD FS code, marked unknown', () => {
    expect([ok('ID9999').Family, ok('ID9999').Known]).toEqual(['AD FS', false]);
  });

  test.each(['MSIS7012', 'MSIS7065', 'MSIS7068', 'MSIS3173', 'MSIS5007', 'MSIS9622', 'MSIS7000', 'MSIS3127', 'MSIS7042'])('%s is known', (code) => {
    expect(ok(code).Known).toBe(true);
  });
});

describe('nested server text given as one code', () => {
  const NESTED = 'AADSTS70002: Error validating credentials. AADSTS50155: Device authentication failed';

  test('the inner code is linked first and named in a note', () => {
    const r = ok(NESTED);
    expect(r.Related[0]).toMatchObject({ Code: 'AADSTS50155', Kind: 'Code' });
    expect(r.Notes.join(' ')).toContain('AADSTS50155');
    // 70002's own entry links 50155 too: the code is listed once, as this message's inner reason.
    expect(ok('AADSTS70002').Related.some((x) => x.Code === 'AADSTS50155')).toBe(true);
    expect(r.Related.filter((x) => x.Code === 'AADSTS50155')).toHaveLength(1);
  });

  test('70002 states both meanings: app secret, or the wrapper of a device sign-in failure', () => {
    const r = ok('AADSTS70002');
    expect(r.Summary).toMatch(/client secret/);
    expect(r.Summary).toMatch(/device sign-in/);
    expect(r.Causes.some((c) => /Device sign-in \(PRT\)/.test(c))).toBe(true);
  });
});

describe('device registration codes', () => {
  test.each([
    ['0x801c0001', 'DSREG_E_DEVICE_MESSAGE_FORMAT_ERROR'],
    ['0x801c0003', 'DSREG_E_DEVICE_AUTHORIZATION_ERROR'],
    ['0x801c000b', 'DSREG_E_DISCOVERY_REDIRECTION_NOT_TRUSTED'],
    ['0x801c000c', 'DSREG_E_DISCOVERY_FAILED'],
    ['0x801c000e', 'DSREG_E_DEVICE_REGISTRATION_QUOTA_EXCCEEDED'],
    ['0x801c000f', 'DSREG_E_DEVICE_REQUIRES_REBOOT'],
    ['0x801c0010', 'DSREG_E_DEVICE_AIK_VALIDATION_ERROR'],
    ['0x801c0011', 'DSREG_E_DEVICE_ATTESTATION_ERROR'],
    ['0x801c0012', 'DSREG_E_DISCOVERY_BAD_MESSAGE_ERROR'],
    ['0x801c0013', 'DSREG_E_TENANTID_NOT_FOUND'],
    ['0x801c0014', 'DSREG_E_USERSID_NOT_FOUND'],
    ['0x801c0095', 'DSREG_TOKEN_MISSING_ON_PREM_ID'],
    ['0x801c03f2', 'DSREG_E_DIRECTORY_FAILURE'],
    ['0x801c0021', 'DSREG_AUTOJOIN_DISC_FAILED'],
  ])('%s is %s, with a fix', (code, name) => {
    const r = ok(code);
    expect([r.Family, r.Name]).toEqual(['DSREG', name]);
    expect(r.Solutions.length).toBeGreaterThan(0);
  });

  test('the name decodes back to the value', () => {
    expect(ok('DSREG_E_DEVICE_AUTHORIZATION_ERROR').Hex).toBe('0x801c0003');
  });

  test('a DSREG code no page lists is still decoded as DSREG by its bits', () => {
    const r = ok('0x801c0077');
    expect([r.Family, r.Known]).toEqual(['DSREG', false]);
    expect(r.Notes.join(' ')).toContain('facility 28');
  });
});

describe('TPM and key storage codes', () => {
  test.each([
    ['0x80280036', 'TPM_E_NOTFIPS', 'TPM'],
    ['0x80290407', 'TPM_E_PCP_INTERNAL_ERROR', 'TPM'],
    ['0x8028400f', 'TBS_E_TPM_NOT_FOUND', 'TPM'],
    ['0x80280921', 'TPM_20_E_LOCKOUT', 'TPM'],
    ['0x80090016', 'NTE_BAD_KEYSET', 'HRESULT'],
    ['0x80090030', 'NTE_DEVICE_NOT_READY', 'HRESULT'],
    ['0x80090031', 'NTE_AUTHENTICATION_IGNORED', 'HRESULT'],
    ['0x80090035', 'NTE_DEVICE_NOT_FOUND', 'HRESULT'],
  ])('%s is %s', (code, name, family) => {
    const r = ok(code);
    expect([r.Name, r.Family, r.Known]).toEqual([name, family, true]);
    expect(r.Solutions.length).toBeGreaterThan(0);
  });

  test('0xC028008B is the NTSTATUS spelling of TPM_20_E_HANDLE, with advice for PRT prompts', () => {
    const r = ok('0xC028008B');
    expect([r.Name, r.Family, r.Severity, r.Hex]).toEqual(['TPM_20_E_HANDLE', 'TPM', 'Error', '0xc028008b']);
    expect(r.Causes.join(' ')).toMatch(/session key/);
  });

  test('a TPM 2.0 format-one code names the TPM_RC and its parameter', () => {
    const r = ok('0x802801c4');
    expect([r.Family, r.Known]).toEqual(['TPM', false]);
    expect(r.Summary).toContain('TPM_RC_VALUE for parameter 1');
  });

  test.each([
    ['0xC0290000', 'TPM'],
    ['0xC0290123', 'TPM'],
    ['0x80290210', 'TPM'],
  ])('%s (TPM software range) is decoded as TPM by its bits', (code, family) => {
    const r = ok(code);
    expect([r.Family, r.Known]).toEqual([family, false]);
    expect(r.Summary).toMatch(/TPM/);
  });
});

describe('token broker codes', () => {
  test.each(['0xcaa5011e', '0xCAA5001C', '0xcaa50001', '0xcaa50002'])('%s is known', (code) => {
    expect(ok(code).Known).toBe(true);
  });
});

describe('codes in no catalogue are decoded by structure', () => {
  test('an HRESULT names its facility', () => {
    expect(ok('0x8009fff0').Notes.join(' ')).toContain('FACILITY_SECURITY');
  });

  test('the customer bit is spelled out', () => {
    expect(ok('0xE0434352').Notes.join(' ')).toMatch(/customer bit is set/);
  });

  test('an NTSTATUS names its facility', () => {
    expect(ok('0xC0130001').Notes.join(' ')).toContain('FACILITY_CLUSTER_ERROR_CODE');
  });

  test('an NTSTATUS of FACILITY_NTWIN32 carries a Win32 code', () => {
    const r = ok('0xC0070005');
    expect([r.Name, r.Family]).toEqual(['NTSTATUS_FROM_WIN32(ERROR_ACCESS_DENIED)', 'NTSTATUS']);
  });

  test('an HRESULT_FROM_NT of an unknown status still says what it carries', () => {
    expect(ok('0xD0001234').Notes.join(' ')).toContain('HRESULT_FROM_NT');
  });
});

test('per family, the knowledge base is not smaller than before this work', () => {
  const count = (family: string) => registry().entries.filter((e) => e.Family === family).length;
  expect({ TPM: count('TPM') >= 90, DSREG: count('DSREG') >= 23, ADFS: count('AD FS') >= 22 }).toEqual({ TPM: true, DSREG: true, ADFS: true });
  expect(isExplainError(decodeCode('TPM_E_PCP_INTERNAL_ERROR'))).toBe(false);
});
