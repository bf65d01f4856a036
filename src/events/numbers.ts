/**
 * Number and time spellings of event XML. The rendering of numbers in real captures is not
 * documented (DESIGN §7), so every numeric field accepts hex (`0xC000006D`), signed decimal
 * (`-1073741715`) and unsigned decimal (`3221225581`): one code, three spellings.
 */
import { hex8 } from '../util/status-code.js';

const HEX = /^0x([0-9a-f]{1,16})$/i;
const DECIMAL = /^[+-]?\d{1,20}$/;
const EMBEDDED_HEX = /0x[0-9a-f]{1,16}\b/i;
const EMBEDDED_DECIMAL = /(?:^|[^\w.])([+-]?\d+)(?![\w.])/;

/** The number a field holds, or null. Hex is read as unsigned (`0xC000006D` → 3221225581). */
export function parseInteger(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  // Fast path: plain short decimals (record ids, event ids, process ids) without a regex.
  const n = raw.length;
  if (n > 0 && n < 16) {
    let value = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === n) return value;
  }
  const s = raw.trim();
  if (s === '') return null;
  const hex = HEX.exec(s);
  if (hex) {
    const value = Number.parseInt(hex[1] ?? '', 16);
    return Number.isSafeInteger(value) ? value : null;
  }
  if (!DECIMAL.test(s)) return null;
  const value = Number(s);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Like parseInteger, but also finds a code inside text (`Unknown HResult Error code: 0x800484c1`,
 * `Status: -1073741715`): a hex spelling wins over a decimal one.
 */
export function findInteger(raw: string | null | undefined): number | null {
  const whole = parseInteger(raw);
  if (whole !== null || raw == null) return whole;
  const hex = EMBEDDED_HEX.exec(raw);
  if (hex) return parseInteger(hex[0]);
  const decimal = EMBEDDED_DECIMAL.exec(raw);
  return decimal ? parseInteger(decimal[1]) : null;
}

/** `0x` + 8 lowercase hex digits for any 32-bit value, signed or unsigned; null outside that range. */
export function toHex32(value: number | null): string | null {
  if (value === null || !Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) return null;
  return hex8(value);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface EventTime {
  /** ISO 8601 UTC, the source's fraction digits kept. */
  iso: string;
  /** Milliseconds since the epoch, to the microsecond. */
  ms: number;
}

/**
 * `SystemTime='2026-11-20T09:13:41.1234567Z'` → the same text and its epoch milliseconds. A time
 * with an offset (or none: taken as UTC, which is what the event log writes) is shifted to UTC.
 */
export function parseEventTime(raw: string | null | undefined): EventTime | null {
  if (raw == null) return null;
  const fast = canonicalTime(raw);
  if (fast) return fast;
  const m = ISO.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const wholeMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  if (!Number.isFinite(wholeMs) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  const micros = fraction === '' ? 0 : Math.floor(Number(fraction.padEnd(9, '0').slice(0, 9)) / 1000);
  const ms = wholeMs + micros / 1000;
  const base = new Date(wholeMs).toISOString().slice(0, 19);
  return { iso: `${base}${fraction === '' ? '' : '.' + fraction}Z`, ms };
}

/** The minute of the last canonical time read: consecutive events mostly share it. */
let lastMinute = '';
let lastMinuteMs = 0;

/**
 * The common spelling `2026-11-20T09:13:41.1234567Z` (what the event log writes), read without a
 * regex or a Date: null for any other spelling, which the general path then reads. Exported for
 * its tests: a fast path that wrongly says null is invisible in parseEventTime's results.
 */
export function canonicalTime(raw: string): EventTime | null {
  const n = raw.length;
  if (n < 21 || n > 30 || raw.charCodeAt(n - 1) !== 90 /* Z */ || raw.charCodeAt(10) !== 84 /* T */ || raw.charCodeAt(19) !== 46 /* . */) return null;
  const minute = raw.slice(0, 16);
  if (minute !== lastMinute) {
    // Only a minute that is its own ISO spelling: Date.parse also takes `T24:00` and 30 February
    // (rolled over), which the general path refuses or writes as the rolled-over date.
    const ms = Date.parse(`${minute}:00Z`);
    if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 16) !== minute) return null;
    lastMinute = minute;
    lastMinuteMs = ms;
  }
  const s0 = raw.charCodeAt(17) - 48;
  const s1 = raw.charCodeAt(18) - 48;
  if (raw.charCodeAt(16) !== 58 /* : */ || s0 < 0 || s0 > 5 || s1 < 0 || s1 > 9) return null;
  let micros = 0;
  let digits = 0;
  for (let i = 20; i < n - 1; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (digits < 6) micros = micros * 10 + d;
    digits++;
  }
  if (digits === 0 || digits > 9) return null;
  for (let k = digits; k < 6; k++) micros *= 10;
  return { iso: raw, ms: lastMinuteMs + (s0 * 10 + s1) * 1000 + micros / 1000 };
}
