// The generated name table (src/codes/names/table.ts) against the Windows SDK headers it is made
// from, and the decoder's use of it: a name for a code the knowledge base does not describe,
// marked as a name only, never in place of a knowledge-base entry.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TABLE_FILE, nameTables, readSdkHeaders, renderTable, sdkVersion } from '../../../scripts/code-names.js';
import { registry } from '../../../src/codes/registry.js';
import { isStatusValueFamily } from '../../../src/codes/identity.js';
import { hex8 } from '../../../src/codes/bits.js';
import { statusHeaderName, win32HeaderName } from '../../../src/codes/names/index.js';
import { ok } from './helpers.js';

const headers = readSdkHeaders();
const tables = nameTables(headers);

describe('the checked-in name table', () => {
  test('is exactly what scripts/code-names.ts makes of the SDK headers (run it after a header update)', () => {
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(renderTable(tables, sdkVersion()));
  });

  test('holds every Win32 ERROR_, MENROLL_E_ and NTSTATUS name of the headers', () => {
    const names = (map: Map<number, string[]>) => new Set([...map.values()].flat());
    const win32 = names(tables.win32);
    const winerror = names(tables.hresult);
    const nt = names(tables.ntstatus);
    const absent = (defines: typeof headers.winerror, keep: (name: string, value: number, type: string) => boolean, from: Set<string>) =>
      [...defines].filter(([name, d]) => keep(name, d.value, d.type) && !from.has(name)).map(([name]) => name);
    expect(absent(headers.winerror, (name, value, type) => name.startsWith('ERROR_') && value < 0x10000 && type === 'plain', win32)).toEqual([]);
    expect(absent(headers.winerror, (name) => name.startsWith('MENROLL_E_'), winerror)).toEqual([]);
    expect(absent(headers.ntstatus, (name, _value, type) => name.startsWith('STATUS_') && type === 'NTSTATUS', nt)).toEqual([]);
    expect(win32.size).toBeGreaterThanOrEqual(2700);
    expect([...winerror].filter((n) => n.startsWith('MENROLL_E_'))).toHaveLength(42);
    expect([...nt].filter((n) => n.startsWith('STATUS_')).length).toBeGreaterThanOrEqual(2700);
  });

  test('the decoder\'s lookup reads the table back: a sample of each kind', () => {
    expect(win32HeaderName(3)?.Names[0]).toBe('ERROR_PATH_NOT_FOUND');
    expect(statusHeaderName(0x80180026, 'HRESULT')?.Names[0]).toBe('MENROLL_E_DEVICE_MANAGEMENT_BLOCKED');
    expect(statusHeaderName(0xc0000001, 'NTSTATUS')?.Names[0]).toBe('STATUS_UNSUCCESSFUL');
    // Every value round-trips, in both headers.
    for (const [value, names] of tables.win32) expect(win32HeaderName(value)?.Names).toEqual(names);
    for (const [value, names] of tables.ntstatus) expect(statusHeaderName(value, 'NTSTATUS')?.Names).toEqual(names);
    for (const [value, names] of tables.hresult) expect(statusHeaderName(value, 'HRESULT')?.Names).toEqual(names);
  });
});

/** A code the knowledge base does not describe (the test fails if it becomes known: pick another). */
const nameOnly = (input: string) => {
  const r = ok(input);
  expect(r.Known, `${input} is in the knowledge base now`).toBe(false);
  return r;
};

