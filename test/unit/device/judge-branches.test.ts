/**
 * Every branch of every device check, from a hybrid joined device with one fact or one dsregcmd
 * line changed at a time: the result, and the words, evidence and next step the admin reads (the
 * module's view and `prt doctor` show them as they are). judge.test.ts covers the scenarios.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getStatus } from '../../../src/app/status.js';
import { factOf, noFact, type CertificateFact, type DeviceFacts, type TpmEventFact, type TpmFact } from '../../../src/device/facts.js';
import { judgeDevice } from '../../../src/device/judge.js';
import { deviceReportOf } from '../../../src/device/report.js';
import { tpmEventLimit } from '../../../src/device/tpm-events.js';
import type { DeviceCheck, DeviceCheckResult } from '../../../src/device/types.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { SimulatedDevice, freshDeviceState } from '../../../src/sim/device.js';
import { simulatedDeviceFacts } from '../../../src/sim/device-facts.js';
import { simulatedHostFor } from '../../../src/sim/host.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';

const scenario = builtInScenarios['hybrid-wrong-password']!;
const now = new Date(scenario.Start);
let hybrid: PrtStatus;
let baseFacts: DeviceFacts;

beforeAll(async () => {
  const device = new SimulatedDevice(freshDeviceState(scenario, 0, now.getTime()), null);
  hybrid = await getStatus(simulatedHostFor(device), {});
  baseFacts = simulatedDeviceFacts(scenario, now.getTime());
});

/** The status with one dsregcmd line set (added to Diagnostic Data when absent) or removed (null). */
function withLine(status: PrtStatus, name: string, value: string | null): PrtStatus {
  let found = false;
  const sections = status.Sections.map((section) => {
    const fields = section.Fields.flatMap((field) => {
      if (field.Name !== name) return [field];
      found = true;
      return value === null ? [] : [{ ...field, Value: value }];
    });
    return { ...section, Fields: fields };
  });
  if (!found && value !== null) sections.find((s) => s.Name === 'Diagnostic Data')?.Fields.push({ Name: name, Value: value, Line: 0 });
  return { ...status, Sections: sections };
}

const deviceCert = (change: Partial<CertificateFact> = {}): CertificateFact => ({ ...baseFacts.Certificates.Value![0]!, ...change });
const tpm = (change: Partial<TpmFact>): DeviceFacts['Tpm'] => factOf({ ...baseFacts.Tpm.Value!, ...change });
const tpmEvent = (EventId: number, Codes: string[], TimeCreated: string | null = '2026-11-19T08:00:00.0000000Z', Provider = 'Microsoft-Windows-TPM-WMI'): TpmEventFact => ({ Provider, EventId, TimeCreated, Codes });
const staleCert = { Subject: 'CN=0f0f0f0f-1111-2222-3333-444444444444', Thumbprint: 'B'.repeat(40) };

interface Case {
  name: string;
  facts?: (facts: DeviceFacts) => DeviceFacts;
  status?: (status: PrtStatus) => PrtStatus | null;
  /** The checks this case is about, with the result each must give. */
  expected: Record<string, DeviceCheckResult>;
}

function judge(c: Case): DeviceCheck[] {
  const facts = c.facts ? c.facts(baseFacts) : baseFacts;
  const status = c.status ? c.status(hybrid) : hybrid;
  return judgeDevice(facts, status, now);
}

/** What the admin reads of the checks a case is about. */
const shown = (checks: DeviceCheck[], ids: string[]) =>
  ids.map((id) => {
    const found = checks.find((check) => check.Id === id);
    if (!found) throw new Error(`no check ${id}`);
    return found;
  });

function results(c: Case): Record<string, DeviceCheckResult> {
  const checks = judge(c);
  // Whatever the branch, every check is made once.
  expect(new Set(checks.map((check) => check.Id)).size).toBe(checks.length);
  return Object.fromEntries(Object.keys(c.expected).map((id) => [id, shown(checks, [id])[0]!.Result]));
}

describe('the base device passes every check these cases turn', () => {
  it('is a hybrid joined device with a TPM, a matching certificate and an SCP', () => {
    const checks = judge({ name: 'base', expected: {} });
    expect(checks.filter((check) => check.Result === 'Fail' || check.Result === 'Warn')).toEqual([]);
    expect(hybrid.DomainJoined).toBe(true);
    expect(hybrid.AzureAdJoined).toBe(true);
  });

  it('is reported with the schema version and the time it was judged at', () => {
    expect(deviceReportOf(baseFacts, hybrid, now)).toEqual({ SchemaVersion: 1, ObservedAt: '2026-11-20T09:30:00.000Z', Checks: judgeDevice(baseFacts, hybrid, now) });
  });
});

