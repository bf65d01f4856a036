import { Command, Option } from 'clipanion';
import { ifPrtError, usageError } from '../../errors.js';
import { PrtCommand } from '../command.js';
import { writeJson } from '../output.js';
import { canReadKeys, wantsDashboard, writeDashboardStats } from '../present/dashboard.js';

/** Ctrl+C, `Stop-Process`/SIGTERM, a closed console window (SIGHUP), Ctrl+Break (Windows). */
const quitSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', ...(process.platform === 'win32' ? (['SIGBREAK'] as NodeJS.Signals[]) : [])];

function seconds(option: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > 604_800) throw usageError('InvalidSeconds', `${option} expects a number of seconds (${min} to 604800); got "${value}"`);
  return number;
}

export class WatchCommand extends PrtCommand {
  static override paths = [['watch']];

  static override usage = Command.Usage({
    category: 'Status',
    description: 'Watch the PRT and the AAD events live (a terminal dashboard; plain lines elsewhere)',
    details: `
      The dashboard of \`prt trace run\` without tracing: who the device and the user are, the Azure AD PRT (update time and its age, expiry, authority; it shows when a refresh succeeds), the PRT attempts as the AAD events arrive (1006 → 1007) with every error code decoded, and what to do to see one. dsregcmd is read again every \`--interval\` seconds and right after an attempt ends; new AAD events are read every few seconds, only what is new. Nothing on the device is changed: the AAD Analytic log stays as it is (when it is off, only the errors of the Operational log show).

      In a terminal the dashboard draws on stderr; \`q\` or Ctrl+C ends it. Elsewhere (a pipe, a log, CI, remoting) it prints one plain line per change, never escape codes. \`--json\` prints the last dsregcmd reading and the attempts seen as one JSON document at the end.

      Also takes \`--simulate <scenario>\`: the scripted user locks and unlocks the simulated device shortly after the start.
    `,
    examples: [
      ['Watch this device until q', 'prt watch'],
      ['Watch a simulated hybrid device for 30 seconds', 'prt watch --simulate hybrid-wrong-password --duration 30'],
    ],
  });

  duration = Option.String('--duration', { description: 'End by itself after this many seconds (default: until q or Ctrl+C)' });
  interval = Option.String('--interval', { description: 'Seconds between dsregcmd readings (default 30)' });

  protected async run(): Promise<number> {
    const durationSeconds = this.duration === undefined ? null : seconds('--duration', this.duration, 0, 0);
    const intervalSeconds = seconds('--interval', this.interval, 30, 1);
    const startedAtMs = Date.now();
    const { host, env } = this.context;
    const stderr = this.context.stderr;
    const dashboard = wantsDashboard(stderr, env);
    const [{ createDashboardStore }, { startFeed }] = await Promise.all([import('../../ui/store.js'), import('../../ui/feed.js')]);
    const stdin = dashboard ? this.context.stdin : null;
    const keys = stdin !== null && canReadKeys(stdin);
    const store = createDashboardStore({ Mode: 'Watch', Now: host.now().toISOString(), Keys: keys });
    if (host.kind === 'Simulated') {
      const scenario = (host as { scenarioName?: string }).scenarioName ?? null;
      store.dispatch({ Kind: 'Progress', Event: { Kind: 'Session', At: host.now().toISOString(), SessionId: '', Host: 'Simulated', Scenario: scenario, Steps: [] } });
    }

    let quit: () => void = () => {};
    const ended = new Promise<void>((resolve) => {
      quit = resolve;
    });
    const onSignal = () => {
      quit();
    };
    for (const signal of quitSignals) process.on(signal, onSignal);
    const timer = durationSeconds === null ? null : setTimeout(onSignal, durationSeconds * 1000);

    let redraws = 0;
    let close: () => Promise<void>;
    if (dashboard && stdin) {
      const { mountDashboard } = await (await import('../../ui/load.js')).loadDashboard();
      const { dashboardColour } = await import('../present/dashboard.js');
      const board = await mountDashboard({ store, stream: stderr, stdin, colour: dashboardColour(env), keys: { onQuit: onSignal, onInterrupt: onSignal } });
      close = async () => {
        await board.close();
        redraws = board.redraws();
      };
    } else {
      const { createPlainPrinter } = await import('../../ui/plain.js');
      const print = createPlainPrinter((text) => stderr.write(text));
      const unsubscribe = store.subscribe(() => {
        redraws += print(store.getState());
      });
      close = async () => {
        unsubscribe();
      };
    }

    // A person watches: on the simulated device, the scripted one locks and unlocks it.
    await host.expectRepro();
    const analyticOn = await host.isChannelEnabled('Microsoft-Windows-AAD/Analytic').catch(ifPrtError(null));
    if (analyticOn === false) store.dispatch({ Kind: 'Note', Text: 'The AAD Analytic log is off: attempts show only when they fail (Operational log). `prt trace run` turns it on for a repro.' });
    const feed = startFeed({
      host,
      dispatch: store.dispatch,
      since: new Date(host.now().getTime() - 3_600_000),
      eventsEveryMs: host.kind === 'Simulated' ? 1_000 : 3_000,
      statusEveryMs: intervalSeconds * 1000,
      tickMs: 1_000,
    });
    try {
      await ended;
    } finally {
      if (timer) clearTimeout(timer);
      for (const signal of quitSignals) process.off(signal, onSignal);
      await feed.stop();
      await close();
      writeDashboardStats(env, { Mode: dashboard ? 'Dashboard' : 'Plain', Redraws: redraws, StartedAtMs: startedAtMs });
    }
    if (this.json) {
      const { reconstructAttempts } = await import('../../events/attempts.js');
      const state = store.getState();
      writeJson(this.context.stdout, { Prt: state.Prt, Attempts: reconstructAttempts(state.Events).Attempts.map(({ Events: _events, ...attempt }) => attempt), EventCount: state.Events.length });
    }
    return 0;
  }
}
