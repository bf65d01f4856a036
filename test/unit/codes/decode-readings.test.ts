import { describe, expect, it } from 'vitest';
import { fails, ok } from './helpers.js';

describe('a bare decimal number', () => {
  it('above 65535 and known as a 32-bit value says it was read unsigned', () => {
    const r = ok('3221225581');
    expect(r.Name).toBe('STATUS_LOGON_FAILURE');
    expect(r.Notes).toContain('Read as an unsigned 32-bit value: 3221225581 = 0xc000006d (signed -1073741715).');
  });

  it('below 10000 is a Win32 code with no AADSTS reading', () => {
    const r = ok('9999');
    expect([r.Family, r.Alternatives]).toEqual(['Win32', []]);
    expect(r.Notes.join(' ')).not.toContain('ambiguous');
  });

  it.each(['10000', '65535'])('%s (five digits, at most 65535, unknown) is Win32 with the AADSTS reading offered', (n) => {
    const r = ok(n);
    expect(r.Family).toBe('Win32');
    expect(r.Notes).toContain(`A bare number is ambiguous; it may also be AADSTS${n}, which we do not know.`);
    expect(r.Alternatives).toEqual([{ Reading: 'As an AADSTS code', Family: 'AADSTS', Code: `AADSTS${n}`, Name: null, Known: false }]);
  });

  it.each([
    ['65536', '0x00010000'],
    ['9999999', '0x0098967f'],
  ])('%s (past 65535, up to seven digits, unknown) is read as AADSTS with the 32-bit reading offered', (n, hex) => {
    const r = ok(n);
    expect([r.Family, r.Known]).toEqual(['AADSTS', false]);
    expect(r.Notes).toContain(`A bare number is ambiguous; read as AADSTS${n} because of its length. As a 32-bit value it would be ${hex}.`);
    expect(r.Alternatives).toEqual([{ Reading: 'As a 32-bit value', Family: 'HRESULT', Code: hex, Name: null, Known: false }]);
  });

  it('with eight digits and a sign is a 32-bit value, not an AADSTS code', () => {
    const r = ok('+10000000');
    expect(r.Family).toBe('HRESULT');
    expect(r.Notes).toContain('Read as an unsigned 32-bit value: 10000000 = 0x00989680 (signed 10000000).');
  });

  it('that is a known AADSTS code says how to write either reading explicitly', () => {
    expect(ok('50126').Notes).toContain('A bare number is ambiguous; it was read as AADSTS50126 because that code exists. Write 0xc3ce or AADSTS50126 to be explicit.');
  });
});

