// Event XML copied from Event Viewer's "XML View" (a `-` before each element with children), as
// Microsoft's own event pages print it and as admins paste it, fenced or not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/app/diagnose.js';
import { createHost } from '../../../src/host/create.js';
import { parseEventText } from '../../../src/events/parse.js';
import { fixtureBytes, fixtureText, readBytes } from './helpers.js';

const REAL = new URL('../../fixtures/real/events-xml/', import.meta.url);
const keepAll = () => true;

/** One event per line, one element per line, a `- ` before each element that has children (as the view draws it). */
function asXmlView(xml: string): string {
  // The view writes an empty element as `<Data Name="X" />`.
  const compact = xml.replace(/\r?\n/g, '&#xA;').replace(/<([A-Za-z][\w:.-]*)([^>]*[^/])><\/\1>/g, '<$1$2 />');
  const lines = compact.replace(/>\s*</g, '>\n<').split('\n');
  return lines
    .map((line, i) => {
      const opens = /^<([A-Za-z][\w:.-]*)[^>]*[^/]>$/.exec(line);
      const hasChildren = opens !== null && !line.includes('</') && lines[i + 1]?.startsWith('<') === true && !lines[i + 1]?.startsWith(`</${opens[1] ?? ''}`);
      return hasChildren ? `- ${line}` : `  ${line} `;
    })
    .join('\n');
}

describe('Event Viewer XML View pastes', () => {
  it('reads the real XML View of a Security event from Microsoft\'s docs as event XML', () => {
    const items = parseEventText(readFileSync(new URL('xml-view-ms-docs-4771-security.txt', REAL), 'utf8'), { source: 'xml-view.txt', keep: keepAll });
    const events = items.flatMap((item) => ('event' in item ? [item.event] : []));
    expect(items.filter((item) => 'problem' in item)).toEqual([]);
    expect(events.map((e) => [e.EventId, e.Channel, e.Provider, e.TimeCreated])).toEqual([[4771, 'Security', 'Microsoft-Windows-Security-Auditing', '2015-08-07T18:10:21.495462300Z']]);
    expect(events[0]?.Data.find((field) => field.Name === 'Status')?.Value).toBe('0x10');
  });

  it('keeps only AAD events from it by default, without calling it "not event XML"', () => {
    const items = parseEventText(readFileSync(new URL('xml-view-ms-docs-4771-security.txt', REAL), 'utf8'), { source: 'xml-view.txt' });
    expect(items).toEqual([]);
  });

  it.each(['token-broker-1098.toxml.xml', 'network-unreachable-12029.xml', 'success-after-failures.xml'])(
    '%s as an XML View paste, bare or in a Markdown fence and in small chunks, gives the same events as its XML',
    async (name) => {
      const original = await readBytes(fixtureBytes(name), { source: name });
      expect(original.events.length).toBeGreaterThan(0);
      const view = asXmlView(fixtureText(name));
      expect(view).toMatch(/^- <Event/);
      for (const paste of [view, `Here is the event:\n\`\`\`xml\n${view}\n\`\`\`\n`]) {
        const read = await readBytes(new TextEncoder().encode(paste), { source: name }, 7);
        expect(read.problems).toEqual([]);
        expect(read.events).toEqual(original.events);
      }
    },
  );

  it('still reads Event Viewer text whose first line starts with a dash', async () => {
    const text = `- pasted from the user's PC\n${fixtureText('text-1144-1104-messages.txt')}`;
    const read = await readBytes(new TextEncoder().encode(text), { source: 'ticket.txt' });
    expect(read.events.length).toBeGreaterThan(0);
    expect(read.events.every((e) => e.FromText !== undefined)).toBe(true);
  });
});

