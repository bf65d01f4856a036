import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEventText, readEvents } from '../../../src/events/parse.js';
import { EventScanner } from '../../../src/events/scan.js';
import type { EventParseItem } from '../../../src/events/types.js';
import { badInputOf, chunked, fixtureBytes, fixtureText, readBytes, readFixture } from './helpers.js';

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
const system = (o: { provider?: string; id?: number | string; rid?: number; time?: string; extra?: string } = {}): string =>
  `<System>${o.provider ?? "<Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>"}<EventID>${o.id ?? 1022}</EventID>` +
  `<Level>4</Level><Task>101</Task><Opcode>0</Opcode><Keywords>0x2000000000000000</Keywords><TimeCreated SystemTime='${o.time ?? '2026-11-20T09:13:41.1234567Z'}'/>` +
  `<EventRecordID>${o.rid ?? 1}</EventRecordID><Correlation ActivityID='{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}'/><Execution ProcessID='812' ThreadID='4404'/>` +
  `<Channel>Microsoft-Windows-AAD/Analytic</Channel><Computer>PC-0042</Computer><Security UserID='S-1-5-18'/>${o.extra ?? ''}</System>`;
const event = (inner = "<EventData><Data Name='value'>https://login.microsoftonline.com/common</Data></EventData>", o = {}): string => `<Event ${NS}>${system(o)}${inner}</Event>`;
const parse = (text: string, options = {}): EventParseItem[] => parseEventText(text, { source: 'x.xml', ...options });
const eventsOf = (items: EventParseItem[]) => items.flatMap((i) => ('event' in i ? [i.event] : []));
const problemsOf = (items: EventParseItem[]) => items.flatMap((i) => ('problem' in i ? [i.problem] : []));

describe('parseEventText: the System header', () => {
  it('reads every header field of a wevtutil RenderedXml event', () => {
    const [e] = eventsOf(parse(event()));
    expect(e).toMatchObject({
      EventRecordID: 1,
      Channel: 'Microsoft-Windows-AAD/Analytic',
      Provider: 'Microsoft-Windows-AAD',
      EventId: 1022,
      TimeCreated: '2026-11-20T09:13:41.1234567Z',
      Level: 4,
      Task: 101,
      Opcode: 0,
      Keywords: '0x2000000000000000',
      ProcessId: 812,
      ThreadId: 4404,
      UserSid: 'S-1-5-18',
      ActivityId: '{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}',
      Computer: 'PC-0042',
      Message: null,
      Source: 'x.xml',
    });
  });

  it('keeps the payload by position with the field names', () => {
    const [e] = eventsOf(parse(event(`<EventData><Data Name='Error'>invalid_grant</Data><Data Name='ErrorDescription'></Data><Data>last</Data></EventData>`)));
    expect(e?.Data).toEqual([{ Name: 'Error', Value: 'invalid_grant' }, { Name: 'ErrorDescription', Value: '' }, { Name: null, Value: 'last' }]);
  });

  it('reads an EventID that carries Qualifiers', () => {
    const [e] = eventsOf(parse(event(undefined, { id: 1022 }).replace('<EventID>', "<EventID Qualifiers='0'>")));
    expect(e?.EventId).toBe(1022);
  });

  it('names the AAD provider from its GUID when the Name is missing', () => {
    const [e] = eventsOf(parse(event(undefined, { provider: "<Provider Guid='{4DE9BC9C-B27A-43C9-8994-0915F1A5E24F}'/>" })));
    expect(e?.Provider).toBe('Microsoft-Windows-AAD');
  });

  it('gives null for an empty Correlation and Security', () => {
    const [e] = eventsOf(parse(event().replace(/<Correlation[^>]*\/>/, '<Correlation/>').replace(/<Security[^>]*\/>/, '<Security/>')));
    expect([e?.ActivityId, e?.UserSid]).toEqual([null, null]);
  });

  it('reads the rendered message with entities decoded and LF line ends', () => {
    const [e] = eventsOf(parse(event(`<EventData/><RenderingInfo Culture='en-US'><Message>Error: 0xCAA5001C Token broker operation failed.&#xD;\nLogged at &lt;x.cpp&gt;</Message><Level>Error</Level></RenderingInfo>`)));
    expect(e?.Message).toBe('Error: 0xCAA5001C Token broker operation failed.\nLogged at <x.cpp>');
  });

  it('flattens the leaf elements of UserData into fields', () => {
    const userData = `<UserData><LogFileCleared xmlns='m'><SubjectUserSid>S-1-5-21-1-2-3-512</SubjectUserSid><Nested><Leaf>v</Leaf></Nested><SubjectUserName>admin</SubjectUserName></LogFileCleared></UserData>`;
    const [e] = eventsOf(parse(event(userData)));
    expect(e?.Data).toEqual([{ Name: 'SubjectUserSid', Value: 'S-1-5-21-1-2-3-512' }, { Name: 'Leaf', Value: 'v' }, { Name: 'SubjectUserName', Value: 'admin' }]);
  });

  it('takes the text of markup inside a Data value', () => {
    const [e] = eventsOf(parse(event(`<EventData><Data Name='d'>a <b>bold</b> c</Data></EventData>`)));
    expect(e?.Data[0]?.Value).toBe('a bold c');
  });
});

