// The Event Viewer list pane's reader (src/events/text/delimited.ts: columnKeyOf, listColumns,
// ListPaneRows, rowRecord) at the edges its mutation run left unchecked
// (test/mutation/events-text-survivors.md). list-pane.test.ts has the main shapes.
import { describe, expect, it } from 'vitest';
import { parseEventText } from '../../../src/events/parse.js';
import { columnKeyOf, listColumns } from '../../../src/events/text/delimited.js';
import { missingMessages } from '../../../src/events/text/summary.js';
import type { AadEvent, EventParseItem } from '../../../src/events/types.js';

const eventsOf = (items: EventParseItem[]) => items.flatMap((item) => ('event' in item ? [item.event] : []));
const read = (text: string): AadEvent[] => eventsOf(parseEventText(text, { source: 'ticket.md' }));
const ids = (events: AadEvent[]) => events.map((e) => e.EventId);

describe('the columns of the list pane', () => {
  it('reads a column head whose words a paste spaced out (`Date  and   Time`)', () => {
    expect(columnKeyOf('Date  and   Time')).toBe('Date');
    expect(columnKeyOf(' Event\t ID ')).toBe('EventId');
  });

  it('keeps columns it does not read (Log, Operational Code) in their places, and reads the rest', () => {
    expect(listColumns(['Level', 'Date and Time', 'Source', 'Event ID', 'Task Category', 'Log', 'Operational Code'])).toEqual([
      'Level', 'Date', 'Source', 'EventId', 'TaskCategory', null, null,
    ]);
    const text = '| Level | Log | Event ID | Operational Code | Date and Time |\n|---|---|---|---|---|\n| Error | Operational | 1084 | Info | 6/24/2020 3:35:35 AM |\n';
    const [event, ...rest] = read(text);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ EventId: 1084, Level: 2 });
    expect(event?.FromText?.LocalTime).toBe('2020-06-24T03:35:35');
  });

  it('reads a table of just two columns, Level and Event ID', () => {
    const events = read('| Level | Event ID |\n|---|---|\n| Error | 1084 |\n| Information | 1007 |\n');
    expect(ids(events)).toEqual([1084, 1007]);
    expect(events.map((e) => e.Level)).toEqual([2, 4]);
  });
});

describe('the rows of the list pane', () => {
  it('reads a row whose cell holds only a dash (an empty cell), which is no alignment row', () => {
    const events = read('| Level | Event ID | Task Category |\n|---|---|---|\n| Error | 1084 | - |\n| Information | 1007 | -- |\n');
    expect(ids(events)).toEqual([1084, 1007]);
  });

  it('cuts rows aligned with spaces at their own double spaces when they have as many cells as the header', () => {
    // The rows are not aligned with the header: cutting them at the header's column starts would break them.
    const text = [
      'Level  Date and Time  Source  Event ID  Task Category',
      'Error  6/24/2020 3:35:35 AM  AAD  1084  AadCloudAPPlugin Operation',
      'Information  6/24/2020 3:35:36 AM  AAD  1007  AadCloudAPPlugin Operation',
    ].join('\n');
    const events = read(text);
    expect(ids(events)).toEqual([1084, 1007]);
    expect(events[0]).toMatchObject({ Level: 2, Task: 101, Provider: 'Microsoft-Windows-AAD' });
    expect(events[1]?.FromText?.LocalTime).toBe('2020-06-24T03:35:36');
  });

  it.each([
    ['| 1084x |'],
    ['| #1084 |'],
    ['| 108400 |'],
  ])('ends the list at a row whose Event ID cell is no number of 1-5 digits (%s)', (cell) => {
    const text = `| Level | Event ID |\n|---|---|\n| Error | 1084 |\n| Error ${cell}\n| Error | 1007 |\n`;
    // The rows after the end are no list any more (no header): only the first row is an event.
    expect(ids(read(text))).toEqual([1084]);
  });

  it('reads a time whose date and hour a no-break space separates (as pages and chats copy it)', () => {
    const events = read('| Level | Date and Time | Event ID |\n|---|---|---|\n| Error | 6/24/2020\u00a03:35:35\u00a0AM | 1084 |\n');
    expect(ids(events)).toEqual([1084]);
    expect(events[0]?.FromText?.LocalTime).toBe('2020-06-24T03:35:35');
  });

  it.each([
    ['pipes', '| Level | Event ID | Message |\n|---|---|---|\n| Error | 1084 | Error: 0xcaa70004 | the server | did not answer |\n', 'Error: 0xcaa70004 | the server | did not answer'],
    ['tabs', 'Level\tEvent ID\tMessage\nError\t1084\tError: 0xcaa70004\tthe server\tdid not answer\n', 'Error: 0xcaa70004\tthe server\tdid not answer'],
  ])('joins the cells past the message column with the delimiter they were cut at (%s)', (_style, text, message) => {
    const [event, ...rest] = read(text);
    expect(rest).toEqual([]);
    expect(event?.Message).toBe(message);
  });
});

describe('a row is one record', () => {
  it('reads a row whose message column comes first as one event, not also as a bare message', () => {
    const events = read('Message\tEvent ID\tLevel\nOAuth response error: invalid_grant\t1081\tError\n');
    expect(ids(events)).toEqual([1081]);
    expect(events[0]).toMatchObject({ Level: 2, Message: 'OAuth response error: invalid_grant' });
    expect(events[0]?.FromText?.SourceFormat).toBe('EventViewerList');
  });
});

describe('the messages a list lacks (missingMessages)', () => {
  const table = (rows: string[][], heads = ['Level', 'Event ID']) => `| ${heads.join(' | ')} |\n|${heads.map(() => '---|').join('')}\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
  const missing = (text: string) => missingMessages(read(text)).map((m) => [m.EventId, m.Holds, m.Ask]);

  it('names each event id once, however many rows it has', () => {
    expect(missing(table([['Error', '1086'], ['Error', '1086'], ['Information', '1007']]))).toEqual([
      [1007, "GetToken stop: the attempt's status", true],
      [1086, 'user realm failure: its status code', true],
    ]);
  });

  it('does not ask for a message the row has, even one that is no AAD template', () => {
    expect(missing(table([['Error', '1084', 'The server did not answer']], ['Level', 'Event ID', 'Message']))).toEqual([]);
  });

  it('lists an error event it has no name for as an error, and nothing for an unknown event without a level', () => {
    expect(missing(table([['Error', '1234']]))).toEqual([[1234, 'error: its status code', true]]);
    expect(missing(table([['1234', '6/24/2020 3:35:35 AM']], ['Event ID', 'Date and Time']))).toEqual([]);
  });

  it('asks for no other error when one error holds evidence, even if another error comes first', () => {
    expect(missing(table([['Error', '1086'], ['Error', '1084'], ['Information', '1007']]))).toEqual([
      [1007, "GetToken stop: the attempt's status", true],
      [1086, 'user realm failure: its status code', false],
      [1084, 'HTTP transport error: the network error code', true],
    ]);
  });
});
