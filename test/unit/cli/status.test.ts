import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badInput } from '../../../src/errors.js';
import { runInMemory, scriptedHost } from './harness.js';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/dsregcmd/${name}`, import.meta.url));

describe('prt status (in memory)', () => {
  it('runs dsregcmd through the host when no input is given and judges by the system clock', async () => {
    let calls = 0;
    const host = scriptedHost({
      runDsregcmdStatus: async () => {
        calls += 1;
        return capture('hybrid-enterprise-prt.txt');
      },
    });
    const result = await runInMemory(['status', '--json'], host);
    expect(result.code).toBe(0);
    expect(calls).toBe(1);
    const status = JSON.parse(result.stdout);
    expect(status.Source.Kind).toBe('Live');
    expect(status.ClockSource).toBe('SystemClock');
    expect(status.EvaluatedAt).toBe('2026-11-26T12:00:00.000Z');
  });

  it('reads the file named by --input through the host', async () => {
    const asked: string[] = [];
    const host = scriptedHost({
      readCapture: async (path) => {
        asked.push(path);
        return capture('stale-prt.txt');
      },
    });
    const result = await runInMemory(['status', '--input', 'C:\\tickets\\stale.txt', '--json'], host);
    expect(asked).toEqual(['C:\\tickets\\stale.txt']);
    expect(JSON.parse(result.stdout).Health).toBe('Stale');
  });

  it('writes a host error as the contract JSON on stderr with its exit code', async () => {
    const host = scriptedHost({ readCapture: async () => Promise.reject(badInput('FileNotFound', '`x.txt` does not exist')) });
    const result = await runInMemory(['status', '--input', 'x.txt', '--json'], host);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({ Error: { Id: 'FileNotFound', Message: '`x.txt` does not exist', Category: 'InvalidData' } });
  });

  it('reports a bug as an internal error with exit 70, never as a finding', async () => {
    const host = scriptedHost({ readCapture: async () => Promise.reject(new TypeError('boom')) });
    const result = await runInMemory(['status', '--input', 'x.txt'], host);
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('internal error');
  });

  it('refuses --sample together with --input', async () => {
    const result = await runInMemory(['status', '--sample', '--input', 'x.txt', '--json'], scriptedHost());
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).Error.Id).toBe('ConflictingOptions');
  });

  it('writes colour only to a terminal and never when NO_COLOR is set', async () => {
    const result = await runInMemory(['status', '--sample'], scriptedHost());
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toContain('MISSING');
  });
});

describe('prt status --detect (Intune Remediations detection)', () => {
  const fromFixture = (name: string) => scriptedHost({ readCapture: async () => capture(name) });

  it('prints one line and exits 1 for a missing PRT', async () => {
    const result = await runInMemory(['status', '--detect', '--input', 'x.txt'], fromFixture('missing-prt-0xc000006d-aadsts50126.txt'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Missing AzureAdJoined AzureAdPrt=NO attempt=0xc000006d/invalid_grant finding=PrtMissing\n');
  });

  it('exits 0 for a healthy PRT and says its age', async () => {
    const result = await runInMemory(['status', '--detect', '--input', 'x.txt'], fromFixture('healthy-aadj.txt'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Healthy AzureAdJoined AzureAdPrt=YES age=1.3h\n');
  });

  it('exits 1 for a stale PRT', async () => {
    const result = await runInMemory(['status', '--detect', '--input', 'x.txt'], fromFixture('stale-prt.txt'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Stale .*finding=PrtStale\n$/);
  });

  it('exits 0 for a device that has no device PRT to judge', async () => {
    const result = await runInMemory(['status', '--detect', '--input', 'x.txt'], fromFixture('domain-joined-only.txt'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NotApplicable DomainJoined /);
  });

  it('refuses --detect with --json', async () => {
    const result = await runInMemory(['status', '--detect', '--json', '--sample'], scriptedHost());
    expect(result.code).toBe(2);
  });
});

describe('prt --help', () => {
  it('writes no colour codes when the output is not a terminal, whatever TERM says', async () => {
    const result = await runInMemory(['--help'], scriptedHost(), { TERM: 'xterm-256color' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('prt status');
    expect(result.stdout).not.toContain('\u001b[');
  });
});

describe('prt status on real, partial input', () => {
  const real = (name: string) => readFileSync(new URL(`../../fixtures/real/dsregcmd/${name}`, import.meta.url));

  it('says in its first lines what was judged, what was not, and what to ask for', async () => {
    const host = scriptedHost({ readCapture: async () => real('partial-device-state-only-hybrid-hybridadfs.txt') });
    const result = await runInMemory(['status', '--input', 'x.txt'], host);
    expect(result.code).toBe(0);
    const first = result.stdout.split('\n').slice(0, 5).join('\n');
    expect(first).toContain('UNKNOWN');
    expect(first).toContain('Judged: the join type');
    expect(first).toContain('Not judged: the Azure AD PRT (no SSO State box)');
    expect(first).toMatch(/Ask the user for the whole output of `dsregcmd \/status`, run in their own signed-in session/);
  });

  it("says in one line that a capture without a clock is judged by this computer's clock", async () => {
    const host = scriptedHost({ readCapture: async () => real('redacted-date-sso-adfs-msis9682-stray-x.txt') });
    const result = await runInMemory(['status', '--input', 'x.txt'], host);
    expect(result.stdout.match(/judged against this computer's clock/g)).toHaveLength(1);
    // The Enterprise PRT's failed attempt went to AD FS, and says so.
    expect(result.stdout).toContain('Acquire Enterprise PRT (AD FS)');
    expect(result.stdout).not.toMatch(/WS-Trust/i);
  });

  it('says the times could not be trusted when they contradict each other', async () => {
    const host = scriptedHost({ readCapture: async () => real('inconsistent-sso-expiry-before-update-enterprise-redacted.txt') });
    const result = await runInMemory(['status', '--input', 'x.txt', '--now', '2020-07-12T23:00:00Z'], host);
    expect(result.stdout.split('\n')[1]).toContain('UNKNOWN — the PRT times in the capture cannot be trusted');
  });

  it('prints AzureAdPrt=unknown on the detection line when the capture does not show it', async () => {
    const host = scriptedHost({ readCapture: async () => real('partial-device-state-only-aadj-console-fence.txt') });
    const result = await runInMemory(['status', '--detect', '--input', 'x.txt'], host);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Unknown AzureAdJoined AzureAdPrt=unknown finding=PartialCapture\n$/);
  });

  it('exits 3 on text with no dsregcmd field, naming what was expected', async () => {
    const host = scriptedHost({ readCapture: async () => Buffer.from('hello\nthe PRT is broken, please help\n') });
    const result = await runInMemory(['status', '--input', 'mail.txt', '--json'], host);
    expect(result.code).toBe(3);
    const error = JSON.parse(result.stderr).Error;
    expect(error.Id).toBe('NotDsregcmdOutput');
    expect(error.Message).toContain('`mail.txt` is not dsregcmd output');
    expect(error.Message).toContain('expected the text of `dsregcmd /status`');
  });

  it('on this device, a dsregcmd without SSO State means no user session, not a partial capture', async () => {
    const text = readFileSync(new URL('../../fixtures/dsregcmd/healthy-aadj.txt', import.meta.url), 'utf8').replace(/\| SSO State[\s\S]*?(?=\+-+\+\s*\n\| Diagnostic Data)/, '');
    const host = scriptedHost({ runDsregcmdStatus: async () => Buffer.from(text) });
    const status = JSON.parse((await runInMemory(['status', '--json'], host)).stdout);
    expect(status.Findings.map((f: { Id: string }) => f.Id)).toContain('NoUserContext');
    expect(status.Findings.map((f: { Id: string }) => f.Id)).not.toContain('PartialCapture');
    expect(status.Health).toBe('Unknown');
  });
});
