import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/host/create.js';

const fakes = new URL('../../fakes/bin', import.meta.url).pathname;
const fixture = (name: string) => new URL(`../../fixtures/device/${name}`, import.meta.url).pathname;
const real = (name: string) => new URL(`../../fixtures/real/device/${name}`, import.meta.url).pathname;

let folder: string;
let log: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'prt-device-'));
  log = join(folder, 'tools.log');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Forced live mode with the fakes as System32: the real live code path, spawning and all. */
function liveHost(env: Record<string, string> = {}) {
  return createHost(
    {
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: fakes,
      PRT_TOOL_TIMEOUT_MS: '3000',
      PATH: process.env.PATH,
      FAKE_TOOL_LOG: log,
      FAKE_CERTUTIL_FILE: fixture('certutil-store-my-device-cert.txt'),
      FAKE_TPMTOOL_FILE: real('tpmtool-getdeviceinformation-intel-ptt.txt'),
      FAKE_NLTEST_FILE: fixture('nltest-dsgetdc-ok.txt'),
      FAKE_SCHTASKS_XML: fixture('schtasks-automatic-device-join-disabled.xml'),
      FAKE_SCHTASKS_CSV: fixture('schtasks-automatic-device-join.csv'),
      FAKE_W32TM_FILE: real('w32tm-query-status-domain-member.txt'),
      FAKE_STATE_DIR: folder,
      FAKE_QE_SYSTEM: fixture('wevtutil-system-tpm-events.xml'),
      ...env,
    },
    'linux',
  );
}

const calls = () => readFileSync(log, 'utf8').trim().split('\n').sort();

