import { describe, expect, it } from 'vitest';
import { findInteger, parseEventTime, parseInteger, toHex32 } from '../../../src/events/numbers.js';

describe('parseInteger', () => {
  it('reads the three spellings of one status as the same 32-bit value', () => {
    expect(toHex32(parseInteger('0xC000006D'))).toBe('0xc000006d');
    expect(toHex32(parseInteger('-1073741715'))).toBe('0xc000006d');
    expect(toHex32(parseInteger('3221225581'))).toBe('0xc000006d');
  });

  it('reads plain decimals such as record ids', () => {
    expect(parseInteger('4711')).toBe(4711);
    expect(parseInteger(' 12029 ')).toBe(12029);
    expect(parseInteger('+7')).toBe(7);
  });

  it('gives null for empty, absent and non-numeric text', () => {
    expect(parseInteger('')).toBeNull();
    expect(parseInteger(null)).toBeNull();
    expect(parseInteger('invalid_grant')).toBeNull();
    expect(parseInteger('0x')).toBeNull();
  });
});

describe('findInteger', () => {
  it('finds the hex code inside a rendered status text', () => {
    expect(toHex32(findInteger('Unknown HResult Error code: 0x800484c1'))).toBe('0x800484c1');
  });

  it('finds a decimal when the text has no hex code', () => {
    expect(findInteger('Status: -1073741715')).toBe(-1073741715);
  });
});

describe('toHex32', () => {
  it('writes lowercase 0x plus eight digits', () => {
    expect(toHex32(0)).toBe('0x00000000');
    expect(toHex32(12029)).toBe('0x00002efd');
  });

  it('refuses values outside 32 bits', () => {
    expect(toHex32(0x1_0000_0000)).toBeNull();
    expect(toHex32(-0x8000_0001)).toBeNull();
  });
});

describe('parseEventTime', () => {
  it('keeps the seven fraction digits of the event log', () => {
    const t = parseEventTime('2026-11-20T09:13:41.1234567Z');
    expect(t?.iso).toBe('2026-11-20T09:13:41.1234567Z');
    expect(t?.ms).toBeCloseTo(Date.UTC(2026, 10, 20, 9, 13, 41, 123) + 0.456, 6);
  });

  it('orders two events 0.1 ms apart', () => {
    const a = parseEventTime('2026-11-20T09:13:41.1234000Z');
    const b = parseEventTime('2026-11-20T09:13:41.1235000Z');
    expect((b?.ms ?? 0) > (a?.ms ?? 0)).toBe(true);
  });

  it('keeps a time without fraction as written', () => {
    expect(parseEventTime('2026-11-20T09:13:41Z')?.iso).toBe('2026-11-20T09:13:41Z');
  });

  it('shifts a time with an offset to UTC and keeps its precision', () => {
    expect(parseEventTime('2026-11-20T10:13:41.500+01:00')?.iso).toBe('2026-11-20T09:13:41.500Z');
  });

  it('reads the canonical and the general spelling to the same instant', () => {
    const canonical = parseEventTime('2026-11-20T09:13:41.9999999Z');
    const spaced = parseEventTime('2026-11-20 09:13:41.9999999Z');
    expect(canonical?.ms).toBe(spaced?.ms);
  });

  it('gives null for text that is not a time', () => {
    expect(parseEventTime('yesterday')).toBeNull();
    expect(parseEventTime('2026-13-40T99:00:00Z')).toBeNull();
  });
});
