import { describe, expect, test, vi } from 'vitest';
import { ExitCode, PrtError } from '../../../src/errors.js';
import { asPrtError, explainCodes, isExplainError, knownSymbolicNames, type ExplainError } from '../../../src/codes/index.js';
import { ok } from './helpers.js';

describe('explainCodes', () => {
  test('returns one item per input, in order', () => {
    expect(explainCodes(['0xc000006d', 'AADSTS50126', '12002']).map((i) => (isExplainError(i) ? i.Error.Id : i.Id))).toEqual([
      'NTSTATUS:0xc000006d', 'AADSTS:50126', 'WinHTTP:0x00002ee2',
    ]);
  });

  test('a bad input becomes an error item without failing the batch', () => {
    const items = explainCodes(['0xc000006d', 'not a code', 'invalid_grant']);
    expect(items.map(isExplainError)).toEqual([false, true, false]);
    expect(items[1]).toMatchObject({ Input: 'not a code', Error: { Id: 'NotACode' } });
  });

  test('a code pasted with the words around it is read, and the note says what was taken', () => {
    const [error, hresult, sentence] = explainCodes(['Error: 0x80070520', 'HRESULT 0x80072EE7', 'Status 0xc000006d.']);
    expect(error).toMatchObject({ Input: 'Error: 0x80070520', Name: 'HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)', Unsigned: 0x80070520 });
    expect(isExplainError(error!) ? [] : error!.Notes[0]).toBe('Read as the code 0x80070520: the rest of "Error: 0x80070520" is not part of it.');
    expect(hresult).toMatchObject({ Name: 'WININET_E_NAME_NOT_RESOLVED' });
    expect(sentence).toMatchObject({ Name: 'STATUS_LOGON_FAILURE' });
  });

  test('a decimal after words that call it an error is read as that code, with the note', () => {
    const items = explainCodes(['Error 1312', 'error code: 1312', 'Win32 error 1312', 'System error 5', 'Status -1073741715', 'the error 12029.']);
    expect(items.map((item) => (isExplainError(item) ? item.Error.Id : item.Name))).toEqual([
      'ERROR_NO_SUCH_LOGON_SESSION', 'ERROR_NO_SUCH_LOGON_SESSION', 'ERROR_NO_SUCH_LOGON_SESSION', 'ERROR_ACCESS_DENIED', 'STATUS_LOGON_FAILURE', 'ERROR_WINHTTP_CANNOT_CONNECT',
    ]);
    const [first] = items;
    expect(first && !isExplainError(first) ? [first.Input, first.Notes[0]] : []).toEqual(['Error 1312', 'Read as the code 1312: the rest of "Error 1312" is not part of it.']);
  });

  test('a decimal after other words, or with more than three words or numbers, stays not a code', () => {
    const refused = ['Event 1098', 'error 1312 and 5', 'the logon failed with error 1312', 'error 99999999999', 'error 0x'];
    expect(explainCodes(refused).map((item) => (isExplainError(item) ? item.Error.Id : item.Name))).toEqual(refused.map(() => 'NotACode'));
  });

  test('an argument with two codes is an error that names both, not a guess', () => {
    expect(explainCodes(['0xc000006d or 0x80070005'])[0]).toMatchObject({
      Error: { Id: 'NotACode', Message: '"0xc000006d or 0x80070005" holds more than one code (0xc000006d, 0x80070005): give one code per argument, or the whole text with --text.' },
    });
  });

  test('a bare code is decoded as it is, with no note about the words around it', () => {
    const [plain] = explainCodes(['0xc000006d']);
    expect(plain && !isExplainError(plain) ? plain.Notes.filter((n) => n.startsWith('Read as the code')) : plain).toEqual([]);
  });

  test('the notes and errors quote the argument without its surrounding blanks', () => {
    const [words, decimal, two] = explainCodes(['  Error: 0x80070520 ', ' Error 1312  ', ' 0xc000006d or 0x80070005 ']);
    expect(words && !isExplainError(words) ? words.Notes[0] : words).toBe('Read as the code 0x80070520: the rest of "Error: 0x80070520" is not part of it.');
    expect(decimal && !isExplainError(decimal) ? decimal.Notes[0] : decimal).toBe('Read as the code 1312: the rest of "Error 1312" is not part of it.');
    expect(two && isExplainError(two) ? two.Error.Message : two).toMatch(/^"0xc000006d or 0x80070005" holds more than one code/);
  });

  test('a labelled number too large for 32 bits stays not a code', () => {
    expect(explainCodes(['error 9999999999'])[0]).toMatchObject({ Input: 'error 9999999999', Error: { Id: 'NotACode' } });
  });

  test('an empty batch gives an empty list', () => {
    expect(explainCodes([])).toEqual([]);
  });

  test('the input is echoed exactly as given', () => {
    expect(explainCodes([' 0xC000006D '])[0]!.Input).toBe(' 0xC000006D ');
  });

  test('a result has exactly the PascalCase properties of the JSON contract', () => {
    expect(Object.keys(explainCodes(['0xc000006d'])[0]!).sort()).toEqual([
      'Alternatives', 'Causes', 'Code', 'DocUrl', 'Evidence', 'Facility', 'Family', 'Hex', 'Id', 'Input', 'Known', 'Name', 'Notes',
      'Related', 'Severity', 'Signed', 'Solutions', 'Source', 'Summary', 'Unsigned',
    ]);
  });

  test('a result survives a JSON round trip unchanged', () => {
    const [item] = explainCodes(['0x800484c1']);
    expect(JSON.parse(JSON.stringify(item))).toEqual(item);
  });

  test('a result does not share arrays with the knowledge base', () => {
    const first = ok('0xc000006d');
    first.Causes.push('mutated');
    expect(ok('0xc000006d').Causes).not.toContain('mutated');
  });
});

describe('knownSymbolicNames', () => {
  test('includes the names of every family that has them', () => {
    expect(knownSymbolicNames()).toEqual(expect.arrayContaining([
      'STATUS_LOGON_FAILURE', 'AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY', 'WC_E_DTDPROHIBITED', 'InvalidUserNameOrPassword',
      'ERROR_WINHTTP_TIMEOUT', 'ERROR_ADAL_INTERNET_TIMEOUT', 'DSREG_AUTOJOIN_DISC_FAILED', 'invalid_grant', 'ERROR_NO_SUCH_LOGON_SESSION',
    ]));
  });

  test('is sorted and has no duplicates', () => {
    const names = knownSymbolicNames();
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(names);
  });

  test('on first use lists each published name once, sorted, and nothing for codes without a name', async () => {
    // The list is built once per import: a fresh import builds it inside this test.
    vi.resetModules();
    const fresh = await import('../../../src/codes/explain.js');
    const names = fresh.knownSymbolicNames();
    expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(names);
    // A name shared by two codes (AADSTS16000 and AADSTS700020) is listed once.
    expect(names.filter((n) => n === 'InteractionRequired')).toHaveLength(1);
  });

  test('returns a fresh copy each time', () => {
    knownSymbolicNames().push('SOMETHING_ELSE');
    expect(knownSymbolicNames()).not.toContain('SOMETHING_ELSE');
  });
});

describe('asPrtError', () => {
  test('turns an error item into a usage error that keeps its id and message', () => {
    const item = explainCodes(['hello world'])[0] as ExplainError;
    const err = asPrtError(item);
    expect(err).toBeInstanceOf(PrtError);
    expect([err.id, err.message, err.exitCode]).toEqual(['NotACode', item.Error.Message, ExitCode.Usage]);
  });
});
