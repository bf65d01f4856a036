import { describe, expect, it } from 'vitest';
import type { DeviceCheck, DeviceReport } from '../../../src/device/types.js';
import type { DiagnosedAttempt, Diagnosis } from '../../../src/diagnose/attempt-types.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { missingEvidence, notEnoughEvidenceId, noFaultId, rankCauses } from '../../../src/doctor/rank.js';
import { codeKeys, collectSignals } from '../../../src/doctor/signals.js';
import type { DoctorInput, Signal } from '../../../src/doctor/types.js';
import type { ProbeFinding, ProbeReport } from '../../../src/probe/types.js';

// What the doctor says, word for word, at the edges of its rules (the signals it reads, the
// healthy verdict, "not enough evidence", what it asks for). Stryker survivors of src/doctor.

const status = (over: Partial<PrtStatus>): PrtStatus =>
  ({
    Health: 'Healthy', AzureAdPrt: true, PrtAgeHours: 1, AzureAdPrtUpdateTime: '2026-11-20T08:00:00Z', AzureAdPrtExpiryTime: '2026-12-04T08:00:00Z',
    Findings: [], JoinDiagnostics: null, ClockSource: 'Now', Source: { Kind: 'Live' }, ...over,
  }) as unknown as PrtStatus;

const link = (Code: string, Name: string | null, FoundIn = 'event 1007') => ({ Code, Name, FoundIn, Family: 'NTSTATUS', Known: true, Summary: '', Solutions: [], DocUrl: null });

const attempt = (over: Partial<DiagnosedAttempt> & { links?: ReturnType<typeof link>[] }): DiagnosedAttempt =>
  ({
    Succeeded: false, Finished: true, End: '2026-11-20T09:00:00Z', Start: null, LastEventTime: null, HttpStatus: null, ServerError: null,
    NetworkSubError: null, Url: null, MissingMessages: [], Explanation: over.links ?? [], ...over,
  }) as unknown as DiagnosedAttempt;

const diagnosis = (attempts: DiagnosedAttempt[], over: Partial<Diagnosis> = {}): Diagnosis =>
  ({ Attempts: attempts, Failed: attempts.filter((a) => !a.Succeeded).length, TextRecords: [], OutsideErrors: [], ...over }) as unknown as Diagnosis;

const probe = (...findings: Partial<ProbeFinding>[]): ProbeReport =>
  ({ SchemaVersion: 1, Findings: findings.map((f) => ({ Id: 'ProxyAuthRequired', Severity: 'Error', Context: 'System', Message: 'proxy asked for credentials', RelatedCodes: [], ...f })) }) as unknown as ProbeReport;

const device = (...checks: [string, DeviceCheck['Result']][]): DeviceReport =>
  ({ Checks: checks.map(([Id, Result]) => ({ Id, Area: 'Certificate', Result, Summary: `${Id} summary`, Evidence: {}, NextStep: null, Reason: null })) }) as unknown as DeviceReport;

const input = (over: Partial<DoctorInput>): DoctorInput => ({ Status: null, Diagnosis: null, EventsRead: false, Probe: null, Device: null, ...over });

const keyed = (signals: Signal[]) => signals.map((s) => [s.Key, s.Text, s.Weight, s.Layer]);

