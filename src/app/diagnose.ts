import {
  AAD_EVENTS, AttemptTracker, TextSequence, keepAadEvents, parseEventBatches, summariseTextRecord, type AadEvent, type Attempt, type EventProblem, type TextRecordSummary,
} from '../events/index.js';
import { mergeTimelineBatches } from '../events/merge.js';
import { decodeCode, isExplainError } from '../codes/index.js';
import { fromDiagnostics, fromEvents, mergeAttempts, summarise } from '../diagnose/attempts.js';
import type { DiagnosedAttempt, Diagnosis, ExplainedCode } from '../diagnose/attempt-types.js';
import { OutsideErrorTally } from '../diagnose/outside-errors.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import { PrtError } from '../errors.js';
import { aadChannels, type AadChannel } from '../host/event-host.js';
import type { Host } from '../host/types.js';
import { scrubAadEvent } from '../safety/event-xml.js';
import { getStatus } from './status.js';

export interface DiagnoseRequest {
  /** A dsregcmd capture; without it and without `events`, the device itself is read. */
  dsregcmd?: string;
  /** Event files or folders of them (a collected bundle). */
  events: string[];
  /** Only events at or after this instant. */
  since?: Date;
  now?: Date;
}

/** Without files, the device's own logs are read this far back. */
export const defaultLiveWindowHours = 24;

const eventIds = Object.keys(AAD_EVENTS).map(Number);
/** The files of a folder that may hold events: logs, and Event Viewer text (.txt/.csv, checked by content). */
const eventFile = /\.(xml|evtx|txt|csv)$/i;
const textFile = /\.(txt|csv)$/i;
/** More text records than this are counted, not listed (a saved .txt of a whole log). */
const textRecordsListed = 500;

/** How many attempts the diagnosis shows: the newest failures first, and a few successes. */
export const shownFailedAttempts = 20;
export const shownSucceededAttempts = 5;
/** Problems (unreadable events) listed one by one; the rest are counted. */
const shownProblems = 50;

interface EventHarvest {
  /** One stream of event batches per source, merged into one timeline as they are read. */
  lanes: AsyncIterable<AadEvent[]>[];
  problems: EventProblem[];
  problemCount: number;
  sources: string[];
  notes: string[];
  textRecords: TextRecordSummary[];
  /** Text records read but not listed (beyond textRecordsListed); they still count in the attempts. */
  textRecordsCut: number;
  textSequence: TextSequence;
}

/** The events of one source at or after `since`; its problems go to the harvest. */
async function* eventsOf(harvest: EventHarvest, chunks: AsyncIterable<Uint8Array>, source: string, since: Date | undefined, inFolder: boolean): AsyncGenerator<AadEvent[]> {
  try {
    yield* readEvents(harvest, chunks, source, since);
  } catch (error) {
    // A bundle also holds notes and dsregcmd captures: in a folder, text that is not events is skipped.
    if (!inFolder || !(error instanceof PrtError) || error.id !== 'NotEventXml' || !textFile.test(source)) throw error;
    harvest.notes.push(`\`${source}\` is neither event XML nor Event Viewer text; skipped.`);
    // Listed as a source when its reading was queued; it turned out to hold no events.
    const listed = harvest.sources.indexOf(source);
    if (listed >= 0) harvest.sources.splice(listed, 1);
  }
}

