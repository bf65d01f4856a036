import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEventText, type EventReader } from '../../../src/events/parse.js';
import type { AadEvent, EventParseItem } from '../../../src/events/types.js';

// Edges of the XML check (xml.ts) found by the events-scan mutation run, through the event reader
// (test/mutation/events-scan-xml-survivors.md). Every element comes from the scanner, so it runs
// from `<Event` to the `>` of its `</Event>`.

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
const SYSTEM =
  "<System><Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/><EventID>1098</EventID><Version>0</Version>" +
  "<Level>2</Level><Task>101</Task><Opcode>0</Opcode><Keywords>0x4000000000000000</Keywords><TimeCreated SystemTime='2026-11-20T09:13:41.1234567Z'/>" +
  "<EventRecordID>7</EventRecordID><Correlation/><Execution ProcessID='812' ThreadID='4404'/><Channel>Microsoft-Windows-AAD/Operational</Channel>" +
  "<Computer>PC-0042.contoso.com</Computer><Security UserID='S-1-5-18'/></System>";

/** An AAD event as wevtutil writes it, with `payload` after the System header. */
const event = (payload: string, system = SYSTEM): string => `<Event ${NS}>${system}${payload}</Event>`;
const eventData = (...fields: string[]): string => event(`<EventData>${fields.join('')}</EventData>`);

const readers: EventReader[] = ['fast', 'fast-xml-parser'];
const parse = (text: string, reader: EventReader = 'fast'): EventParseItem[] => parseEventText(text, { source: 'x.xml', reader });

/** The single event `text` holds, read by `reader` (fails the test with the problem otherwise). */
function only(text: string, reader: EventReader = 'fast'): AadEvent {
  const items = parse(text, reader);
  expect(items.map((i) => ('problem' in i ? i.problem.Message : 'event'))).toEqual(['event']);
  const item = items[0];
  if (item === undefined || !('event' in item)) throw new Error('no event');
  return item.event;
}

/** Why the single element of `text` was skipped, after "is not well-formed XML: ", by both readers. */
function refusal(text: string): string {
  const why = readers.map((reader) => {
    const items = parse(text, reader);
    expect(items).toHaveLength(1);
    const item = items[0];
    if (item === undefined || !('problem' in item)) throw new Error(`the ${reader} reader read it`);
    const m = /^Event #1(?: \(EventRecordID 7\))? in `x\.xml` is not well-formed XML: (.*); it was skipped\.$/s.exec(item.problem.Message);
    if (m === null) throw new Error(`unexpected message: ${item.problem.Message}`);
    return m[1] ?? '';
  });
  expect(why[1]).toBe(why[0]);
  return why[0] ?? '';
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the fast reader: wevtutil’s schema in one pass', () => {
  it('reads a plain event and one re-indented with blanks before ">" of closing tags without fast-xml-parser, as fast-xml-parser reads them', () => {
    const plain = eventData("<Data Name='Error'>0xcaa2000c</Data>", "<Data Name='ErrorDescription'/>");
    const reindented = plain.replace(/<\/(Data|EventID|Level|Channel|Computer)>/g, '</$1\r\n  >');
    const parsed = vi.spyOn(XMLParser.prototype, 'parse');
    const fast = [only(plain), only(reindented)];
    expect(parsed).not.toHaveBeenCalled();
    expect(fast[1]).toEqual(fast[0]);
    expect(fast[0]?.Data).toEqual([{ Name: 'Error', Value: '0xcaa2000c' }, { Name: 'ErrorDescription', Value: '' }]);
    expect([only(plain, 'fast-xml-parser'), only(reindented, 'fast-xml-parser')]).toEqual(fast);
  });
});