describe('the signals of a dsregcmd status', () => {
  it('names each health as its symptom', () => {
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Missing', AzureAdPrt: false }) })))).toEqual([['prt:Missing', 'AzureAdPrt NO', 1, 0]]);
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Missing', AzureAdPrt: null }) })))).toEqual([['prt:Missing', 'AzureAdPrt not shown', 1, 0]]);
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Stale', PrtAgeHours: 9 }) })))).toEqual([['prt:Stale', 'AzureAdPrt renewed 9 h ago (more than 4 h)', 1, 0]]);
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Expired' }) })))).toEqual([['prt:Expired', 'AzureAdPrt expired at 2026-12-04T08:00:00Z', 1, 0]]);
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Healthy', PrtAgeHours: 2 }) })))).toEqual([['prt:Healthy', 'AzureAdPrt YES, renewed 2 h ago', 1, 0]]);
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Unknown', AzureAdPrt: true }) })))).toEqual([
      ['prt:PresentTimesUnknown', 'AzureAdPrt YES, but its update and expiry times are not shown or unreadable', 1, 0],
    ]);
    expect(collectSignals(input({ Status: status({ Health: 'Unknown', AzureAdPrt: null }) }))).toEqual([]);
  });

  it('an undated saved capture is of unknown age, not stale or expired; a live or dated one is judged', () => {
    const undated = { ClockSource: 'SystemClock', Source: { Kind: 'File' } } as Partial<PrtStatus>;
    expect(keyed(collectSignals(input({ Status: status({ Health: 'Stale', ...undated }) })))).toEqual([
      ['prt:AgeUnknown', 'AzureAdPrt YES, renewed 2026-11-20T08:00:00Z, in a capture that does not say when it was taken (no Client Time): its age cannot be judged', 1, 0],
    ]);
    expect(collectSignals(input({ Status: status({ Health: 'Expired', ...undated }) }))[0]?.Text).toBe(
      'AzureAdPrt YES, expiring 2026-12-04T08:00:00Z, in a capture that does not say when it was taken (no Client Time): its age cannot be judged',
    );
    for (const judged of [{ ClockSource: 'SystemClock', Source: { Kind: 'Live' } }, { ClockSource: 'SystemClock', Source: { Kind: 'Simulated' } }, { ClockSource: 'CaptureClientTime', Source: { Kind: 'File' } }] as Partial<PrtStatus>[]) {
      expect(collectSignals(input({ Status: status({ Health: 'Stale', ...judged }) }))[0]?.Key).toBe('prt:Stale');
    }
  });

  it('findings, a failed key-sign test and the join codes are signals; a passed test is not', () => {
    const withJoin = status({
      Health: 'Unknown', AzureAdPrt: null, Findings: [{ Id: 'JoinFailed' }] as PrtStatus['Findings'],
      JoinDiagnostics: { KeySignTest: 'FAILED [0x80090016]', Codes: [{ Code: '0x80090016', Where: 'Client ErrorCode', Name: 'NTE_BAD_KEYSET' }] } as unknown as PrtStatus['JoinDiagnostics'],
    });
    expect(keyed(collectSignals(input({ Status: withJoin })))).toEqual([
      ['status:JoinFailed', 'dsregcmd: JoinFailed', 1, 0],
      ['dsreg:KeySignTestFailed', 'dsregcmd KeySignTest FAILED [0x80090016]', 1, 2],
      ['code:HRESULT:0x80090016', 'dsregcmd Client ErrorCode 0x80090016 NTE_BAD_KEYSET', 1, 2],
      ['family:HRESULT', 'dsregcmd Client ErrorCode 0x80090016 NTE_BAD_KEYSET', 1, 2],
    ]);
    const passed = status({ Health: 'Unknown', AzureAdPrt: null, JoinDiagnostics: { KeySignTest: 'PASSED', Codes: [] } as unknown as PrtStatus['JoinDiagnostics'] });
    expect(collectSignals(input({ Status: passed }))).toEqual([]);
  });
});