async function* readEvents(harvest: EventHarvest, chunks: AsyncIterable<Uint8Array>, source: string, since: Date | undefined): AsyncGenerator<AadEvent[]> {
  const floor = since?.getTime() ?? -Infinity;
  const text = { aad: 0, untimed: 0, others: new Map<string, number>() };
  for await (const items of parseEventBatches(chunks, { source, textSequence: harvest.textSequence })) {
    const events: AadEvent[] = [];
    for (const item of items) {
      if ('problem' in item) {
        harvest.problemCount++;
        if (harvest.problems.length < shownProblems) harvest.problems.push(item.problem);
        continue;
      }
      // Scrubbed value by value, before anything flattens a SOAP description to text (DESIGN §8).
      const event = scrubAadEvent(item.event);
      if (!event.FromText) {
        if (event.TimeMs >= floor) events.push(event);
        continue;
      }
      if (!keepAadEvents(event.Provider, event.EventId)) {
        const name = `${event.Provider || 'an unnamed source'} ${event.EventId === 0 ? '(no event id)' : String(event.EventId)}`;
        text.others.set(name, (text.others.get(name) ?? 0) + 1);
        continue;
      }
      // A local time without its zone cannot be compared with --since: such records are kept.
      if (event.TimeCreated !== null && event.TimeMs < floor) continue;
      if (event.TimeCreated === null) text.untimed++;
      text.aad++;
      const summary = summariseTextRecord(event);
      if (summary && harvest.textRecords.length < textRecordsListed) harvest.textRecords.push(summary);
      else if (summary) harvest.textRecordsCut++;
      events.push(event);
    }
    if (events.length > 0) yield events;
  }
  if (text.aad > 0 || text.others.size > 0) harvest.notes.push(textNote(source, text.aad, text.untimed, text.others, since !== undefined));
}

function collect(harvest: EventHarvest, chunks: AsyncIterable<Uint8Array>, source: string, since: Date | undefined, inFolder = false) {
  harvest.lanes.push(eventsOf(harvest, chunks, source, since, inFolder));
  harvest.sources.push(source);
}

function textNote(source: string, aad: number, untimed: number, others: Map<string, number>, sinceGiven: boolean): string {
  const parts = [`\`${source}\` is Event Viewer text: ${aad} Microsoft-Windows-AAD record${aad === 1 ? '' : 's'}`];
  if (others.size > 0) parts.push(`, and ${[...others].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(', ')} from other logs (not read further)`);
  parts.push('. Text has no record ids and no correlation data, and Event Viewer prints local time without a zone (or the paste has no time)');
  if (untimed > 0) parts.push(`: ${untimed} record${untimed === 1 ? ' has' : 's have'} no known instant, so ${untimed === 1 ? 'it is' : 'they are'} ordered as in the file and grouped into attempts by that order only`);
  if (untimed > 0 && sinceGiven) parts.push('; --since could not be applied to them');
  return `${parts.join('')}.`;
}

async function readEventPaths(host: Host, paths: string[], since: Date | undefined, harvest: EventHarvest) {
  for (const path of paths) {
    const files = await host.listFolder(path);
    if (files === null) {
      collect(harvest, host.readEventFile(path), path, since);
      continue;
    }
    const logs = files.filter((file) => eventFile.test(file));
    if (logs.length === 0) harvest.notes.push(`\`${path}\` holds no .xml or .evtx event log and no Event Viewer text (.txt, .csv).`);
    for (const file of logs) collect(harvest, host.readEventFile(file), file, since, true);
  }
}

/** Each code of a text record with its name and one-line meaning, from the knowledge base. */
function explainCodes(codes: string[]): ExplainedCode[] {
  return codes.map((code) => {
    const item = decodeCode(code);
    return isExplainError(item) ? { Code: code, Name: null, Summary: item.Error.Message } : { Code: code, Name: item.Name, Summary: item.Summary };
  });
}

const analyticOffNote =
  'The AAD Analytic log is disabled (its default), so the attempts themselves (events 1006/1007) and their URLs (1022) are missing; the errors of the Operational log are shown on their own. `prt trace` enables it for a repro.';

async function readLiveChannels(host: Host, since: Date, harvest: EventHarvest) {
  for (const channel of aadChannels) {
    const source = `wevtutil qe ${channel}`;
    try {
      if (isAnalytic(channel) && !(await host.isChannelEnabled(channel))) harvest.notes.push(analyticOffNote);
    } catch (error) {
      if (!(error instanceof PrtError) || error.id !== 'ToolFailed' || !isAnalytic(channel)) throw error;
      harvest.notes.push(`${channel} could not be read (${error.message}). Disable it or export it (\`wevtutil epl\`) and pass the file with --events.`);
      continue;
    }
    collect(harvest, refusalTolerated(host.queryEvents({ channel, since, eventIds }), channel, harvest), source, since);
  }
}

