// The Event Viewer list pane pasted as a table (src/events/text/delimited.ts, ListPaneRows): the
// shapes it reaches tickets in, what is not such a table, and what the diagnosis says about rows
// that carry no message. The real paste is in test/fixtures/real/events (real-text-corpus.test.ts).
import { describe, expect, it } from 'vitest';
import { parseEventText } from '../../../src/events/parse.js';
import { buildAttempts } from '../../../src/events/attempts.js';
import { listColumns } from '../../../src/events/text/delimited.js';
import { codesOf } from '../../../src/events/text/summary.js';
import { fromEvents, missingStatus, summarise } from '../../../src/diagnose/attempts.js';
import type { AadEvent, EventParseItem } from '../../../src/events/types.js';
import { diagnose } from '../../../src/app/diagnose.js';
import { formatDiagnosis } from '../../../src/cli/present/diagnosis-text.js';
import { createHost } from '../../../src/host/create.js';
import { missingEvidence } from '../../../src/doctor/rank.js';
import { badInputOf, readBytes } from './helpers.js';

const eventsOf = (items: EventParseItem[]) => items.flatMap((item) => ('event' in item ? [item.event] : []));
const read = (text: string) => eventsOf(parseEventText(text, { source: 'ticket.md' }));
const ids = (events: AadEvent[]) => events.map((e) => e.EventId);
const diagnosed = (text: string) => buildAttempts(read(text)).map(fromEvents);

/** One attempt as the Microsoft article lists it, in the columns of the list pane. */
const ATTEMPT = [
  ['Information', '6/24/2020 3:35:35 AM', 'AAD', '1006', 'AadCloudAPPlugin Operation'],
  ['Information', '6/24/2020 3:35:35 AM', 'AAD', '1022', 'AadCloudAPPlugin Operation'],
  ['Error', '6/24/2020 3:35:35 AM', 'AAD', '1084', 'AadCloudAPPlugin Operation'],
  ['Error', '6/24/2020 3:35:35 AM', 'AAD', '1086', 'AadCloudAPPlugin Operation'],
  ['Information', '6/24/2020 3:35:35 AM', 'AAD', '1007', 'AadCloudAPPlugin Operation'],
];
const HEADS = ['Level', 'Date and Time', 'Source', 'Event ID', 'Task Category'];
const markdown = (rows: string[][], { ends = true, indent = '' } = {}) =>
  [HEADS, HEADS.map(() => '---'), ...rows].map((cells) => `${indent}${ends ? '| ' : ''}${cells.join(' | ')}${ends ? ' |' : ''}`).join('\n');