describe('parseEventText: file shapes', () => {
  it('reads a wevtutil sequence of events without a root', async () => {
    const { events } = await readFixture('network-unreachable-12029.xml');
    expect(events.map((e) => e.EventId)).toEqual([1006, 1144, 1022, 1084, 1007]);
  });

  it('reads an Event Viewer "Save as XML" file with its <Events> root and prolog', async () => {
    const { events, problems } = await readFixture('user-not-found-50034.event-viewer.xml');
    expect([events.length, problems.length]).toEqual([5, 0]);
  });

  it('reads Get-WinEvent ToXml() output joined with LF', async () => {
    const { events } = await readFixture('token-broker-1098.toxml.xml');
    expect(events.map((e) => e.EventId)).toEqual([1098, 1006, 1144, 1022, 1097, 1098, 1007]);
  });

  it('reads events pretty-printed over several lines', () => {
    const pretty = event().replace(/></g, '>\r\n  <');
    expect(eventsOf(parse(pretty))[0]?.Data).toEqual([{ Name: 'value', Value: 'https://login.microsoftonline.com/common' }]);
  });

  it('reads a closing tag with a space before ">"', () => {
    expect(eventsOf(parse(event().replace(/<\/Event>$/, '</Event >')))).toHaveLength(1);
  });

  it('reads the same events from every chunk size, down to one byte', async () => {
    const bytes = fixtureBytes('two-users-interleaved.xml');
    const whole = await readBytes(bytes, {}, bytes.length);
    for (const size of [1, 7, 64, 1000]) {
      expect(await readBytes(bytes, {}, size)).toEqual(whole);
    }
  });

  it('reads a UTF-16LE file with a BOM and CRLF', async () => {
    const { events } = await readFixture('wrong-password-50126.utf16le-bom.xml', {}, 333);
    expect(events.map((e) => e.EventId)).toEqual([1006, 1144, 1022, 1081, 1007]);
  });

  it('reads UTF-16LE without a BOM, UTF-8 with a BOM and UTF-16BE to the same events', async () => {
    const text = fixtureText('device-auth-failed-50155.xml');
    const utf8 = await readBytes(Buffer.from(text));
    const variants = [Buffer.from(text, 'utf16le'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), Buffer.from(Buffer.from('\ufeff' + text, 'utf16le')).swap16()];
    for (const bytes of variants) expect(await readBytes(bytes, {}, 101)).toEqual(utf8);
  });

  it('reads an empty export as no events', async () => {
    expect(await readFixture('empty-export.xml')).toEqual({ events: [], problems: [] });
  });

  it('reads an empty file as no events', () => {
    expect(parse('')).toEqual([]);
    expect(parse(' \r\n')).toEqual([]);
  });

  it('reads the convenience parseEventText to the same events as the stream', async () => {
    const text = fixtureText('success-after-failures.xml');
    expect(eventsOf(parse(text))).toEqual((await readBytes(Buffer.from(text), { source: 'x.xml' })).events);
  });

  it('reads the same events with either reader from every fixture', async () => {
    const names = readdirSync(new URL('../../fixtures/events/', import.meta.url)).filter((n) => n.endsWith('.xml') && n !== 'with-dtd.xml');
    for (const name of names) {
      expect(await readFixture(name, { reader: 'fast' }), name).toEqual(await readFixture(name, { reader: 'fast-xml-parser' }));
    }
  });
});