/** An enabled Analytic (direct) channel may refuse to be read: the Operational errors still tell most. */
async function* refusalTolerated(chunks: AsyncIterable<Uint8Array>, channel: AadChannel, harvest: EventHarvest): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    if (!(error instanceof PrtError) || error.id !== 'ToolFailed' || !isAnalytic(channel)) throw error;
    harvest.notes.push(`${channel} could not be read (${error.message}). Disable it or export it (\`wevtutil epl\`) and pass the file with --events.`);
  }
}

/**
 * Keeps the newest attempts of each kind within a bound, and counts them all. Attempts are kept
 * as the logs gave them and explained only when shown: explaining is most of the cost of an attempt.
 */
class AttemptShelf {
  failed: ShelvedAttempt[] = [];
  succeeded: ShelvedAttempt[] = [];
  total = 0;
  failedTotal = 0;

  add(attempt: Attempt): void {
    this.total++;
    if (!attempt.Succeeded) this.failedTotal++;
    const list = attempt.Succeeded ? this.succeeded : this.failed;
    const limit = attempt.Succeeded ? shownSucceededAttempts : shownFailedAttempts;
    list.push({ attempt, time: attemptTime(attempt) });
    // Trimmed now and then, not on every attempt: sorting a few dozen is cheap.
    if (list.length >= limit * 4) this.trim(list, limit);
  }

  shown(): DiagnosedAttempt[] {
    this.trim(this.failed, shownFailedAttempts);
    this.trim(this.succeeded, shownSucceededAttempts);
    return [...this.failed, ...this.succeeded].map((shelved) => fromEvents(shelved.attempt));
  }

  private trim(list: ShelvedAttempt[], limit: number): void {
    list.sort((a, b) => b.time - a.time);
    list.length = Math.min(list.length, limit);
  }
}

/** An attempt with its time, read once rather than at every comparison of a sort. */
interface ShelvedAttempt {
  attempt: Attempt;
  time: number;
}

const attemptTime = (attempt: Attempt) => Date.parse(attempt.End ?? attempt.Start ?? attempt.LastEventTime ?? '') || 0;

const isAnalytic = (channel: AadChannel) => channel.endsWith('/Analytic');

export interface DiagnoseStreaming {
  /** Every attempt the logs show, as soon as it is complete (oldest first); dsregcmd's at the end. */
  onAttempt?: (attempt: DiagnosedAttempt) => void;
}

/**
 * Step 2 and 3 of the checklist for the admin: both methods of finding the failing attempt
 * (dsregcmd's diagnostics and the AAD logs), merged, each attempt explained down the chain.
 * The logs are read as a stream, so memory stays flat for a log of any size: the document shows
 * the newest failed attempts (and a few successes) and counts the rest; `onAttempt` sees them all.
 */