describe('a code with no knowledge-base entry is named from the headers, as a name only', () => {
  test.each([
    ['0x80070003', 'HRESULT', 'HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)', 'winerror.h'],
    ['3', 'Win32', 'ERROR_PATH_NOT_FOUND', 'winerror.h'],
    ['0x80180001', 'HRESULT', 'MENROLL_E_DEVICE_MESSAGE_FORMAT_ERROR', 'winerror.h'],
    ['0xc0000010', 'NTSTATUS', 'STATUS_INVALID_DEVICE_REQUEST', 'ntstatus.h'],
    ['0xd0000010', 'HRESULT', 'HRESULT_FROM_NT(STATUS_INVALID_DEVICE_REQUEST)', 'ntstatus.h'],
    ['0xc0070003', 'NTSTATUS', 'NTSTATUS_FROM_WIN32(ERROR_PATH_NOT_FOUND)', 'winerror.h'],
  ])('%s is %s %s, with no cause or fix', (input, family, name, header) => {
    const r = nameOnly(input);
    expect([r.Family, r.Name, r.Id]).toEqual([family, name, null]);
    expect(r.Summary).toContain(`(${header}) is ${name}: a name only, we have no cause or fix for it.`);
    expect([r.Causes, r.Solutions]).toEqual([[], []]);
  });

  test('the wrapper note names the Win32 code it carries', () => {
    expect(nameOnly('0x80070003').Notes).toContain('HRESULT_FROM_WIN32: the low 16 bits are Win32 error 3 (ERROR_PATH_NOT_FOUND).');
  });

  test('a header name is decoded by its value, in any case', () => {
    const r = nameOnly('error_path_not_found');
    expect([r.Family, r.Name, r.Unsigned]).toEqual(['Win32', 'ERROR_PATH_NOT_FOUND', 3]);
    expect(nameOnly('MENROLL_E_DEVICE_MESSAGE_FORMAT_ERROR').Hex).toBe('0x80180001');
  });

  test('a second name of the same value is listed', () => {
    // SEC_E_UNSUPPORTED_FUNCTION and SEC_E_NOT_SUPPORTED share 0x80090302 in winerror.h.
    const r = nameOnly('0x80090302');
    expect(r.Name).toBe('SEC_E_UNSUPPORTED_FUNCTION');
    expect(r.Notes).toContain('winerror.h also calls it SEC_E_NOT_SUPPORTED.');
  });

  test('each reading is named by its own header: 0x80000005 is no HRESULT, but an NTSTATUS warning of ntstatus.h', () => {
    const r = nameOnly('0x80000005');
    expect([r.Family, r.Name]).toEqual(['HRESULT', null]);
    expect(r.Alternatives).toContainEqual({ Reading: 'Read as an NTSTATUS warning', Family: 'NTSTATUS', Code: '0x80000005', Name: 'STATUS_BUFFER_OVERFLOW', Known: false });
  });

  test('the other reading of an ambiguous spelling is named too', () => {
    // Eight digits are hex (0x20, ERROR_SHARING_VIOLATION, in the knowledge base); as a decimal, Win32 error 20.
    expect(ok('00000020').Alternatives).toContainEqual({ Reading: 'As a decimal number', Family: 'Win32', Code: '20', Name: 'ERROR_BAD_UNIT', Known: false });
  });

  test('a value no header names stays unnamed', () => {
    expect(nameOnly('0x8018ffff').Name).toBeNull();
    expect(nameOnly('0x0000fffe').Name).toBeNull();
  });
});

describe('the knowledge base always wins over a header name', () => {
  const statusEntries = registry().entries.filter((e) => e.Value !== undefined && isStatusValueFamily(e.Family));

  test('every status entry decodes to its own name and words, with no header text', () => {
    const wrong = statusEntries.flatMap((e) => {
      const r = ok(e.Family === 'Win32' || e.Family === 'WinHTTP' ? `0x${(e.Value ?? 0).toString(16)}` : hex8(e.Value ?? 0));
      return r.Known && r.Id === e.Id && r.Name === e.Name && !r.Summary.includes('a name only') ? [] : [`${e.Id}: ${String(r.Name)} / ${r.Summary}`];
    });
    expect(wrong).toEqual([]);
    expect(statusEntries.length).toBeGreaterThanOrEqual(300);
  });

  test('a knowledge-base entry the headers name differently keeps the entry\'s name', () => {
    // 0x80070005 is E_ACCESSDENIED in winerror.h; the knowledge base knows it as the Win32 code inside.
    const r = ok('0x80070005');
    expect(r.Known).toBe(true);
    expect(r.Name).toBe('HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)');
  });
});
