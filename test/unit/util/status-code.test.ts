import { describe, expect, it } from 'vitest';
import { hex8, isFailureStatus } from '../../../src/util/status-code.js';

describe('hex8', () => {
  it('prints a negative (signed) status as its unsigned 32-bit hex', () => {
    expect(hex8(-1073741715)).toBe('0xc000006d');
  });

  it('pads small values to 8 digits and prints lowercase', () => {
    expect(hex8(0x2ee2)).toBe('0x00002ee2');
    expect(hex8(0xcaa5001c)).toBe('0xcaa5001c');
  });
});

describe('isFailureStatus', () => {
  it('is false for success in any zero spelling', () => {
    expect(isFailureStatus('0x00000000')).toBe(false);
    expect(isFailureStatus('0x0')).toBe(false);
    expect(isFailureStatus('0X0')).toBe(false);
  });

  it('is false when there is no status at all', () => {
    expect(isFailureStatus(null)).toBe(false);
    expect(isFailureStatus(undefined)).toBe(false);
  });

  it('is true for any non-zero status, including ones with zero digits inside', () => {
    expect(isFailureStatus('0xc000006d')).toBe(true);
    expect(isFailureStatus('0x00000001')).toBe(true);
    expect(isFailureStatus('0x80000000')).toBe(true);
    expect(isFailureStatus('0x00000010')).toBe(true);
  });
});
