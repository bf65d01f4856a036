import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/codes/parse.js';

describe('tokenize: hex', () => {
  it('reads 0x-prefixed hex in either case as an unsigned 32-bit value', () => {
    expect(tokenize('0xC000006D')).toEqual({ kind: 'hex', value: 0xc000006d, alsoDecimal: null });
    expect(tokenize('0XffffFFFF')).toEqual({ kind: 'hex', value: 0xffffffff, alsoDecimal: null });
  });

  it('trims the input first', () => {
    expect(tokenize('  0x6d\t')).toEqual({ kind: 'hex', value: 0x6d, alsoDecimal: null });
  });

  it('allows leading zeros beyond eight digits, but not nine significant digits', () => {
    expect(tokenize('0x00c000006d')).toEqual({ kind: 'hex', value: 0xc000006d, alsoDecimal: null });
    expect(tokenize('0x1c000006d')).toEqual({ kind: 'error', id: 'OutOfRange', message: '"0x1c000006d" has more than 8 hex digits: status codes are 32-bit values.' });
  });

  it('reads eight bare hex digits with a letter as hex, and rejects nine significant ones', () => {
    expect(tokenize('c000006d')).toEqual({ kind: 'hex', value: 0xc000006d, alsoDecimal: null });
    expect(tokenize('0c000006d')).toMatchObject({ kind: 'error', id: 'NotACode' });
    expect(tokenize('00c000006d')).toMatchObject({ kind: 'error', id: 'NotACode' });
    expect(tokenize('1c000006d')).toMatchObject({ kind: 'error', id: 'OutOfRange', message: '"1c000006d" has more than 8 hex digits: status codes are 32-bit values.' });
  });

  it('does not take a shorter bare letters-and-digits string for hex', () => {
    expect(tokenize('dead')).toEqual({ kind: 'name', name: 'dead' });
    expect(tokenize('6d')).toMatchObject({ kind: 'error', id: 'NotACode' });
  });

  it('reads eight bare decimal digits as hex first and keeps the decimal reading', () => {
    expect(tokenize('80070005')).toEqual({ kind: 'hex', value: 0x80070005, alsoDecimal: 80070005 });
  });
});

describe('tokenize: decimal', () => {
  it('reads signed and unsigned 32-bit numbers up to both ends of the range', () => {
    expect(tokenize('-2147483648')).toEqual({ kind: 'decimal', value: -2147483648 });
    expect(tokenize('4294967295')).toEqual({ kind: 'decimal', value: 4294967295 });
    expect(tokenize('+12002')).toEqual({ kind: 'decimal', value: 12002 });
    expect(tokenize('0')).toEqual({ kind: 'decimal', value: 0 });
  });

  it('rejects numbers past either end of the range, saying what fits', () => {
    expect(tokenize('-2147483649')).toEqual({ kind: 'error', id: 'OutOfRange', message: '"-2147483649" does not fit in 32 bits (signed -2147483648 … unsigned 4294967295).' });
    expect(tokenize('4294967296')).toMatchObject({ kind: 'error', id: 'OutOfRange' });
    expect(tokenize('99999999999999999999')).toMatchObject({ kind: 'error', id: 'OutOfRange' });
  });
});

describe('tokenize: server codes', () => {
  it('reads AADSTS with or without a space or colon, and keeps the text after it', () => {
    expect(tokenize('AADSTS50126')).toEqual({ kind: 'aadsts', value: 50126, trailing: '' });
    expect(tokenize('aadsts 50126: Error validating credentials')).toEqual({ kind: 'aadsts', value: 50126, trailing: 'Error validating credentials' });
    expect(tokenize('AADSTS:50126')).toEqual({ kind: 'aadsts', value: 50126, trailing: '' });
  });

  it('keeps a multi-line server message after an AADSTS code', () => {
    expect(tokenize('AADSTS70002: first\nsecond')).toEqual({ kind: 'aadsts', value: 70002, trailing: 'first\nsecond' });
  });

  it('does not cut a longer number to fit an AADSTS code', () => {
    expect(tokenize('AADSTS1234567890')).toMatchObject({ kind: 'name' });
  });

  it('reads MSIS codes and the text after them', () => {
    expect(tokenize('MSIS7068')).toEqual({ kind: 'msis', value: 7068, trailing: '' });
    expect(tokenize('msis 3173: Failed')).toEqual({ kind: 'msis', value: 3173, trailing: 'Failed' });
  });

  it('reads an AD FS ID with exactly four digits, with or without its message', () => {
    expect(tokenize('ID3242')).toEqual({ kind: 'adfsId', text: 'ID3242', trailing: '' });
    expect(tokenize('id 3242: The security token could not be authenticated')).toEqual({ kind: 'adfsId', text: 'ID3242', trailing: 'The security token could not be authenticated' });
    expect(tokenize('ID32421')).toMatchObject({ kind: 'name' });
  });
});

describe('tokenize: names and errors', () => {
  it('reads a symbolic name as written', () => {
    expect(tokenize('STATUS_LOGON_FAILURE')).toEqual({ kind: 'name', name: 'STATUS_LOGON_FAILURE' });
    expect(tokenize('_x9')).toEqual({ kind: 'name', name: '_x9' });
  });

  it('says what to give for an empty input', () => {
    expect(tokenize('   ')).toMatchObject({ kind: 'error', id: 'EmptyInput', message: expect.stringContaining('give a code such as 0xc000006d') });
  });

  it('rejects anything else, quoting the input', () => {
    expect(tokenize('0xc000006d 0x1')).toMatchObject({ kind: 'error', id: 'NotACode', message: expect.stringMatching(/^"0xc000006d 0x1" is not a code: expected hex/) });
  });

  it('shortens a long input in the message to 57 characters and an ellipsis', () => {
    const long = `${'a b '.repeat(20)}`.trim();
    const token = tokenize(long);
    expect(token).toMatchObject({ kind: 'error', id: 'NotACode' });
    if (token.kind !== 'error') throw new Error('expected an error');
    expect(token.message.startsWith(`"${long.slice(0, 57)}..." is not a code`)).toBe(true);
  });

  it('quotes an input of exactly 60 characters whole', () => {
    const sixty = `${'x '.repeat(30)}`.slice(0, 59) + 'y';
    const token = tokenize(sixty);
    if (token.kind !== 'error') throw new Error('expected an error');
    expect(token.message.startsWith(`"${sixty}" is not a code`)).toBe(true);
  });
});
