import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepTpmEvents } from '../../../src/device/tpm-events.js';
import { parseEventText } from '../../../src/events/parse.js';
import { EventScanner } from '../../../src/events/scan.js';
import type { EventParseItem } from '../../../src/events/types.js';
import { badInputOf, messages, parse, readBytes, rids, scanPieces } from './helpers.js';

// Edges of the scanner found by the events-scan mutation run (test/mutation/events-scan-xml-survivors.md).

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
const AAD = "<Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>";

/** One event as `wevtutil qe /f:xml` writes it (System header, one Data field). */
const event = (rid: number, provider = AAD, eventId = '<EventID>1098</EventID>', open = `<Event ${NS}>`, close = '</Event>'): string =>
  `${open}<System>${provider}${eventId}<Version>0</Version><Level>2</Level><Task>101</Task><Opcode>0</Opcode>` +
  `<Keywords>0x4000000000000000</Keywords><TimeCreated SystemTime='2026-11-20T09:13:41.1234567Z'/><EventRecordID>${rid}</EventRecordID>` +
  `<Correlation/><Execution ProcessID='812' ThreadID='4404'/><Channel>Microsoft-Windows-AAD/Operational</Channel><Computer>PC-0042.contoso.com</Computer>` +
  `<Security UserID='S-1-5-18'/></System><EventData><Data Name='Error'>0xcaa2000c</Data></EventData>${close}`;



