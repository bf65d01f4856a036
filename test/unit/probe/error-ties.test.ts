import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { isNetworkClass, isTransportFailure, PROBE_CHECK_STEP, PROBE_NEXT_STEP } from '../../../src/probe/ties.js';
import type { ProbedDiagnosis } from '../../../src/cli/present/probe-ties.js';

const stateDir = mkdtempSync(join(tmpdir(), 'prt-probe-error-'));

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env: { PRT_SIM_SPEED: '0', PRT_STATE_DIR: stateDir } });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('which codes are the network\'s', () => {
  test.each(['12029', '0x80072EFD', '-2147012867', '0xC000023C', '0xcaa82efd', '12007', '0xc00cee4f', '0xcaa30197'])('%s is', (code) => {
    expect(isNetworkClass(code)).toBe(true);
  });
  test.each(['0xc000006d', 'AADSTS50126', '0x80070005', '0xcaa5001c'])('%s is not', (code) => {
    expect(isNetworkClass(code)).toBe(false);
  });
});

describe('prt error names prt probe for network failures', () => {
  test('a 12007 / 0xc000023c failure: the probe comes first, or right after the URL to check', async () => {
    const diagnosis = JSON.parse((await run(['error', '--simulate', 'network-unreachable', '--json'])).stdout) as ProbedDiagnosis;
    const failed = diagnosis.Attempts.filter((attempt) => !attempt.Succeeded);
    expect(failed.length).toBeGreaterThan(0);
    for (const attempt of failed) {
      const at = attempt.NextSteps.indexOf(PROBE_NEXT_STEP);
      expect(at === 0 || (at === 1 && attempt.Url !== null && attempt.NextSteps[0]?.includes(attempt.Url))).toBe(true);
    }
    expect(diagnosis.Probe).toBeUndefined();
  });

  test('a server answer the probe can check (a real 1081 with AADSTS50034): the code\'s own steps first, the probe last', async () => {
    const diagnosis = JSON.parse((await run(['error', '--events', 'test/fixtures/real/events/account-disabled-1081-loose-header.txt', '--json'])).stdout) as ProbedDiagnosis;
    const [attempt] = diagnosis.Attempts;
    expect(attempt?.NextSteps.at(-1)).toBe(PROBE_CHECK_STEP);
    expect(attempt?.NextSteps.length).toBeGreaterThan(1);
    expect(attempt?.NextSteps).not.toContain(PROBE_NEXT_STEP);
  });

  test.each([['AADSTS50034', false, true], ['0xc004848c', false, true], ['12029', true, true], ['0xC000023C', true, true], ['AADSTS50126', false, false]])(
    '%s: got no answer %s, the probe can check it %s',
    (code, transport, checkable) => {
      expect(isTransportFailure(code)).toBe(transport);
      expect(isNetworkClass(code)).toBe(checkable);
    },
  );

  test('a wrong password is not sent to the probe', async () => {
    const diagnosis = JSON.parse((await run(['error', '--simulate', 'hybrid-wrong-password', '--json'])).stdout) as ProbedDiagnosis;
    expect(diagnosis.Attempts.some((attempt) => attempt.NextSteps.includes(PROBE_NEXT_STEP) || attempt.NextSteps.includes(PROBE_CHECK_STEP))).toBe(false);
  });
});

describe('prt error --probe adds the probe to the chain', () => {
  // A device whose refresh fails with WinHTTP 12029 (0x80072efd in event 1084) behind a proxy that wants authentication.
  const scenario = join(stateDir, 'cannot-connect-12029.json');
  writeFileSync(scenario, JSON.stringify({
    Extends: 'network-unreachable',
    Name: 'cannot-connect-12029',
    Prt: { LastAttempt: { Kind: 'Refresh', AttemptStatus: '0xc000023c', CredentialType: 'Prt', CorrelationId: '3d1f6b80-2a94-4c7e-b5d3-8e0a9c2f4b61', EndpointUri: 'https://login.microsoftonline.com/a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98/oauth2/token', HttpMethod: 'POST', HttpError: '0x80072efd', HttpStatus: 0, ServerErrorCode: '', ServerErrorDescription: '', SecondsAgo: 1800 } },
    History: [{ Id: 1084, AtMs: -1_800_000, Data: ['-2147012867', '3d1f6b80-2a94-4c7e-b5d3-8e0a9c2f4b61'] }],
    Network: { WinHttpProxy: 'proxy.fabrikam.com:8080', Fault: 'ProxyAuthRequired' },
  }));

  test('a 12029 failure shows the probe\'s finding beside its codes (JSON)', async () => {
    const result = await run(['error', '--probe', '--simulate', scenario, '--json']);
    expect(result.stderr).toBe('');
    const diagnosis = JSON.parse(result.stdout) as ProbedDiagnosis;
    const attempt = diagnosis.Attempts.find((candidate) => candidate.Explanation.some((link) => link.Code === '12029'));
    expect(attempt, JSON.stringify(diagnosis.Attempts.map((a) => a.Explanation.map((l) => l.Code)))).toBeDefined();
    expect(attempt?.ProbeFindings?.[0]).toMatchObject({ Id: 'ProxyAuthRequired', Context: 'System', Target: 'login.microsoftonline.com' });
    expect(diagnosis.Probe?.Findings[0]?.Id).toBe('ProxyAuthRequired');
  });

  test('and in text, under the failure', async () => {
    const result = await run(['error', '--probe', '--simulate', scenario]);
    expect(result.stdout).toContain('Network probe as SYSTEM (prt probe)');
    expect(result.stdout).toMatch(/✖ ProxyAuthRequired: The proxy proxy\.fabrikam\.com:8080 answered 407/);
  });

  test('the probe scenarios of #14 show their finding in the chain too', async () => {
    const diagnosis = JSON.parse((await run(['error', '--probe', '--simulate', 'tls-inspection', '--json'])).stdout) as ProbedDiagnosis;
    expect(diagnosis.Attempts.find((attempt) => attempt.ProbeFindings)?.ProbeFindings?.[0]?.Id).toBe('TlsInspected');
  });

  test('--probe with --json-lines is refused', async () => {
    expect((await run(['error', '--probe', '--all', '--json-lines', '--simulate', 'healthy'])).code).toBe(2);
  });
});
