import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ProbeReport } from '../../../src/probe/types.js';
import { runInMemory } from '../cli/harness.js';
import { SimLab } from '../trace/sim-harness.js';

const labs: SimLab[] = [];
afterEach(() => {
  for (const made of labs.splice(0)) made.dispose();
});

describe('prt trace probes the network once, as SYSTEM, before the repro', () => {
  test('the bundle carries probe.json with the scenario\'s finding, and the progress says so', async () => {
    const sim = new SimLab('proxy-auth-required', {});
    labs.push(sim);
    const result = await runInMemory(['trace', 'run', '--json'], sim.host, { PRT_STATE_DIR: sim.dir });
    expect(result.code).toBe(0);
    const bundle = JSON.parse(result.stdout) as { BundlePath: string; Files: { Path: string }[] };
    const file = join(bundle.BundlePath, 'probe.json');
    expect(existsSync(file)).toBe(true);
    const report = JSON.parse(readFileSync(file, 'utf8')) as ProbeReport;
    expect(report.Runs.map((run) => run.Context)).toEqual(['System']);
    expect(report.Findings[0]?.Id).toBe('ProxyAuthRequired');
    expect(bundle.Files.map((entry) => entry.Path)).toContain('probe.json');
    expect(result.stderr).toContain('Network probe as SYSTEM: ProxyAuthRequired (login.microsoftonline.com)');
    // Before the repro: the probe's line comes before the instruction to lock.
    expect(result.stderr.indexOf('Network probe as SYSTEM')).toBeLessThan(result.stderr.indexOf('Lock this device now'));
  });

  test('a healthy device\'s bundle has probe.json with no finding', async () => {
    const sim = new SimLab('healthy', {});
    labs.push(sim);
    const result = await runInMemory(['trace', 'run', '--json'], sim.host, { PRT_STATE_DIR: sim.dir });
    const bundle = JSON.parse(result.stdout) as { BundlePath: string };
    const report = JSON.parse(readFileSync(join(bundle.BundlePath, 'probe.json'), 'utf8')) as ProbeReport;
    expect(report.Findings).toEqual([]);
    expect(readFileSync(join(bundle.BundlePath, 'trace.log'), 'utf8')).toContain('Network probe as SYSTEM: every endpoint answered');
  });
});
