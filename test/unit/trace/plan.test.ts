// The plan (`--dry-run`, the Session event's step list) is read from the table of steps: the
// same steps, in the same order, that the start runs and the stop collects.
import { describe, expect, it } from 'vitest';
import { planTrace, plannedSteps } from '../../../src/trace/plan.js';
import type { SessionMode, StepId } from '../../../src/trace/types.js';
import { SimLab } from './sim-harness.js';

const combinations = [false, true].flatMap((network) =>
  [null, '/opt/auth'].flatMap((auth) => [false, true].flatMap((lsass) => (['Guided', 'Detached'] as SessionMode[]).map((mode) => ({ network, auth, lsass, mode })))),
);

describe('the planned steps', () => {
  it.each(combinations)('network trace $network, Auth scripts $auth, lsass $lsass, $mode', ({ network, auth, lsass, mode }) => {
    const lab = new SimLab('healthy');
    try {
      const options = lab.options({ NetworkTrace: network, AuthScriptsPath: auth, LsassTrace: lsass });
      // The rules, written out: the Auth scripts take the network trace's place; a detached start ends before the repro.
      const expected: StepId[] = ['Preflight', 'SnapshotBefore', 'BundleFolder', 'AnalyticChannel'];
      if (network && !auth) expected.push('NetworkTrace');
      if (auth) expected.push('AuthScripts');
      if (lsass) expected.push('LsassTrace');
      if (mode === 'Guided') expected.push('Repro', 'ExportEvents', 'SnapshotAfter', 'Report');
      expect(plannedSteps(options, mode)).toEqual(expected);
    } finally {
      lab.dispose();
    }
  });

  it('the dry run lists every step in the order they run, and enables the planned ones and the collection', async () => {
    const lab = new SimLab('healthy');
    try {
      const options = lab.options({ NetworkTrace: false, LsassTrace: true, LsassTraceConfirmed: true });
      const plan = await planTrace(lab.context(), options, 'Guided');
      expect(plan.Steps.map((step) => [step.Id, step.Enabled, step.Reason])).toEqual([
        ['Preflight', true, null],
        ['SnapshotBefore', true, null],
        ['BundleFolder', true, null],
        ['AnalyticChannel', true, null],
        ['NetworkTrace', false, '--no-network-trace'],
        ['AuthScripts', false, 'not asked for (--auth-scripts)'],
        ['LsassTrace', true, null],
        ['Repro', true, null],
        ['ExportEvents', true, null],
        ['SnapshotAfter', true, null],
        ['Report', true, null],
      ]);
      const detached = await planTrace(lab.context(), options, 'Detached');
      expect(detached.Steps.filter((step) => step.Enabled).map((step) => step.Id)).toEqual(['Preflight', 'SnapshotBefore', 'BundleFolder', 'AnalyticChannel', 'LsassTrace', 'ExportEvents', 'SnapshotAfter', 'Report']);
    } finally {
      lab.dispose();
    }
  });
});
