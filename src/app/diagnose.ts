import {
  AAD_EVENTS, TextSequence, keepAadEvents, parseEventStream, reconstructAttempts, summariseTextRecord, type AadEvent, type EventProblem, type TextRecordSummary,
} from '../events/index.js';
import { decodeCode, isExplainError } from '../codes/index.js';
import { fromDiagnostics, fromEvents, mergeAttempts, summarise } from '../diagnose/attempts.js';
import type { Diagnosis } from '../diagnose/attempt-types.js';
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

interface EventHarvest {
  events: AadEvent[];
  problems: EventProblem[];
  sources: string[];
  notes: string[];
  textRecords: TextRecordSummary[];
  /** Text records read but not listed (beyond textRecordsListed); they still count in the attempts. */
  textRecordsCut: number;
  textSequence: TextSequence;
}

async function collect(harvest: EventHarvest, chunks: AsyncIterable<Uint8Array>, source: string, since: Date | undefined) {
  const floor = since?.getTime() ?? -Infinity;
  const text = { aad: 0, untimed: 0, others: new Map<string, number>() };
  for await (const item of parseEventStream(chunks, { source, textSequence: harvest.textSequence })) {
    if ('problem' in item) {
      harvest.problems.push(item.problem);
      continue;
    }
    // Scrubbed value by value, before anything flattens a SOAP description to text (DESIGN §8).
    const event = scrubAadEvent(item.event);
    if (!event.FromText) {
      if (event.TimeMs >= floor) harvest.events.push(event);
      continue;
    }
    if (!keepAadEvents(event.Provider, event.EventId)) {
      const name = `${event.Provider || 'an unnamed source'} ${event.EventId || '(no event id)'}`;
      text.others.set(name, (text.others.get(name) ?? 0) + 1);
      continue;
    }
    // A local time without its zone cannot be compared with --since: such records are kept.
    if (event.TimeCreated !== null && event.TimeMs < floor) continue;
    if (event.TimeCreated === null) text.untimed++;
    text.aad++;
    harvest.events.push(event);
    const summary = summariseTextRecord(event);
    if (summary && harvest.textRecords.length < textRecordsListed) harvest.textRecords.push(summary);
    else if (summary && harvest.textRecords.length === textRecordsListed) {
      harvest.textRecordsCut++;
    }
  }
  harvest.sources.push(source);
  if (text.aad > 0 || text.others.size > 0) harvest.notes.push(textNote(source, text.aad, text.untimed, text.others, since !== undefined));
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
      await collect(harvest, host.readEventFile(path), path, since);
      continue;
    }
    const logs = files.filter((file) => eventFile.test(file));
    if (logs.length === 0) harvest.notes.push(`\`${path}\` holds no .xml or .evtx event log and no Event Viewer text (.txt, .csv).`);
    for (const file of logs) {
      try {
        await collect(harvest, host.readEventFile(file), file, since);
      } catch (error) {
        // A bundle also holds notes and dsregcmd captures: in a folder, text that is not events is skipped.
        if (!(error instanceof PrtError) || error.id !== 'NotEventXml' || !textFile.test(file)) throw error;
        harvest.notes.push(`\`${file}\` is neither event XML nor Event Viewer text; skipped.`);
      }
    }
  }
}

/** Each code of a text record with its name and one-line meaning, from the knowledge base. */
function explainCodes(codes: string[]): { Code: string; Name: string | null; Summary: string }[] {
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
      await collect(harvest, host.queryEvents({ channel, since, eventIds }), source, since);
    } catch (error) {
      // An enabled Analytic (direct) channel may refuse to be read: the Operational errors still tell most.
      if (!(error instanceof PrtError) || error.id !== 'ToolFailed' || !isAnalytic(channel)) throw error;
      harvest.notes.push(`${channel} could not be read (${error.message}). Disable it or export it (\`wevtutil epl\`) and pass the file with --events.`);
    }
  }
}

const isAnalytic = (channel: AadChannel) => channel.endsWith('/Analytic');

/**
 * Step 2 and 3 of the checklist for the admin: both methods of finding the failing attempt
 * (dsregcmd's diagnostics and the AAD logs), merged, each attempt explained down the chain.
 */
export async function diagnose(host: Host, request: DiagnoseRequest): Promise<Diagnosis> {
  const live = request.dsregcmd === undefined && request.events.length === 0;
  const harvest: EventHarvest = { events: [], problems: [], sources: [], notes: [], textRecords: [], textRecordsCut: 0, textSequence: new TextSequence() };
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

  const { Attempts } = reconstructAttempts(harvest.events);
  const inAttempts = new Set(Attempts.flatMap((attempt) => attempt.Events.filter((e) => e.FromText).map((e) => `${e.Source}\u0000${e.FromText?.Position}`)));
  const attempts = mergeAttempts((status?.Diagnostics ?? []).map(fromDiagnostics), Attempts.map(fromEvents));
  if (harvest.textRecordsCut > 0) harvest.notes.push(`${harvest.textRecordsCut} more AAD records from text were read but are not listed in TextRecords (the first ${textRecordsListed} are).`);
  if (harvest.problems.length > 0) harvest.notes.push(`${harvest.problems.length} event${harvest.problems.length === 1 ? '' : 's'} could not be read and ${harvest.problems.length === 1 ? 'was' : 'were'} skipped (see Problems).`);
  const withCodes = harvest.textRecords.filter((record) => record.Codes.length > 0).length;
  // No attempt, but pasted errors: say they exist rather than "nothing was seen".
  const summary =
    attempts.length === 0 && withCodes > 0
      ? `No PRT attempt could be built from what was read, but ${withCodes} AAD record${withCodes === 1 ? '' : 's'} from Event Viewer text carr${withCodes === 1 ? 'ies' : 'y'} error codes (see the records from text).`
      : summarise(attempts);
  return {
    Attempts: attempts,
    Failed: attempts.filter((attempt) => !attempt.Succeeded).length,
    Summary: summary,
    Status: status,
    Sources: harvest.sources,
    Notes: harvest.notes,
    Problems: harvest.problems,
    Since: since?.toISOString() ?? null,
    TextRecords: harvest.textRecords.map((record) => ({ ...record, InAttempt: inAttempts.has(`${record.Source}\u0000${record.Position}`), Explained: explainCodes(record.Codes) })),
  };
}
