import { describe, expect, test } from 'vitest';
import { explainText } from '../../../src/codes/index.js';

// The order and grouping rules of the free-text reader at their edges (Stryker survivors of
// src/codes/text.ts, see test/mutation/codes-text-survivors.md).
const read = (text: string) => explainText(text, 'test').Codes;
const codes = (text: string) => read(text).map((c) => c.Code);

describe('order within one role', () => {
  test('codes of one role on different lines keep the order of the text', () => {
    expect(codes('0xc000006d then\n0xc000005f then\n0xc0000071')).toEqual(['0xc000006d', '0xc000005f', '0xc0000071']);
    expect(codes('0xc0000071 then\n0xc000005f then\n0xc000006d')).toEqual(['0xc0000071', '0xc000005f', '0xc000006d']);
    expect(codes('AADSTS50126\nAADSTS50155\nAADSTS50034')).toEqual(['AADSTS50126', 'AADSTS50155', 'AADSTS50034']);
    expect(codes('AADSTS50034\nAADSTS50155\nAADSTS50126')).toEqual(['AADSTS50034', 'AADSTS50155', 'AADSTS50126']);
  });

  test('a code that another names as its next link comes first, even on another line', () => {
    // AADSTS70002 (invalid client) names 50155 and 135011 as the reasons it wraps; they do not name it back.
    expect(codes('AADSTS70002 first\nthen AADSTS50155')).toEqual(['AADSTS50155', 'AADSTS70002']);
    expect(codes('AADSTS70002\nAADSTS135011\nAADSTS50155')).toEqual(['AADSTS135011', 'AADSTS50155', 'AADSTS70002']);
    expect(codes('AADSTS50155\nAADSTS70002')).toEqual(['AADSTS50155', 'AADSTS70002']);
  });

  test('two codes that name each other keep the order of the text', () => {
    // STATUS_NO_SUCH_LOGON_SESSION and AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED point at each other.
    expect(codes('AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED then 0xc000005f')).toEqual(['AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED', '0xc000005f']);
    expect(codes('0xc000005f then AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED')).toEqual(['0xc000005f', 'AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED']);
  });
});

describe('server codes on one line', () => {
  test('each code after the first on the line is named in the first one\'s note', () => {
    const [last, middle, first] = read('AADSTS70002: x AADSTS50155: y AADSTS135011: z');
    expect([last?.Code, middle?.Code, first?.Code]).toEqual(['AADSTS135011', 'AADSTS50155', 'AADSTS70002']);
    expect(first?.Notes[0]).toBe('In this text AADSTS70002 is followed by AADSTS50155, AADSTS135011 in the same message: the later code is the reason, so it is explained first.');
  });

  test('every later code on the line is the reason of each earlier one', () => {
    const [, middle] = read('AADSTS70002: x AADSTS50155: y AADSTS135011: z');
    expect(middle?.Notes).toContain('In this text AADSTS50155 is followed by AADSTS135011 in the same message: the later code is the reason, so it is explained first.');
  });

  test('a server code followed on its line only by a client status does not wrap', () => {
    expect(codes('AADSTS50126: x AADSTS50155: y status 0xc000006d')).toEqual(['AADSTS50155', 'AADSTS50126', '0xc000006d']);
  });

  test('a server code wraps only codes on its own line', () => {
    expect(codes('AADSTS70002: a AADSTS50155\nAADSTS50034')).toEqual(['AADSTS50155', 'AADSTS50034', 'AADSTS70002']);
  });

  test('codes on different lines, the same code twice, or a client status after a server code are not nested', () => {
    expect(read('AADSTS50126\nAADSTS50155').flatMap((c) => c.Notes)).toEqual([]);
    expect(read('AADSTS50126 x AADSTS50126').flatMap((c) => c.Notes)).toEqual([]);
    expect(read('AADSTS50126: bad, status 0xc000006d').flatMap((c) => c.Notes)).toEqual([]);
  });
});

describe('the note on AADSTS70002 goes to 70002', () => {
  test('not to a code read before it', () => {
    const found = read('Sign-in failed with AADSTS50034.\nThen AADSTS70002.');
    expect(found.find((c) => c.Code === 'AADSTS50034')?.Notes).toEqual([]);
    expect(found.find((c) => c.Code === 'AADSTS70002')?.Notes).toEqual([expect.stringMatching(/^Nothing in this text says whether this is a device sign-in/)]);
  });
});

describe('which numbers count', () => {
  test('a field label is kept, also one that ends in http, and an XML element name', () => {
    expect(read('Last error via http: 0x80072ee2')[0]?.FoundAt[0]?.Label).toBe('Last error via http');
    expect(read('<Status>0xc000006d</Status>')[0]?.FoundAt[0]?.Label).toBe('Status');
  });

  test('an unknown bare 8-digit hex after a label that does not call it an error is not a code', () => {
    expect(codes('Build: 8a1b2c3d')).toEqual([]);
    expect(codes('Error: 8a1b2c3d')).toEqual(['8a1b2c3d']);
  });

  test('a negative decimal is a status only inside the range of failure statuses', () => {
    expect(codes('value -100000000 and -2147483649 and -1073741715')).toEqual(['-1073741715']);
    expect(codes('value -268435456')).toEqual(['-268435456']);
    expect(codes('value -268435455')).toEqual([]);
  });

  test('a labelled decimal is read only as WinHTTP, a 32-bit failure or a known sign-in code', () => {
    expect(codes('Error code: 1234. Result: 4294967296')).toEqual([]);
    expect(codes('Result: 4294967295')).toEqual(['4294967295']);
    expect(codes('Result: 2147483648')).toEqual(['2147483648']);
    expect(codes('Result: 2147483647')).toEqual([]);
  });

  test('an HRESULT of a Win32 code is a network error only inside the WinHTTP range', () => {
    expect(read('0x80070005 and 0x80072ee2').map((c) => [c.Code, c.Role])).toEqual([['0x80072ee2', 'Transport'], ['0x80070005', 'ClientStatus']]);
  });

  test('symbolic names are read only when the knowledge base has them, not every name of the Windows headers', () => {
    // ERROR_PATH_NOT_FOUND is a header name with no entry of ours: in a pasted script it is just a constant.
    expect(codes('if ($err -eq ERROR_PATH_NOT_FOUND) { retry }')).toEqual([]);
    expect(codes('failed: STATUS_LOGON_FAILURE')).toEqual(['STATUS_LOGON_FAILURE']);
  });

  test('two unknown codes that share their low 16 bits stay two codes', () => {
    expect(codes('0x80041234 and 0x80051234')).toEqual(['0x80041234', '0x80051234']);
  });

  test('the numbers of a JSON error_codes list are read without their blanks', () => {
    expect(read('"error_codes":[50126, 50155]').map((c) => c.FoundAt[0]?.Written)).toEqual(['50126', '50155']);
  });
});