describe('the signals of attempts', () => {
  it('the first link is the attempt\'s status, the others details; a name equal to the code is not repeated', () => {
    const failed = attempt({ links: [link('0xc000023c', 'STATUS_NETWORK_UNREACHABLE'), link('12029', '12029', 'event 1084')] });
    const signals = collectSignals(input({ Diagnosis: diagnosis([failed]) }));
    expect(signals.filter((s) => s.Key.startsWith('code:')).map((s) => [s.Text, s.Layer])).toEqual([
      ['event 1007: 0xc000023c STATUS_NETWORK_UNREACHABLE', 1],
      ['event 1084: 12029', 2],
    ]);
    expect(signals.find((s) => s.Key === 'attempt:Failed')?.Text).toBe('1 failed PRT attempt(s)');
  });

  it('the network sub-error, the HTTP status and the server\'s answer, with the host', () => {
    const failed = attempt({
      NetworkSubError: { WinHttpError: 12002 } as DiagnosedAttempt['NetworkSubError'], HttpStatus: 400, Url: 'https://login.microsoftonline.com/common/oauth2/token',
      ServerError: { Code: 'AADSTS50126', Error: 'invalid_grant', Source: 'AzureAD' } as DiagnosedAttempt['ServerError'],
    });
    expect(keyed(collectSignals(input({ Diagnosis: diagnosis([failed]) })))).toEqual([
      ['winhttp:12002', 'network error 12002 to login.microsoftonline.com', 1, 2],
      ['http:400', 'HTTP 400 from login.microsoftonline.com', 1, 2],
      ['server:AzureAD', 'Entra ID answered (AADSTS50126)', 1, 2],
      ['server:answered', 'Entra ID answered the attempt with AADSTS50126: the request got through the network', 1, 2],
      ['attempt:Failed', '1 failed PRT attempt(s)', 1, 1],
    ]);
  });

  it('without a URL, with an unreadable one, and for the other servers', () => {
    const wsTrust = attempt({ HttpStatus: 500, Url: 'not a url', ServerError: { Code: null, Error: 'wst:FailedAuthentication', Source: 'WsTrust' } as unknown as DiagnosedAttempt['ServerError'] });
    const adfs = attempt({ End: '2026-11-20T08:00:00Z', NetworkSubError: { WinHttpError: 12029 } as DiagnosedAttempt['NetworkSubError'], ServerError: { Code: 'MSIS7068', Error: null, Source: 'Adfs' } as unknown as DiagnosedAttempt['ServerError'] });
    const texts = collectSignals(input({ Diagnosis: diagnosis([wsTrust, adfs]) })).map((s) => s.Text);
    expect(texts).toEqual([
      'HTTP 500 from not a url',
      'the WS-Trust endpoint answered (wst:FailedAuthentication)',
      'the WS-Trust endpoint answered the attempt with wst:FailedAuthentication: the request got through the network',
      'network error 12029',
      'AD FS answered (MSIS7068)',
      'AD FS answered the attempt with MSIS7068: the request got through the network',
      '2 failed PRT attempt(s)',
    ]);
  });

  it('no HTTP signal for status 0, no server signal without a code or error, no second winhttp key for the same number', () => {
    const failed = attempt({
      links: [link('0x80072efd', null, 'event 1084')], NetworkSubError: { WinHttpError: 12029 } as DiagnosedAttempt['NetworkSubError'], HttpStatus: 0,
      ServerError: { Code: null, Error: null, Source: 'AzureAD' } as unknown as DiagnosedAttempt['ServerError'],
    });
    expect(collectSignals(input({ Diagnosis: diagnosis([failed]) })).map((s) => s.Key)).toEqual(['code:HRESULT:0x80072efd', 'family:HRESULT', 'winhttp:12029', 'attempt:Failed']);
  });

  it('the newest failure weighs 1 and at most five older ones 0.5, newest first by end, start or last event', () => {
    const at = (hour: number, field: 'End' | 'Start' | 'LastEventTime') => attempt({ End: null, [field]: `2026-11-20T${String(hour).padStart(2, '0')}:00:00Z`, HttpStatus: 400 + hour });
    const attempts = [at(1, 'End'), at(9, 'Start'), at(3, 'LastEventTime'), at(4, 'End'), at(5, 'End'), at(6, 'End'), at(7, 'End'), at(8, 'End')];
    const http = collectSignals(input({ Diagnosis: diagnosis(attempts) })).filter((s) => s.Key.startsWith('http:')).map((s) => [s.Key, s.Weight]);
    expect(http).toEqual([['http:409', 1], ['http:408', 0.5], ['http:407', 0.5], ['http:406', 0.5], ['http:405', 0.5], ['http:404', 0.5]]);
  });

  it('the count of failed attempts is the diagnosis\' own (it may hold more than it shows)', () => {
    expect(collectSignals(input({ Diagnosis: diagnosis([attempt({})], { Failed: 7 }) })).find((s) => s.Key === 'attempt:Failed')?.Text).toBe('7 failed PRT attempt(s)');
  });

  it('a newest attempt that succeeded is said, with its end when known', () => {
    const ok = attempt({ Succeeded: true, End: '2026-11-20T10:00:00Z' });
    expect(keyed(collectSignals(input({ Diagnosis: diagnosis([ok, attempt({})]) }))).filter(([key]) => String(key).startsWith('attempt:'))).toEqual([
      ['attempt:NewestSucceeded', 'the newest PRT attempt succeeded (2026-11-20T10:00:00Z)', 1, 1],
      ['attempt:Failed', '1 failed PRT attempt(s)', 1, 1],
    ]);
    const undated = attempt({ Succeeded: true, End: null });
    expect(collectSignals(input({ Diagnosis: diagnosis([undated]) })).map((s) => s.Text)).toEqual(['the newest PRT attempt succeeded']);
    expect(collectSignals(input({ Diagnosis: diagnosis([attempt({ End: '2026-11-20T11:00:00Z' }), ok]) })).some((s) => s.Key === 'attempt:NewestSucceeded')).toBe(false);
  });

  it('codes of text records and of errors outside attempts count, at half weight, only when no attempt failed', () => {
    const loose = { TextRecords: [{ EventId: 1098, Codes: ['0xcaa5001c'] }], OutsideErrors: [{ EventId: 1104, Count: 3, Codes: ['0xc000023c'] }] } as unknown as Partial<Diagnosis>;
    expect(collectSignals(input({ Diagnosis: diagnosis([], loose) })).map((s) => [s.Key, s.Text, s.Weight])).toEqual([
      ['code:Web account/ADAL:0xcaa5001c', 'event 1098 (text): 0xcaa5001c', 0.5],
      ['family:Web account/ADAL', 'event 1098 (text): 0xcaa5001c', 0.5],
      ['code:NTSTATUS:0xc000023c', 'event 1104 outside any attempt (×3): 0xc000023c', 0.5],
      ['family:NTSTATUS', 'event 1104 outside any attempt (×3): 0xc000023c', 0.5],
    ]);
    expect(collectSignals(input({ Diagnosis: diagnosis([attempt({})], loose) })).map((s) => s.Key)).toEqual(['attempt:Failed']);
  });
});

