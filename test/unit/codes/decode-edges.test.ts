// Edge cases of the decoder found by mutation testing (test/mutation/codes-decode-survivors.md):
// the Windows SDK header-name paths, the wrapper links and the argument reader of prt explain.
import { describe, expect, test } from 'vitest';
import { explainCodes } from '../../../src/codes/explain.js';
import { isExplainError } from '../../../src/codes/index.js';
import { ok } from './helpers.js';

describe('header names of values the knowledge base does not describe', () => {
  test('an unknown Win32 error gets its winerror.h name and no HRESULT/NTSTATUS bit layout', () => {
    const r = ok('1234');
    expect(r.Name).toBe('ERROR_PORT_UNREACHABLE');
    expect(r.Summary).toContain('headers (winerror.h) is ERROR_PORT_UNREACHABLE');
    expect(r.Notes).toEqual([]);
  });

  test('the largest Win32 number (0xffff) is a plain number, without a bit layout', () => {
    const r = ok('0x0000ffff');
    expect(r.Family).toBe('Win32');
    expect(r.Notes).toEqual([]);
  });

  test('0x80000005 read as an HRESULT has no name: STATUS_BUFFER_OVERFLOW is an ntstatus.h name', () => {
    const r = ok('0x80000005');
    expect(r.Family).toBe('HRESULT');
    expect(r.Name).toBeNull();
    expect(r.Summary).not.toContain('STATUS_BUFFER_OVERFLOW');
  });

  test('a TPM value with NTSTATUS severity (0xC029…) is named by ntstatus.h', () => {
    const r = ok('0xC0290001');
    expect(r.Family).toBe('TPM');
    expect(r.Name).toBe('STATUS_TPM_AUTHFAIL');
    expect(r.Summary).toContain('headers (ntstatus.h) is STATUS_TPM_AUTHFAIL');
  });

  test('a value with two header names shows the first and notes the other', () => {
    const r = ok('0x80040000');
    expect(r.Name).toBe('OLE_E_FIRST');
    expect(r.Notes).toContain('winerror.h also calls it OLE_E_OLEVERB.');
  });

  test('HRESULT_FROM_WIN32 of an unknown Win32 error: the macro name, no other names', () => {
    const r = ok('0x80070002');
    expect(r.Name).toBe('HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)');
    expect(r.Notes.filter((n) => n.includes('also calls it'))).toEqual([]);
  });

  test('NTSTATUS_FROM_WIN32 of an unknown Win32 error names the Win32 code, not STATUS_WAIT_2', () => {
    const r = ok('0xC0070002');
    expect(r.Name).toBe('NTSTATUS_FROM_WIN32(ERROR_FILE_NOT_FOUND)');
    expect(r.Notes).toContain('FACILITY_NTWIN32: the low 16 bits are Win32 error 2 (ERROR_FILE_NOT_FOUND).');
    expect(r.Notes.filter((n) => n.includes('also calls it'))).toEqual([]);
  });

  test('HRESULT_FROM_NT of an unknown NTSTATUS names it from ntstatus.h', () => {
    const r = ok('0xD0000034');
    expect(r.Name).toBe('HRESULT_FROM_NT(STATUS_OBJECT_NAME_NOT_FOUND)');
    expect(r.Summary).toContain('headers (ntstatus.h) is HRESULT_FROM_NT(STATUS_OBJECT_NAME_NOT_FOUND)');
    expect(r.Notes).toContain('HRESULT_FROM_NT: with the NT bit cleared this is the NTSTATUS 0xc0000034 (STATUS_OBJECT_NAME_NOT_FOUND).');
    expect(r.Notes.filter((n) => n.includes('also calls it'))).toEqual([]);
  });
});

describe('a header name as input', () => {
  test('a Win32 name, written in lower case, is noted with its decimal value', () => {
    const r = ok('error_file_not_found');
    expect(r.Name).toBe('ERROR_FILE_NOT_FOUND');
    expect(r.Notes).toContain('ERROR_FILE_NOT_FOUND is 2 in the Windows SDK headers.');
  });

  test('a 32-bit name is noted with its hex value', () => {
    const r = ok('STATUS_TPM_ERROR_MASK');
    expect(r.Notes).toContain('STATUS_TPM_ERROR_MASK is 0xc0290000 in the Windows SDK headers.');
  });
});

describe('wrapper links', () => {
  test('a wrapped known code is linked once', () => {
    const r = ok('0x80070520');
    expect(r.Related.filter((x) => x.Code === '1312')).toHaveLength(1);
  });
});

describe('prt explain arguments', () => {
  const one = (input: string) => {
    const [item] = explainCodes([input]);
    if (item === undefined) expect.fail('no item');
    return item;
  };

  test('a miscounted hex value with spaces around it is still read', () => {
    const item = one('  0x8007052  ');
    if (isExplainError(item)) expect.fail(item.Error.Message);
    expect(item.Id).toBe('HRESULT:0x80070520');
  });

  test('an unreadable hex value is quoted without the spaces around it', () => {
    const item = one(' 0x123456789 ');
    if (!isExplainError(item)) expect.fail('decoded');
    expect(item.Error.Message.startsWith('"0x123456789" ')).toBe(true);
  });

  test('words without a code stay "not a code"', () => {
    const item = one('hello world');
    if (!isExplainError(item)) expect.fail('decoded');
    expect(item.Error.Id).toBe('NotACode');
  });

  test('the note quotes the code as it was written', () => {
    const item = one('Error: 0X80072EE7');
    if (isExplainError(item)) expect.fail(item.Error.Message);
    expect(item.Notes[0]).toBe('Read as the code 0X80072EE7: the rest of "Error: 0X80072EE7" is not part of it.');
  });

  test('two codes in one argument are listed as written', () => {
    const item = one('codes 0X80072EE7 and 0XC000006D');
    if (!isExplainError(item)) expect.fail('decoded');
    expect(item.Error.Message).toContain('(0X80072EE7, 0XC000006D)');
  });
});
