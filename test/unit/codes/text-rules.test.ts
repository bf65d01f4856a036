import { describe, expect, it } from 'vitest';
import { explainText, type TextCode } from '../../../src/codes/index.js';

// The rules of the free-text reader, each on a short text shaped like a real paste.
const found = (text: string): TextCode[] => explainText(text, 'test').Codes;
const written = (text: string): string[] => found(text).map((c) => c.Code);

describe('which numbers count', () => {
  it('an HTTP status counts from 300 to 599 when a field says it is one, through the token broker\'s code for it', () => {
    expect(written('HTTP status : 299\nHTTP status : 300\nHTTP status : 599\nHTTP status : 600')).toEqual(['300', '599']);
    const [status] = found('Status code: 404');
    expect(status).toMatchObject({ Role: 'Transport', Code: '404', FoundAt: [{ Line: 1, Label: 'Status code', Written: '404' }] });
    expect(status?.Explanation.Name).toBe('ERROR_HTTP_STATUS_NOT_FOUND');
    expect(status?.Notes).toEqual(['HTTP status 404, explained through the token broker\'s code for it (0xcaa30194).']);
  });

  it('a WinHTTP number counts in an error field from 12001 to 12192, never in an HTTP field', () => {
    expect(written('Error: 12000\nError: 12001\nError: 12192\nError: 12193')).toEqual(['12001', '12192']);
    expect(written('HTTP error: 12002')).toEqual([]);
  });

  it('a decimal in an error field counts as a status from 2147483648 to 4294967295', () => {
    expect(written('Error: 2147483647\nError: 2147483648\nError: 4294967295')).toEqual(['2147483648', '4294967295']);
    expect(written('Error: 1312')).toEqual([]);
  });

  it('a decimal outside any field is not a code', () => {
    expect(written('It failed 3221225581 times')).toEqual([]);
  });

  it('a negative number counts from -2147483648 to -268435456 (the signed error statuses)', () => {
    expect(written('x -268435455 x -268435456 x -2147483648 x -2147483649')).toEqual(['-268435456', '-2147483648']);
  });

  it('a 0x value below 0x100 counts only in an error field, and 0x0 never', () => {
    expect(written('Count: 0xff\nCount: 0x100')).toEqual(['0x100']);
    expect(written('Result: 0x1\nResult: 0x0')).toEqual(['0x1']);
  });

  it('a code at the end of a sentence counts; a dot inside a number is no sentence end', () => {
    expect(written('The sign-in failed with 0xc000006d.')).toEqual(['0xc000006d']);
    expect(written('It keeps failing with c000006d. Any idea?')).toEqual(['c000006d']);
    expect(written('Error: 12002.')).toEqual(['12002']);
    expect(written('OCR: Ox80072EE2.')).toEqual(['Ox80072EE2']);
    expect(written('Error: 0x1.2 and build 80070005.1')).toEqual([]);
  });

  it('bare eight hex digits count when the code is known or the field is an error field', () => {
    expect(written('failed with c000006d')).toEqual(['c000006d']);
    expect(written('Error: c0001234')).toEqual(['c0001234']);
    expect(written('request c0001234 queued')).toEqual([]);
  });

  it('the numbers of a JSON error_codes list are AADSTS codes', () => {
    const codes = found('{"error":"invalid_grant","error_codes":[50155, 70002],"timestamp":"x"}');
    expect(codes.map((c) => [c.Code, c.Explanation.Id, c.FoundAt[0]?.Label])).toEqual([
      ['50155', 'AADSTS:50155', 'error_codes'],
      ['70002', 'AADSTS:70002', 'error_codes'],
      ['invalid_grant', 'OAuth:invalid_grant', null],
    ]);
  });

  it('a symbolic name counts only when the knowledge base knows it', () => {
    expect(written('ERROR_WINHTTP_TIMEOUT then ERROR_NOT_REAL_THING')).toEqual(['ERROR_WINHTTP_TIMEOUT']);
  });

  it('a word code counts only spelled exactly as published', () => {
    expect(written('invalid_grant Invalid_Grant')).toEqual(['invalid_grant']);
    expect(written('DirectoryError directoryerror')).toEqual(['DirectoryError']);
  });

  it('an AD FS ID counts when known or followed by a colon', () => {
    expect(written('ID3242 and ID9999 and ID9998: the rest')).toEqual(['ID9998', 'ID3242']);
  });
});

