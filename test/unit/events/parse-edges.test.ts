// The reader's front door at its edges (events-scan mutation run): how a paste that does not start
// with `<` is decided when it arrives in pieces, leading blank lines, a paste without a final line
// end, the batches of parseEventBatches, the bytes held back by the decoder at the end of a stream.
import { describe, expect, it } from 'vitest';
import { parseEventBatches, parseEventText } from '../../../src/events/parse.js';
import type { EventParseItem } from '../../../src/events/types.js';
import { badInputOf, fixtureBytes, fixtureText, readBytes, type Read } from './helpers.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The text as a pipe delivers it when the writer sends a line at a time (`Get-Content x | prt … -`). */
async function* lineByLine(text: string): AsyncGenerator<Uint8Array> {
  for (const line of text.split(/(?<=\n)/)) yield encode(line);
}

/** The text cut once, at `at`. */
async function* cutAt(text: string, at: number): AsyncGenerator<Uint8Array> {
  const bytes = encode(text);
  yield bytes.subarray(0, at);
  yield bytes.subarray(at);
}

async function collect(chunks: AsyncIterable<Uint8Array>, source = 'ticket.txt'): Promise<Read> {
  const read: Read = { events: [], problems: [] };
  for await (const batch of parseEventBatches(chunks, { source })) {
    for (const item of batch) {
      if ('event' in item) read.events.push(item.event);
      else read.problems.push(item.problem);
    }
  }
  return read;
}

const whole = (text: string, source = 'ticket.txt'): Read => {
  const items = parseEventText(text, { source });
  return { events: items.flatMap((i) => ('event' in i ? [i.event] : [])), problems: items.flatMap((i) => ('problem' in i ? [i.problem] : [])) };
};

/** One AAD error event as Event Viewer's XML View shows it (a `-` before each element with children). */
const XML_VIEW = [
  '- <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
  '- <System>',
  '  <Provider Name="Microsoft-Windows-AAD" Guid="{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}" /> ',
  '  <EventID>1098</EventID> ',
  '  <Level>2</Level> ',
  '  <TimeCreated SystemTime="2026-11-20T09:13:41.1234567Z" /> ',
  '  <EventRecordID>42</EventRecordID> ',
  '  <Channel>Microsoft-Windows-AAD/Operational</Channel> ',
  '  <Computer>PC-0042.contoso.com</Computer> ',
  '  </System>',
  '- <EventData>',
  '  <Data Name="Error">0xcaa2000c</Data> ',
  '  <Data Name="ErrorMessage">The request requires user interaction.</Data> ',
  '  </EventData>',
  '  </Event>',
].join('\r\n');

/** How tickets carry it: a line of prose, a Markdown fence. */
const TICKET = `Hi, the user still gets no PRT, this is from Event Viewer:\r\n\`\`\`xml\r\n${XML_VIEW}\r\n\`\`\`\r\n`;