export async function diagnose(host: Host, request: DiagnoseRequest, streaming: DiagnoseStreaming = {}): Promise<Diagnosis> {
  const live = request.dsregcmd === undefined && request.events.length === 0;
  const harvest: EventHarvest = { lanes: [], problems: [], problemCount: 0, sources: [], notes: [], textRecords: [], textRecordsCut: 0, textSequence: new TextSequence() };
  let status: PrtStatus | null = null;
  let since = request.since;

  if (live) {
    status = await getStatus(host, { now: request.now });
    harvest.sources.push('dsregcmd /status');
    since ??= new Date((request.now ?? host.now()).getTime() - defaultLiveWindowHours * 3_600_000);
    await readLiveChannels(host, since, harvest);
  } else {
    if (request.dsregcmd !== undefined) {
      status = await getStatus(host, { input: request.dsregcmd, now: request.now });
      harvest.sources.push(request.dsregcmd);
    }
    await readEventPaths(host, request.events, since, harvest);
  }

  const shelf = new AttemptShelf();
  const outside = new OutsideErrorTally();
  const tracker = new AttemptTracker({}, (event) => {
    outside.add(event);
  });
  // Which text records ended up in an attempt (shown or not): a key per record, as few as the text has.
  const inAttempts = new Set<string>();
  const take = (attempts: Attempt[]) => {
    for (const attempt of attempts) {
      for (const e of attempt.Events) if (e.FromText) inAttempts.add(`${e.Source}\u0000${e.FromText.Position}`);
      shelf.add(attempt);
      if (streaming.onAttempt) streaming.onAttempt(fromEvents(attempt));
    }
  };
  for await (const events of mergeTimelineBatches(harvest.lanes)) for (const event of events) take(tracker.push(event));
  take(tracker.end());

  const fromDsreg = (status?.Diagnostics ?? []).map(fromDiagnostics);
  for (const attempt of fromDsreg) streaming.onAttempt?.(attempt);
  const kept = shelf.shown();
  const keptFailed = kept.filter((attempt) => !attempt.Succeeded).length;
  const attempts = mergeAttempts(fromDsreg, kept);
  // dsregcmd's attempts either joined one of the logs' (no new attempt) or stand on their own.
  const total = shelf.total + (attempts.length - kept.length);
  const failed = shelf.failedTotal - keptFailed + attempts.filter((attempt) => !attempt.Succeeded).length;
  const shownFailed = attempts.filter((attempt) => !attempt.Succeeded).length;
  if (total > attempts.length) {
    harvest.notes.push(
      `${total} attempts were found (${failed} failed); the newest ${shownFailed} failed and ${attempts.length - shownFailed} successful ones are shown. \`prt error --all --json-lines\` lists every one.`,
    );
  }
  if (harvest.textRecordsCut > 0) harvest.notes.push(`${harvest.textRecordsCut} more AAD records from text were read but are not listed in TextRecords (the first ${textRecordsListed} are).`);
  if (harvest.problemCount > 0) {
    const listed = harvest.problemCount > harvest.problems.length ? ` (the first ${harvest.problems.length} in Problems)` : ' (see Problems)';
    harvest.notes.push(`${harvest.problemCount} event${harvest.problemCount === 1 ? '' : 's'} could not be read and ${harvest.problemCount === 1 ? 'was' : 'were'} skipped${listed}.`);
  }
  const withCodes = harvest.textRecords.filter((record) => record.Codes.length > 0).length;
  const outsideErrors = outside.list();
  const outsideCount = outsideErrors.reduce((n, kind) => n + kind.Count, 0) + outside.dropped;
  if (outside.dropped > 0) harvest.notes.push(`${outside.dropped} more AAD error events outside any attempt are counted but not listed in OutsideErrors (the ${outsideErrors.length} most frequent kinds are).`);
  // No attempt, but errors in the logs or the paste: say they exist rather than "nothing failed".
  const summary =
    attempts.length === 0 && withCodes > 0
      ? `No PRT attempt could be built from what was read, but ${withCodes} AAD record${withCodes === 1 ? '' : 's'} from Event Viewer text carr${withCodes === 1 ? 'ies' : 'y'} error codes (see the records from text).`
      : attempts.length === 0 && outsideCount > 0
        ? `No PRT attempt was found in what was read, but the AAD logs hold ${outsideCount} error event${outsideCount === 1 ? '' : 's'} outside any PRT attempt (listed below): apps' token requests through the token broker, or traces of an attempt whose other events are missing. Read them before calling the device healthy.`
        : summarise(attempts, { attempts: total, failed });
  return {
    Attempts: attempts,
    Failed: failed,
    AttemptCount: total,
    Summary: summary,
    Status: status,
    Sources: harvest.sources,
    Notes: harvest.notes,
    Problems: harvest.problems,
    Since: since?.toISOString() ?? null,
    TextRecords: harvest.textRecords.map((record) => ({ ...record, InAttempt: inAttempts.has(`${record.Source}\u0000${record.Position}`), Explained: explainCodes(record.Codes) })),
    OutsideErrors: outsideErrors.map((kind) => ({ ...kind, Explained: explainCodes(kind.Codes) })),
  };
}