describe('parseEventText: the pre-filter', () => {
  it('keeps only Microsoft-Windows-AAD events by default', async () => {
    const { events } = await readFixture('noise-other-providers.xml');
    expect(new Set(events.map((e) => e.Provider))).toEqual(new Set(['Microsoft-Windows-AAD']));
    expect(events).toHaveLength(5);
  });

  it('asks keep() with the provider and event id read from the raw text', async () => {
    const asked: string[] = [];
    await readFixture('noise-other-providers.xml', { keep: (p, id) => (asked.push(`${p}/${id}`), false) });
    expect(asked).toContain('Microsoft-Windows-Security-Auditing/4624');
    expect(asked).toContain('Service Control Manager/7036');
    expect(asked).toContain('Microsoft-Windows-AAD/1081');
  });

  it('reads other providers when keep() asks for them, UserData included', async () => {
    const { events } = await readFixture('noise-other-providers.xml', { keep: (p) => p === 'Microsoft-Windows-Eventlog' });
    expect(events[0]?.Data.map((d) => d.Name)).toEqual(['SubjectUserSid', 'SubjectUserName', 'SubjectDomainName', 'SubjectLogonId']);
  });

  it('does not report a broken event of a provider it skips', () => {
    const broken = `<Event ${NS}><System><Provider Name='Other'/><EventID>7</EventID></System><EventData><Data>x</Dat></EventData></Event>`;
    expect(parse(broken + event())).toHaveLength(1);
  });
});

