import { describe, expect, test } from 'vitest';
import { readMiscountedHex } from '../../../src/codes/miscounted.js';
import { explainCodes, explainText } from '../../../src/codes/index.js';

const reading = (written: string) => {
  const r = readMiscountedHex(written);
  return r === null || r === 'unreadable' ? r : r.code;
};

describe('hex codes typed with a digit too many or too few', () => {
  test('nine digits: the one known code with a zero less, never the alarming first eight digits', () => {
    // 0xC0000005 (STATUS_ACCESS_VIOLATION) is the first eight digits; only zeros count as slips.
    expect(reading('0xC0000005F')).toBe('0xC000005F');
    expect(reading('0x800700005')).toBe('0x80070005');
  });

  test('seven digits with the top digit of a status: the known code with a zero more', () => {
    expect(reading('0xC00005F')).toBe('0xC000005F');
    expect(reading('0xc00006d')).toBe('0xC000006D');
  });

  test('seven zero-padded digits: a dropped leading C when only that is a known code', () => {
    expect(reading('0x000023C')).toBe('0xC000023C');
  });

  test('the severity and HRESULT spellings of one code count once', () => {
    // 0x000023C could be 0xC000023C, 0x8000023C (its warning spelling) or 0xD000023C (HRESULT_FROM_NT): one error.
    expect(readMiscountedHex('0x000023C')).not.toBe('unreadable');
  });

  test('a padded value that is known as written, or has no single better reading, stays what it says', () => {
    expect(readMiscountedHex('0x0000005')).toBeNull();
    expect(readMiscountedHex('0x0001234')).toBeNull();
  });

  test('eight digits, short values and seven digits of an ordinary value are not miscounted', () => {
    for (const written of ['0xC000005F', '0x5', '0x23C', '0x1234567', '0xC000005FF0']) expect(readMiscountedHex(written), written).toBeNull();
  });

  test('the dropped zero can be the last digit', () => {
    expect(reading('0xc000007')).toBe('0xC0000070');
  });

  test('a lone digit other than zero too many is not a slip we guess', () => {
    // Without its 1, 0xc0010006d would be STATUS_LOGON_FAILURE; no zero removed gives a known code.
    expect(readMiscountedHex('0xc0010006d')).toBe('unreadable');
  });

  test('a doubled digit typed once, or three times: CAA read from CA or CAAA', () => {
    expect(reading('0xCA20002')).toBe('0xCAA20002');
    expect(reading('0xCAAA20002')).toBe('0xCAA20002');
    expect(reading('0xC000006DD')).toBe('0xC000006D');
  });

  test('a lone zero too many or too few, not next to another zero', () => {
    expect(reading('0xCA0A20002')).toBe('0xCAA20002');
    expect(reading('0x801C3F2')).toBe('0x801C03F2');
  });

  test('two different known codes one slip away: unreadable, not a guess', () => {
    // 0x801c001 is 0x801C0001 or 0x801C0010 with a zero dropped.
    expect(readMiscountedHex('0x801c001')).toBe('unreadable');
  });

  test('no known code one slip away, or two different ones: unreadable', () => {
    expect(readMiscountedHex('0xC12345678')).toBe('unreadable');
    expect(readMiscountedHex('0xC12345F')).toBe('unreadable');
    expect(readMiscountedHex('0x123456789')).toBe('unreadable');
  });

  test('the note names what was written, the digit count and the code read', () => {
    const r = readMiscountedHex('0xC0000005F');
    expect(r).not.toBeNull();
    expect(r === 'unreadable' ? '' : r?.note).toMatch(/^Written 0xC0000005F, with nine hex digits: a status has eight\. Read as 0xC000005F,/);
    const short = readMiscountedHex('0xC00005F');
    expect(short === 'unreadable' ? '' : short?.note).toMatch(/with seven hex digits/);
  });
});

describe('where the reading is used', () => {
  test('free text reads the slip with its note, and leaves out what cannot be read', () => {
    const [code, ...rest] = explainText('Event 1104: plugin call returned error: 0xC0000005F. Later 0xC12345678.', 't').Codes;
    expect(rest).toEqual([]);
    expect([code?.Code, code?.Explanation.Name]).toEqual(['0xC0000005F', 'STATUS_NO_SUCH_LOGON_SESSION']);
    expect(code?.Notes.join(' ')).toMatch(/nine hex digits/);
  });

  test('free text reads a status with a digit short and no 0x only after error words, or in an error field (real: vscode#240543)', () => {
    const [code, ...rest] = explainText('Error CA20002 signing in to Azure account', 't').Codes;
    expect(rest).toEqual([]);
    expect([code?.Code, code?.Explanation.Name, code?.Notes[0]]).toEqual(['CA20002', 'ERROR_ADAL_SERVER_ERROR_INVALID_REQUEST', expect.stringMatching(/^Written CA20002, with seven hex digits: a status has eight\. Read as 0xCAA20002,/)]);
    expect(explainText('Status: c00006d', 't').Codes.map((c) => c.Explanation.Name)).toEqual(['STATUS_LOGON_FAILURE']);
    // Without error words, or with no single known code a slip away, a seven-digit word is no code.
    expect(explainText('Code 1.97.1 (e249dad, build CA20002, commit c00006d)', 't').Codes).toEqual([]);
    expect(explainText('error C12345F', 't').Codes).toEqual([]);
    // A field that is no error field, or no known code a slip away, reads nothing.
    expect(explainText('Build: CA20002', 't').Codes).toEqual([]);
    expect(explainText('error 9123456', 't').Codes).toEqual([]);
  });

  test('a lone argument gets the reading, or an error that says why it is no code', () => {
    const [read, unreadable, inWords] = explainCodes(['0xC00005F', '0xC12345F', 'Error: 0xC0000005F']);
    expect(read && 'Name' in read ? [read.Name, read.Notes[0]] : read).toEqual(['STATUS_NO_SUCH_LOGON_SESSION', expect.stringMatching(/^Written 0xC00005F, with seven/)]);
    expect(unreadable && 'Error' in unreadable ? unreadable.Error : unreadable).toEqual({ Id: 'OutOfRange', Message: expect.stringMatching(/"0xC12345F" does not have the eight hex digits/) });
    expect(inWords && 'Name' in inWords ? inWords.Notes.join(' ') : inWords).toMatch(/nine hex digits/);
  });
});