describe('a paste that does not start with "<", arriving in pieces', () => {
  it('reads a ticket with prose and a fenced XML View event the same whole and line by line', async () => {
    const expected = whole(TICKET);
    expect(expected.events.map((e) => [e.EventId, e.EventRecordID, e.Data[0]?.Value])).toEqual([[1098, 42, '0xcaa2000c']]);
    expect(await collect(lineByLine(TICKET))).toEqual(expected);
  });

  it('reads it the same when the first piece ends at any line end', async () => {
    const expected = whole(TICKET);
    for (let at = TICKET.indexOf('\n') + 1; at > 0 && at < TICKET.length; at = TICKET.indexOf('\n', at) + 1) {
      expect(await collect(cutAt(TICKET, at))).toEqual(expected);
    }
  });

  it('reads Event Viewer text ("Copy details as text") the same whole and line by line', async () => {
    const text = fixtureText('text-details-with-event-xml.txt');
    const expected = whole(text);
    expect(expected.events.map((e) => e.EventId)).toEqual([1081]);
    expect(await collect(lineByLine(text))).toEqual(expected);
  });

  it('looks at the first 40 lines: event XML on line 40 is read, on line 41 the paste is text', async () => {
    const prose = (lines: number): string => Array.from({ length: lines }, (_, i) => `note ${i + 1}: the user signed in at the lock screen\r\n`).join('');
    const at40 = prose(39) + XML_VIEW;
    expect(whole(at40).events.map((e) => e.EventRecordID)).toEqual([42]);
    expect(await collect(lineByLine(at40))).toEqual(whole(at40));
    // Line 41 is past the lines that decide, also after a blank line 40: the paste is read as text, which holds no record.
    const at41 = `${prose(39)}\r\n${XML_VIEW}`;
    expect((await badInputOf(async () => collect(lineByLine(at41)))).message).toMatch(/`ticket\.txt` is neither event XML nor Event Viewer text/);
    expect((await badInputOf(async () => Promise.resolve(whole(at41)))).message).toMatch(/neither event XML nor Event Viewer text/);
  });

  it('decides on the same characters whole or cut: a first line longer than 16 KiB is looked at, not what follows', async () => {
    const paste = `${'QUFBQUFB'.repeat(2600)}\r\n${XML_VIEW}\r\n`; // a 20,800-character base64 line, then the event
    const asWhole = await badInputOf(async () => Promise.resolve(whole(paste)));
    const in4k = await badInputOf(async () => readBytes(encode(paste), { source: 'ticket.txt' }, 4096));
    expect(in4k.message).toBe(asWhole.message);
  });

  it('reads event XML that starts just inside the first 16 KiB the same wherever the piece ends', async () => {
    // Two blank lines, a long line of prose (a pasted log line), then the event 5 characters before the limit.
    const lead = '\r\n\r\n';
    const paste = `${lead}${'The sign-in hangs at "Welcome" for 30 seconds; '.repeat(400).slice(0, 16384 - 5 - 2)}\r\n${XML_VIEW}\r\n`;
    const expected = whole(paste);
    expect(expected.events.map((e) => e.EventRecordID)).toEqual([42]);
    const limit = lead.length + 16384;
    for (let at = limit - 8; at <= limit + 12; at++) expect(await collect(cutAt(paste, at))).toEqual(expected);
    // A line that starts at the 16,384th character after the blanks still decides.
    const atLimit = `${lead}${'x'.repeat(16384 - 2)}\r\n${XML_VIEW}\r\n`;
    expect(whole(atLimit).events.map((e) => e.EventRecordID)).toEqual([42]);
    expect(await collect(cutAt(atLimit, limit + 3))).toEqual(whole(atLimit));
  });

  it('reads a one-line paste that has no line end, whole and cut in two', async () => {
    // An AAD message copied into a file on its own, without pressing Enter after it.
    const line = 'AAD Cloud AP plugin call GenericCallPkg returned error: 0xC000023C';
    const expected = whole(line);
    expect(expected.events).toHaveLength(1);
    expect(expected.events[0]?.Message).toBe(line);
    expect(await collect(cutAt(line, 20))).toEqual(expected);
    // The same for an XML View paste whose last line has no line end: one event, nothing lost.
    const oneEvent = XML_VIEW.replace(/\r\n/g, ' ');
    expect(whole(oneEvent).events.map((e) => e.EventRecordID)).toEqual([42]);
  });

  it('skips blank lines before the XML, whole and line by line', async () => {
    const xml = fixtureText('token-broker-1098.toxml.xml');
    const plain = whole(xml, 'events.xml');
    expect(plain.events.length).toBeGreaterThan(0);
    // Leading white space says nothing however much of it comes first, more than the 40 lines that decide a paste included.
    for (const blank of ['\n', '\r\n', ' \r\n\r\n', '\t', '\r\n'.repeat(45)]) {
      expect(whole(blank + xml, 'events.xml')).toEqual(plain);
      expect(await collect(lineByLine(blank + xml), 'events.xml')).toEqual(plain);
    }
  });

  it('reads a paste of blank lines only as no events, whole and line by line', async () => {
    const blank = '\r\n  \r\n\t\r\n';
    expect(whole(blank)).toEqual({ events: [], problems: [] });
    expect(await collect(lineByLine(blank))).toEqual({ events: [], problems: [] });
  });

  it('skips blank lines before an XML View paste read line by line', async () => {
    expect(await collect(lineByLine(`\r\n\r\n${XML_VIEW}`))).toEqual(whole(XML_VIEW));
  });
});

