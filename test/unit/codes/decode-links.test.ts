import { describe, expect, it } from 'vitest';
import { fails, ok } from './helpers.js';

const severityNote = (u: string, canonical: string) =>
  `${u} is the same facility and code as ${canonical} with other severity bits; both spellings appear in logs for the same error.`;

describe('a value known with other severity bits', () => {
  it('a listed variant spelling finds the code and says which spelling it is', () => {
    const r = ok('0x800484c1');
    expect([r.Id, r.Hex, r.Severity]).toEqual(['CloudAP plug-in:0xc00484c1', '0x800484c1', 'Warning']);
    expect(r.Notes).toEqual([severityNote('0x800484c1', '0xc00484c1')]);
  });

  it('the canonical spelling itself has no severity note', () => {
    expect(ok('0xc00484c1').Notes).toEqual([]);
    expect(ok('0xc000006d').Notes).toEqual([]);
  });

  it('an NTSTATUS spelled as a warning finds the error it is a spelling of', () => {
    const r = ok('0x8000006d');
    expect([r.Id, r.Name, r.Hex]).toEqual(['NTSTATUS:0xc000006d', 'STATUS_LOGON_FAILURE', '0x8000006d']);
    expect(r.Notes).toEqual([severityNote('0x8000006d', '0xc000006d')]);
    expect(r.Related.map((x) => x.Code)).toEqual(ok('0xc000006d').Related.map((x) => x.Code));
  });

  it('a token broker code logged with error severity finds its warning (the only one published)', () => {
    const r = ok('0xcaa90021');
    expect([r.Id, r.Name, r.Hex, r.Severity]).toEqual(['Web account/ADAL:0x8aa90021', 'WARNING_ADAL_WS_TRUST_POLICY_VALIDATION', '0xcaa90021', 'Error']);
    expect(r.Notes[0]).toBe(severityNote('0xcaa90021', '0x8aa90021'));
    expect(ok('0x4aa90021').Id).toBe('Web account/ADAL:0x8aa90021');
  });

  it('is found when only the informational spelling is published', () => {
    const r = ok('0xcaa90008');
    expect([r.Id, r.Name]).toEqual(['Web account/ADAL:0x4aa90008', 'INFO_ADAL_TOKEN_VALID']);
    expect(r.Notes[0]).toBe(severityNote('0xcaa90008', '0x4aa90008'));
  });

  it('needs severity bits: a value without them is a Win32 number, not a spelling of an NTSTATUS', () => {
    const r = ok('0x0000006d');
    expect([r.Known, r.Family, r.Name]).toEqual([false, 'Win32', 'ERROR_BROKEN_PIPE']);
    const success = ok('0x0aa90021');
    expect([success.Known, success.Family]).toEqual([false, 'Web account/ADAL']);
  });

  it('is only looked for in families with NTSTATUS severity bits (an HRESULT\'s top bits are not severities)', () => {
    // 0x80090016 is NTE_BAD_KEYSET, an HRESULT: 0x40090016 is not another spelling of it.
    const r = ok('0x40090016');
    expect([r.Known, r.Family, r.Name]).toEqual([false, 'NTSTATUS', null]);
  });
});