describe('labels', () => {
  it('the field is the words before the colon, without list marks or a code before them', () => {
    expect(found(' * Attempt Status : 0xc000006d')[0]?.FoundAt[0]?.Label).toBe('Attempt Status');
    expect(found('Error: AADSTS50126: Error validating credentials')[0]?.FoundAt[0]?.Label).toBe('Error');
  });

  it('a SOAP fault text element is no label: the field before it is', () => {
    const [id] = found('Error description: <s:Text xml:lang="en-US" xmlns:s="http://www.w3.org/2003/05/soap-envelope">ID3242: The security token could not be authenticated or authorized.</s:Text>');
    expect(id?.FoundAt).toEqual([{ Line: 1, Label: 'Error description', Written: 'ID3242' }]);
    expect(found("<Data Name='Text'>0xc000006d</Data>")[0]?.FoundAt[0]?.Label).toBe('Text');
  });

  it('a sentence before the colon is no label', () => {
    expect(found('The last error of the previous long attempt was: 0x80072ee2')[0]?.FoundAt[0]?.Label).toBeNull();
  });

  it('a field of six words is still a label', () => {
    expect(found('Last error of the previous attempt: 0x80072ee2')[0]?.FoundAt[0]?.Label).toBe('Last error of the previous attempt');
  });

  it('an id, handle or mask field hides what looks like a code, an error field of the same shape does not', () => {
    expect(written('Logon ID: 0xc000006d')).toEqual([]);
    expect(written('Flags: 0xc000006d')).toEqual([]);
    expect(written('Error ID: 0xc000006d')).toEqual(['0xc000006d']);
  });
});

describe('one entry per error', () => {
  it('a code written twice on one line is one sighting; on two lines (CRLF) two', () => {
    const [status] = found('Attempt Status : 0xc000006d\r\nAttempt Status : 0xc000006d 0xc000006d');
    expect(status?.FoundAt).toEqual([
      { Line: 1, Label: 'Attempt Status', Written: '0xc000006d' },
      { Line: 2, Label: 'Attempt Status', Written: '0xc000006d' },
    ]);
  });

  it('a wrapper, its Win32 code by name and its NTSTATUS spelling are one error', () => {
    const codes = found('Error: 0x80070520\nERROR_NO_SUCH_LOGON_SESSION 0xc0070520');
    expect(codes).toHaveLength(1);
    expect(codes[0]?.FoundAt.map((s) => s.Written)).toEqual(['0x80070520', 'ERROR_NO_SUCH_LOGON_SESSION', '0xc0070520']);
  });

  it('an unknown status in hex and as a negative number is one error; an unknown AADSTS with and without a blank too', () => {
    const codes = found('Error: 0xc0001234\nerror: -1073737164\nAADSTS9999999 AADSTS 9999999');
    expect(codes.map((c) => c.FoundAt.map((s) => s.Written))).toEqual([['AADSTS9999999', 'AADSTS 9999999'], ['0xc0001234', '-1073737164']]);
  });

  it('an unknown AD FS ID given twice is one error', () => {
    expect(found('ID9998: first\nID9998: again')[0]?.FoundAt.map((s) => s.Line)).toEqual([1, 2]);
  });
});

describe('order: each layer of the chain', () => {
  it('server reason, server category, network, device, token broker, client status', () => {
    const text = [
      'Attempt Status : 0xc000006d',
      'Error: 0xcaa90017',
      'Error: 0x80090016',
      'Error: 0x80072ee2',
      'Server Error Code : invalid_grant',
      'Server Error Description : AADSTS50126: Error validating credentials',
    ].join('\n');
    expect(found(text).map((c) => [c.Role, c.Code])).toEqual([
      ['ServerCause', 'AADSTS50126'],
      ['ServerCategory', 'invalid_grant'],
      ['Transport', '0x80072ee2'],
      ['Device', '0x80090016'],
      ['TokenBroker', '0xcaa90017'],
      ['ClientStatus', '0xc000006d'],
    ]);
  });

  it('the roles of the other families', () => {
    const roles = Object.fromEntries(found([
      'Error: MSIS7068', 'Error: 0x801c03f2', 'Error: DirectoryError', 'Error: 12002', 'Error: 0xc028008b',
      'Error: 0xcaa30194', 'Error: 0xcaa70004', 'Error: 0xcaa82ee2', 'Error: 0xcaa5001c', 'Error: 0x80070520', 'Error: 0xc00484c1',
    ].join('\n')).map((c) => [c.Code, c.Role]));
    expect(roles).toEqual({
      MSIS7068: 'ServerCause', DirectoryError: 'ServerCategory', '0x801c03f2': 'ClientStatus', 12002: 'Transport', '0xc028008b': 'Device',
      '0xcaa30194': 'Transport', '0xcaa70004': 'Transport', '0xcaa82ee2': 'Transport', '0xcaa5001c': 'TokenBroker',
      '0x80070520': 'ClientStatus', '0xc00484c1': 'ClientStatus',
    });
  });

  it('token broker codes: the last logged first (the operation\'s own error follows the outer code)', () => {
    expect(written('Error: 0xCAA5001C\nError: 0xcaa10009\nError: 0xcaa90017')).toEqual(['0xcaa90017', '0xcaa10009', '0xCAA5001C']);
  });

  it('other layers keep the order of the text', () => {
    expect(written('Error: 0xc000006d\nError: 0xc000023c')).toEqual(['0xc000006d', '0xc000023c']);
    expect(written('Error: 0xc000023c\nError: 0xc000006d')).toEqual(['0xc000023c', '0xc000006d']);
    expect(written('AADSTS50126 on one line\nAADSTS50034 on the next')).toEqual(['AADSTS50126', 'AADSTS50034']);
  });

  it('within a layer a code that another one names as its next link comes first', () => {
    // AADSTS70002's entry links AADSTS50155 (the device failed to authenticate); not the other way.
    expect(written('Server error: AADSTS70002\nAADSTS50155')).toEqual(['AADSTS50155', 'AADSTS70002']);
  });

  it('two codes that name each other keep the order of the text', () => {
    expect(written('Error: 0xc004844c\nError: 0xc000005f')).toEqual(['0xc004844c', '0xc000005f']);
    expect(written('Error: 0xc000005f\nError: 0xc004844c')).toEqual(['0xc000005f', '0xc004844c']);
  });
});