describe('device certificate', () => {
  const cases: Case[] = [
    {
      name: 'without dsregcmd, the certificate is checked on its own and the comparisons are Unknown',
      status: () => null,
      expected: { DeviceCertMissing: 'Pass', DeviceCertSubjectMismatch: 'Unknown', DeviceCertThumbprintMismatch: 'Unknown', DeviceCertExpired: 'Pass', DeviceCertProviderMismatch: 'Unknown' },
    },
    {
      name: 'a device not Entra joined has no certificate to check',
      status: (s) => ({ ...s, AzureAdJoined: false }),
      expected: { DeviceCertMissing: 'NotApplicable', DeviceCertExpired: 'NotApplicable', DeviceCertProviderMismatch: 'NotApplicable' },
    },
    {
      name: 'a certificate from another issuer is not the device certificate',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Issuer: 'CN=Contoso Issuing CA, DC=contoso, DC=com' })]) }),
      expected: { DeviceCertMissing: 'Fail', DeviceCertSubjectMismatch: 'Unknown', DeviceCertProviderMismatch: 'Unknown' },
    },
    {
      name: 'of two device certificates, the one with dsregcmd\'s thumbprint is judged',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ ...staleCert, NotAfter: '2026-01-01T00:00:00Z' }), deviceCert()]) }),
      expected: { DeviceCertThumbprintMismatch: 'Pass', DeviceCertSubjectMismatch: 'Pass', DeviceCertExpired: 'Pass' },
    },
    {
      name: 'without dsregcmd\'s thumbprint, the one named after the DeviceId is judged',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ ...staleCert, NotAfter: '2026-01-01T00:00:00Z' }), deviceCert({ Thumbprint: 'C'.repeat(40) })]) }),
      status: (s) => withLine(s, 'Thumbprint', null),
      expected: { DeviceCertSubjectMismatch: 'Pass', DeviceCertThumbprintMismatch: 'Unknown', DeviceCertExpired: 'Pass' },
    },
    {
      name: 'dsregcmd\'s thumbprint wins over the DeviceId in the subject',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Thumbprint: 'C'.repeat(40) }), deviceCert({ Subject: staleCert.Subject })]) }),
      expected: { DeviceCertThumbprintMismatch: 'Pass', DeviceCertSubjectMismatch: 'Fail' },
    },
    {
      name: 'with neither, the first device certificate is judged',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ ...staleCert }), deviceCert({ Thumbprint: 'C'.repeat(40) })]) }),
      status: (s) => ({ ...withLine(s, 'Thumbprint', null), DeviceId: null }),
      expected: { DeviceCertMissing: 'Pass', DeviceCertSubjectMismatch: 'Unknown' },
    },
    {
      name: 'a subject with braces, blanks, capitals and other parts still names the DeviceId',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Subject: 'O=Contoso, cn= {6A2F9E14-3B7C-4D85-A0E1-9C4B7D2F6E30} ' })]) }),
      expected: { DeviceCertSubjectMismatch: 'Pass' },
    },
    {
      name: 'a slash-separated subject names the DeviceId too',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Subject: '/O=Contoso/CN=6a2f9e14-3b7c-4d85-a0e1-9c4b7d2f6e30' })]) }),
      expected: { DeviceCertSubjectMismatch: 'Pass' },
    },
    {
      name: 'a CN inside another attribute is no CN',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Subject: 'OU=XCN=6a2f9e14-3b7c-4d85-a0e1-9c4b7d2f6e30' })]) }),
      expected: { DeviceCertSubjectMismatch: 'Fail' },
    },
    {
      name: 'a spaced, lower-case thumbprint in the store is the same certificate',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Thumbprint: '5c1a7e0b 93d24f68 a1b0c7d3 e9f24a6b 8c0d1e2f' })]) }),
      expected: { DeviceCertThumbprintMismatch: 'Pass' },
    },
    {
      name: 'no DeviceId, no Thumbprint line',
      status: (s) => ({ ...withLine(s, 'Thumbprint', null), DeviceId: null }),
      expected: { DeviceCertSubjectMismatch: 'Unknown', DeviceCertThumbprintMismatch: 'Unknown' },
    },
    {
      name: 'no readable NotAfter',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotAfter: null })]) }),
      expected: { DeviceCertExpired: 'Unknown' },
    },
    {
      name: 'ends this very instant',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotAfter: scenario.Start })]) }),
      expected: { DeviceCertExpired: 'Fail' },
    },
    {
      name: 'not valid yet',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotBefore: '2026-11-21T00:00:00Z' })]) }),
      expected: { DeviceCertExpired: 'Fail' },
    },
    {
      name: 'valid from this very instant',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotBefore: scenario.Start })]) }),
      expected: { DeviceCertExpired: 'Pass' },
    },
    {
      name: 'ends in 29 days and a bit: warns',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotAfter: '2026-12-20T09:00:00Z' })]) }),
      expected: { DeviceCertExpired: 'Warn' },
    },
    {
      name: 'ends in exactly 30 days: passes',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotAfter: '2026-12-20T09:30:00Z' })]) }),
      expected: { DeviceCertExpired: 'Pass' },
    },
    {
      name: 'the listing does not say whether the key is there, nor its provider',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ HasPrivateKey: null, Provider: null })]) }),
      expected: { DeviceCertNoPrivateKey: 'Unknown', DeviceCertProviderMismatch: 'Unknown' },
    },
    {
      name: 'no TpmProtected line',
      status: (s) => withLine(s, 'TpmProtected', null),
      expected: { DeviceCertProviderMismatch: 'Unknown' },
    },
    {
      name: 'a software key that dsregcmd calls software',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ Provider: 'Microsoft Software Key Storage Provider' })]) }),
      status: (s) => withLine(s, 'TpmProtected', 'NO'),
      expected: { DeviceCertProviderMismatch: 'Pass' },
    },
    {
      name: 'the store unreadable',
      facts: (f) => ({ ...f, Certificates: noFact('certutil: access is denied') }),
      expected: { DeviceCertMissing: 'Unknown', DeviceCertProviderMismatch: 'Unknown' },
    },
    {
      name: 'an expired certificate, without its private key, not the one dsregcmd uses',
      facts: (f) => ({ ...f, Certificates: factOf([deviceCert({ NotAfter: '2026-11-01T00:00:00Z', HasPrivateKey: false, Thumbprint: 'D'.repeat(40) })]) }),
      expected: { DeviceCertThumbprintMismatch: 'Fail', DeviceCertExpired: 'Fail', DeviceCertNoPrivateKey: 'Fail' },
    },
    {
      name: 'a TPM key that dsregcmd calls software',
      status: (s) => withLine(s, 'TpmProtected', 'NO'),
      expected: { DeviceCertProviderMismatch: 'Fail' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each certificate verdict with its figures', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
    expect(shown(judge({ name: 'base', expected: {} }), ['DeviceCertMissing', 'DeviceCertSubjectMismatch', 'DeviceCertThumbprintMismatch', 'DeviceCertExpired', 'DeviceCertNoPrivateKey', 'DeviceCertProviderMismatch'])).toMatchSnapshot('base');
  });

  it('without dsregcmd, the provider check says dsregcmd was not read', () => {
    const [provider] = shown(judgeDevice(baseFacts, null, now), ['DeviceCertProviderMismatch']);
    expect(provider?.Reason).toBe('dsregcmd /status was not read');
  });
});