describe('the signals of the probe and the device checks', () => {
  it('a probe finding as SYSTEM, as the user or neither; a warning weighs half, a note nothing', () => {
    const report = probe({ Context: 'System' }, { Id: 'DnsFailed', Context: 'User', Severity: 'Warning', Message: 'no name' }, { Id: 'TlsInspected', Context: null, Severity: 'Info' }, { Id: 'Slow', Context: null });
    expect(keyed(collectSignals(input({ Probe: report })))).toEqual([
      ['probe:ProxyAuthRequired', 'probe as SYSTEM: proxy asked for credentials', 1, 3],
      ['probe:DnsFailed', 'probe as the user: no name', 0.5, 3],
      ['probe:Slow', 'probe: proxy asked for credentials', 1, 3],
    ]);
  });

  it('a finding that explains a code of the failing attempt confirms it; an unrelated code does not', () => {
    const failed = attempt({ links: [link('0xc000023c', 'STATUS_NETWORK_UNREACHABLE')] });
    const report = probe({ RelatedCodes: ['0x80072efd', '0xc000023c'] }, { Id: 'DnsFailed', RelatedCodes: ['0x80072ee7'] });
    const confirms = collectSignals(input({ Diagnosis: diagnosis([failed]), Probe: report })).filter((s) => s.Key.startsWith('probe-confirms:'));
    expect(keyed(confirms)).toEqual([['probe-confirms:ProxyAuthRequired', 'probe as SYSTEM: ProxyAuthRequired explains 0xc000023c of the failing attempt', 1, 3]]);
  });

  it('a failed check weighs 1, a warning half, a pass or an unknown nothing', () => {
    expect(keyed(collectSignals(input({ Device: device(['TpmLockedOut', 'Fail'], ['ClockSkew', 'Warn'], ['CertValid', 'Pass'], ['Scp', 'Unknown']) })))).toEqual([
      ['device:TpmLockedOut', 'device check TpmLockedOut: TpmLockedOut summary', 1, 4],
      ['device:ClockSkew', 'device check ClockSkew: ClockSkew summary', 0.5, 4],
    ]);
  });
});

