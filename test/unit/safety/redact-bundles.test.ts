// Whole simulated trace bundles redacted, per scenario: apart from redact.test.ts because each
// run takes seconds (the mutation runs leave this file out, see test/mutation/SUMMARY.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/app/diagnose.js';
import { createHost } from '../../../src/host/create.js';
import { redactPath } from '../../../src/safety/redact-files.js';
import { readZip } from '../../../src/safety/zip-read.js';
import { builtInScenarios } from '../../../src/sim/scenarios.js';
import { runTrace } from '../../../src/trace/session.js';
import { scenarioNames, SimLab } from '../trace/sim-harness.js';
import { diagnosisVerdict } from './verdicts.js';

const files = createHost({ ...process.env, PRT_FORCE_LIVE: '' }, 'linux');
const now = new Date('2026-11-20T10:00:00Z');

describe('redaction of simulated trace bundles', () => {
  it.each(scenarioNames)('the %s bundle diagnoses the same once redacted, in the folder and in the zip', async (scenario) => {
    const sim = new SimLab(scenario);
    try {
      const bundle = await runTrace(sim.context(), sim.options({ TimeoutSeconds: 120 }));
      const folder = bundle.BundlePath!;
      const result = await redactPath(folder, join(sim.dir, 'shared'));
      const read = (root: string) => diagnose(files, { dsregcmd: join(root, 'dsregcmd-after.txt'), events: [join(root, 'events')], now });
      expect(diagnosisVerdict(await read(result.Path))).toEqual(diagnosisVerdict(await read(folder)));

      // Nothing that names the device, its tenant or its user is left, in any file or the zip.
      const device = builtInScenarios[scenario]!.Device;
      const reals = [device.DeviceName, device.DeviceId, device.TenantId, device.UserPrincipalName, device.TenantName].filter((v) => v && v.length > 3);
      const texts = (await readZip(result.ZipPath!, () => true)).map((entry) => [entry.name, entry.data!.toString('utf8')] as const);
      expect(texts.length).toBeGreaterThan(3);
      for (const [name, text] of texts) for (const real of reals) expect(`${name}: ${text}`.toLowerCase(), `${real} in ${name}`).not.toContain(real.toLowerCase());
      expect(texts.map(([name]) => name).some((name) => /redaction-map/.test(name))).toBe(false);
      expect(readFileSync(result.MapPath, 'utf8')).toContain(`"Real": "${device.DeviceName.split('.')[0]}"`);
    } finally {
      sim.dispose();
    }
  });

  it('the same bundle zip and folder give the same pseudonyms', async () => {
    const sim = new SimLab('hybrid-wrong-password');
    try {
      const bundle = await runTrace(sim.context(), sim.options({ TimeoutSeconds: 120 }));
      const fromFolder = await redactPath(bundle.BundlePath!, join(sim.dir, 'a'));
      const fromZip = await redactPath(bundle.ZipPath!, join(sim.dir, 'b'));
      const report = (root: string) => readFileSync(join(root, 'report.txt'), 'utf8');
      expect(report(fromZip.Path)).toBe(report(fromFolder.Path));
    } finally {
      sim.dispose();
    }
  });
});
