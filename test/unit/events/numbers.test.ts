import { describe, expect, it } from 'vitest';
import { canonicalTime, findInteger, parseEventTime, parseInteger, toHex32 } from '../../../src/events/numbers.js';

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

// The fast path must agree with the general one wherever it answers, and answer for every spelling
// the event log writes; parseEventTime alone cannot show a fast path that gives up too often.
describe('canonicalTime, the fast path of parseEventTime', () => {
  // The general path reads a space for the T, so it is never the fast path's answer.
  const general = (raw: string) => parseEventTime(raw.replace('T', ' '));

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('reads %i fraction digits, keeping the text, at the general path\'s instant', (digits) => {
    const raw = `2026-11-20T09:13:41.${'987654321'.slice(0, digits)}Z`;
    const fast = canonicalTime(raw);
    expect(fast?.iso).toBe(raw);
    expect(fast?.ms).toBe(general(raw)?.ms);
  });

  it.each(['00', '09', '10', '50', '59'])('reads second %s', (second) => {
    const raw = `2026-11-20T09:13:${second}.5Z`;
    expect(canonicalTime(raw)?.ms).toBe(Date.UTC(2026, 10, 20, 9, 13, Number(second)) + 500);
  });

  it('keeps microseconds and drops what is finer', () => {
    expect(canonicalTime('2026-11-20T09:13:41.123456789Z')?.ms).toBe(Date.UTC(2026, 10, 20, 9, 13, 41) + 123.456);
    expect(canonicalTime('2026-11-20T09:13:41.000001Z')?.ms).toBe(Date.UTC(2026, 10, 20, 9, 13, 41) + 0.001);
  });

  it.each([
    ['no fraction (the general path reads it)', '2026-11-20T09:13:41Z'],
    ['an empty fraction', '2026-11-20T09:13:41.Z'],
    ['a lower-case z', '2026-11-20T09:13:41.1234567z'],
    ['a space for the T', '2026-11-20 09:13:41.1234567Z'],
    ['a comma for the dot', '2026-11-20T09:13:41,1234567Z'],
    ['a dash for the colon before the seconds', '2026-11-20T09:13-41.1234567Z'],
    ['second 60', '2026-11-20T09:13:60.1Z'],
    ['a tens digit below 0', '2026-11-20T09:13:/1.1Z'],
    ['a letter for the seconds digit', '2026-11-20T09:13:4x.1Z'],
    ['a character below 0 for the seconds digit', '2026-11-20T09:13:4/.1Z'],
    ['a letter in the fraction', '2026-11-20T09:13:41.12a4Z'],
    ['a character below 0 in the fraction', '2026-11-20T09:13:41.12/4Z'],
    ['a letter in the minute', '2026-11-20T09:1x:41.1Z'],
    ['month 13', '2026-13-20T09:13:41.1Z'],
    ['a longer text', '2026-11-20T09:13:41.1234567Z and more text Z'],
  ])('gives null for %s', (_what, raw) => {
    expect(canonicalTime(raw)).toBeNull();
  });

  it('reads each minute afresh: consecutive minutes are 60 s apart, a broken minute after a good one is null', () => {
    const first = canonicalTime('2026-11-20T09:13:41.1Z');
    const next = canonicalTime('2026-11-20T09:14:41.1Z');
    expect(next!.ms - first!.ms).toBe(60_000);
    expect(canonicalTime('2026-11-20T09:1x:41.1Z')).toBeNull();
    expect(canonicalTime('2026-11-21T09:14:41.1Z')!.ms - next!.ms).toBe(86_400_000);
  });
});

