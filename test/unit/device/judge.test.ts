import { describe, expect, it } from 'vitest';
import { getStatus } from '../../../src/app/status.js';
import { factOf, noFact, type ComputerCertificateFact, type DeviceFacts } from '../../../src/device/facts.js';
import { judgeDevice } from '../../../src/device/judge.js';
import type { DeviceCheck } from '../../../src/device/types.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { SimulatedDevice, freshDeviceState } from '../../../src/sim/device.js';
import { simulatedDeviceFacts } from '../../../src/sim/device-facts.js';
import { simulatedHostFor } from '../../../src/sim/host.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';
import { scrubText } from '../../../src/safety/scrub.js';

async function deviceOf(name: string): Promise<{ status: PrtStatus; facts: DeviceFacts; now: Date }> {
  const scenario = builtInScenarios[name];
  if (!scenario) throw new Error(name);
  const device = new SimulatedDevice(freshDeviceState(scenario, 0, Date.parse(scenario.Start)), null);
  const status = await getStatus(simulatedHostFor(device), {});
  return { status, facts: simulatedDeviceFacts(scenario, Date.parse(scenario.Start)), now: new Date(scenario.Start) };
}

const result = (checks: DeviceCheck[], id: string) => {
  const found = checks.find((check) => check.Id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

const allIds = [
  'DeviceCertMissing', 'DeviceCertSubjectMismatch', 'DeviceCertThumbprintMismatch', 'DeviceCertExpired', 'DeviceCertNoPrivateKey', 'DeviceCertProviderMismatch',
  'KeySignTestFailed', 'TpmMissing', 'TpmNotReady', 'TpmLockedOut', 'TpmErrorsLogged',
  'ScpTenantMismatch', 'ScpMissing', 'DomainControllerUnreachable', 'ComputerCertificateMissing',
  'JoinTaskDisabled', 'JoinTaskLastRunFailed',
  'UpnNotRoutable', 'UserNotAzureAd', 'WamDefaultNotSet', 'NgcPrerequisitesFailed', 'PasswordChangedRecently',
  'ClockNotSynced',
];

describe('device checks on a healthy hybrid device', () => {
  it('makes every check once, and none fails', async () => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    const checks = judgeDevice({ ...facts, Password: factOf({ PasswordLastSet: '2026-09-01T00:00:00Z' }) }, status, now);
    expect(checks.map((check) => check.Id)).toEqual(allIds);
    expect(checks.filter((check) => check.Result === 'Fail')).toEqual([]);
    expect(result(checks, 'DeviceCertThumbprintMismatch').Result).toBe('Pass');
    expect(result(checks, 'ScpTenantMismatch').Result).toBe('Pass');
    expect(result(checks, 'TpmErrorsLogged').Result).toBe('Pass');
    expect(result(checks, 'ComputerCertificateMissing').Result).toBe('Pass');
  });
});

const otherCertificate = { Subject: 'CN=CTS-WS-0042.corp.contoso.com', Thumbprint: '1F0A6C93E2B84D57A0C19E3B7D6F24A58C0E9B31', NotAfter: '2027-06-30T09:00:00Z', Error: null };
const withCertificates = (f: DeviceFacts, certificates: ComputerCertificateFact[]): DeviceFacts =>
  ({ ...f, ComputerObject: factOf({ SamAccountName: 'CTS-WS-0042$', ObjectGuid: '11111111-2222-3333-4444-555555555555', Certificates: certificates }) });
const tpmEvent = (Provider: string, EventId: number, Codes: string[]) => ({ Provider, EventId, TimeCreated: '2026-11-19T08:00:00.0000000Z', Codes });

/** One fact changed, the check it must turn, and the result. */
const cases: { id: string; change: (facts: DeviceFacts) => DeviceFacts; expected: DeviceCheck['Result']; summary: RegExp }[] = [
  { id: 'DeviceCertMissing', change: (f) => ({ ...f, Certificates: factOf([]) }), expected: 'Fail', summary: /No certificate issued by MS-Organization-Access/ },
  { id: 'DeviceCertSubjectMismatch', change: (f) => ({ ...f, Certificates: factOf(f.Certificates.Value?.map((c) => ({ ...c, Subject: 'CN=11111111-2222-3333-4444-555555555555' })) ?? []) }), expected: 'Fail', summary: /older registration/ },
  { id: 'DeviceCertThumbprintMismatch', change: (f) => ({ ...f, Certificates: factOf(f.Certificates.Value?.map((c) => ({ ...c, Thumbprint: 'AA'.repeat(20) })) ?? []) }), expected: 'Fail', summary: /not in LocalMachine/ },
  { id: 'DeviceCertExpired', change: (f) => ({ ...f, Certificates: factOf(f.Certificates.Value?.map((c) => ({ ...c, NotAfter: '2026-03-01T00:00:00Z' })) ?? []) }), expected: 'Fail', summary: /expired on/ },
  { id: 'DeviceCertExpired', change: (f) => ({ ...f, Certificates: factOf(f.Certificates.Value?.map((c) => ({ ...c, NotAfter: '2026-12-01T00:00:00Z' })) ?? []) }), expected: 'Warn', summary: /ends in 10 days/ },
  { id: 'DeviceCertNoPrivateKey', change: (f) => ({ ...f, Certificates: factOf(f.Certificates.Value?.map((c) => ({ ...c, HasPrivateKey: false })) ?? []) }), expected: 'Fail', summary: /lost its private key/ },
  { id: 'DeviceCertProviderMismatch', change: (f) => ({ ...f, Certificates: factOf(f.Certificates.Value?.map((c) => ({ ...c, Provider: 'Microsoft Software Key Storage Provider' })) ?? []) }), expected: 'Fail', summary: /TpmProtected YES/ },
  { id: 'TpmMissing', change: (f) => ({ ...f, Tpm: factOf({ Present: false, Ready: null, Enabled: null, Owned: null, LockedOut: null, LockoutCount: null, ManufacturerVersion: null, ClearNeeded: null }) }), expected: 'Fail', summary: /No TPM is visible/ },
  { id: 'TpmNotReady', change: (f) => ({ ...f, Tpm: factOf({ ...(f.Tpm.Value ?? ({} as never)), Ready: false, ClearNeeded: true }) }), expected: 'Fail', summary: /not ready, asks to be cleared/ },
  { id: 'TpmLockedOut', change: (f) => ({ ...f, Tpm: factOf({ ...(f.Tpm.Value ?? ({} as never)), LockedOut: true, LockoutCount: 32 }) }), expected: 'Fail', summary: /lockout \(counter 32\)/ },
  { id: 'ScpTenantMismatch', change: (f) => ({ ...f, CdjAad: factOf({ TenantId: 'a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98', TenantName: 'Fabrikam' }) }), expected: 'Fail', summary: /CDJ\\AAD registry names tenant a81e0c3f/ },
  { id: 'ScpMissing', change: (f) => ({ ...f, Scp: factOf(null), CdjAad: factOf(null) }), expected: 'Fail', summary: /Neither an SCP nor/ },
  { id: 'DomainControllerUnreachable', change: (f) => ({ ...f, DomainController: factOf({ Domain: 'CONTOSO', DomainController: null, Error: 'ERROR_NO_SUCH_DOMAIN (0x54b)' }) }), expected: 'Warn', summary: /No domain controller of CONTOSO answers/ },
  { id: 'JoinTaskDisabled', change: (f) => ({ ...f, JoinTask: factOf({ Enabled: false, LastRunTime: null, LastResult: '0x41303' }) }), expected: 'Fail', summary: /disabled/ },
  { id: 'JoinTaskLastRunFailed', change: (f) => ({ ...f, JoinTask: factOf({ Enabled: true, LastRunTime: '11/19/2026 8:03:12 AM', LastResult: '0x801c001d' }) }), expected: 'Warn', summary: /0x801c001d DSREG_AUTOJOIN_ADCONFIG_READ_FAILED/ },
  { id: 'PasswordChangedRecently', change: (f) => ({ ...f, Password: factOf({ PasswordLastSet: '2026-11-19T17:00:00Z' }) }), expected: 'Warn', summary: /no PRT and the password was last changed/ },
  { id: 'ComputerCertificateMissing', change: (f) => withCertificates(f, []), expected: 'Fail', summary: /CTS-WS-0042\$ has no userCertificate: .*Entra Connect does not sync this device/ },
  { id: 'ComputerCertificateMissing', change: (f) => withCertificates(f, [otherCertificate]), expected: 'Warn', summary: /holds 1 userCertificate value\(s\), but none is named after/ },
  { id: 'TpmErrorsLogged', change: (f) => ({ ...f, TpmEvents: factOf([tpmEvent('Microsoft-Windows-TPM-WMI', 1026, ['0x80280803']), tpmEvent('Microsoft-Windows-TPM-WMI', 1026, ['0x80280803'])]) }), expected: 'Fail', summary: /^2 TPM events in the System log of the last 7 days \(newest .*\): 0x80280803 TPM_E_DEFEND_LOCK_RUNNING\.$/ },
  { id: 'TpmErrorsLogged', change: (f) => ({ ...f, TpmEvents: factOf([tpmEvent('TPM', 17, [])]) }), expected: 'Warn', summary: /^1 TPM event in the System log/ },
  { id: 'TpmErrorsLogged', change: (f) => ({ ...f, TpmEvents: factOf([tpmEvent('TPM', 33, [])]) }), expected: 'Fail', summary: /the TPM was cleared/ },
  { id: 'ClockNotSynced', change: (f) => ({ ...f, Clock: factOf({ Source: 'Local CMOS Clock', LastSuccessfulSync: null, Synchronized: false }) }), expected: 'Fail', summary: /not synchronised/ },
  { id: 'ClockNotSynced', change: (f) => ({ ...f, Clock: factOf({ Source: 'Free-running System Clock', LastSuccessfulSync: '6/19/2026 9:14:02 AM', Synchronized: true }) }), expected: 'Warn', summary: /no time server/ },
];

describe('each check turns on its own fact', () => {
  it('words every summary and next step so the secret scrubber leaves it whole', async () => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    for (const { change } of cases) {
      for (const check of judgeDevice(change(facts), status, now)) {
        for (const text of [check.Summary, check.NextStep ?? '']) expect(scrubText(text), check.Id).toBe(text);
      }
    }
  });

  for (const { id, change, expected, summary } of cases) {
    it(`${id} is ${expected} when ${summary.source}`, async () => {
      const { status, facts, now } = await deviceOf('hybrid-wrong-password');
      const check = result(judgeDevice(change(facts), status, now), id);
      expect(check.Result).toBe(expected);
      expect(check.Summary).toMatch(summary);
      expect(check.NextStep).not.toBeNull();
    });
  }
});

