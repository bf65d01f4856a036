import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/events/order.js';
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
});
