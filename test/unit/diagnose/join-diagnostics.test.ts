/**
 * The join side of Diagnostic Data read from real captures (test/fixtures/real/dsregcmd): the
 * pre-join tests, the last registration's error, the key test, and which codes are worth decoding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codesToDecode, decodeAll, deviceAuthCode, hasPreJoinDiagnostics, readJoinDiagnostics } from '../../../src/diagnose/join-diagnostics.js';
import type { DecodedCode } from '../../../src/diagnose/status-types.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import type { DsregReport } from '../../../src/dsreg/types.js';

const real = (name: string): DsregReport => {
  const { text, encoding } = decodeCapture(readFileSync(new URL(`../../fixtures/real/dsregcmd/${name}`, import.meta.url)));
  return parseDsregcmd(text, { source: name, encoding });
};
const RULE = `+${'-'.repeat(70)}+`;
const diagnosticData = (...lines: string[]) => parseDsregcmd([RULE, `| ${'Diagnostic Data'.padEnd(69)}|`, RULE, '', ...lines.map((l) => `${l.split(' : ')[0]?.padStart(26)} : ${l.split(' : ').slice(1).join(' : ')}`)].join('\n'), { source: 'capture.txt', encoding: 'utf-8' });
const codes = (report: DsregReport) => readJoinDiagnostics(report)?.Codes.map((c) => [c.Code, c.Where]);

describe('pre-join diagnostics of real captures', () => {
  it('a discover failure run as SYSTEM: every test, the fallback, the last registration and its code', () => {
    const report = real('pre-join-discover-0x801c0021-0x801c000c-system.txt');
    expect(hasPreJoinDiagnostics(report)).toBe(true);
    const join = readJoinDiagnostics(report);
    expect(join).toMatchObject({
      UserContext: 'SYSTEM',
      FallbackToSyncJoin: 'ENABLED',
      PreviousRegistration: '2019-01-31T09:23:30.000Z',
      RegistrationType: null,
      ErrorPhase: 'discover',
      ClientErrorCode: '0x801c0021',
      ServerErrorCode: null,
      ServerMessage: null,
      HttpsStatus: null,
      RequestId: null,
      AadRecoveryEnabled: null,
      KeySignTest: null,
      Failed: true,
    });
    expect(join?.Tests.map((t) => [t.Name, t.Result, t.Codes.join('/')])).toEqual([
      ['AD Connectivity Test', 'PASS', ''],
      ['AD Configuration Test', 'PASS', ''],
      ['DRS Discovery Test', 'FAIL', '0x801c0021/0x801c000c'],
      ['DRS Connectivity Test', 'SKIPPED', ''],
      ['Token acquisition Test', 'SKIPPED', ''],
    ]);
    // One code once, where it first stood.
    expect(codes(report)).toEqual([
      ['0x801c0021', 'DRS Discovery Test'],
      ['0x801c000c', 'DRS Discovery Test'],
    ]);
    expect(codesToDecode(report)).toEqual(['0x801c0021', '0x801c000c']);
  });

  it('a headerless fragment of the last registration: the server error, its message, status and request id', () => {
    const report = real('fragment-no-header-previous-registration-directoryerror.txt');
    const join = readJoinDiagnostics(report);
    expect(join).toMatchObject({
      PreviousRegistration: '2019-01-31T09:16:43.000Z',
      RegistrationType: 'sync',
      ErrorPhase: 'join',
      ClientErrorCode: '0x801c03f2',
      ServerErrorCode: 'DirectoryError',
      ServerMessage: "The device object by the given id (e92325d0-xxxx-xxxx-xxxx-94ae875d5245) isn't found.",
      HttpsStatus: 400,
      RequestId: '6bff0bd9-820b-484b-ab20-2a4f7b76c58e',
      Failed: true,
    });
    expect(codes(report)).toEqual([
      ['0x801c03f2', 'Client ErrorCode'],
      ['DirectoryError', 'Server ErrorCode'],
    ]);
  });
});

describe('what counts as a join failure', () => {
  it('passing tests, no error phase and zero codes are no failure, and no code is collected', () => {
    const report = diagnosticData('AD Connectivity Test : PASS', 'DRS Discovery Test : PASS [0x0]', 'Client ErrorCode : 0x0');
    const join = readJoinDiagnostics(report);
    expect(join?.Failed).toBe(false);
    expect(join?.Codes).toEqual([]);
    expect(codesToDecode(report)).toEqual([]);
  });

  it('each sign alone is a failure: a failed test, an error phase, a client code, a server code, a failed key test', () => {
    for (const line of ['DRS Discovery Test : FAIL', 'Error Phase : discover', 'Client ErrorCode : 0x801c001d', 'Server ErrorCode : invalid_request', 'KeySignTest : FAILED [0x8009002d]']) {
      expect(readJoinDiagnostics(diagnosticData('AD Connectivity Test : PASS', line))?.Failed, line).toBe(true);
    }
  });

  it('a hex server code is collected in its canonical spelling', () => {
    expect(codes(diagnosticData('Server ErrorCode : 0x801C03F2'))).toEqual([['0x801c03f2', 'Server ErrorCode']]);
  });

  it('the AADSTS codes of the server message are collected, upper case', () => {
    expect(codes(diagnosticData('Error Phase : join', 'Server Message : aadsts50155: device authentication failed; see AADSTS50155 and AADSTS700016'))).toEqual([
      ['AADSTS50155', 'Server Message'],
      ['AADSTS700016', 'Server Message'],
    ]);
  });

  it('the codes of a failed key test are collected; a passed key test, after a join, is shown but not a failure', () => {
    expect(codes(diagnosticData('KeySignTest : FAILED [0x8009002d]'))).toEqual([['0x8009002d', 'KeySignTest']]);
    const passed = readJoinDiagnostics(diagnosticData('AadRecoveryEnabled : YES', 'KeySignTest : PASSED'));
    expect([passed?.Failed, passed?.AadRecoveryEnabled, passed?.KeySignTest]).toEqual([false, true, 'PASSED']);
  });

  it('the codes of a test that did not fail are not collected', () => {
    expect(codes(diagnosticData('Error Phase : discover', 'DRS Discovery Test : SKIPPED [0x801c0021]'))).toEqual([]);
  });

  it('a Diagnostic Data box with only the client time and the references shows no join diagnostics', () => {
    const report = diagnosticData('Diagnostics Reference : www.microsoft.com/aadjerrors', 'User Context : UN-ELEVATED User', 'Client Time : 2026-11-20 09:00:00.000 UTC');
    expect(readJoinDiagnostics(report)).toBeNull();
    expect(hasPreJoinDiagnostics(report)).toBe(false);
  });

  it('post-join lines alone are not pre-join diagnostics', () => {
    expect(hasPreJoinDiagnostics(diagnosticData('AadRecoveryEnabled : NO', 'KeySignTest : PASSED'))).toBe(false);
    expect(hasPreJoinDiagnostics(diagnosticData('Fallback to Sync-Join : ENABLED'))).toBe(true);
  });

  it('a capture without Diagnostic Data has none', () => {
    const report = parseDsregcmd(['AzureAdJoined : YES', 'DomainJoined : NO'].join('\n'), { source: 'x', encoding: 'utf-8' });
    expect(readJoinDiagnostics(report)).toBeNull();
    expect(hasPreJoinDiagnostics(report)).toBe(false);
  });
});

describe('the code of DeviceAuthStatus', () => {
  it('is the code of a failure, not of a success or a zero', () => {
    expect(deviceAuthCode('FAILED. Error: 0xD000023C')).toBe('0xd000023c');
    expect(deviceAuthCode('SUCCESS')).toBeNull();
    expect(deviceAuthCode('FAILED. Device is either disabled or deleted')).toBeNull();
    expect(deviceAuthCode('FAILED. Error: 0x0')).toBeNull();
    expect(deviceAuthCode(null)).toBeNull();
  });

  it('is decoded with the join codes, after them', () => {
    const report = real('bare-lines-deviceauthstatus-0xd000023c-attempt-0xc000023c.txt');
    expect(codesToDecode(report)).toEqual(['0xd000023c']);
  });
});

describe('decodeAll', () => {
  const fresh = (): DecodedCode[] => [
    { Code: '0x801c0021', Where: 'DRS Discovery Test', Known: false, Name: null, Summary: null, Fix: null },
    { Code: '0xdeadbeef', Where: 'Client ErrorCode', Known: false, Name: null, Summary: null, Fix: null },
  ];

  it('fills what the decoder knows and leaves a code it cannot read as it was', () => {
    const decoded = decodeAll(fresh(), (code) => (code === '0x801c0021' ? { Known: true, Name: 'DSREG_AUTOJOIN_DISC_FAILED', Summary: 'Discovery failed.', Fix: 'Check the SCP.' } : null));
    expect(decoded).toEqual([
      { Code: '0x801c0021', Where: 'DRS Discovery Test', Known: true, Name: 'DSREG_AUTOJOIN_DISC_FAILED', Summary: 'Discovery failed.', Fix: 'Check the SCP.' },
      { Code: '0xdeadbeef', Where: 'Client ErrorCode', Known: false, Name: null, Summary: null, Fix: null },
    ]);
  });

  it('without a decoder returns the codes unchanged', () => {
    expect(decodeAll(fresh(), undefined)).toEqual(fresh());
  });
});

describe('where the Diagnostic Data lines stand in a paste', () => {
  it('the old layout prints KeySignTest under Device State as a note that the test did not run: that is no join diagnostics', () => {
    for (const name of ['decorated-legacy-colon-format-hybrid-prt-yes.txt', 'folded-lines-localized-doc-hybrid-prt-yes-no-times.txt']) {
      const report = real(name);
      expect(report.Sections.some((s) => s.Fields.some((f) => f.Name === 'KeySignTest')), name).toBe(true);
      expect(readJoinDiagnostics(report), name).toBeNull();
      expect(codesToDecode(report), name).toEqual([]);
    }
  });

  it('error lines quoted above a capture whose Diagnostic Data box was cut are still read, with the tests of the box', () => {
    // A ticket: the interesting lines first, then the capture as far as the message limit allowed.
    const capture = readFileSync(new URL('../../fixtures/real/dsregcmd/pre-join-join-directoryerror-0x801c03f2.txt', import.meta.url), 'utf8').split(/\r?\n/);
    const quoted = capture.filter((l) => /Error Phase|Client ErrorCode|Server ErrorCode/.test(l));
    const cut = capture.slice(0, capture.findIndex((l) => l.includes('Fallback to Sync-Join')) + 1);
    const text = ['Hybrid join keeps failing, dsregcmd /status shows', ...quoted, '', 'Full output:', ...cut].join('\r\n');
    const report = parseDsregcmd(text, { source: 'ticket.txt', encoding: 'utf-8' });
    expect(hasPreJoinDiagnostics(report)).toBe(true);
    const join = readJoinDiagnostics(report);
    expect(join).toMatchObject({ UserContext: 'SYSTEM', FallbackToSyncJoin: 'ENABLED', ErrorPhase: 'join', ClientErrorCode: '0x801c03f2', ServerErrorCode: 'DirectoryError', Failed: true });
    expect(join?.Tests.map((t) => `${t.Name} ${t.Result}`)).toEqual(['AD Connectivity Test PASS', 'AD Configuration Test PASS', 'DRS Discovery Test PASS', 'DRS Connectivity Test PASS', 'Token acquisition Test PASS']);
    expect(codesToDecode(report)).toEqual(['0x801c03f2', 'DirectoryError']);
  });

  it('a test line the field list does not know (a newer build adds tests) is read from the box like the others', () => {
    // `Kerberos Ticket Test` appeared with Windows 11: the tests are recognised by their name, not by a list.
    const join = readJoinDiagnostics(diagnosticData('AD Connectivity Test : PASS', 'Cloud Kerberos Test : FAIL [0x80090311]', 'Error Phase : discover'));
    expect(join?.Tests.map((t) => [t.Name, t.Result, t.Codes.join('/')])).toEqual([
      ['AD Connectivity Test', 'PASS', ''],
      ['Cloud Kerberos Test', 'FAIL', '0x80090311'],
    ]);
    expect(join?.Codes.map((c) => [c.Code, c.Where])).toEqual([['0x80090311', 'Cloud Kerberos Test']]);
  });

  it('a capture cut after AadRecoveryEnabled still shows the post-join line it has', () => {
    const join = readJoinDiagnostics(diagnosticData('AadRecoveryEnabled : YES'));
    expect(join).toMatchObject({ AadRecoveryEnabled: true, KeySignTest: null, Failed: false, Codes: [] });
  });
});

describe('which codes are collected', () => {
  it('a code is zero only when every digit is: 0x00000005 is a failure with its code, 0x0 and 0x00000000 are not', () => {
    expect(codes(diagnosticData('Client ErrorCode : 0x00000005'))).toEqual([['0x00000005', 'Client ErrorCode']]);
    expect(readJoinDiagnostics(diagnosticData('Client ErrorCode : 0x00000005'))?.Failed).toBe(true);
    for (const zero of ['0x0', '0x00000000']) expect(readJoinDiagnostics(diagnosticData('AD Connectivity Test : PASS', `Client ErrorCode : ${zero}`))?.Failed, zero).toBe(false);
    expect(deviceAuthCode('FAILED. Error: 0x0000052e')).toBe('0x0000052e');
  });

  it('a zero inside a failed test, a failed key test or the server code is no code to decode', () => {
    expect(codes(diagnosticData('AD Connectivity Test : PASS', 'DRS Discovery Test : FAIL [0x0/0x801c0021]'))).toEqual([['0x801c0021', 'DRS Discovery Test']]);
    expect(codes(diagnosticData('KeySignTest : FAILED [0x0]'))).toEqual([]);
    expect(codes(diagnosticData('Error Phase : join', 'Server ErrorCode : 0x00000000'))).toEqual([]);
  });

  it('the result of a test glued to its codes is still the word before them', () => {
    const join = readJoinDiagnostics(diagnosticData('DRS Discovery Test : FAIL[0x801c0021/0x801c000c]'));
    expect(join?.Tests.map((t) => [t.Result, t.Codes.join('/')])).toEqual([['FAIL', '0x801c0021/0x801c000c']]);
    expect(join?.Failed).toBe(true);
  });

  it('collected codes claim nothing until a decoder has looked at them, and one it does not know stays unknown', () => {
    const report = real('pre-join-discover-0x801c0021-0x801c000c-system.txt');
    const collected = readJoinDiagnostics(report)?.Codes ?? [];
    expect(collected.map((c) => [c.Known, c.Name, c.Summary, c.Fix])).toEqual([
      [false, null, null, null],
      [false, null, null, null],
    ]);
    expect(decodeAll(collected, () => null).map((c) => c.Known)).toEqual([false, false]);
  });

  it('a DeviceAuthStatus dsregcmd could not read (ERROR (0x…), as it prints for WamDefaultSet) asks for no decoding: it is no failed authentication', () => {
    expect(deviceAuthCode('ERROR (0xd0020017)')).toBeNull();
    const report = parseDsregcmd(['AzureAdJoined : YES', 'DomainJoined : YES', 'DeviceAuthStatus : ERROR (0xd0020017)'].join('\r\n'), { source: 'x', encoding: 'utf-8' });
    expect(codesToDecode(report)).toEqual([]);
  });

  it('a WamDefaultSet error asks for its code to be decoded; a bare ERROR (the real WinRM capture) and YES ask for nothing', () => {
    expect(codesToDecode(real('picked-lines-domain-joined-registered-wamdefaultset-0x80070520.txt'))).toEqual(['0x80070520']);
    // Run over evil-winrm: WamDefaultSet : ERROR without a code, beside a failed join whose codes are decoded.
    expect(codesToDecode(real('remote-evil-winrm-prompt-domain-joined-only-0x801c001d-htb.txt'))).toEqual(['0x80070002', '0x801c001d']);
    const yes = parseDsregcmd(['AzureAdJoined : YES', 'DomainJoined : NO', 'WamDefaultSet : YES'].join('\r\n'), { source: 'x', encoding: 'utf-8' });
    expect(codesToDecode(yes)).toEqual([]);
  });
});
