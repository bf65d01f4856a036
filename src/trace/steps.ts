import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AadChannel } from '../host/event-host.js';
import { bundleNames } from './bundle.js';
import type { StepRecord, TraceOptions } from './types.js';
import { undoers, type StepSession, type Undoer } from './undo.js';

export const analytic: AadChannel = 'Microsoft-Windows-AAD/Analytic';

export const lsassWarning =
  'The lsass recording holds the memory of lsass, credentials included: keep the bundle restricted, hand it only to the engineer who needs it, delete it afterwards. A recorder cannot leave lsass once attached: restart the device after the trace.';

/** A step that changes the device: how it is done and how it is undone. */
export interface ChangingStep {
  id: 'AnalyticChannel' | 'NetworkTrace' | 'AuthScripts' | 'LsassTrace' | 'ExportEvents';
  /** Why the start leaves it out with these options, or null when it runs. */
  skipped: (options: TraceOptions) => string | null;
  /** What the start does, recorded before it acts; null for the export, which the stop runs (collect.ts). */
  do: ((session: StepSession, record: StepRecord, bundle: string) => Promise<string>) | null;
  /** Whether a run of the step may have left a change to undo. */
  changed: (record: StepRecord) => boolean;
  undo: Undoer;
}

export type ChangingStepId = ChangingStep['id'];

const always = () => true;

/**
 * The steps that change the device, in the order they happen. The start runs the first four;
 * every undo path (a failed or interrupted start, the stop, a later prt finding a leftover)
 * walks this table backwards: the export's moment without the Analytic log first, the Analytic
 * log itself last.
 */
export const changingSteps: readonly ChangingStep[] = [
  {
    id: 'AnalyticChannel',
    skipped: () => null,
    async do(session, record) {
      const was = await session.host.isChannelEnabled(analytic);
      record.Data.PreviousEnabled = was;
      session.save();
      if (was) return 'already enabled: left as it is';
      await session.host.setChannelEnabled(analytic, true);
      return 'enabled (it was disabled; disabled again at the end)';
    },
    changed: always,
    undo: undoers.AnalyticChannel,
  },
  {
    id: 'NetworkTrace',
    skipped: (options) =>
      !options.NetworkTrace ? 'left out (--no-network-trace)' : options.AuthScriptsPath ? 'the Auth scripts take their own network trace (only one can run)' : null,
    async do(session, record, bundle) {
      const file = join(bundle, bundleNames.network, bundleNames.networkTrace);
      mkdirSync(join(bundle, bundleNames.network), { recursive: true });
      record.Data.TraceFile = file;
      session.save();
      await session.host.startNetworkTrace(file);
      return `writing ${file}`;
    },
    changed: always,
    undo: undoers.NetworkTrace,
  },
  {
    id: 'AuthScripts',
    skipped: (options) => (options.AuthScriptsPath ? null : 'not asked for (--auth-scripts)'),
    async do(session, record) {
      const folder = session.state.Options.AuthScriptsPath;
      if (!folder) throw new Error('the Auth scripts step runs only with an Auth scripts folder');
      record.Data.Folder = folder;
      session.save();
      await session.host.startAuthScripts(folder);
      return 'start-auth.ps1 -v -acceptEULA';
    },
    changed: always,
    undo: undoers.AuthScripts,
  },
  {
    id: 'LsassTrace',
    skipped: (options) => (options.LsassTrace ? null : 'not asked for (--lsass-trace)'),
    async do(session, record, bundle) {
      const { host } = session;
      const tracer = (await host.findLsassTracer()) ?? 'TTD';
      const pid = await host.findLsassPid();
      const out = join(bundle, bundleNames.lsass);
      mkdirSync(out, { recursive: true });
      Object.assign(record.Data, { Tracer: tracer, Pid: pid, OutFolder: out });
      session.save();
      const { RecorderPid } = await host.startLsassTrace(tracer, pid, out);
      record.Data.RecorderPid = RecorderPid;
      session.save();
      session.emit({ Kind: 'Warning', At: session.nowIso(), Text: lsassWarning });
      return `${tracer} attached to lsass.exe (PID ${pid})`;
    },
    changed: always,
    undo: undoers.LsassTrace,
  },
  {
    // An enabled Analytic log may refuse to be exported: it is disabled for a moment.
    id: 'ExportEvents',
    skipped: () => null,
    do: null,
    changed: (record) => record.Data.Reenable === true,
    undo: undoers.ExportEvents,
  },
];