describe('the list pane pasted as a Markdown table', () => {
  it('reads each row as a record: id, level, task, source and local time, no message and no code', () => {
    const events = read(markdown(ATTEMPT));
    expect(ids(events)).toEqual([1006, 1022, 1084, 1086, 1007]);
    expect(events[2]).toMatchObject({ Provider: 'Microsoft-Windows-AAD', Channel: 'Microsoft-Windows-AAD/Operational', Level: 2, Task: 101, Message: null, Data: [], TimeCreated: null });
    expect(events[2]?.FromText).toMatchObject({ SourceFormat: 'EventViewerList', EventIdFrom: 'Header', LocalTime: '2020-06-24T03:35:35', TimeZone: 'Unknown', Position: 3 });
    // Without a message nothing is read: no status, no network error, no code.
    expect(events.flatMap(codesOf)).toEqual([]);
  });

  it('reads it without the outer pipes, indented, with bold rows, alignment colons and escaped pipes', () => {
    const rows = ATTEMPT.map((cells) => (cells[3] === '1006' || cells[3] === '1007' ? cells.map((cell) => `**${cell}**`) : cells));
    const text = markdown(rows, { ends: false, indent: '   ' }).replace(/---/g, ':---:').replace('AadCloudAPPlugin Operation', 'Aad \\| Cloud');
    const events = read(text);
    expect(ids(events)).toEqual([1006, 1022, 1084, 1086, 1007]);
    expect(events[0]).toMatchObject({ Level: 4, Provider: 'Microsoft-Windows-AAD' });
    expect(events[0]?.FromText?.LocalTime).toBe('2020-06-24T03:35:35');
    // `\|` is a pipe inside its cell, not a border: the columns after it stay in place.
    expect(events[1]).toMatchObject({ EventId: 1022, Task: 101 });
  });

  it('keeps an escaped pipe inside its cell, in any column', () => {
    const text = '| Task Category | Level | Event ID | Source |\n|---|---|---|---|\n| Aad \\| Cloud | Error | 1084 | AAD \\| x |\n';
    const [event, ...rest] = read(text);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ EventId: 1084, Level: 2, Message: null, Provider: 'AAD | x' });
  });

  it('reads rows that a paste spaced with blank lines', () => {
    expect(ids(read(markdown(ATTEMPT).replace(/\n/g, '\r\n\r\n')))).toEqual([1006, 1022, 1084, 1086, 1007]);
  });

  it('ends the record being read at the table\'s header, in the order of the paste', () => {
    const text = `Event ID: 1081\nDescription:\nOAuth response error: invalid_grant\n${markdown(ATTEMPT.slice(0, 2))}\nThe user retried.\n`;
    const events = read(text);
    expect(ids(events)).toEqual([1081, 1006, 1022]);
    expect(events[0]?.Message).toBe('OAuth response error: invalid_grant');
  });

  it('reads the table inside a quote and between prose, which stays out of the records', () => {
    const text = `Here is what the log shows:\n\n${markdown(ATTEMPT.slice(0, 2)).replace(/^/gm, '> ')}\n\nAfter this the user was prompted | again.\n`;
    expect(ids(read(text))).toEqual([1006, 1022]);
  });

  it('reads columns in another order, a subset, `EventID`, Keywords, a Computer and a Message column', () => {
    const text = [
      '| EventID | Keywords | Level | Computer | Message |',
      '|---|---|---|---|---|',
      '| 1081 | AAD | Error | PC1 | OAuth response error: invalid_grant |',
      '| 1006 |  | Information | PC1 |  |',
    ].join('\n');
    const [oauth, start] = read(text);
    expect(oauth).toMatchObject({ EventId: 1081, Level: 2, Computer: 'PC1', Keywords: 'AAD', Message: 'OAuth response error: invalid_grant', Task: null });
    expect(oauth && codesOf(oauth)).toEqual(['invalid_grant']);
    expect(start).toMatchObject({ EventId: 1006, Message: null });
    // No Source column and no message: whose event it is cannot be told, so it is not taken for AAD.
    expect(start?.Provider).toBe('');
  });

  it('does not read the Log column: a bare `Operational` must not hide that `AAD` is the AAD provider', () => {
    const [event] = read('| Level | Log | Event ID | Source |\n|---|---|---|---|\n| Error | Operational | 1084 | AAD |\n');
    expect(event).toMatchObject({ EventId: 1084, Provider: 'Microsoft-Windows-AAD', Channel: 'Microsoft-Windows-AAD/Operational' });
  });

  it('reads German heads, levels and dates', () => {
    const text = ['| Ebene | Datum und Uhrzeit | Quelle | Ereignis-ID | Aufgabenkategorie |', '|--|--|--|--|--|', '| Fehler | 24.06.2020 03:35:35 | AAD | 1084 | AadCloudAPPlugin Operation |'].join('\n');
    expect(read(text)[0]).toMatchObject({ EventId: 1084, Level: 2, Task: 101, Provider: 'Microsoft-Windows-AAD' });
    expect(read(text)[0]?.FromText?.LocalTime).toBe('2020-06-24T03:35:35');
  });

  it('reads the same records however the text is cut into chunks', async () => {
    const bytes = Buffer.from(`Events:\r\n${markdown(ATTEMPT).replace(/\n/g, '\r\n')}\r\n`);
    for (const size of [1, 7, 64, 4096]) {
      const { events, problems } = await readBytes(bytes, { source: 'ticket.md' }, size);
      expect(problems).toEqual([]);
      expect(ids(events)).toEqual([1006, 1022, 1084, 1086, 1007]);
    }
  });
});

describe('the list pane copied as plain text', () => {
  it('reads tab-separated rows below prose, in another column order', () => {
    const text = `Copied from the viewer:\nEvent ID\tLevel\tDate and Time\tSource\n${ATTEMPT.map((c) => [c[3], c[0], c[1], c[2]].join('\t')).join('\n')}\n`;
    const events = read(text);
    expect(ids(events)).toEqual([1006, 1022, 1084, 1086, 1007]);
    expect(events[2]).toMatchObject({ Level: 2, Provider: 'Microsoft-Windows-AAD', Task: null });
  });

  it('reads rows aligned with spaces, by the header\'s columns where a single space separates two cells', () => {
    const text = [
      'Level        Date and Time          Source  Event ID  Task Category',
      '-----------  ---------------------  ------  --------  --------------------------',
      'Information  6/24/2020 3:35:35 AM   AAD     1006      AadCloudAPPlugin Operation',
      'Error        6/24/2020 3:35:35 AM   AAD     1084      AadCloudAPPlugin Operation',
      'Information  12/24/2020 10:35:35 AM AAD     1007      AadCloudAPPlugin Operation',
    ].join('\n');
    const events = read(text);
    expect(ids(events)).toEqual([1006, 1084, 1007]);
    expect(events[2]).toMatchObject({ Level: 4, Provider: 'Microsoft-Windows-AAD', Task: 101 });
    expect(events[2]?.FromText?.LocalTime).toBe('2020-12-24T10:35:35');
  });

  it('ends the list at a line that is no row, and reads what follows as before', () => {
    const text = `${markdown(ATTEMPT.slice(0, 1))}\nLog Name: Microsoft-Windows-AAD/Operational\nSource: Microsoft-Windows-AAD\nEvent ID: 1081\nLevel: Error\nDescription:\nOAuth response error: invalid_grant\n`;
    const events = read(text);
    expect(ids(events)).toEqual([1006, 1081]);
    expect(events.map((e) => e.FromText?.SourceFormat)).toEqual(['EventViewerList', 'EventViewerText']);
  });
});

