import { join } from 'node:path';
import { aadChannels } from '../host/event-host.js';
import { commandLine, traceCommands } from '../host/trace-commands.js';
import { bundleNames } from './bundle.js';
import { analytic, errorMessage, stepTitles, type TraceContext } from './engine.js';
import { runPreflight } from './preflight.js';
import { changingSteps } from './steps.js';
import type { SessionMode, StepId, TraceOptions, TracePlanDocument } from './types.js';

/** Around the table of steps that change the device: the checks and the folder before it, the repro and the collection after it. */
const beforeChanges: StepId[] = ['Preflight', 'SnapshotBefore', 'BundleFolder'];
/** The table's steps the start runs; the export (its last, without a `do`) belongs to the collection. */
const startChanges = changingSteps.filter((step) => step.do !== null);
const collection: StepId[] = ['ExportEvents', 'SnapshotAfter', 'Report'];

/** The steps a session with these options goes through. */
export function plannedSteps(options: TraceOptions, mode: SessionMode): StepId[] {
  const steps = [...beforeChanges, ...startChanges.filter((step) => step.skipped(options) === null).map((step) => step.id)];
  if (mode === 'Guided') steps.push('Repro', ...collection);
  return steps;
}

/** `--dry-run` / `Start-PrtTrace -WhatIf`: the plan and the read-only checks; nothing changes. */
export async function planTrace(ctx: TraceContext, options: TraceOptions, mode: SessionMode): Promise<TracePlanDocument> {
  const bundle = join(options.OutputFolder, 'PrtTrace-<device>-<time>');
  const lsassOut = join(bundle, bundleNames.lsass);
  const enabled = new Set(plannedSteps(options, mode));
  const reasons: Partial<Record<StepId, string>> = {
    NetworkTrace: options.AuthScriptsPath ? 'the Auth scripts take their own network trace' : '--no-network-trace',
    AuthScripts: 'not asked for (--auth-scripts)',
    LsassTrace: 'not asked for (--lsass-trace)',
  };
  const actions: Record<StepId, [string, string | null]> = {
    Preflight: ['Check Windows, elevation, free disk space, no other network trace, and TTD and LSA protection for the lsass trace', null],
    SnapshotBefore: ['dsregcmd /status', null],
    BundleFolder: [`Create ${bundle} for Administrators and SYSTEM only: ${commandLine(traceCommands.restrict(bundle, 'Folder'))}`, null],
    AnalyticChannel: [
      `${commandLine(traceCommands.channelGet(analytic))}; if it is disabled: ${commandLine(traceCommands.channelSet(analytic, true))}`,
      `${commandLine(traceCommands.channelSet(analytic, false))} (only if it was disabled)`,
    ],
    NetworkTrace: [commandLine(traceCommands.netshStart(join(bundle, bundleNames.network, bundleNames.networkTrace))), commandLine(traceCommands.netshStop())],
    AuthScripts: [options.AuthScriptsPath ? commandLine(traceCommands.authScript(options.AuthScriptsPath, 'start-auth.ps1')) : 'start-auth.ps1 -v -acceptEULA', 'stop-auth.ps1; authlogs moved into the bundle'],
    LsassTrace: [`${commandLine(traceCommands.lsassPid())}; ${commandLine(traceCommands.lsassStart('TTD', 0, lsassOut)).replace(' 0 ', ' <lsass PID> ')}`, `${commandLine(traceCommands.lsassStop('TTD'))}; keep the newest lsass##.run`],
    Repro: mode === 'Detached'
      ? [`Lock the workstation: ${commandLine(traceCommands.lock())}; the user unlocks it (after at least ${options.HybridWaitSeconds} s on hybrid joined devices)`, null]
      : [`${options.LockWorkstation ? `Lock the workstation (${commandLine(traceCommands.lock())})` : 'Ask the user to lock the device'}, wait (at least ${options.HybridWaitSeconds} s locked on hybrid joined devices), unlock; watch dsregcmd and the AAD logs for up to ${options.TimeoutSeconds} s`, null],
    ExportEvents: [aadChannels.map((channel) => commandLine(traceCommands.channelExport(channel, join(bundle, bundleNames.events, `${channel.replace('/', '-')}.evtx`)))).join('; '), null],
    SnapshotAfter: ['dsregcmd /status', null],
    Report: [`report.txt, report.json, manifest.json (sizes and SHA-256), ${bundle}.zip`, null],
  };
  const allSteps: StepId[] = [...beforeChanges, ...startChanges.map((step) => step.id), 'Repro', ...collection];
  // A detached start collects at `prt trace stop`, and locks only when asked to.
  for (const id of collection) enabled.add(id);
  if (options.LockWorkstation) enabled.add('Repro');
  const steps = allSteps
    .filter((id) => mode === 'Guided' || id !== 'Repro' || options.LockWorkstation)
    .map((id) => ({ Id: id, Title: stepTitles[id], Action: actions[id][0], Undo: actions[id][1], Enabled: enabled.has(id), Reason: enabled.has(id) ? null : (reasons[id] ?? null) }));
  let checks: TracePlanDocument['Checks'];
  try {
    checks = (await runPreflight(ctx.host, options)).map(({ Check, Passed, Message }) => ({ Check, Passed, Message }));
  } catch (error) {
    checks = [{ Check: 'Preflight', Passed: false, Message: errorMessage(error) }];
  }
  ctx.host.takeToolRuns();
  return { Host: ctx.host.kind === 'Simulated' ? 'Simulated' : 'Live', Scenario: ctx.scenario, OutputFolder: options.OutputFolder, StateFile: ctx.store.file, Steps: steps, Checks: checks };
}
