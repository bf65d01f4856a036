import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDeviceState, SimulatedDevice } from '../../../src/sim/device.js';
import { createSimulatedHost, loadScenario, simulatedHostFor, simulationSpeed } from '../../../src/sim/host.js';
import { takeSimulateOption } from '../../../src/cli/argv.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prt-sim-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const scenario = builtInScenarios['hybrid-wrong-password']!;

describe('the simulated clock', () => {
  it('starts at the scenario start and runs compressed', async () => {
    const realStart = Date.now();
    const device = new SimulatedDevice(freshDeviceState(scenario, 1000, realStart), null);
    const start = device.nowMs();
    // A thousand simulated ms per real ms since realStart, however slow this machine is today.
    const realElapsed = Date.now() - realStart;
    expect(start - Date.parse(scenario.Start)).toBeGreaterThanOrEqual(0);
    expect(start - Date.parse(scenario.Start)).toBeLessThanOrEqual(realElapsed * 1000 + 1000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(device.nowMs() - start).toBeGreaterThanOrEqual(50_000);
  });

  it('moves only when the host sleeps at speed "instant"', async () => {
    const device = new SimulatedDevice(freshDeviceState(scenario, 0, Date.now()), null);
    const host = simulatedHostFor(device);
    const t0 = host.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.now().getTime()).toBe(t0);
    await host.sleep(90_000);
    expect(host.now().getTime()).toBe(t0 + 90_000);
  });

  it('reads PRT_SIM_SPEED', () => {
    expect(simulationSpeed({})).toBe(20);
    expect(simulationSpeed({ PRT_SIM_SPEED: '500' })).toBe(500);
    expect(simulationSpeed({ PRT_SIM_SPEED: 'instant' })).toBe(0);
  });
});

describe('the simulated device', () => {
  it('logs nothing in the Analytic channel while it is disabled, as Windows', async () => {
    const device = new SimulatedDevice(freshDeviceState(scenario, 0, Date.now()), null);
    const host = simulatedHostFor(device);
    await host.expectRepro();
    await host.sleep(200_000);
    expect(device.eventsOf('Microsoft-Windows-AAD/Analytic')).toEqual([]);
    expect(device.eventsOf('Microsoft-Windows-AAD/Operational').map((e) => e.Id)).toEqual([1081, 1081]);
  });

  it('clears the Analytic channel when it is enabled', async () => {
    const device = new SimulatedDevice(freshDeviceState({ ...scenario, Environment: { ...scenario.Environment, AnalyticEnabled: true } }, 0, Date.now()), null);
    const host = simulatedHostFor(device);
    await host.expectRepro();
    await host.sleep(200_000);
    expect(device.eventsOf('Microsoft-Windows-AAD/Analytic').length).toBeGreaterThan(0);
    await host.setChannelEnabled('Microsoft-Windows-AAD/Analytic', false);
    await host.setChannelEnabled('Microsoft-Windows-AAD/Analytic', true);
    expect(device.eventsOf('Microsoft-Windows-AAD/Analytic')).toEqual([]);
  });

  it('refuses a second network trace and stopping none, like netsh', async () => {
    const host = simulatedHostFor(new SimulatedDevice(freshDeviceState(scenario, 0, Date.now()), null));
    await expect(host.stopNetworkTrace()).rejects.toThrow(/no trace session/);
    await host.startNetworkTrace(join(dir, 'a.etl'));
    await expect(host.startNetworkTrace(join(dir, 'b.etl'))).rejects.toThrow(/already a trace session/);
    expect(host.takeToolRuns().map((run) => [run.CommandLine.split(' ').slice(0, 3).join(' '), run.ExitCode])).toEqual([
      ['netsh trace stop', 1],
      ['netsh trace start', 0],
      ['netsh trace start', 1],
    ]);
  });

  it('persists while a trace is open, so the next prt process finds it as it was', async () => {
    const first = createSimulatedHost('hybrid-wrong-password', { env: { PRT_SIM_SPEED: 'instant' }, stateDir: dir });
    await first.setChannelEnabled('Microsoft-Windows-AAD/Analytic', true);
    writeFileSync(join(dir, 'trace-state.json'), '{}');
    const second = createSimulatedHost('healthy', { env: {}, stateDir: dir });
    expect(second.scenarioName).toBe('hybrid-wrong-password');
    expect(await second.isChannelEnabled('Microsoft-Windows-AAD/Analytic')).toBe(true);
    rmSync(join(dir, 'trace-state.json'));
    const third = createSimulatedHost('healthy', { env: {}, stateDir: dir });
    expect(third.scenarioName).toBe('healthy');
    expect(await third.isChannelEnabled('Microsoft-Windows-AAD/Analytic')).toBe(false);
  });
});

describe('scenario files', () => {
  it('extend a built-in scenario and change what they name', () => {
    const file = join(dir, 'my-device.json');
    writeFileSync(file, JSON.stringify({ Extends: 'healthy', Name: 'not-elevated', Environment: { Elevated: false } }));
    const loaded = loadScenario(file);
    expect(loaded.Name).toBe('not-elevated');
    expect(loaded.Environment).toEqual({ ...builtInScenarios.healthy!.Environment, Elevated: false });
    expect(loaded.OnUnlock).toEqual(builtInScenarios.healthy!.OnUnlock);
  });

  it('name an unknown scenario with the list of known ones (usage error)', () => {
    expect(() => loadScenario('hybird')).toThrow(expect.objectContaining({ id: 'UnknownScenario', exitCode: 2, message: expect.stringContaining('hybrid-wrong-password') }));
  });

  it('say what is wrong with a broken file (bad input)', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ Extends: 'healthy', Name: 'Bad Name', User: { LocksAfterSeconds: 10, UnlocksAfterSeconds: 5 } }));
    expect(() => loadScenario(file)).toThrow(expect.objectContaining({ id: 'ScenarioUnreadable', exitCode: 3, message: expect.stringMatching(/kebab-case.*UnlocksAfterSeconds/) }));
    writeFileSync(file, '{ not json');
    expect(() => loadScenario(file)).toThrow(expect.objectContaining({ id: 'ScenarioUnreadable' }));
  });
});

describe('--simulate on the command line', () => {
  it('is taken out of argv wherever it stands, in both spellings', () => {
    expect(takeSimulateOption(['status', '--simulate', 'healthy', '--json'])).toEqual({ argv: ['status', '--json'], simulate: 'healthy' });
    expect(takeSimulateOption(['trace', 'run', '--simulate=ws-trust-dtd'])).toEqual({ argv: ['trace', 'run'], simulate: 'ws-trust-dtd' });
    expect(takeSimulateOption(['explain', '--', '--simulate'])).toEqual({ argv: ['explain', '--', '--simulate'], simulate: undefined });
  });

  it('needs a value', () => {
    expect(() => takeSimulateOption(['status', '--simulate'])).toThrow(expect.objectContaining({ id: 'MissingScenario', exitCode: 2 }));
  });
});