describe('comments, CDATA sections and processing instructions inside an event', () => {
  it('keeps a CDATA section’s text literally, "&" included, and checks the text and attributes after it', () => {
    for (const reader of readers) {
      const e = only(eventData("<Data Name='Team'><![CDATA[R&D <Identity>]]></Data>", "<Data Name='Note'>a &amp; b</Data>", "<Data Name='Tenant'>contoso</Data>"), reader);
      expect(e.Data, reader).toEqual([
        { Name: 'Team', Value: 'R&D <Identity>' },
        { Name: 'Note', Value: 'a & b' },
        { Name: 'Tenant', Value: 'contoso' },
      ]);
    }
  });

  it('reads adjacent CDATA sections (how "]]>" is written inside one) and adjacent comments', () => {
    for (const reader of readers) {
      expect(only(eventData("<Data Name='v'>a<![CDATA[]]]]><![CDATA[>]]>b</Data>"), reader).Data, reader).toEqual([{ Name: 'v', Value: 'a]]>b' }]);
      expect(only(eventData("<Data Name='v'>a<!-- one --><!-- two -->b</Data>"), reader).Data, reader).toEqual([{ Name: 'v', Value: 'ab' }]);
    }
  });

  it('skips a comment or processing instruction whose text holds "&" or "<", with what is around it kept', () => {
    for (const reader of readers) {
      const e = only(eventData("<Data Name='a'>x<!-- <b> R&D -->y</Data>", "<Data Name='b'>y<?note R&D?>z</Data>", "<Data Name='c'>z<?a?><?b?></Data>"), reader);
      expect(e.Data, reader).toEqual([
        { Name: 'a', Value: 'xy' },
        { Name: 'b', Value: 'yz' },
        { Name: 'c', Value: 'z' },
      ]);
    }
  });

  it('refuses a comment, CDATA section or processing instruction that is not closed', () => {
    expect(refusal(eventData("<Data Name='a'>x<!-- note</Data>"))).toBe('a comment is not closed');
    expect(refusal(eventData("<Data Name='a'><![CDATA[x</Data>"))).toBe('a CDATA section is not closed');
    expect(refusal(eventData("<Data Name='a'>x<?note </Data>"))).toBe('a processing instruction is not closed');
  });
});

describe('malformed elements: what the problem says', () => {
  it('a "<" in a value, with its position in the element', () => {
    const text = eventData("<Data Name='Expression'>a < b</Data>");
    expect(refusal(text)).toBe(`a "<" is not followed by an element name (at character ${text.indexOf('< b')})`);
  });

  it('a start tag that closes itself before the event’s content, or before its closing tag', () => {
    expect(refusal(`<Event ${NS}/>${SYSTEM}</Event>`)).toBe('a second element follows its root element');
    expect(refusal(`<Event ${NS}/>\r\n</Event>`)).toBe('its closing tag </Event> has no opening tag');
    // A CDATA section is text, so it cannot stand outside the root either.
    expect(refusal(`<Event ${NS}/><![CDATA[x]]></Event>`)).toBe('it holds a declaration (<!…) that event XML never has');
  });

  it('a misspelled closing tag, quoted without the blanks before ">"', () => {
    expect(refusal(eventData("<Data Name='a'>x</Dat>"))).toBe('its closing tag </Dat> does not match <Data>');
    expect(refusal(eventData("<Data Name='a'>x</Dat\r\n  >"))).toBe('its closing tag </Dat> does not match <Data>');
    // It only begins with the open element's name, after a one-character value.
    expect(refusal(event('', SYSTEM.replace('<Task>101</Task>', '<Task>0</Tasks>')))).toBe('its closing tag </Tasks> does not match <Task>');
  });

  it('element names longer than 40 characters are shortened in the message, 40 are not', () => {
    const long = 'CertificateEnrollmentPolicyServerRequestFailure'; // 47
    const forty = long.slice(0, 40);
    expect(refusal(event(`<UserData><${long}>x</${long}s></UserData>`))).toBe(`its closing tag </${long.slice(0, 37)}...> does not match <${long.slice(0, 37)}...>`);
    const misspelled = `${forty.slice(0, 39)}X`;
    expect(refusal(event(`<UserData><${forty}>x</${misspelled}></UserData>`))).toBe(`its closing tag </${misspelled}> does not match <${forty}>`);
  });

  it('attributes: missing blank, stray "/", no value, an unclosed quote', () => {
    expect(refusal(event('', SYSTEM.replace("ProcessID='812' ThreadID", "ProcessID='812'ThreadID")))).toBe('the tag <Execution> has a stray character');
    expect(refusal(event('', SYSTEM.replace('<Correlation/>', '<Correlation / >')))).toBe('the tag <Correlation> has a stray character');
    expect(refusal(event('', SYSTEM.replace('<Correlation/>', '<Correlation x></Correlation>')))).toBe('the attribute x of <Correlation> has no value');
    expect(refusal(eventData('<Data Name="TargetName>contoso</Data>'))).toBe('the attribute Name of <Data> is not closed');
  });

  it('a repeated attribute after two others', () => {
    const provider = "<Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}' EventSourceName='AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>";
    expect(refusal(event('', SYSTEM.replace(/<Provider [^>]*>/, provider)))).toBe('the tag <Provider> repeats the attribute Guid');
  });
});

