import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainText } from '../../../src/codes/index.js';

const TICKETS = 'test/fixtures/real/tickets';
const ticket = (name: string) => explainText(readFileSync(join(TICKETS, name), 'utf8'), name);
const names = (text: string) => explainText(text, 'test').Codes.map((c) => c.Explanation.Name ?? c.Code);
const codes = (text: string) => explainText(text, 'test').Codes.map((c) => c.Code);

/** What an expert reads in each real ticket, cause first (see SOURCES.md). */
const EXPERT: readonly (readonly [file: string, expected: string[]])[] = [
  ['ms-dsregcmd-sso-state-0xc000006d.txt', ['InvalidUserNameOrPassword', 'invalid_grant', 'ERROR_HTTP_STATUS_BAD_REQUEST', 'STATUS_LOGON_FAILURE']],
  ['ms-hybrid-join-diagnostic-data.txt', ['DirectoryError', 'WININET_E_TIMEOUT', 'ERROR_HTTP_STATUS_BAD_REQUEST', 'DSREG_AUTOJOIN_DISC_FAILED', 'DSREG_E_DIRECTORY_FAILURE']],
  ['ms-hybrid-join-tpm-errors.md', ['NTE_BAD_KEYSET', 'TPM_E_PCP_INTERNAL_ERROR', 'TPM_E_NOTFIPS', 'NTE_AUTHENTICATION_IGNORED']],
  ['github-adal-dotnet-1504-aadsts50155.txt', ['DeviceAuthenticationFailed', 'invalid_grant']],
  ['github-azure-powershell-13193-aadsts50097.txt', ['DeviceAuthenticationRequired', 'invalid_grant']],
  ['wam-notes-device-disabled-and-deleted.md', ['AADSTS135011', 'DeviceAuthenticationFailed', 'InvalidClient']],
  ['wam-notes-logon-session-0x80070520.md', ['HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)']],
  ['wam-notes-tpm-0xc028008b.md', ['TPM_20_E_HANDLE']],
  ['wam-notes-event-0x65e-0xcaa5011e.txt', ['0xcaa5011e', 'ERROR_UNSUPPORTED_TYPE']],
  ['infor-adfs-soap-faults.txt', ['ID3242', 'ID3082', 'MSIS3127']],
  // Miscounted digits (read as the one known code a slip away) and sign-in codes without AADSTS.
  ['ms-esr-pt-1104-0xc0000005f-extra-zero.txt', ['STATUS_NO_SUCH_LOGON_SESSION']],
  ['ms-esr-pt-1104-0xc00005f-missing-zero.txt', ['STATUS_NO_SUCH_LOGON_SESSION']],
  ['github-azure-docs-48658-prose-events-1104-1025-guest.txt', ['ERROR_HTTP_STATUS_BAD_REQUEST', 'STATUS_NETWORK_UNREACHABLE']],
  ['github-azure-docs-113969-sentinel-500133-bare-number-html.txt', ['SsoArtifactRevoked', '500133']],
  ['github-ubuntu-aad-auth-361-bracketed-50055.txt', ['InvalidPasswordExpiredPassword']],
  // A status typed with a letter short ("Error CA20002") among a commit hash, a GUID and a build number.
  ['github-vscode-240543-ca20002-dropped-a-win11-24h2-commit-hash.txt', ['ERROR_ADAL_SERVER_ERROR_INVALID_REQUEST']],
  // A decimal status next to MSAL's tag and version numbers.
  ['github-azure-cli-27539-decimal-3399614476-msal-tag.txt', ['ERROR_ADAL_SERVER_ERROR_INTERACTION_REQUIRED']],
];