describe('an unknown value', () => {
  it('0x8… that is no known code offers the NTSTATUS warning reading', () => {
    const r = ok('0x80041234');
    expect([r.Known, r.Family]).toEqual([false, 'HRESULT']);
    expect(r.Alternatives).toEqual([{ Reading: 'Read as an NTSTATUS warning', Family: 'NTSTATUS', Code: '0x80041234', Name: null, Known: false }]);
  });

  it('0xC… or a 0x8… of a family of its own offers no other reading', () => {
    expect(ok('0xc0001234').Alternatives).toEqual([]);
    expect(ok('0x801c9999').Family).toBe('DSREG');
    expect(ok('0x801c9999').Alternatives).toEqual([]);
    expect(ok('0x4aa9ffff').Alternatives).toEqual([]);
  });

  it('has no causes, fixes, evidence or links of its own', () => {
    for (const input of ['0xc0001234', '0x80041234', '9999', '12112']) {
      expect(ok(input)).toMatchObject({ Known: false, Id: null, Causes: [], Solutions: [], Evidence: [], Related: [] });
    }
  });

  it('in the WinHTTP range says it is not a published WinHTTP number, with no bit layout', () => {
    const r = ok('12112');
    expect([r.Family, r.Known]).toEqual(['WinHTTP', false]);
    expect(r.Summary).toBe('Not in the knowledge base: 12112 is in the WinHTTP range (12001-12192) but is not a published ERROR_WINHTTP_* number.');
    expect(r.Notes).toEqual([]);
    expect(r.Alternatives).toEqual([]);
  });

  it('a small Win32 number has no bit layout note', () => {
    expect(ok('9999').Notes).toEqual([]);
    expect(ok('0x0000006d').Notes).toEqual([]);
  });

  it('a token broker code of a facility without a published area says so plainly', () => {
    const r = ok('0xcaaf0001');
    expect(r.Family).toBe('Web account/ADAL');
    expect(r.Summary).toBe('Not in the knowledge base: a token broker / ADAL code (facility 0xaaf, code 0x0001).');
    expect(r.Notes).toEqual(['Read as an NTSTATUS: error, facility 0xaaf, code 1 (0x1).']);
  });
});

describe('the code a value carries inside it', () => {
  it('an unknown Win32 code inside an HRESULT is named by number only', () => {
    const r = ok('0x8007ffff');
    expect(r.Known).toBe(false);
    expect(r.Notes).toContain('HRESULT_FROM_WIN32: the low 16 bits are Win32 error 65535.');
    expect(r.Related).toEqual([]);
  });

  it('a known HRESULT_FROM_WIN32 links the Win32 code it carries and takes its evidence', () => {
    const r = ok('0x80072ee2');
    expect(r.Name).toBe('WININET_E_TIMEOUT');
    expect(r.Related[0]).toEqual({ Code: '12002', Kind: 'Code', Why: 'The Win32 code inside this HRESULT.' });
    for (const ev of ok('12002').Evidence) expect(r.Evidence).toContainEqual(ev);
  });

  it('an NTSTATUS_FROM_WIN32 links the Win32 code it carries once, as the code it wraps', () => {
    const r = ok('0xc0070520');
    expect(r.Related).toEqual([{ Code: '1312', Kind: 'Code', Why: '0xc0070520 wraps this code (NTSTATUS_FROM_WIN32); it is the same error.' }]);
  });

  it('an unknown NTSTATUS inside an HRESULT is named by value only', () => {
    const r = ok('0xd0001234');
    expect(r.Notes).toContain('HRESULT_FROM_NT: with the NT bit cleared this is the NTSTATUS 0xc0001234.');
    expect(r.Related).toEqual([]);
  });

  it('HRESULT_FROM_NT of a token broker code is an HRESULT: no token broker notes', () => {
    const r = ok('0xdaa82ee2');
    expect([r.Id, r.Family, r.Name]).toEqual(['HRESULT:0xdaa82ee2', 'HRESULT', 'HRESULT_FROM_NT(ERROR_ADAL_INTERNET_TIMEOUT)']);
    expect(r.Notes).toEqual(['HRESULT_FROM_NT: with the NT bit cleared this is the NTSTATUS 0xcaa82ee2 (ERROR_ADAL_INTERNET_TIMEOUT).']);
    expect(r.Related.map((x) => x.Code)).toEqual(['0xcaa82ee2']);
  });

  it('a token broker network code whose WinHTTP number is unpublished names the number only', () => {
    const r = ok('0xcaa82f50');
    expect(r.Notes).toEqual([
      'Read as an NTSTATUS: error, facility 0xaa8, code 12112 (0x2f50).',
      'Token broker area 0xaa8: network stack errors (low 16 bits = WinINet/WinHTTP code).',
      'The low 16 bits are network error 12112.',
    ]);
    expect(r.Related).toEqual([]);
  });

  it('a token broker network code links the WinHTTP error with its reason', () => {
    expect(ok('0xcaa82ee2').Related).toContainEqual({ Code: '12002', Kind: 'Code', Why: 'The network-stack error carried in the low 16 bits.' });
  });

  it('only the network facility carries a network error in its low 16 bits', () => {
    // 0xcaa90017: facility 0xaa9, low 16 bits 0x0017; 0xcaa80001: the network facility, but 1 is no network error.
    expect(ok('0xcaa90017').Notes).toEqual(['Token broker area 0xaa9: protocol flows: refresh token, WS-Trust, user realm, PKeyAuth.']);
    expect(ok('0xcaa80001').Notes.join(' ')).not.toContain('network error');
  });

  it('an HTTP status code of the token broker names the status', () => {
    const r = ok('0xcaa30194');
    expect(r.Name).toBe('ERROR_HTTP_STATUS_NOT_FOUND');
    expect(r.Notes).toContain('The low 16 bits are the HTTP status 404.');
  });
});

