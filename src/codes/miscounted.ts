import { decodeCode } from './decode.js';
import { isExplainError } from './types.js';
import { identityOf } from './same-error.js';

/**
 * Hex codes typed with one digit too many or too few, as tickets and translated pages carry them
 * (`0xC0000005F`, `0xC00005F`, `0x000023C`, `CA20002`): a status has eight hex digits, and people
 * miscount runs of zeros, type a doubled letter once (or twice more), or drop the leading C. Reading such a token literally gives a wrong, confident
 * answer (0x0C00005F, Win32 572), and its first eight digits can be a different, alarming code
 * (0xC0000005). So a miscounted token is read as the one known code a single such slip away, and
 * said so; with no such code, or more than one, it is not read as a code at all.
 */

/** Nine digits, or seven that start with 0 (a padded value one short) or with a status's top digit. */
const MISCOUNTED = /^0x(?<digits>[0-9a-f]{9}|[089a-f][0-9a-f]{6})$/i;
const DROPPED_LEADING_DIGITS = ['C', '8', 'D'] as const;

export interface MiscountedReading {
  /** The code read, eight digits (`0xC000005F`). */
  code: string;
  note: string;
}

/**
 * The reading of a miscounted token; null when it is not one, or when it is a zero-padded value
 * that is known as written or has no single better reading; 'unreadable' when it cannot be a code
 * as written and no single known code is one slip away.
 */
export function readMiscountedHex(written: string, shown: string = written): MiscountedReading | 'unreadable' | null {
  const digits = MISCOUNTED.exec(written)?.groups?.digits;
  if (digits === undefined) return null;
  const tooLong = digits.length === 9;
  // `0x0000005` (a padded 5) is a code as written; only an unknown padded value is suspect.
  if (!tooLong && digits.startsWith('0') && knownId(`0x${digits}`) !== null) return null;
  const slips = tooLong ? withOneZeroLess(digits) : withOneDigitMore(digits);
  // One identity may answer to two spellings (0xC000023C and its HRESULT form 0xD000023C).
  const known = new Map<string, string>();
  for (const code of slips.map((d) => `0x${d.toUpperCase()}`)) {
    const id = knownId(code);
    if (id !== null && !known.has(id)) known.set(id, code);
  }
  const [only] = known.values();
  // A padded value with no better reading stays what it says (0x0001234 is 0x1234).
  if (known.size !== 1 || only === undefined) return !tooLong && digits.startsWith('0') ? null : 'unreadable';
  const count = tooLong ? 'nine hex digits' : 'seven hex digits';
  return {
    code: only,
    note: `Written ${shown}, with ${count}: a status has eight. Read as ${only}, the only known code one slip of typing away; check the original.`,
  };
}

const knownId = (hex: string): string | null => {
  const decoded = decodeCode(hex);
  return !isExplainError(decoded) && decoded.Known ? identityOf(decoded) : null;
};

/** One zero too many anywhere, or a digit typed twice where it stands once (`CAAA2…`). */
const withOneZeroLess = (digits: string): string[] =>
  Array.from({ length: digits.length }, (_, i) => i).flatMap((i) => (digits[i] === '0' || digits[i] === digits[i + 1] ? [digits.slice(0, i) + digits.slice(i + 1)] : []));

/** One zero too few anywhere, a doubled digit typed once (`CA2…` for `CAA2…`), or the leading status digit dropped. */
const withOneDigitMore = (digits: string): string[] => [
  ...Array.from({ length: digits.length + 1 }, (_, i) => `${digits.slice(0, i)}0${digits.slice(i)}`),
  ...Array.from({ length: digits.length }, (_, i) => `${digits.slice(0, i + 1)}${digits.slice(i)}`),
  ...(digits.startsWith('0') ? DROPPED_LEADING_DIGITS.map((d) => d + digits) : []),
];
