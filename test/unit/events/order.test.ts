import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/events/order.js';
import type { AadEvent } from '../../../src/events/types.js';
import { data, ev } from './helpers.js';

describe('timeline', () => {
  it('keeps events of the two channels that carry the same record id, as Windows numbers each channel from 1', () => {
    const start = { ...ev({ EventId: 1006, at: 0 }), EventRecordID: 7 };
    const error = { ...ev({ EventId: 1081, at: 10, Data: data('invalid_grant', 'AADSTS50126', '') }), EventRecordID: 7 };
    const stop = { ...ev({ EventId: 1007, at: 20, Data: data('0xC000006D') }), EventRecordID: 8 };
    expect(timeline([start, error, stop]).map((e) => e.EventId)).toEqual([1006, 1081, 1007]);
  });

  it('counts an event read twice from overlapping exports once', () => {
    const stop = ev({ EventId: 1007, at: 20, Data: data('0x0') });
    expect(timeline([stop, { ...stop }])).toHaveLength(1);
  });

  it('keeps the same record id of the same channel from two computers', () => {
    const stop = ev({ EventId: 1007, at: 20, Data: data('0x0') });
    expect(timeline([stop, { ...stop, Computer: 'PC-0043' }])).toHaveLength(2);
  });

  it('gives the same order whatever order the events of several channels come in', () => {
    const analytic = (rid: number, at: number, EventId = 1022): AadEvent => ({ ...ev({ EventId, at }), Channel: 'Microsoft-Windows-AAD/Analytic', EventRecordID: rid });
    const operational = (rid: number, at: number, EventId = 1081): AadEvent => ({ ...ev({ EventId, at }), Channel: 'Microsoft-Windows-AAD/Operational', EventRecordID: rid });
    const events = [analytic(1, 0, 1006), analytic(2, 5), operational(1, 5), operational(2, 5, 1084), analytic(3, 9, 1007)];
    const expected = ['A1', 'A2', 'O1', 'O2', 'A3'];
    const key = (e: AadEvent): string => `${e.Channel.endsWith('Analytic') ? 'A' : 'O'}${e.EventRecordID}`;
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [3, 4, 0, 2, 1]]) {
      expect(timeline(order.map((i) => events[i] as AadEvent)).map(key)).toEqual(expected);
    }
  });

  it('keeps pasted text records without a record id, each file in its own order', () => {
    const text = (source: string, position: number, at: number): AadEvent => ({
      ...ev({ EventId: 1098, at }),
      EventRecordID: 0,
      Source: source,
      FromText: { SourceFormat: 'EventViewerText', EventIdFrom: 'Header', EventIdCandidates: [1098], TimeWritten: null, LocalTime: null, TimeZone: 'Unknown', Position: position },
    });
    const a1 = text('a.txt', 1, 0);
    const a2 = text('a.txt', 2, 10);
    const b1 = text('b.txt', 1, 5);
    expect(timeline([a1, a2, b1, { ...a1 }]).map((e) => `${e.Source}#${e.FromText?.Position ?? 0}`)).toEqual(['a.txt#1', 'b.txt#1', 'a.txt#2']);
  });

  it('counts an event with record id 0 that came from XML like any other: read twice, kept once', () => {
    const zero = { ...ev({ EventId: 1022, at: 0 }), EventRecordID: 0 };
    expect(timeline([zero, { ...zero, Source: 'other.xml' }])).toHaveLength(1);
  });

  it('puts an earlier event before a later 1006 of another channel: rank only orders events of the same instant', () => {
    const error = { ...ev({ EventId: 1081, at: 0 }), Channel: 'Microsoft-Windows-AAD/Operational' };
    const start = { ...ev({ EventId: 1006, at: 5 }), Channel: 'Microsoft-Windows-AAD/Analytic' };
    expect(timeline([start, error]).map((e) => e.EventId)).toEqual([1081, 1006]);
    // The same across the logs of two computers, whichever lane is looked at first.
    const earlier = { ...ev({ EventId: 1022, at: 0 }), Computer: 'PC-0041' };
    const later = { ...ev({ EventId: 1006, at: 5 }), Computer: 'PC-0042' };
    expect(timeline([later, earlier]).map((e) => e.Computer)).toEqual(['PC-0041', 'PC-0042']);
  });

  it('counts a pasted record that carries its record id (from its Event Xml) once, whichever file it came from', () => {
    const pasted = (source: string): AadEvent => ({
      ...ev({ EventId: 1081, at: 0 }),
      EventRecordID: 240,
      Source: source,
      FromText: { SourceFormat: 'EventViewerText', EventIdFrom: 'Xml', EventIdCandidates: [1081], TimeWritten: null, LocalTime: null, TimeZone: 'UTC', Position: 1 },
    });
    expect(timeline([pasted('a.txt'), pasted('b.txt')])).toHaveLength(1);
  });
});

