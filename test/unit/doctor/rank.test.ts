import { describe, expect, it } from 'vitest';
import { decodeCode, isExplainError } from '../../../src/codes/index.js';
import type { DeviceCheck } from '../../../src/device/types.js';
import type { DiagnosedAttempt, Diagnosis } from '../../../src/diagnose/attempt-types.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { causeRules } from '../../../src/doctor/rules.js';
import type { DoctorInput } from '../../../src/doctor/types.js';
import type { ProbeFinding, ProbeReport } from '../../../src/probe/types.js';
import { scrubText } from '../../../src/safety/scrub.js';

const status = (health: PrtStatus['Health'], findings: string[] = []): PrtStatus =>
  ({
    Health: health,
    AzureAdPrt: health === 'Missing' ? false : true,
    PrtAgeHours: health === 'Stale' ? 9 : 1,
    AzureAdPrtExpiryTime: null,
    Findings: findings.map((Id) => ({ Id, Severity: 'Error', Message: Id, NextStep: '' })),
    JoinDiagnostics: null,
  }) as unknown as PrtStatus;

/** A failed attempt with its chain of codes, as `prt error` reports it. */
function attempt(codes: string[], extra: Partial<DiagnosedAttempt> = {}): DiagnosedAttempt {
  const Explanation = codes.map((code, index) => {
    const result = decodeCode(code);
    return { Code: code, Name: isExplainError(result) ? null : result.Name, FoundIn: index === 0 ? 'event 1007' : 'event 1081', Family: 'NTSTATUS', Known: true, Summary: '', Solutions: [], DocUrl: null };
  });
  return { Succeeded: false, Finished: true, End: '2026-11-20T09:00:00Z', Start: null, LastEventTime: null, Explanation, HttpStatus: null, ServerError: null, NetworkSubError: null, Url: null, ...extra } as unknown as DiagnosedAttempt;
}

const diagnosis = (...attempts: DiagnosedAttempt[]): Diagnosis => ({ Attempts: attempts, Failed: attempts.filter((a) => !a.Succeeded).length, TextRecords: [] }) as unknown as Diagnosis;

const finding = (Id: ProbeFinding['Id'], RelatedCodes: string[] = [], Severity: ProbeFinding['Severity'] = 'Error'): ProbeFinding => ({
  Id, Severity, Context: 'System', Target: 'login.microsoftonline.com', Message: `${Id} measured`, NextStep: '', RelatedCodes,
});

const probe = (...findings: ProbeFinding[]): ProbeReport => ({ SchemaVersion: 1, ObservedAt: '2026-11-20T09:00:00Z', Cloud: 'Public', TenantId: null, UserPrincipalName: null, Runs: [], Findings: findings });

const check = (Id: string, Result: DeviceCheck['Result']): DeviceCheck => ({ Id, Area: 'Certificate', Result, Summary: Id, Evidence: {}, NextStep: null, Reason: null });

const input = (partial: Partial<DoctorInput>): DoctorInput => ({ Status: null, Diagnosis: null, EventsRead: true, Probe: null, Device: null, ...partial });

const wrongPassword = attempt(['0xc000006d', 'AADSTS50126'], { HttpStatus: 400, ServerError: { Code: 'AADSTS50126', Error: 'invalid_grant', Description: 'AADSTS50126: …', CorrelationId: null, Source: 'AzureAD' } });
const unreachable = attempt(['0xc000023c', '12029'], { NetworkSubError: { Code: '12029', Hex: '0x00002efd', WinHttpError: 12029, Target: null }, Url: 'https://login.microsoftonline.com/common/oauth2/token' });