describe('real ticket texts', () => {
  test.each(EXPERT)('%s gives the expert\'s codes, cause first', (file, expected) => {
    expect(ticket(file).Codes.map((c) => c.Explanation.Name ?? c.Code)).toEqual(expected);
  });

  test.each(EXPERT)('%s: every code it finds is known to the knowledge base', (file) => {
    expect(ticket(file).Codes.filter((c) => !c.Explanation.Known).map((c) => c.Code)).toEqual([]);
  });

  test('a status written in prose without 0x ("fails with error code 80180026") is found, before the event code it led to', () => {
    // 0x80180026 is an MDM enrollment HRESULT (facility 24), in the knowledge base since kb/mdm.ts.
    const found = ticket('kb-digest-aadj-80180026-no-0x-prefix-1104-0xc000023c.md').Codes;
    expect(found.map((c) => [c.Code, c.Explanation.Hex, c.Explanation.Name])).toEqual([
      ['80180026', '0x80180026', 'MENROLL_E_DEVICE_MANAGEMENT_BLOCKED'],
      ['0xC000023C', '0xc000023c', 'STATUS_NETWORK_UNREACHABLE'],
    ]);
  });

  test('each code is explained once, with every spelling and line it stood at', () => {
    const [keyset] = ticket('ms-hybrid-join-tpm-errors.md').Codes;
    expect(keyset!.FoundAt.map((s) => s.Written)).toEqual(['NTE_BAD_KEYSET', '0x80090016', '-2146893802']);
  });

  test('the dsregcmd field a code stood in is kept as its label', () => {
    const found = Object.fromEntries(ticket('ms-dsregcmd-sso-state-0xc000006d.txt').Codes.map((c) => [c.Code, c.FoundAt[0]!.Label]));
    expect(found).toEqual({ AADSTS50126: 'Server Error Description', invalid_grant: 'Server Error Code', 400: 'HTTP status', '0xc000006d': 'Attempt Status' });
  });

  test('the sub-error of "DRS Discovery Test : FAIL [a/b]" comes before the discovery failure it explains', () => {
    expect(codes(readFileSync(join(TICKETS, 'ms-hybrid-join-diagnostic-data.txt'), 'utf8')).filter((c) => c.startsWith('0x801c0021') || c.startsWith('0x80072ee2')))
      .toEqual(['0x80072ee2', '0x801c0021']);
  });
});

describe('a .NET stack trace that quotes a WAM failure (real: dotnet/SqlClient#4426)', () => {
  const found = ticket('github-sqlclient-4426-sign-extended-0xffffffff80070520-wam-service.txt').Codes;

  test('the 64-bit spelling and the signed decimal are one code, first; the exception type\'s HRESULT last; the MSAL tag is none', () => {
    expect(found.map((c) => [c.Explanation.Hex, c.FoundAt.map((s) => `${s.Line} ${s.Label ?? ''} ${s.Written}`)])).toEqual([
      ['0x80070520', ['5 Error 0xffffffff80070520', '7 error code -2147023584']],
      ['0x80131904', ['2  0x80131904']],
    ]);
    expect(found[0]?.Notes).toContain('0xffffffff80070520 is a 64-bit value (sign-extended); the code is its low 32 bits, 0x80070520.');
    expect(found[1]?.Notes[0]).toMatch(/^The HRESULT of a \.NET exception header/);
  });
});

describe('codes written as 64-bit values', () => {
  test('sign-extended with the severity bit, or zero-extended, read as the low 32 bits', () => {
    expect(codes('Error: 0xFFFFFFFF80070520')).toEqual(['0xFFFFFFFF80070520']);
    expect(names('Error: 0xffffffff80070520')).toEqual(['HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)']);
    expect(names('hr = 0x00000000c000006d')).toEqual(['STATUS_LOGON_FAILURE']);
    expect(explainText('hr = 0x00000000c000006d', 't').Codes[0]?.Notes).toContain('0x00000000c000006d is a 64-bit value (zero-extended); the code is its low 32 bits, 0xc000006d.');
  });

  test('not a sign extension of a positive value, not zero, not 15 or 17 digits', () => {
    expect(codes('Error: 0xffffffff00000005')).toEqual([]);
    expect(codes('Error: 0x0000000000000000')).toEqual([]);
    expect(codes('Error: 0xffffffff8007052')).toEqual([]);
    expect(codes('Error: 0xffffffff800705200')).toEqual([]);
  });
});

describe('values that are not codes, and error words that win over them', () => {
  test('MSAL\'s Tag is a code location, but "error code" right before a number makes it a code', () => {
    expect(codes('Tag: 0x21420087')).toEqual([]);
    expect(codes('Tag: 0x21420087 (error code -2147023584) (internal error code 557973639)')).toEqual(['-2147023584']);
    expect(codes('Tag: 0x21420087 (see -2147023584)')).toEqual([]);
  });

  test('an exception header\'s HRESULT goes after the codes of its message, in the same role', () => {
    expect(codes('System.ComponentModel.Win32Exception (0x80004005): failed: 0x80070005')).toEqual(['0x80070005', '0x80004005']);
    expect(codes('Failed (0x80004005): then 0x80070005')).toEqual(['0x80004005', '0x80070005']);
  });
});

