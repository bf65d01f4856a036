// The operations of `prt trace`: start (checks, then every trace), run (start, guided repro,
// stop), stop (undo and collect), watch and status. Each takes the lock, so two prt processes
// never work on one device's trace at once.
import { randomUUID } from 'node:crypto';
import { ExitCode, PrtError } from '../errors.js';
import { bundleFolderName, bundleNames, createBundleFolder, writeBundleText } from './bundle.js';
import { probeIntoBundle } from './probe.js';
import { finalizeBundle, finish } from './collect.js';
import { changingSteps } from './steps.js';
import { errorMessage, Session, statusFromBytes, stepSummaries, stepTitles, TraceInterrupted, withLock, type TraceContext } from './engine.js';
import { plannedSteps } from './plan.js';
import { preflightError, runPreflight } from './preflight.js';
import { repro, watch } from './repro.js';
import { scrubDeep, scrubText } from '../safety/scrub.js';
import type { BundleOutcome, ReproResult, SessionMode, TraceBundleDocument, TraceOptions, TraceSessionDocument, TraceState, TraceStatusDocument } from './types.js';
import { undoFailureText } from './undo.js';
import { baselineOf } from './watch.js';

export { planTrace } from './plan.js';
export { TraceInterrupted, type TraceContext } from './engine.js';

export const defaultTraceOptions = (outputFolder: string): TraceOptions => ({
  OutputFolder: outputFolder,
  NetworkTrace: true,
  AuthScriptsPath: null,
  LsassTrace: false,
  LsassTraceConfirmed: false,
  LockWorkstation: false,
  HybridWaitSeconds: 60,
  TimeoutSeconds: 600,
  KeepRawEvents: false,
  Redact: false,
});

function nextStepText(state: TraceState): string {
  const hybrid = state.Baseline === null || state.Baseline.JoinType === 'HybridAzureAdJoined';
  const wait = hybrid ? `, stay locked at least ${state.Options.HybridWaitSeconds} s (hybrid joined devices get the PRT in the background)` : '';
  return `Lock the device (Windows+L)${wait}, then unlock it and sign in as the affected user. Then run \`prt trace stop\` (Stop-PrtTrace) to collect the bundle; \`prt trace watch\` tells when the PRT attempt has happened.`;
}

export function sessionDocument(state: TraceState, stateFile: string, recovered: TraceBundleDocument | null = null): TraceSessionDocument {
  return scrubDeep({
    SessionId: state.SessionId,
    State: state.Phase,
    Mode: state.Mode,
    Host: state.Host.Kind,
    Scenario: state.Host.Scenario,
    DeviceName: state.DeviceName,
    JoinType: state.Baseline?.JoinType ?? null,
    StartedAt: state.StartedAt,
    BundlePath: state.BundlePath,
    StateFile: stateFile,
    NetworkTrace: state.Steps.some((step) => step.Id === 'NetworkTrace' && step.Status !== 'Skipped'),
    AuthScriptsPath: state.Options.AuthScriptsPath,
    LsassTrace: state.Options.LsassTrace,
    Steps: stepSummaries(state),
    NextStep: nextStepText(state),
    Recovered: recovered,
  });
}

function newState(ctx: TraceContext, options: TraceOptions, mode: SessionMode): TraceState {
  return {
    Version: 1,
    SessionId: randomUUID(),
    Phase: 'Starting',
    Mode: mode,
    OwnerPid: ctx.pid ?? process.pid,
    Host: { Kind: ctx.host.kind === 'Simulated' ? 'Simulated' : 'Live', Scenario: ctx.scenario },
    StartedAt: ctx.host.now().toISOString(),
    Options: options,
    BundlePath: null,
    DeviceName: null,
    Baseline: null,
    ReproStartedAt: null,
    Repro: null,
    Steps: [],
  };
}

/** A session another prt left: a Detached one still running is legitimate; anything else is a leftover. */
const isLegitimatelyRunning = (state: TraceState) => state.Phase === 'Running' && state.Mode === 'Detached';

/** Cleans up what an interrupted run left (undo, then collect what it had), before a new start. */
async function recoverLeftover(ctx: TraceContext): Promise<TraceBundleDocument | null> {
  const existing = ctx.store.load();
  if (!existing) return null;
  if (isLegitimatelyRunning(existing)) {
    throw new PrtError(
      'TraceAlreadyRunning',
      `a trace started at ${existing.StartedAt} is still running on this device${existing.BundlePath ? ` (bundle ${existing.BundlePath})` : ''}. Collect it with \`prt trace stop\` (Stop-PrtTrace) before starting another`,
      ExitCode.Environment,
      'ResourceUnavailable',
    );
  }
  const session = new Session(ctx, existing);
  session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `A trace started at ${existing.StartedAt} was interrupted before it finished: undoing what it left running and collecting its files first.` });
  return finish(session, 'Recovered');
}