describe('AAD errors outside any PRT attempt', () => {
  it('are listed per event and code with their count and times, and named in the summary when there is no attempt', async () => {
    // The log without its Analytic window (1006/1007): what an Operational-only export shows.
    const operational = fixtureText('token-broker-1098.toxml.xml')
      .split('</Event>')
      .filter((element) => !/<EventID>100[67]<\/EventID>/.test(element))
      .join('</Event>');
    const paste = asXmlView(operational);
    const file = new URL('../../.tmp/outside-1098.txt', import.meta.url);
    (await import('node:fs')).mkdirSync(new URL('./', file), { recursive: true });
    // The same log again with other record numbers: the same errors logged a second time, later.
    const again = paste.replace(/<EventRecordID>(\d+)/g, (_m, id: string) => `<EventRecordID>${Number(id) + 10_000}`).replace(/SystemTime='2026-11-25T10/g, "SystemTime='2026-11-25T11");
    (await import('node:fs')).writeFileSync(file, `${paste}\n${paste}\n${again}\n`);
    const diagnosis = await diagnose(createHost({}, 'linux'), { events: [file.pathname] });
    expect(diagnosis.Attempts).toEqual([]);
    // A record pasted twice is one event; the renumbered copies are the same kinds, counted twice.
    expect(diagnosis.OutsideErrors.map((kind) => [kind.EventId, kind.Codes.join(' '), kind.Count]).sort()).toEqual([
      [1098, '0xcaa20003', 2],
      [1098, '0xcaa5001c 0xcaa10009', 2],
    ]);
    const grant = diagnosis.OutsideErrors.find((kind) => kind.Codes[0] === '0xcaa20003');
    expect(grant?.Explained[0]?.Name).toBe('ERROR_ADAL_SERVER_ERROR_INVALID_GRANT');
    expect([grant?.First?.slice(11, 13), grant?.Last?.slice(11, 13)]).toEqual(['10', '11']);
    expect(diagnosis.Summary).toMatch(/4 error events outside any PRT attempt/);
    expect(diagnosis.Summary).not.toMatch(/nothing failed/);
  });

  it('leave the summary to the attempts when there are attempts', async () => {
    const diagnosis = await diagnose(createHost({}, 'linux'), { events: [new URL('../../fixtures/events/token-broker-1098.toxml.xml', import.meta.url).pathname] });
    expect(diagnosis.Attempts.length).toBeGreaterThan(0);
    expect(diagnosis.OutsideErrors.map((kind) => kind.EventId)).toEqual([1098]);
    expect(diagnosis.Summary).toMatch(/PRT attempt failed/);
  });
});

describe('XML View pastes, line by line', () => {
  const view = [
    '- <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '- <System>',
    '  <Provider Name="Microsoft-Windows-AAD" Guid="{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}" /> ',
    '  <EventID>1098</EventID> ',
    '  <TimeCreated SystemTime="2026-11-20T09:13:41.1234567Z" /> ',
    '  <EventRecordID>42</EventRecordID> ',
    '  <Channel>Microsoft-Windows-AAD/Operational</Channel> ',
    '  <Computer>PC-0042.contoso.com</Computer> ',
    '  </System>',
    '- <EventData>',
    '  <Data Name="Error">0xcaa2000c</Data> ',
    '  <Data Name="ErrorMessage">first line',
    'second line</Data> ',
    '  </EventData>',
    '  </Event>',
  ];

  it('keeps a value that spans lines as it was, newline included', () => {
    const items = parseEventText(view.join('\n'), { source: 'view.txt' });
    const event = items.flatMap((item) => ('event' in item ? [item.event] : []))[0];
    expect(event?.Data.find((field) => field.Name === 'ErrorMessage')?.Value).toBe('first line\nsecond line');
    expect(event?.EventRecordID).toBe(42);
  });

  it('reports a paste cut off inside the event, naming the file', () => {
    const items = parseEventText(view.slice(0, 11).join('\n'), { source: 'view.txt' });
    expect(items.flatMap((item) => ('problem' in item ? [item.problem.Message] : []))).toEqual([expect.stringMatching(/`view\.txt`.*cut off at the end/)]);
  });
});

// The error for a paste without events quotes what the reader saw: markers and fence lines taken
// off, the indentation before each marker kept (xml-view.ts unmark, the first line included).
describe('XML View pastes without an event', () => {
  it('quotes the paste without its fence and markers, indentation kept', () => {
    const paste = ['```xml', '- <Events>', '  - <Foo>', '      <Bar />', '    </Foo>', '  </Events>', '```', ''].join('\n');
    const seen = '<Events>\n  <Foo>\n      <Bar />\n    </Foo>\n  </Events>';
    expect(() => parseEventText(paste, { source: 'view.txt' })).toThrow(`is XML without any <Event> element (it starts with ${JSON.stringify(`${seen.slice(0, 40)}…`)})`);
  });
});
