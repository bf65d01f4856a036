/**
 * Input spellings → one token. Pure syntax; the meaning is decided in decode.ts.
 *   0xC000006D, c000006d, 80072ee2      → hex
 *   -1073741715, 3221225581, 12002      → decimal
 *   AADSTS50126, aadsts 50126: text…   → aadsts
 *   MSIS7068                            → msis
 *   ID3242, ID3242: The security token… → adfsId
 *   STATUS_LOGON_FAILURE, invalid_grant → name
 */
export type Token =
  | { kind: 'hex'; value: number; alsoDecimal: number | null }
  | { kind: 'decimal'; value: number }
  | { kind: 'aadsts'; value: number; trailing: string }
  | { kind: 'msis'; value: number; trailing: string }
  | { kind: 'adfsId'; text: string; trailing: string }
  | { kind: 'name'; name: string }
  | { kind: 'error'; id: 'EmptyInput' | 'NotACode' | 'OutOfRange'; message: string };

const HEX_PREFIXED = /^0x([0-9a-f]+)$/i;
const HEX_BARE = /^[0-9a-f]*[a-f][0-9a-f]*$/i;
const DECIMAL = /^[+-]?\d+$/;
const AADSTS = /^AADSTS\s*:?\s*(\d{1,9})(?![\d])\s*:?\s*(.*)$/is;
const MSIS = /^MSIS\s*(\d{1,6})(?![\d])\s*:?\s*(.*)$/is;
/** Windows Identity Foundation messages that AD FS returns: `ID3242: The security token…`. */
const ADFS_ID = /^ID\s*(\d{4})(?![\d])\s*(?::\s*(.*))?$/is;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const quote = (s: string): string => (s.length > 60 ? `"${s.slice(0, 57)}..."` : `"${s}"`);

export const tokenize = (raw: string): Token => {
  const input = raw.trim();
  if (input === '') return { kind: 'error', id: 'EmptyInput', message: 'Empty input: give a code such as 0xc000006d, AADSTS50126, 12002 or STATUS_LOGON_FAILURE.' };

  const prefixed = HEX_PREFIXED.exec(input);
  if (prefixed) {
    const digits = prefixed[1] ?? '';
    if (digits.replace(/^0+/, '').length > 8) {
      return { kind: 'error', id: 'OutOfRange', message: `${quote(input)} has more than 8 hex digits: status codes are 32-bit values.` };
    }
    return { kind: 'hex', value: Number.parseInt(digits, 16) >>> 0, alsoDecimal: null };
  }
  if (HEX_BARE.test(input)) {
    if (input.replace(/^0+/, '').length > 8) {
      return { kind: 'error', id: 'OutOfRange', message: `${quote(input)} has more than 8 hex digits: status codes are 32-bit values.` };
    }
    // Only an 8-digit bare hex reads naturally as a status (c000006d); shorter letters-and-digits
    // strings (like "dead" or "abc") are more likely typos than codes.
    if (input.length === 8) return { kind: 'hex', value: Number.parseInt(input, 16) >>> 0, alsoDecimal: null };
  }
  if (DECIMAL.test(input)) {
    // Eight digits without a sign read as hex first: that is how Windows prints statuses (80070005).
    if (/^\d{8}$/.test(input)) {
      return { kind: 'hex', value: Number.parseInt(input, 16) >>> 0, alsoDecimal: Number.parseInt(input, 10) };
    }
    const value = Number(input);
    if (!Number.isSafeInteger(value) || value > 0xffffffff || value < -0x80000000) {
      return { kind: 'error', id: 'OutOfRange', message: `${quote(input)} does not fit in 32 bits (signed -2147483648 … unsigned 4294967295).` };
    }
    return { kind: 'decimal', value };
  }
  const aadsts = AADSTS.exec(input);
  if (aadsts) return { kind: 'aadsts', value: Number(aadsts[1]), trailing: (aadsts[2] ?? '').trim() };
  const msis = MSIS.exec(input);
  if (msis) return { kind: 'msis', value: Number(msis[1]), trailing: (msis[2] ?? '').trim() };
  const adfsId = ADFS_ID.exec(input);
  if (adfsId) return { kind: 'adfsId', text: `ID${adfsId[1] ?? ''}`, trailing: (adfsId[2] ?? '').trim() };
  if (NAME.test(input)) return { kind: 'name', name: input };
  return {
    kind: 'error',
    id: 'NotACode',
    message: `${quote(input)} is not a code: expected hex (0xc000006d), decimal (-1073741715, 12002), AADSTS…, MSIS…, an AD FS ID3242 or a symbolic name (STATUS_LOGON_FAILURE, invalid_grant). Give one code per argument.`,
  };
};
