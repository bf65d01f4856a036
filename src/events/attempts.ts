/**
 * AAD events → PRT attempts (Step 2, Method 2 of the checklist): every 1006 (GetToken Start) →
 * 1007 (GetToken Stop) window is one attempt, with the AAD events in between.
 *
 * The matching rule. Events are put on one timeline per computer (order.ts) and walked in order.
 * - A 1006 opens an attempt. A thread runs one GetToken at a time, so it also ends, unfinished,
 *   an attempt still open on the same ProcessId+ThreadId.
 * - Any other event joins the open attempt it fits best, scored against that attempt's 1006:
 *   same ActivityId +8 (different, both present: −8), same ProcessId +2, same ThreadId too +4,
 *   same UserSid +1. Two different *user* SIDs (S-1-5-21-…, S-1-12-1-…) never match: one user's
 *   events never explain another's attempt (SYSTEM and service SIDs are neutral: lsass logs as
 *   SYSTEM). Ties go to the most recently started attempt. With one attempt open this is the
 *   checklist's rule: everything between 1006 and 1007 belongs to it; the score only separates
 *   interleaved flows (two users, two threads).
 * - A 1007 closes the attempt it fits best, carrying Status.
 * - An attempt with no 1007 stays open for `maxOpenMs` (default 10 minutes), then stops
 *   collecting; it is reported with `Finished: false`.
 * Orphans. When the Analytic log was off (its default) or cleared, the Operational errors have no
 * window. CloudAP error events outside any window (1081, 1084, 1088, 1104; not the token broker's
 * task 103, which serves app tokens, not the PRT) start an orphan attempt (`Orphan: true`,
 * `Start` null); the following events of the same ProcessId+ThreadId within `orphanGapMs`
 * (default 5 s) join it. A 1007 without a window (its 1006 lost) closes such an orphan, or is one
 * on its own, with its Status. Every other event outside a window is returned as `Unattached`.
 */
import { AAD_EVENT, AAD_TASK, networkErrorOf, pluginErrorOf, serverErrorOf, statusOf, tokenBrokerErrorOf, upnOf, urlOf } from './aad.js';
import { keepAadEvents } from './scan.js';
import { timeline } from './order.js';
import type { AadEvent, Attempt } from './types.js';

export interface AttemptOptions {
  /** How long an attempt without 1007 keeps collecting events (default 10 minutes). */
  maxOpenMs?: number;
  /** The largest gap between events of one orphan attempt (default 5 seconds). */
  orphanGapMs?: number;
}

export interface AttemptReconstruction {
  /** Newest first. */
  Attempts: Attempt[];
  /** Events that belong to no attempt (AAD events outside any window, other providers), in timeline order. */
  Unattached: AadEvent[];
}

const DEFAULT_MAX_OPEN_MS = 10 * 60_000;
const DEFAULT_ORPHAN_GAP_MS = 5_000;
const SUCCESS = '0x00000000';

/** The events of one attempt while they are being collected. */
interface Flow {
  start: AadEvent | null;
  stop: AadEvent | null;
  events: AadEvent[];
  /** Still collecting. */
  open: boolean;
}

/** The attempts being collected on one computer. */
interface Device {
  windows: Flow[];
  orphans: Flow[];
}

/** The attempts of a set of events (any order, any channels, duplicates allowed), newest first. */
export function buildAttempts(events: readonly AadEvent[], options: AttemptOptions = {}): Attempt[] {
  return reconstructAttempts(events, options).Attempts;
}

/** buildAttempts, plus the events that belong to no attempt. */
export function reconstructAttempts(events: readonly AadEvent[], options: AttemptOptions = {}): AttemptReconstruction {
  const unattached: AadEvent[] = [];
  const tracker = new AttemptTracker(options, (e) => unattached.push(e));
  const attempts: Attempt[] = [];
  for (const e of timeline(events)) attempts.push(...tracker.push(e));
  attempts.push(...tracker.end());
  return { Attempts: newestFirst(attempts), Unattached: unattached };
}

/** Sorts attempts newest first, by their 1006 (or an orphan's first event). */
export function newestFirst(attempts: Attempt[]): Attempt[] {
  const t = (a: Attempt): number => a.Events[0]?.TimeMs ?? 0;
  return attempts.sort((x, y) => t(y) - t(x));
}

/**
 * The same rule, incremental, for logs too large to hold: feed events in timeline order (one
 * time-ordered export, or `timeline()` of collected events) and take each attempt when it is
 * complete. Memory holds only the attempts still open.
 */