describe('TPM', () => {
  const cases: Case[] = [
    { name: 'without dsregcmd', status: () => null, expected: { KeySignTestFailed: 'Unknown', TpmMissing: 'Pass', TpmLockedOut: 'Pass' } },
    { name: 'no TPM, and dsregcmd does not say where the keys are', facts: (f) => ({ ...f, Tpm: tpm({ Present: false }) }), status: (s) => withLine(s, 'TpmProtected', null), expected: { TpmMissing: 'Warn' } },
    { name: 'no KeySignTest line', status: (s) => withLine(s, 'KeySignTest', null), expected: { KeySignTestFailed: 'Unknown' } },
    { name: 'KeySignTest failed', status: (s) => withLine(s, 'KeySignTest', 'FAILED 0x80090016'), expected: { KeySignTestFailed: 'Fail' } },
    { name: 'KeySignTest in lower case', status: (s) => withLine(s, 'KeySignTest', 'passed'), expected: { KeySignTestFailed: 'Pass' } },
    { name: 'KeySignTest not run (not elevated)', status: (s) => withLine(s, 'KeySignTest', 'Must Run Elevated to test.'), expected: { KeySignTestFailed: 'Unknown' } },
    { name: 'KeySignTest that fails, naming a pass later in the line', status: (s) => withLine(s, 'KeySignTest', 'FAILED (expected PASSED)'), expected: { KeySignTestFailed: 'Fail' } },
    { name: 'KeySignTest naming a failure later in the line is no failure', status: (s) => withLine(s, 'KeySignTest', 'SKIPPED (FAILED before)'), expected: { KeySignTestFailed: 'Unknown' } },
    {
      name: 'no TPM and keys in software',
      facts: (f) => ({ ...f, Tpm: tpm({ Present: false }) }),
      status: (s) => withLine(s, 'TpmProtected', 'NO'),
      expected: { TpmMissing: 'Warn', TpmNotReady: 'NotApplicable', TpmLockedOut: 'NotApplicable' },
    },
    { name: 'no TPM, but dsregcmd says the keys are in one', facts: (f) => ({ ...f, Tpm: tpm({ Present: false }) }), expected: { TpmMissing: 'Fail', TpmNotReady: 'NotApplicable', TpmLockedOut: 'NotApplicable' } },
    { name: 'no TPM, and dsregcmd not read', facts: (f) => ({ ...f, Tpm: tpm({ Present: false }) }), status: () => null, expected: { TpmMissing: 'Warn' } },
    { name: 'locked out with its counter', facts: (f) => ({ ...f, Tpm: tpm({ LockedOut: true, LockoutCount: 31 }) }), expected: { TpmLockedOut: 'Fail' } },
    { name: 'disabled and not owned', facts: (f) => ({ ...f, Tpm: tpm({ Enabled: false, Owned: false }) }), expected: { TpmNotReady: 'Fail' } },
    { name: 'readiness not shown', facts: (f) => ({ ...f, Tpm: tpm({ Ready: null, Enabled: null }) }), expected: { TpmNotReady: 'Unknown' } },
    { name: 'enabled, readiness not shown', facts: (f) => ({ ...f, Tpm: tpm({ Ready: null, Enabled: true }) }), expected: { TpmNotReady: 'Pass' } },
    { name: 'ready, enabled not shown (tpmtool)', facts: (f) => ({ ...f, Tpm: tpm({ Ready: true, Enabled: null }) }), expected: { TpmNotReady: 'Pass' } },
    { name: 'lockout not shown', facts: (f) => ({ ...f, Tpm: tpm({ LockedOut: null }) }), expected: { TpmLockedOut: 'Unknown' } },
    { name: 'locked out, counter not shown', facts: (f) => ({ ...f, Tpm: tpm({ LockedOut: true, LockoutCount: null }) }), expected: { TpmLockedOut: 'Fail' } },
    { name: 'not locked out, counter not shown', facts: (f) => ({ ...f, Tpm: tpm({ LockedOut: false, LockoutCount: null }) }), expected: { TpmLockedOut: 'Pass' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each TPM verdict', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
    expect(shown(judge({ name: 'base', expected: {} }), ['KeySignTestFailed', 'TpmMissing', 'TpmNotReady', 'TpmLockedOut'])).toMatchSnapshot('base');
    expect(shown(judge({ name: 'unreadable', facts: (f) => ({ ...f, Tpm: noFact('tpmtool: access is denied') }), expected: {} }), ['TpmMissing'])).toMatchSnapshot('tpmtool unreadable');
  });
});

describe('TPM errors of the System log', () => {
  const events = (list: TpmEventFact[]): Case['facts'] => (f) => ({ ...f, TpmEvents: factOf(list) });
  const cases: Case[] = [
    { name: 'as many events as the query returns at most', facts: events(Array.from({ length: tpmEventLimit }, () => tpmEvent(17, [], null, 'TPM'))), expected: { TpmErrorsLogged: 'Warn' } },
    { name: 'a clear and a code', facts: events([tpmEvent(1026, ['0x80284001']), tpmEvent(33, [], '2026-11-18T08:00:00Z', 'TPM')]), expected: { TpmErrorsLogged: 'Fail' } },
    { name: 'two codes in one event', facts: events([tpmEvent(1026, ['0x80280803', '0x80070005'])]), expected: { TpmErrorsLogged: 'Fail' } },
    { name: 'a code that is not the TPM\'s', facts: events([tpmEvent(1026, ['0x80070005'], null)]), expected: { TpmErrorsLogged: 'Warn' } },
    { name: 'the System log unreadable', facts: (f) => ({ ...f, TpmEvents: noFact('wevtutil: access is denied') }), expected: { TpmErrorsLogged: 'Unknown' } },
    { name: 'the newest of several, whatever their order, and one without a time', facts: events([tpmEvent(17, [], '2026-11-18T08:00:00Z', 'TPM'), tpmEvent(17, [], null, 'TPM'), tpmEvent(17, [], '2026-11-19T07:00:00Z', 'TPM'), tpmEvent(17, [], '2026-11-17T08:00:00Z', 'TPM')]), expected: { TpmErrorsLogged: 'Warn' } },
    { name: 'a code no table knows', facts: events([tpmEvent(1026, ['0x8fffffff'])]), expected: { TpmErrorsLogged: 'Warn' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words the count, the newest time, the clear and the codes', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
    expect(shown(judge({ name: 'base', expected: {} }), ['TpmErrorsLogged'])).toMatchSnapshot('base');
  });
});

describe('SCP and domain controller', () => {
  const cdj = (TenantId: string | null, TenantName: string | null) => factOf({ TenantId, TenantName });
  const cases: Case[] = [
    { name: 'without dsregcmd', status: () => null, expected: { ScpTenantMismatch: 'Unknown', ScpMissing: 'Unknown', DomainControllerUnreachable: 'Unknown', ComputerCertificateMissing: 'Unknown' } },
    { name: 'not domain joined', status: (s) => ({ ...s, DomainJoined: false }), expected: { ScpTenantMismatch: 'NotApplicable', ScpMissing: 'NotApplicable', DomainControllerUnreachable: 'NotApplicable', ComputerCertificateMissing: 'NotApplicable', JoinTaskDisabled: 'NotApplicable', JoinTaskLastRunFailed: 'NotApplicable' } },
    { name: 'domain joined not shown (a partial capture): unknown, not "not domain joined"', status: (s) => ({ ...s, DomainJoined: null }), expected: { ScpTenantMismatch: 'Unknown', ScpMissing: 'Unknown', DomainControllerUnreachable: 'Unknown', ComputerCertificateMissing: 'Unknown', JoinTaskDisabled: 'Pass' } },
    { name: 'the registry names the tenant, the SCP another: the registry wins', facts: (f) => ({ ...f, CdjAad: cdj('{5F3C9A21-7D4E-4B8A-9C61-2E0F8D4A7B13}', 'Contoso'), Scp: cdj('a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98', 'Fabrikam') }), expected: { ScpTenantMismatch: 'Pass', ScpMissing: 'Pass' } },
    { name: 'the SCP names another tenant without a name', facts: (f) => ({ ...f, Scp: cdj('a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98', null) }), expected: { ScpTenantMismatch: 'Fail' } },
    { name: 'the SCP names a tenant by name only: nothing to compare, not a mismatch', facts: (f) => ({ ...f, Scp: cdj(null, 'Contoso') }), expected: { ScpTenantMismatch: 'Warn' } },
    { name: 'not registered yet: the tenant the SCP names is shown', status: (s) => ({ ...s, TenantId: null }), expected: { ScpTenantMismatch: 'Warn' } },
    { name: 'not registered yet, an SCP with an id only', facts: (f) => ({ ...f, Scp: cdj('5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', null) }), status: (s) => ({ ...s, TenantId: null }), expected: { ScpTenantMismatch: 'Warn' } },
    { name: 'a CDJ\\AAD key without values', facts: (f) => ({ ...f, CdjAad: cdj(null, null) }), expected: { ScpTenantMismatch: 'Warn' } },
    { name: 'not registered yet, an SCP with a name only', facts: (f) => ({ ...f, Scp: cdj(null, 'Contoso') }), status: (s) => ({ ...s, TenantId: null }), expected: { ScpTenantMismatch: 'Warn' } },
    { name: 'the SCP unreadable, the registry key absent', facts: (f) => ({ ...f, Scp: noFact('LDAP: no domain controller') }), expected: { ScpTenantMismatch: 'NotApplicable', ScpMissing: 'Unknown' } },
    { name: 'the SCP unreadable, the registry names the tenant', facts: (f) => ({ ...f, Scp: noFact('LDAP: no domain controller'), CdjAad: cdj('5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', null) }), expected: { ScpTenantMismatch: 'Pass', ScpMissing: 'Pass' } },
    { name: 'the registry names another tenant, with its name', facts: (f) => ({ ...f, CdjAad: cdj('a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98', 'Fabrikam') }), expected: { ScpTenantMismatch: 'Fail' } },
    { name: 'neither the SCP nor the registry readable', facts: (f) => ({ ...f, Scp: noFact('LDAP: no domain controller'), CdjAad: noFact('reg: access is denied') }), expected: { ScpTenantMismatch: 'Unknown', ScpMissing: 'Unknown' } },
    { name: 'no SCP and no registry values', facts: (f) => ({ ...f, Scp: factOf(null), CdjAad: factOf(null) }), expected: { ScpTenantMismatch: 'NotApplicable', ScpMissing: 'Fail' } },
    { name: 'nltest unreadable', facts: (f) => ({ ...f, DomainController: noFact('nltest: not found') }), expected: { DomainControllerUnreachable: 'Unknown' } },
    { name: 'no domain controller, with nltest\'s error', facts: (f) => ({ ...f, DomainController: factOf({ Domain: 'CONTOSO', DomainController: null, Error: 'ERROR_NO_SUCH_DOMAIN (0x54b)' }) }), expected: { DomainControllerUnreachable: 'Warn' } },
    { name: 'no domain controller, no error text', facts: (f) => ({ ...f, DomainController: factOf({ Domain: 'CONTOSO', DomainController: null, Error: null }) }), expected: { DomainControllerUnreachable: 'Warn' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each SCP verdict', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
    expect(shown(judge({ name: 'base', expected: {} }), ['ScpTenantMismatch', 'ScpMissing', 'DomainControllerUnreachable'])).toMatchSnapshot('base');
  });
});

describe('the computer object\'s userCertificate', () => {
  const computer = (ObjectGuid: string | null, certificates: number): DeviceFacts['ComputerObject'] =>
    factOf({ SamAccountName: 'CTS-WS-0512$', ObjectGuid, Certificates: Array.from({ length: certificates }, () => ({ Subject: 'CN=CTS-WS-0512', Thumbprint: null, NotAfter: null, Error: null })) });
  const cases: Case[] = [
    { name: 'none, on a device Entra ID has registered', facts: (f) => ({ ...f, ComputerObject: computer(null, 0) }), expected: { ComputerCertificateMissing: 'Fail' } },
    { name: 'none, on a device not registered yet', facts: (f) => ({ ...f, ComputerObject: computer(null, 0) }), status: (s) => ({ ...s, AzureAdJoined: false }), expected: { ComputerCertificateMissing: 'Fail' } },
    { name: 'others only, no DeviceId: named after the objectGUID', facts: (f) => ({ ...f, ComputerObject: computer('11111111-2222-3333-4444-555555555555', 2) }), status: (s) => ({ ...s, DeviceId: null }), expected: { ComputerCertificateMissing: 'Warn' } },
    { name: 'hybrid join\'s own certificate among others', facts: (f) => ({ ...f, ComputerObject: factOf({ SamAccountName: 'CTS-WS-0512$', ObjectGuid: null, Certificates: [{ Subject: 'CN=CTS-WS-0512', Thumbprint: null, NotAfter: null, Error: null }, { Subject: 'CN={6A2F9E14-3B7C-4D85-A0E1-9C4B7D2F6E30}', Thumbprint: 'E'.repeat(40), NotAfter: null, Error: null }] }) }), expected: { ComputerCertificateMissing: 'Pass' } },
    { name: 'others only, no DeviceId nor objectGUID', facts: (f) => ({ ...f, ComputerObject: computer(null, 1) }), status: (s) => ({ ...s, DeviceId: null }), expected: { ComputerCertificateMissing: 'Warn' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each verdict', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
    expect(shown(judge({ name: 'base', expected: {} }), ['ComputerCertificateMissing'])[0]).toMatchSnapshot('base');
  });
});

describe('the Automatic-Device-Join task', () => {
  const task = (Enabled: boolean, LastRunTime: string | null, LastResult: string | null): DeviceFacts['JoinTask'] => factOf({ Enabled, LastRunTime, LastResult });
  const cases: Case[] = [
    { name: 'no last result', facts: (f) => ({ ...f, JoinTask: task(true, null, null) }), expected: { JoinTaskLastRunFailed: 'Unknown' } },
    { name: 'still running', facts: (f) => ({ ...f, JoinTask: task(true, '11/19/2026 8:03:12 AM', '0x41301') }), expected: { JoinTaskLastRunFailed: 'Pass' } },
    { name: 'never ran yet', facts: (f) => ({ ...f, JoinTask: task(true, null, '0x41303') }), expected: { JoinTaskLastRunFailed: 'Pass' } },
    { name: 'not started (0x41325)', facts: (f) => ({ ...f, JoinTask: task(true, null, '0x41325') }), expected: { JoinTaskLastRunFailed: 'Pass' } },
    { name: 'failed, in capitals, no time', facts: (f) => ({ ...f, JoinTask: task(true, null, '0X80070005') }), expected: { JoinTaskLastRunFailed: 'Warn' } },
    { name: 'disabled, and failed at a time', facts: (f) => ({ ...f, JoinTask: task(false, '11/19/2026 8:03:12 AM', '0x801c001d') }), expected: { JoinTaskDisabled: 'Fail', JoinTaskLastRunFailed: 'Warn' } },
    { name: 'unreadable', facts: (f) => ({ ...f, JoinTask: noFact('schtasks: access is denied') }), expected: { JoinTaskDisabled: 'Unknown', JoinTaskLastRunFailed: 'Unknown' } },
    { name: 'without dsregcmd, the task is still judged', status: () => null, expected: { JoinTaskDisabled: 'Pass', JoinTaskLastRunFailed: 'Pass' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each verdict', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
  });
});

describe('the user', () => {
  const upn = (identity: string | null, executing: string | null) => (s: PrtStatus) =>
    withLine({ ...s, Diagnostics: s.Diagnostics.map((d) => ({ ...d, UserIdentity: identity })) }, 'Executing Account Name', executing);
  const cases: Case[] = [
    { name: 'the UPN from Executing Account Name when the diagnostics name none', status: upn(null, 'CONTOSO\\i.moreau, ines.moreau@contoso.local'), expected: { UpnNotRoutable: 'Fail' } },
    { name: 'no UPN anywhere', status: upn(null, null), expected: { UpnNotRoutable: 'Unknown' } },
    { name: 'Executing Account Name without a UPN after it', status: upn(null, 'CONTOSO\\i.moreau'), expected: { UpnNotRoutable: 'Unknown' } },
    { name: 'a name without @', status: upn('CONTOSO\\i.moreau', null), expected: { UpnNotRoutable: 'Unknown' } },
    { name: 'a suffix without a dot', status: upn('ines.moreau@contoso', null), expected: { UpnNotRoutable: 'Fail' } },
    { name: 'a routable suffix that contains a non-routable word', status: upn('ines.moreau@local.contoso.com', null), expected: { UpnNotRoutable: 'Pass' } },
    { name: 'the last @ is the suffix', status: upn('ines@moreau@contoso.corp', null), expected: { UpnNotRoutable: 'Fail' } },
    { name: 'not an Entra ID user, no default WAM account', status: (s) => withLine(withLine(s, 'IsUserAzureAD', 'NO'), 'WamDefaultSet', 'NO'), expected: { UserNotAzureAd: 'Fail', WamDefaultNotSet: 'Warn' } },
    { name: 'an Entra ID user', status: (s) => withLine(s, 'IsUserAzureAD', 'YES'), expected: { UserNotAzureAd: 'Pass' } },
    { name: 'WamDefaultSet not shown', status: (s) => withLine(s, 'WamDefaultSet', null), expected: { WamDefaultNotSet: 'Unknown' } },
    { name: 'Windows Hello will provision', status: (s) => withLine(s, 'PreReqResult', 'WillProvision'), expected: { NgcPrerequisitesFailed: 'Pass' } },
    { name: 'Windows Hello will not provision', status: (s) => withLine(s, 'PreReqResult', 'WillNotProvision'), expected: { NgcPrerequisitesFailed: 'Warn' } },
    { name: 'Windows Hello, a result in other words', status: (s) => withLine(s, 'PreReqResult', 'Unknown result'), expected: { NgcPrerequisitesFailed: 'Warn' } },
    { name: 'the password time unreadable', facts: (f) => ({ ...f, Password: noFact('LDAP: access is denied') }), expected: { PasswordChangedRecently: 'Unknown' } },
    { name: 'a password changed after the PRT was renewed', facts: (f) => ({ ...f, Password: factOf({ PasswordLastSet: '2026-11-19T17:00:00Z' }) }), status: (s) => ({ ...s, AzureAdPrt: true, AzureAdPrtUpdateTime: '2026-11-19T09:00:00Z' }), expected: { PasswordChangedRecently: 'Warn' } },
    { name: 'no Ngc Prerequisite Check', status: (s) => withLine(s, 'PreReqResult', null), expected: { NgcPrerequisitesFailed: 'Unknown' } },
    { name: 'WamDefaultSet YES', status: (s) => withLine(s, 'WamDefaultSet', 'YES'), expected: { WamDefaultNotSet: 'Pass' } },
    { name: 'the UPN after the comma of Executing Account Name, blanks trimmed', status: upn(null, 'CONTOSO\\i.moreau,   ines.moreau@contoso.com  '), expected: { UpnNotRoutable: 'Pass' } },
    { name: 'no password time', facts: (f) => ({ ...f, Password: factOf({ PasswordLastSet: null }) }), expected: { PasswordChangedRecently: 'Unknown' } },
    { name: 'a password changed 13 days ago without a PRT', facts: (f) => ({ ...f, Password: factOf({ PasswordLastSet: '2026-11-07T10:00:00Z' }) }), expected: { PasswordChangedRecently: 'Warn' } },
    { name: 'a password changed 14 days ago without a PRT', facts: (f) => ({ ...f, Password: factOf({ PasswordLastSet: '2026-11-06T09:30:00Z' }) }), expected: { PasswordChangedRecently: 'Pass' } },
    { name: 'a recent change, and dsregcmd does not say whether there is a PRT', facts: (f) => ({ ...f, Password: factOf({ PasswordLastSet: '2026-11-19T10:00:00Z' }) }), status: (s) => ({ ...s, AzureAdPrt: null }), expected: { PasswordChangedRecently: 'Unknown' } },
    { name: 'a change at the very time of the renewal', facts: (f) => ({ ...f, Password: factOf({ PasswordLastSet: '2026-11-19T09:00:00Z' }) }), status: (s) => ({ ...s, AzureAdPrt: true, AzureAdPrtUpdateTime: '2026-11-19T09:00:00Z' }), expected: { PasswordChangedRecently: 'Pass' } },
    { name: 'without dsregcmd', status: () => null, expected: { UpnNotRoutable: 'Unknown', UserNotAzureAd: 'Unknown', WamDefaultNotSet: 'Unknown', NgcPrerequisitesFailed: 'Unknown', PasswordChangedRecently: 'Unknown' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each verdict', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
  });
});

describe('the clock', () => {
  const clock = (Source: string | null, LastSuccessfulSync: string | null, Synchronized: boolean | null): DeviceFacts['Clock'] => factOf({ Source, LastSuccessfulSync, Synchronized });
  const cases: Case[] = [
    { name: 'synchronised flag set but never synced', facts: (f) => ({ ...f, Clock: clock('DC01.corp.contoso.com', null, true) }), expected: { ClockNotSynced: 'Fail' } },
    { name: 'not synchronised, no source shown', facts: (f) => ({ ...f, Clock: clock(null, '6/19/2026 9:14:02 AM', false) }), expected: { ClockNotSynced: 'Fail' } },
    { name: 'synchronised, state not shown, source not shown', facts: (f) => ({ ...f, Clock: clock(null, '6/19/2026 9:14:02 AM', null) }), expected: { ClockNotSynced: 'Pass' } },
    { name: 'w32tm unreadable', facts: (f) => ({ ...f, Clock: noFact('w32tm: the service has not been started') }), expected: { ClockNotSynced: 'Unknown' } },
    { name: 'the free-running system clock', facts: (f) => ({ ...f, Clock: clock('Free-running System Clock', '6/19/2026 9:14:02 AM', true) }), expected: { ClockNotSynced: 'Warn' } },
    { name: 'a time server whose name holds no clock words', facts: (f) => ({ ...f, Clock: clock('time.windows.com,0x9', '6/19/2026 9:14:02 AM', true) }), expected: { ClockNotSynced: 'Pass' } },
    { name: 'the local CMOS clock, in lower case', facts: (f) => ({ ...f, Clock: clock('local cmos clock', '6/19/2026 9:14:02 AM', true) }), expected: { ClockNotSynced: 'Warn' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(results(c)).toEqual(c.expected);
    });
  }

  it('words each verdict', () => {
    for (const c of cases) expect(shown(judge(c), Object.keys(c.expected))).toMatchSnapshot(c.name);
    expect(shown(judge({ name: 'base', expected: {} }), ['ClockNotSynced'])[0]).toMatchSnapshot('base');
  });
});
