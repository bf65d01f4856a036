import { Command, Option } from 'clipanion';
import * as t from 'typanion';
import { resolve } from 'node:path';
import { ExitCode, PrtError, isNodeError } from '../../errors.js';
import { TraceEvents } from '../../trace/progress.js';
import { defaultTraceOptions, planTrace, runTrace, startTrace, stopTrace, traceStatus, TraceInterrupted, watchTrace, type TraceContext } from '../../trace/session.js';
import { rawEventsWarning } from '../../trace/collect.js';
import { simulatedStateDirectory, stateDirectory, StateStore } from '../../trace/store.js';
import type { TraceOptions } from '../../trace/types.js';
import { PrtCommand } from '../command.js';
import { redactOption } from '../options.js';
import { interruptSignals, pendingInterrupt, takeOverInterrupts } from '../early-interrupts.js';
import { formatReproResult, formatTraceBundle, formatTracePlan, formatTraceSession, formatTraceStatus } from '../present/trace-text.js';
import { createProgressRenderer } from '../present/trace-progress.js';
import { wantsDashboard } from '../present/dashboard.js';
import { styleFor } from '../present/style.js';

const isTty = (stream: unknown) => (stream as { isTTY?: boolean } | undefined)?.isTTY === true;


const simulateNote = 'Every trace command also takes `--simulate <scenario|file>`: a scripted device (healthy, hybrid-wrong-password, network-unreachable, stale-fixed-by-unlock, ws-trust-dtd) on any OS, with time compressed.';

/** What every trace command shares: the state store, the progress renderer, the signals. */
abstract class TraceCommand extends PrtCommand {
  /** `plain: false`: the caller draws the progress itself (the dashboard). */
  protected setup({ plain = true }: { plain?: boolean } = {}): { ctx: TraceContext; defaultOutput: string; done: () => void; interactive: boolean; controller: AbortController } {
    const host = this.context.host;
    const simulated = host.kind === 'Simulated';
    const directory = simulated ? simulatedStateDirectory(this.context.env) : stateDirectory(this.context.env);
    const events = new TraceEvents();
    const stderr = this.context.stderr;
    const terminal = isTty(stderr) && this.context.env.TERM !== 'dumb';
    const unsubscribe = plain ? events.subscribe(createProgressRenderer(stderr, styleFor(stderr, this.context.env), terminal)) : () => {};
    const controller = new AbortController();
    const ctx: TraceContext = {
      host,
      store: new StateStore(directory),
      events,
      scenario: simulated ? ((host as { scenarioName?: string }).scenarioName ?? null) : null,
      env: this.context.env,
      signal: controller.signal,
    };
    return {
      ctx,
      defaultOutput: resolve(directory, 'traces'),
      interactive: terminal && isTty(this.context.stdin),
      controller,
      done: unsubscribe,
    };
  }

  /**
   * Turns the interrupt signals into the undo path: the first one aborts what runs (the engine
   * then undoes every change); later ones only say that the undo is under way. With
   * `interruptible: false` (stopping), signals never cut the undo short.
   */
  protected trapSignals(controller: AbortController, interruptible: boolean): () => void {
    const stderr = this.context.stderr;
    const handler = (signal: NodeJS.Signals) => {
      if (interruptible && !controller.signal.aborted) {
        controller.abort(new TraceInterrupted(signal));
        return;
      }
      try {
        stderr.write(`prt: ${signal}: still putting things back; prt ends by itself when done (if it is killed, \`prt trace stop\` finishes the job)\n`);
      } catch (error) {
        // The console may be gone.
        if (!isNodeError(error)) throw error;
      }
    };
    // From here a signal runs the undo path instead of ending prt with nothing done.
    takeOverInterrupts();
    for (const signal of interruptSignals) process.on(signal, handler);
    // A signal that came while prt was still loading counts as if it came now.
    const early = pendingInterrupt();
    if (early) handler(early);
    return () => {
      for (const signal of interruptSignals) process.off(signal, handler);
    };
  }

