import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import type { StatusSource } from '../../../src/diagnose/status-types.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import type { DsregReport, DsregSection } from '../../../src/dsreg/types.js';

const fileSource: StatusSource = { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' };
const systemNow = new Date('2030-01-01T00:00:00Z');

function fromFixture(name: string, now?: Date) {
  const { text, encoding } = decodeCapture(readFileSync(new URL(`../../fixtures/dsregcmd/${name}`, import.meta.url)));
  return evaluateStatus(parseDsregcmd(text, { source: name, encoding }), { now, systemNow, source: fileSource });
}

const section = (Name: string, fields: Record<string, string>): DsregSection => ({
  Name,
  Fields: Object.entries(fields).map(([name, value], index) => ({ Name: name, Value: value, Line: index + 1 })),
});

/** A joined device whose PRT was renewed at 08:00 UTC and expires in 14 days. */
function joinedReport(sso: Record<string, string> = {}): DsregReport {
  return {
    Sections: [
      section('Device State', { AzureAdJoined: 'YES', EnterpriseJoined: 'NO', DomainJoined: 'NO', 'Device Name': 'PC-1' }),
      section('SSO State', {
        AzureAdPrt: 'YES',
        AzureAdPrtUpdateTime: '2026-11-20 08:00:00.000 UTC',
        AzureAdPrtExpiryTime: '2026-12-04 08:00:00.000 UTC',
        AzureAdPrtAuthority: 'https://login.microsoftonline.com/tenant',
        ...sso,
      }),
    ],
    WorkAccounts: [],
    Diagnostics: [],
    Encoding: 'utf-8',
  };
}
const at = (iso: string) => new Date(iso);

describe('status rules on a synthetic report', () => {
  it('calls a PRT renewed exactly 4 hours ago healthy', () => {
    const status = evaluateStatus(joinedReport(), { now: at('2026-11-20T12:00:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Healthy');
    expect(status.PrtAgeHours).toBe(4);
    expect(status.Findings).toEqual([]);
  });

  it('calls a PRT renewed more than 4 hours ago stale and says to lock and unlock', () => {
    const status = evaluateStatus(joinedReport(), { now: at('2026-11-20T12:06:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Stale');
    expect(status.PrtAgeHours).toBe(4.1);
    const [stale] = status.Findings;
    expect(stale?.Id).toBe('PrtStale');
    expect(stale?.NextStep).toMatch(/lock/i);
  });

  it('calls a PRT past its expiry time expired, before judging its age', () => {
    const status = evaluateStatus(joinedReport(), { now: at('2026-12-05T00:00:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Expired');
    expect(status.Findings.map((f) => f.Id)).toEqual(['PrtExpired']);
  });

  it('calls AzureAdPrt NO missing', () => {
    const status = evaluateStatus(joinedReport({ AzureAdPrt: 'NO', AzureAdPrtUpdateTime: '', AzureAdPrtExpiryTime: '' }), { now: at('2026-11-20T09:00:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Missing');
    expect(status.AzureAdPrt).toBe(false);
    expect(status.PrtAgeHours).toBeNull();
    expect(status.Findings[0]?.Id).toBe('PrtMissing');
  });

  it('reports EnterprisePrt as null when dsregcmd printed no such line', () => {
    const status = evaluateStatus(joinedReport(), { now: at('2026-11-20T09:00:00Z'), systemNow, source: fileSource });
    expect(status.EnterprisePrt).toBeNull();
  });

  it('calls the PRT Unknown, not missing and not "no user", when a joined capture simply lacks SSO State', () => {
    const report = joinedReport();
    report.Sections = report.Sections.filter((s) => s.Name !== 'SSO State');
    const status = evaluateStatus(report, { now: at('2026-11-20T09:00:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Unknown');
    expect(status.AzureAdPrt).toBeNull();
    expect(status.Findings.map((f) => f.Id)).toEqual(['PartialCapture']);
    expect(status.Findings[0]?.Message).toContain('Not judged: the Azure AD PRT (no SSO State box)');
  });

  it('says there is no user context when dsregcmd shows it ran as SYSTEM', () => {
    const report = joinedReport();
    report.Sections = report.Sections.filter((s) => s.Name !== 'SSO State');
    report.Sections.push(section('Diagnostic Data', { 'User Context': 'SYSTEM', 'Client Time': '2026-11-20 09:00:00.000 UTC' }));
    const status = evaluateStatus(report, { now: at('2026-11-20T09:00:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Unknown');
    expect(status.Findings.map((f) => f.Id)).toEqual(['NoUserContext']);
  });

  it('says a device joined to nothing is not joined and has no PRT to judge', () => {
    const report = joinedReport({ AzureAdPrt: 'NO' });
    report.Sections[0] = section('Device State', { AzureAdJoined: 'NO', EnterpriseJoined: 'NO', DomainJoined: 'NO' });
    const status = evaluateStatus(report, { now: at('2026-11-20T09:00:00Z'), systemNow, source: fileSource });
    expect(status.JoinType).toBe('NotJoined');
    expect(status.Health).toBe('NotApplicable');
    expect(status.Findings.map((f) => f.Id)).toEqual(['NotJoined']);
  });

  it('uses the system clock when there is neither --now nor a Client Time', () => {
    const status = evaluateStatus(joinedReport(), { systemNow, source: fileSource });
    expect(status.ClockSource).toBe('SystemClock');
    expect(status.EvaluatedAt).toBe(systemNow.toISOString());
  });

  it('reports a failed diagnostics block even when the PRT itself is present', () => {
    const report = joinedReport();
    report.Diagnostics.push({
      Prt: 'AzureAd', Kind: 'Refresh', PreviousPrtAttempt: '2026-11-20T08:30:00.000Z', AttemptStatus: '0xc000023c',
      UserIdentity: 'user@contoso.com', CredentialType: 'Password', CorrelationId: null, EndpointUri: null, HttpMethod: null,
      HttpError: '0x80072efd', HttpStatus: null, ServerErrorCode: null, ServerErrorDescription: null,
    });
    const status = evaluateStatus(report, { now: at('2026-11-20T09:00:00Z'), systemNow, source: fileSource });
    expect(status.Health).toBe('Healthy');
    expect(status.Findings.map((f) => f.Id)).toEqual(['LastAttemptFailed']);
    expect(status.Findings[0]?.Message).toContain('0xc000023c');
  });
});

describe('status of the fixture captures', () => {
  it('judges a capture by its own Client Time when no --now is given', () => {
    const status = fromFixture('healthy-aadj.txt');
    expect(status.ClockSource).toBe('CaptureClientTime');
    expect(status.EvaluatedAt).toBe(status.CaptureTime);
    expect(status.Health).toBe('Healthy');
    expect(status.JoinType).toBe('AzureAdJoined');
  });

  it('sees a hybrid joined device with an Enterprise PRT', () => {
    const status = fromFixture('hybrid-enterprise-prt.txt');
    expect(status.JoinType).toBe('HybridAzureAdJoined');
    expect(status.EnterprisePrt).toBe(true);
    expect(status.EnterprisePrtAuthority).toMatch(/adfs/i);
  });

  it('finds the stale capture stale', () => {
    expect(fromFixture('stale-prt.txt').Health).toBe('Stale');
  });

  it('finds the expired capture expired', () => {
    expect(fromFixture('expired-prt.txt').Health).toBe('Expired');
  });

  it('finds the missing PRT and its failed acquire attempt', () => {
    const status = fromFixture('missing-prt-0xc000006d-aadsts50126.txt');
    expect(status.Health).toBe('Missing');
    expect(status.Findings.find((f) => f.Id === 'LastAttemptFailed')?.Message).toContain('AADSTS50126');
  });

  it('attributes an MSIS failure to the Enterprise PRT', () => {
    const failed = fromFixture('hybrid-enterprise-diag-msis.txt').Findings.filter((f) => f.Id === 'LastAttemptFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.Message).toContain('Enterprise PRT');
    expect(failed[0]?.Message).toContain('MSIS');
  });

  it('lists both work accounts of a registered device and does not judge a device PRT', () => {
    const status = fromFixture('registered-two-work-accounts.txt');
    expect(status.JoinType).toBe('AzureAdRegistered');
    expect(status.Health).toBe('NotApplicable');
    expect(status.WorkAccounts).toHaveLength(2);
    expect(status.Findings.map((f) => f.Id)).toContain('RegisteredOnly');
  });

  it('says a domain-only device has not finished hybrid join', () => {
    const status = fromFixture('domain-joined-only.txt');
    expect(status.JoinType).toBe('DomainJoined');
    expect(status.Health).toBe('NotApplicable');
    expect(status.Findings.map((f) => f.Id)).toContain('DomainJoinedOnly');
  });

  describe('a domain joined device with a work account registered on it', () => {
    const report = (user: Record<string, string>): DsregReport => ({
      Sections: [
        section('Device State', { AzureAdJoined: 'NO', EnterpriseJoined: 'NO', DomainJoined: 'YES', DomainName: 'CONTOSO' }),
        section('User State', { NgcSet: 'NO', WorkplaceJoined: 'YES', ...user }),
        section('SSO State', { AzureAdPrt: 'NO' }),
      ],
      WorkAccounts: [],
      Diagnostics: [],
      Encoding: 'utf-8',
    });
    const decode = (code: string) => (code === '0x80070520' ? { Known: true, Name: 'HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)', Summary: 'No logon session.', Fix: null } : null);

    it('is domain joined, not "only registered": the registration does not undo the domain join', () => {
      const status = evaluateStatus(report({ WamDefaultSet: 'YES' }), { systemNow, source: fileSource });
      expect([status.JoinType, status.JoinTypeEvidence, status.Health]).toEqual(['DomainJoined', 'DeviceState', 'NotApplicable']);
      const ids = status.Findings.map((f) => f.Id);
      expect(ids).toContain('DomainJoinedOnly');
      expect(ids).not.toContain('RegisteredOnly');
      expect(status.Findings.find((f) => f.Id === 'DomainJoinedOnly')?.Message).toContain('A work account is registered on it (WorkplaceJoined : YES)');
    });

    it('names a WamDefaultSet error with its decoded code, and says nothing of WamDefaultSet YES or NO', () => {
      const failed = evaluateStatus(report({ WamDefaultSet: 'ERROR (0x80070520)' }), { systemNow, source: fileSource, decode });
      expect(failed.Findings.find((f) => f.Id === 'WamDefaultSetError')?.Message).toBe(
        'Web Account Manager could not set the user\'s default work account: WamDefaultSet is "ERROR (0x80070520)". 0x80070520 (HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)) from WamDefaultSet: No logon session. ' +
          'dsregcmd run outside the user\'s own desktop session (remote PowerShell, WinRM, runas, a scheduled task) always shows this; only a capture from that session shows a real WAM fault.',
      );
      const noCode = evaluateStatus(report({ WamDefaultSet: 'ERROR' }), { systemNow, source: fileSource, decode });
      expect(noCode.Findings.find((f) => f.Id === 'WamDefaultSetError')?.Message).toMatch(/^Web Account Manager could not set the user's default work account: WamDefaultSet is "ERROR"\. dsregcmd run outside the user's own desktop session/);
      // Another code is a WAM fault of its own: no caveat about the session.
      const other = evaluateStatus(report({ WamDefaultSet: 'ERROR (0x80070005)' }), { systemNow, source: fileSource });
      expect(other.Findings.find((f) => f.Id === 'WamDefaultSetError')?.Message).toBe('Web Account Manager could not set the user\'s default work account: WamDefaultSet is "ERROR (0x80070005)". 0x80070005 from WamDefaultSet.');
      for (const value of ['YES', 'NO']) {
        expect(evaluateStatus(report({ WamDefaultSet: value }), { systemNow, source: fileSource, decode }).Findings.map((f) => f.Id)).not.toContain('WamDefaultSetError');
      }
    });

    it('says a WamDefaultSet code the knowledge base does not hold is not in it, and adds no session caveat to a code other than 0x80070520', () => {
      const unknown = evaluateStatus(report({ WamDefaultSet: 'ERROR (0x80070005)' }), { systemNow, source: fileSource, decode: () => null });
      expect(unknown.Findings.find((f) => f.Id === 'WamDefaultSetError')?.Message).toBe(
        'Web Account Manager could not set the user\'s default work account: WamDefaultSet is "ERROR (0x80070005)". 0x80070005 from WamDefaultSet: not in the knowledge base.',
      );
    });
  });

  it('names the failing pre-join test of a domain device whose hybrid join failed', () => {
    const status = fromFixture('pre-join-diagnostics.txt');
    expect(status.JoinType).toBe('DomainJoined');
    expect(status.Findings.map((f) => f.Id)).toContain('DomainJoinedOnly');
    const failed = status.Findings.find((f) => f.Id === 'JoinFailed');
    expect(failed?.Severity).toBe('Error');
    expect(failed?.Message).toContain('DRS Discovery Test FAIL [0x801c0021/0x80072ee2]');
    expect(failed?.Message).toContain('failed in phase "discover"');
    expect(failed?.Message).toContain('Client ErrorCode 0x801c0021');
    expect(status.JoinDiagnostics?.ErrorPhase).toBe('discover');
    expect(status.JoinDiagnostics?.Codes.map((c) => c.Code)).toEqual(['0x801c0021', '0x80072ee2']);
  });

  it('reads the legacy left-aligned layout into the same status fields', () => {
    const status = fromFixture('legacy-left-aligned.txt');
    expect(status.DeviceId).toBe('0c5a8e21-7b3d-4f96-a0e4-19d2c6b7f853');
    expect(status.TenantName).toBe('Contoso');
    expect(status.JoinType).toBe('AzureAdJoined');
    expect(status.AzureAdPrt).toBe(true);
    expect(status.Findings.map((f) => f.Id)).not.toContain('NoUserContext');
  });
});
