/**
 * The AAD events of several channels and files as one timeline. Within a channel the record id is
 * the true order; across channels (Operational errors between Analytic 1006 and 1007) only the
 * time is. So: each channel sorted by EventRecordID, then merged by TimeCreated. The same event
 * read twice (two overlapping exports) counts once: (Computer, Channel, EventRecordID) is its identity.
 * Records pasted as text have no record id: each file is a lane of its own, in file order.
 */
import { AAD_EVENT } from './aad.js';
import type { AadEvent } from './types.js';

/**
 * At the same instant in different channels, a 1006 goes first and a 1007 last, so that a window
 * takes in the other channel's events of that instant.
 */
export const rank = (e: AadEvent): number => (e.EventId === AAD_EVENT.GetTokenStart ? 0 : e.EventId === AAD_EVENT.GetTokenStop ? 2 : 1);

export function timeline(events: readonly AadEvent[]): AadEvent[] {
  const seen = new Set<string>();
  const byChannel = new Map<string, AadEvent[]>();
  for (const e of events) {
    // A text record has no record id: its file is its lane, its position in the file its identity.
    const text = e.FromText && e.EventRecordID === 0 ? `\u0000${e.Source}` : '';
    const channelKey = `${e.Computer.toLowerCase()}\u0000${e.Channel.toLowerCase()}${text}`;
    const id = `${channelKey}\u0000${text ? (e.FromText?.Position ?? 0) : e.EventRecordID}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = byChannel.get(channelKey);
    if (list) list.push(e);
    else byChannel.set(channelKey, [e]);
  }
  const lanes = [...byChannel.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, list]) => list.sort((a, b) => a.EventRecordID - b.EventRecordID));
  if (lanes.length === 1) return lanes[0] ?? [];
  const heads = lanes.map(() => 0);
  const merged: AadEvent[] = [];
  for (;;) {
    let pick = -1;
    let best: AadEvent | undefined;
    for (let lane = 0; lane < lanes.length; lane++) {
      const candidate = lanes[lane]?.[heads[lane] ?? 0];
      if (!candidate) continue;
      if (!best || candidate.TimeMs < best.TimeMs || (candidate.TimeMs === best.TimeMs && rank(candidate) < rank(best))) {
        best = candidate;
        pick = lane;
      }
    }
    if (!best) return merged;
    merged.push(best);
    heads[pick] = (heads[pick] ?? 0) + 1;
  }
}