export class AttemptTracker {
  private readonly maxOpenMs: number;
  private readonly orphanGapMs: number;
  private readonly devices = new Map<string, Device>();
  private lastDevice: { computer: string; device: Device } | null = null;

  constructor(
    options: AttemptOptions = {},
    /** Called with each event that belongs to no attempt. */
    private readonly onUnattached: (event: AadEvent) => void = () => {},
  ) {
    this.maxOpenMs = options.maxOpenMs ?? DEFAULT_MAX_OPEN_MS;
    this.orphanGapMs = options.orphanGapMs ?? DEFAULT_ORPHAN_GAP_MS;
  }

  /** Takes the next event; returns the attempts it completed (closed, superseded or timed out). */
  push(e: AadEvent): Attempt[] {
    if (!keepAadEvents(e.Provider, e.EventId)) {
      this.onUnattached(e);
      return [];
    }
    const device = this.deviceOf(e.Computer);
    const done: Flow[] = [];
    for (const w of device.windows) if (w.start && e.TimeMs - w.start.TimeMs > this.maxOpenMs) close(w, done);
    for (const o of device.orphans) if (e.TimeMs - lastTime(o) > this.orphanGapMs) close(o, done);

    if (e.EventId === AAD_EVENT.GetTokenStart) {
      for (const w of device.windows) if (sameThread(w.start, e)) close(w, done);
      device.windows.push({ start: e, stop: null, events: [e], open: true });
    } else {
      const window = bestWindow(device.windows, e);
      let orphan: Flow | null = null;
      if (!window) {
        orphan = findLast(device.orphans, (o) => o.open && sameThread(o.events[0] ?? null, e));
        if (!orphan && (e.EventId === AAD_EVENT.GetTokenStop || isOrphanEvidence(e))) {
          orphan = { start: null, stop: null, events: [], open: true };
          device.orphans.push(orphan);
        }
      }
      const flow = window ?? orphan;
      if (!flow) {
        this.onUnattached(e);
      } else {
        flow.events.push(e);
        if (e.EventId === AAD_EVENT.GetTokenStop) {
          flow.stop = e;
          close(flow, done);
        }
      }
    }
    if (done.length > 0) {
      device.windows = device.windows.filter((w) => w.open);
      device.orphans = device.orphans.filter((o) => o.open);
    }
    return done.map(summarise);
  }

  /** The flows of one computer (names are case-insensitive); most events are of the previous event's. */
  private deviceOf(computer: string): Device {
    const last = this.lastDevice;
    if (last !== null && last.computer === computer) return last.device;
    const key = computer.toLowerCase();
    let device = this.devices.get(key);
    if (!device) {
      device = { windows: [], orphans: [] };
      this.devices.set(key, device);
    }
    this.lastDevice = { computer, device };
    return device;
  }

  /** The attempts still open at the end of the log: unfinished windows and orphans. */
  end(): Attempt[] {
    const rest: Attempt[] = [];
    for (const device of this.devices.values()) {
      for (const flow of [...device.windows, ...device.orphans]) rest.push(summarise(flow));
    }
    this.devices.clear();
    this.lastDevice = null;
    return rest;
  }
}

function close(flow: Flow, done: Flow[]): void {
  if (!flow.open) return;
  flow.open = false;
  done.push(flow);
}

/** The open window `e` fits best (see the rule above), or null when none may take it. */
function bestWindow(windows: Flow[], e: AadEvent): Flow | null {
  let best: Flow | null = null;
  let bestScore = -Infinity;
  for (const w of windows) {
    if (!w.open || !w.start) continue;
    const score = affinity(w.start, e);
    if (score !== null && score >= bestScore) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}

function affinity(start: AadEvent, e: AadEvent): number | null {
  if (isUserSid(start.UserSid) && isUserSid(e.UserSid) && !sameText(start.UserSid, e.UserSid)) return null;
  let score = 0;
  const a = activity(start.ActivityId);
  const b = activity(e.ActivityId);
  if (a !== null && b !== null) score += a === b ? 8 : -8;
  if (start.ProcessId !== null && start.ProcessId === e.ProcessId) {
    score += 2;
    if (start.ThreadId !== null && start.ThreadId === e.ThreadId) score += 4;
  }
  if (start.UserSid !== null && sameText(start.UserSid, e.UserSid)) score += 1;
  return score;
}

/** Same ProcessId and ThreadId (absent ones only match absent ones). */
function sameThread(a: AadEvent | null, b: AadEvent): boolean {
  return a !== null && a.ProcessId === b.ProcessId && a.ThreadId === b.ThreadId;
}

/** A CloudAP error that means a PRT attempt failed even when its window is missing. */
function isOrphanEvidence(e: AadEvent): boolean {
  const id = e.EventId;
  const cloudAp = id === AAD_EVENT.OAuthError || id === AAD_EVENT.HttpTransportError || id === AAD_EVENT.WsTrustError || id === AAD_EVENT.PluginCallError;
  return cloudAp && e.Task !== AAD_TASK.TokenBrokerPlugin;
}

/** A SID of a person (domain or Entra ID user), as opposed to SYSTEM or a service. */
const isUserSid = (sid: string | null): boolean => sid !== null && /^S-1-(?:5-21|12-1)-/i.test(sid);

const sameText = (a: string | null, b: string | null): boolean => a !== null && b !== null && (a === b || (a.length === b.length && a.toLowerCase() === b.toLowerCase()));

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (test(item)) return item;
  }
  return null;
}