async function start(ctx: TraceContext, options: TraceOptions, mode: SessionMode): Promise<{ session: Session; recovered: TraceBundleDocument | null }> {
  const recovered = await recoverLeftover(ctx);
  if (options.LsassTrace && !options.LsassTraceConfirmed) {
    throw new PrtError(
      'LsassTraceNotConfirmed',
      'the lsass trace records the memory of lsass, credentials included: confirm it at the prompt, or pass --yes (Start-PrtTrace asks for confirmation itself)',
      ExitCode.Usage,
      'InvalidArgument',
    );
  }
  const session = new Session(ctx, newState(ctx, options, mode));
  const { host, state } = session;
  session.save();
  session.emit({
    Kind: 'Session',
    At: state.StartedAt,
    SessionId: state.SessionId,
    Host: state.Host.Kind,
    Scenario: state.Host.Scenario,
    Steps: plannedSteps(options, mode).map((id) => ({ Id: id, Title: stepTitles[id] })),
  });
  try {
    await session.step('Preflight', async () => {
      const checks = await runPreflight(host, options);
      const failure = preflightError(checks);
      if (failure) throw failure;
      return checks.map((check) => check.Message).join('; ');
    });

    let beforeText: string | null = null;
    await session.step(
      'SnapshotBefore',
      async () => {
        const { status, text } = await statusFromBytes(await host.runDsregcmdStatus(), host);
        beforeText = text;
        state.DeviceName = status.DeviceName;
        state.Baseline = baselineOf(status);
        session.save();
        return `${status.JoinType}, Azure AD PRT ${status.Health.toLowerCase()}`;
      },
      { optional: true },
    );

    await session.step('BundleFolder', async () => {
      state.BundlePath = createBundleFolder(options.OutputFolder, bundleFolderName(state.DeviceName, new Date(state.StartedAt)));
      session.save();
      // Restricted before any trace writes into it: the traces can hold secrets.
      await host.restrictToAdministrators(state.BundlePath, 'Folder');
      if (beforeText !== null) writeBundleText(state.BundlePath, bundleNames.dsregcmdBefore, beforeText.replace(/\n/g, '\r\n'));
      return state.BundlePath;
    });
    const bundle = state.BundlePath;
    if (bundle === null) throw new Error('the bundle folder step ended without a folder');
    // Before any trace starts, so the probe's own requests are not part of the repro's capture.
    await probeIntoBundle(session, bundle, ctx.env);

    for (const step of changingSteps) {
      const { do: action } = step;
      if (action === null) continue;
      const skipped = step.skipped(options);
      if (skipped !== null) session.skip(step.id, skipped);
      else await session.step(step.id, (record) => action(session, record, bundle));
    }
    // A signal during the last step: the person wants it all undone, not a running trace.
    session.checkInterrupted();
    state.Phase = 'Running';
    session.save();
  } catch (error) {
    throw await rollback(session, error);
  }
  return { session, recovered };
}

/**
 * The undo path after a failed step or an interruption: put everything back, keep what was
 * collected (with a manifest), and turn the cause into the error the user sees.
 */
async function rollback(session: Session, error: unknown): Promise<PrtError> {
  const interrupted = error instanceof TraceInterrupted;
  if (interrupted) session.emit({ Kind: 'Interrupted', At: session.nowIso(), Signal: error.signalName });
  session.state.Phase = 'Stopping';
  session.save();
  await session.undoAll();
  const failures = session.undoFailures();
  const bundle = session.state.BundlePath;
  if (bundle) await finalizeBundle(session, interrupted ? 'Interrupted' : 'Failed', { zip: false });
  if (failures.length === 0) session.clearState();
  const leftovers = failures.length > 0 ? ` ${undoFailureText(failures)}` : ' Every change made so far was undone.';
  const kept = bundle ? ` What was collected is in ${bundle}.` : '';
  if (interrupted) return new PrtError('Interrupted', `The trace was interrupted (${error.signalName}).${leftovers}${kept}`, ExitCode.Interrupted, 'OperationStopped');
  const failedStep = session.state.Steps.find((step) => step.Status === 'Failed');
  if (error instanceof PrtError && failedStep?.Id === 'Preflight') return error;
  const base = error instanceof PrtError ? error : null;
  const what = failedStep ? `${failedStep.Title} failed: ${errorMessage(error)}` : errorMessage(error);
  return new PrtError(base?.id ?? 'TraceStepFailed', scrubText(`${what}.${leftovers}${kept}`), base?.exitCode ?? ExitCode.Environment, base?.category ?? 'ResourceUnavailable');
}