describe('parseEventText: broken events are skipped and reported', () => {
  it('reports a malformed event in the middle and reads the others', async () => {
    const { events, problems } = await readFixture('malformed-middle.xml');
    expect(events.map((e) => e.EventId)).toEqual([1006, 1144, 1081, 1007]);
    expect(problems).toEqual([
      { Source: 'malformed-middle.xml', Index: 3, Message: expect.stringMatching(/^Event #3 \(EventRecordID 5312\) in `malformed-middle.xml` is not well-formed XML: .*<\/Dat>/) },
    ]);
  });

  it('reports the cut last event of a truncated file', async () => {
    const { events, problems } = await readFixture('truncated.xml');
    expect(events).toHaveLength(4);
    expect(problems[0]?.Index).toBe(5);
    expect(problems[0]?.Message).toMatch(/cut off at the end/);
  });

  it('reports an event cut before the next one begins and reads the next', () => {
    const items = parse(event().slice(0, 200) + '\r\n' + event(undefined, { rid: 2 }));
    expect(problemsOf(items)[0]?.Message).toMatch(/another <Event> begins/);
    expect(eventsOf(items).map((e) => e.EventRecordID)).toEqual([2]);
  });

  it('reports an event without System', () => {
    const items = parse(`<Event ${NS}><EventData><Data>x</Data></EventData></Event>`, { keep: () => true });
    expect(problemsOf(items)[0]?.Message).toMatch(/has no <System> header/);
  });

  it('reports an event without a readable time, EventID or EventRecordID', () => {
    expect(problemsOf(parse(event(undefined, { time: 'soon' })))[0]?.Message).toMatch(/unreadable time/);
    expect(problemsOf(parse(event(undefined, { id: 'x' }), { keep: () => true }))[0]?.Message).toMatch(/no readable <EventID>/);
    expect(problemsOf(parse(event().replace('<EventRecordID>1</EventRecordID>', '')))[0]?.Message).toMatch(/no readable <EventRecordID>/);
  });

  it('reports an empty <Event/> element', () => {
    expect(problemsOf(parse(`<Event/>${event()}`))[0]?.Message).toMatch(/empty <Event\/>/);
  });

  it('reports an event larger than the limit and reads the next', () => {
    const scanner = new EventScanner({ source: 'big.xml', maxElementChars: 2000 });
    const out: EventParseItem[] = [];
    const big = event(`<EventData><Data Name='d'>${'x'.repeat(5000)}</Data></EventData>`);
    for (let i = 0; i < big.length; i += 500) scanner.push(big.slice(i, i + 500), out);
    scanner.push(event(undefined, { rid: 9 }), out);
    scanner.end(out);
    expect(problemsOf(out)[0]?.Message).toMatch(/larger than 2000 characters/);
    expect(eventsOf(out).map((e) => e.EventRecordID)).toEqual([9]);
  });

  it('counts every element, kept or not, in the Index of a problem', () => {
    const other = `<Event ${NS}>${system({ provider: "<Provider Name='Other'/>" })}</Event>`;
    const items = parse(other + other + event().replace('</Data>', '</Dat>'));
    expect(problemsOf(items)[0]?.Index).toBe(3);
  });
});

describe('parseEventText: refused inputs', () => {
  it('refuses a file with a DTD, naming the file', async () => {
    const error = await badInputOf(() => readFixture('with-dtd.xml'));
    expect(error.id).toBe('EventXmlHasDtd');
    expect(error.message).toMatch(/^`with-dtd.xml` contains a DTD \(<!DOCTYPE/);
  });

  it('refuses a DTD split across two chunks', async () => {
    const bytes = Buffer.from(`<?xml version="1.0"?><!DOCTYPE x>${event()}`);
    for (const size of [1, 24, 25, 26, 27]) {
      await badInputOf(() => readBytes(bytes, {}, size));
    }
  });

  it('refuses an ENTITY declaration anywhere, even after good events', async () => {
    const error = await badInputOf(() => readBytes(Buffer.from(`${event()}<!ENTITY a "b">`)));
    expect(error.message).toMatch(/<!ENTITY/);
  });

  it('refuses a file that is neither XML nor Event Viewer text, naming the file and quoting its start', async () => {
    const error = await badInputOf(() => readFixture('not-xml.txt'));
    expect(error.id).toBe('NotEventXml');
    expect(error.message).toMatch(/^`not-xml.txt` is neither event XML nor Event Viewer text \(it starts with "Hi,/);
  });

  it('refuses XML that holds no Event element', async () => {
    const error = await badInputOf(() => readBytes(Buffer.from('<?xml version="1.0"?><html><body>hello</body></html>')));
    expect(error.message).toMatch(/is XML without any <Event> element/);
  });
});

describe('parseEventStream: memory', () => {
  it('holds only a bounded tail while reading megabytes without an event', () => {
    const scanner = new EventScanner({ source: 'junk.txt' });
    const out: EventParseItem[] = [];
    let largest = 0;
    for (let i = 0; i < 200; i++) {
      scanner.push('lorem ipsum <Even'.padEnd(64 * 1024, '.'), out);
      largest = Math.max(largest, scanner.bufferedChars);
    }
    expect(largest).toBeLessThanOrEqual(6);
  });

  it('holds at most one unfinished element between chunks', () => {
    const scanner = new EventScanner({ source: 'log.xml' });
    const out: EventParseItem[] = [];
    const text = event().repeat(300);
    let largest = 0;
    for (let i = 0; i < text.length; i += 1000) {
      scanner.push(text.slice(i, i + 1000), out);
      largest = Math.max(largest, scanner.bufferedChars);
    }
    scanner.end(out);
    expect(eventsOf(out)).toHaveLength(300);
    expect(largest).toBeLessThan(event().length);
  });

  it('collects events and problems of a stream with readEvents', async () => {
    const result = await readEvents(chunked(fixtureBytes('malformed-middle.xml')), { source: 'm.xml' });
    expect([result.events.length, result.problems.length]).toEqual([4, 1]);
  });
});