  /** The console's "Enter" ends the repro early; only in a terminal, read without raw mode so Ctrl+C stays a signal. */
  protected async waitForEnter(): Promise<{ done: Promise<void>; close: () => void }> {
    const { createInterface } = await import('node:readline');
    const reader = createInterface({ input: this.context.stdin, terminal: false });
    const done = new Promise<void>((resolveDone) => {
      reader.once('line', () => {
        resolveDone();
      });
    });
    return { done, close: () => {
      reader.close();
    } };
  }

  protected async ask(question: string): Promise<string> {
    const { createInterface } = await import('node:readline');
    const reader = createInterface({ input: this.context.stdin, terminal: false });
    this.context.stderr.write(question);
    // Ctrl+C at the prompt is no answer; the signal is still pending for the trap that follows.
    let onSignal = () => {};
    try {
      return await new Promise<string>((resolveAnswer) => {
        onSignal = () => {
          resolveAnswer('');
        };
        for (const signal of interruptSignals) process.on(signal, onSignal);
        reader.once('line', (line) => {
          resolveAnswer(line.trim());
        });
        reader.once('close', () => {
          resolveAnswer('');
        });
      });
    } finally {
      for (const signal of interruptSignals) process.off(signal, onSignal);
      reader.close();
    }
  }
}

/** Options of `run` and `start`. */
abstract class TraceStartingCommand extends TraceCommand {
  output = Option.String('--output', { description: 'Folder for the bundle and its zip (default: %ProgramData%\\PrtTools\\traces)' });
  networkTrace = Option.Boolean('--network-trace', true, { description: 'Take a network trace with netsh (on by default; --no-network-trace leaves it out)' });
  authScripts = Option.String('--auth-scripts', { description: 'Folder of Microsoft\'s Auth scripts (start-auth.ps1, stop-auth.ps1): run them around the repro' });
  lsassTrace = Option.Boolean('--lsass-trace', false, { description: 'Also record lsass with Time Travel Debugging (holds credentials: asks for confirmation)' });
  yes = Option.Boolean('--yes', false, { description: 'Confirm the lsass trace without a prompt (scripts, remoting)' });
  hybridWait = Option.String('--hybrid-wait', { description: 'Seconds to stay locked on hybrid joined devices (default 60)', validator: seconds });
  dryRun = Option.Boolean('--dry-run', false, { description: 'Show the plan and the checks; change nothing' });
  lock = Option.Boolean('--lock', false, { description: 'Lock the workstation for the user once the traces run (interactive session only)' });
  redact = redactOption('in a copy of the bundle for sharing (the map back to the real values is written beside it, never inside)');
  keepRawEvents = Option.Boolean('--keep-raw-events', false, { description: 'Export the AAD logs unscrubbed (they may hold tokens servers echoed); recorded in the manifest' });

  protected async options(defaultOutput: string, interactive: boolean, extra: Partial<TraceOptions> = {}): Promise<TraceOptions> {
    const options: TraceOptions = { ...defaultTraceOptions(this.output ? resolve(this.output) : defaultOutput), ...extra };
    options.NetworkTrace = this.networkTrace;
    options.AuthScriptsPath = this.authScripts ? resolve(this.authScripts) : null;
    options.LsassTrace = this.lsassTrace;
    options.LsassTraceConfirmed = this.yes;
    options.Redact = this.redact;
    options.KeepRawEvents = this.keepRawEvents;
    if (this.keepRawEvents && !this.dryRun) this.context.stderr.write(`prt: warning: ${rawEventsWarning}\n`);
    if (this.hybridWait !== undefined) options.HybridWaitSeconds = this.hybridWait;
    if (this.lsassTrace && !this.yes && interactive && !this.dryRun) {
      this.context.stderr.write(
        '\nThe lsass trace records the memory of the Local Security Authority: passwords, tokens and keys of everyone signed in.\n' +
          'The bundle is kept for Administrators and SYSTEM only; share it only with the engineer who needs it, and delete it after.\n' +
          'A recorder cannot detach from lsass: restart the device when the trace is done.\n',
      );
      options.LsassTraceConfirmed = /^(y|yes)$/i.test(await this.ask('Record lsass? Type YES to confirm: '));
    }
    return options;
  }
}

/** A number of seconds, 0 to a day: clipanion rejects anything else as a usage error (exit 2). */
const seconds = t.cascade(t.isNumber(), [t.isInInclusiveRange(0, 86_400)]);