describe('the cause table', () => {
  it('names every cause once', () => {
    const ids = causeRules.map((rule) => rule.Id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('words every summary and next step so the secret scrubber leaves it whole (no "password: …" that reads as a credential)', () => {
    for (const rule of causeRules) for (const text of [rule.Summary, rule.NextStep, ...rule.Against.map((line) => line.Why)]) expect(scrubText(text), rule.Id).toBe(text);
  });

  it('matches only codes the knowledge base knows (no rule waits for a key that is never made)', () => {
    for (const rule of causeRules) {
      for (const line of rule.Raise) {
        if (typeof line.Key !== 'string' || !line.Key.startsWith('code:')) continue;
        const [, family, value] = line.Key.split(':');
        const decoded = decodeCode(family === 'AADSTS' ? `AADSTS${value}` : (value ?? ''));
        expect(isExplainError(decoded) ? null : decoded.Id, `${rule.Id} ${line.Key}`).toBe(`${family}:${value}`);
      }
    }
  });
});

describe('conflicting evidence: which cause wins, and why', () => {
  const table: { name: string; given: Partial<DoctorInput>; first: string; second?: string; againstOf?: [string, RegExp] }[] = [
    {
      name: 'a wrong password (1081 AADSTS50126) beats a proxy 407 seen by the probe: Entra ID answered, so the request got through',
      given: { Status: status('Missing'), Diagnosis: diagnosis(wrongPassword), Probe: probe(finding('ProxyAuthRequired', ['0xc000023c'])) },
      first: 'WrongPassword',
      againstOf: ['ProxyAuthentication', /request got through/],
    },
    {
      name: 'a proxy 407 beats a plain network failure when the attempt failed with 0xc000023c: the probe says why it could not connect',
      given: { Status: status('Stale'), Diagnosis: diagnosis(unreachable), Probe: probe(finding('ProxyAuthRequired', ['0xc000023c'])) },
      first: 'ProxyAuthentication',
      second: 'NetworkUnreachable',
    },
    {
      name: 'a network failure of the newest attempt beats an expired certificate: the request never reached Entra ID to be judged',
      given: { Status: status('Stale'), Diagnosis: diagnosis(unreachable), Device: { SchemaVersion: 1, ObservedAt: '', Checks: [check('DeviceCertExpired', 'Warn')] } },
      first: 'NetworkUnreachable',
      second: 'DeviceCertificate',
    },
    {
      name: 'an expired device certificate beats a generic logon failure: 0xc000006d with AADSTS50155 is device authentication',
      given: { Status: status('Missing'), Diagnosis: diagnosis(attempt(['0xc000006d', 'AADSTS50155'], { ServerError: { Code: 'AADSTS50155', Error: 'invalid_grant', Description: null, CorrelationId: null, Source: 'AzureAD' } })), Device: { SchemaVersion: 1, ObservedAt: '', Checks: [check('DeviceCertExpired', 'Fail')] } },
      first: 'DeviceCertificate',
    },
    {
      name: 'a TPM in lockout beats a wrong password of an older attempt: the newest attempt failed in the TPM',
      given: {
        Status: status('Stale'),
        Diagnosis: diagnosis(attempt(['0x80280921']), { ...wrongPassword, End: '2026-11-19T09:00:00Z' } as DiagnosedAttempt),
        Device: { SchemaVersion: 1, ObservedAt: '', Checks: [check('TpmLockedOut', 'Fail')] },
      },
      first: 'TpmFailure',
    },
    {
      name: 'TPM errors in the System log turn an unexplained failure into a TPM one: the refresh failed with a code no rule names, and the TPM logged lockout codes',
      given: {
        Status: status('Stale'),
        Diagnosis: diagnosis(attempt(['0x80070005'])),
        Device: { SchemaVersion: 1, ObservedAt: '', Checks: [check('TpmErrorsLogged', 'Fail')] },
      },
      first: 'TpmFailure',
    },
    {
      name: 'a disabled join task beats the missing userCertificate it explains: the task never ran, so it never wrote the certificate',
      given: {
        Status: status('Missing', ['DomainJoinedOnly']),
        Device: { SchemaVersion: 1, ObservedAt: '', Checks: [check('JoinTaskDisabled', 'Fail'), check('ComputerCertificateMissing', 'Fail')] },
      },
      first: 'JoinTaskDisabled',
      second: 'HybridCertificateMissing',
    },
    {
      name: 'with the join task fine, a missing userCertificate on a domain-only device is the cause: Entra Connect has nothing to sync',
      given: {
        Status: status('Missing', ['DomainJoinedOnly']),
        Device: { SchemaVersion: 1, ObservedAt: '', Checks: [check('JoinTaskDisabled', 'Pass'), check('ComputerCertificateMissing', 'Fail')] },
      },
      first: 'HybridCertificateMissing',
    },
    {
      name: 'a healthy PRT with a successful newest attempt is NoFault even with an older failure',
      given: { Status: status('Healthy'), Diagnosis: diagnosis({ ...wrongPassword, End: '2026-11-19T09:00:00Z' } as DiagnosedAttempt, { ...attempt([]), Succeeded: true, End: '2026-11-20T10:00:00Z' } as DiagnosedAttempt) },
      first: 'NoFault',
    },
    {
      name: 'a missing PRT and nothing else read is not enough evidence (and never healthy)',
      given: { Status: status('Missing'), EventsRead: false },
      first: 'NotEnoughEvidence',
    },
    {
      name: 'nothing read at all is not enough evidence',
      given: { EventsRead: false },
      first: 'NotEnoughEvidence',
    },
  ];

  for (const { name, given, first, second, againstOf } of table) {
    it(name, () => {
      const causes = rankCauses(input(given));
      expect(causes[0]?.Id, JSON.stringify(causes.map((c) => [c.Id, c.Confidence]))).toBe(first);
      if (second) expect(causes[1]?.Id).toBe(second);
      if (againstOf) expect(causes.find((c) => c.Id === againstOf[0])?.Against.join(' ')).toMatch(againstOf[1]);
    });
  }
});

describe('the TPM errors of the System log', () => {
  it('raise TpmFailure only through the TpmErrorsLogged check, with its summary in the evidence chain', () => {
    const given = { Status: status('Stale'), Diagnosis: diagnosis(attempt(['0x80070005'])) };
    expect(rankCauses(input(given)).some((cause) => cause.Id === 'TpmFailure')).toBe(false);
    const logged = { ...check('TpmErrorsLogged', 'Fail'), Summary: '2 TPM events in the System log of the last 7 days: 0x80280803 TPM_E_DEFEND_LOCK_RUNNING.' };
    const tpm = rankCauses(input({ ...given, Device: { SchemaVersion: 1, ObservedAt: '', Checks: [logged] } })).find((cause) => cause.Id === 'TpmFailure');
    expect(tpm?.Confidence).toBe('Medium');
    expect(tpm?.Evidence.join(' ')).toMatch(/TpmErrorsLogged: 2 TPM events .* 0x80280803 TPM_E_DEFEND_LOCK_RUNNING/);
  });
});

describe('errors of the logs outside any PRT attempt', () => {
  const outside = (codes: string[], count: number): Diagnosis =>
    ({ Attempts: [], Failed: 0, TextRecords: [], OutsideErrors: [{ EventId: 1098, Channel: 'Microsoft-Windows-AAD/Operational', Codes: codes, Count: count, First: null, Last: null, Message: null, Explained: [] }] }) as unknown as Diagnosis;

  it('are evidence when no attempt failed: token broker timeouts point at the network, weighed like an older attempt', () => {
    const causes = rankCauses(input({ Status: status('Stale'), Diagnosis: outside(['0x80072ee2'], 12) }));
    const network = causes.find((cause) => cause.Id === 'NetworkUnreachable');
    expect(network?.Evidence.join(' ')).toMatch(/event 1098 outside any attempt \(×12\): 0x80072ee2/);
    const order = ['Low', 'Medium', 'High'];
    const asAttempt = rankCauses(input({ Status: status('Stale'), Diagnosis: diagnosis(attempt(['0x80072ee2'])) })).find((cause) => cause.Id === 'NetworkUnreachable');
    expect(order.indexOf(asAttempt?.Confidence ?? 'Low')).toBeGreaterThan(order.indexOf(network?.Confidence ?? 'High'));
  });

  it('are left out when a PRT attempt failed: the attempt is the better evidence', () => {
    const both = { ...diagnosis(wrongPassword), OutsideErrors: outside(['0x80072ee2'], 12).OutsideErrors };
    const causes = rankCauses(input({ Status: status('Missing'), Diagnosis: both }));
    expect(causes.flatMap((cause) => cause.Evidence).join(' ')).not.toMatch(/outside any attempt/);
  });
});

describe('the verdict', () => {
  it('carries the evidence chain, symptom first: AzureAdPrt, the attempt status, the network error, the probe', () => {
    const [verdict] = rankCauses(input({ Status: status('Missing'), Diagnosis: diagnosis(unreachable), Probe: probe(finding('ProxyAuthRequired', ['0xc000023c'])) }));
    expect(verdict?.Evidence[0]).toBe('AzureAdPrt NO');
    expect(verdict?.Evidence.join(' ← ')).toMatch(/AzureAdPrt NO ← event 1007: 0xc000023c STATUS_NETWORK_UNREACHABLE ← .*12029.* ← probe as SYSTEM: ProxyAuthRequired/);
    expect(verdict?.Confidence).toBe('High');
  });

  it('says what to collect when the evidence is thin', () => {
    const [verdict] = rankCauses(input({ Status: status('Missing'), EventsRead: false }));
    expect(verdict?.NextStep).toMatch(/prt trace/);
    expect(verdict?.NextStep).toMatch(/prt probe/);
    expect(verdict?.NextStep).toMatch(/prt device/);
  });

  it('calls a healthy PRT NoFault with less confidence when the logs were not read', () => {
    const withLogs = rankCauses(input({ Status: status('Healthy'), Diagnosis: diagnosis() }))[0];
    const without = rankCauses(input({ Status: status('Healthy'), EventsRead: false }))[0];
    expect(withLogs?.Id).toBe('NoFault');
    expect(withLogs?.Confidence).toBe('High');
    expect(without?.Id).toBe('NoFault');
    expect(without?.Confidence).toBe('Medium');
    expect(without?.Against.join(' ')).toMatch(/not read: the AAD Operational and Analytic logs/);
  });

  it('counts a probe finding that explains the failing code more than one that does not', () => {
    const confirmed = rankCauses(input({ Diagnosis: diagnosis(unreachable), Probe: probe(finding('DnsFailed', ['0xc000023c'])) })).find((c) => c.Id === 'NetworkUnreachable');
    expect(confirmed?.Evidence.join(' ')).toMatch(/DnsFailed explains 0xc000023c/);
  });
});

describe('the verdict, word for word (survivors of the mutation run of rank.ts)', () => {
  const succeededAt = (End: string) => ({ ...attempt([]), Succeeded: true, End }) as DiagnosedAttempt;
  const device = (...checks: DeviceCheck[]) => ({ SchemaVersion: 1 as const, ObservedAt: '', Checks: checks });

  it('with nothing read: NotEnoughEvidence, Low, and every source to collect, in order', () => {
    expect(rankCauses(input({ EventsRead: false }))).toEqual([
      {
        Id: 'NotEnoughEvidence',
        Confidence: 'Low',
        Summary: 'Nothing read names a cause: the doctor will not call the device healthy without seeing it.',
        Evidence: ['nothing that bears on the PRT was read'],
        Against: [],
        NextStep:
          'Collect `dsregcmd /status` run in the affected user\'s session (`prt status`); the AAD Operational and Analytic logs around a failing sign-in or unlock (`prt trace` collects them); the network path to Entra ID as SYSTEM and as the user (`prt probe`); the device checks: certificate, TPM, SCP, join task, user, clock (`prt device`), then run `prt doctor` again.',
      },
    ]);
  });

  it('with everything read and no failure seen, asks to reproduce the failure; a missing PRT alone is named as evidence', () => {
    const [verdict] = rankCauses(input({ Status: status('Missing'), Diagnosis: diagnosis(), Probe: probe(), Device: device() }));
    expect(verdict).toEqual({
      Id: 'NotEnoughEvidence',
      Confidence: 'Low',
      Summary: 'Nothing read names a cause: the doctor will not call the device healthy without seeing it.',
      Evidence: ['AzureAdPrt NO'],
      Against: [],
      NextStep: 'Reproduce the failure with `prt trace` (lock, unlock) so the logs hold a failing attempt, then run `prt doctor` on the bundle.',
    });
  });

  it('a weak best guess comes after NotEnoughEvidence, which names it and lists the evidence read; the guess is Low', () => {
    const causes = rankCauses(input({ Status: status('Missing'), Diagnosis: diagnosis(), Probe: probe(), Device: device(check('PasswordChangedRecently', 'Warn')) }));
    expect(causes.map((c) => [c.Id, c.Confidence])).toEqual([
      ['NotEnoughEvidence', 'Low'],
      ['WrongPassword', 'Low'],
    ]);
    expect(causes[0]).toMatchObject({
      Summary: 'The evidence read is too thin to name a cause with confidence (the best guess, WrongPassword, rests on little).',
      Evidence: ['AzureAdPrt NO', 'device check PasswordChangedRecently: PasswordChangedRecently'],
      Against: [],
    });
    expect(causes[1]?.Evidence).toEqual(['AzureAdPrt NO', 'device check PasswordChangedRecently: PasswordChangedRecently']);
    expect(causes[1]?.Against).toEqual([]);
  });

  it('a healthy PRT with the newest attempt succeeded, the logs read, and a warning check: NoFault, Medium, with every risk and gap named', () => {
    const causes = rankCauses(input({ Status: status('Healthy'), Diagnosis: diagnosis(succeededAt('2026-11-20T09:00:00Z')), Device: device(check('ScpMissing', 'Warn')) }));
    const noFault = causes.find((c) => c.Id === 'NoFault');
    expect(noFault).toEqual({
      Id: 'NoFault',
      Confidence: 'Medium',
      Summary: 'The PRT is present and fresh: nothing is failing now.',
      Evidence: ['AzureAdPrt YES, renewed 1 h ago', 'the newest PRT attempt succeeded (2026-11-20T09:00:00Z)', 'no failed PRT attempt in the AAD logs read'],
      Against: ['device check ScpMissing: ScpMissing: a risk, though the PRT works now', 'not read: the network path to Entra ID as SYSTEM and as the user (`prt probe`)'],
      NextStep: 'Nothing to fix for the PRT. If the user still sees prompts, run `prt doctor` while it happens, in their session.',
    });
  });

  it('a healthy PRT whose newest attempt succeeded after an older failure is NoFault without "no failed attempt"; after a newer failure it is not', () => {
    const older = attempt(['0xc000006d'], { End: '2026-11-20T08:00:00Z' });
    const recovered = rankCauses(input({ Status: status('Healthy'), Diagnosis: diagnosis(older, succeededAt('2026-11-20T09:00:00Z')), Probe: probe(), Device: device() }));
    expect(recovered[0]?.Id).toBe('NoFault');
    expect(recovered[0]?.Evidence).toEqual(['AzureAdPrt YES, renewed 1 h ago', 'the newest PRT attempt succeeded (2026-11-20T09:00:00Z)']);
    const newer = attempt(['0xc000006d'], { End: '2026-11-20T10:00:00Z' });
    const failing = rankCauses(input({ Status: status('Healthy'), Diagnosis: diagnosis(newer, succeededAt('2026-11-20T09:00:00Z')), Probe: probe(), Device: device() }));
    expect(failing.map((c) => c.Id)).not.toContain('NoFault');
    // A healthy PRT line is no symptom: it is not put at the head of a failure's evidence.
    expect(failing.flatMap((c) => c.Evidence)).not.toContain('AzureAdPrt YES, renewed 1 h ago');
    // A probe finding that fails is a risk of NoFault, like a failing device check.
    const probed = rankCauses(input({ Status: status('Healthy'), Diagnosis: diagnosis(succeededAt('2026-11-20T09:00:00Z')), Probe: probe(finding('ClockSkew', [], 'Warning')), Device: device() }));
    expect(probed.find((c) => c.Id === 'NoFault')?.Against).toEqual(['probe as SYSTEM: ClockSkew measured: a risk, though the PRT works now']);
  });

  it('a cause raised by a finding of dsregcmd names that finding in its evidence', () => {
    const system = { ...status('Unknown'), AzureAdPrt: false, Findings: [{ Id: 'NoUserContext', Severity: 'Info', Message: '', NextStep: '' }] } as unknown as PrtStatus;
    const [first] = rankCauses(input({ Status: system, Diagnosis: diagnosis(), Probe: probe(), Device: device() }));
    expect(first?.Evidence).toContain('dsregcmd: NoUserContext');
  });

  it('lists what is missing: the capture time of an undated capture, and each source not read', () => {
    const undated = { ...status('Stale'), ClockSource: 'SystemClock', Source: { Kind: 'File', Path: 'x.txt', Encoding: 'utf-8' } } as unknown as PrtStatus;
    const [verdict] = rankCauses(input({ Status: undated, Diagnosis: diagnosis(), EventsRead: true, Probe: probe(), Device: device() }));
    expect(verdict?.NextStep).toBe('Collect when the capture was taken (`--now`, or the Diagnostic Data box with its Client Time), then run `prt doctor` again.');
  });

  it('the strongest signal of a rule line counts: a failed certificate check beats a warned one, whichever is read first', () => {
    const both = (...checks: DeviceCheck[]) => rankCauses(input({ Status: status('Missing'), Diagnosis: diagnosis(), Probe: probe(), Device: device(...checks) }));
    for (const causes of [both(check('DeviceCertMissing', 'Warn'), check('DeviceCertExpired', 'Fail')), both(check('DeviceCertExpired', 'Fail'), check('DeviceCertMissing', 'Warn'))]) {
      const [first] = causes;
      expect(first?.Confidence).toBe('High');
      expect(first?.Evidence).toContain('device check DeviceCertExpired: DeviceCertExpired');
      expect(first?.Evidence).not.toContain('device check DeviceCertMissing: DeviceCertMissing');
    }
  });

  it('an older attempt\'s server answer speaks against a network cause at half its weight', () => {
    const olderAnswered = attempt(['0xc000006d', 'AADSTS50126'], { End: '2026-11-20T08:00:00Z', ServerError: { Code: 'AADSTS50126', Error: 'invalid_grant', Description: null, CorrelationId: null, Source: 'AzureAD' } } as unknown as Partial<DiagnosedAttempt>);
    const newestUnreachable = { ...unreachable, End: '2026-11-20T09:00:00Z' } as DiagnosedAttempt;
    const causes = rankCauses(input({ Status: status('Missing'), Diagnosis: diagnosis(newestUnreachable, olderAnswered), Probe: probe(), Device: device() }));
    const network = causes.find((c) => c.Id === 'NetworkUnreachable');
    expect(network?.Against).toEqual(['a server answered the newest attempt with its own error, so the request got through the network (Entra ID answered the attempt with AADSTS50126: the request got through the network)']);
    const alone = rankCauses(input({ Status: status('Missing'), Diagnosis: diagnosis(newestUnreachable), Probe: probe(), Device: device() })).find((c) => c.Id === 'NetworkUnreachable');
    expect(alone?.Against).toEqual([]);
    const order = ['Low', 'Medium', 'High'];
    // 6 points against at weight 0.5 take 3 from the score, not 12 (points divided by the weight).
    expect(order.indexOf(network?.Confidence ?? 'High')).toBe(order.indexOf(alone?.Confidence ?? 'Low') - 1);
  });
});