describe('every read that fails gives Unknown with its reason', () => {
  const failures: { source: keyof DeviceFacts; ids: string[] }[] = [
    { source: 'Certificates', ids: ['DeviceCertMissing', 'DeviceCertSubjectMismatch', 'DeviceCertThumbprintMismatch', 'DeviceCertExpired', 'DeviceCertNoPrivateKey', 'DeviceCertProviderMismatch'] },
    { source: 'Tpm', ids: ['TpmMissing', 'TpmNotReady', 'TpmLockedOut'] },
    { source: 'DomainController', ids: ['DomainControllerUnreachable'] },
    { source: 'JoinTask', ids: ['JoinTaskDisabled', 'JoinTaskLastRunFailed'] },
    { source: 'Password', ids: ['PasswordChangedRecently'] },
    { source: 'Clock', ids: ['ClockNotSynced'] },
    { source: 'ComputerObject', ids: ['ComputerCertificateMissing'] },
    { source: 'TpmEvents', ids: ['TpmErrorsLogged'] },
  ];
  for (const { source, ids } of failures) {
    it(`${source}: ${ids.join(', ')}`, async () => {
      const { status, facts, now } = await deviceOf('hybrid-wrong-password');
      const checks = judgeDevice({ ...facts, [source]: noFact('access is denied') }, status, now);
      for (const id of ids) {
        expect(result(checks, id).Result).toBe('Unknown');
        expect(result(checks, id).Reason).toMatch(/access is denied/);
      }
    });
  }

  it('SCP and registry both unreadable: the tenant check is Unknown with both reasons', async () => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    const check = result(judgeDevice({ ...facts, Scp: noFact('LDAP: no domain controller'), CdjAad: noFact('reg: access is denied') }, status, now), 'ScpTenantMismatch');
    expect(check.Result).toBe('Unknown');
    expect(check.Reason).toMatch(/reg: access is denied.*LDAP: no domain controller/);
  });

  it('without dsregcmd, the checks that compare with it are Unknown, never Pass', () => {
    const facts = simulatedDeviceFacts(builtInScenarios.healthy!, Date.parse('2026-11-20T10:05:00Z'));
    const checks = judgeDevice(facts, null, new Date('2026-11-20T10:05:00Z'));
    for (const id of ['DeviceCertSubjectMismatch', 'DeviceCertThumbprintMismatch', 'KeySignTestFailed', 'ScpTenantMismatch', 'ComputerCertificateMissing', 'UpnNotRoutable', 'UserNotAzureAd']) {
      expect(result(checks, id).Result, id).toBe('Unknown');
    }
  });
});

