import { describe, expect, test } from 'vitest';
import { ok } from './helpers.js';

describe('every spelling of a code resolves to one identity', () => {
  test.each([
    '0xC000006D', '0xc000006d', '0XC000006D', 'c000006d', 'C000006D', '-1073741715', '3221225581', 'STATUS_LOGON_FAILURE', 'status_logon_failure', '  0xc000006d\t',
  ])('%j is STATUS_LOGON_FAILURE', (input) => {
    const r = ok(input);
    expect(r.Id).toBe('NTSTATUS:0xc000006d');
    expect(r.Name).toBe('STATUS_LOGON_FAILURE');
    expect(r.Family).toBe('NTSTATUS');
    expect(r.Known).toBe(true);
  });

  test.each(['0xc00484c1', '0x800484c1', '-1073445695', 'AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY'])('%j is AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY', (input) => {
    const r = ok(input);
    expect(r.Id).toBe('CloudAP plug-in:0xc00484c1');
    expect(r.Family).toBe('CloudAP plug-in');
  });

  test.each(['AADSTS50126', 'aadsts50126', 'AADSTS 50126', 'AADSTS50126:', '50126', 'InvalidUserNameOrPassword'])('%j is AADSTS50126', (input) => {
    const r = ok(input);
    expect(r.Id).toBe('AADSTS:50126');
    expect(r.Name).toBe('InvalidUserNameOrPassword');
    expect(r.Code).toBe(50126);
  });

  test.each(['12002', 'ERROR_WINHTTP_TIMEOUT', '0x00002ee2'])('%j is ERROR_WINHTTP_TIMEOUT', (input) => {
    const r = ok(input);
    expect(r.Id).toBe('WinHTTP:0x00002ee2');
    expect(r.Family).toBe('WinHTTP');
    expect(r.Code).toBe(12002);
  });

  test('0x80072EE2 is the HRESULT of WinHTTP 12002 and links to it', () => {
    const r = ok('0x80072EE2');
    expect(r.Id).toBe('HRESULT:0x80072ee2');
    expect(r.Family).toBe('HRESULT');
    expect(r.Facility).toBe(7);
    expect(r.Code).toBe(12002);
    expect(r.Related.map((x) => x.Code)).toContain('12002');
    expect(ok(r.Related.find((x) => x.Code === '12002')!.Code).Name).toBe('ERROR_WINHTTP_TIMEOUT');
  });

  test.each(['0xCAA5001C', 'caa5001c', '-895156196', '3399811100'])('%j is the token broker failure 0xCAA5001C', (input) => {
    const r = ok(input);
    expect(r.Id).toBe('Web account/ADAL:0xcaa5001c');
    expect(r.Family).toBe('Web account/ADAL');
  });

  test.each([['MSIS7068', 'AD FS:MSIS7068'], ['msis3173', 'AD FS:MSIS3173'], ['MSIS0038', 'AD FS:MSIS0038']])('%j is an AD FS message', (input, id) => {
    const r = ok(input);
    expect(r.Id).toBe(id);
    expect(r.Family).toBe('AD FS');
  });

  test.each(['invalid_grant', 'INVALID_GRANT'])('%j is the OAuth error invalid_grant', (input) => {
    const r = ok(input);
    expect(r.Id).toBe('OAuth:invalid_grant');
    expect(r.Family).toBe('OAuth');
  });

  test('the decimal that event 1098 prints for 0xCAA7000A is ERROR_INET_CONNECTION_TIMEOUT', () => {
    expect(ok('3399942154').Name).toBe('ERROR_INET_CONNECTION_TIMEOUT');
  });

  test('the signed decimal of 0xcaa10009 in a 1098 message is ERROR_ADAL_CLIENTID_EMPTY', () => {
    expect(ok('-895418359').Name).toBe('ERROR_ADAL_CLIENTID_EMPTY');
  });

  test('a dsregcmd server error code string is a DSREG identity', () => {
    expect(ok('DirectoryError').Id).toBe('DSREG:DirectoryError');
  });

  test('a DSREG client error code decodes with its hybrid join name', () => {
    expect(ok('0x801c03f2').Name).toBe('DSREG_E_DIRECTORY_FAILURE');
  });

  test('WC_E_DTDPROHIBITED is an XML family code', () => {
    const r = ok('0xc00cee4f');
    expect(r.Name).toBe('WC_E_DTDPROHIBITED');
    expect(r.Family).toBe('XML');
  });
});
