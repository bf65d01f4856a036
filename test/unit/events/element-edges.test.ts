// One <Event> element read into an event, at its edges (events-scan mutation run), through both
// readers (`fast`, and `fast-xml-parser`, which the fast one hands UserData, markup in a value and
// CDATA to): missing and blank System values, payload shapes other than a flat list of named
// <Data> (<Binary>, <ComplexData>, unnamed <Data>, pretty-printed UserData), the rendered message
// when it is blank or missing, and what a problem says when an event cannot be read.
import { describe, expect, it } from 'vitest';
import { parseEventText, type EventReader } from '../../../src/events/parse.js';
import type { AadEvent } from '../../../src/events/types.js';

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
const AAD = "<Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>";
const TIME = "<TimeCreated SystemTime='2026-11-20T09:13:41.1234567Z'/>";
const REST =
  "<EventRecordID>5121</EventRecordID><Correlation ActivityID='{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}'/><Execution ProcessID='812' ThreadID='4404'/>" +
  "<Channel>Microsoft-Windows-AAD/Operational</Channel><Computer>PC-0042.contoso.com</Computer><Security UserID='S-1-5-18'/>";
/** An AAD Operational event as `wevtutil qe … /f:xml` writes it; parts can be swapped. */
const aadEvent = (o: { provider?: string; time?: string; rest?: string; payload?: string; rendering?: string } = {}): string =>
  `<Event ${NS}><System>${o.provider ?? AAD}<EventID>1098</EventID><Version>0</Version><Level>2</Level><Task>101</Task><Opcode>0</Opcode>` +
  `<Keywords>0x4000000000000000</Keywords>${o.time ?? TIME}${o.rest ?? REST}</System>` +
  `${o.payload ?? "<EventData><Data Name='Error'>0xcaa2000c</Data><Data Name='ErrorMessage'>The request requires user interaction.</Data></EventData>"}${o.rendering ?? ''}</Event>`;

const READERS: EventReader[] = ['fast', 'fast-xml-parser'];
const keepAll = () => true;

function read(xml: string, reader: EventReader): { events: AadEvent[]; problems: string[] } {
  const items = parseEventText(xml, { source: 'events.xml', keep: keepAll, reader });
  return { events: items.flatMap((i) => ('event' in i ? [i.event] : [])), problems: items.flatMap((i) => ('problem' in i ? [i.problem.Message] : [])) };
}

function only(xml: string, reader: EventReader): AadEvent {
  const { events, problems } = read(xml, reader);
  expect(problems).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0] as AadEvent;
}

