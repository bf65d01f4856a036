import { afterEach, describe, expect, it } from 'vitest';
import { runInMemory } from '../cli/harness.js';
import { leftAsItWas, pristine, SimLab } from './sim-harness.js';

const labs: SimLab[] = [];
const lab = (scenario: string, changes = {}) => {
  const made = new SimLab(scenario, changes);
  labs.push(made);
  return made;
};
afterEach(() => {
  for (const made of labs.splice(0)) made.dispose();
});

/** In-memory CLI on a simulated device; the state goes to the lab's folder. */
const prt = (sim: SimLab, argv: string[]) => runInMemory(argv, sim.host, { PRT_STATE_DIR: sim.dir });

describe('prt trace (in memory, simulated device)', () => {
  it('run --json prints one document on stdout and the progress as plain lines on stderr', async () => {
    const sim = lab('hybrid-wrong-password');
    const result = await prt(sim, ['trace', 'run', '--json']);
    expect(result.code).toBe(0);
    const bundle = JSON.parse(result.stdout);
    expect(bundle).toMatchObject({ Outcome: 'Completed', Host: 'Simulated', Scenario: 'hybrid-wrong-password', Repro: { Outcome: 'AttemptFailed', AttemptStatus: '0xc000006d' } });
    expect(result.stderr).toMatch(/^prt: \[2026-11-20T09:30:00Z\] trace /);
    expect(result.stderr).toContain('ok Network trace (netsh)');
    expect(result.stderr).toContain('>> Lock this device now');
    expect(result.stderr).not.toContain('\u001b[');
  });

  it('run without --json prints a short summary with the bundle', async () => {
    const result = await prt(lab('stale-fixed-by-unlock'), ['trace', 'run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Trace completed (simulated device: stale-fixed-by-unlock)');
    expect(result.stdout).toMatch(/PRT\s+Stale before, Healthy after/);
    expect(result.stdout).toMatch(/Zip\s+.*\.zip/);
  });

  it('start --dry-run shows the plan and the checks and changes nothing', async () => {
    const sim = lab('hybrid-wrong-password', { Environment: { NetworkTraceRunning: true } });
    const result = await prt(sim, ['trace', 'start', '--dry-run', '--lsass-trace', '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.Steps.find((step: { Id: string }) => step.Id === 'NetworkTrace')).toMatchObject({ Enabled: true, Undo: 'netsh trace stop' });
    expect(plan.Steps.find((step: { Id: string }) => step.Id === 'LsassTrace').Action).toContain('TTD -accepteula -noUI -attach <lsass PID> -out');
    expect(plan.Checks.find((check: { Check: string }) => check.Check === 'NetworkTrace')).toMatchObject({ Passed: false });
    expect(sim.device.state.Calls.every((line) => /^(whoami|netsh trace show status|reg query)/.test(line))).toBe(true);
    expect(sim.stateFileExists()).toBe(false);
  });

  it('start, status, stop: the session, then the bundle', async () => {
    const sim = lab('healthy');
    const started = await prt(sim, ['trace', 'start', '--json']);
    expect(started.code).toBe(0);
    expect(JSON.parse(started.stdout)).toMatchObject({ State: 'Running', Mode: 'Detached' });
    const status = JSON.parse((await prt(sim, ['trace', 'status', '--json'])).stdout);
    expect(status).toMatchObject({ Active: true, Interrupted: false, Session: { State: 'Running' } });
    const stopped = await prt(sim, ['trace', 'stop', '--json']);
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout).Outcome).toBe('Completed');
    expect(leftAsItWas(sim.device)).toEqual(pristine);
  });

  it('stop with nothing running exits 4 with the JSON error', async () => {
    const result = await prt(lab('healthy'), ['trace', 'stop', '--json']);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error).toMatchObject({ Id: 'NoTraceSession', Category: 'ResourceUnavailable' });
  });

  it('the lsass trace without a prompt needs --yes (exit 2)', async () => {
    const result = await prt(lab('healthy'), ['trace', 'start', '--lsass-trace', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LsassTraceNotConfirmed');
  });

  it('rejects a --hybrid-wait that is not a number of seconds', async () => {
    const result = await prt(lab('healthy'), ['trace', 'run', '--hybrid-wait', 'soon', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '{}').Error).toMatchObject({ Id: 'Usage', Category: 'InvalidArgument' });
    expect(result.stderr).toContain('--hybrid-wait');
  });

  it('rejects a --timeout of more than a day', async () => {
    const result = await prt(lab('healthy'), ['trace', 'run', '--timeout', '90000', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timeout');
  });

  it('not elevated: exit 4, NotElevated, PermissionDenied', async () => {
    const result = await prt(lab('healthy', { Environment: { Elevated: false } }), ['trace', 'start', '--json']);
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error).toMatchObject({ Id: 'NotElevated', Category: 'PermissionDenied' });
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s during the repro undoes everything and exits 5', async (signal) => {
    const sim = lab('hybrid-wrong-password', { User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 5_000 } });
    const running = prt(sim, ['trace', 'run', '--json']);
    for (let i = 0; i < 500 && !sim.device.state.Calls.some((line) => line.startsWith('netsh trace start')); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.emit(signal, signal);
    const result = await running;
    expect(result.code).toBe(5);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error).toMatchObject({ Id: 'Interrupted', Category: 'OperationStopped' });
    expect(result.stderr).toContain(`interrupted by ${signal}`);
    expect(leftAsItWas(sim.device)).toEqual(pristine);
    expect(sim.stateFileExists()).toBe(false);
    expect(process.listenerCount(signal)).toBe(0);
  });
});