export class TraceRunCommand extends TraceStartingCommand {
  static override paths = [['trace', 'run']];

  static override usage = Command.Usage({
    category: 'Trace',
    description: 'Guided repro: start every trace, watch the lock/unlock, stop and collect one bundle',
    details: `
      Step 4 of the checklist in one go, safe for a production device: checks first (elevation, disk, no other network trace), a dsregcmd snapshot, the AAD Analytic log enabled (and later put back as it was), a network trace, optionally the Auth scripts and a time travel trace of lsass; then it asks the user to lock and unlock the device (or locks it with --lock), watches until the PRT is renewed or an attempt fails, stops everything, exports both AAD logs, and writes a report, a manifest and a zip. The bundle folder is readable by Administrators and SYSTEM only.

      Ctrl+C, closing the window or ending the process undoes every change (exit code 5). If prt is killed outright, \`prt trace stop\` or the next \`prt trace start\` finds what it left and undoes it.

      ${simulateNote}
    `,
    examples: [
      ['Watch the whole repro on a simulated hybrid device, on any OS', 'prt trace run --simulate hybrid-wrong-password'],
      ['Trace this device, locking it for the user', 'prt trace run --lock'],
      ['Use the Auth scripts too, bundle on another drive', 'prt trace run --auth-scripts C:\\Tools\\authscripts --output D:\\traces'],
    ],
  });

  timeout = Option.String('--timeout', { description: 'Seconds to watch for the PRT attempt before collecting anyway (default 600)', validator: seconds });

  protected async run(): Promise<number> {
    // In a terminal the dashboard draws the progress on stderr; elsewhere the plain lines do.
    const dashboard = !this.dryRun && wantsDashboard(this.context.stderr, this.context.env);
    const { ctx, defaultOutput, interactive, controller, done } = this.setup({ plain: !dashboard });
    try {
      const options = await this.options(defaultOutput, interactive, { LockWorkstation: this.lock });
      if (this.timeout !== undefined) options.TimeoutSeconds = this.timeout;
      if (this.dryRun) return this.present(await planTrace(ctx, options, 'Guided'), formatTracePlan);
      const release = this.trapSignals(controller, true);
      if (dashboard) {
        try {
          return await this.runWithDashboard(ctx, options);
        } finally {
          release();
        }
      }
      const enter = interactive ? await this.waitForEnter() : null;
      if (enter) {
        ctx.userDone = enter.done;
        ctx.events.subscribe((event) => {
          if (event.Kind === 'Instruction') this.context.stderr.write('  (press Enter here to stop watching and collect now)\n');
        });
      }
      try {
        return this.present(await runTrace(ctx, options), formatTraceBundle);
      } finally {
        enter?.close();
        release();
      }
    } finally {
      done();
    }
  }

  /** The Ink dashboard (loaded only now): `s` stops watching, Ctrl+C read as a key takes the signal's undo path. */
  private async runWithDashboard(ctx: TraceContext, options: TraceOptions): Promise<number> {
    const { openTraceDashboard } = await import('../present/dashboard.js');
    const board = await openTraceDashboard({
      host: ctx.host,
      events: ctx.events,
      stderr: this.context.stderr,
      stdin: this.context.stdin,
      env: this.context.env,
      hybridWaitSeconds: options.HybridWaitSeconds,
      onInterrupt: () => process.emit('SIGINT', 'SIGINT'),
    });
    let bundle;
    try {
      bundle = await runTrace({ ...ctx, host: board.host, userDone: board.userDone }, options);
    } finally {
      // The last frame stays on the screen; the summary (or the error) comes after it.
      await board.close();
    }
    return this.present(bundle, formatTraceBundle);
  }

}

export class TraceStartCommand extends TraceStartingCommand {
  static override paths = [['trace', 'start']];

  static override usage = Command.Usage({
    category: 'Trace',
    description: 'Start every trace and return at once (for scripts and remoting); `prt trace stop` collects',
    details: `
      The same checks and traces as \`prt trace run\`, without waiting: prints the session and returns. The user then locks and unlocks the device; \`prt trace watch\` tells when the PRT attempt happened, and \`prt trace stop\` stops everything and collects the bundle. The state file remembers what to undo, whatever happens in between.

      ${simulateNote}
    `,
    examples: [
      ['Start, let the user lock/unlock, then collect', 'prt trace start --json'],
      ['See the plan without changing anything', 'prt trace start --dry-run'],
    ],
  });

