// Dashboard or plain lines? The choice is made here, before anything heavy is loaded: Ink and
// React come in through a dynamic import only when a dashboard will be drawn (`prt status` and
// every plain run never pay for them).
import { writeFileSafely } from '../../host/write-file.js';
import type { Writable } from 'node:stream';
import type { Host } from '../../host/types.js';
import type { TraceEvents } from '../../trace/progress.js';
import { PrtError } from '../../errors.js';

type Env = Record<string, string | undefined>;

const isTty = (stream: unknown) => (stream as { isTTY?: boolean } | undefined)?.isTTY === true;

/** The same test as Ink's own (is-in-ci), on the environment the command was given. */
export const isInCi = (env: Env) => ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false');

/**
 * A dashboard needs a terminal that can move the cursor: stderr a TTY (not a pipe, a file,
 * remoting or the module's redirect), not CI (Ink would only print the last frame), not
 * TERM=dumb. `PRT_DASHBOARD=0` asks for plain lines anyway. NO_COLOR keeps the dashboard and
 * takes its colours away (https://no-color.org is about colour, not layout).
 */
export function wantsDashboard(stderr: Writable, env: Env): boolean {
  return isTty(stderr) && !isInCi(env) && env.TERM !== 'dumb' && env.PRT_DASHBOARD !== '0';
}

export const dashboardColour = (env: Env) => !env.NO_COLOR && env.TERM !== 'dumb';

/** Keys can be read one at a time (raw mode): Ink's own test, `isRawModeSupported`. */
export const canReadKeys = (stdin: unknown) => isTty(stdin) && typeof (stdin as { setRawMode?: unknown }).setRawMode === 'function';

/** `PRT_DASHBOARD_STATS=<file>`: what a run drew and what it cost (the benchmark reads it). */
export function writeDashboardStats(env: Env, stats: { Mode: 'Dashboard' | 'Plain'; Redraws: number; StartedAtMs: number }): void {
  const file = env.PRT_DASHBOARD_STATS;
  if (!file) return;
  const cpu = process.cpuUsage();
  const document = { Mode: stats.Mode, Redraws: stats.Redraws, WallMs: Date.now() - stats.StartedAtMs, CpuUserMicros: cpu.user, CpuSystemMicros: cpu.system, Pid: process.pid };
  try {
    writeFileSafely(file, `${JSON.stringify(document)}\n`);
  } catch (error) {
    // A statistic is never worth a failure.
    if (!(error instanceof PrtError)) throw error;
  }
}

export interface TraceDashboard {
  /** The host for the trace: its dsregcmd readings reach the dashboard too. */
  host: Host;
  /** Resolves when the person presses `s` (stop watching, collect now). */
  userDone: Promise<void>;
  /** Last events read, last frame drawn, Ink unmounted (the frame stays on the screen). */
  close(): Promise<void>;
}

export interface TraceDashboardOptions {
  host: Host;
  events: TraceEvents;
  stderr: Writable;
  stdin: NodeJS.ReadableStream;
  env: Env;
  hybridWaitSeconds: number;
  /** Ctrl+C read as a key (raw mode): the command's own interrupt path. */
  onInterrupt: () => void;
}

/** `prt trace run` in a terminal: the dashboard, fed by the trace's progress stream. */
export async function openTraceDashboard(options: TraceDashboardOptions): Promise<TraceDashboard> {
  const startedAtMs = Date.now();
  const [{ createDashboardStore }, { startFeed, teeDsregcmd }, { mountDashboard }] = await Promise.all([
    import('../../ui/store.js'),
    import('../../ui/feed.js'),
    import('../../ui/load.js').then(({ loadDashboard }) => loadDashboard()),
  ]);
  const { host } = options;
  const keys = canReadKeys(options.stdin);
  const store = createDashboardStore({ Mode: 'Trace', Now: host.now().toISOString(), HybridWaitSeconds: options.hybridWaitSeconds, Keys: keys });
  const unsubscribe = options.events.subscribe((event) => {
    store.dispatch({ Kind: 'Progress', Event: event });
  });
  let stop: () => void = () => {};
  const userDone = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const board = await mountDashboard({
    store,
    stream: options.stderr,
    stdin: options.stdin,
    colour: dashboardColour(options.env),
    keys: {
      onStop: () => {
        // Only while the repro is being watched: earlier there is nothing to stop yet.
        const state = store.getState();
        if (!state.Instruction || state.Observed || state.StopRequested) return;
        store.dispatch({ Kind: 'StopRequested', At: host.now().toISOString() });
        stop();
      },
      onInterrupt: options.onInterrupt,
    },
  });
  const feed = startFeed({ host, dispatch: store.dispatch, since: host.now(), eventsEveryMs: host.kind === 'Simulated' ? 1_000 : 3_000, statusEveryMs: null, tickMs: 1_000 });
  return {
    host: teeDsregcmd(host, store.dispatch),
    userDone,
    async close() {
      await feed.stop(true);
      await board.close();
      unsubscribe();
      writeDashboardStats(options.env, { Mode: 'Dashboard', Redraws: board.redraws(), StartedAtMs: startedAtMs });
    },
  };
}
