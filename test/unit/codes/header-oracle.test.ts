// The knowledge base checked against an independent source: the Windows headers of mingw-w64
// (installed by scripts/bootstrap.sh), parsed here, never copied.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { registry } from '../../../src/codes/registry.js';
import { FACILITY_NT_BIT, HRESULT_FACILITY_WIN32 } from '../../../src/codes/bits.js';
import { HRESULT_FACILITIES, NTSTATUS_FACILITIES } from '../../../src/codes/facilities.js';

const INCLUDE = '/usr/share/mingw-w64/include';

/** `#define NAME <expr>` → value, for the expression shapes these headers use. */
function parseHeader(file: string, into: Map<string, number> = new Map()): Map<string, number> {
  const raw = new Map<string, string>();
  for (const line of readFileSync(`${INCLUDE}/${file}`, 'latin1').split('\n')) {
    const m = /^\s*#\s*define\s+([A-Za-z_]\w*)\s+(.+?)\s*(?:\/\/.*|\/\*.*)?$/.exec(line);
    if (m && !raw.has(m[1]!)) raw.set(m[1]!, m[2]!);
  }
  const evaluate = (name: string, depth = 0): number | undefined => {
    if (into.has(name)) return into.get(name);
    const expr = raw.get(name);
    if (expr === undefined || depth > 5) return undefined;
    const cleaned = expr
      .replace(/_HRESULT_TYPEDEF_|__MSABI_LONG|_NDIS_ERROR_TYPEDEF_/g, '')
      .replace(/\(\s*(?:NTSTATUS|HRESULT|DWORD|LONG|ULONG|SECURITY_STATUS|SCODE)\s*\)/g, '')
      .replace(/[()]/g, ' ')
      .trim();
    let sum = 0;
    for (const term of cleaned.split('+').map((t) => t.trim())) {
      const number = /^(0x[0-9a-f]+|\d+)[ul]*$/i.exec(term);
      if (number) sum += Number(number[1]);
      else if (/^[A-Za-z_]\w*$/.test(term)) {
        const value = evaluate(term, depth + 1);
        if (value === undefined) return undefined;
        sum += value;
      } else return undefined;
    }
    into.set(name, sum >>> 0);
    return sum >>> 0;
  };
  for (const name of raw.keys()) evaluate(name);
  return into;
}

const winerror = parseHeader('winerror.h');
const ntstatus = parseHeader('ntstatus.h');
const winhttp = parseHeader('winhttp.h');
const headerValue = (name: string): number | undefined => ntstatus.get(name) ?? winerror.get(name) ?? winhttp.get(name);

/** Every (name, value) pair the knowledge base claims for a 32-bit or Win32 code. */
const claims = registry().entries.flatMap((e) => (e.Value === undefined || e.Family === 'AADSTS' || e.Family === 'AD FS'
  ? []
  : [e.Name, ...e.Aliases].filter((n): n is string => !!n).map((name) => ({ id: e.Id, family: e.Family, name, values: [e.Value!, ...e.Variants] }))));

/**
 * Names mingw-w64 10 does not define (TPM_E_*, TPM_20_E_* and WININET_E_* are absent altogether):
 * checked against Microsoft's pages and go-attest's TPM table instead (see SOURCES). A listed
 * name that the header does define fails a test below, so the list cannot hide a wrong value.
 */
const NOT_IN_MINGW_10 = new Set([
  'E_INVALIDDATA',
  // Newer than mingw-w64 10's winhttp.h (taken from the Windows SDK metadata).
  'ERROR_WINHTTP_GLOBAL_CALLBACK_FAILED', 'ERROR_WINHTTP_FEATURE_DISABLED',
  'TBS_E_INVALID_CONTEXT', 'TBS_E_TOO_MANY_RESOURCES', 'TBS_E_PPI_NOT_SUPPORTED', 'TBS_E_COMMAND_CANCELED', 'TBS_E_NO_EVENT_LOG',
  'TBS_E_ACCESS_DENIED', 'TBS_E_PROVISIONING_NOT_ALLOWED', 'TBS_E_PPI_FUNCTION_UNSUPPORTED', 'TBS_E_OWNERAUTH_NOT_FOUND', 'TBS_E_PROVISIONING_INCOMPLETE',
]);

describe('the mingw-w64 headers as oracle', () => {
  test('the headers are there and parse (bootstrap installs mingw-w64)', () => {
    expect(ntstatus.get('STATUS_LOGON_FAILURE')).toBe(0xc000006d);
    expect(winerror.get('NTE_BAD_KEYSET')).toBe(0x80090016);
    expect(winerror.get('ERROR_ACCESS_DENIED')).toBe(5);
    expect(winhttp.get('ERROR_WINHTTP_TIMEOUT')).toBe(12002);
  });

  test('every code name the headers define has the headers\' value in the knowledge base', () => {
    const wrong = claims.filter((c) => headerValue(c.name) !== undefined && !c.values.includes(headerValue(c.name)!))
      .map((c) => `${c.name}: ours ${c.values.map((v) => v.toString(16)).join('/')}, header ${headerValue(c.name)!.toString(16)}`);
    expect(wrong).toEqual([]);
  });

  test('NTSTATUS, NTE_, SEC_E_, TBS_E_ and Win32 names are all in the headers, but for a listed few', () => {
    const checkable = claims.filter((c) => ['NTSTATUS', 'Win32', 'WinHTTP'].includes(c.family) || /^(NTE_|SEC_E_|TBS_E_|E_[A-Z]+$)/.test(c.name));
    const missing = checkable.filter((c) => headerValue(c.name) === undefined && !NOT_IN_MINGW_10.has(c.name)).map((c) => c.name);
    expect(missing).toEqual([]);
    // Enough of the table is really checked for the test above to mean something.
    expect(checkable.length - NOT_IN_MINGW_10.size).toBeGreaterThanOrEqual(180);
  });

  test('the names listed as missing from mingw-w64 10 really are missing', () => {
    expect([...NOT_IN_MINGW_10].filter((name) => headerValue(name) !== undefined)).toEqual([]);
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