describe('codeKeys', () => {
  it('the knowledge-base id and family, and the WinHTTP number of any spelling inside WinHTTP\'s range', () => {
    expect(codeKeys('12029')).toEqual(['code:WinHTTP:0x00002efd', 'family:WinHTTP', 'winhttp:12029']);
    expect(codeKeys('0x80072EFD')).toEqual(['code:HRESULT:0x80072efd', 'family:HRESULT', 'winhttp:12029']);
    expect(codeKeys('0x80072ee1')).toContain('winhttp:12001');
    expect(codeKeys('0x80072fa0')).toContain('winhttp:12192');
    expect(codeKeys('0x80072fa1').some((k) => k.startsWith('winhttp:'))).toBe(false);
    expect(codeKeys('0x80072ee0')).not.toContain('winhttp:12000');
    expect(codeKeys('0x80092ee2').some((k) => k.startsWith('winhttp:'))).toBe(false);
  });

  it('a code the decoder cannot read is keyed by its own spelling, in lower case', () => {
    expect(codeKeys('Not-A-Code')).toEqual(['code:not-a-code']);
  });
});

describe('the healthy verdict', () => {
  const healthy = status({ Health: 'Healthy', PrtAgeHours: 1 });

  it('with the logs read and nothing failing: NoFault, High, in its own words, asking for what was not read', () => {
    const [first] = rankCauses(input({ Status: healthy, EventsRead: true, Diagnosis: diagnosis([]) }));
    expect(first).toEqual({
      Id: noFaultId,
      Confidence: 'High',
      Summary: 'The PRT is present and fresh: nothing is failing now.',
      Evidence: ['AzureAdPrt YES, renewed 1 h ago', 'no failed PRT attempt in the AAD logs read'],
      Against: [
        'not read: the network path to Entra ID as SYSTEM and as the user (`prt probe`)',
        'not read: the device checks: certificate, TPM, SCP, join task, user, clock (`prt device`)',
      ],
      NextStep: 'Nothing to fix for the PRT. If the user still sees prompts, run `prt doctor` while it happens, in their session.',
    });
  });

  it('without the logs it is Medium, and each failing check lowers it and is named as a risk', () => {
    expect(rankCauses(input({ Status: healthy }))[0]).toMatchObject({ Id: noFaultId, Confidence: 'Medium', Evidence: ['AzureAdPrt YES, renewed 1 h ago'] });
    const risky = rankCauses(input({ Status: healthy, EventsRead: true, Diagnosis: diagnosis([]), Device: device(['TpmLockedOut', 'Fail']), Probe: probe({ Id: 'Slow', Context: null, Message: 'slow' }) }));
    const noFault = risky.find((c) => c.Id === noFaultId);
    expect(noFault?.Confidence).toBe('Medium');
    expect(noFault?.Against).toEqual(['probe: slow: a risk, though the PRT works now', 'device check TpmLockedOut: TpmLockedOut summary: a risk, though the PRT works now']);
  });

  it('a failure in the logs after it takes the healthy verdict away, unless the newest attempt succeeded', () => {
    const failed = attempt({ End: '2026-11-20T09:00:00Z' });
    expect(rankCauses(input({ Status: healthy, EventsRead: true, Diagnosis: diagnosis([failed]) })).some((c) => c.Id === noFaultId)).toBe(false);
    const ok = attempt({ Succeeded: true, End: '2026-11-20T10:00:00Z' });
    const causes = rankCauses(input({ Status: healthy, EventsRead: true, Diagnosis: diagnosis([ok, failed]) }));
    expect(causes.find((c) => c.Id === noFaultId)?.Evidence).toEqual(['AzureAdPrt YES, renewed 1 h ago', 'the newest PRT attempt succeeded (2026-11-20T10:00:00Z)']);
  });
});

