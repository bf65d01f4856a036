/**
 * The error events outside every PRT attempt (`OutsideErrors` of `prt diagnose`): which events
 * count, one kind per event id and codes, the first and last time and the newest message of each
 * kind, the bound on the number of kinds, and the order. Built on the real-shaped 1098 of the
 * event fixtures (an app's GetTokenSilently refused by the token broker).
 */
import { describe, expect, it } from 'vitest';
import { OutsideErrorTally } from '../../../src/diagnose/outside-errors.js';
import { parseEventText } from '../../../src/events/parse.js';
import type { AadEvent } from '../../../src/events/types.js';
import { fixtureText, readFixture } from '../events/helpers.js';

const OPERATIONAL = 'Microsoft-Windows-AAD/Operational';
const brokerError = async (): Promise<AadEvent> => {
  const { events } = await readFixture('token-broker-1098.toxml.xml');
  const event = events.find((e) => e.EventId === 1098);
  if (!event) throw new Error('the fixture has no 1098');
  return event;
};
const tally = (...events: AadEvent[]) => {
  const t = new OutsideErrorTally();
  for (const event of events) t.add(event);
  return t;
};
/** The same 1098 logged again at another time, with another code in its message. */
const again = (event: AadEvent, at: string, code = '0xCAA20003', extra: Partial<AadEvent> = {}): AadEvent => ({
  ...event,
  TimeCreated: at,
  TimeMs: Date.parse(at),
  Data: [],
  Message: `Error: ${code} Token broker operation failed.\r\nOperation name: GetTokenSilently, logged at ${at}.`,
  ...extra,
});