describe('notes on nested server messages', () => {
  it('quote the line of the outer code, trimmed, without control characters, at most 120 characters', () => {
    const line = `\tAADSTS70002:\u0007 Error validating credentials. AADSTS50155: Device authentication failed. ${'More text. '.repeat(12)}`;
    const [inner, outer] = found(line);
    expect(outer?.Notes[0]).toBe('In this text AADSTS70002 is followed by AADSTS50155 in the same message: the later code is the reason, so it is explained first.');
    const quoted = line.replace(/[\t\u0007]/g, ' ').trim().slice(0, 120);
    expect(inner?.Notes).toEqual([`Given as the reason inside AADSTS70002 (line 1: ${quoted}).`]);
  });

  it('a server code on a later line is no reason of an earlier one', () => {
    const [first, second] = found('AADSTS50126: bad password\nAADSTS50034: no such user');
    expect([first?.Notes, second?.Notes]).toEqual([[], []]);
  });
});

describe('notes on AADSTS70002', () => {
  it('with no hint of a device, both meanings are given', () => {
    expect(found('The call failed with AADSTS70002.')[0]?.Notes).toEqual([
      'Nothing in this text says whether this is a device sign-in or an application\'s own request: for an application, the client secret or assertion was refused; for a device sign-in (PRT), look for the AADSTS code that follows 70002.',
    ]);
  });

  it('next to a device code elsewhere in the text, it is a device sign-in', () => {
    const codes = found('The call failed with AADSTS70002.\nLater: AADSTS135011.');
    expect(codes.find((c) => c.Code === 'AADSTS70002')?.Notes[0]).toMatch(/^This text is about a device sign-in/);
  });

  it('only 70002 gets the note', () => {
    expect(found('The call failed with AADSTS50126.')[0]?.Notes).toEqual([]);
  });
});

describe('the answer', () => {
  it('names its source and counts its codes', () => {
    const r = explainText('Error: 0xc000006d and AADSTS50126', 'ticket.txt');
    expect([r.Source, r.CodeCount, r.Codes.length]).toEqual(['ticket.txt', 2, 2]);
    expect(r.Codes[1]?.Explanation).toMatchObject({ Input: '0xc000006d', Id: 'NTSTATUS:0xc000006d' });
  });
});

