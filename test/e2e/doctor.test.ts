import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, parseSingleJson, repoRoot, runPrt } from './prt.js';

beforeAll(assertBuilt);
const state = mkdtempSync(join(tmpdir(), 'prt-e2e-doctor-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));

const fakes = join(repoRoot, 'test/fakes/bin');
const deviceFixture = (name: string) => join(repoRoot, 'test/fixtures/device', name);

describe('prt doctor and prt device, the built exe', () => {
  it('names the expired device certificate first on the simulated device', () => {
    const result = runPrt(['doctor', '--simulate', 'device-cert-expired', '--json'], { PRT_SIM_SPEED: 'instant', PRT_STATE_DIR: state });
    expect(result.code).toBe(0);
    const report = parseSingleJson(result.stdout);
    expect(report.Causes[0].Id).toBe('DeviceCertificate');
    expect(report.Device.Checks.find((check: { Id: string }) => check.Id === 'DeviceCertExpired').Result).toBe('Fail');
  });

  it('judges a capture alone and says the evidence is thin', () => {
    const result = runPrt(['doctor', '--input', fixture('missing-prt-0xc000006d-aadsts50126.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Verdict {2}WrongPassword/);
    expect(result.stdout).toMatch(/not read: the AAD Operational and Analytic logs/);
  });

  it('reads the device in forced live mode through the fake stock tools, each read failing on its own', () => {
    const result = runPrt(['device', '--json'], {
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: fakes,
      FAKE_DSREGCMD_OUTPUT: join(repoRoot, fixture('hybrid-enterprise-prt.txt')),
      FAKE_CERTUTIL_FILE: deviceFixture('certutil-store-my-device-cert.txt'),
      FAKE_TPMTOOL_FILE: deviceFixture('tpmtool-locked-out.txt'),
      FAKE_SCHTASKS_EXIT: '1',
      FAKE_W32TM_FILE: deviceFixture('w32tm-query-status-not-synced.txt'),
      FAKE_NLTEST_FILE: deviceFixture('nltest-dsgetdc-ok.txt'),
      FAKE_STATE_DIR: state,
      FAKE_QE_SYSTEM: deviceFixture('wevtutil-system-tpm-events.xml'),
    });
    expect(result.code, result.stderr).toBe(0);
    const report = parseSingleJson(result.stdout);
    const byId = (id: string) => report.Checks.find((check: { Id: string }) => check.Id === id);
    expect(byId('TpmLockedOut').Result).toBe('Fail');
    expect(byId('ClockNotSynced').Result).toBe('Fail');
    expect(byId('JoinTaskDisabled').Result).toBe('Unknown');
    expect(byId('JoinTaskDisabled').Reason).toMatch(/schtasks/);
    // The TPM errors of the System log, read with wevtutil and decoded by the knowledge base.
    expect(byId('TpmErrorsLogged')).toMatchObject({ Result: 'Fail', Evidence: { Count: 3, Codes: '0x80280803 TPM_E_DEFEND_LOCK_RUNNING' } });
    // No PowerShell fake answers here: the collector's checks say why, never Pass.
    expect(byId('ComputerCertificateMissing').Result).toBe('Unknown');
    expect(byId('ComputerCertificateMissing').Reason).toMatch(/the PowerShell LDAP collector/);
  });
});
