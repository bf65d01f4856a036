import { describe, expect, it } from 'vitest';
import { partsOf } from '../../../src/codes/bits.js';
import { familyOfValue, isWinhttpNumber } from '../../../src/codes/classify.js';
import { canonicalCode, entryId } from '../../../src/codes/identity.js';

describe('isWinhttpNumber', () => {
  it('is true from 12001 to 12192, both included (winhttp.h)', () => {
    expect([12000, 12001, 12192, 12193].map(isWinhttpNumber)).toEqual([false, true, true, false]);
  });
});

describe('familyOfValue', () => {
  it('reads 16-bit values as Win32 (or WinHTTP), up to 0xffff included', () => {
    expect(familyOfValue(0xffff)).toBe('Win32');
    expect(familyOfValue(12002)).toBe('WinHTTP');
    expect(familyOfValue(0x10000)).not.toBe('Win32');
  });

  it('reads every TPM prefix, HRESULT and NTSTATUS, as TPM', () => {
    expect([0x80281234, 0x80291234, 0xc0281234, 0xc0291234].map(familyOfValue)).toEqual(['TPM', 'TPM', 'TPM', 'TPM']);
  });

  it('reads an HRESULT_FROM_NT value (0xD…) as an HRESULT, not as an NTSTATUS error', () => {
    expect(familyOfValue(0xd0001234)).toBe('HRESULT');
  });

  it('reads the error and informational severities as NTSTATUS, success and warning as HRESULT', () => {
    expect([0xc0001234, 0x40001234, 0x00011234, 0x80011234].map(familyOfValue)).toEqual(['NTSTATUS', 'NTSTATUS', 'HRESULT', 'HRESULT']);
  });
});

describe('partsOf', () => {
  it('reads DSREG codes with the HRESULT layout (one severity bit: 0x801c… is an error)', () => {
    expect(partsOf('DSREG', 0x801c0fff)).toEqual({ Severity: 'Error', Facility: 0x1c, Code: 0x0fff });
  });

  it('reads a TPM HRESULT (0x8029…) with the HRESULT layout', () => {
    expect(partsOf('TPM', 0x80290550)).toEqual({ Severity: 'Error', Facility: 0x29, Code: 0x0550 });
  });

  it('gives a Win32 or WinHTTP number no severity or facility: the code is the whole value', () => {
    expect(partsOf('Win32', 0x520)).toEqual({ Severity: null, Facility: null, Code: 0x520 });
    expect(partsOf('WinHTTP', 12002)).toEqual({ Severity: null, Facility: null, Code: 12002 });
  });

  it('reads an HRESULT success with the HRESULT layout', () => {
    expect(partsOf('HRESULT', 0x00090001)).toEqual({ Severity: 'Success', Facility: 9, Code: 1 });
  });
});

describe('canonicalCode and entryId', () => {
  it('spell a Win32 code as its decimal number and its identity in hex', () => {
    expect(canonicalCode({ Family: 'Win32', Value: 1312 })).toBe('1312');
    expect(entryId({ Family: 'Win32', Value: 1312 })).toBe('Win32:0x00000520');
  });

  it('spell an AD FS code as MSIS and four digits', () => {
    expect(canonicalCode({ Family: 'AD FS', Value: 7068 })).toBe('MSIS7068');
    expect(entryId({ Family: 'AD FS', Value: 68 })).toBe('AD FS:MSIS0068');
  });
});