describe('a known code', () => {
  it('carries the knowledge base\'s links', () => {
    expect(ok('0xc000006a').Related.map((x) => x.Code)).toEqual(['AADSTS50126', 'AADSTS', 'AD FS', 'invalid_grant']);
  });

  it('published under two names says so, and either name finds it', () => {
    const r = ok('0xcaa1002d');
    expect(r.Name).toBe('ERROR_ADAL_OPERATION_PENDING');
    expect(r.Notes[0]).toBe('Also published as ERROR_OPERATION_PENDING.');
    expect(ok('ERROR_OPERATION_PENDING').Id).toBe('Web account/ADAL:0xcaa1002d');
    expect(ok('error_adal_operation_pending').Id).toBe('Web account/ADAL:0xcaa1002d');
  });

  it('with one name has no note about other names', () => {
    expect(ok('STATUS_LOGON_FAILURE').Notes).toEqual([]);
  });
});

describe('a name shared by several codes', () => {
  it('shows the first and lists the others as alternatives', () => {
    const r = ok('InteractionRequired');
    expect(r.Id).toBe('AADSTS:16000');
    expect(r.Notes).toEqual(['2 codes carry the name InteractionRequired; the first is shown, the others are listed in Alternatives.']);
    expect(r.Alternatives).toEqual([{ Reading: 'Same symbolic name', Family: 'AADSTS', Code: 'AADSTS700020', Name: 'InteractionRequired', Known: true }]);
  });

  it('a name of one code has no alternatives', () => {
    expect(ok('InvalidUserNameOrPassword').Alternatives).toEqual([]);
  });
});

describe('eight decimal digits', () => {
  it('are read as hex, with the decimal reading as an AADSTS code when it is one', () => {
    const r = ok('00050126');
    expect(r.Hex).toBe('0x00050126');
    expect(r.Notes).toContain('Eight digits without 0x are read as hex (how Windows prints statuses); as a decimal number it would be 50126.');
    expect(r.Alternatives).toEqual([{ Reading: 'As a decimal number', Family: 'AADSTS', Code: 'AADSTS50126', Name: 'InvalidUserNameOrPassword', Known: true }]);
  });

  it('offer a known Win32 code as the decimal reading', () => {
    expect(ok('00001312').Alternatives).toEqual([{ Reading: 'As a decimal number', Family: 'Win32', Code: '1312', Name: 'ERROR_NO_SUCH_LOGON_SESSION', Known: true }]);
  });

  it('offer an unknown decimal reading with the family its value would have', () => {
    expect(ok('12345678').Alternatives).toEqual([{ Reading: 'As a decimal number', Family: 'HRESULT', Code: '12345678', Name: null, Known: false }]);
  });
});

