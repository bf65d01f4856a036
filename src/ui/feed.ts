// What feeds the dashboard besides the trace's progress stream: the AAD events, read
// incrementally, dsregcmd re-read at an interval (and right after a PRT attempt ends), and the
// clock. Everything goes through the Host (DESIGN §3), so the simulated device works the same.
import { getStatus } from '../app/status.js';
import { aadChannels, type AadChannel } from '../host/event-host.js';
import type { Host } from '../host/types.js';
import { readEvents } from '../events/parse.js';
import type { AadEvent } from '../events/types.js';
import { statusFromBytes } from '../trace/engine.js';
import type { DashboardInput } from './state.js';
import { scrubAadEvent } from '../safety/event-xml.js';
import { PrtError, ifPrtError } from '../errors.js';

type Dispatch = (input: DashboardInput) => void;

/**
 * Reads the AAD channels a little at a time: each read starts at the newest event time already
 * seen, and drops the events it already had (by channel and EventRecordID), so a long watch
 * never re-reads the whole log.
 */
export class AadEventReader {
  private readonly since = new Map<AadChannel, Date>();
  private readonly seen = new Map<AadChannel, Set<number>>();
  private readonly failed = new Set<AadChannel>();

  constructor(
    private readonly host: Host,
    private readonly start: Date,
    private readonly onProblem: (text: string) => void = () => {},
  ) {
    for (const channel of aadChannels) this.since.set(channel, start);
  }

  /** The events that arrived since the last call, every channel. */
  async read(): Promise<AadEvent[]> {
    const fresh: AadEvent[] = [];
    for (const channel of aadChannels) {
      const since = this.since.get(channel) ?? this.start;
      let events: AadEvent[];
      try {
        ({ events } = await readEvents(this.host.queryEvents({ channel, since }), { source: `wevtutil qe ${channel}` }));
        events = events.map(scrubAadEvent);
        this.failed.delete(channel);
      } catch (error) {
        // An enabled Analytic channel may refuse reads; the next round tries again.
        if (!this.failed.has(channel)) this.onProblem(`${channel} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        this.failed.add(channel);
        continue;
      }
      const seen = this.seen.get(channel) ?? new Set<number>();
      let newest = since.getTime();
      for (const e of events) {
        newest = Math.max(newest, Math.floor(e.TimeMs));
        if (seen.has(e.EventRecordID)) continue;
        fresh.push(e);
      }
      // The next read starts at the newest instant (inclusive): remember the ids it will repeat.
      this.seen.set(channel, new Set(events.filter((e) => Math.floor(e.TimeMs) >= newest).map((e) => e.EventRecordID)));
      this.since.set(channel, new Date(newest));
    }
    return fresh;
  }
}

/** Turns a dsregcmd reading into the dashboard's input; a failed one says why. */
export async function readStatus(host: Host, dispatch: Dispatch): Promise<void> {
  try {
    const status = await getStatus(host, {});
    dispatch({ Kind: 'Status', At: host.now().toISOString(), Status: status });
  } catch (error) {
    dispatch({ Kind: 'StatusFailed', At: host.now().toISOString(), Message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The trace already runs dsregcmd (before, during the repro, after): a host that hands each of
 * those readings to the dashboard too, instead of running dsregcmd a second time.
 */
export function teeDsregcmd(host: Host, dispatch: Dispatch): Host {
  return new Proxy(host, {
    get(target, property) {
      if (property === 'runDsregcmdStatus') {
        return async () => {
          const bytes = await target.runDsregcmdStatus();
          try {
            dispatch({ Kind: 'Status', At: target.now().toISOString(), Status: (await statusFromBytes(bytes, target)).status });
          } catch (error) {
            // Unreadable output is the trace's problem to report, not the dashboard's.
            if (!(error instanceof PrtError)) throw error;
          }
          return bytes;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface FeedOptions {
  host: Host;
  dispatch: Dispatch;
  /** Where the event reading starts. */
  since: Date;
  /** Real milliseconds between event reads. */
  eventsEveryMs: number;
  /** Real milliseconds between dsregcmd reads; null when someone else reads it (a trace). */
  statusEveryMs: number | null;
  /** Real milliseconds between clock ticks (ages, countdowns). */
  tickMs: number;
}

export interface Feed {
  /** Stops every timer; resolves when the read under way (if any) is over. `flush` reads the events once more first. */
  stop(flush?: boolean): Promise<void>;
}

/**
 * Runs the readers on timers. Timers, not a loop: between reads the process sleeps (an idle
 * watch must cost almost nothing). A read never overlaps the previous one.
 */
export function startFeed(options: FeedOptions): Feed {
  const { host, dispatch } = options;
  const reader = new AadEventReader(host, options.since, (text) => {
    dispatch({ Kind: 'Note', Text: text });
  });
  let stopped = false;
  let closing = false;
  let busy: Promise<void> = Promise.resolve();
  const timers: NodeJS.Timeout[] = [];
  let statusSoon: NodeJS.Timeout | null = null;

  const serial = (work: () => Promise<void>) => {
    busy = busy.then(() => (stopped ? undefined : work())).catch(ifPrtError(undefined));
    return busy;
  };

  const readStatusNow = () => serial(() => readStatus(host, dispatch));
  const readEventsNow = () =>
    serial(async () => {
      const events = await reader.read();
      if (events.length === 0) return;
      dispatch({ Kind: 'AadEvents', Events: events });
      // An attempt just ended (1007) or failed (an error event): dsregcmd has news.
      if (options.statusEveryMs !== null && events.some((e) => e.EventId === 1007 || e.Level === 2) && !statusSoon && !closing) {
        statusSoon = setTimeout(() => {
          statusSoon = null;
          void readStatusNow();
        }, 1_500);
      }
    });

  const tick = () => {
    dispatch({ Kind: 'Tick', Now: host.now().toISOString() });
  };

  void readEventsNow();
  timers.push(setInterval(() => void readEventsNow(), options.eventsEveryMs));
  if (options.statusEveryMs !== null) {
    void readStatusNow();
    timers.push(setInterval(() => void readStatusNow(), options.statusEveryMs));
  }
  timers.push(setInterval(tick, options.tickMs));

  return {
    async stop(flush = false) {
      closing = true;
      for (const timer of timers) clearInterval(timer);
      if (statusSoon) clearTimeout(statusSoon);
      if (flush) await readEventsNow();
      stopped = true;
      await busy;
      tick();
    },
  };
}