describe('not enough evidence', () => {
  it('with nothing read it says so, in its own words, and asks for everything in order', () => {
    expect(rankCauses(input({}))).toEqual([{
      Id: notEnoughEvidenceId,
      Confidence: 'Low',
      Summary: 'Nothing read names a cause: the doctor will not call the device healthy without seeing it.',
      Evidence: ['nothing that bears on the PRT was read'],
      Against: [],
      NextStep: 'Collect `dsregcmd /status` run in the affected user\'s session (`prt status`); the AAD Operational and Analytic logs around a failing sign-in or unlock (`prt trace` collects them); the network path to Entra ID as SYSTEM and as the user (`prt probe`); the device checks: certificate, TPM, SCP, join task, user, clock (`prt device`), then run `prt doctor` again.',
    }]);
  });

  it('with everything read and still no cause, it asks for a reproduction', () => {
    const causes = rankCauses(input({ Status: status({ Health: 'Unknown', AzureAdPrt: null }), EventsRead: true, Diagnosis: diagnosis([]), Probe: probe(), Device: device() }));
    expect(causes[0]?.NextStep).toBe('Reproduce the failure with `prt trace` (lock, unlock) so the logs hold a failing attempt, then run `prt doctor` on the bundle.');
  });

  it('a weak best guess is named, with its evidence', () => {
    // A service connection point that only warns scores below Medium.
    const [first, second] = rankCauses(input({ Device: device(['ScpMissing', 'Warn']) }));
    expect([first?.Id, second?.Id, second?.Confidence]).toEqual([notEnoughEvidenceId, 'ScpMisconfigured', 'Low']);
    expect(first?.Summary).toBe('The evidence read is too thin to name a cause with confidence (the best guess, ScpMisconfigured, rests on little).');
    expect(first?.Evidence).toEqual(['device check ScpMissing: ScpMissing summary']);
  });
});

describe('what the doctor asks for', () => {
  it('the capture time for an undated saved capture, and the messages a list of events did not show', () => {
    const undated = status({ Health: 'Stale', ClockSource: 'SystemClock', Source: { Kind: 'File' } as PrtStatus['Source'] });
    const listed = attempt({ MissingMessages: [{ EventId: 1007, Ask: true }, { EventId: 1084, Ask: true }, { EventId: 1160, Ask: false }] as unknown as DiagnosedAttempt['MissingMessages'] });
    const again = attempt({ MissingMessages: [{ EventId: 1007, Ask: true }] as unknown as DiagnosedAttempt['MissingMessages'] });
    expect(missingEvidence(input({ Status: undated, EventsRead: true, Diagnosis: diagnosis([listed, again]), Probe: probe(), Device: device() }))).toEqual([
      'when the capture was taken (`--now`, or the Diagnostic Data box with its Client Time)',
      'the full messages of events 1007, 1084 (Event Viewer: Copy details as text), which the list of events did not show',
    ]);
    expect(missingEvidence(input({ Status: status({}), EventsRead: true, Probe: probe(), Device: device() }))).toEqual([]);
  });
});

describe('how a rule weighs its evidence', () => {
  const wrongPassword = (End: string, server: string) => attempt({
    End, HttpStatus: 400, ServerError: { Code: server, Error: 'invalid_grant', Source: 'AzureAD' } as DiagnosedAttempt['ServerError'],
    links: [link('0xc000006d', 'STATUS_LOGON_FAILURE'), link(server, null, 'event 1081')],
  });
  const newer = '2026-11-20T09:00:00Z';
  const older = '2026-11-20T08:00:00Z';

  it('each line of a rule counts its strongest signal: the same code in an older attempt does not lower it', () => {
    const confidenceOf = (attempts: DiagnosedAttempt[]) => rankCauses(input({ EventsRead: true, Diagnosis: diagnosis(attempts) })).find((c) => c.Id === 'WrongPassword')?.Confidence;
    expect(confidenceOf([wrongPassword(newer, 'AADSTS50126')])).toBe('High');
    expect(confidenceOf([wrongPassword(newer, 'AADSTS50126'), wrongPassword(older, 'AADSTS50126')])).toBe('High');
    // Only an older attempt shows it (the newest failed without codes): half the weight.
    expect(confidenceOf([attempt({ End: newer }), wrongPassword(older, 'AADSTS50126')])).toBe('Medium');
  });

  it('a line against a cause quotes the strongest signal that argues against it', () => {
    const proxy = probe({ RelatedCodes: ['0xc000023c'], Message: '407' });
    const causes = rankCauses(input({ EventsRead: true, Diagnosis: diagnosis([wrongPassword(newer, 'AADSTS50126'), wrongPassword(older, 'AADSTS50034')]), Probe: proxy }));
    expect(causes.find((c) => c.Id === 'ProxyAuthentication')?.Against).toEqual([
      'a server answered the newest attempt with its own error, so the request got through the network (Entra ID answered the attempt with AADSTS50126: the request got through the network)',
    ]);
  });
});