describe('nested server messages', () => {
  const NESTED = 'AADSTS70002: Error validating credentials. AADSTS50155: Device authentication failed';

  test('the inner code comes first, the wrapper after it', () => {
    expect(codes(NESTED)).toEqual(['AADSTS50155', 'AADSTS70002']);
  });

  test('the wrapper says which code is its reason, and the reason says what it was inside', () => {
    const [inner, outer] = explainText(NESTED, 'test').Codes;
    expect(outer!.Notes.join(' ')).toContain('AADSTS50155');
    expect(inner!.Notes.join(' ')).toContain('inside AADSTS70002');
  });

  test('70002 in a device sign-in is not read as "the client secret is wrong"', () => {
    const outer = explainText(NESTED, 'test').Codes.find((c) => c.Code === 'AADSTS70002')!;
    expect(outer.Notes.join(' ')).toMatch(/device sign-in: here AADSTS70002 does not mean that an application's client secret is wrong/);
  });

  test('70002 alone, with no context, gives both meanings plainly', () => {
    const [only] = explainText('The call failed with AADSTS70002.', 'test').Codes;
    expect(only!.Notes.join(' ')).toMatch(/for an application, the client secret .* for a device sign-in \(PRT\)/);
    expect(only!.Explanation.Summary).toMatch(/client secret.*device sign-in/s);
  });

  test('70002 next to a dsregcmd attempt is a device sign-in even without an inner code', () => {
    const text = 'Attempt Status : 0xc000006d\nServer Error Description : AADSTS70002: Error validating credentials.';
    const outer = explainText(text, 'test').Codes.find((c) => c.Code === 'AADSTS70002')!;
    expect(outer.Notes.join(' ')).toContain('This text is about a device sign-in');
  });
});

describe('order: cause first', () => {
  test('server reason, then network, then the client status of the attempt', () => {
    const text = 'Attempt Status : 0xc000023c\nHTTP Error : 0x80072ee7\nServer Error Description : AADSTS50126: Error validating credentials';
    expect(codes(text)).toEqual(['AADSTS50126', '0x80072ee7', '0xc000023c']);
  });

  test('in a token broker event the operation\'s own error comes before the outer 0xCAA5001C', () => {
    const text = [
      'Error: 0xCAA5001C Token broker operation failed.',
      'Operation name: GetTokenSilently, Error: -895418359 (0xcaa10009), Description: ...',
      'Logged at WebAccountProcessor.cpp, line: 652, method: WebAccountProcessor::Run.',
    ].join('\n');
    expect(codes(text)).toEqual(['-895418359', '0xCAA5001C']);
    const [inner] = explainText(text, 'test').Codes;
    expect(inner!.FoundAt.map((s) => s.Written)).toEqual(['-895418359', '0xcaa10009']);
  });

  test('an HRESULT_FROM_NT spelling is the same error as the NTSTATUS it carries', () => {
    const result = explainText('DeviceAuthStatus : FAILED. Error: 0xd000023c\nAttempt Status : 0xc000023c', 'test');
    expect(result.Codes).toHaveLength(1);
    expect(result.Codes[0]!.FoundAt.map((s) => [s.Line, s.Label])).toEqual([[1, 'Error'], [2, 'Attempt Status']]);
  });
});

describe('no false positives', () => {
  test.each([
    ['a correlation id', 'Correlation ID : 63648321-fc5c-46eb-996e-ed1f3ba7740f'],
    ['a redacted tenant id', 'AzureAdPrtAuthority : https://login.microsoftonline.com/96fa76d0-xxxx-xxxx-xxxx-eb60cc22xxxx'],
    ['a time', 'Previous Prt Attempt : 2020-07-18 20:10:33.789 UTC'],
    ['a clock time', 'Date: 2/14/2011 1:32:23 PM'],
    ['a line number', 'Logged at WebAccountProcessor.cpp, line: 652, method: WebAccountProcessor::Run.'],
    ['an unlabelled HTTP status', 'The server returned 400 (BadRequest) again.'],
    ['a version number', 'OS build 10.0.19045.3803 and client 4.60.3.0'],
    ['an event id', 'Event ID: 1098'],
    ['a certificate thumbprint', 'Thumbprint : B753A6679CE720451921302CA873794D94C6204A'],
    ['an 8-digit hex id that is no known code', 'session 8e3ab2c1 started'],
    ['a success status', 'HTTP Error : 0x0'],
    ['a number in prose', 'We have 12002 users and 3221225581 bytes free.'],
    ['a logon id in Event Viewer text', '\tLogon ID:\t\t0x3E7'],
    ['a process id in event XML', "<Data Name='ProcessId'>0x32c</Data><Data Name='TargetLogonId'>0x5e2c1f</Data>"],
    ['a logon id as an XML element', '<SubjectLogonId>0x4a1f2</SubjectLogonId>'],
    ['event keywords', '<Keywords>0x8020000000000000</Keywords>'],
  ])('%s is not a code', (_what, text) => {
    expect(codes(text)).toEqual([]);
  });

  test('an HTTP status counts when a field says it is one', () => {
    expect(names('HTTP status : 503')).toEqual(['ERROR_HTTP_STATUS_SERVICE_UNAVAIL']);
  });

  test('a field whose name merely ends in "id" is not taken for an id field', () => {
    expect(names('Invalid: 0x80090016')).toEqual(['NTE_BAD_KEYSET']);
  });

  test('a status in event XML counts, named by its field', () => {
    const [status] = explainText("<Data Name='Status'>0xc000006d</Data>", 'test').Codes;
    expect([status!.Code, status!.FoundAt[0]!.Label]).toEqual(['0xc000006d', 'Status']);
  });

  test('a WinHTTP number counts in an error field', () => {
    expect(names('Http transport error. Status: 12029')).toEqual(['ERROR_WINHTTP_CANNOT_CONNECT']);
  });
});

test('OCR that reads the 0 of 0x as the letter O still finds the status', () => {
  expect(names('Attempt Status : OxC000006D')).toEqual(['STATUS_LOGON_FAILURE']);
});

test('text without any code gives no codes', () => {
  expect(explainText('Hello, my Outlook keeps asking for my password since Monday.', 'mail').Codes).toEqual([]);
});

describe('sign-in codes written without AADSTS', () => {
  const found = (text: string) => explainText(text, 'test').Codes.map((c) => [c.Code, c.Explanation.Family, c.Explanation.Code]);

  test('a known sign-in number after words that call it an error is that AADSTS code, with a note', () => {
    expect(found('I see error status 500133 in Sentinel')).toEqual([['500133', 'AADSTS', 500133]]);
    expect(found('ResultType: 50126')).toEqual([['50126', 'AADSTS', 50126]]);
    const [code] = explainText('pam_aad(gdm-password:auth): Unknown error code(s) from server: [50055]', 't').Codes;
    expect(code?.FoundAt[0]?.Label).toBe('Unknown error codes from server');
    expect(code?.Notes).toEqual([expect.stringMatching(/^The number 50055 was read as the sign-in code AADSTS50055: /)]);
  });

  test('from the smallest sign-in code up, and only one Entra knows', () => {
    expect(found('error code 16000')).toEqual([['16000', 'AADSTS', 16000]]);
    expect(found('error code 15999')).toEqual([]);
    expect(found('error code 99999')).toEqual([]);
    expect(found('error code 9002341')).toEqual([['9002341', 'AADSTS', 9002341]]);
    expect(found('error code 10000000')).toEqual([]);
  });

  test('not without an error label, and not as an HTTP field', () => {
    expect(found('build 50126 of the agent')).toEqual([]);
    expect(found('HTTP status: 50126')).toEqual([]);
    expect(found('ProcessId: 50126')).toEqual([]);
  });
});

describe('an HTTP status retyped without its colon', () => {
  const found = (text: string) => explainText(text, 'test').Codes.map((c) => [c.Code, c.Role, c.FoundAt[0]?.Label]);

  test('after "http (request|response) status|error (code)" it is the HTTP status', () => {
    expect(found('EventID1025 - Http request status 400 Get endpoint')).toEqual([['400', 'Transport', null]]);
    expect(found('the HTTP response error code 503 came back')).toEqual([['503', 'Transport', null]]);
    expect(found('https status = 404')).toEqual([['404', 'Transport', null]]);
  });

  test('not without the word http, and not outside the HTTP status range', () => {
    expect(found('request status 400 was logged')).toEqual([]);
    expect(found('Http request status 200 Get endpoint')).toEqual([]);
    expect(found('http request 400 times')).toEqual([]);
  });
});
