// A whole simulated trace per scenario, scrubbed: apart from test/unit/safety/scrub.test.ts because
// each run takes seconds (the mutation runs leave this file out, see test/mutation/SUMMARY.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrubDeep } from '../../../src/safety/scrub.js';
import { runTrace } from '../../../src/trace/session.js';
import { scenarioNames, SimLab } from '../trace/sim-harness.js';

describe('the scrubber on trace bundles', () => {
  it.each(scenarioNames)('loses nothing of the clean %s trace bundle document', async (scenario) => {
    const sim = new SimLab(scenario);
    try {
      const bundle = await runTrace(sim.context(), sim.options({ TimeoutSeconds: 120 }));
      expect(scrubDeep(bundle)).toEqual(bundle);
      const report = JSON.parse(readFileSync(bundle.ReportPath!, 'utf8'));
      expect(report.Diagnosis).toEqual(JSON.parse(JSON.stringify(bundle.Diagnosis)));
    } finally {
      sim.dispose();
    }
  });
});