// --- The operations the commands call --------------------------------------------------------

/** `prt trace start`: preflight and every trace, then return with the session (non-blocking). */
export async function startTrace(ctx: TraceContext, options: TraceOptions): Promise<TraceSessionDocument> {
  return withLock(ctx, async () => {
    const { session, recovered } = await start(ctx, options, 'Detached');
    session.state.ReproStartedAt = session.nowIso();
    session.save();
    if (options.LockWorkstation) {
      // Locking changes nothing to undo; a failure to lock is worth a warning, not the trace.
      await ctx.host.lockWorkstation().catch((error: unknown) => {
        session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `Could not lock the workstation: ${errorMessage(error)}` });
      });
    }
    await ctx.host.expectRepro();
    if (ctx.signal?.aborted) {
      // Interrupted after the traces started: undone like any other interruption.
      session.state.Phase = 'Starting';
      throw await rollback(session, ctx.signal.reason);
    }
    return sessionDocument(session.state, ctx.store.file, recovered);
  });
}

/** `prt trace run`: start, guided repro, stop, in one process. */
export async function runTrace(ctx: TraceContext, options: TraceOptions): Promise<TraceBundleDocument> {
  return withLock(ctx, async () => {
    const { session } = await start(ctx, options, 'Guided');
    try {
      await repro(session);
    } catch (error) {
      throw await rollback(session, error);
    }
    return finish(session, 'Completed');
  });
}

/** `prt trace stop`: stop a running session (or clean up an interrupted one) and collect the bundle. */
export async function stopTrace(ctx: TraceContext): Promise<TraceBundleDocument> {
  return withLock(ctx, async () => {
    const state = ctx.store.load();
    if (!state) {
      throw new PrtError('NoTraceSession', `no trace is running on this device (no state in ${ctx.store.file}); start one with \`prt trace start\` or \`prt trace run\``, ExitCode.Environment, 'ResourceUnavailable');
    }
    const session = new Session(ctx, state);
    const outcome: BundleOutcome = isLegitimatelyRunning(state) || (state.Phase === 'Stopping' && state.Mode === 'Detached') ? 'Completed' : 'Recovered';
    if (outcome === 'Recovered') session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `The trace started at ${state.StartedAt} was interrupted; undoing what it left and collecting its files.` });
    return finish(session, outcome);
  });
}

/** `prt trace watch`: the repro of a started session, watched for up to `timeoutSeconds`. */
export async function watchTrace(ctx: TraceContext, timeoutSeconds: number): Promise<ReproResult> {
  return withLock(ctx, async () => {
    const state = ctx.store.load();
    if (!state || state.Phase !== 'Running') {
      throw new PrtError('NoTraceSession', `no trace is running on this device (${ctx.store.file}); start one with \`prt trace start\``, ExitCode.Environment, 'ResourceUnavailable');
    }
    const session = new Session(ctx, state);
    const result = await watch(session, ctx, timeoutSeconds);
    // Only a conclusive result is worth remembering for the report.
    if (result.Outcome === 'PrtRenewed' || result.Outcome === 'AttemptFailed') {
      state.Repro = result;
      session.save();
    }
    session.emit({ Kind: 'Observed', At: session.nowIso(), Outcome: result.Outcome, Detail: result.Detail });
    return scrubDeep(result);
  });
}

/** `prt trace status`: is a trace running, interrupted, or being worked on by another prt? */
export function traceStatus(ctx: TraceContext): TraceStatusDocument {
  const state = ctx.store.load();
  const holder = ctx.store.lockHolder();
  const busy = holder !== null && holder !== (ctx.pid ?? process.pid) && ctx.host.isProcessRunning(holder);
  return {
    Active: state !== null,
    Interrupted: state !== null && !busy && !isLegitimatelyRunning(state),
    Busy: busy,
    StateFile: ctx.store.file,
    Session: state ? sessionDocument(state, ctx.store.file) : null,
  };
}