describe('what is not the list pane', () => {
  it('needs an Event ID column and a Level or Date and Time one, each once, and mostly the list\'s own heads', () => {
    expect(listColumns(['Level', 'Event ID'])).toEqual(['Level', 'EventId']);
    expect(listColumns(['Date and Time', 'EventID'])).toEqual(['Date', 'EventId']);
    expect(listColumns(['Event ID', 'Code', 'Meaning'])).toBeNull();
    expect(listColumns(['Level', 'Source', 'Task Category'])).toBeNull();
    expect(listColumns(['Event ID', 'Source', 'Task Category'])).toBeNull();
    expect(listColumns(['Event ID', 'Level', 'Meaning', 'Fix', 'Notes'])).toBeNull();
    expect(listColumns(['Event ID', 'Level', 'Meaning', 'Fix'])).toBeNull();
    expect(listColumns(['Event ID', 'Level', 'Event ID'])).toBeNull();
  });

  it.each([
    ['prose with pipes', 'The Level | Event ID columns were empty | nothing else.\nThe user retried.\n'],
    ['a table of what each event means', '| Event ID | Description |\n|---|---|\n| 1084 | HTTP transport error |\n| 1081 | OAuth error |\n'],
    ['a table of codes', '| Event ID | Code | Meaning |\n|---|---|---|\n| 1084 | 0x800484c1 | network |\n'],
    ['a table about events', '| Event ID | Level | What it means | What to do |\n|---|---|---|---|\n| 1084 | Error | network | check the proxy |\n'],
    ['a header whose rows hold no event id', '| Level | Event ID |\n|---|---|\n| Error | see below |\n'],
    ['a dsregcmd box', '+----------------------------------------------------------------------+\n| SSO State                                                            |\n+----------------------------------------------------------------------+\n\n                AzureAdPrt : NO\n'],
  ])('refuses %s with the usual error', async (_what, text) => {
    const error = await badInputOf(() => readBytes(Buffer.from(text), { source: 'ticket.md' }));
    expect(error.id).toBe('NotEventXml');
    expect(error.message).toContain('`ticket.md` is neither event XML nor Event Viewer text');
  });
});

