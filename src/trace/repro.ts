import type { ReproBaseline, ReproResult } from './types.js';
import type { Session, TraceContext } from './engine.js';
import { observeRepro } from './watch.js';

/** How often the repro looks at the device, and how long it lets the last events land. */
const pollMs = 5_000;
const settleMs = 5_000;
/**
 * How long a failure seen only in the Operational log waits for its status: Windows writes the
 * error events before 1007 ends the attempt and before dsregcmd shows it.
 */
export const statusGraceMs = 30_000;

/** Guided repro: ask for the lock/unlock, then watch until the PRT is renewed or an attempt fails. */
export async function repro(session: Session): Promise<void> {
  const { host, state, ctx } = session;
  const options = state.Options;
  state.ReproStartedAt = session.nowIso();
  session.save();
  await session.step('Repro', async () => {
    const hybrid = state.Baseline === null || state.Baseline.JoinType === 'HybridAzureAdJoined';
    const wait = hybrid ? ` Stay locked at least ${options.HybridWaitSeconds} s: hybrid joined devices get the PRT in the background while locked.` : '';
    const locked = options.LockWorkstation
      ? await host.lockWorkstation().then(
          () => true,
          (error: unknown) => {
            session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `Could not lock the workstation (${error instanceof Error ? error.message : String(error)}): lock it by hand.` });
            return false;
          },
        )
      : false;
    if (locked) {
      session.emit({ Kind: 'Instruction', At: session.nowIso(), Text: `The device is locked now.${wait} Then unlock it and sign in as the affected user.` });
    } else {
      session.emit({ Kind: 'Instruction', At: session.nowIso(), Text: `Lock this device now (Windows+L), as the affected user.${wait} Then unlock it and sign in again.` });
    }
    await host.expectRepro();
    const result = await watch(session, ctx, options.TimeoutSeconds);
    state.Repro = result;
    session.save();
    session.emit({ Kind: 'Observed', At: session.nowIso(), Outcome: result.Outcome, Detail: result.Detail });
    return `${result.Outcome}: ${result.Detail}`;
  });
}

/** Watches the device until something conclusive happens, the person says stop, or time runs out. */
export async function watch(session: Session, ctx: TraceContext, timeoutSeconds: number): Promise<ReproResult> {
  const { host, state } = session;
  const baseline: ReproBaseline = state.Baseline ?? { AzureAdPrtUpdateTime: null, PreviousPrtAttempt: null, JoinType: 'Unknown' };
  const since = new Date(state.ReproStartedAt ?? state.StartedAt);
  const started = host.now().getTime();
  // An object, not a boolean: the person's "done" arrives in a callback, between the checks below.
  const user = { done: false };
  void ctx.userDone?.then(() => {
    user.done = true;
  });
  const nowIso = () => session.nowIso();
  // A failure whose status has not landed yet: reported as such only if the status never comes.
  let pending: { result: ReproResult; sinceMs: number } | null = null;
  for (;;) {
    session.checkInterrupted();
    // The grace counts from where a look starts: a look that began after it ended and still found no status is the answer.
    const lookedAt = host.now().getTime();
    const seen = await observeRepro(host, baseline, since);
    if (seen.result && !seen.statusPending) {
      await sleepInterruptibly(session, ctx, settleMs);
      return seen.result;
    }
    if (seen.result) pending ??= { result: seen.result, sinceMs: lookedAt };
    const elapsed = Math.round((host.now().getTime() - started) / 1000);
    const timedOut = elapsed >= timeoutSeconds;
    if (pending && (user.done || timedOut || lookedAt - pending.sinceMs >= statusGraceMs)) return pending.result;
    if (user.done) return { Outcome: 'StoppedByUser', ObservedAt: nowIso(), AttemptStatus: null, Detail: 'stopped at the console before a PRT renewal or a failed attempt was seen', EventIds: [] };
    if (timedOut) return { Outcome: 'TimedOut', ObservedAt: nowIso(), AttemptStatus: null, Detail: `no PRT renewal and no failed attempt within ${timeoutSeconds} s`, EventIds: [] };
    const text = pending ? 'an attempt failed: waiting for its status (event 1007 or dsregcmd)' : 'watching dsregcmd and the AAD logs for the PRT attempt';
    session.emit({ Kind: 'Waiting', At: nowIso(), ElapsedSeconds: elapsed, TimeoutSeconds: timeoutSeconds, Text: text });
    await sleepInterruptibly(session, ctx, pollMs, () => user.done);
  }
}

/** Sleeps on the host clock; an interruption throws, the person's "done" ends the sleep early. */
async function sleepInterruptibly(session: Session, ctx: TraceContext, ms: number, done?: () => boolean): Promise<void> {
  const local = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, local.signal]) : local.signal;
  const early = ctx.userDone && done ? ctx.userDone.then(() => {
    local.abort('done');
  }) : null;
  try {
    await session.host.sleep(ms, signal);
  } catch (error) {
    session.checkInterrupted();
    if (!local.signal.aborted) throw error;
  } finally {
    local.abort('finished');
    void early;
  }
}