describe('labels, in the shapes real pastes have', () => {
  const labelOf = (text: string, code: string) => found(text).find((c) => c.Code === code)?.FoundAt[0]?.Label;

  it('a masked id earlier on the line does not move the code\'s field', () => {
    expect(labelOf('Correlation ID: 63648321-fc5c-46eb-996e-ed1f3ba7740f, Error: 0xc000006d', '0xc000006d')).toBe('Error');
  });

  it('each code of a line takes the field before it, not one after it', () => {
    const text = 'Error: 0xc000006d, Server Error Code: invalid_grant';
    expect([labelOf(text, '0xc000006d'), labelOf(text, 'invalid_grant')]).toEqual(['Error', 'Server Error Code']);
  });

  it('words between the field and the code are not the field', () => {
    expect(labelOf('Error: failed with 0xc000006d', '0xc000006d')).toBe('Error');
  });

  it('a code named inside a field value is skipped on the way back to the field', () => {
    const text = 'Server Error Description : AADSTS70002: Error validating credentials. AADSTS50155: Device authentication failed';
    expect(labelOf(text, 'AADSTS50155')).toBe('Server Error Description');
  });

  it('an escaped line break of a JSON string ends the previous field', () => {
    expect(labelOf('"Timestamp: 2019\\r\\nError: 0xc000006d"', '0xc000006d')).toBe('Error');
  });

  it('markdown bold around a field name is not part of it', () => {
    expect(labelOf('**Attempt Status**: 0xc000006d', '0xc000006d')).toBe('Attempt Status');
  });

  it('an empty field value before the code is passed over', () => {
    expect(labelOf('Status:   : 0xc000006d', '0xc000006d')).toBe('Status');
  });

  it('a field name may hold a digit after its first letter, and double blanks between six words', () => {
    expect(labelOf('Step 2 error: 0xc000006d', '0xc000006d')).toBe('Step 2 error');
    expect(labelOf('Last error  of the previous attempt: 0x80072ee2', '0x80072ee2')).toBe('Last error  of the previous attempt');
    expect(labelOf('The last error of the previous attempt: 0x80072ee2', '0x80072ee2')).toBeNull();
  });

  it('what is not a field name gives no label', () => {
    expect(labelOf('Status=Error: 0xc000006d', '0xc000006d')).toBeNull();
    expect(labelOf('Proxy (http://proxy): 0x80072efd', '0x80072efd')).toBeNull();
  });
});

describe('codes followed by more text', () => {
  it('are found with a blank after them', () => {
    expect(written('OxC000006D is the status')).toEqual(['OxC000006D']);
    expect(written('status c000006d at logon')).toEqual(['c000006d']);
    expect(written('HTTP status : 503 (Service Unavailable)')).toEqual(['503']);
    expect(written('MSIS 7068 was logged')).toEqual(['MSIS 7068']);
  });

  it('an OAuth error of three words is found whole', () => {
    expect(found('error=invalid_request_uri')[0]?.Explanation.Id).toBe('OAuth:invalid_request_uri');
  });
});

describe('codes named as errors in prose, without a field name', () => {
  it('takes a bare 8-digit status and a WinHTTP number after "error", "error code", "status" or "hresult"', () => {
    expect(written('Azure AD join fails with error code 80180026. Device joins then unjoins')).toEqual(['80180026']);
    expect(found('join failed, hresult 80180026')[0]?.Explanation.Hex).toBe('0x80180026');
    expect(written('WinHttpSendRequest failed with error 12029')).toEqual(['12029']);
    expect(found('WinHttpSendRequest failed with error 12029')[0]?.Explanation.Name).toBe('ERROR_WINHTTP_CANNOT_CONNECT');
    expect(written('the status is 2147943712 again')).toEqual(['2147943712']);
  });

  it('takes nothing after other words, and no small or HTTP-like number after "error"', () => {
    // 0x80180019 has no knowledge-base entry (a known code is taken anywhere: 0x80180026 now is).
    expect(written('build 80180019 of the image')).toEqual([]);
    expect(written('code 80180019 in the notes')).toEqual([]);
    expect(written('Event ID 1098 at 10:00, status 200, error 1312')).toEqual([]);
    expect(written('ticket number 12029')).toEqual([]);
  });
});

describe('order within a layer, by links', () => {
  it('a code whose entry names another family as a catalogue does not pull an unrelated code of its layer ahead', () => {
    // 0xc000006d links the AADSTS and AD FS catalogues; 0x801c03f2 is neither.
    expect(written('Error: 0xc000006d\nError: 0x801c03f2')).toEqual(['0xc000006d', '0x801c03f2']);
  });
});

describe('two more layer and line rules', () => {
  it('an HRESULT carrying a 12xxx network number is a network error, from 12001 to 12192 only', () => {
    const roles = Object.fromEntries(found('Error: 0x80072ee0\nError: 0x80072ee1\nError: 0x80072fa0\nError: 0x80072fa1').map((c) => [c.Code, c.Role]));
    expect(roles).toEqual({ '0x80072ee0': 'ClientStatus', '0x80072ee1': 'Transport', '0x80072fa0': 'Transport', '0x80072fa1': 'ClientStatus' });
  });

  it('a lone carriage return ends a line too', () => {
    expect(found('Attempt Status : 0xc000006d\rHTTP Error : 0x80072ee2').map((c) => c.FoundAt[0]?.Line)).toEqual([2, 1]);
  });
});