describe.each(READERS)('the %s reader: the System header', (reader) => {
  it('names the AAD provider from its GUID alone', () => {
    const e = only(aadEvent({ provider: "<Provider Guid='{4DE9BC9C-B27A-43C9-8994-0915F1A5E24F}'/>" }), reader);
    expect(e.Provider).toBe('Microsoft-Windows-AAD');
  });

  it('names another provider that has only a GUID by that GUID, not as AAD', () => {
    // A manifest-less provider (e.g. read from an .etl on another machine) has no Name.
    const e = only(aadEvent({ provider: "<Provider Guid='{3da5c8b3-2d8b-4e0f-a1c8-7f0f1d2b9e11}'/>" }), reader);
    expect(e.Provider).toBe('{3da5c8b3-2d8b-4e0f-a1c8-7f0f1d2b9e11}');
  });

  it('trims System values an XML formatter put on their own lines', () => {
    const formatted = aadEvent({
      provider: "<Provider Name='Microsoft-Windows-AAD' Guid='\n      {4de9bc9c-b27a-43c9-8994-0915f1a5e24f}\n    '/>",
      rest: '<EventRecordID>\n      5121\n    </EventRecordID>\n    <Channel>\n      Microsoft-Windows-AAD/Operational\n    </Channel>\n    <Computer>\n      PC-0042.contoso.com\n    </Computer>\n    <Security UserID=\' S-1-5-18 \'/>',
    });
    const e = only(formatted, reader);
    expect([e.EventRecordID, e.Channel, e.Computer, e.UserSid]).toEqual([5121, 'Microsoft-Windows-AAD/Operational', 'PC-0042.contoso.com', 'S-1-5-18']);
    // The GUID alone, with the same blanks around it, is still the AAD provider.
    const guidOnly = only(formatted.replace("Name='Microsoft-Windows-AAD' ", ''), reader);
    expect(guidOnly.Provider).toBe('Microsoft-Windows-AAD');
  });

  it("gives '' for a missing or empty Channel and Computer", () => {
    const e = only(aadEvent({ rest: '<EventRecordID>5121</EventRecordID><Channel></Channel>' }), reader);
    expect([e.Channel, e.Computer]).toEqual(['', '']);
  });

  it('reports an event without TimeCreated as such, not as one without an EventID', () => {
    // A paste trimmed by hand down to the provider and the event id.
    const { events, problems } = read(`<Event ${NS}><System>${AAD}<EventID>1098</EventID></System></Event>`, reader);
    expect(events).toEqual([]);
    expect(problems).toEqual(['Event #1 in `events.xml` has no <TimeCreated SystemTime>; it was skipped.']);
  });

  it('quotes at most 40 characters of an unreadable time', () => {
    const local = 'Freitag, 20. November 2026 10:13:41 Mitteleuropäische Normalzeit';
    const { problems } = read(aadEvent({ time: `<TimeCreated SystemTime='${local}'/>` }), reader);
    expect(problems).toEqual([`Event #1 (EventRecordID 5121) in \`events.xml\` has an unreadable time (${local.slice(0, 40)}); it was skipped.`]);
  });

  it('reports an event fast-xml-parser refuses (an element named "constructor") as a problem, and reads the next', () => {
    const refused = aadEvent({ payload: "<UserData><Op xmlns='urn:x'><constructor>x</constructor></Op></UserData>" });
    const { events, problems } = read(refused + aadEvent(), reader);
    expect(problems).toEqual([expect.stringMatching(/^Event #1 .*in `events\.xml` could not be parsed: .*constructor.*; it was skipped\.$/)]);
    expect(events.map((e) => e.EventRecordID)).toEqual([5121]);
  });

  it('reports an event without a System header', () => {
    const { problems } = read(`<Event ${NS}><EventData><Data Name='Error'>0xcaa2000c</Data></EventData></Event>`, reader);
    expect(problems).toEqual(['Event #1 in `events.xml` has no <System> header; it was skipped.']);
  });
});

describe.each(READERS)('the %s reader: the payload', (reader) => {
  it('has no fields when the event has no EventData', () => {
    expect(only(aadEvent({ payload: '' }), reader).Data).toEqual([]);
  });

  it('does not count <Binary> as a field', () => {
    const e = only(aadEvent({ payload: "<EventData><Data Name='Error'>0xcaa2000c</Data><Binary>0C00A2CA</Binary></EventData>" }), reader);
    expect(e.Data).toEqual([{ Name: 'Error', Value: '0xcaa2000c' }]);
  });

  it('counts <ComplexData> as a field in its place, so the fields after it keep their positions', () => {
    const flat = only(aadEvent({ payload: "<EventData><Data Name='Error'>0xcaa2000c</Data><ComplexData Name='Context'>tenant</ComplexData><Data Name='Url'>https://login.microsoftonline.com/common</Data></EventData>" }), reader);
    expect(flat.Data).toEqual([
      { Name: 'Error', Value: '0xcaa2000c' },
      { Name: 'Context', Value: 'tenant' },
      { Name: 'Url', Value: 'https://login.microsoftonline.com/common' },
    ]);
    const nested = only(aadEvent({ payload: "<EventData><Data Name='Error'>0xcaa2000c</Data><ComplexData Name='Context'><Data Name='Tenant'>contoso</Data></ComplexData><Data Name='Url'>https://login.microsoftonline.com/common</Data></EventData>" }), reader);
    expect(nested.Data.map((f) => f.Name)).toEqual(['Error', 'Context', 'Url']);
    expect(nested.Data[2]?.Value).toBe('https://login.microsoftonline.com/common');
  });

  it('keeps <Data> without a Name (classic events) with a null name', () => {
    const e = only(aadEvent({ payload: '<EventData><Data>0xcaa2000c</Data><Data>interaction_required</Data></EventData>' }), reader);
    expect(e.Data).toEqual([{ Name: null, Value: '0xcaa2000c' }, { Name: null, Value: 'interaction_required' }]);
  });

  it('reads a value held in a CDATA section', () => {
    const e = only(aadEvent({ payload: "<EventData><Data Name='ErrorMessage'><![CDATA[Use <b>Continue</b> to sign in]]></Data></EventData>" }), reader);
    expect(e.Data).toEqual([{ Name: 'ErrorMessage', Value: 'Use <b>Continue</b> to sign in' }]);
  });

  it('keeps a CDATA section as it is written: an entity in it is text, not decoded', () => {
    const e = only(aadEvent({ payload: "<EventData><Data Name='Query'>a=1&amp;<![CDATA[b=2&amp;c=<3>]]>&#x41;</Data></EventData>" }), reader);
    expect(e.Data).toEqual([{ Name: 'Query', Value: 'a=1&b=2&amp;c=<3>A' }]);
    const u = only(aadEvent({ payload: "<UserData><Op xmlns='urn:x'><Query><![CDATA[b=2&amp;c]]></Query></Op></UserData>" }), reader);
    expect(u.Data).toEqual([{ Name: 'Query', Value: 'b=2&amp;c' }]);
    // A CDATA section between UserData elements is no field, as white space between them is none.
    const between = only(aadEvent({ payload: "<UserData><Op xmlns='urn:x'><![CDATA[note]]><Status>0xc000006d</Status></Op></UserData>" }), reader);
    expect(between.Data).toEqual([{ Name: 'Status', Value: '0xc000006d' }]);
  });

  it('decodes entities in markup inside a value once', () => {
    const e = only(aadEvent({ payload: "<EventData><Data Name='ErrorMessage'>Ask <b>R&amp;D</b> &lt;helpdesk&gt;</Data></EventData>" }), reader);
    expect(e.Data).toEqual([{ Name: 'ErrorMessage', Value: 'Ask R&D <helpdesk>' }]);
  });

  it('flattens pretty-printed UserData into its leaves only, empty ones included', () => {
    const userData = `
  <UserData>
    <LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">
      <SubjectUserSid>S-1-5-21-1004336348-1177238915-682003330-512</SubjectUserSid>
      <SubjectUserName>admin</SubjectUserName>
      <SubjectDomainName></SubjectDomainName>
      <SubjectLogonId>0x3e7</SubjectLogonId>
    </LogFileCleared>
  </UserData>
`;
    const e = only(aadEvent({ payload: userData }), reader);
    expect(e.Data).toEqual([
      { Name: 'SubjectUserSid', Value: 'S-1-5-21-1004336348-1177238915-682003330-512' },
      { Name: 'SubjectUserName', Value: 'admin' },
      { Name: 'SubjectDomainName', Value: '' },
      { Name: 'SubjectLogonId', Value: '0x3e7' },
    ]);
  });

  it('names a UserData field by its local name, without a namespace prefix', () => {
    const e = only(aadEvent({ payload: "<UserData><ev:Operation xmlns:ev='http://example.com/events'><ev:Status>0xc000006d</ev:Status></ev:Operation></UserData>" }), reader);
    expect(e.Data).toEqual([{ Name: 'Status', Value: '0xc000006d' }]);
  });
});

describe.each(READERS)('the %s reader: the rendered message', (reader) => {
  it('trims the message and reads it from a pretty-printed RenderingInfo', () => {
    const rendering = "\n  <RenderingInfo Culture='en-US'>\n    <Message>\n      Error: 0xCAA2000C The request requires user interaction.\n    </Message>\n    <Level>Error</Level>\n  </RenderingInfo>\n";
    expect(only(aadEvent({ rendering }), reader).Message).toBe('Error: 0xCAA2000C The request requires user interaction.');
  });

  it('gives null for a blank message', () => {
    expect(only(aadEvent({ rendering: "<RenderingInfo Culture='en-US'><Message> \r\n </Message><Level>Error</Level></RenderingInfo>" }), reader).Message).toBeNull();
    expect(only(aadEvent({ rendering: "<RenderingInfo Culture='en-US'><Message></Message></RenderingInfo>" }), reader).Message).toBeNull();
  });

  it('gives null when RenderingInfo has no message (its message file is missing on the reading machine)', () => {
    const rendering = "<RenderingInfo Culture='en-US'><Level>Error</Level><Task>AadTokenBrokerPlugin Operation</Task><Opcode>Info</Opcode></RenderingInfo>";
    expect(only(aadEvent({ rendering }), reader).Message).toBeNull();
  });
});