describe('the error events outside every attempt', () => {
  it('lists a 1098 as its event id, channel, codes, count, time and the first line of its message', async () => {
    const broker = await brokerError();
    expect(tally(broker).list()).toEqual([
      {
        EventId: 1098,
        Channel: OPERATIONAL,
        Codes: ['0xcaa20003'],
        Count: 1,
        First: '2026-11-25T10:20:00.0008604Z',
        Last: '2026-11-25T10:20:00.0008604Z',
        // The rendered message's first line, without the CR of its CRLF.
        Message: 'Error: 0xCAA20003 Token broker operation failed.',
      },
    ]);
  });

  it('counts errors and critical events only, read from event XML: warnings, events without a level and text records are left out', async () => {
    const broker = await brokerError();
    const critical = { ...broker, Level: 1 };
    const warning = { ...broker, EventId: 1097, Level: 3 };
    const noLevel = { ...broker, EventId: 1115, Level: null };
    // The same kind of error pasted as Event Viewer text: text records are listed on their own.
    const pasted = parseEventText(fixtureText('text-details-de-1098.txt'), { source: 'paste.txt' }).flatMap((item) => ('event' in item ? [item.event] : []));
    expect(pasted.map((e) => [e.EventId, e.Level, e.FromText !== undefined])).toEqual([[1098, 2, true]]);
    const t = tally(broker, critical, warning, noLevel, ...pasted);
    expect(t.list().map((kind) => [kind.EventId, kind.Count])).toEqual([[1098, 2]]);
    expect(t.dropped).toBe(0);
  });

  it('leaves out an error that carries no code', async () => {
    const broker = await brokerError();
    const noCode = { ...broker, Data: [], Message: 'Token broker operation failed.' };
    expect(tally(noCode).list()).toEqual([]);
  });

  it('is one kind per event id and codes: another code or another event id is another kind', async () => {
    const broker = await brokerError();
    const otherCode = again(broker, '2026-11-25T10:21:00.0000000Z', '0xCAA2000C');
    const otherEvent = { ...broker, EventId: 1097, TimeCreated: '2026-11-25T10:22:00.0000000Z' };
    const list = tally(broker, otherCode, otherEvent).list();
    expect(list.map((kind) => [kind.EventId, kind.Codes, kind.Count])).toEqual([
      [1097, ['0xcaa20003'], 1],
      [1098, ['0xcaa2000c'], 1],
      [1098, ['0xcaa20003'], 1],
    ]);
  });

  it('keeps the first and the last time of a kind whatever order its events come in, and the newest one\'s message', async () => {
    const broker = await brokerError();
    const middle = again(broker, '2026-11-25T11:00:00.0000000Z');
    const earliest = again(broker, '2026-11-25T09:00:00.0000000Z');
    const newest = again(broker, '2026-11-25T12:00:00.0000000Z');
    const [kind] = tally(middle, earliest, newest, middle).list();
    expect(kind).toMatchObject({
      Count: 4,
      First: '2026-11-25T09:00:00.0000000Z',
      Last: '2026-11-25T12:00:00.0000000Z',
      Message: 'Error: 0xCAA20003 Token broker operation failed.',
    });
    // The message follows the newest event, not the one read last.
    const [byMessage] = tally(again(broker, '2026-11-25T12:00:00.0000000Z', '0xCAA20003', { Message: 'Error: 0xCAA20003 newest.' }), earliest).list();
    expect(byMessage?.Message).toBe('Error: 0xCAA20003 newest.');
    const [later] = tally(earliest, again(broker, '2026-11-25T12:00:00.0000000Z', '0xCAA20003', { Message: 'Error: 0xCAA20003 newest.' })).list();
    expect(later?.Message).toBe('Error: 0xCAA20003 newest.');
  });

  it('of two events logged at the same instant, the message of the one read later is kept (the log\'s own order)', async () => {
    const broker = await brokerError();
    const at = '2026-11-25T12:00:00.0000000Z';
    const first = again(broker, at, '0xCAA20003', { Message: 'Error: 0xCAA20003 first.' });
    const second = again(broker, at, '0xCAA20003', { Message: 'Error: 0xCAA20003 second.' });
    expect(tally(first, second).list()[0]?.Message).toBe('Error: 0xCAA20003 second.');
  });

  it('an event without an instant is counted but moves neither time nor message; a later one with an instant sets both', async () => {
    const broker = await brokerError();
    const timeless = (message: string) => ({ ...broker, TimeCreated: null, Data: [], Message: message });
    const [kind] = tally(timeless('Error: 0xCAA20003 one.'), timeless('Error: 0xCAA20003 two.')).list();
    expect(kind).toMatchObject({ Count: 2, First: null, Last: null, Message: 'Error: 0xCAA20003 one.' });
    const [dated] = tally(timeless('Error: 0xCAA20003 one.'), broker).list();
    expect(dated).toMatchObject({ Count: 2, First: broker.TimeCreated, Last: broker.TimeCreated, Message: 'Error: 0xCAA20003 Token broker operation failed.' });
    const [timeAfter] = tally(broker, timeless('Error: 0xCAA20003 one.')).list();
    expect(timeAfter).toMatchObject({ Count: 2, First: broker.TimeCreated, Last: broker.TimeCreated, Message: 'Error: 0xCAA20003 Token broker operation failed.' });
  });

  it('lists the 50 most frequent kinds, whatever order they came in; the events of the others are counted in `dropped`', async () => {
    const broker = await brokerError();
    const kinds = Array.from({ length: 52 }, (_, i) => again(broker, '2026-11-25T10:30:00.0000000Z', `0xCAA2${(0x100 + i).toString(16).padStart(4, '0')}`));
    // The last two kinds come last but three times each: they must be listed, two of the early single ones not.
    const t = tally(...kinds, kinds[50] as AadEvent, kinds[50] as AadEvent, kinds[51] as AadEvent, kinds[51] as AadEvent);
    const list = t.list();
    expect(list).toHaveLength(50);
    expect(list.slice(0, 2).map((kind) => [kind.Codes[0], kind.Count])).toEqual([['0xcaa20132', 3], ['0xcaa20133', 3]]);
    expect(t.dropped).toBe(2);
    expect(list.reduce((n, kind) => n + kind.Count, 0) + t.dropped).toBe(56);
  });

  it('stops tracking new kinds after 2000 and counts their events in `dropped`', async () => {
    const broker = await brokerError();
    const kinds = Array.from({ length: 2001 }, (_, i) => again(broker, '2026-11-25T10:30:00.0000000Z', `0x8${(0x1000000 + i).toString(16)}`));
    const t = tally(...kinds, kinds[2000] as AadEvent);
    expect(t.list()).toHaveLength(50);
    expect(t.dropped).toBe(1950 + 2);
  });

  it('lists the most frequent kind first, then the most recently logged; a kind without an instant last among its count', async () => {
    const broker = await brokerError();
    const kind = (code: string, ...times: (string | null)[]) => times.map((at) => again(broker, at ?? '', code, at === null ? { TimeCreated: null } : {}));
    const events = [
      ...kind('0xCAA20001', null),
      ...kind('0xCAA20002', '2026-11-25T10:05:00.0000000Z'),
      ...kind('0xCAA20003', '2026-11-25T10:01:00.0000000Z', '2026-11-25T10:00:00.0000000Z'),
      ...kind('0xCAA20004', '2026-11-25T10:09:00.0000000Z'),
    ];
    expect(tally(...events).list().map((k) => [k.Codes[0], k.Count])).toEqual([
      ['0xcaa20003', 2],
      ['0xcaa20004', 1],
      ['0xcaa20002', 1],
      ['0xcaa20001', 1],
    ]);
    // Whichever of the two was seen first.
    const dated = kind('0xCAA20002', '2026-11-25T10:05:00.0000000Z');
    const timeless = kind('0xCAA20001', null);
    expect(tally(...timeless, ...dated).list().map((k) => k.Codes[0])).toEqual(['0xcaa20002', '0xcaa20001']);
    expect(tally(...dated, ...timeless).list().map((k) => k.Codes[0])).toEqual(['0xcaa20002', '0xcaa20001']);
  });
});

describe('the message of an outside error', () => {
  it('comes from the ErrorMessage field when the XML has no rendered message, and is null when there is neither', async () => {
    const broker = await brokerError();
    expect(tally({ ...broker, Message: null }).list()[0]?.Message).toBe('Token broker operation failed.');
    const bare = { ...broker, Message: null, Data: (broker.Data).filter((field) => field.Name !== 'ErrorMessage') };
    expect(bare.Data.map((field) => field.Name)).toEqual(['Error', 'AdditionalInformation']);
    expect(tally(bare).list()).toMatchObject([{ Codes: ['0xcaa20003'], Message: null }]);
    const empty = { ...broker, Message: null, Data: broker.Data.map((field) => (field.Name === 'ErrorMessage' ? { ...field, Value: '' } : field)) };
    expect(tally(empty).list()[0]?.Message).toBeNull();
  });

  it('is cut to 200 characters with an ellipsis only when its first line is longer', async () => {
    const broker = await brokerError();
    const withLine = (length: number) => ({ ...broker, Message: `Error: 0xCAA20003 ${'x'.repeat(length - 18)}\r\nsecond line` });
    const [exact] = tally(withLine(200)).list();
    expect(exact?.Message).toHaveLength(200);
    expect(exact?.Message?.endsWith('x')).toBe(true);
    const [longer] = tally(withLine(201)).list();
    expect(longer?.Message).toBe(`Error: 0xCAA20003 ${'x'.repeat(181)}…`);
    expect(longer?.Message).toHaveLength(200);
  });
});
