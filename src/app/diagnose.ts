import { AAD_EVENTS, parseEventStream, reconstructAttempts, type AadEvent, type EventProblem } from '../events/index.js';
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
const eventFile = /\.(xml|evtx)$/i;

interface EventHarvest {
  events: AadEvent[];
  problems: EventProblem[];
  sources: string[];
  notes: string[];
}

async function collect(harvest: EventHarvest, chunks: AsyncIterable<Uint8Array>, source: string, since: Date | undefined) {
  const floor = since?.getTime() ?? -Infinity;
  for await (const item of parseEventStream(chunks, { source })) {
    if ('problem' in item) harvest.problems.push(item.problem);
    // Scrubbed value by value, before anything flattens a SOAP description to text (DESIGN §8).
    else if (item.event.TimeMs >= floor) harvest.events.push(scrubAadEvent(item.event));
  }
  harvest.sources.push(source);
}

async function readEventPaths(host: Host, paths: string[], since: Date | undefined, harvest: EventHarvest) {
  for (const path of paths) {
    const files = await host.listFolder(path);
    if (files === null) {
      await collect(harvest, host.readEventFile(path), path, since);
      continue;
    }
    const logs = files.filter((file) => eventFile.test(file));
    if (logs.length === 0) harvest.notes.push(`\`${path}\` holds no .xml or .evtx event log.`);
    for (const file of logs) await collect(harvest, host.readEventFile(file), file, since);
  }
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
  const harvest: EventHarvest = { events: [], problems: [], sources: [], notes: [] };
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
  const attempts = mergeAttempts((status?.Diagnostics ?? []).map(fromDiagnostics), Attempts.map(fromEvents));
  if (harvest.problems.length > 0) harvest.notes.push(`${harvest.problems.length} event${harvest.problems.length === 1 ? '' : 's'} could not be read and ${harvest.problems.length === 1 ? 'was' : 'were'} skipped (see Problems).`);
  return {
    Attempts: attempts,
    Failed: attempts.filter((attempt) => !attempt.Succeeded).length,
    Summary: summarise(attempts),
    Status: status,
    Sources: harvest.sources,
    Notes: harvest.notes,
    Problems: harvest.problems,
    Since: since?.toISOString() ?? null,
  };
}
