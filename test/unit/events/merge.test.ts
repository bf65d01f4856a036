import { describe, expect, it } from 'vitest';
import { mergeTimelines, type MergeOptions } from '../../../src/events/merge.js';
import type { AadEvent } from '../../../src/events/types.js';
import { data, ev } from './helpers.js';

const OPERATIONAL = 'Microsoft-Windows-AAD/Operational';
const ANALYTIC = 'Microsoft-Windows-AAD/Analytic';

async function* stream(events: readonly AadEvent[]): AsyncGenerator<AadEvent> {
  for (const e of events) yield e;
}

async function merged(streams: readonly (readonly AadEvent[])[], options?: MergeOptions): Promise<AadEvent[]> {
  const out: AadEvent[] = [];
  for await (const e of mergeTimelines(streams.map(stream), options)) out.push(e);
  return out;
}

/** An event of one channel with a chosen record id. */
const at = (channel: string, rid: number, ms: number, EventId = 1022, extra: Partial<AadEvent> = {}): AadEvent => ({ ...ev({ EventId, at: ms, ...extra }), Channel: channel, EventRecordID: rid });
const key = (e: AadEvent): string => `${e.Channel === ANALYTIC ? 'A' : 'O'}${e.EventRecordID}`;

describe('mergeTimelines', () => {
  it('interleaves the Analytic and Operational exports by time, the 1081 between its 1022 and 1007', async () => {
    const analytic = [at(ANALYTIC, 10, 0, 1006), at(ANALYTIC, 11, 5, 1022), at(ANALYTIC, 12, 30, 1007, { Data: data('0xC000006D') })];
    const operational = [at(OPERATIONAL, 3, 20, 1081)];
    expect((await merged([analytic, operational])).map((e) => e.EventId)).toEqual([1006, 1022, 1081, 1007]);
    expect((await merged([operational, analytic])).map((e) => e.EventId)).toEqual([1006, 1022, 1081, 1007]);
  });

  it('puts a 1006 first and a 1007 last among other channels’ events of the same instant', async () => {
    const analytic = [at(ANALYTIC, 1, 0, 1006), at(ANALYTIC, 2, 50, 1007)];
    const operational = [at(OPERATIONAL, 1, 0, 1081), at(OPERATIONAL, 2, 50, 1084)];
    expect((await merged([operational, analytic])).map((e) => e.EventId)).toEqual([1006, 1081, 1084, 1007]);
    expect((await merged([analytic, operational])).map((e) => e.EventId)).toEqual([1006, 1081, 1084, 1007]);
  });

  it('keeps the order of the streams for events of the same instant and rank', async () => {
    const first = [at(ANALYTIC, 1, 0)];
    const second = [at(OPERATIONAL, 1, 0)];
    expect((await merged([first, second])).map(key)).toEqual(['A1', 'O1']);
    expect((await merged([second, first])).map(key)).toEqual(['O1', 'A1']);
  });

  it('counts an event read from two overlapping exports once, by computer, channel and record id', async () => {
    const a = [at(ANALYTIC, 1, 0), at(ANALYTIC, 2, 10), at(ANALYTIC, 3, 20)];
    const b = [at(ANALYTIC, 2, 10), at(ANALYTIC, 3, 20), at(ANALYTIC, 4, 30)];
    expect((await merged([a, b])).map(key)).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('matches computer and channel without regard to case when it drops a duplicate', async () => {
    const a = [at(ANALYTIC, 7, 0)];
    const b = [{ ...at(ANALYTIC.toLowerCase(), 7, 0), Computer: 'pc-0042' }];
    expect(await merged([a, b])).toHaveLength(1);
  });

  it('keeps the same record id of another channel or another computer', async () => {
    const a = [at(ANALYTIC, 7, 0)];
    const b = [at(OPERATIONAL, 7, 1), { ...at(ANALYTIC, 7, 2), Computer: 'PC-0043' }];
    expect((await merged([a, b])).map((e) => [e.Channel, e.Computer])).toEqual([[ANALYTIC, 'PC-0042'], [OPERATIONAL, 'PC-0042'], [ANALYTIC, 'PC-0043']]);
  });

  it('tells a duplicate apart after events of other channels came between', async () => {
    const a = [at(ANALYTIC, 1, 0), at(OPERATIONAL, 1, 1), at(ANALYTIC, 2, 2)];
    const b = [at(ANALYTIC, 1, 0), at(OPERATIONAL, 1, 1), at(ANALYTIC, 2, 2), at(OPERATIONAL, 2, 3)];
    expect((await merged([a, b])).map(key)).toEqual(['A1', 'O1', 'A2', 'O2']);
  });

  it('never drops text records without a record id: their place in their file is their identity', async () => {
    const fromText = (position: number, ms: number): AadEvent => ({
      ...at(OPERATIONAL, 0, ms, 1098),
      FromText: { SourceFormat: 'EventViewerText', EventIdFrom: 'Header', EventIdCandidates: [1098], TimeWritten: null, LocalTime: null, TimeZone: 'Unknown', Position: position },
    });
    expect(await merged([[fromText(1, 0), fromText(2, 1)], [fromText(1, 2)]])).toHaveLength(3);
  });

  it('sorts a small stream saved newest first', async () => {
    const newestFirst = [at(ANALYTIC, 3, 20), at(ANALYTIC, 2, 10), at(ANALYTIC, 1, 0)];
    expect((await merged([newestFirst])).map(key)).toEqual(['A1', 'A2', 'A3']);
  });

  it('sorts only the held start of a stream longer than holdEvents and takes the rest as it comes', async () => {
    const events = [at(ANALYTIC, 2, 10), at(ANALYTIC, 1, 0), at(ANALYTIC, 4, 30), at(ANALYTIC, 3, 20)];
    expect((await merged([events], { holdEvents: 2 })).map(key)).toEqual(['A1', 'A2', 'A4', 'A3']);
    expect((await merged([events], { holdEvents: 4 })).map(key)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect((await merged([events])).map(key)).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('gives nothing for no streams and for empty ones', async () => {
    expect(await merged([])).toEqual([]);
    expect(await merged([[], []])).toEqual([]);
  });

  it('forgets the oldest record id only after 8192 newer ones of its channel', async () => {
    const ids = Array.from({ length: 8193 }, (_, i) => i + 1);
    const first = ids.map((rid) => at(ANALYTIC, rid, rid));
    // The same export read again later: its first event is still remembered against 8192 ids…
    const remembered = await merged([first.slice(0, 8192), [at(ANALYTIC, 1, 9000)]], { holdEvents: 1 });
    expect(remembered).toHaveLength(8192);
    // …and forgotten once 8193 newer ids have taken its place.
    const forgotten = await merged([first, [at(ANALYTIC, 1, 9000)]], { holdEvents: 1 });
    expect(forgotten).toHaveLength(8194);
  });

  it('never puts a later 1006 before an earlier event of a stream looked at first', async () => {
    expect((await merged([[at(OPERATIONAL, 1, 0, 1081)], [at(ANALYTIC, 1, 5, 1006)]])).map((e) => e.EventId)).toEqual([1081, 1006]);
  });

  it('keeps the same record id of the same channel from two computers, one right after the other', async () => {
    const a = [at(ANALYTIC, 7, 0)];
    const b = [{ ...at(ANALYTIC, 7, 1), Computer: 'PC-0043' }];
    expect((await merged([a, b])).map((e) => e.Computer)).toEqual(['PC-0042', 'PC-0043']);
  });

  it('counts a pasted record that carries its record id once, and an XML event with record id 0 too', async () => {
    const pasted = (source: string): AadEvent => ({
      ...at(OPERATIONAL, 240, 0, 1081),
      Source: source,
      FromText: { SourceFormat: 'EventViewerText', EventIdFrom: 'Xml', EventIdCandidates: [1081], TimeWritten: null, LocalTime: null, TimeZone: 'UTC', Position: 1 },
    });
    expect(await merged([[pasted('a.txt')], [pasted('b.txt')]])).toHaveLength(1);
    expect(await merged([[at(OPERATIONAL, 0, 0)], [at(OPERATIONAL, 0, 0)]])).toHaveLength(1);
  });

  it('holds exactly holdEvents events before taking the stream as it comes', async () => {
    const events = [at(ANALYTIC, 2, 10), at(ANALYTIC, 3, 20), at(ANALYTIC, 1, 0), at(ANALYTIC, 4, 30)];
    expect((await merged([events], { holdEvents: 2 })).map(key)).toEqual(['A2', 'A3', 'A1', 'A4']);
  });
});

