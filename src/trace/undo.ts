import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, traceCommands } from '../host/trace-commands.js';
import { bundleNames, keepNewestRecording } from './bundle.js';
import type { Host } from '../host/types.js';
import type { TraceProgress } from './progress.js';
import type { StepId, StepRecord, TraceState } from './types.js';
import { ifPrtError } from '../errors.js';

/** What a step's do and undo need of the session (engine.ts's Session is one; said here so the steps do not import it back). */
export interface StepSession {
  readonly host: Host;
  readonly state: TraceState;
  nowIso: () => string;
  emit: (event: TraceProgress) => void;
  save: () => void;
}

const analytic = 'Microsoft-Windows-AAD/Analytic' as const;

/**
 * How each step that changes the device is undone (steps.ts puts them in the table of steps).
 * Every undo is idempotent: it looks before it acts, so running it again after a kill, or for a
 * step that never got to change anything, is safe.
 */
export type Undoer = (session: StepSession, record: StepRecord) => Promise<string | null>;

export const undoers = {
  AnalyticChannel: async (session, record) => {
    // Only a channel we turned on is turned off again; unknown means we never got to change it.
    if (record.Data.PreviousEnabled !== false) return record.Data.PreviousEnabled === true ? 'was enabled before: left enabled' : 'not changed';
    if (!(await session.host.isChannelEnabled(analytic).catch(ifPrtError(true)))) return 'disabled, as it was';
    await session.host.setChannelEnabled(analytic, false);
    return 'disabled again, as it was';
  },

  NetworkTrace: async (session, record) => {
    // The trace file is saved before netsh is asked to start: without it this session started no
    // trace, and one running now belongs to someone else.
    const ours = record.Data.TraceFile;
    if (typeof ours !== 'string') return 'not started';
    const status = await session.host.networkTraceStatus();
    let done: string;
    if (status.Running === false) done = 'no network trace running';
    else if (status.Running === true && status.TraceFile && !isOurTraceFile(status.TraceFile, ours)) done = `the running trace (${status.TraceFile}) is not ours: left alone`;
    else {
      // Ours, or unknown (netsh did not answer): the start was recorded, so stop it.
      await session.host.stopNetworkTrace();
      done = status.Running === null ? `netsh trace stopped (whether it ran was unknown: ${status.Error ?? 'no answer'})` : 'netsh trace stopped';
    }
    if (!existsSync(ours)) {
      // netsh may accept a start and record nothing ("a tracing session is already in progress", exit 0).
      const missing = `the network trace file ${ours} does not exist: netsh recorded nothing for this session (another trace may have been running)`;
      session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `${missing}.` });
      return `${done}; ${missing}`;
    }
    return done;
  },

  AuthScripts: async (session, record) => {
    const folder = typeof record.Data.Folder === 'string' ? record.Data.Folder : null;
    if (!folder) return 'not started';
    await session.host.stopAuthScripts(folder);
    const logs = join(folder, 'authlogs');
    const bundle = session.state.BundlePath;
    if (bundle && existsSync(logs)) {
      // Copied, not moved: the copies take the bundle's restricted permissions.
      cpSync(logs, join(bundle, bundleNames.authlogs), { recursive: true });
      rmSync(logs, { recursive: true, force: true });
      return 'stop-auth.ps1 ran; authlogs moved into the bundle';
    }
    return 'stop-auth.ps1 ran';
  },

  LsassTrace: async (session, record) => {
    const tracer = record.Data.Tracer === 'TTD' || record.Data.Tracer === 'tttracer' ? record.Data.Tracer : await session.host.findLsassTracer();
    if (!tracer) return 'no recorder found: nothing to stop';
    await session.host.stopLsassTrace(tracer);
    // The recorder writes its recording out after the stop: wait for it to end (2 minutes at most).
    const recorder = typeof record.Data.RecorderPid === 'number' ? record.Data.RecorderPid : null;
    for (let waited = 0; recorder !== null && session.host.isProcessRunning(recorder) && waited < 120_000; waited += 500) await session.host.sleep(500);
    const folder = typeof record.Data.OutFolder === 'string' ? record.Data.OutFolder : null;
    if (!folder) return `${tracer} -stop all`;
    const { kept, removed } = keepNewestRecording(folder);
    return `${tracer} stopped${kept ? `; kept ${kept}` : ''}${removed.length > 0 ? `, removed the older ${removed.join(', ')}` : ''}`;
  },

  ExportEvents: async (session, record) => {
    // The Analytic log was disabled for a moment to be exported: it must be on again.
    if (record.Data.Reenable !== true) return null;
    if (!(await session.host.isChannelEnabled(analytic).catch(ifPrtError(false)))) await session.host.setChannelEnabled(analytic, true);
    record.Data.Reenable = false;
    return 'AAD Analytic log enabled again';
  },
} satisfies Record<string, Undoer>;

const normalized = (path: string) => path.replace(/\\/g, '/').toLowerCase();

/**
 * Whether netsh's trace file is ours. netsh's answer went through a code page: a user folder
 * with `ü` or Japanese characters may not read back byte for byte. The end of our path
 * (`PrtTrace-<device>-<time>/network/NetTrace.etl`) is ASCII and unique to this session, so it
 * decides without depending on the decoding; the whole path, when it matches, too.
 */
export function isOurTraceFile(reported: string, ours: string): boolean {
  if (normalized(reported) === normalized(ours)) return true;
  const tail = normalized(ours).split('/').slice(-3).join('/');
  return /^[\x20-\x7e]+$/.test(tail) && normalized(reported).endsWith(`/${tail}`);
}

/** What to tell the admin when an undo failed: what, why, and the command to do it by hand. */
export function undoFailureText(failures: StepRecord[]): string {
  const manual: Partial<Record<StepId, string>> = {
    AnalyticChannel: commandLine(traceCommands.channelSet(analytic, false)),
    NetworkTrace: commandLine(traceCommands.netshStop()),
    LsassTrace: 'TTD -stop all',
    AuthScripts: '.\\stop-auth.ps1 in the Auth scripts folder',
    ExportEvents: commandLine(traceCommands.channelSet(analytic, true)),
  };
  const items = failures.map((step) => `${step.Title} (${step.Undo?.Error ?? 'not finished'}; by hand: ${manual[step.Id] ?? '-'})`);
  return `Could not undo: ${items.join('; ')}. Run \`prt trace stop\` again to retry.`;
}