describe('a wrapped code', () => {
  it('HRESULT_FROM_WIN32 of a known Win32 code is its own identity named after the inner one', () => {
    const r = ok('0x80070520');
    expect([r.Id, r.Family, r.Name, r.Known]).toEqual(['HRESULT:0x80070520', 'HRESULT', 'HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)', true]);
    expect(r.Summary).toMatch(/\(HRESULT_FROM_WIN32 form of ERROR_NO_SUCH_LOGON_SESSION\)$/);
    expect(r.Related[0]).toEqual({ Code: '1312', Kind: 'Code', Why: '0x80070520 wraps this code (HRESULT_FROM_WIN32); it is the same error.' });
    expect(r.Notes).toContain('HRESULT_FROM_WIN32: the low 16 bits are Win32 error 1312 (ERROR_NO_SUCH_LOGON_SESSION).');
    expect([r.Hex, r.Severity, r.Facility, r.Code]).toEqual(['0x80070520', 'Error', 7, 0x520]);
  });

  it('an NTSTATUS of FACILITY_NTWIN32 is NTSTATUS_FROM_WIN32 of the Win32 code', () => {
    const r = ok('0xc0070520');
    expect([r.Id, r.Family, r.Name]).toEqual(['NTSTATUS:0xc0070520', 'NTSTATUS', 'NTSTATUS_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)']);
    expect(r.Notes).toContain('FACILITY_NTWIN32: the low 16 bits are Win32 error 1312 (ERROR_NO_SUCH_LOGON_SESSION).');
  });

  it('HRESULT_FROM_NT of a known NTSTATUS carries the NTSTATUS\'s links and evidence', () => {
    const r = ok('0xd000006d');
    const inner = ok('0xc000006d');
    expect([r.Id, r.Name]).toEqual(['HRESULT:0xd000006d', 'HRESULT_FROM_NT(STATUS_LOGON_FAILURE)']);
    expect(r.Notes).toContain('HRESULT_FROM_NT: with the NT bit cleared this is the NTSTATUS 0xc000006d (STATUS_LOGON_FAILURE).');
    expect(r.Related.map((x) => x.Code)).toEqual(['0xc000006d', ...inner.Related.map((x) => x.Code)]);
    expect(r.Evidence).toEqual(inner.Evidence);
  });

  it('an unknown FACILITY_NTWIN32 value still names the Win32 number inside', () => {
    const r = ok('0xc007ffff');
    expect([r.Known, r.Related]).toEqual([false, []]);
    expect(r.Notes).toContain('FACILITY_NTWIN32: the low 16 bits are Win32 error 65535.');
  });

  it('an HRESULT of a 12xxx code warns that WinINet and WinHTTP names differ, and links the Win32 code once', () => {
    const r = ok('0x80072ee2');
    expect(r.Notes).toContain('WinINet and WinHTTP share the 12xxx numbers; a few of them carry different names in the two APIs.');
    expect(r.Related.filter((x) => x.Code === '12002')).toHaveLength(1);
  });

  it('an HRESULT of a Win32 code outside 12xxx has no WinINet note', () => {
    expect(ok('0x80070520').Notes.join(' ')).not.toContain('WinINet');
  });

  it('a token broker network code names its area and the network error, and takes that error\'s evidence', () => {
    const r = ok('0xcaa82ee2');
    expect(r.Notes).toEqual([
      'Token broker area 0xaa8: network stack errors (low 16 bits = WinINet/WinHTTP code).',
      'The low 16 bits are network error 12002 (ERROR_WINHTTP_TIMEOUT in WinHTTP).',
    ]);
    expect(r.Related.map((x) => x.Code)).toContain('12002');
    const winhttp = ok('12002');
    for (const ev of winhttp.Evidence) expect(r.Evidence).toContainEqual(ev);
    const keys = r.Evidence.map((ev) => `${ev.Channel}:${ev.EventId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('a server message that names more codes', () => {
  it('links every later code as the inner reason, the last named first', () => {
    const r = ok('AADSTS70002: x AADSTS50155: y aadsts50126 MSIS7068 ID3242: z');
    expect(r.Notes).toContain('The message goes on with AADSTS50155, AADSTS50126, MSIS7068, ID3242: the later code is the reason for this one; explain it too (or the whole text with prt explain --text).');
    expect(r.Related.slice(0, 4).map((x) => x.Code)).toEqual(['ID3242', 'MSIS7068', 'AADSTS50126', 'AADSTS50155']);
    expect(r.Related[0]).toEqual({ Code: 'ID3242', Kind: 'Code', Why: 'Named after this code in the same server message: the inner reason.' });
  });

  it('names a repeated inner code once', () => {
    const r = ok('AADSTS50126: AADSTS50155 and again AADSTS50155');
    expect(r.Related.filter((x) => x.Code === 'AADSTS50155')).toHaveLength(1);
  });

  it('does not take "ID1234" without a colon for an AD FS message', () => {
    expect(ok('AADSTS70002: see ID1234 of the tenant').Notes.join(' ')).toContain('ignored');
  });

  it('adds no note when nothing follows the code', () => {
    expect(ok('AADSTS50126').Notes.join(' ')).not.toMatch(/ignored|goes on/);
  });
});

describe('a name that is not known', () => {
  it('with a Windows prefix is a symbolic name we do not know', () => {
    expect(fails('STATUS_NOT_A_REAL_THING').Error.Message).toBe('"STATUS_NOT_A_REAL_THING" is a symbolic name we do not know. Known names can be listed for completion (knownSymbolicNames).');
  });

  it('in snake_case but with a Windows prefix is not taken for an OAuth error', () => {
    expect(fails('error_not_real').Error).toMatchObject({ Id: 'UnknownCodeName', Message: expect.stringContaining('a symbolic name we do not know') });
  });

  it('without a prefix is not a code we recognise, with no hex hint unless it is hex', () => {
    expect(fails('Gibberish').Error.Message).toBe('"Gibberish" is not a code we recognise. Known names can be listed for completion (knownSymbolicNames).');
    expect(fails('dead').Error.Message).toContain(' If it is a hex value, write it with 0x (0xdead).');
  });

  it('a snake_case word of one part is not an OAuth error', () => {
    expect(fails('grant').Error.Id).toBe('UnknownCodeName');
  });

  it('an OAuth-looking word points at the AADSTS code in the description', () => {
    const r = ok('weird_error');
    expect(r.Related).toEqual([{ Code: 'AADSTS', Kind: 'Catalog', Why: 'The AADSTS number in the error description is the precise reason.' }]);
    expect(r.Summary).toContain('"weird_error" looks like an OAuth error string');
  });
});
