import { describe, expect, test } from 'vitest';
import { fails, ok } from './helpers.js';

describe('NTSTATUS', () => {
  test('the hex, signed and unsigned forms are all reported', () => {
    const r = ok('0xc000006d');
    expect([r.Hex, r.Signed, r.Unsigned]).toEqual(['0xc000006d', -1073741715, 3221225581]);
  });

  test('severity, facility and code are split with the NTSTATUS layout', () => {
    const r = ok('0xc0000234');
    expect([r.Severity, r.Facility, r.Code]).toEqual(['Error', 0, 0x234]);
    expect(r.Name).toBe('STATUS_ACCOUNT_LOCKED_OUT');
  });

  test('a negative decimal below the 32-bit range is out of range', () => {
    expect(fails('-2147483649').Error.Id).toBe('OutOfRange');
  });

  test('a negative decimal is read as a signed 32-bit value and says so', () => {
    expect(ok('-1073741718').Notes.join(' ')).toContain('signed 32-bit');
  });

  test('an unknown but well-formed NTSTATUS still decodes its parts', () => {
    const r = ok('0xc0001234');
    expect([r.Known, r.Family, r.Name, r.Severity, r.Facility, r.Code]).toEqual([false, 'NTSTATUS', null, 'Error', 0, 0x1234]);
  });

  test('STATUS_TIME_DIFFERENCE_AT_DC is known with a cause and a fix', () => {
    const r = ok('STATUS_TIME_DIFFERENCE_AT_DC');
    expect(r.Hex).toBe('0xc0000133');
    expect(r.Causes.length).toBeGreaterThan(0);
    expect(r.Solutions.length).toBeGreaterThan(0);
  });
});

describe('CloudAP plug-in', () => {
  test('0x800484c1 says it is 0xc00484c1 with other severity bits', () => {
    const r = ok('0x800484c1');
    expect(r.Notes.join(' ')).toContain('0x800484c1 is the same facility and code as 0xc00484c1 with other severity bits');
  });

  test('the severity variant keeps its own hex and reads as a warning', () => {
    const r = ok('0x800484c1');
    expect([r.Hex, r.Severity, r.Facility, r.Code]).toEqual(['0x800484c1', 'Warning', 4, 0x84c1]);
  });

  test('the canonical spelling carries no severity note', () => {
    expect(ok('0xc00484c1').Notes.join(' ')).not.toContain('severity bits');
  });

  test('an unknown 0xc004 code is classified as CloudAP plug-in', () => {
    const r = ok('0xc0048999');
    expect([r.Known, r.Family]).toEqual([false, 'CloudAP plug-in']);
  });
});

describe('XML', () => {
  test('an unknown 0xc00c code is classified as XML', () => {
    expect(ok('0xc00cee01').Family).toBe('XML');
  });
});

describe('AADSTS', () => {
  test('the DocUrl is the Entra error lookup page for the code', () => {
    expect(ok('AADSTS50155').DocUrl).toBe('https://login.microsoftonline.com/error?code=50155');
  });

  test('the server description after the code is ignored with a note', () => {
    const r = ok('AADSTS50126: Error validating credentials due to invalid username or password.');
    expect(r.Id).toBe('AADSTS:50126');
    expect(r.Notes.join(' ')).toContain('ignored');
  });

  test('an unknown AADSTS code is a result with Known=false and a lookup link', () => {
    const r = ok('AADSTS99999');
    expect([r.Known, r.Family, r.Code, r.DocUrl]).toEqual([false, 'AADSTS', 99999, 'https://login.microsoftonline.com/error?code=99999']);
  });

  test('a bare known AADSTS number says it is ambiguous and offers the Win32 reading', () => {
    const r = ok('50126');
    expect(r.Notes.join(' ')).toContain('ambiguous');
    expect(r.Alternatives).toEqual([{ Reading: 'As a Win32 code', Family: 'Win32', Code: '50126', Name: null, Known: false }]);
  });

  test('a bare unknown six-digit number is read as an AADSTS code with the 32-bit reading as alternative', () => {
    const r = ok('612345');
    expect([r.Family, r.Known]).toEqual(['AADSTS', false]);
    expect(r.Alternatives[0]?.Code).toBe('0x000957f9');
  });

  test('a symbolic name shared by two AADSTS codes lists the other one', () => {
    const r = ok('InteractionRequired');
    expect(r.Id).toBe('AADSTS:16000');
    expect(r.Alternatives.map((a) => a.Code)).toEqual(['AADSTS700020']);
  });
});

describe('WinHTTP', () => {
  test('a number in the WinHTTP range is WinHTTP even when unknown', () => {
    const r = ok('12003');
    expect([r.Family, r.Known]).toEqual(['WinHTTP', false]);
  });

  test('the four checklist network codes resolve by number', () => {
    expect(['12002', '12007', '12029', '12030'].map((c) => ok(c).Name)).toEqual([
      'ERROR_WINHTTP_TIMEOUT', 'ERROR_WINHTTP_NAME_NOT_RESOLVED', 'ERROR_WINHTTP_CANNOT_CONNECT', 'ERROR_WINHTTP_CONNECTION_ERROR',
    ]);
  });

  test('the code numbers only in winhttp.h are known', () => {
    expect(ok('12185').Name).toBe('ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY');
  });
});

