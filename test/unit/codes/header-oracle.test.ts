// The knowledge base checked against two independent sources: the Windows headers of mingw-w64
// (Debian's package) and the Windows SDK's own (NuGet), both installed by scripts/bootstrap.sh and
// parsed here, never copied. Where both define a name they must agree with us and with each other.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { registry } from '../../../src/codes/registry.js';
import { FACILITY_NT_BIT, HRESULT_FACILITY_WIN32 } from '../../../src/codes/bits.js';
import { HRESULT_FACILITIES, NTSTATUS_FACILITIES } from '../../../src/codes/facilities.js';
import { type Define, parseDefines, readSdkHeaders } from '../../../scripts/code-names.js';

const INCLUDE = '/usr/share/mingw-w64/include';

const values = (defines: Map<string, Define>) => new Map([...defines].map(([name, d]) => [name, d.value]));
const parseMingw = (file: string) => values(parseDefines(readFileSync(`${INCLUDE}/${file}`, 'latin1')));

const winerror = parseMingw('winerror.h');
const ntstatus = parseMingw('ntstatus.h');
const winhttp = parseMingw('winhttp.h');
const headerValue = (name: string): number | undefined => ntstatus.get(name) ?? winerror.get(name) ?? winhttp.get(name);

// No skip when the SDK headers are missing: readSdkHeaders throws, naming the bootstrap step.
const sdk = readSdkHeaders();
const sdkWinerror = values(sdk.winerror);
const sdkNtstatus = values(sdk.ntstatus);
const sdkWinhttp = values(sdk.winhttp);
const sdkValue = (name: string): number | undefined => sdkNtstatus.get(name) ?? sdkWinerror.get(name) ?? sdkWinhttp.get(name);

/** Every (name, value) pair the knowledge base claims for a 32-bit or Win32 code. */
const claims = registry().entries.flatMap((e) => (e.Value === undefined || e.Family === 'AADSTS' || e.Family === 'AD FS'
  ? []
  : [e.Name, ...e.Aliases].filter((n): n is string => !!n).map((name) => ({ id: e.Id, family: e.Family, name, values: [e.Value!, ...e.Variants] }))));

/** The status names of the knowledge base that a header must define (the families' own prefixes). */
const CHECKED_NAME = /^(NTE_|SEC_E_|TBS_E_|TPM_E_|TPM_20_E_|WININET_E_|MENROLL_E_|E_[A-Z]+$)/;
const checkable = claims.filter((c) => ['NTSTATUS', 'Win32', 'WinHTTP', 'TPM'].includes(c.family) || CHECKED_NAME.test(c.name));

/**
 * Names of the knowledge base that neither mingw-w64 10 nor the Windows SDK 10.0.26100 headers
 * define: checked against Microsoft's pages instead (see SOURCES). A listed name that either
 * header defines fails a test below, so the list cannot hide a wrong value. (It was NOT_IN_MINGW_10:
 * 13 names before the SDK headers, and every TPM_E_, TPM_20_E_, WININET_E_ name went unchecked.)
 */
const NOT_IN_HEADERS = new Set<string>(['E_INVALIDDATA']);

/** Where mingw-w64 10 has another value than the SDK (the SDK is Microsoft's own: it wins). */
const MINGW_DIFFERS: Readonly<Record<string, { mingw: number; sdk: number }>> = {
  STATUS_GRAPHICS_DRIVER_MISMATCH: { mingw: 0x401e0117, sdk: 0xc01e0009 },
  STATUS_PKU2U_CERT_FAILURE: { mingw: 0xc000042e, sdk: 0xc000042f },
};

describe('the Windows SDK headers as oracle', () => {
  test('the headers are there and parse (bootstrap fetches them from NuGet)', () => {
    expect(sdkNtstatus.get('STATUS_LOGON_FAILURE')).toBe(0xc000006d);
    expect(sdkWinerror.get('MENROLL_E_DEVICE_MANAGEMENT_BLOCKED')).toBe(0x80180026);
    expect(sdkWinerror.get('TPM_20_E_HANDLE')).toBeDefined();
    expect(sdkWinerror.get('ERROR_PATH_NOT_FOUND')).toBe(3);
    expect(sdkWinhttp.get('ERROR_WINHTTP_TIMEOUT')).toBe(12002);
    // Whole headers, not a truncated download: the counts of the 10.0.26100 headers.
    const count = (map: Map<string, number>, prefix: RegExp) => [...map.keys()].filter((n) => prefix.test(n)).length;
    expect(count(sdkWinerror, /^ERROR_/)).toBeGreaterThanOrEqual(3400);
    expect(count(sdkWinerror, /^MENROLL_E_/)).toBe(42);
    expect(count(sdkWinerror, /^TPM_E_/)).toBeGreaterThanOrEqual(150);
    expect(count(sdkNtstatus, /^STATUS_/)).toBeGreaterThanOrEqual(2700);
  });

  test('every code name the SDK defines has the SDK\'s value in the knowledge base', () => {
    const checked = claims.filter((c) => sdkValue(c.name) !== undefined);
    const wrong = checked.filter((c) => !c.values.includes(sdkValue(c.name)!))
      .map((c) => `${c.name}: ours ${c.values.map((v) => v.toString(16)).join('/')}, SDK ${sdkValue(c.name)!.toString(16)}`);
    expect(wrong).toEqual([]);
    // More is checked than against mingw-w64 (TPM, WinINet and MDM names too).
    expect(checked.length).toBeGreaterThanOrEqual(280);
    expect(checked.length).toBeGreaterThan(claims.filter((c) => headerValue(c.name) !== undefined).length);
  });

  test('the status names of the knowledge base are all in a header, but for a listed few', () => {
    const missing = checkable.filter((c) => sdkValue(c.name) === undefined && headerValue(c.name) === undefined && !NOT_IN_HEADERS.has(c.name)).map((c) => c.name);
    expect(missing).toEqual([]);
    // Enough of the table is really checked for the test above to mean something.
    expect(checkable.length - NOT_IN_HEADERS.size).toBeGreaterThanOrEqual(280);
  });

  test('the names listed as missing from the headers really are missing from both', () => {
    expect([...NOT_IN_HEADERS].filter((name) => sdkValue(name) !== undefined || headerValue(name) !== undefined)).toEqual([]);
  });

  test('mingw-w64 and the SDK agree wherever both define a status name, but for two mingw-w64 slips', () => {
    const both = [...winerror, ...ntstatus, ...winhttp].filter(([name]) => /^(STATUS_|ERROR_|NTE_|SEC_E_|TBS_E_|E_)/.test(name) && sdkValue(name) !== undefined);
    const differ = both.filter(([name, value]) => sdkValue(name) !== value);
    expect(Object.fromEntries(differ.map(([name, mingw]) => [name, { mingw, sdk: sdkValue(name) }]))).toEqual(MINGW_DIFFERS);
    // Neither value of a disputed name may be claimed by the knowledge base unchecked.
    expect(claims.filter((c) => c.name in MINGW_DIFFERS).map((c) => c.name)).toEqual([]);
    expect(both.length).toBeGreaterThanOrEqual(3000);
  });
});

