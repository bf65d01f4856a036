/**
 * The timeline of several event streams without holding them: each stream (one file, one
 * wevtutil query) is read in its own order, and the streams are merged by time as they arrive,
 * the rule of order.ts applied one event at a time. Memory holds one batch per stream, a short
 * look-back to drop an event read twice, and the start of each stream (below).
 *
 * A small stream is held whole and sorted by order.ts, so any order works (an Event Viewer export
 * saved newest first, two channels in one file). A stream longer than `holdEvents` is taken in
 * the order it comes, as wevtutil writes it (oldest first): only its first part is sorted.
 */
import { rank, timeline } from './order.js';
import type { AadEvent } from './types.js';

export interface MergeOptions {
  /** Events of one stream held and sorted before it is taken as it comes (default 10,000). */
  holdEvents?: number;
}

interface Recent {
  ids: Set<number>;
  order: number[];
  next: number;
}

interface Seen {
  /** By lower-case `computer NUL channel`. */
  channels: Map<string, Recent>;
  /** The previous event's channel, as written: most events follow one of the same channel. */
  last: { computer: string; channel: string; recent: Recent } | null;
}

/** How many record ids of a channel are remembered to drop a duplicate (overlapping exports). */
const recentIds = 8192;

export async function* mergeTimelines(streams: readonly AsyncIterable<AadEvent>[], options: MergeOptions = {}): AsyncGenerator<AadEvent> {
  for await (const batch of mergeTimelineBatches(streams.map(singleBatches), options)) yield* batch;
}

/**
 * The same for streams of event batches (one per chunk read), merged batch by batch: a gigabyte
 * log is read without an async step per event. Each merged batch is handed on before the next
 * read, so memory holds about one batch per stream.
 */
export async function* mergeTimelineBatches(streams: readonly AsyncIterable<readonly AadEvent[]>[], options: MergeOptions = {}): AsyncGenerator<AadEvent[]> {
  const hold = options.holdEvents ?? 10_000;
  const lanes = streams.map((stream): Lane => ({ batches: sortedStart(stream, hold), batch: [], next: 0 }));
  for (const lane of lanes) await refill(lane);
  const seen: Seen = { channels: new Map(), last: null };
  let merged: AadEvent[] = [];
  for (;;) {
    let pick: Lane | null = null;
    let best: AadEvent | null = null;
    for (const lane of lanes) {
      const candidate = lane.batch[lane.next];
      if (candidate === undefined) continue;
      if (!best || candidate.TimeMs < best.TimeMs || (candidate.TimeMs === best.TimeMs && rank(candidate) < rank(best))) {
        best = candidate;
        pick = lane;
      }
    }
    if (!best || !pick) break;
    if (!isDuplicate(seen, best)) merged.push(best);
    if (++pick.next < pick.batch.length) continue;
    if (merged.length > 0) {
      yield merged;
      merged = [];
    }
    await refill(pick);
  }
  if (merged.length > 0) yield merged;
}

/** One stream's batches and the place in the batch at hand (empty when the stream is done). */
interface Lane {
  batches: AsyncIterator<readonly AadEvent[]>;
  batch: readonly AadEvent[];
  next: number;
}

async function refill(lane: Lane): Promise<void> {
  lane.batch = [];
  lane.next = 0;
  for (;;) {
    const item = await lane.batches.next();
    if (item.done) return;
    if (item.value.length === 0) continue;
    lane.batch = item.value;
    return;
  }
}

async function* singleBatches(stream: AsyncIterable<AadEvent>): AsyncGenerator<AadEvent[]> {
  for await (const event of stream) yield [event];
}

/** (Computer, Channel, EventRecordID) names an event: the same one read twice counts once. */
function isDuplicate(seen: Seen, e: AadEvent): boolean {
  // A record pasted as text has no record id (0): its position in its file is its identity, and a
  // file is read once, so it is never a duplicate of another.
  if (e.FromText && e.EventRecordID === 0) return false;
  const last = seen.last;
  let recent = last !== null && last.computer === e.Computer && last.channel === e.Channel ? last.recent : undefined;
  if (!recent) {
    const key = `${e.Computer.toLowerCase()}\u0000${e.Channel.toLowerCase()}`;
    recent = seen.channels.get(key);
    if (!recent) {
      recent = { ids: new Set(), order: [], next: 0 };
      seen.channels.set(key, recent);
    }
    seen.last = { computer: e.Computer, channel: e.Channel, recent };
  }
  if (recent.ids.has(e.EventRecordID)) return true;
  recent.ids.add(e.EventRecordID);
  // A ring: the oldest remembered id makes room for the newest.
  const slot = recent.next % recentIds;
  const oldest = recent.order[slot];
  if (oldest !== undefined) recent.ids.delete(oldest);
  recent.order[slot] = e.EventRecordID;
  recent.next++;
  return false;
}

/** The stream with its first `hold` events sorted (all of it, when it is that short). */
async function* sortedStart(stream: AsyncIterable<readonly AadEvent[]>, hold: number): AsyncGenerator<readonly AadEvent[]> {
  const iterator = stream[Symbol.asyncIterator]();
  const start: AadEvent[] = [];
  for (;;) {
    const item = await iterator.next();
    if (item.done) {
      yield timeline(start);
      return;
    }
    const room = hold - start.length;
    for (const event of item.value.length <= room ? item.value : item.value.slice(0, room)) start.push(event);
    if (item.value.length < room) continue;
    // Exactly `hold` events are sorted; the rest of this batch comes after them as it is.
    yield timeline(start);
    start.length = 0;
    if (item.value.length > room) yield item.value.slice(room);
    break;
  }
  for (;;) {
    const item = await iterator.next();
    if (item.done) return;
    yield item.value;
  }
}