describe('parseEventBatches', () => {
  it('hands over the events of a chunk before it asks for the next one (a live wevtutil stream)', async () => {
    const xml = fixtureText('token-broker-1098.toxml.xml');
    const firstEnd = xml.indexOf('</Event>') + '</Event>'.length;
    let secondAsked = false;
    async function* live(): AsyncGenerator<Uint8Array> {
      yield encode(xml.slice(0, firstEnd));
      secondAsked = true; // wevtutil may not have written the rest yet
      yield encode(xml.slice(firstEnd));
    }
    const batches = parseEventBatches(live(), { source: 'wevtutil qe Microsoft-Windows-AAD/Operational' });
    const first = await batches.next();
    expect(secondAsked).toBe(false);
    expect(first.done).toBe(false);
    expect(first.value?.map((item: EventParseItem) => ('event' in item ? item.event.EventRecordID : null))).toHaveLength(1);
    let rest = 0;
    for await (const batch of batches) rest += batch.length;
    expect(rest).toBeGreaterThan(0);
  });

  it('never hands over an empty batch', async () => {
    const xml = fixtureText('token-broker-1098.toxml.xml');
    const sizes: number[] = [];
    // Cut in small pieces, most of which complete no event, and with an empty chunk at the end.
    async function* pieces(): AsyncGenerator<Uint8Array> {
      const bytes = encode(xml);
      for (let i = 0; i < bytes.length; i += 97) yield bytes.subarray(i, i + 97);
      yield new Uint8Array(0);
    }
    for await (const batch of parseEventBatches(pieces(), { source: 'events.xml' })) sizes.push(batch.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((n) => n > 0)).toBe(true);
    // An export without events gives no batch at all.
    const none: number[] = [];
    for await (const batch of parseEventBatches(lineByLine('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>\r\n</Events>\r\n'), { source: 'empty.xml' })) none.push(batch.length);
    expect(none).toEqual([]);
  });
});

describe('the end of a stream', () => {
  it('reads an empty stream (a wevtutil query that matched nothing) as no events, without an error', async () => {
    async function* nothing(): AsyncGenerator<Uint8Array> {
      // no output at all
    }
    expect(await collect(nothing(), 'wevtutil qe Microsoft-Windows-AAD/Analytic')).toEqual({ events: [], problems: [] });
  });

  it('refuses a file of two or three bytes that is not event XML, naming it', async () => {
    // `Get-WinEvent … | ConvertTo-Json` with nothing found, saved and given by mistake.
    for (const text of ['[]', 'ok\n']) {
      const error = await badInputOf(async () => readBytes(encode(text), { source: 'events.json' }));
      expect(error.message).toMatch(/`events\.json` is neither event XML nor Event Viewer text/);
    }
  });

  it('keeps the event pasted in a file that starts with a BOM when read as a string', () => {
    // readFileSync(…, 'utf8') keeps the BOM Notepad writes: the text starts with U+FEFF.
    const text = fixtureText('text-details-with-event-xml.txt');
    expect(whole(`\uFEFF${text}`)).toEqual(whole(text));
    const line = 'AAD Cloud AP plugin call GenericCallPkg returned error: 0xC000023C\r\n';
    expect(whole(`\uFEFF${line}`)).toEqual(whole(line));
    // Event Viewer's "Save Selected Events" as .csv (UTF-8) and as tab-separated .txt (UTF-16LE).
    const tables = [fixtureText('text-saved-events.csv'), new TextDecoder('utf-16le').decode(fixtureBytes('text-saved-events.tsv.txt'))];
    for (const saved of tables) {
      const table = saved.replace(/^\uFEFF/, '');
      expect(whole(table).events.length).toBeGreaterThan(0);
      expect(whole(`\uFEFF${table}`)).toEqual(whole(table));
    }
  });
});
