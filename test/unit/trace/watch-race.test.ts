import { afterEach, describe, expect, it } from 'vitest';
import { runTrace } from '../../../src/trace/session.js';
import { SimLab } from './sim-harness.js';

const labs: SimLab[] = [];
afterEach(() => {
  for (const made of labs.splice(0)) made.dispose();
});

const wrongPasswordEvents = (stopAtMs: number | null) => [
  { Id: 1006, AtMs: 0, Data: [] },
  { Id: 1081, AtMs: 400, Data: ['invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.', '3e7a9c52-1d84-4b6f-9a03-c5e8b2d71f96'] },
  ...(stopAtMs === null ? [] : [{ Id: 1007, AtMs: stopAtMs, Data: ['0xC000006D'] }]),
];

// Windows writes the Operational error before 1007 ends the attempt; a poll can fall in between.
describe('the repro watch when the error event lands before the attempt status', () => {
  it('waits for event 1007 and reports the attempt with its status', async () => {
    const sim = new SimLab('hybrid-wrong-password', { OnUnlock: { AfterSeconds: 14, Events: wrongPasswordEvents(12_000) } });
    labs.push(sim);
    const bundle = await runTrace(sim.context(), sim.options());
    expect(bundle.Repro?.Outcome).toBe('AttemptFailed');
    expect(bundle.Repro?.AttemptStatus).toBe('0xc000006d');
    expect(bundle.Repro?.EventIds).toEqual([1007]);
  });

  it('reports "failed, status not known" when no status arrives within the grace period', async () => {
    const sim = new SimLab('hybrid-wrong-password', { OnUnlock: { AfterSeconds: 3_000, Events: wrongPasswordEvents(null) } });
    labs.push(sim);
    const bundle = await runTrace(sim.context(), sim.options({ TimeoutSeconds: 600 }));
    expect(bundle.Repro?.Outcome).toBe('AttemptFailed');
    expect(bundle.Repro?.AttemptStatus).toBeNull();
    expect(bundle.Repro?.Detail).toContain('not known yet');
    expect(bundle.Repro?.EventIds).toEqual([1081]);
  });
});