describe('what the diagnosis says about rows without messages', () => {
  it('one attempt, its status not shown, its error events named, the 1007 and the first evidence asked for', () => {
    const [attempt, ...rest] = diagnosed(markdown(ATTEMPT));
    expect(rest).toEqual([]);
    expect(attempt).toMatchObject({ Finished: true, Succeeded: false, Status: null, Orphan: false, SourceFormat: 'EventViewerList', Explanation: [] });
    expect(attempt?.MissingMessages).toEqual([
      { EventId: 1007, Holds: "GetToken stop: the attempt's status", Ask: true },
      { EventId: 1084, Holds: 'HTTP transport error: the network error code', Ask: true },
      { EventId: 1086, Holds: 'user realm failure: its status code', Ask: false },
    ]);
    if (!attempt) return;
    expect(missingStatus(attempt)).toBe('status not shown (1007 read without its message)');
    expect(attempt.NextSteps[0]).toBe(
      'Ask for the full message of events 1007 and 1084 (the attempt\'s status; the network error code): in Event Viewer, select the event and use "Copy details as text". The list of events shows none of these codes.',
    );
    expect(summarise([attempt])).toBe(
      '1 of 1 PRT attempt failed; the newest logged error events 1084 (HTTP transport error), 1086 (user realm failure), whose codes are not shown. Its status is not shown: the text has its 1007 but not the message. Ask for the messages of events 1007 and 1084.',
    );
  });

  it('asks for the first error when none of the errors is one the chain reads', () => {
    const [attempt] = diagnosed(markdown([ATTEMPT[0] ?? [], ['Error', '6/24/2020 3:35:35 AM', 'AAD', '1160', 'x'], ['Error', '6/24/2020 3:35:35 AM', 'AAD', '1086', 'x'], ATTEMPT[4] ?? []]));
    expect(attempt?.MissingMessages.map((m) => [m.EventId, m.Ask])).toEqual([[1007, true], [1160, true], [1086, false]]);
  });

  it('without an error event, says neither success nor failure is shown', () => {
    const [attempt] = diagnosed(markdown([ATTEMPT[0] ?? [], ATTEMPT[1] ?? [], ATTEMPT[4] ?? []]));
    expect(attempt?.MissingMessages).toEqual([{ EventId: 1007, Holds: "GetToken stop: the attempt's status", Ask: true }]);
    if (!attempt) return;
    expect(attempt.NextSteps[0]).toMatch(/^Ask for the full message of event 1007 \(the attempt's status\)/);
    const summary = summarise([attempt]);
    expect(summary).toBe('1 PRT attempt read; the newest shows no error event, but whether it succeeded is not shown. Its status is not shown: the text has its 1007 but not the message. Ask for the message of event 1007.');
  });

  it('names three asked messages as a list, and counts the attempts read when none shows an error', () => {
    const plugin = ['Error', '6/24/2020 3:35:35 AM', 'AAD', '1104', 'AadCloudAPPlugin Operation'];
    const [attempt] = diagnosed(markdown([ATTEMPT[0] ?? [], ATTEMPT[2] ?? [], plugin, ATTEMPT[4] ?? []]));
    expect(attempt?.NextSteps[0]).toMatch(/^Ask for the full message of events 1007, 1084 and 1104 \(the attempt's status; the network error code; the call's result code\):/);
    const [quiet] = diagnosed(markdown([ATTEMPT[0] ?? [], ATTEMPT[4] ?? []]));
    if (!quiet) throw new Error('no attempt');
    expect(summarise([quiet], { attempts: 2, failed: 1 })).toMatch(/^2 PRT attempts read; the newest shows no error event/);
  });

  it('an error event without its message but a 1007 with one: the status is not "read without its message"', () => {
    expect(missingStatus({ Orphan: false, Finished: true, MissingMessages: [{ EventId: 1084, Holds: 'HTTP transport error: the network error code', Ask: true }] })).toBe('no status');
  });

  it('asks for nothing when the messages are there', () => {
    const text = markdown([ATTEMPT[0] ?? [], ATTEMPT[4] ?? []]).replace('Task Category |', 'Task Category | Message |').replace('| --- |\n', '| --- | --- |\n');
    const withMessage = text.replace(/(\| AadCloudAPPlugin Operation \|)$/, '$1 AadCloudAPPlugin GetToken Stop. Status: 0x0 |');
    const [attempt] = diagnosed(withMessage);
    expect(attempt).toMatchObject({ MissingMessages: [], Succeeded: true });
    expect(attempt?.NextSteps.some((step) => step.startsWith('Ask for'))).toBe(false);
  });
});

describe('the human output of `prt error --events` on the real list-pane paste', () => {
  it('names the attempt\'s source and missing status, asks first, and lists the rows as having no message', async () => {
    const file = new URL('../../fixtures/real/events/list-view-md-table-one-attempt-1006-1007-no-messages.txt', import.meta.url).pathname;
    const plain = (text: string) => text;
    const text = formatDiagnosis(await diagnose(createHost({}, 'linux'), { events: [file] }), { bold: plain, dim: plain, red: plain, green: plain, yellow: plain });
    expect(text).toContain('✖ 2020-06-24 03:35:35 local, zone unknown  PRT attempt  status not shown (1007 read without its message)  [Events, from the Event Viewer list pasted as a table]');
    expect(text).toMatch(/ {3}do {7}→ Ask for the full message of events 1007 and 1084 /);
    expect(text).toMatch(/ {3}1084 {2}no message {2}\(list-view-md-table-one-attempt-1006-1007-no-messages\.txt #5, 2020-06-24 03:35:35 local\)/);
    expect(text).not.toMatch(/no code/);
  });

  it('makes the doctor ask for the same messages among what it has not read', async () => {
    const file = new URL('../../fixtures/real/events/list-view-md-table-one-attempt-1006-1007-no-messages.txt', import.meta.url).pathname;
    const diagnosis = await diagnose(createHost({}, 'linux'), { events: [file] });
    const missing = missingEvidence({ Status: null, Diagnosis: diagnosis, EventsRead: true, Probe: null, Device: null });
    expect(missing).toContain('the full messages of events 1007, 1084 (Event Viewer: Copy details as text), which the list of events did not show');
    expect(missingEvidence({ Status: null, Diagnosis: { ...diagnosis, Attempts: [] }, EventsRead: true, Probe: null, Device: null }).some((what) => what.includes('full messages'))).toBe(false);
  });
});