describe('the Windows SDK headers as oracle for the code structure', () => {
  test('facility names and numbers agree with the SDK\'s winerror.h and ntstatus.h', () => {
    const wrongHresult = Object.entries(HRESULT_FACILITIES).filter(([n, name]) => sdkWinerror.has(name) && sdkWinerror.get(name) !== Number(n));
    const wrongNt = Object.entries(NTSTATUS_FACILITIES).filter(([n, name]) => sdkNtstatus.has(name) && sdkNtstatus.get(name) !== Number(n));
    expect([...wrongHresult, ...wrongNt]).toEqual([]);
    const checked = [...Object.values(HRESULT_FACILITIES).filter((n) => sdkWinerror.has(n)), ...Object.values(NTSTATUS_FACILITIES).filter((n) => sdkNtstatus.has(n))];
    expect(checked.length).toBeGreaterThanOrEqual(40);
  });

  test('the structural constants are the SDK\'s own', () => {
    expect(FACILITY_NT_BIT).toBe(sdkWinerror.get('FACILITY_NT_BIT'));
    expect(HRESULT_FACILITY_WIN32).toBe(sdkWinerror.get('FACILITY_WIN32'));
  });
});

describe('the mingw-w64 headers as oracle', () => {
  test('the headers are there and parse (bootstrap installs mingw-w64)', () => {
    expect(ntstatus.get('STATUS_LOGON_FAILURE')).toBe(0xc000006d);
    expect(winerror.get('NTE_BAD_KEYSET')).toBe(0x80090016);
    expect(winerror.get('ERROR_ACCESS_DENIED')).toBe(5);
    expect(winhttp.get('ERROR_WINHTTP_TIMEOUT')).toBe(12002);
  });

  test('every code name the headers define has the headers\' value in the knowledge base', () => {
    expect(claims.filter((c) => headerValue(c.name) !== undefined).length).toBeGreaterThanOrEqual(190);
    const wrong = claims.filter((c) => headerValue(c.name) !== undefined && !c.values.includes(headerValue(c.name)!))
      .map((c) => `${c.name}: ours ${c.values.map((v) => v.toString(16)).join('/')}, header ${headerValue(c.name)!.toString(16)}`);
    expect(wrong).toEqual([]);
  });

  test('every NTE_ code of the header is in the knowledge base', () => {
    const ours = new Set(claims.map((c) => c.name));
    const headerNte = [...winerror.keys()].filter((n) => /^NTE_/.test(n) && n !== 'NTE_OP_OK');
    expect(headerNte.filter((n) => !ours.has(n))).toEqual([]);
  });

  test('facility names and numbers agree with winerror.h and ntstatus.h', () => {
    const wrongHresult = Object.entries(HRESULT_FACILITIES).filter(([n, name]) => winerror.has(name) && winerror.get(name) !== Number(n));
    const wrongNt = Object.entries(NTSTATUS_FACILITIES).filter(([n, name]) => ntstatus.has(name) && ntstatus.get(name) !== Number(n));
    expect([...wrongHresult, ...wrongNt]).toEqual([]);
    const checked = [...Object.values(HRESULT_FACILITIES).filter((n) => winerror.has(n)), ...Object.values(NTSTATUS_FACILITIES).filter((n) => ntstatus.has(n))];
    expect(checked.length).toBeGreaterThanOrEqual(40);
  });

  test('the structural constants are the headers\' own', () => {
    expect(FACILITY_NT_BIT).toBe(winerror.get('FACILITY_NT_BIT'));
    expect(HRESULT_FACILITY_WIN32).toBe(winerror.get('FACILITY_WIN32'));
  });
});