describe('a bare decimal', () => {
  it('0 is not a negative number', () => {
    expect(ok('0').Notes).toEqual([]);
  });

  it('a negative number says how it was read', () => {
    expect(ok('-1073741715').Notes).toContain('Read as a signed 32-bit value: -1073741715 = 0xc000006d = 3221225581.');
  });

  it('in the WinHTTP range is a WinHTTP number even when unpublished, never an AADSTS guess', () => {
    const r = ok('12112');
    expect(r.Family).toBe('WinHTTP');
    expect(r.Notes.join(' ')).not.toContain('ambiguous');
  });

  it('a small known Win32 code has no 32-bit note', () => {
    const r = ok('1312');
    expect(r.Name).toBe('ERROR_NO_SUCH_LOGON_SESSION');
    expect(r.Notes).toEqual([]);
  });
});

describe('server codes we do not know', () => {
  it('an AADSTS number says Entra\'s lookup page may know it and links that page', () => {
    const r = ok('AADSTS9999999');
    expect(r.Summary).toBe('AADSTS9999999 is not in the published error-code reference we know; Entra\'s error lookup page may still describe it.');
    expect(r.DocUrl).toBe('https://login.microsoftonline.com/error?code=9999999');
    expect(r.Source).toBe('https://learn.microsoft.com/entra/identity-platform/reference-error-codes');
    expect(r).toMatchObject({ Causes: [], Solutions: [], Evidence: [], Related: [], Notes: [] });
  });

  it('an MSIS number points at the federation servers\' log, with no source to cite', () => {
    const r = ok('MSIS9999');
    expect(r.Summary).toBe('MSIS9999 is an AD FS message we have no description for (Microsoft publishes no MSIS catalog); the AD FS/Admin event log on the federation servers has the full text.');
    expect(r.Source).toBeNull();
    expect(r.DocUrl).toBeNull();
    expect(r).toMatchObject({ Causes: [], Solutions: [], Evidence: [], Related: [], Notes: [] });
  });

  it('an AD FS ID message points at the fault text', () => {
    const r = ok('ID9999');
    expect(r.Summary).toBe('ID9999 is a Windows Identity Foundation message from AD FS (or another WIF-based service) that we have no description for; the full text of the SOAP fault or of the AD FS/Admin event says what failed.');
    expect(r.Source).toBeNull();
  });
});

describe('a word that is no known name', () => {
  it('in lower-case snake_case of any number of parts is an OAuth error', () => {
    expect(ok('not_a_standard_error').Family).toBe('OAuth');
  });

  it('with a capital or a digit is not an OAuth error', () => {
    expect(fails('Weird_error').Error.Id).toBe('UnknownCodeName');
    expect(fails('weird_error2').Error.Id).toBe('UnknownCodeName');
  });

  it('gets the hex hint only when every letter is a hex digit', () => {
    expect(fails('Zed').Error.Message).not.toContain('0x');
    expect(fails('Beyond').Error.Message).not.toContain('0x');
    expect(fails('Faded').Error.Message).toContain(' If it is a hex value, write it with 0x (0xFaded).');
  });
});

describe('a server message with an inner code', () => {
  it('keeps the outer entry\'s other links after the inner code', () => {
    const r = ok('AADSTS70002: Error validating credentials. AADSTS50155: Device authentication failed');
    expect(r.Related.map((x) => x.Code)).toEqual(['AADSTS50155', 'AADSTS135011']);
    expect(r.Related[1]?.Why).toBe(ok('AADSTS70002').Related.find((x) => x.Code === 'AADSTS135011')?.Why);
  });
});

describe('a code given by name', () => {
  it('has the same links, evidence and notes as the same code given by value', () => {
    const pairs: readonly (readonly [name: string, value: string])[] = [
      ['WININET_E_TIMEOUT', '0x80072ee2'], ['ERROR_ADAL_INTERNET_TIMEOUT', '0xcaa82ee2'], ['STATUS_LOGON_FAILURE', '0xc000006d'],
    ];
    for (const [name, value] of pairs) {
      const byName = ok(name);
      const byValue = ok(value);
      expect({ ...byName, Input: value }).toEqual(byValue);
    }
    expect(ok('WININET_E_TIMEOUT').Related[0]).toEqual({ Code: '12002', Kind: 'Code', Why: 'The Win32 code inside this HRESULT.' });
  });
});