describe('the device facts, read live (forced, fake tools)', () => {
  it('runs each stock tool by full path with its argument array and reads every fact', async () => {
    const facts = await liveHost({ FAKE_CDJ_AAD: fixture('reg-query-cdj-aad.txt') }).readDeviceFacts({ domain: 'CONTOSO' });
    expect(calls().filter((line) => !line.startsWith('powershell') && !line.startsWith('collector'))).toEqual([
      'certutil -store My',
      'nltest /dsgetdc:CONTOSO',
      'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD',
      'schtasks /query /tn \\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join /fo csv /v /nh',
      'schtasks /query /tn \\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join /xml',
      'tpmtool getdeviceinformation',
      'w32tm /query /status',
      expect.stringMatching(/^wevtutil qe System \/q:\*\[System\[Provider\[@Name='TPM' or @Name='Microsoft-Windows-TPM-WMI'\] and \(EventID=2 or EventID=12 or .* or EventID=1794\) and TimeCreated\[@SystemTime>='\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z'\]\]\] \/c:50 \/rd:true \/f:RenderedXml$/),
    ]);
    expect(facts.Certificates.Value?.[0]?.Thumbprint).toBe('5C1A7E0B93D24F68A1B0C7D3E9F24A6B8C0D1E2F');
    expect(facts.Tpm.Value?.LockedOut).toBe(false);
    expect(facts.CdjAad.Value?.TenantName).toBe('fabrikam.onmicrosoft.com');
    expect(facts.DomainController.Value?.DomainController).toBe('\\\\DC01.corp.contoso.com');
    expect(facts.JoinTask.Value).toEqual({ Enabled: false, LastRunTime: '11/19/2026 8:03:12 AM', LastResult: '0x801c0042' });
    expect(facts.Clock.Value?.Source).toBe('dc01.corp.example.com');
  });

  it('asks wevtutil for the last 7 days of TPM events only, and reads their codes', async () => {
    const before = Date.now();
    const facts = await liveHost().readDeviceFacts({ domain: 'CONTOSO' });
    const since = /@SystemTime>='([^']+)'/.exec(calls().find((line) => line.startsWith('wevtutil')) ?? '')?.[1] ?? '';
    const days = (before - Date.parse(since)) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(facts.TpmEvents).toEqual({
      Value: [
        { Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026, TimeCreated: '2026-11-24T10:31:07.2214410Z', Codes: ['0x80280803'] },
        { Provider: 'TPM', EventId: 17, TimeCreated: '2026-11-24T09:12:40.5530012Z', Codes: [] },
        { Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026, TimeCreated: '2026-11-24T08:02:51.9047720Z', Codes: ['0x80280803'] },
      ],
      Reason: null,
    });
  });

  it('no TPM event in the window is an answer: an empty list', async () => {
    const empty = join(folder, 'empty.xml');
    writeFileSync(empty, '');
    expect((await liveHost({ FAKE_QE_SYSTEM: empty }).readDeviceFacts({ domain: 'CONTOSO' })).TpmEvents).toEqual({ Value: [], Reason: null });
  });

  it('reads a missing CDJ\\AAD key as no targeted deployment, not as a failure', async () => {
    const facts = await liveHost().readDeviceFacts({ domain: 'CONTOSO' });
    expect(facts.CdjAad).toEqual({ Value: null, Reason: null });
  });

  it('reads nltest\'s failure status as "no domain controller", not as a failed read', async () => {
    const facts = await liveHost({ FAKE_NLTEST_FILE: fixture('nltest-dsgetdc-no-domain.txt'), FAKE_NLTEST_EXIT: '1' }).readDeviceFacts({ domain: 'CONTOSO' });
    expect(facts.DomainController.Value).toEqual({ Domain: 'CONTOSO', DomainController: null, Error: 'ERROR_NO_SUCH_DOMAIN (0x54b)' });
  });

  it('does not run nltest without a domain', async () => {
    const facts = await liveHost().readDeviceFacts({ domain: null });
    expect(facts.DomainController.Reason).toMatch(/no domain name/);
    expect(calls().some((line) => line.startsWith('nltest'))).toBe(false);
  });

  describe('every failure of every read gives a reason, and the other reads stand', () => {
    const modes: { name: string; env: Record<string, string>; fact: 'Certificates' | 'Tpm' | 'JoinTask' | 'Clock' | 'CdjAad' | 'TpmEvents'; reason: RegExp }[] = [
      { name: 'the System log refused', env: { FAKE_QE_SYSTEM_EXIT: '5', FAKE_QE_SYSTEM_STDERR: 'Failed to read events. Access is denied.' }, fact: 'TpmEvents', reason: /^wevtutil qe System \(TPM events\): .*exited with code 5: Failed to read events\. Access is denied\./ },
      { name: 'the System log query hangs', env: { FAKE_QE_SYSTEM_SLEEP: '4', PRT_TOOL_TIMEOUT_MS: '1500' }, fact: 'TpmEvents', reason: /^wevtutil qe System \(TPM events\): .*did not finish/ },
      { name: 'the System log answers with something that is not event XML', env: { FAKE_QE_SYSTEM: join(fakes, 'wevtutil') }, fact: 'TpmEvents', reason: /^wevtutil qe System \(TPM events\): / },
      { name: 'certutil denied', env: { FAKE_CERTUTIL_FILE: '', FAKE_CERTUTIL_EXIT: '5' }, fact: 'Certificates', reason: /certutil -store My: .*exited with code 5/ },
      { name: 'certutil localized', env: { FAKE_CERTUTIL_FILE: real('tpmtool-getdeviceinformation-intel-ptt.txt') }, fact: 'Certificates', reason: /no certificate block/ },
      { name: 'tpmtool hangs', env: { FAKE_TPMTOOL_SLEEP: '10', PRT_TOOL_TIMEOUT_MS: '1500' }, fact: 'Tpm', reason: /did not finish/ },
      { name: 'tpmtool prints nothing', env: { FAKE_TPMTOOL_FILE: '' }, fact: 'Tpm', reason: /no "TPM Present" line/ },
      { name: 'the task is missing', env: { FAKE_SCHTASKS_EXIT: '1' }, fact: 'JoinTask', reason: /cannot find the file/ },
      { name: 'the time service is stopped', env: { FAKE_W32TM_FILE: '', FAKE_W32TM_EXIT: '1' }, fact: 'Clock', reason: /w32tm \/query \/status/ },
      { name: 'reg access denied', env: { FAKE_CDJ_AAD_DENIED: '1' }, fact: 'CdjAad', reason: /reg query.*Access is denied/ },
    ];
    for (const { name, env, fact, reason } of modes) {
      it(name, async () => {
        const facts = await liveHost(env).readDeviceFacts({ domain: 'CONTOSO' });
        expect(facts[fact].Value).toBeNull();
        expect(facts[fact].Reason).toMatch(reason);
        // One tool's failure leaves the others' facts (the short timeout of the hang case applies to all).
        if (!env.PRT_TOOL_TIMEOUT_MS) expect(facts.DomainController.Reason).toBeNull();
      });
    }

    it('tools that are not there at all', async () => {
      const facts = await liveHost({ PRT_SYSTEM32_DIR: folder }).readDeviceFacts({ domain: 'CONTOSO' });
      for (const fact of ['Certificates', 'Tpm', 'DomainController', 'JoinTask', 'Clock', 'CdjAad', 'TpmEvents'] as const) expect(facts[fact].Reason, fact).toMatch(/was not found/);
    });
  });

  describe('the SCP and the password time, from the PowerShell LDAP collector', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const collectorOutput = (fields: Record<string, unknown>) => {
      const file = join(folder, 'collector.json');
      const computer = { SamAccountName: 'CTS-WS-0042$', Found: true, ObjectGuid: '4c1e7b92-0d35-4a68-9f27-e85b3a6d01c4', Certificates: [{ Subject: 'CN=4c1e7b92-0d35-4a68-9f27-e85b3a6d01c4', Thumbprint: '9E4B2C71D05A8F36B1E7C42D9A0F5B63E8C1D27A', NotAfter: '2055-03-04T08:12:44Z', Error: null }] };
      writeFileSync(file, `${JSON.stringify({ Version: 2, Scp: null, ScpError: null, User: 'CONTOSO\\alice', PasswordLastSet: null, PasswordError: null, Computer: computer, ComputerError: null, ...fields })}\r\n`);
      return file;
    };
    /** The one powershell call: its argv, and that the script was there while it ran and is gone after. */
    const collectorCall = () => {
      const lines = calls();
      const call = lines.filter((line) => line.startsWith('powershell'));
      expect(call).toHaveLength(1);
      expect(lines).toContain('collector script present');
      const match = /^powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File (\S+\/prt-device-[^/]+\/prt-device-ad\.ps1)$/.exec(call[0] ?? '');
      expect(match, call[0]).not.toBeNull();
      const script = match?.[1] ?? '';
      expect(existsSync(script)).toBe(false);
      expect(existsSync(join(script, '..'))).toBe(false);
    };

    it('reads both facts, running Windows PowerShell with -File and removing the script afterwards', async () => {
      const output = collectorOutput({ Scp: { Found: true, Keywords: ['azureADName:contoso.onmicrosoft.com', `azureADId:${tenant}`] }, PasswordLastSet: '2026-11-30T08:15:02Z' });
      const facts = await liveHost({ FAKE_POWERSHELL_AD_FILE: output }).readDeviceFacts({ domain: 'CONTOSO' });
      expect(facts.Scp).toEqual({ Value: { TenantId: tenant, TenantName: 'contoso.onmicrosoft.com' }, Reason: null });
      expect(facts.Password).toEqual({ Value: { PasswordLastSet: '2026-11-30T08:15:02Z' }, Reason: null });
      expect(facts.ComputerObject.Value?.Certificates.map((c) => c.Subject)).toEqual(['CN=4c1e7b92-0d35-4a68-9f27-e85b3a6d01c4']);
      collectorCall();
    });

    it('no SCP object in the forest is an answer', async () => {
      const output = collectorOutput({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z' });
      const facts = await liveHost({ FAKE_POWERSHELL_AD_FILE: output }).readDeviceFacts({ domain: 'CONTOSO' });
      expect(facts.Scp).toEqual({ Value: null, Reason: null });
      collectorCall();
    });

    it('each part failing in the script gives its own Unknown', async () => {
      const output = collectorOutput({ ScpError: 'The server is not operational.', PasswordError: 'Access is denied.', Computer: null, ComputerError: 'A referral was returned from the server.' });
      const facts = await liveHost({ FAKE_POWERSHELL_AD_FILE: output }).readDeviceFacts({ domain: 'CONTOSO' });
      expect(facts.Scp.Reason).toBe('the SCP over LDAP: The server is not operational.');
      expect(facts.Password.Reason).toBe('pwdLastSet of CONTOSO\\alice (the user prt runs as): Access is denied.');
      expect(facts.ComputerObject.Reason).toBe('the computer object over LDAP: A referral was returned from the server.');
      collectorCall();
    });

    const failures: { name: string; env: () => Record<string, string>; reason: RegExp }[] = [
      { name: 'garbage output', env: () => ({ FAKE_POWERSHELL_AD_FILE: join(fakes, 'powershell') }), reason: /^the PowerShell LDAP collector: the collector's output is not JSON/ },
      { name: 'PowerShell fails', env: () => ({ FAKE_POWERSHELL_AD_EXIT: '1', FAKE_POWERSHELL_AD_STDERR: 'execution of scripts is disabled' }), reason: /^the PowerShell LDAP collector: .*exited with code 1/ },
      { name: 'PowerShell is not there', env: () => ({ PRT_SYSTEM32_DIR: folder }), reason: /was not found/ },
    ];
    for (const { name, env, reason } of failures) {
      it(`${name}: both facts Unknown with the reason, the script removed`, async () => {
        const collectorFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('prt-device-') && existsSync(join(tmpdir(), name, 'prt-device-ad.ps1')));
        const before = collectorFolders();
        const facts = await liveHost(env()).readDeviceFacts({ domain: 'CONTOSO' });
        expect(collectorFolders().filter((name) => !before.includes(name))).toEqual([]);
        expect(facts.Scp.Value).toBeNull();
        expect(facts.Scp.Reason).toMatch(reason);
        expect(facts.Password.Reason).toMatch(reason);
        expect(facts.ComputerObject.Reason).toMatch(reason);
      });
    }
  });

  it('refuses on a computer that is not Windows (no forced live mode)', async () => {
    await expect(createHost({}, 'linux').readDeviceFacts({ domain: null })).rejects.toMatchObject({ id: 'NotWindows' });
  });
});
