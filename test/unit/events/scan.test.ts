import { describe, expect, it } from 'vitest';
import { parseEventText } from '../../../src/events/parse.js';
import { EventScanner } from '../../../src/events/scan.js';
import { badInputOf, messages, parse, readBytes, rids, scanPieces } from './helpers.js';

// The shape wevtutil writes, one AAD event (record id and provider as given).
const event = (rid = 1, provider = "<Provider Name='Microsoft-Windows-AAD'/>", id = '1022'): string =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>${provider}<EventID>${id}</EventID><Level>4</Level>` +
  `<TimeCreated SystemTime='2026-11-20T09:13:41.1234567Z'/><EventRecordID>${rid}</EventRecordID><Channel>Microsoft-Windows-AAD/Analytic</Channel>` +
  `<Computer>PC-0042</Computer></System><EventData><Data Name='value'>https://login.microsoftonline.com/common</Data></EventData></Event>`;



describe('EventScanner: where an element begins and ends', () => {
  it('does not take <Events>, <EventData> or <EventID> for the start of an element', () => {
    expect(rids(parse(`<Events>${event(1)}${event(2)}</Events>`))).toEqual([1, 2]);
  });

  it('takes an element whose tag name ends with a tab, a line break or "/"', () => {
    const tabbed = event(3).replace('<Event xmlns', '<Event\txmlns');
    const broken = event(4).replace('<Event xmlns', '<Event\r\nxmlns');
    expect(rids(parse(tabbed + broken))).toEqual([3, 4]);
    expect(messages(parse(`<Event/>${event(5)}`))).toEqual(['Event #1 in `x.xml` is an empty <Event/> element; it was skipped.']);
  });

  it('reads a closing tag with a line break or tab before ">", and not </Events> or </Event x>', () => {
    expect(rids(parse(event(1).replace(/<\/Event>$/, '</Event\r\n\t>')))).toEqual([1]);
    const items = parse(event(1).replace(/<\/Event>$/, '</Events>') + event(2));
    expect(messages(items)[0]).toMatch(/^Event #1 \(EventRecordID 1\) in `x.xml` is cut off: another <Event> begins/);
    expect(rids(items)).toEqual([2]);
    expect(messages(parse(event(1).replace(/<\/Event>$/, '</Event x>')))[0]).toMatch(/cut off at the end/);
  });

  it('finds an element cut by every chunk boundary, at the start tag and at the end tag', () => {
    const text = `\r\n${event(1)}\r\n${event(2)}\r\n`;
    const whole = scanPieces(text, []);
    expect(rids(whole)).toEqual([1, 2]);
    for (let cut = 1; cut < text.length; cut += 7) expect(scanPieces(text, [cut]), `cut at ${cut}`).toEqual(whole);
    const end = text.indexOf('</Event>');
    for (let cut = end; cut <= end + 8; cut++) expect(scanPieces(text, [cut]), `cut at ${cut}`).toEqual(whole);
    const start = text.indexOf('<Event', 10);
    for (let cut = start; cut <= start + 7; cut++) expect(scanPieces(text, [cut]), `cut at ${cut}`).toEqual(whole);
  });

  it('numbers problems by element position, skipped providers included', () => {
    const other = event(7, "<Provider Name='Service Control Manager'/>", '7036');
    const items = parse(`${other}<Event/>${event(8)}<Event/>`);
    expect(items.flatMap((i) => ('problem' in i ? [i.problem.Index] : []))).toEqual([2, 4]);
    expect(rids(items)).toEqual([8]);
  });
});

describe('EventScanner: the provider pre-filter', () => {
  it('keeps the AAD provider in any case and in double quotes, and one named by its GUID only', () => {
    const upper = event(1, '<Provider Name="MICROSOFT-WINDOWS-AAD"/>');
    const guid = event(2, "<Provider Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>");
    const bareGuid = event(3, "<Provider Guid='4DE9BC9C-B27A-43C9-8994-0915F1A5E24F'/>");
    expect(rids(parse(upper + guid + bareGuid))).toEqual([1, 2, 3]);
  });

  it('skips other providers, by name or by GUID, and a name that only starts like AAD’s', () => {
    const others = [
      event(1, "<Provider Name='Microsoft-Windows-AAD-Extra'/>"),
      event(2, "<Provider Name='Microsoft-Windows-AA'/>"),
      event(3, "<Provider Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}'/>"),
    ];
    expect(parse(others.join(''))).toEqual([]);
  });

  it('asks keep() with the event id of <EventID Qualifiers=…>, not of a look-alike element', () => {
    const asked: number[] = [];
    const text = event(1, "<Provider Name='Other'/><EventIDs>5</EventIDs>", '4624').replace('<EventID>', "<EventID Qualifiers='16384'>");
    parseEventText(text, { source: 'x.xml', keep: (_p, id) => (asked.push(id), false) });
    expect(asked).toEqual([4624]);
  });

  it('reads an element whose header cannot be peeked, and reports what is wrong with it', () => {
    // Six digits is no event id the pre-filter accepts: the element is read in full, then refused.
    expect(messages(parse(event(1, undefined, '123456')))).toEqual([]);
    expect(rids(parse(event(1, "<Provider Name=''/>")))).toEqual([]);
    expect(messages(parse(event(1, "<Provider Name=''/>")))[0]).toMatch(/has no provider/);
  });
});

describe('EventScanner: the end of the input', () => {
  it('reports a file that stops inside "<Event" after whole events', () => {
    for (const tail of ['<', '<E', '<Ev', '<Eve', '<Even', '<Event']) {
      const items = parse(`${event(1)}\r\n${tail}`);
      expect(rids(items), tail).toEqual([1]);
      expect(messages(items), tail).toEqual(['Event #2 in `x.xml` is cut off at the end (the file looks truncated); it was skipped.']);
    }
    expect(messages(parse(`${event(1)}\r\n</Events>\r\n`))).toEqual([]);
    expect(messages(parse(`${event(1)}<Ex`))).toEqual([]);
  });

  it('reads an export that holds no events as empty: prolog, comments, an empty <Events> root', () => {
    expect(parse('<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- exported -->\r\n<Events>\r\n</Events>\r\n')).toEqual([]);
    expect(parse('<?xml version="1.0"?><Events/>')).toEqual([]);
  });

  it('refuses a non-empty source without events, quoting at most 40 characters of its start', async () => {
    const long = `<html>${'x'.repeat(60)}</html>`;
    const error = await badInputOf(() => readBytes(Buffer.from(long), { source: 'page.html' }));
    expect(error.message).toContain(`\`page.html\` is XML without any <Event> element (it starts with "${long.slice(0, 40)}…")`);
    const short = await badInputOf(() => readBytes(Buffer.from('<html></html>'), { source: 'page.html' }));
    expect(short.message).toContain('(it starts with "<html></html>")');
  });

  it('tells text that is not XML from XML without events when the scanner is given it directly', () => {
    const scanner = new EventScanner({ source: 'notes.txt' });
    scanner.push('just some notes', []);
    expect(() => scanner.end([])).toThrow(/`notes.txt` is not event XML \(it starts with "just some notes"\)/);
  });

  it('refuses a large file of comments without events, even when it starts like an export', () => {
    const padded = `<?xml version="1.0"?><Events>${'<!-- pad -->'.repeat(500)}</Events>`;
    const scanner = new EventScanner({ source: 'big.xml' });
    for (let i = 0; i < padded.length; i += 1000) scanner.push(padded.slice(i, i + 1000), []);
    expect(() => scanner.end([])).toThrow(/is XML without any <Event> element/);
  });
});

describe('EventScanner: the size limit', () => {
  it('takes an element of exactly the limit and refuses one character more, whole or arriving in pieces', () => {
    const one = event(1);
    expect(rids(scanPieces(one, [], one.length))).toEqual([1]);
    expect(messages(scanPieces(one, [], one.length - 1))[0]).toMatch(/^Event #1 \(EventRecordID 1\) in `x.xml` is larger than \d+ characters; it was skipped\.$/);
    const big = one.replace('/common<', `/common${'x'.repeat(600)}<`);
    const pieces = [100, 200, 300, 400, 500, 600, 700];
    expect(rids(scanPieces(big + one, pieces, big.length))).toEqual([1, 1]);
    const refused = scanPieces(big + event(2), pieces, one.length);
    expect(messages(refused)).toEqual([`Event #1 (EventRecordID 1) in \`x.xml\` is larger than ${one.length} characters; it was skipped.`]);
    expect(rids(refused)).toEqual([2]);
  });
});

describe('EventScanner: a DTD', () => {
  it('finds <!DOCTYPE and <!ENTITY in any case, split anywhere across chunks', async () => {
    for (const decl of ['<!DOCTYPE x>', '<!doctype x>', '<!ENTITY a "b">']) {
      const text = `${event(1)}\r\n${decl}`;
      for (let cut = text.length - decl.length - 2; cut < text.length; cut++) {
        const scanner = new EventScanner({ source: 'x.xml' });
        expect(() => {
          scanner.push(text.slice(0, cut), []);
          scanner.push(text.slice(cut), []);
        }, `${decl} cut at ${cut}`).toThrow(/contains a DTD/);
      }
    }
    const many = new EventScanner({ source: 'x.xml' });
    expect(() => {
      for (const piece of ['<', '!', 'DOC', 'TYPE x>']) many.push(piece, []);
    }).toThrow(/contains a DTD \(<!DOCTYPE/);
  });

  it('does not take "!" elsewhere for a declaration', () => {
    expect(rids(parse(event(1).replace('https://login.microsoftonline.com/common', 'Hello! <!-- a comment --> &lt;!DOCTYPE'))).length).toBe(1);
  });
});
