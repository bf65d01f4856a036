import { getStatus } from '../app/status.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import type { AadChannel } from '../host/event-host.js';
import type { Host } from '../host/types.js';
import { scrubDeep } from '../safety/scrub.js';
import type { ReproBaseline, ReproResult } from './types.js';
import { serverMessage } from '../diagnose/server-text.js';
import { AAD_EVENT, parseEventStream, statusOf } from '../events/index.js';
import { isFailureStatus } from '../util/status-code.js';
import { PrtError, ifPrtError } from '../errors.js';

/** The AAD Operational events that mean a PRT attempt went wrong (DESIGN §7). */
const errorEventIds = [1081, 1084, 1088, 1098, 1104];

export interface Observation {
  result: ReproResult | null;
  /** The status read this time, when dsregcmd answered. */
  status: PrtStatus | null;
  /**
   * True when the result is a failure seen only in the Operational log: the attempt's status
   * (event 1007 or dsregcmd's diagnostics) has not landed yet, so the watch should wait for it.
   */
  statusPending?: boolean;
}

const at = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/** What the baseline remembers of a status. */
export function baselineOf(status: PrtStatus): ReproBaseline {
  const attempt = status.Diagnostics.find((d) => d.Prt === 'AzureAd') ?? null;
  return { AzureAdPrtUpdateTime: status.AzureAdPrtUpdateTime, PreviousPrtAttempt: attempt?.PreviousPrtAttempt ?? null, JoinType: status.JoinType };
}

/**
 * One look at the device during the repro: did the PRT get renewed, or did an attempt fail since
 * `since`? dsregcmd shows the SSO State of the account prt runs as; the AAD events show every
 * user's attempts, so both are read. A source that cannot be read this time is skipped.
 */
export async function observeRepro(host: Host, baseline: ReproBaseline, since: Date): Promise<Observation> {
  const seen = await look(host, baseline, since);
  // What the device said goes into the state file and the report: never a credential.
  return { ...seen, result: seen.result ? scrubDeep(seen.result) : null };
}

async function look(host: Host, baseline: ReproBaseline, since: Date): Promise<Observation> {
  const nowIso = () => host.now().toISOString();
  // dsregcmd failing or unreadable (a PrtError) is an answer for later; a bug is not.
  const status = await getStatus(host, {}).catch(ifPrtError(null));
  if (status) {
    const updated = status.AzureAdPrtUpdateTime;
    if (status.AzureAdPrt && updated && updated !== baseline.AzureAdPrtUpdateTime && at(updated) >= since.getTime() - 1000) {
      return { status, result: { Outcome: 'PrtRenewed', ObservedAt: nowIso(), AttemptStatus: null, Detail: `dsregcmd shows the Azure AD PRT renewed at ${updated}`, EventIds: [] } };
    }
    const attempt = status.Diagnostics.find((d) => d.Prt === 'AzureAd');
    if (attempt?.PreviousPrtAttempt && attempt.PreviousPrtAttempt !== baseline.PreviousPrtAttempt && at(attempt.PreviousPrtAttempt) >= since.getTime() - 1000 && isFailureStatus(attempt.AttemptStatus)) {
      const server = [attempt.ServerErrorCode, serverMessage(attempt.ServerErrorDescription)].filter(Boolean).join(': ');
      return {
        status,
        result: {
          Outcome: 'AttemptFailed',
          ObservedAt: nowIso(),
          AttemptStatus: attempt.AttemptStatus,
          Detail: `dsregcmd shows a failed attempt at ${attempt.PreviousPrtAttempt}: ${attempt.AttemptStatus}${server ? ` (${server})` : ''}`,
          EventIds: [],
        },
      };
    }
  }

  const ends = await readEvents(host, 'Microsoft-Windows-AAD/Analytic', since, [1007]);
  const last = ends.at(-1);
  if (last) {
    const failed = isFailureStatus(last.status);
    return {
      status,
      result: {
        Outcome: failed ? 'AttemptFailed' : 'PrtRenewed',
        ObservedAt: nowIso(),
        AttemptStatus: failed ? last.status : null,
        Detail: `event 1007 at ${last.time} ended a PRT attempt with status ${last.status ?? 'unknown'}`,
        EventIds: [1007],
      },
    };
  }
  const errors = await readEvents(host, 'Microsoft-Windows-AAD/Operational', since, errorEventIds);
  if (errors.length > 0) {
    const ids = [...new Set(errors.map((e) => e.id))];
    return {
      status,
      statusPending: true,
      result: {
        Outcome: 'AttemptFailed',
        ObservedAt: nowIso(),
        AttemptStatus: null,
        Detail: `the AAD Operational log recorded error event${ids.length > 1 ? 's' : ''} ${ids.join(', ')}; the attempt's status is not known yet`,
        EventIds: ids,
      },
    };
  }
  return { status, result: null };
}

interface SeenEvent {
  id: number;
  time: string;
  status: string | null;
}

/** The AAD events of one channel since `since`, through the event parser (any encoding wevtutil used). */
async function readEvents(host: Host, channel: AadChannel, since: Date, eventIds: number[]): Promise<SeenEvent[]> {
  const seen: SeenEvent[] = [];
  try {
    for await (const item of parseEventStream(host.queryEvents({ channel, since, eventIds }), { source: `wevtutil qe ${channel}` })) {
      if (!('event' in item)) continue;
      const { event } = item;
      if (!eventIds.includes(event.EventId) || event.TimeMs < since.getTime()) continue;
      seen.push({ id: event.EventId, time: event.TimeCreated ?? 'an unknown time', status: event.EventId === AAD_EVENT.GetTokenStop ? statusOf(event) : null });
    }
  } catch (error) {
    // Reading an enabled Analytic channel may be refused; not being able to query is not fatal.
    if (error instanceof PrtError) return [];
    throw error;
  }
  return seen;
}