describe('checks that do not apply', () => {
  it('an Entra joined device has no SCP, domain controller or join task to check', async () => {
    const { status, facts, now } = await deviceOf('healthy');
    const checks = judgeDevice(facts, status, now);
    for (const id of ['ScpTenantMismatch', 'ScpMissing', 'DomainControllerUnreachable', 'ComputerCertificateMissing', 'JoinTaskDisabled']) expect(result(checks, id).Result, id).toBe('NotApplicable');
  });

  it('the computer object\'s unreadable values are counted, not taken for the hybrid join certificate', async () => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    const broken = { Subject: null, Thumbprint: null, NotAfter: null, Error: 'ASN1 bad tag value met.' };
    const check = result(judgeDevice(withCertificates(facts, [broken, otherCertificate]), status, now), 'ComputerCertificateMissing');
    expect(check.Result).toBe('Warn');
    expect(check.Evidence).toMatchObject({ Count: 2, Unreadable: 1, Thumbprints: otherCertificate.Thumbprint, MatchingSubject: null });
  });

  it('a certificate named after the computer\'s objectGUID passes too (the device not registered yet)', async () => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    const named = { ...otherCertificate, Subject: 'CN=11111111-2222-3333-4444-555555555555' };
    expect(result(judgeDevice(withCertificates(facts, [otherCertificate, named]), status, now), 'ComputerCertificateMissing').Result).toBe('Pass');
  });

  it('a user with a .local UPN suffix fails UpnNotRoutable', async () => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    const local = { ...status, Diagnostics: status.Diagnostics.map((d) => ({ ...d, UserIdentity: 'ines.moreau@contoso.local' })) };
    expect(result(judgeDevice(facts, local, now), 'UpnNotRoutable').Result).toBe('Fail');
  });
});