describe('parseEventTime, the general path at its edges', () => {
  // A space for the T keeps these off the fast path.
  it.each([
    ['2026-12-31 23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['2026-01-01 00:00:00Z', Date.UTC(2026, 0, 1, 0, 0, 0)],
    ['2026-11-20 09:13:41', Date.UTC(2026, 10, 20, 9, 13, 41)],
    ['2026-11-20 09:13:41.25z', Date.UTC(2026, 10, 20, 9, 13, 41) + 250],
    ['2026-11-20 10:43:41+0130', Date.UTC(2026, 10, 20, 9, 13, 41)],
    ['2026-11-20 07:43:41-01:30', Date.UTC(2026, 10, 20, 9, 13, 41)],
    ['2026-11-20 09:13:41.0000015Z', Date.UTC(2026, 10, 20, 9, 13, 41) + 0.001],
  ])('reads %s', (raw, ms) => {
    expect(parseEventTime(raw)?.ms).toBe(ms);
  });

  it.each(['2026-13-01 00:00:00Z', '2026-12-32 00:00:00Z', '2026-12-31 24:00:00Z', '2026-12-31 23:60:00Z', '2026-12-31 23:59:61Z'])('gives null for %s (a field past its range)', (raw) => {
    expect(parseEventTime(raw)).toBeNull();
  });

  it('reads a time with only whole seconds as written, with no fraction added', () => {
    expect(parseEventTime('2026-11-20 09:13:41Z')).toEqual({ iso: '2026-11-20T09:13:41Z', ms: Date.UTC(2026, 10, 20, 9, 13, 41) });
  });
});

describe('toHex32 at the edges of 32 bits', () => {
  it('takes the lowest signed and the highest unsigned value', () => {
    expect(toHex32(-0x8000_0000)).toBe('0x80000000');
    expect(toHex32(0xffff_ffff)).toBe('0xffffffff');
    expect(toHex32(-1)).toBe('0xffffffff');
  });

  it('refuses null and fractions', () => {
    expect(toHex32(null)).toBeNull();
    expect(toHex32(1.5)).toBeNull();
  });
});

// Edges found by the events-scan mutation run of 2026-12-08 (test/mutation/events-scan-survivors.md).
describe('parseInteger past its fast path', () => {
  it('reads 16 digits and more only as a safe integer, and no more than 20 digits', () => {
    expect(parseInteger('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseInteger('9007199254740993')).toBeNull();
    expect(parseInteger('12345678901234567')).toBeNull();
    expect(parseInteger('000000000000000000042')).toBeNull();
  });

  it('gives null for a field Windows writes as "-" for none, and for blanks', () => {
    expect(parseInteger('-')).toBeNull();
    expect(parseInteger(' ')).toBeNull();
    expect(parseInteger('+-')).toBeNull();
  });

  it('gives null for a version or an exponent, which no field spells a code as', () => {
    expect(parseInteger('2.0')).toBeNull();
    expect(parseInteger('1e3')).toBeNull();
    expect(findInteger('2.0')).toBeNull();
  });
});

describe('parseEventTime: blanks and the leap second', () => {
  it('reads a time with blanks around it (a formatter put the attribute value on its own line)', () => {
    expect(parseEventTime(' 2026-11-20T09:13:41.1234567Z\n')).toEqual(parseEventTime('2026-11-20T09:13:41.1234567Z'));
  });

  it('reads a leap second (:60) as the first second of the next minute', () => {
    expect(parseEventTime('2016-12-31T23:59:60.5Z')).toEqual({ iso: '2017-01-01T00:00:00.5Z', ms: Date.UTC(2017, 0, 1) + 500 });
  });
});

// The fast path must not answer where the general path would answer otherwise: Date.parse takes
// `T24:00` (midnight of the next day) and rolls 30 February over to 2 March, the general path
// refuses hour 24 and writes the rolled-over date; the fast path kept the text as written.
describe('canonicalTime leaves a minute that is not a real one to the general path', () => {
  it.each(['2026-11-20T24:00:41.1234567Z', '2026-02-30T09:13:41.1234567Z', '2026-04-31T00:00:00.5Z'])('%s', (raw) => {
    expect(canonicalTime(raw)).toBeNull();
    expect(parseEventTime(raw)).toEqual(parseEventTime(raw.replace('T', ' ')));
  });
});
