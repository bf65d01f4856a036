import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../src/doctor/types.js';
import { runInMemory } from '../cli/harness.js';

const stateDir = mkdtempSync(join(tmpdir(), 'prt-doctor-real-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
const real = (name: string) => join(import.meta.dirname, '../../fixtures/real/dsregcmd', name);

/** `prt doctor --input <real capture> --json`, judging only what the capture shows. */
async function doctorOnCapture(name: string, ...extra: string[]): Promise<DoctorReport> {
  const result = await runInMemory(['doctor', '--input', real(name), '--json', ...extra], undefined as never, { PRT_STATE_DIR: stateDir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as DoctorReport;
}

describe('prt doctor on real captures (test/fixtures/real, SOURCES.md)', () => {
  // Pre-join captures taken as SYSTEM: the join failed, and the missing user session is a limit of
  // the capture, not the reason there is no PRT.
  it.each([
    ['pre-join-discover-0x801c0021-0x801c000c-system.txt'],
    ['pre-join-join-directoryerror-0x801c03f2.txt'],
  ])('%s: a join cause comes before the missing user session', async (name) => {
    const causes = (await doctorOnCapture(name)).Causes.map((cause) => cause.Id);
    expect(causes[0], causes.join(',')).not.toBe('NoUserContext');
    expect(['NotJoined', 'ScpMisconfigured']).toContain(causes[0]);
    expect(causes).toContain('NotJoined');
    expect(causes.indexOf('NoUserContext')).toBeGreaterThan(causes.indexOf('NotJoined'));
  });

  it('a one-box paste is not enough evidence, and never healthy', async () => {
    const causes = (await doctorOnCapture('partial-user-state-only-ngc-set.txt')).Causes.map((cause) => cause.Id);
    expect(causes[0]).toBe('NotEnoughEvidence');
    expect(causes).not.toContain('NoFault');
  });

  it('a wrong password shown in the SSO State is named from the capture alone', async () => {
    const causes = (await doctorOnCapture('partial-sso-only-missing-0xc000006d-aadsts50126.txt')).Causes.map((cause) => cause.Id);
    expect(causes[0]).toBe('WrongPassword');
  });

  it('an undated capture whose PRT is old by today\'s clock is not a PRT that stopped renewing: its age is unknown, and the doctor asks when it was taken', async () => {
    const [first] = (await doctorOnCapture('notes-shortened-ids-aadj-azure-vm-software-key-healthy.txt')).Causes;
    expect(first?.Id).toBe('NotEnoughEvidence');
    expect(first?.Evidence.join(' | ')).toMatch(/AzureAdPrt YES, expiring 2021-08-24T06:04:03\.000Z, in a capture that does not say when it was taken \(no Client Time\): its age cannot be judged/);
    expect(first?.NextStep).toMatch(/^Collect when the capture was taken \(`--now`/);
    // Judged as of the day it was taken, the same capture is a fresh PRT.
    const [asOfThen] = (await doctorOnCapture('notes-shortened-ids-aadj-azure-vm-software-key-healthy.txt', '--now', '2021-08-10T06:30:00Z')).Causes;
    expect(asOfThen?.Id).toBe('NoFault');
  });

  it('a PRT shown without its times is evidence the doctor names, not "nothing read"', async () => {
    const [first] = (await doctorOnCapture('fragments-six-fences-prt-yes-no-times-mdm-updated-lab.txt')).Causes;
    expect(first?.Id).toBe('NotEnoughEvidence');
    expect(first?.Evidence).toContain('AzureAdPrt YES, but its update and expiry times are not shown or unreadable');
    expect(first?.Evidence).not.toContain('nothing that bears on the PRT was read');
  });
});