/** An ActivityID compared without braces and case; the all-zero GUID means none. */
function activity(id: string | null): string | null {
  if (id === null) return null;
  const bare = id.replace(/[{}\s]/g, '').toLowerCase();
  return bare === '' || /^[0-]+$/.test(bare) ? null : bare;
}

const lastTime = (f: Flow): number => f.events[f.events.length - 1]?.TimeMs ?? 0;

function summarise(flow: Flow): Attempt {
  const events = flow.events;
  const first = events[0] as AadEvent;
  const last = events[events.length - 1] as AadEvent;
  const identity = flow.start ?? first;
  const status = flow.stop ? statusOf(flow.stop) : null;

  let serverEvent: AadEvent | null = null;
  let networkEvent: AadEvent | null = null;
  let upnEvent: AadEvent | null = null;
  for (const e of events) {
    if (e.EventId === AAD_EVENT.OAuthError || e.EventId === AAD_EVENT.WsTrustError) serverEvent = e;
    else if (e.EventId === AAD_EVENT.HttpTransportError) networkEvent = e;
    else if (e.EventId === AAD_EVENT.RealmDiscovery && upnEvent === null && upnOf(e) !== null) upnEvent = e;
  }
  const networkSubError = networkEvent ? networkErrorOf(networkEvent) : null;

  return {
    Start: flow.start?.TimeCreated ?? null,
    End: flow.stop?.TimeCreated ?? null,
    Finished: flow.stop !== null,
    Status: status,
    Succeeded: status === SUCCESS,
    Orphan: flow.start === null,
    FirstEventTime: first.TimeCreated,
    LastEventTime: last.TimeCreated,
    Computer: first.Computer,
    UserSid: identity.UserSid,
    ProcessId: identity.ProcessId,
    ThreadId: identity.ThreadId,
    ActivityId: identity.ActivityId,
    ServerError: serverEvent ? serverErrorOf(serverEvent) : null,
    Url: urlFor(events, serverEvent ?? networkEvent, networkSubError?.Target ?? null),
    Upn: upnEvent ? upnOf(upnEvent) : null,
    NetworkSubError: networkSubError,
    TokenBrokerErrors: events.filter((e) => e.EventId === AAD_EVENT.TokenBrokerWarning || e.EventId === AAD_EVENT.TokenBrokerError).map(tokenBrokerErrorOf),
    PluginErrors: events.filter((e) => e.EventId === AAD_EVENT.PluginCallError).map(pluginErrorOf),
    EventRecordIds: events.map((e) => ({ Channel: e.Channel, EventRecordID: e.EventRecordID })),
    SourceFormat: sourceFormatOf(events),
    Events: events,
  };
}

/** Which kind of source the attempt's evidence came from: pasted text says less than event XML. */
function sourceFormatOf(events: AadEvent[]): Attempt['SourceFormat'] {
  const formats = new Set(events.map((e) => e.FromText?.SourceFormat ?? 'EventXml'));
  return formats.size === 1 ? ([...formats][0] as Attempt['SourceFormat']) : 'Mixed';
}

/**
 * The checklist's URL: the 1022 just before the server or network error; without one before it,
 * the attempt's last 1022; without any 1022, a 1084 target that is a URL.
 */
function urlFor(events: AadEvent[], error: AadEvent | null, target: string | null): string | null {
  let beforeError: string | null = null;
  let lastUrl: string | null = null;
  let passedError = false;
  for (const e of events) {
    if (e === error) passedError = true;
    if (e.EventId !== AAD_EVENT.EndpointUri) continue;
    const url = urlOf(e);
    if (url === null) continue;
    lastUrl = url;
    if (!passedError) beforeError = url;
  }
  if (error !== null && beforeError !== null) return beforeError;
  if (lastUrl !== null) return lastUrl;
  return target !== null && /^https?:\/\//i.test(target) ? target : null;
}