describe('HRESULT', () => {
  test('HRESULT_FROM_WIN32 of a known Win32 code is known and named after it', () => {
    const r = ok('0x80070005');
    expect([r.Known, r.Family, r.Name, r.Facility, r.Code]).toEqual([true, 'HRESULT', 'HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)', 7, 5]);
  });

  test('HRESULT_FROM_WIN32 of a WinHTTP code not in the hybrid list links to the WinHTTP entry', () => {
    const r = ok('0x80072f7d');
    expect(r.Name).toBe('HRESULT_FROM_WIN32(ERROR_WINHTTP_SECURE_CHANNEL_ERROR)');
    expect(r.Related[0]?.Code).toBe('12157');
  });

  test('HRESULT_FROM_WIN32 of a WinHTTP code inherits the event 1084 pointer', () => {
    const r = ok('0x80072efd');
    expect(r.Evidence.some((e) => e.EventId === 1084)).toBe(true);
  });

  test('HRESULT_FROM_NT of a known NTSTATUS links to the NTSTATUS', () => {
    const r = ok('0xd0020017');
    expect(r.Name).toBe('HRESULT_FROM_NT(RPC_NT_SERVER_UNAVAILABLE)');
    expect(r.Related[0]?.Code).toBe('0xc0020017');
  });

  test('an unknown 0x8 value is an HRESULT with the NTSTATUS warning reading as alternative', () => {
    const r = ok('0x80ab1234');
    expect([r.Family, r.Known, r.Severity]).toEqual(['HRESULT', false, 'Error']);
    expect(r.Alternatives[0]?.Family).toBe('NTSTATUS');
  });

  test('eight bare digits are read as hex, with the decimal reading offered', () => {
    const r = ok('80070005');
    expect(r.Hex).toBe('0x80070005');
    expect(r.Alternatives[0]).toMatchObject({ Reading: 'As a decimal number', Code: '80070005' });
  });
});

describe('Web account/ADAL', () => {
  test('an ADAL internet code links to the WinHTTP code in its low 16 bits', () => {
    const r = ok('0xcaa82efd');
    expect(r.Name).toBe('ERROR_ADAL_INTERNET_CANNOT_CONNECT');
    expect(r.Related.map((x) => x.Code)).toContain('12029');
  });

  test('an ADAL HTTP code names the HTTP status', () => {
    expect(ok('0xcaa30190').Notes).toContain('The low 16 bits are the HTTP status 400.');
  });

  test('a code published under two names keeps both', () => {
    const r = ok('0xcaa1002d');
    expect(r.Name).toBe('ERROR_ADAL_OPERATION_PENDING');
    expect(r.Notes.join(' ')).toContain('ERROR_OPERATION_PENDING');
    expect(ok('ERROR_OPERATION_PENDING').Id).toBe(r.Id);
  });

  test('an unknown 0xCAA code names its area', () => {
    const r = ok('0xcaa9ffff');
    expect([r.Known, r.Family]).toEqual([false, 'Web account/ADAL']);
    expect(r.Summary).toContain('WS-Trust');
  });

  test('facility and code follow the 12-bit layout of the broker tables', () => {
    const r = ok('0xCAA5001C');
    expect([r.Severity, r.Facility, r.Code]).toEqual(['Error', 0xaa5, 0x1c]);
  });
});

describe('Win32', () => {
  test('a small number is never taken for an NTSTATUS with the same low bits', () => {
    const r = ok('0x0000006d');
    expect([r.Family, r.Known, r.Name]).toEqual(['Win32', false, 'ERROR_BROKEN_PIPE']);
  });

  test('a small known decimal is a Win32 code', () => {
    expect(ok('1312').Name).toBe('ERROR_NO_SUCH_LOGON_SESSION');
  });

  test('an unknown small decimal is an unknown Win32 code', () => {
    const r = ok('4242');
    expect([r.Family, r.Known, r.Hex]).toEqual(['Win32', false, '0x00001092']);
  });

  test('an unknown five-digit number below 65536 offers the AADSTS reading', () => {
    expect(ok('54321').Alternatives[0]).toMatchObject({ Family: 'AADSTS', Code: 'AADSTS54321', Known: false });
  });
});

describe('DSREG', () => {
  test('an unknown 0x801c code is classified as DSREG', () => {
    expect(ok('0x801c0fff').Family).toBe('DSREG');
  });
});

describe('AD FS and OAuth', () => {
  test('an unknown MSIS code is a result with Known=false', () => {
    const r = ok('MSIS1234');
    expect([r.Known, r.Family, r.Code]).toEqual([false, 'AD FS', 1234]);
  });

  test('an unknown snake_case word is read as an unknown OAuth error string', () => {
    const r = ok('weird_error');
    expect([r.Known, r.Family]).toEqual([false, 'OAuth']);
  });
});

describe('garbage', () => {
  test.each([
    ['', 'EmptyInput'],
    ['   ', 'EmptyInput'],
    ['hello world', 'NotACode'],
    ['0x', 'NotACode'],
    ['0xZZ', 'NotACode'],
    ['12.5', 'NotACode'],
    ['0x123456789', 'OutOfRange'],
    ['4294967296', 'OutOfRange'],
    ['STATUS_NOT_A_REAL_THING', 'UnknownCodeName'],
    ['Gibberish', 'UnknownCodeName'],
    ['FAIL [0x801c0021/0x80072ee2]', 'NotACode'],
  ])('%j is an error item %s', (input, id) => {
    expect(fails(input).Error.Id).toBe(id);
  });

  test('the error message quotes the input so a person can act on it', () => {
    expect(fails('hello world').Error.Message).toContain('"hello world"');
  });

  test('a short bare hex string gets a hint to add 0x', () => {
    expect(fails('dead').Error.Message).toContain('0xdead');
  });
});