/** What `end()` throws for `text` pushed in pieces cut at `cuts` (the message), or null. */
function verdict(text: string, cuts: number[] = []): string | null {
  try {
    scanPieces(text, cuts);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('EventScanner: the provider pre-filter at its edges', () => {
  it('skips a provider whose name has the length of Microsoft-Windows-AAD (Microsoft-Windows-LSA)', () => {
    const lsa = event(1, "<Provider Name='Microsoft-Windows-LSA' Guid='{199fe037-2b82-40a9-82ac-e1d46c792b99}'/>", '<EventID>300</EventID>');
    expect(parse(lsa + event(2))).toEqual(parse(event(2)));
    expect(rids(parse(lsa + event(2)))).toEqual([2]);
  });

  it('reports a broken element of another provider, also when an element before or after it has an <EventID>', () => {
    const noId = event(2, "<Provider Name='Service Control Manager'/>", '');
    const items = parse(event(1) + noId + event(3));
    expect(rids(items)).toEqual([1, 3]);
    expect(messages(items)).toEqual(['Event #2 (EventRecordID 2) in `x.xml` has no readable <EventID>; it was skipped.']);
    // The last element of the file, with an event before it.
    expect(messages(parse(event(1) + noId))).toEqual(['Event #2 (EventRecordID 2) in `x.xml` has no readable <EventID>; it was skipped.']);
  });

  it('reports an element of another provider whose <EventID> is not a number rather than guess its id', () => {
    const lsa = "<Provider Name='Microsoft-Windows-LSA'/>";
    const items = parse(event(1, lsa, '<EventID>x6281</EventID>') + event(2, lsa, '<EventID>6281x</EventID>') + event(3));
    expect(rids(items)).toEqual([3]);
    expect(messages(items)).toEqual([
      'Event #1 (EventRecordID 1) in `x.xml` has no readable <EventID>; it was skipped.',
      'Event #2 (EventRecordID 2) in `x.xml` has no readable <EventID>; it was skipped.',
    ]);
  });

  it('reads the event id of an indented <EventID> for the filter (blanks and line breaks around the number)', () => {
    const indented = (rid: number, provider: string, id: number): string => event(rid, provider, `<EventID>\r\n        ${id}\r\n      </EventID>`);
    // Another provider's event is skipped on its id's provider, not read because the id has blanks.
    expect(rids(parse(indented(1, "<Provider Name='Microsoft-Windows-LSA'/>", 6281) + indented(2, AAD, 1098)))).toEqual([2]);
    // The TPM check keeps events by id: 1026 is kept, 1025 is not.
    const tpm = "<Provider Name='Microsoft-Windows-TPM-WMI' Guid='{7d5387b0-cbe0-11da-a94d-0800200c9a66}'/>";
    const items = parseEventText(indented(1, tpm, 1026) + indented(2, tpm, 1025), { source: 'wevtutil qe System', keep: keepTpmEvents });
    expect(items.map((i) => ('event' in i ? i.event.EventId : i.problem.Message))).toEqual([1026]);
  });
});

describe('EventScanner: which reader builds a kept event', () => {
  it('builds a plain wevtutil event in its own pass by default, and with fast-xml-parser when asked, with the same result', () => {
    const parsed = vi.spyOn(XMLParser.prototype, 'parse');
    const other = event(9, "<Provider Name='Service Control Manager'/>", '<EventID>7036</EventID>');
    const text = event(1) + other + event(2);
    const fast = parseEventText(text, { source: 'x.xml' });
    expect(parsed).not.toHaveBeenCalled();
    const generic = parseEventText(text, { source: 'x.xml', reader: 'fast-xml-parser' });
    expect(parsed).toHaveBeenCalledTimes(2); // the two kept elements; the skipped one is never parsed
    expect(generic).toEqual(fast);
    expect(rids(fast)).toEqual([1, 2]);
  });
});

describe('EventScanner: tags written with other blanks', () => {
  it('takes <Event> without attributes and a start tag broken by a bare line feed', () => {
    expect(rids(parse(event(1, AAD, undefined, '<Event>') + event(2, AAD, undefined, `<Event\n  ${NS}>`)))).toEqual([1, 2]);
  });

  it('takes a closing tag with a bare line feed or a tab before ">"', () => {
    expect(rids(parse(event(1, AAD, undefined, undefined, '</Event\n>') + event(2, AAD, undefined, undefined, '</Event\t>')))).toEqual([1, 2]);
  });

  it('reads the same events whatever chunk boundary cuts a closing tag with blanks before ">"', () => {
    const text = `${event(1, AAD, undefined, undefined, '</Event \r\n  >')}\r\n${event(2)}\r\n`;
    const whole = scanPieces(text, []);
    expect(rids(whole)).toEqual([1, 2]);
    const close = text.indexOf('</Event ');
    for (let cut = close; cut <= close + 14; cut++) expect(scanPieces(text, [cut]), `cut at ${cut}`).toEqual(whole);
  });
});

describe('EventScanner: cut-off and oversized elements', () => {
  it('reports each of two elements cut off at the end of a truncated export', () => {
    const second = event(2);
    const third = event(3);
    const text = event(1) + second.slice(0, second.indexOf('<Channel>')) + third.slice(0, third.indexOf('<Channel>'));
    const items = parse(text);
    expect(rids(items)).toEqual([1]);
    expect(messages(items)).toEqual([
      'Event #2 (EventRecordID 2) in `x.xml` is cut off: another <Event> begins before its </Event>; it was skipped.',
      'Event #3 (EventRecordID 3) in `x.xml` is cut off at the end (the file looks truncated); it was skipped.',
    ]);
  });

  it('names no record id for a cut-off element that had none, even after an event that has one', () => {
    const cut = event(2).slice(0, event(2).indexOf('<EventID>'));
    expect(messages(parse(event(1) + cut + event(3)))).toEqual([
      'Event #2 in `x.xml` is cut off: another <Event> begins before its </Event>; it was skipped.',
    ]);
  });

  it('names the record id of an indented export, with blanks around the number', () => {
    const indented = event(4).replace('<EventRecordID>4</EventRecordID>', '<EventRecordID> 4 </EventRecordID>');
    const cut = indented.slice(0, indented.indexOf('<Channel>'));
    expect(messages(parse(cut + event(5)))).toEqual([
      'Event #1 (EventRecordID 4) in `x.xml` is cut off: another <Event> begins before its </Event>; it was skipped.',
    ]);
  });

  it('names the oversized element’s own record id, whole or still arriving, not the one of the event before it', () => {
    const one = event(1);
    const big = event(2).replace('0xcaa2000c<', `0xcaa2000c${' '.repeat(2000)}<`);
    const text = one + big + event(3);
    const expected = `Event #2 (EventRecordID 2) in \`x.xml\` is larger than ${one.length} characters; it was skipped.`;
    const whole = scanPieces(text, [], one.length);
    expect(messages(whole)).toEqual([expected]);
    expect(rids(whole)).toEqual([1, 3]);
    // The first chunk holds event 1 and more than the limit of event 2, without its end.
    const arriving = scanPieces(text, [one.length + one.length + 500], one.length);
    expect(arriving).toEqual(whole);
  });

  it('takes an element within the limit that arrives in pieces after a whole event in the same chunk', () => {
    const text = event(1) + event(2);
    const half = event(1).length + Math.floor(event(2).length / 2);
    expect(rids(scanPieces(text, [half], event(1).length))).toEqual([1, 2]);
  });

  it('gives up an unfinished element as soon as it passes the limit: the buffer stays bounded and the problem says why', () => {
    const scanner = new EventScanner({ source: 'x.xml', maxElementChars: 4096 });
    const out: EventParseItem[] = [];
    const head = event(1).slice(0, event(1).indexOf('<EventData>'));
    scanner.push(`${head}<EventData><Data Name='Blob'>`, out);
    let largest = 0;
    for (let i = 0; i < 40; i++) {
      scanner.push('A'.repeat(1000), out);
      largest = Math.max(largest, scanner.bufferedChars);
    }
    scanner.end(out);
    expect(largest).toBeLessThanOrEqual(4096);
    expect(messages(out)).toEqual(['Event #1 (EventRecordID 1) in `x.xml` is larger than 4096 characters; it was skipped.']);
  });

  it('reports an unfinished element of exactly the limit at the end as cut off, not as too large', () => {
    const cut = event(1).slice(0, -1); // the file stops before the final ">"
    expect(messages(scanPieces(cut, [], cut.length))).toEqual(['Event #1 (EventRecordID 1) in `x.xml` is cut off at the end (the file looks truncated); it was skipped.']);
  });

  it('still reads the event after an oversized element cut off by it, when a chunk boundary splits its "<Event"', () => {
    const big = event(1).replace('0xcaa2000c<', `0xcaa2000c${' '.repeat(2000)}<`);
    const unfinished = big.slice(0, big.indexOf('</Data>'));
    const text = unfinished + event(2);
    for (const split of [1, 3, 5]) {
      const items = scanPieces(text, [unfinished.length + split], 1000);
      expect(rids(items), `split ${split}`).toEqual([2]);
      expect(messages(items), `split ${split}`).toEqual(['Event #1 (EventRecordID 1) in `x.xml` is larger than 1000 characters; it was skipped.']);
    }
  });
});

describe('EventScanner: a source without events', () => {
  it('refuses a file that is not event XML with the NotEventXml error, quoting its start without the blank lines around it', async () => {
    const page = '\r\n\r\n<html><body>Sign-in logs</body></html>\r\n';
    const error = await badInputOf(() => readBytes(Buffer.from(page), { source: 'page.html' }));
    expect(error.id).toBe('NotEventXml');
    expect(error.message).toContain('`page.html` is XML without any <Event> element (it starts with "<html><body>Sign-in logs</body></html>")');
  });

  it('refuses it however many blanks come first (they do not fill the sample that decides)', async () => {
    const page = `${' '.repeat(5000)}\r\n<html><body>Sign-in logs</body></html>`;
    const error = await badInputOf(() => Promise.resolve(parseEventText(page, { source: 'page.html' })));
    expect(error.message).toContain('is XML without any <Event> element (it starts with "<html><body>Sign-in logs</body></html>")');
    // Blanks alone, however many, are an export without events.
    const scanner = new EventScanner({ source: 'blank.xml' });
    const out: EventParseItem[] = [];
    scanner.push('\r\n'.repeat(3000), out);
    scanner.end(out);
    expect(out).toEqual([]);
  });

  it('quotes a start of exactly 40 characters whole, without "…"', () => {
    const forty = 'Log Name: Microsoft-Windows-AAD/Operatio';
    expect(forty).toHaveLength(40);
    expect(verdict(forty)).toContain(`is not event XML (it starts with "${forty}")`);
  });

  it('takes an empty export of exactly 4096 characters outside events as empty, and one character more as not event XML', () => {
    const shell = (length: number): string => {
      const open = '<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n<!-- ';
      const close = ' -->\r\n</Events>';
      return open + 'x'.repeat(length - open.length - close.length) + close;
    };
    expect(shell(4096)).toHaveLength(4096);
    expect(verdict(shell(4096))).toBeNull();
    expect(verdict(shell(4097))).toMatch(/is XML without any <Event> element/);
  });

  it('quotes the same start whatever the chunks, for a file that begins inside an element (its start cut away)', () => {
    const tail = `</Data></EventData></Event>\r\n</Events>\r\n`;
    const whole = verdict(tail);
    expect(whole).toContain('is XML without any <Event> element (it starts with "</Data></EventData></Event>');
    for (let cut = 1; cut < tail.length; cut++) expect(verdict(tail, [cut]), `cut at ${cut}`).toBe(whole);
  });

  // The counted outside characters start at the first non-blank one (scan.ts noteOutside), so
  // leading blanks, in their own chunk or not, never push an empty export over the 4096 limit.
  it('takes an empty export after thousands of blanks as empty, the blanks whole, in their own chunk or cut anywhere', () => {
    const blanks = ' '.repeat(3000);
    const empty = '<Events>\r\n</Events>\r\n';
    expect(verdict(blanks + empty)).toBeNull();
    expect(verdict(' '.repeat(5000) + empty, [5000])).toBeNull();
    for (const cut of [1, 2999, 3000, 3001, 3005]) expect(verdict(blanks + empty, [cut]), `cut at ${cut}`).toBeNull();
  });

  it('counts the outside characters from the first non-blank one whatever the chunks: 4098 after blanks are over the limit', () => {
    // 12 blanks, then 4098 characters whose first 4096 look like an empty export.
    const text = ' '.repeat(12) + '<!-- x -->' + ' '.repeat(4098 - 11) + 'x';
    const whole = verdict(text);
    expect(whole).toContain('is XML without any <Event> element (it starts with "<!-- x -->")');
    for (let cut = 1; cut <= 24; cut++) expect(verdict(text, [cut]), `cut at ${cut}`).toBe(whole);
  });

  it('refuses a file that is not event XML even when it ends in what could begin an <Event>', () => {
    for (const end of ['     <', '<Event', '\r\n<Ev']) {
      const page = `<html><body>Sign-in logs</body></html>${end}`;
      expect(verdict(page), JSON.stringify(end)).toContain('is XML without any <Event> element (it starts with "<html><body>Sign-in logs</body></html>');
    }
  });
});

describe('EventScanner: a DTD', () => {
  it('finds a declaration split after a short first chunk', () => {
    const scanner = new EventScanner({ source: 'x.xml' });
    expect(() => {
      scanner.push('<Events><!', []);
      scanner.push('DOCTYPE Events [<!ENTITY a "b">]>', []);
    }).toThrow(/`x.xml` contains a DTD \(<!DOCTYPE …\)/);
  });

  it('refuses it with the EventXmlHasDtd error', () => {
    let id = '';
    try {
      parse(`<!DOCTYPE Events [<!ENTITY lol "lol">]>${event(1)}`);
    } catch (e) {
      id = (e as { id: string }).id;
    }
    expect(id).toBe('EventXmlHasDtd');
  });
});