describe('references', () => {
  it('decodes entities in attribute values and refuses a bare "&" or an unknown entity there', () => {
    expect(only(eventData("<Data Name='R&amp;D'>1</Data>")).Data).toEqual([{ Name: 'R&D', Value: '1' }]);
    expect(refusal(eventData("<Data Name='R&D'>1</Data>"))).toBe('it has a bare "&" (XML needs &amp;)');
    expect(refusal(eventData("<Data Name='&nbsp;'>1</Data>"))).toBe('it uses the entity &nbsp; (no DTD: only the five XML entities exist)');
  });

  it('names a bare "&" as such even when an entity follows it', () => {
    expect(refusal(eventData("<Data Name='Subject'>Tom & Jerry &amp; friends</Data>"))).toBe('it has a bare "&" (XML needs &amp;)');
  });

  it('decodes a value whose second character is "&"', () => {
    expect(only(eventData("<Data Name='Team'>R&amp;D</Data>")).Data).toEqual([{ Name: 'Team', Value: 'R&D' }]);
  });

  it('takes character references at both ends of every range XML allows, and refuses the ones just outside', () => {
    const allowed = ['&#9;', '&#x20;', '&#xD7FF;', '&#xE000;', '&#xFFFD;', '&#x10000;', '&#x10FFFF;'];
    for (const reader of readers) {
      expect(only(eventData(`<Data Name='v'>${allowed.join('')}</Data>`), reader).Data, reader).toEqual([
        { Name: 'v', Value: '\t \uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}' },
      ]);
    }
    for (const ref of ['&#x1F;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#x110000;']) {
      expect(refusal(eventData(`<Data Name='v'>${ref}</Data>`)), ref).toBe(`it has the character reference ${ref}, which XML does not allow`);
    }
  });
});

describe('limits', () => {
  const nested = (depth: number): string => {
    // Event, UserData and depth - 2 elements inside it.
    const names = Array.from({ length: depth - 2 }, (_, i) => `L${i + 1}`);
    return event(`<UserData>${names.map((n) => `<${n}>`).join('')}x${[...names].reverse().map((n) => `</${n}>`).join('')}</UserData>`);
  };

  it('takes elements nested exactly 32 deep and refuses 33', () => {
    for (const reader of readers) expect(only(nested(32), reader).Data, reader).toEqual([{ Name: 'L30', Value: 'x' }]);
    expect(refusal(nested(33))).toBe('its elements are nested deeper than 32 levels');
  });

  it('takes exactly 32 attributes on one element and refuses 33', () => {
    const attrs = (n: number): string => Array.from({ length: n - 1 }, (_, i) => ` a${i}='1'`).join('');
    expect(only(eventData(`<Data Name='v'${attrs(32)}>x</Data>`)).Data).toEqual([{ Name: 'v', Value: 'x' }]);
    expect(refusal(eventData(`<Data Name='v'${attrs(33)}>x</Data>`))).toBe('the tag <Data> has more than 32 attributes');
  });
});