describe('the password change against the PRT renewal (pwdLastSet of the user prt runs as)', () => {
  const judgePassword = async (passwordLastSet: string, change: Partial<PrtStatus>) => {
    const { status, facts, now } = await deviceOf('hybrid-wrong-password');
    return result(judgeDevice({ ...facts, Password: factOf({ PasswordLastSet: passwordLastSet }) }, { ...status, ...change }, now), 'PasswordChangedRecently');
  };

  it('warns when the password changed after the PRT was last renewed', async () => {
    const check = await judgePassword('2026-11-19T17:00:00Z', { AzureAdPrt: true, AzureAdPrtUpdateTime: '2026-11-19T09:00:00Z' });
    expect(check.Result).toBe('Warn');
    expect(check.Summary).toMatch(/after the PRT was last renewed \(2026-11-19T09:00:00Z\)/);
  });

  it('passes when the PRT was renewed after the change', async () => {
    expect((await judgePassword('2026-11-18T17:00:00Z', { AzureAdPrt: true, AzureAdPrtUpdateTime: '2026-11-19T09:00:00Z' })).Result).toBe('Pass');
  });

  it('is Unknown, not Pass, with a PRT but no renewal time to compare with', async () => {
    const check = await judgePassword('2026-09-01T00:00:00Z', { AzureAdPrt: true, AzureAdPrtUpdateTime: null });
    expect(check.Result).toBe('Unknown');
    expect(check.Summary).toMatch(/no PRT renewal time/);
  });

  it('without a PRT, an old change passes and says why', async () => {
    const check = await judgePassword('2026-09-01T00:00:00Z', { AzureAdPrt: false, AzureAdPrtUpdateTime: null });
    expect(check.Result).toBe('Pass');
    expect(check.Summary).toMatch(/at least 14 days ago/);
  });
});
