/**
 * The signals the doctor weighs (src/doctor/signals.ts): the keys the rules match on, the text each
 * one puts in the evidence chain, its weight and its layer. rank.test.ts checks which cause wins;
 * these check what each cause's evidence says.
 */
import { describe, expect, it } from 'vitest';
import { decodeCode, isExplainError } from '../../../src/codes/index.js';
import type { DeviceCheck, DeviceReport } from '../../../src/device/types.js';
import type { DiagnosedAttempt, Diagnosis } from '../../../src/diagnose/attempt-types.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { ageUnknown, codeKeys, collectSignals } from '../../../src/doctor/signals.js';
import { SignalLayer, type DoctorInput, type Signal } from '../../../src/doctor/types.js';
import type { ProbeFinding, ProbeReport } from '../../../src/probe/types.js';

const UPDATE = '2026-11-20T08:00:00.000Z';
const EXPIRY = '2026-12-04T08:00:00.000Z';
const status = (health: PrtStatus['Health'], extra: Partial<PrtStatus> = {}): PrtStatus =>
  ({
    Health: health,
    AzureAdPrt: health === 'Missing' ? false : true,
    PrtAgeHours: health === 'Stale' ? 9 : 1,
    AzureAdPrtUpdateTime: UPDATE,
    AzureAdPrtExpiryTime: EXPIRY,
    ClockSource: 'CaptureClientTime',
    Source: { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' },
    Findings: [],
    JoinDiagnostics: null,
    ...extra,
  }) as unknown as PrtStatus;

function attempt(codes: string[], extra: Partial<DiagnosedAttempt> = {}): DiagnosedAttempt {
  const Explanation = codes.map((code, index) => {
    const result = decodeCode(code);
    return { Code: code, Name: isExplainError(result) ? null : result.Name, FoundIn: index === 0 ? 'event 1007' : 'event 1081', Family: 'NTSTATUS', Known: true, Summary: '', Solutions: [], DocUrl: null };
  });
  return { Succeeded: false, Finished: true, End: '2026-11-20T09:00:00Z', Start: null, LastEventTime: null, Explanation, HttpStatus: null, ServerError: null, NetworkSubError: null, Url: null, ...extra } as unknown as DiagnosedAttempt;
}
const succeeded = (End: string | null) => ({ ...attempt(['0x00000000']), Succeeded: true, Explanation: [], End }) as DiagnosedAttempt;
const diagnosis = (attempts: DiagnosedAttempt[], extra: Partial<Diagnosis> = {}): Diagnosis =>
  ({ Attempts: attempts, Failed: attempts.filter((a) => !a.Succeeded).length, TextRecords: [], OutsideErrors: [], ...extra }) as unknown as Diagnosis;
const input = (partial: Partial<DoctorInput>): DoctorInput => ({ Status: null, Diagnosis: null, EventsRead: true, Probe: null, Device: null, ...partial });
const finding = (Id: ProbeFinding['Id'], extra: Partial<ProbeFinding> = {}): ProbeFinding => ({
  Id, Severity: 'Error', Context: 'System', Target: 'login.microsoftonline.com', Message: `${Id} measured`, NextStep: '', RelatedCodes: [], ...extra,
});
const probe = (...findings: ProbeFinding[]): ProbeReport => ({ SchemaVersion: 1, ObservedAt: '2026-11-20T09:00:00Z', Cloud: 'Public', TenantId: null, UserPrincipalName: null, Runs: [], Findings: findings });
const check = (Id: string, Result: DeviceCheck['Result']): DeviceCheck => ({ Id, Area: 'Certificate', Result, Summary: `${Id} summary`, Evidence: {}, NextStep: null, Reason: null });
const device = (...checks: DeviceCheck[]): DeviceReport => ({ SchemaVersion: 1, ObservedAt: '', Checks: checks }) as DeviceReport;

const line = (s: Signal) => [s.Key, s.Text, s.Weight, s.Layer];
const of = (partial: Partial<DoctorInput>) => collectSignals(input(partial)).map(line);
const S = SignalLayer.Symptom;
const A = SignalLayer.Attempt;
const D = SignalLayer.Detail;

describe('codeKeys', () => {
  it('keys a known code by its knowledge-base id and family, and a WinHTTP error in any spelling by its number', () => {
    expect(codeKeys('0xC000006D')).toEqual(['code:NTSTATUS:0xc000006d', 'family:NTSTATUS']);
    expect(codeKeys('AADSTS50126')).toEqual(['code:AADSTS:50126', 'family:AADSTS']);
    expect(codeKeys('12029')).toEqual(['code:WinHTTP:0x00002efd', 'family:WinHTTP', 'winhttp:12029']);
    expect(codeKeys('0x80072efd')).toEqual(['code:HRESULT:0x80072efd', 'family:HRESULT', 'winhttp:12029']);
  });

  it('gives a winhttp key from 12001 to 12192 only (the range the decoder knows), and inside an HRESULT only of FACILITY_WIN32', () => {
    expect(codeKeys('12001')).toContain('winhttp:12001');
    expect(codeKeys('12192')).toContain('winhttp:12192');
    expect(codeKeys('12193')).not.toContain('winhttp:12193');
    expect(codeKeys('0x80072ee1')).toContain('winhttp:12001');
    expect(codeKeys('0x80072fa0')).toContain('winhttp:12192');
    expect(codeKeys('0x80072ee0')).toEqual(['code:0x80072ee0', 'family:HRESULT']);
    expect(codeKeys('0x80072fa1')).toEqual(['code:0x80072fa1', 'family:HRESULT']);
    // The same low 16 bits in another facility or an NTSTATUS are no WinHTTP error.
    expect(codeKeys('0x80042efd')).toEqual(['code:0x80042efd', 'family:HRESULT']);
    expect(codeKeys('0xc0002efd')).toEqual(['code:0xc0002efd', 'family:NTSTATUS']);
    expect(codeKeys('0xc0072efd')).not.toContain('winhttp:12029');
    expect(codeKeys('12000')).toEqual(['code:12000', 'family:Win32']);
  });

  it('keys a code the knowledge base lacks by its lower-case spelling, and text that is no code by itself', () => {
    expect(codeKeys('0x1234ABCD')).toEqual(['code:0x1234abcd', 'family:HRESULT']);
    expect(codeKeys('NOT-A-CODE')).toEqual(['code:not-a-code']);
  });
});

describe('the signals of dsregcmd', () => {
  it('names a missing PRT by what its line said, and only when the line is read', () => {
    expect(of({ Status: status('Missing') })).toEqual([['prt:Missing', 'AzureAdPrt NO', 1, S]]);
    expect(of({ Status: status('Missing', { AzureAdPrt: null }) })).toEqual([['prt:Missing', 'AzureAdPrt not shown', 1, S]]);
  });

  it('a stale or expired PRT of a dated capture gives its age or its expiry; a healthy one its age', () => {
    expect(of({ Status: status('Stale') })).toEqual([['prt:Stale', 'AzureAdPrt renewed 9 h ago (more than 4 h)', 1, S]]);
    expect(of({ Status: status('Stale', { PrtAgeHours: null }) })).toEqual([['prt:Stale', 'AzureAdPrt renewed ? h ago (more than 4 h)', 1, S]]);
    expect(of({ Status: status('Expired') })).toEqual([['prt:Expired', `AzureAdPrt expired at ${EXPIRY}`, 1, S]]);
    expect(of({ Status: status('Expired', { AzureAdPrtExpiryTime: null }) })).toEqual([['prt:Expired', 'AzureAdPrt expired at an unknown time', 1, S]]);
    expect(of({ Status: status('Healthy') })).toEqual([['prt:Healthy', 'AzureAdPrt YES, renewed 1 h ago', 1, S]]);
    expect(of({ Status: status('Healthy', { PrtAgeHours: null }) })).toEqual([['prt:Healthy', 'AzureAdPrt YES, renewed ? h ago', 1, S]]);
  });

  it('a saved capture judged by today\'s clock has an unknown age, stale or expired; a live or simulated run does not', () => {
    const undated = { ClockSource: 'SystemClock' } as Partial<PrtStatus>;
    const tail = 'in a capture that does not say when it was taken (no Client Time): its age cannot be judged';
    expect(of({ Status: status('Stale', undated) })).toEqual([['prt:AgeUnknown', `AzureAdPrt YES, renewed ${UPDATE}, ${tail}`, 1, S]]);
    expect(of({ Status: status('Stale', { ...undated, AzureAdPrtUpdateTime: null }) })).toEqual([['prt:AgeUnknown', `AzureAdPrt YES, renewed at an unknown time, ${tail}`, 1, S]]);
    expect(of({ Status: status('Expired', undated) })).toEqual([['prt:AgeUnknown', `AzureAdPrt YES, expiring ${EXPIRY}, ${tail}`, 1, S]]);
    expect(of({ Status: status('Expired', { ...undated, AzureAdPrtExpiryTime: null }) })).toEqual([['prt:AgeUnknown', `AzureAdPrt YES, expiring at an unknown time, ${tail}`, 1, S]]);
    expect(ageUnknown(status('Healthy', undated))).toBe(false);
    expect(ageUnknown(status('Stale', { ...undated, Source: { Kind: 'Live' } } as Partial<PrtStatus>))).toBe(false);
    expect(ageUnknown(status('Expired', { ...undated, Source: { Kind: 'Simulated' } } as Partial<PrtStatus>))).toBe(false);
    expect(of({ Status: status('Stale', { ...undated, Source: { Kind: 'Live' } } as Partial<PrtStatus>) }).map(([key]) => key)).toEqual(['prt:Stale']);
  });

  it('a PRT shown without readable times is present, of unknown age; an unknown state without a PRT line says nothing', () => {
    expect(of({ Status: status('Unknown') })).toEqual([['prt:PresentTimesUnknown', 'AzureAdPrt YES, but its update and expiry times are not shown or unreadable', 1, S]]);
    expect(of({ Status: status('Unknown', { AzureAdPrt: null }) })).toEqual([]);
    expect(of({ Status: status('NotApplicable', { AzureAdPrt: false }) })).toEqual([]);
  });

  it('each finding of dsregcmd is a symptom; a failed KeySignTest and the join codes are details', () => {
    const join = {
      KeySignTest: 'FAILED',
      Codes: [
        { Code: '0x801c001d', Where: 'Client ErrorCode', Known: true, Name: 'DSREG_E_DIRECTORY_FAILURE', Summary: null, Fix: null },
        { Code: '0x80070002', Where: 'AD Configuration Test', Known: false, Name: null, Summary: null, Fix: null },
      ],
    };
    const signals = of({ Status: status('NotApplicable', { AzureAdPrt: false, Findings: [{ Id: 'JoinFailed' }], JoinDiagnostics: join } as unknown as Partial<PrtStatus>) });
    expect(signals).toEqual([
      ['status:JoinFailed', 'dsregcmd: JoinFailed', 1, S],
      ['dsreg:KeySignTestFailed', 'dsregcmd KeySignTest FAILED', 1, D],
      ...codeKeys('0x801c001d').map((key) => [key, 'dsregcmd Client ErrorCode 0x801c001d DSREG_E_DIRECTORY_FAILURE', 1, D]),
      ...codeKeys('0x80070002').map((key) => [key, 'dsregcmd AD Configuration Test 0x80070002', 1, D]),
    ]);
    const passed = of({ Status: status('Healthy', { JoinDiagnostics: { KeySignTest: 'PASSED', Codes: [] } } as unknown as Partial<PrtStatus>) });
    expect(passed.map(([key]) => key)).toEqual(['prt:Healthy']);
  });
});

describe('the signals of an attempt', () => {
  it('the status is the attempt\'s link, the deeper codes details; the server\'s answer says the request got through', () => {
    const wrongPassword = attempt(['0xc000006d', 'AADSTS50126'], {
      HttpStatus: 400,
      Url: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token',
      ServerError: { Code: 'AADSTS50126', Error: 'invalid_grant', Description: 'AADSTS50126: …', CorrelationId: null, Source: 'AzureAD' },
    });
    expect(of({ Diagnosis: diagnosis([wrongPassword]) })).toEqual([
      ['code:NTSTATUS:0xc000006d', 'event 1007: 0xc000006d STATUS_LOGON_FAILURE', 1, A],
      ['family:NTSTATUS', 'event 1007: 0xc000006d STATUS_LOGON_FAILURE', 1, A],
      ['code:AADSTS:50126', 'event 1081: AADSTS50126 InvalidUserNameOrPassword', 1, D],
      ['family:AADSTS', 'event 1081: AADSTS50126 InvalidUserNameOrPassword', 1, D],
      ['http:400', 'HTTP 400 from login.microsoftonline.com', 1, D],
      ['server:AzureAD', 'Entra ID answered (AADSTS50126)', 1, D],
      ['server:answered', 'Entra ID answered the attempt with AADSTS50126: the request got through the network', 1, D],
      ['attempt:Failed', '1 failed PRT attempt(s)', 1, A],
    ]);
  });

  it('names a code without a name (or named by itself) once, and a server by its source, its code or else its error', () => {
    const nameless = attempt(['0x1234abcd']);
    expect(of({ Diagnosis: diagnosis([nameless]) })[0]).toEqual(['code:0x1234abcd', 'event 1007: 0x1234abcd', 1, A]);
    const selfNamed = { ...nameless, Explanation: [{ ...nameless.Explanation[0], Code: 'invalid_grant', Name: 'invalid_grant' }] } as DiagnosedAttempt;
    expect(of({ Diagnosis: diagnosis([selfNamed]) })[0]?.[1]).toBe('event 1007: invalid_grant');
    const server = (Source: string, Code: string | null, Error: string | null) =>
      of({ Diagnosis: diagnosis([attempt([], { ServerError: { Code, Error, Description: null, CorrelationId: null, Source } } as unknown as Partial<DiagnosedAttempt>)]) }).filter(([key]) => String(key).startsWith('server:'));
    expect(server('WsTrust', null, 'ID3242')).toEqual([
      ['server:WsTrust', 'the WS-Trust endpoint answered (ID3242)', 1, D],
      ['server:answered', 'the WS-Trust endpoint answered the attempt with ID3242: the request got through the network', 1, D],
    ]);
    expect(server('Adfs', 'MSIS9682', 'invalid_grant').map(([, text]) => text)).toEqual(['AD FS answered (MSIS9682)', 'AD FS answered the attempt with MSIS9682: the request got through the network']);
    expect(server('AzureAD', null, null)).toEqual([]);
  });

  it('adds the network error of the attempt once, with the host it went to; no HTTP status of 0', () => {
    const net = (WinHttpError: number, Url: string | null, codes: string[] = ['0xc000023c']) =>
      of({ Diagnosis: diagnosis([attempt(codes, { HttpStatus: 0, Url, NetworkSubError: { Code: String(WinHttpError), Hex: '', WinHttpError, Target: null } } as unknown as Partial<DiagnosedAttempt>)]) }).filter(([key]) => /^(winhttp|http):/.test(String(key)));
    expect(net(12029, 'https://login.microsoftonline.com/common/oauth2/token')).toEqual([['winhttp:12029', 'network error 12029 to login.microsoftonline.com', 1, D]]);
    expect(net(12002, null)).toEqual([['winhttp:12002', 'network error 12002', 1, D]]);
    // A URL that does not parse is named as it was written.
    expect(net(12007, 'login.microsoftonline.com/common')).toEqual([['winhttp:12007', 'network error 12007 to login.microsoftonline.com/common', 1, D]]);
    // Already keyed by the chain (the 1084's code decoded): not twice.
    expect(net(12029, null, ['0xc000023c', '12029'])).toEqual([['winhttp:12029', 'event 1081: 12029 ERROR_WINHTTP_CANNOT_CONNECT', 1, D]]);
    const http = (HttpStatus: number | null, Url: string | null) => of({ Diagnosis: diagnosis([attempt([], { HttpStatus, Url })]) }).filter(([key]) => String(key).startsWith('http:'));
    expect(http(null, null)).toEqual([]);
    expect(http(503, null)).toEqual([['http:503', 'HTTP 503', 1, D]]);
  });
});

describe('which attempts count, and how much', () => {
  it('weighs the newest failure fully, up to five older ones by half, and no more', () => {
    const failures = Array.from({ length: 8 }, (_, i) => attempt([`0x1234ab${String(i).padStart(2, '0')}`], { End: `2026-11-20T0${i}:00:00Z` }));
    const signals = collectSignals(input({ Diagnosis: diagnosis([...failures].reverse().slice(3).concat(failures.slice(5).reverse()).reverse()) }));
    const weights = signals.filter((s) => s.Key.startsWith('code:')).map((s) => [s.Key, s.Weight]);
    expect(weights).toEqual([
      ['code:0x1234ab07', 1],
      ['code:0x1234ab06', 0.5],
      ['code:0x1234ab05', 0.5],
      ['code:0x1234ab04', 0.5],
      ['code:0x1234ab03', 0.5],
      ['code:0x1234ab02', 0.5],
    ]);
  });

  it('orders attempts by their end, else their start, else their last event', () => {
    const byStart = attempt(['0x1234ab01'], { End: null, Start: '2026-11-20T05:00:00Z' });
    const byLastEvent = attempt(['0x1234ab02'], { End: null, LastEventTime: '2026-11-20T06:00:00Z' });
    const byEnd = attempt(['0x1234ab03'], { End: '2026-11-20T04:00:00Z' });
    const undated = attempt(['0x1234ab04'], { End: null });
    const keys = collectSignals(input({ Diagnosis: diagnosis([undated, byEnd, byStart, byLastEvent]) })).filter((s) => s.Weight === 1 && s.Key.startsWith('code:'));
    expect(keys.map((s) => s.Key)).toEqual(['code:0x1234ab02']);
  });

  it('says when the newest attempt succeeded, with its end when known; counts the failures as the diagnosis does', () => {
    const failure = attempt(['0xc000006d'], { End: '2026-11-20T08:00:00Z' });
    const signals = of({ Diagnosis: diagnosis([failure, succeeded('2026-11-20T09:00:00Z')], { Failed: 7 }) });
    expect(signals.filter(([key]) => String(key).startsWith('attempt:'))).toEqual([
      ['attempt:NewestSucceeded', 'the newest PRT attempt succeeded (2026-11-20T09:00:00Z)', 1, A],
      ['attempt:Failed', '7 failed PRT attempt(s)', 1, A],
    ]);
    const undated = of({ Diagnosis: diagnosis([{ ...succeeded(null), Start: '2026-11-20T10:00:00Z' } as DiagnosedAttempt]) });
    expect(undated).toEqual([['attempt:NewestSucceeded', 'the newest PRT attempt succeeded', 1, A]]);
    const olderSuccess = of({ Diagnosis: diagnosis([failure, succeeded('2026-11-20T07:00:00Z')]) });
    expect(olderSuccess.map(([key]) => key)).not.toContain('attempt:NewestSucceeded');
  });

  it('takes the codes of text records and of errors outside any attempt, at half weight, only when no attempt failed', () => {
    const records = { TextRecords: [{ EventId: 1098, Codes: ['0x1234abcd'] }], OutsideErrors: [{ EventId: 1097, Count: 12, Codes: ['0x1234abce'] }] } as unknown as Partial<Diagnosis>;
    expect(of({ Diagnosis: diagnosis([], records) })).toEqual([
      ['code:0x1234abcd', 'event 1098 (text): 0x1234abcd', 0.5, D],
      ['family:HRESULT', 'event 1098 (text): 0x1234abcd', 0.5, D],
      ['code:0x1234abce', 'event 1097 outside any attempt (×12): 0x1234abce', 0.5, D],
      ['family:HRESULT', 'event 1097 outside any attempt (×12): 0x1234abce', 0.5, D],
    ]);
    const withFailure = of({ Diagnosis: diagnosis([attempt(['0xc000006d'])], records) });
    expect(withFailure.map(([, text]) => text).join(' ')).not.toMatch(/\(text\)|outside any attempt/);
  });
});

describe('the signals of the probe and the device checks', () => {
  it('names the context, weighs warnings by half, skips notes, and confirms a finding that explains the failing code', () => {
    const failing = attempt(['0xc000023c', '12029']);
    const findings = probe(
      finding('DnsFailed', { RelatedCodes: ['0x80072ee7', '0x80072efd'] }),
      finding('ProxyAuthRequired', { Context: 'User', Severity: 'Warning', RelatedCodes: ['0x80070005'] }),
      finding('ContextsDiffer', { Context: null, Severity: 'Info' }),
      finding('ClockSkew', { Context: null, Severity: 'Warning' }),
    );
    const signals = collectSignals(input({ Diagnosis: diagnosis([failing]), Probe: findings })).filter((s) => s.Layer === SignalLayer.Probe).map(line);
    expect(signals).toEqual([
      ['probe:DnsFailed', 'probe as SYSTEM: DnsFailed measured', 1, SignalLayer.Probe],
      ['probe-confirms:DnsFailed', 'probe as SYSTEM: DnsFailed explains 0x80072efd of the failing attempt', 1, SignalLayer.Probe],
      ['probe:ProxyAuthRequired', 'probe as the user: ProxyAuthRequired measured', 0.5, SignalLayer.Probe],
      ['probe:ClockSkew', 'probe: ClockSkew measured', 0.5, SignalLayer.Probe],
    ]);
  });

  it('a probe finding confirms nothing that only dsregcmd\'s symptoms or another probe finding carry', () => {
    const findings = probe(finding('DnsFailed', { RelatedCodes: ['0x80072ee7'] }), finding('ConnectFailed', { RelatedCodes: ['0x80072ee7'] }));
    const keys = collectSignals(input({ Status: status('Missing'), Probe: findings })).map((s) => s.Key);
    expect(keys).toEqual(['prt:Missing', 'probe:DnsFailed', 'probe:ConnectFailed']);
  });

  it('a failed device check weighs 1, a warning half, a pass or an unknown nothing', () => {
    const signals = of({ Device: device(check('DeviceCertExpired', 'Fail'), check('ClockSkew', 'Warn'), check('TpmReady', 'Pass'), check('ScpPresent', 'Unknown')) });
    expect(signals).toEqual([
      ['device:DeviceCertExpired', 'device check DeviceCertExpired: DeviceCertExpired summary', 1, SignalLayer.Device],
      ['device:ClockSkew', 'device check ClockSkew: ClockSkew summary', 0.5, SignalLayer.Device],
    ]);
  });
});