  protected async run(): Promise<number> {
    const { ctx, defaultOutput, interactive, controller, done } = this.setup();
    try {
      const options = await this.options(defaultOutput, interactive, { LockWorkstation: this.lock });
      if (this.dryRun) {
        const plan = await planTrace(ctx, options, 'Detached');
        return this.present(plan, formatTracePlan);
      }
      const release = this.trapSignals(controller, true);
      try {
        const session = await startTrace(ctx, options);
        return this.present(session, formatTraceSession);
      } finally {
        release();
      }
    } finally {
      done();
    }
  }
}

export class TraceStopCommand extends TraceCommand {
  static override paths = [['trace', 'stop']];

  static override usage = Command.Usage({
    category: 'Trace',
    description: 'Stop the running trace (or clean up an interrupted one) and collect the bundle',
    details: `
      Stops what the state file says is running (the lsass recorder, the Auth scripts, netsh), puts the AAD Analytic log back as it was, exports both AAD logs, takes the second dsregcmd snapshot and writes the report, the manifest and the zip. It is also the clean-up after a prt that was killed: every undo that the state file lists is issued, and a failed one is kept for the next try.

      ${simulateNote}
    `,
    examples: [
      ['Collect the bundle', 'prt trace stop'],
      ['Collect it as JSON (what Stop-PrtTrace reads)', 'prt trace stop --json'],
    ],
  });

  protected async run(): Promise<number> {
    const { ctx, controller, done } = this.setup();
    const release = this.trapSignals(controller, false);
    try {
      const bundle = await stopTrace({ ...ctx, signal: undefined });
      return this.present(bundle, formatTraceBundle);
    } finally {
      release();
      done();
    }
  }
}

export class TraceWatchCommand extends TraceCommand {
  static override paths = [['trace', 'watch']];

  static override usage = Command.Usage({
    category: 'Trace',
    description: 'Watch a started trace until the PRT is renewed or an attempt fails (or the time is up)',
    details: `
      For a trace started with \`prt trace start\`: looks at dsregcmd and the AAD logs every few seconds and returns the outcome (PrtRenewed, AttemptFailed, TimedOut). The outcome goes into the report. Exit code 0 whatever the outcome.

      ${simulateNote}
    `,
    examples: [['Wait up to two minutes for the user\'s lock/unlock', 'prt trace watch --timeout 120 --json']],
  });

  timeout = Option.String('--timeout', { description: 'Seconds to watch (default 60)', validator: seconds });

  protected async run(): Promise<number> {
    const { ctx, controller, done } = this.setup();
    const release = this.trapSignals(controller, true);
    try {
      const result = await watchTrace(ctx, this.timeout ?? 60);
      return this.present(result, formatReproResult);
    } catch (error) {
      if (error instanceof TraceInterrupted) {
        // Watching changes nothing: an interrupted watch leaves the trace running, as it was.
        throw new PrtError('Interrupted', `watching was interrupted (${error.signalName}); the trace still runs: \`prt trace stop\` collects it`, ExitCode.Interrupted, 'OperationStopped');
      }
      throw error;
    } finally {
      release();
      done();
    }
  }
}

export class TraceStatusCommand extends TraceCommand {
  static override paths = [['trace', 'status']];

  static override usage = Command.Usage({
    category: 'Trace',
    description: 'Show whether a trace is running on this device, and what it has changed',
    details: simulateNote,
    examples: [['Is a trace running?', 'prt trace status --json']],
  });

  protected async run(): Promise<number> {
    const { ctx, done } = this.setup();
    try {
      const status = traceStatus(ctx);
      return this.present(status, formatTraceStatus);
    } finally {
      done();
    }
  }
}

/** Registered together under `trace` (src/cli/run.ts). */
export const traceCommands = [TraceRunCommand, TraceStartCommand, TraceStopCommand, TraceWatchCommand, TraceStatusCommand];
