// The Event Viewer text reader (src/events/text/) at its edges: the rules its mutation run
// (test/mutation/events-text-survivors.md) showed no test checked. text.test.ts has the main paths.
import { describe, expect, it } from 'vitest';
import { levelOf, taskOf, headerKeyOf } from '../../../src/events/text/labels.js';
import { cleanLine, headerValue, isPlaceholder } from '../../../src/events/text/lines.js';
import { templateOfEvent, templateOfLine } from '../../../src/events/text/messages.js';
import { codesOf, summariseTextRecord } from '../../../src/events/text/summary.js';
import { parseTextTime } from '../../../src/events/text/time.js';
import { parseEventText } from '../../../src/events/parse.js';
import { EventTextScanner, TextSequence } from '../../../src/events/text/index.js';
import type { AadEvent, EventParseItem } from '../../../src/events/types.js';
import { badInputOf, readBytes } from './helpers.js';

const events = (items: EventParseItem[]) => items.flatMap((item) => ('event' in item ? [item.event] : []));
const textEvents = (text: string) => events(parseEventText(text, { source: 'paste.txt' }));
const one = (text: string): AadEvent => {
  const list = textEvents(text);
  expect(list).toHaveLength(1);
  return list[0] as AadEvent;
};

describe('local times (time.ts)', () => {
  it('reads an ISO time without a zone as wall-clock time, its ordering key the same time read as UTC', () => {
    expect(parseTextTime('2026-11-20T21:13:41')).toEqual({ local: '2026-11-20T21:13:41', utc: null, ms: Date.UTC(2026, 10, 20, 21, 13, 41) });
    expect(parseTextTime('  2026-11-20 21:13  ')).toEqual({ local: '2026-11-20T21:13:00', utc: null, ms: Date.UTC(2026, 10, 20, 21, 13, 0) });
  });

  it('drops the fraction of a time without a zone: it orders nothing without an instant', () => {
    expect(parseTextTime('2026-11-20T21:13:41.987')).toEqual({ local: '2026-11-20T21:13:41', utc: null, ms: Date.UTC(2026, 10, 20, 21, 13, 41) });
  });

  it('turns an ISO time with its zone into the instant: Z in either case, offsets east and west, with or without a colon', () => {
    expect(parseTextTime('2026-11-20T21:13:41z')).toMatchObject({ local: '2026-11-20T21:13:41', utc: '2026-11-20T21:13:41.000Z' });
    expect(parseTextTime('2026-11-20T21:13:41-05:00')).toMatchObject({ utc: '2026-11-21T02:13:41.000Z', ms: Date.UTC(2026, 10, 21, 2, 13, 41) });
    expect(parseTextTime('2026-11-20T21:13:41+0530')).toMatchObject({ utc: '2026-11-20T15:43:41.000Z' });
    expect(parseTextTime('2026-11-20T21:13:41-0530')).toMatchObject({ utc: '2026-11-21T02:43:41.000Z' });
    expect(parseTextTime('2026-11-20T21:13:41.5+01:00')).toMatchObject({ utc: '2026-11-20T20:13:41.500Z', ms: Date.UTC(2026, 10, 20, 20, 13, 41, 500) });
  });

  it('refuses an ISO time that is no date', () => {
    expect(parseTextTime('2026-13-20T21:13:41Z')).toBeNull();
    expect(parseTextTime('2026-02-30T21:13:41')).toBeNull();
    expect(parseTextTime('x2026-11-20T21:13:41')).toBeNull();
    expect(parseTextTime('2026-11-20T21:13:41Z later')).toBeNull();
  });

  it('reads 12-hour times month first, 12 AM as midnight and 12 PM as noon, with or without seconds and dots', () => {
    expect(parseTextTime('11/20/2026 12:05:09 AM')?.local).toBe('2026-11-20T00:05:09');
    expect(parseTextTime('11/20/2026 12:05 PM')?.local).toBe('2026-11-20T12:05:00');
    expect(parseTextTime('3/4/2026 1:05:09 p.m.')?.local).toBe('2026-03-04T13:05:09');
    expect(parseTextTime('3/4/2026 11:05:09AM')?.local).toBe('2026-03-04T11:05:09');
    expect(parseTextTime('3/4/2026 11:05:09 am')).toEqual({ local: '2026-03-04T11:05:09', utc: null, ms: Date.UTC(2026, 2, 4, 11, 5, 9) });
  });

  it('refuses a 12-hour time whose hour is 0 or above 12', () => {
    expect(parseTextTime('3/4/2026 0:05:09 AM')).toBeNull();
    expect(parseTextTime('3/4/2026 13:05:09 PM')).toBeNull();
    expect(parseTextTime('3/4/2026 12:05:09 PM')?.local).toBe('2026-03-04T12:05:09');
    expect(parseTextTime('3/4/2026 1:05:09 AM')?.local).toBe('2026-03-04T01:05:09');
  });

  it('reads a 24-hour slashed time day first, or month first when the day is the second number', () => {
    expect(parseTextTime('13/04/2026 21:05')?.local).toBe('2026-04-13T21:05:00');
    expect(parseTextTime('04/13/2026 21:05:07')).toEqual({ local: '2026-04-13T21:05:07', utc: null, ms: Date.UTC(2026, 3, 13, 21, 5, 7) });
    expect(parseTextTime('12/12/2026 21:05')).toBeNull();
    expect(parseTextTime('04/12/2026 21:05')).toBeNull();
    expect(parseTextTime('12/04/2026 21:05')).toBeNull();
  });

  it('reads a dotted time day first, with or without seconds', () => {
    expect(parseTextTime('1.2.2026 3:04:05')?.local).toBe('2026-02-01T03:04:05');
    expect(parseTextTime('01.02.2026 03:04')).toEqual({ local: '2026-02-01T03:04:00', utc: null, ms: Date.UTC(2026, 1, 1, 3, 4, 0) });
    expect(parseTextTime('01.02.2026 03:04 PM')).toBeNull();
  });

  it('refuses an hour, minute, second, day or month out of range', () => {
    for (const bad of ['2026-11-20T24:00:00', '2026-11-20T23:60:00', '2026-11-20T23:59:60', '2026-11-00T10:00:00', '2026-00-20T10:00:00', '32.01.2026 10:00', '2026-04-31T10:00:00']) {
      expect(parseTextTime(bad), bad).toBeNull();
    }
    expect(parseTextTime('2026-11-20T23:59:59')?.local).toBe('2026-11-20T23:59:59');
    expect(parseTextTime('31.12.2026 00:00:00')?.local).toBe('2026-12-31T00:00:00');
    expect(parseTextTime('2026-01-01T00:00:00')?.local).toBe('2026-01-01T00:00:00');
  });

  it('gives no time for no text', () => {
    expect(parseTextTime(null)).toBeNull();
    expect(parseTextTime('Monday')).toBeNull();
  });
});

describe('pasted lines (lines.ts)', () => {
  it('reads a non-breaking space as a blank', () => {
    expect(cleanLine('Event\u00a0ID:\u00a01098\u00a0')).toEqual({ text: 'Event ID: 1098', quoted: false, fence: false, indented: false });
  });

  it('reports a code fence, with or without a language, indented or not', () => {
    for (const fence of ['```', '  ```xml', '~~~', ' ~~~ text']) expect(cleanLine(fence)).toEqual({ text: '', quoted: false, fence: true, indented: false });
    expect(cleanLine('text ``` more').fence).toBe(false);
  });

  it('takes off every quote marker and says the line was quoted', () => {
    expect(cleanLine('> > Event ID: 1098')).toEqual({ text: 'Event ID: 1098', quoted: true, fence: false, indented: false });
    expect(cleanLine('  >Event ID: 1098')).toMatchObject({ text: 'Event ID: 1098', quoted: true });
    expect(cleanLine('a > b')).toMatchObject({ text: 'a > b', quoted: false });
  });

  it('marks a line that starts with a blank as indented, after any quote marker', () => {
    expect(cleanLine('   Status: 0x0  ')).toEqual({ text: 'Status: 0x0', quoted: false, fence: false, indented: true });
    expect(cleanLine('\tStatus: 0x0').indented).toBe(true);
    expect(cleanLine('>  Status: 0x0')).toMatchObject({ text: 'Status: 0x0', quoted: true, indented: true });
    expect(cleanLine('> Status: 0x0')).toMatchObject({ quoted: true, indented: false });
  });

  it('drops a list bullet only when a word follows it', () => {
    expect(cleanLine('- Event ID: 1098').text).toBe('Event ID: 1098');
    expect(cleanLine('*   Event ID: 1098').text).toBe('Event ID: 1098');
    expect(cleanLine('+ Level: Error').text).toBe('Level: Error');
    expect(cleanLine('-895418359 (0xcaa10009)').text).toBe('-895418359 (0xcaa10009)');
    expect(cleanLine('-- end').text).toBe('-- end');
    expect(cleanLine('x - y').text).toBe('x - y');
  });

  it('drops bold markers around a word, keeps a row of stars', () => {
    expect(cleanLine('**Event ID:** 1098 and **Level:** Error').text).toBe('Event ID: 1098 and Level: Error');
    expect(cleanLine('User: Miami.****').text).toBe('User: Miami.****');
    expect(cleanLine('a ** b ** c').text).toBe('a ** b ** c');
  });

  it('drops a lone italic star at either end, keeps balanced stars and a star inside', () => {
    expect(cleanLine('*Error: 0xCAA5001C Token broker operation failed.').text).toBe('Error: 0xCAA5001C Token broker operation failed.');
    expect(cleanLine('Logged at x.cpp, line: 652.*').text).toBe('Logged at x.cpp, line: 652.');
    expect(cleanLine('Status: 0x8C8E*').text).toBe('Status: 0x8C8E');
    expect(cleanLine('method: f(x)*').text).toBe('method: f(x)');
    expect(cleanLine('User: <SID>*').text).toBe('User: <SID>');
    expect(cleanLine('Date: *<Timestamp>*').text).toBe('Date: *<Timestamp>*');
    expect(cleanLine('path /*').text).toBe('path /*');
    expect(cleanLine('* ').text).toBe('*');
    expect(cleanLine('a * b').text).toBe('a * b');
    expect(cleanLine('*  x').text).toBe('x');
    expect(cleanLine('a*b').text).toBe('a*b');
    expect(cleanLine('x *y').text).toBe('x *y');
  });

  it('undoes Markdown escapes of the characters Markdown would take', () => {
    expect(cleanLine('Date: \\<Timestamp\\>').text).toBe('Date: <Timestamp>');
    expect(cleanLine('a\\_b \\*c\\* \\[d\\] \\# \\` \\\\ \\|').text).toBe('a_b *c* [d] # ` \\ |');
    expect(cleanLine('C:\\Windows\\System32').text).toBe('C:\\Windows\\System32');
  });

  it('takes a value someone hid for no value', () => {
    for (const hidden of ['', '   ', '***', 'Miami.****', '*Placeholder*', '<User SID>', '[Date]', 'xxxx', 'XXXX-xxxx', '----']) expect(isPlaceholder(hidden), hidden).toBe(true);
    for (const real of ['PC1', '**', '*a*b*', 'a <b>', '<a> <b>', '[a] [b]', 'a [b]', 'x1', 'S-1-5-18', '<a<b>>', '[a[b]]', 'Firefox', 'a *b*', '*a* b']) expect(isPlaceholder(real), real).toBe(false);
    expect(isPlaceholder('  <User SID>  ')).toBe(true);
  });

  it('gives a header value trimmed, or null when absent or hidden', () => {
    expect(headerValue(undefined)).toBeNull();
    expect(headerValue('  PC1.contoso.com ')).toBe('PC1.contoso.com');
    expect(headerValue(' [Computer] ')).toBeNull();
    expect(headerValue('')).toBeNull();
  });
});

describe('levels, tasks and labels (labels.ts)', () => {
  it('maps every English and German level name to its number, in any case and with blanks', () => {
    expect(['Critical', 'Error', 'Warning', 'Information', 'Verbose'].map(levelOf)).toEqual([1, 2, 3, 4, 5]);
    expect(['Kritisch', 'Fehler', 'Warnung', 'Informationen', 'Ausführlich'].map(levelOf)).toEqual([1, 2, 3, 4, 5]);
    expect(levelOf('  ERROR ')).toBe(2);
    expect(levelOf('Audit Success')).toBeNull();
    expect(levelOf(null)).toBeNull();
  });

  it('maps the two AAD task names to their numbers, and nothing else', () => {
    expect(taskOf(' AadCloudAPPlugin Operation ')).toBe(101);
    expect(taskOf('AADTOKENBROKERPLUGIN OPERATION')).toBe(103);
    expect(taskOf('None')).toBeNull();
    expect(taskOf(null)).toBeNull();
  });

  it('finds a label whatever its case and blanks', () => {
    expect(headerKeyOf('Event   ID')).toBe('EventId');
    expect(headerKeyOf('TASK\tCATEGORY')).toBe('TaskCategory');
    expect(headerKeyOf('Ereignis-ID')).toBe('EventId');
    expect(headerKeyOf('Event')).toBeUndefined();
  });
});

describe('the record summary (summary.ts)', () => {
  it('lists the typed code of each kind of event first, then the other codes its message names, each once', () => {
    expect(codesOf(one('AadCloudAPPlugin GetToken Stop.\nStatus: 0xC000006D\n'))).toEqual(['0xc000006d']);
    expect(codesOf(one('OAuth response error: invalid_grant\nError description: AADSTS50126: Error validating credentials.\nCorrelationID: x\n'))).toEqual(['AADSTS50126']);
    expect(codesOf(one('WSTrust response error: s:Sender\nError description: ID3082: The request scope is not valid.\n'))).toEqual(['ID3082']);
    expect(codesOf(one('Http transport error. Status: 12029 Correlation ID: x\n'))).toEqual(['0x00002efd']);
    expect(codesOf(one('Error: 0xCAA5001C Token broker operation failed.\nOperation name: x, Error: -895418359 (0xcaa10009), Description: AADSTS50058: y\n'))).toEqual(['0xcaa5001c', '0xcaa10009', 'AADSTS50058']);
    expect(codesOf(one('AAD Cloud AP plugin call GenericCallPkg returned error: 0xC000023C\n'))).toEqual(['0xc000023c']);
    expect(codesOf(one('Logon failure. Status: 0xC000006D Correlation ID: x\n'))).toEqual(['0xc000006d']);
    expect(codesOf(one('Get user realm failure. Status: -1073741715 Correlation ID: MSIS7000 0xCAA20003\n'))).toEqual(['0xc000006d', 'MSIS7000', '0xcaa20003']);
  });

  it('reads a 1104 message alone whose call name has several words (Lookup name from SID), with its code', () => {
    const event = one('AAD Cloud AP plugin call Lookup name from SID returned error: 0xC000023C\n');
    expect([event.EventId, codesOf(event)]).toEqual([1104, ['0xc000023c']]);
    // Without a call name it is not that message: refused like any text that is no event.
    expect(() => textEvents('AAD Cloud AP plugin call returned error: 0xC000023C\n')).toThrow(/is neither event XML nor Event Viewer text/);
  });

  it('keeps message codes of an event without a typed code, and an event with no code has none', () => {
    expect(codesOf(one('Endpoint Uri: https://login.microsoftonline.com/x 0x80070005 AADSTS700016\n'))).toEqual(['AADSTS700016', '0x80070005']);
    expect(codesOf(one('AadCloudAPPlugin GetToken Start.\n'))).toEqual([]);
  });

  it('summarises a text record, and nothing for an event read from XML', () => {
    const event = one('Log Name: Microsoft-Windows-AAD/Operational\nSource: Microsoft-Windows-AAD\nDate: 11/20/2026 10:13:40 AM\nEvent ID: 1081\nLevel: Error\nComputer: PC1\nDescription:\n  OAuth response error: invalid_grant  \nError description: AADSTS50126: x\n');
    expect(summariseTextRecord(event)).toEqual({
      Source: 'paste.txt',
      Position: 1,
      SourceFormat: 'EventViewerText',
      EventId: 1081,
      EventIdFrom: 'Header',
      EventIdCandidates: [1081],
      Provider: 'Microsoft-Windows-AAD',
      Channel: 'Microsoft-Windows-AAD/Operational',
      Level: 2,
      TimeCreated: null,
      TimeWritten: '11/20/2026 10:13:40 AM',
      LocalTime: '2026-11-20T10:13:40',
      TimeZone: 'Unknown',
      Computer: 'PC1',
      Codes: ['AADSTS50126'],
      Message: 'OAuth response error: invalid_grant',
    });
    const { FromText: _dropped, ...fromXml } = event;
    expect(summariseTextRecord(fromXml)).toBeNull();
  });

  it('gives an unknown computer as null and a message of up to 200 characters whole, a longer one cut to 200', () => {
    const base = one('Event ID: 4000\nDescription:\nx\n');
    expect(summariseTextRecord(base)).toMatchObject({ Computer: null, Message: 'x' });
    const at200 = `AadCloudAPPlugin GetToken Start ${'y'.repeat(200 - 32)}`;
    expect(summariseTextRecord({ ...base, Message: `${at200}\nsecond` })?.Message).toBe(at200);
    const cut = summariseTextRecord({ ...base, Message: `${at200}z` })?.Message;
    expect(cut).toBe(`${at200.slice(0, 199)}…`);
    expect(summariseTextRecord({ ...base, Message: null })?.Message).toBeNull();
    expect(summariseTextRecord({ ...base, Message: '   \nsecond' })?.Message).toBeNull();
  });
});

/** Text through the scanner in the pieces given (a host hands over chunks cut anywhere). */
function scan(pieces: string[], maxRecordChars?: number): { events: AadEvent[]; problems: string[] } {
  const scanner = new EventTextScanner({ source: 'saved.txt', ...(maxRecordChars === undefined ? {} : { maxRecordChars }) });
  const out: EventParseItem[] = [];
  for (const piece of pieces) scanner.push(piece, out);
  scanner.end(out);
  return { events: events(out), problems: out.flatMap((item) => ('problem' in item ? [item.problem.Message] : [])) };
}
/** Every way of cutting `text` in two. */
const cutsOf = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);

const TSV_HEAD = 'Level\tDate and Time\tSource\tEvent ID\tTask Category';
const CSV_HEAD = 'Level,Date and Time,Source,Event ID,Task Category';

describe('Save Selected Events rows (delimited.ts)', () => {
  it('reads a .csv header in quotes, and a header after a byte order mark left in the text', () => {
    const csv = `"Level","Date and Time","Source","Event ID","Task Category"\r\n"Error","20.11.2026 10:13:40","Microsoft-Windows-AAD","1081","AadCloudAPPlugin Operation","OAuth response error: invalid_grant"\r\n`;
    expect(scan([`\uFEFF${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,OAuth response error: a\n`]).events[0]).toMatchObject({ EventId: 1081, Level: 2 });
    const { events: [event] } = scan([csv]);
    expect(event).toMatchObject({ EventId: 1081, Level: 2, Task: 101, Provider: 'Microsoft-Windows-AAD', Message: 'OAuth response error: invalid_grant' });
    expect(event?.FromText).toMatchObject({ SourceFormat: 'EventViewerCsv', LocalTime: '2026-11-20T10:13:40', Position: 1 });
  });

  it('reads a tab-separated row as .txt and a comma-separated one as .csv', () => {
    const { events: [tsv] } = scan([`${TSV_HEAD}\nError\t20.11.2026 10:13:40\tMicrosoft-Windows-AAD\t1007\tAadCloudAPPlugin Operation\tAadCloudAPPlugin GetToken Stop.\n`]);
    expect(tsv?.FromText?.SourceFormat).toBe('EventViewerTsv');
    expect(tsv?.EventId).toBe(1007);
  });

  it('keeps a delimiter, a line break and a doubled quote inside a quoted field, and a quote inside an unquoted one', () => {
    const csv = `${CSV_HEAD}\nError,"20.11.2026 10:13:40",Microsoft-Windows-AAD,1081,"AadCloudAPPlugin Operation","OAuth response error: a, ""b""\r\nError description: it's 5"" long"\n`;
    for (const [a = '', b = ''] of cutsOf(csv)) {
      const { events: list } = scan([a, b]);
      expect(list.map((e) => e.Message)).toEqual(['OAuth response error: a, "b"\nError description: it\'s 5" long']);
      expect(list[0]?.Task).toBe(101);
    }
  });

  it('reads the columns past the header as the message, joined by the delimiter they were cut at', () => {
    const csv = `${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,AadCloudAPPlugin Operation,OAuth response error: invalid_grant, again,,end\n`;
    expect(scan([csv]).events[0]?.Message).toBe('OAuth response error: invalid_grant, again,,end');
  });

  it('reads a Security-log export (Keywords first), a named Message column, a Computer column, and ignores unknown columns', () => {
    const csv = 'Keywords,Date and Time,Source,Event ID,Task Category,Operational Code,Computer,Message\nAudit Failure,20.11.2026 10:13:40,Microsoft-Windows-Security-Auditing,4625, Logon ,Info,PC1,An account failed to log on.\n';
    const { events: [event] } = scan([csv]);
    expect(event).toMatchObject({ EventId: 4625, Keywords: 'Audit Failure', Computer: 'PC1', Message: 'An account failed to log on.', Provider: 'Microsoft-Windows-Security-Auditing', Level: null, Opcode: null });
  });

  it('trims the header values but keeps the message as written, its lines trimmed at the end only', () => {
    const tsv = `${TSV_HEAD}\n Error \t 20.11.2026 10:13:40 \t Microsoft-Windows-AAD \t 1098 \tx\t"  Error: 0xCAA5001C Token broker operation failed.  \r\n  Operation name: x  \rLogged at y  "\n`;
    const { events: [event] } = scan([tsv]);
    expect(event).toMatchObject({ EventId: 1098, Level: 2, Provider: 'Microsoft-Windows-AAD' });
    expect(event?.Message).toBe('Error: 0xCAA5001C Token broker operation failed.\n  Operation name: x\nLogged at y');
    expect(event?.FromText?.TimeWritten).toBe('20.11.2026 10:13:40');
  });

  it('ends a row at CR LF, LF or a lone CR, cut anywhere, and skips blank rows', () => {
    const rows = ['Error,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,OAuth response error: a', 'Information,20.11.2026 10:13:41,Microsoft-Windows-AAD,1007,x,AadCloudAPPlugin GetToken Stop.'];
    for (const eol of ['\r\n', '\n', '\r']) {
      const csv = `${CSV_HEAD}${eol}${eol}${rows[0]}${eol} ${eol}${eol}${rows[1]}${eol}${eol}`;
      for (const [a = '', b = ''] of cutsOf(csv)) {
        const { events: list, problems } = scan([a, b]);
        expect(list.map((e) => [e.EventId, e.Message, e.FromText?.Position]), JSON.stringify([a, b])).toEqual([[1081, 'OAuth response error: a', 1], [1007, 'AadCloudAPPlugin GetToken Stop.', 2]]);
        expect(problems).toEqual([]);
      }
    }
  });

  it('reads the last row without a line end, also an empty last field', () => {
    expect(scan([`${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,"OAuth response error: a"`]).events.map((e) => e.Message)).toEqual(['OAuth response error: a']);
    expect(scan([`${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,`]).events.map((e) => [e.EventId, e.Message])).toEqual([[1081, null]]);
    expect(scan([`${CSV_HEAD}\n`, 'Error,20.11.2026 10:13:40,Microsoft-Windows-AAD,', '1081']).events.map((e) => e.EventId)).toEqual([1081]);
  });

  it('skips a row larger than the limit, however it arrives, reports its position and reads the next', () => {
    const big = `Error,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,"${'y'.repeat(300)}"`;
    const csv = `${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,first\n${big}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1007,x,AadCloudAPPlugin GetToken Stop.\n`;
    for (const pieces of [[csv], csv.match(/[^]{1,7}/g) ?? [], cutsOf(csv)[120] ?? []]) {
      const { events: list, problems } = scan(pieces, 200);
      expect(problems).toEqual(['Record #2 in `saved.txt` is a row larger than 200 characters; it was skipped.']);
      expect(list.map((e) => [e.EventId, e.FromText?.Position])).toEqual([[1081, 1], [1007, 3]]);
    }
  });

  it('reports a row many times the limit once, in whatever pieces it arrives', () => {
    const csv = `${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,"${'y\n'.repeat(500)}"\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1007,x,AadCloudAPPlugin GetToken Stop.`;
    for (const size of [1, 7, 64, 199, 201, 5000]) {
      const { events: list, problems } = scan(csv.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [], 200);
      expect(problems, `pieces of ${size}`).toEqual(['Record #1 in `saved.txt` is a row larger than 200 characters; it was skipped.']);
      expect(list.map((e) => [e.EventId, e.FromText?.Position])).toEqual([[1007, 2]]);
    }
  });

  it('counts a row from its own start: rows that fit are never skipped together', () => {
    const row = (n: number) => `Error,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,${'m'.repeat(n)}\n`;
    const csv = `${CSV_HEAD}\n${row(100)}${row(100)}${row(100)}`;
    expect(scan([csv], 160)).toEqual(expect.objectContaining({ problems: [] }));
    expect(scan([csv], 160).events).toHaveLength(3);
    const limit = row(100).length - 1;
    expect(scan([csv], limit).events).toHaveLength(3);
    expect(scan([csv], limit - 1).problems).toHaveLength(3);
  });
});

/** The payload a pasted message gives, by position, as the XML would carry it. */
const payload = (text: string) => one(text).Data.map((d) => d.Value);

describe('AAD messages read back into their payload (messages.ts)', () => {
  it('reads each template by its first line, in any case, to the event its PRT flow uses', () => {
    const ids = ['aadcloudapplugin gettoken start', 'AadCloudAPPlugin GetToken Stop.', 'ENDPOINT URI: x', 'Http request status: 400', 'OAuth response error: x', 'Key error: x', 'Protected key error: x', 'NGC nonce response error: x', 'Http transport error. Status: 1', 'Logon failure. Status: 1', 'Get user realm failure. Status: 1', 'Get credential keys failure. Status: 1', 'WSTrust response error: x', 'NGC call X returned error: 1', 'Refresh token failure. Status: 1', 'Error: 0x1 x', 'Error: -5', 'AAD Cloud AP plugin call X returned error: 1', 'Get Enterprise STS OAuth Info failure. Status: 1', 'Enterprise STS Refresh token failure. Status: 1', 'Enterprise STS Logon failure. Status: 1', 'Realm discovery for: x', 'Logon with session key failure.', 'AadCloudAPPlugin S2U logon failed.'];
    expect(ids.map((line) => one(line).EventId)).toEqual([1006, 1007, 1022, 1025, 1081, 1082, 1083, 1090, 1084, 1085, 1086, 1087, 1088, 1093, 1094, 1098, 1098, 1104, 1116, 1117, 1118, 1144, 1155, 1159]);
    expect(templateOfEvent(1097)?.EventIds).toEqual([1098, 1097, 1100, 1101, 1107, 1108, 1109, 1110, 1111, 1112, 1114, 1115]);
    expect(templateOfEvent(1163)?.EventIds[0]).toBe(1085);
    expect(templateOfEvent(4625)).toBeNull();
    expect(templateOfLine('Error: none')).toBeNull();
    expect(templateOfLine('Error: 0x1x')).toBeNull();
    expect(templateOfLine('The Endpoint Uri: x')).toBeNull();
  });

  it('reads a 1007 status and a 1022 URL, over lines and with blanks', () => {
    expect(payload('AadCloudAPPlugin GetToken Stop.\nStatus:   0xC000006D  \n')).toEqual(['0xC000006D']);
    expect(payload('AadCloudAPPlugin GetToken Stop. status : 0x0')).toEqual(['0x0']);
    expect(payload('Endpoint Uri:\n  https://login.microsoftonline.com/common/oauth2/token\n')).toEqual(['https://login.microsoftonline.com/common/oauth2/token']);
    expect(payload('AadCloudAPPlugin GetToken Stop.')).toEqual(['']);
  });

  it('reads an HTTP request status with its method, URL and correlation id, or the status alone', () => {
    expect(payload('Http request status: 400. Method: POST Endpoint Uri: https://login.microsoftonline.com/common/oauth2/token Correlation ID: 7c6f2e7b\n')).toEqual(['400', 'POST', 'https://login.microsoftonline.com/common/oauth2/token', '7c6f2e7b']);
    expect(payload('Http request status: 400\n  Method: POST Endpoint Uri: https://x/y\nCorrelation ID: c')).toEqual(['400', 'POST', 'https://x/y', 'c']);
    expect(payload('Http request status: 400 Bad request')).toEqual(['400 Bad request']);
  });

  it('reads an OAuth error, its description over several lines and its correlation id, each up to the next label at a line start', () => {
    const message = 'OAuth response error: invalid_grant\nError description: AADSTS50126: Error validating credentials.\n\n  Trace ID: 1 Error description: not a label here\ncorrelationid :  5f2c\n';
    expect(payload(message)).toEqual(['invalid_grant', 'AADSTS50126: Error validating credentials.\nTrace ID: 1 Error description: not a label here', '5f2c']);
    expect(payload('Key error: bad_key\nError description: x')).toEqual(['bad_key', 'x', '']);
    expect(payload('Protected key error: e\nCorrelationID: c')).toEqual(['e', '', 'c']);
    expect(payload('NGC nonce response error: n\nError description: d\nCorrelationID:')).toEqual(['n', 'd', '']);
  });

  it('reads a status and a correlation id on one line or two, and a status alone', () => {
    expect(payload('Http transport error. Status: Unknown HResult Error code: 0x800484c1 Correlation ID: 9a0b')).toEqual(['Unknown HResult Error code: 0x800484c1', '9a0b']);
    expect(payload('Logon failure. Status: 0xC000006D\n  Correlation ID: 9a0b\n')).toEqual(['0xC000006D', '9a0b']);
    expect(payload('Refresh token failure. Status:  0xC000006D  ')).toEqual(['0xC000006D', '']);
    expect(payload('Logon with session key failure. No status here')).toEqual([]);
  });

  it('reads a WS-Trust error and its description', () => {
    expect(payload('WSTrust response error: s:Sender\nError description: ID3082: The request scope is not valid.\nsecond line\n')).toEqual(['s:Sender', 'ID3082: The request scope is not valid.\nsecond line']);
  });

  it('reads the call and the error of an NGC and a plugin call error, joined over lines', () => {
    expect(payload('NGC call NgcImportSymmetricPopKey returned error:\n0x80090016')).toEqual(['NgcImportSymmetricPopKey', '0x80090016']);
    expect(payload('AAD Cloud AP plugin call GenericCallPkg returned error: 0xC000023C\nmore')).toEqual(['GenericCallPkg', '0xC000023C more']);
  });

  it('reads realm discovery in the order of the payload: useUpn, UPN, authority, domain hint', () => {
    expect(payload('Realm discovery for: alice@contoso.com\nauthority: https://login.microsoftonline.com/common\nfallback domain hint: contoso.com\nuseUpn: 1')).toEqual(['1', 'alice@contoso.com', 'https://login.microsoftonline.com/common', 'contoso.com']);
    expect(payload('Realm discovery for: alice@contoso.com')).toEqual([]);
  });

  it('reads an S2U logon failure status', () => {
    expect(payload('AadCloudAPPlugin S2U logon failed.\nStatus: 0xC000006D')).toEqual(['0xC000006D']);
  });

  it('reads a token broker error: code, text and the lines after it as additional information', () => {
    expect(payload('Error: 0xCAA5001C Token broker operation failed.\n\nOperation name: x\n\nLogged at y.cpp, line: 1\n\n')).toEqual(['0xCAA5001C', 'Token broker operation failed.', 'Operation name: x\n\nLogged at y.cpp, line: 1']);
    expect(payload('Error: 3399942154')).toEqual(['3399942154', '', '']);
    expect(payload('Error: -895418359 (0xcaa10009) text')).toEqual(['-895418359', '(0xcaa10009) text', '']);
  });

  it('reads the Details tab of a token broker error by its field names', () => {
    const details = 'Error: 0xCAA5001C\nErrorMessage:  Token broker operation failed.  \nAdditionalInformation: Operation name: x\nLogged at y\nerrormessage: the last one wins';
    expect(payload(details)).toEqual(['0xCAA5001C', 'the last one wins', 'Operation name: x\nLogged at y']);
    expect(payload('Error: 0xCAA5001C\nAdditionalInformation:\n\nmore')).toEqual(['0xCAA5001C', '', 'more']);
  });
});

describe('a text record as an event (record.ts)', () => {
  it('takes the provider from the log name when no source is given, and keeps another log\'s events as they are', () => {
    expect(one('Log Name: Microsoft-Windows-AAD/Operational\nEvent ID: 1098\nDescription:\nError: 0x1 x')).toMatchObject({ Provider: 'Microsoft-Windows-AAD', Channel: 'Microsoft-Windows-AAD/Operational', EventId: 1098 });
    expect(one('Log Name: System\nEvent ID: 7036\nDescription:\nThe service entered the running state.')).toMatchObject({ Provider: '', Channel: 'System', EventId: 7036, Data: [] });
    expect(one('Log Name: Microsoft-Windows-User Device Registration/Admin\nEvent ID: 304')).toMatchObject({ Provider: 'Microsoft-Windows-User Device Registration', Message: null });
  });

  it('reads the short source name AAD as the AAD provider only in an AAD log, in any case', () => {
    expect(one('Log Name: microsoft-windows-aad/analytic\nSource: aad\nEvent ID: 1006').Provider).toBe('Microsoft-Windows-AAD');
    expect(one('Log Name: Microsoft-Windows-AADX/Operational\nSource: AAD\nEvent ID: 1006').Provider).toBe('AAD');
    expect(one('Source: AADX\nEvent ID: 1006').Provider).toBe('AADX');
  });

  it('gives a message without a source to AAD only when its event id is one of the message\'s', () => {
    expect(one('Event ID: 1097\nDescription:\nError: 0xCAA90004 x')).toMatchObject({ Provider: 'Microsoft-Windows-AAD', EventId: 1097, Channel: 'Microsoft-Windows-AAD/Operational' });
    expect(one('Event ID: 4625\nDescription:\nError: 0xCAA90004 x')).toMatchObject({ Provider: '', EventId: 4625, Channel: '', Data: [] });
    expect(one('Event ID: 1006\nDescription:\nAadCloudAPPlugin GetToken Start')).toMatchObject({ Provider: 'Microsoft-Windows-AAD', Channel: 'Microsoft-Windows-AAD/Analytic' });
  });

  it('reads the payload by the template of the event id the header gives, not of the message\'s first guess', () => {
    const event = one('Source: Microsoft-Windows-AAD\nEvent ID: 1097\nDescription:\nError: 0xCAA90004 Something\nmore');
    expect(event.Data.map((d) => [d.Name, d.Value])).toEqual([['1', '0xCAA90004'], ['2', 'Something'], ['3', 'more']]);
    expect(event.FromText).toMatchObject({ EventIdFrom: 'Header', EventIdCandidates: [1097] });
    // An id with no template of its own gives no payload, whatever the message says.
    expect(one('Source: Microsoft-Windows-AAD\nEvent ID: 1099\nDescription:\nError: 0xCAA90004 Something').Data).toEqual([]);
  });

  it('puts an AAD event without a log in its own channel, an unknown AAD event in Operational', () => {
    expect(one('Source: Microsoft-Windows-AAD\nEvent ID: 1144').Channel).toBe('Microsoft-Windows-AAD/Analytic');
    expect(one('Source: Microsoft-Windows-AAD\nEvent ID: 1999').Channel).toBe('Microsoft-Windows-AAD/Operational');
    expect(one('Source: MICROSOFT-WINDOWS-AAD\nEvent ID: 1999').Channel).toBe('Microsoft-Windows-AAD/Operational');
  });

  it('gives a message-only record the first event of its template, and every candidate', () => {
    const event = one('Logon failure. Status: 0xC000006D Correlation ID: x');
    expect(event).toMatchObject({ EventId: 1085, Provider: 'Microsoft-Windows-AAD', EventRecordID: 0, TimeCreated: null, Level: null, Task: null, Keywords: null, Opcode: null, ProcessId: null, ThreadId: null, ActivityId: null, UserSid: null, Computer: '' });
    expect(event.FromText).toEqual({ SourceFormat: 'MessageText', EventIdFrom: 'Message', EventIdCandidates: [1085, 1160, 1161, 1162, 1163, 1164, 1165], TimeWritten: null, LocalTime: null, TimeZone: 'Unknown', Position: 1 });
  });

  it('gives a record of another provider without an event id the id 0', () => {
    expect(one('Log Name: System\nSource: Service Control Manager\nDate: 11/20/2026 10:13:40 AM').EventId).toBe(0);
  });

  it('keeps a user that is a SID, and no other user', () => {
    expect(one('Event ID: 1098\nUser: s-1-12-1-1\n').UserSid).toBe('s-1-12-1-1');
    expect(one('Event ID: 1098\nUser: SYSTEM\n').UserSid).toBeNull();
    expect(one('Event ID: 1098\nUser: S-1-x\n').UserSid).toBeNull();
    expect(one('Event ID: 1098\nUser: NT AUTHORITY\\S-1-5-18\n').UserSid).toBeNull();
  });

  it('orders untimed records by their position, after the file\'s own hour; a timed one by its wall-clock time, the instant when it has one', () => {
    const sequence = new TextSequence();
    const read = (text: string) => events(parseEventText(text, { source: 'x.txt', textSequence: sequence }));
    expect(read('Event ID: 1006\n\nEvent ID: 1007\n').map((e) => e.TimeMs)).toEqual([3_600_001, 3_600_002]);
    expect(read('Event ID: 1006\n').map((e) => e.TimeMs)).toEqual([7_200_001]);
    expect(one('Date: 2026-11-20T10:13:40+01:00\nEvent ID: 1006').TimeMs).toBe(Date.UTC(2026, 10, 20, 9, 13, 40));
    expect(one('Date: 2026-11-20T10:13:40+01:00\nEvent ID: 1006')).toMatchObject({ TimeCreated: '2026-11-20T09:13:40.000Z', FromText: { TimeZone: 'UTC', LocalTime: '2026-11-20T10:13:40' } });
    expect(one('Date: 20.11.2026 10:13:40\nEvent ID: 1006').TimeMs).toBe(Date.UTC(2026, 10, 20, 10, 13, 40));
  });

  it('falls back to the header and message when the Event Xml part is no event', () => {
    const event = one('Log Name: Microsoft-Windows-AAD/Operational\nSource: Microsoft-Windows-AAD\nEvent ID: 1081\nDescription:\nOAuth response error: invalid_grant\nEvent Xml:\n<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>1081</Event>');
    expect(event).toMatchObject({ EventId: 1081, EventRecordID: 0, Message: 'OAuth response error: invalid_grant' });
    expect(event.FromText?.EventIdFrom).toBe('Header');
  });

  it('takes the record id of a Format-List record, and reads no payload from an empty message', () => {
    expect(one('Id           : 1007\nRecordId     : 77\nMessage      :\n').EventRecordID).toBe(77);
    expect(one('Id           : 1007\nRecordId     : 77\nMessage      :\n')).toMatchObject({ Message: null, Data: [], EventId: 1007 });
  });
});

describe('the text scanner (index.ts)', () => {
  it('waits for the end of the first line before deciding the shape, however it is cut', () => {
    const tsv = `${TSV_HEAD}\nError\t20.11.2026 10:13:40\tMicrosoft-Windows-AAD\t1081\tx\tOAuth response error: a\n`;
    for (const [a = '', b = ''] of cutsOf(tsv)) expect(scan([a, b]).events.map((e) => [e.EventId, e.FromText?.SourceFormat])).toEqual([[1081, 'EventViewerTsv']]);
    expect(scan([TSV_HEAD]).events).toEqual([]);
  });

  it('reads text that is one line without a line end, and a last line without one', () => {
    expect(scan(['Event ID: 1006']).events.map((e) => e.EventId)).toEqual([1006]);
    expect(scan(['Event ID: 1006\r\nEvent ID: 1007\r']).events.map((e) => e.EventId)).toEqual([1006, 1007]);
    expect(scan(['Event ID: 1006\r\n', 'Event ID: 10', '07']).events.map((e) => e.EventId)).toEqual([1006, 1007]);
  });

  it('drops the CR of a CR LF line end: a record\'s message lines keep no CR', () => {
    const read = scan(['Event ID: 1098\r\nDescription:\r\nError: 0xCAA5001C Token broker operation failed.\r\nOperation name: x\r\n']).events;
    expect(read.map((e) => e.Message)).toEqual(['Error: 0xCAA5001C Token broker operation failed.\nOperation name: x']);
  });

  it('decides on a first line of 64 KiB without a line end, and cuts any longer line', () => {
    const long = 'x'.repeat(64 * 1024 + 1);
    expect(scan([long, '\nEvent ID: 1006\n']).events.map((e) => e.EventId)).toEqual([1006]);
    const cut = scan(['Event ID: 1098\nDescription:\n', long, long, '\nError: 0xCAA5001C x\n'], 1024 * 1024);
    expect(cut.events.map((e) => e.Message?.split('\n').map((line) => line.length))).toEqual([[long.length, long.length], [19]]);
    const exact = 'y'.repeat(64 * 1024);
    expect(scan(['Event ID: 1098\nDescription:\n', exact, 'z\n']).events.map((e) => e.Message?.length)).toEqual([exact.length + 1]);
  });

  it('accepts text that is blank, and refuses text without a record, quoting its start to 40 characters', () => {
    expect(scan([]).events).toEqual([]);
    expect(scan([' \n\n\t\n']).events).toEqual([]);
    const refusal = (text: string) => {
      try {
        scan([text]);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(refusal(`  ${'a'.repeat(40)}  \nmore`)).toMatch(/^`saved.txt` is neither event XML nor Event Viewer text \(it starts with "a{40}…"\)/);
    expect(refusal(`${'a'.repeat(40)}\n`)).toMatch(/\(it starts with "a{40}"\)\. Expected/);
    expect(refusal('Date: Monday\nSource: the helpdesk\n')).toMatch(/\(it starts with "Date: Monday\\nSource: the helpdesk"\)/);
  });
});

describe('pasted records (details.ts)', () => {
  it('ends a record at a code fence: the prose after it is not its message', () => {
    expect(textEvents('```\nEvent ID: 1098\nDescription:\nError: 0xCAA5001C x\n```\nWhat does it mean?\n').map((e) => e.Message)).toEqual(['Error: 0xCAA5001C x']);
  });

  it('ends a quoted record where a blank line is followed by text outside the quote', () => {
    const quoted = '> Event ID: 1098\n> Description:\n> Error: 0xCAA5001C x\n> Operation name: y\n\nWhat does it mean?\n';
    expect(textEvents(quoted).map((e) => e.Message)).toEqual(['Error: 0xCAA5001C x\nOperation name: y']);
    // Without the blank line the quote is only decoration: the next line is still the message.
    expect(textEvents('> Event ID: 1098\n> Description:\n> Error: 0xCAA5001C x\nOperation name: y\n').map((e) => e.Message)).toEqual(['Error: 0xCAA5001C x\nOperation name: y']);
    // An unquoted record goes on after a blank line.
    expect(textEvents('Event ID: 1098\nDescription:\nError: 0xCAA5001C x\n\nOperation name: y\n').map((e) => e.Message)).toEqual(['Error: 0xCAA5001C x\n\nOperation name: y']);
    // A fence between resets the blank line: text after it starts outside any record.
    expect(textEvents('> Event ID: 1098\n> Description:\n> Error: 0xCAA5001C x\n\n```\nAadCloudAPPlugin GetToken Stop.\n').map((e) => e.EventId)).toEqual([1098, 1007]);
  });

  it('reads a message that starts on the Description line, and the Event Xml part after the message', () => {
    const read = one('Event ID: 1081\nDescription: OAuth response error: invalid_grant\nError description: AADSTS50126: x\n');
    expect(read.Message).toBe('OAuth response error: invalid_grant\nError description: AADSTS50126: x');
    expect(read.Data.map((d) => d.Value)).toEqual(['invalid_grant', 'AADSTS50126: x', '']);
  });

  it('reads the Event Xml part of a copy that has no message', () => {
    const xml = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-AAD"/><EventID>1006</EventID><TimeCreated SystemTime="2026-11-20T09:13:40.0000000Z"/><EventRecordID>5</EventRecordID><Channel>Microsoft-Windows-AAD/Analytic</Channel><Computer>PC1</Computer></System></Event>';
    const read = textEvents(`Log Name: Microsoft-Windows-AAD/Analytic\nEvent ID: 1006\nEvent Xml:\n${xml}\nEvent ID: 1007\n`);
    expect(read.map((e) => [e.EventId, e.EventRecordID, e.FromText?.EventIdFrom])).toEqual([[1006, 5, 'Xml'], [1007, 0, 'Header']]);
    // The XML may span lines; the record ends with `</Event>`.
    const lines = textEvents(`Event ID: 1006\nDescription:\nAadCloudAPPlugin GetToken Start\nEvent Xml:\n${xml.replace(/></g, '>\n  <')}\nAadCloudAPPlugin GetToken Stop.\n`);
    expect(lines.map((e) => [e.EventId, e.EventRecordID])).toEqual([[1006, 5], [1007, 0]]);
  });

  it('opens a record at a loose `Log:` only when its value looks like a log', () => {
    expect(textEvents('Log: Application\nEvent ID: 1000\n').map((e) => e.Channel)).toEqual(['Application']);
    expect(textEvents('Log: Microsoft-Windows-AAD/Operational\nEvent ID 1098\n').map((e) => [e.Channel, e.EventId])).toEqual([['Microsoft-Windows-AAD/Operational', 1098]]);
    expect(textEvents('Log: Security\nEvent ID: 4625\n').map((e) => e.Channel)).toEqual(['Security']);
    expect(textEvents('Log: Applications\nEvent ID: 4625\n').map((e) => e.Channel)).toEqual(['']);
    expect(textEvents('Event ID: 1098\nLog: 0xcaa5001c Token broker operation failed.\n').map((e) => [e.Channel, e.Message])).toEqual([['', 'Log: 0xcaa5001c Token broker operation failed.']]);
  });

  it('does not take a loose `Log:` line before any record for a record', async () => {
    const error = await badInputOf(() => readBytes(Buffer.from('Log: 0xcaa5001c Token broker operation failed.\nThe user sees it every morning.\n'), { source: 'mail.txt' }));
    expect(error.message).toMatch(/^`mail.txt` is neither event XML nor Event Viewer text \(it starts with "Log: 0xcaa5001c/);
    expect(textEvents('Log: see attached\nAadCloudAPPlugin GetToken Start\n').map((e) => [e.EventId, e.Channel])).toEqual([[1006, 'Microsoft-Windows-AAD/Analytic']]);
  });

  it('starts a record at a second event id, and at an event id after a message', () => {
    expect(textEvents('Event ID: 1006\nEvent ID: 1007\n').map((e) => e.EventId)).toEqual([1006, 1007]);
    expect(textEvents('Log Name: Microsoft-Windows-AAD/Analytic\nEvent ID: 1006\nLog Name: Microsoft-Windows-AAD/Analytic\nEvent ID: 1007\n').map((e) => [e.EventId, e.FromText?.Position])).toEqual([[1006, 1], [1007, 2]]);
    expect(textEvents('Log Name: Microsoft-Windows-AAD/Analytic\nSource: AAD\nEvent ID: 1006\n').map((e) => e.EventId)).toEqual([1006]);
  });

  it('opens a record at the first labels a paste can start with, not at the others', () => {
    expect(textEvents('Source: Microsoft-Windows-AAD\nEvent ID: 1006\n').map((e) => e.Provider)).toEqual(['Microsoft-Windows-AAD']);
    expect(textEvents('Date: 11/20/2026 10:13:40 AM\nEvent ID: 1006\n').map((e) => e.FromText?.LocalTime)).toEqual(['2026-11-20T10:13:40']);
    expect(textEvents('Level: Error\nComputer: PC1\nEvent ID: 1006\n').map((e) => [e.Level, e.Computer])).toEqual([[null, '']]);
  });

  it('reads every label of a line whose breaks moved, a word before a label ending the previous value', () => {
    const moved = ['Log Name: Microsoft-Windows-AAD/Operational', 'Source: Microsoft-Windows-AAD Date: 11/20/2026 10:13:40 AM', 'Event ID: 1097 Task Category: AadTokenBrokerPlugin Operation', 'Level: Warning Keywords: Error,', 'Operational User: S-1-5-18', 'Computer: PC1 Description:', 'Error: 0xCAA90004 x'];
    const read = one(moved.join('\n'));
    expect(read).toMatchObject({ EventId: 1097, Task: 103, Level: 3, Keywords: 'Error,Operational', UserSid: 'S-1-5-18', Computer: 'PC1', Provider: 'Microsoft-Windows-AAD', Message: 'Error: 0xCAA90004 x' });
    expect(read.FromText?.LocalTime).toBe('2026-11-20T10:13:40');
    expect(one('Event ID: 1098\nKeywords: Error\nError Computer: PC1\n')).toMatchObject({ Keywords: 'Error Error', Computer: 'PC1' });
    expect(one('Event ID: 1098\nKeywords:\nError Computer: PC1\n')).toMatchObject({ Keywords: 'Error', Computer: 'PC1' });
  });

  it('keeps a line with a label late in it as message text when the words before are not a value', () => {
    expect(one('Event ID: 1098\nLevel: Error\nThe broker said: no. Then the Computer: PC1 went down\n')).toMatchObject({ Computer: '', Message: 'The broker said: no. Then the Computer: PC1 went down' });
    expect(one(`Event ID: 1098\nLevel: Error\n${'w'.repeat(41)} Computer: PC1\n`)).toMatchObject({ Computer: '', Level: 2 });
    expect(one(`Event ID: 1098\nLevel: Error\n${'w'.repeat(40)} Computer: PC1\n`)).toMatchObject({ Computer: 'PC1', Level: null });
  });

  it('takes the message text in a moved line after Description, and only the first Log label', () => {
    expect(one('Event ID: 1098 Description: Error: 0xCAA5001C x\n')).toMatchObject({ Message: 'Error: 0xCAA5001C x' });
    expect(one('Log Name: Application Log: x\nEvent ID: 1000').Channel).toBe('Application Log: x');
  });

  it('leaves a record without event id, log or message as noise, and counts positions without it', () => {
    const read = textEvents('Source: Contoso helpdesk\nDate: Monday\n\nThanks\nEvent ID: 1007\n\nSource: again\nDate: Tuesday\n```\nAadCloudAPPlugin GetToken Start\n');
    expect(read.map((e) => [e.EventId, e.FromText?.Position])).toEqual([[1007, 1], [1006, 2]]);
  });

  it('drops the blank lines around a message, keeps those inside', () => {
    expect(one('Event ID: 1098\nDescription:\n\n\nError: 0xCAA5001C x\n\nmore\n\n\n').Message).toBe('Error: 0xCAA5001C x\n\nmore');
  });

  it('starts a record at each AAD message that follows another message', () => {
    expect(textEvents('AadCloudAPPlugin GetToken Start\n\nAadCloudAPPlugin GetToken Stop.\nStatus: 0x0\n').map((e) => [e.EventId, e.Message])).toEqual([[1006, 'AadCloudAPPlugin GetToken Start'], [1007, 'AadCloudAPPlugin GetToken Stop.\nStatus: 0x0']]);
    // Under a header, the first message line is the header's record's.
    expect(textEvents('Event ID: 1007\nDescription:\n\nAadCloudAPPlugin GetToken Stop.\n').map((e) => [e.EventId, e.FromText?.SourceFormat])).toEqual([[1007, 'EventViewerText']]);
  });

  it('skips a pasted record larger than the limit however its lines are cut, and reports it once', () => {
    const text = `Event ID: 1081\nDescription:\nOAuth response error: x\n${'y\n'.repeat(300)}Event ID: 1007\n`;
    for (const size of [1, 64, 5000]) {
      const { events: list, problems } = scan(text.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [], 200);
      expect(problems).toEqual(['Record #1 in `saved.txt` is larger than 200 characters; it was skipped.']);
      expect(list.map((e) => [e.EventId, e.FromText?.Position])).toEqual([[1007, 2]]);
    }
  });

  it('keeps a record of exactly the limit', () => {
    const record = 'OAuth response error: x\nmore\n';
    expect(scan([record], record.length).problems).toEqual([]);
    expect(scan([record], record.length - 1).problems).toHaveLength(1);
  });
});

describe('Get-WinEvent output (details.ts)', () => {
  it('starts the next Format-List record at a property seen twice, whichever comes first', () => {
    const list = ['ProviderName : Microsoft-Windows-AAD', 'Id           : 1006', 'Message      : AadCloudAPPlugin GetToken Start', 'ProviderName : Microsoft-Windows-AAD', 'Id           : 1007', 'Message      : AadCloudAPPlugin GetToken Stop.', '               Status: 0x0'];
    expect(textEvents(list.join('\n')).map((e) => [e.EventId, e.Provider, e.Message, e.FromText?.Position])).toEqual([
      [1006, 'Microsoft-Windows-AAD', 'AadCloudAPPlugin GetToken Start', 1],
      [1007, 'Microsoft-Windows-AAD', 'AadCloudAPPlugin GetToken Stop.\nStatus: 0x0', 2],
    ]);
  });

  it('opens a Format-List record only at a property a list starts with', () => {
    expect(textEvents('Level : 4\nId    : 1006\n').map((e) => [e.EventId, e.Level])).toEqual([[1006, null]]);
    expect(textEvents('LevelDisplayName : Error\nMachineName : PC1\nId : 1006\n').map((e) => [e.EventId, e.Level, e.Computer])).toEqual([[1006, null, '']]);
    expect(textEvents('RecordId : 9\nLevelDisplayName : Error\nMachineName : PC1\nTaskDisplayName : AadTokenBrokerPlugin Operation\nLogName : Microsoft-Windows-AAD/Operational\n').map((e) => [e.EventRecordID, e.Level, e.Computer, e.Task, e.Channel, e.FromText?.SourceFormat])).toEqual([[9, 2, 'PC1', 103, 'Microsoft-Windows-AAD/Operational', 'PowerShellList']]);
    expect(textEvents('LogName : Microsoft-Windows-AAD/Operational\nOpcodeDisplayName : Info\nUserId : S-1-5-18\n').map((e) => e.UserSid)).toEqual(['S-1-5-18']);
  });

  it('reads a Format-List message that starts on the line after its name, and keeps blank lines inside it', () => {
    const read = one('Id      : 1098\nMessage :\n          Error: 0xCAA5001C Token broker operation failed.\n\n          Logged at x.cpp\nLevel   : 2\n');
    expect(read.Message).toBe('Error: 0xCAA5001C Token broker operation failed.\n\nLogged at x.cpp');
    expect(read.Data[0]?.Value).toBe('0xCAA5001C');
    expect(read.FromText?.SourceFormat).toBe('PowerShellList');
  });

  it('leaves the lines under a property that is not kept out of the message', () => {
    const read = one('Message    : AadCloudAPPlugin GetToken Stop.\n             Status: 0x0\nProperties : {System.Diagnostics.Eventing.Reader.EventProperty,\n              System.Diagnostics.Eventing.Reader.EventProperty}\nId         : 1007\n');
    expect(read.Message).toBe('AadCloudAPPlugin GetToken Stop.\nStatus: 0x0');
    expect(read.EventId).toBe(1007);
  });

  it('takes a Format-List message\'s template from its first line only', () => {
    // No id, no log, no AAD first line: no record at all.
    expect(() => textEvents('Message : Not an AAD line\n          AadCloudAPPlugin GetToken Start\nProviderName : Microsoft-Windows-AAD\n')).toThrow(/is neither event XML nor Event Viewer text/);
    expect(one('Message :\n\n          AadCloudAPPlugin GetToken Start\n').EventId).toBe(1006);
  });

  it('ends a Format-List record at `Id : abc`, which is no event id', () => {
    expect(textEvents('Id      : 1007\nMessage : AadCloudAPPlugin GetToken Stop.\nId : abc\nAadCloudAPPlugin GetToken Start\n').map((e) => [e.EventId, e.Message])).toEqual([[1007, 'AadCloudAPPlugin GetToken Stop.'], [1006, 'AadCloudAPPlugin GetToken Start']]);
    expect(() => textEvents('Id : 123456\n')).toThrow(/it starts with "Id : 123456"/);
  });

  it('reads a table without its ProviderName line, the provider then known from the message', () => {
    const table = ['TimeCreated                      Id LevelDisplayName Message', '-----------                      -- ---------------- -------', '11/12/2024 10:00:05 AM         1098 Error            Error: 0xCAA5001C Token broker operation failed…', '11/12/2024 10:00:06 AM         7036 Information      The service entered the running state.'];
    expect(textEvents(table.join('\n')).map((e) => [e.EventId, e.Provider, e.Level, e.Message])).toEqual([
      [1098, 'Microsoft-Windows-AAD', 2, 'Error: 0xCAA5001C Token broker operation failed'],
      [7036, '', 4, 'The service entered the running state.'],
    ]);
  });

  it('starts a new provider group at each ProviderName line, closing the record before it', () => {
    const table = ['Event ID: 1006', '   ProviderName: Service Control Manager', '', 'TimeCreated                      Id LevelDisplayName Message', '11/12/2024 10:00:06 AM         7036 Information      The service...', '', 'ProviderName: Microsoft-Windows-AAD', '2024-11-12 10:00:07            1007 Information      AadCloudAPPlugin GetToken Stop.'];
    expect(textEvents(table.join('\n')).map((e) => [e.EventId, e.Provider, e.Message, e.FromText?.SourceFormat, e.FromText?.LocalTime])).toEqual([
      [1006, '', null, 'EventViewerText', null],
      [7036, 'Service Control Manager', 'The service', 'PowerShellTable', '2024-11-12T10:00:06'],
      [1007, 'Microsoft-Windows-AAD', 'AadCloudAPPlugin GetToken Stop.', 'PowerShellTable', '2024-11-12T10:00:07'],
    ]);
  });

  it('ends the table at a line that is no row, which is then read as any other line', () => {
    const table = ['ProviderName: Microsoft-Windows-AAD', '11/12/2024 10:00:05 AM 1006 Information AadCloudAPPlugin GetToken Start', 'AadCloudAPPlugin GetToken Stop.', 'Status: 0x0', '11/12/2024 10:00:05 AM 1006 Information AadCloudAPPlugin GetToken Start'];
    expect(textEvents(table.join('\n')).map((e) => [e.EventId, e.FromText?.SourceFormat, e.Message])).toEqual([
      [1006, 'PowerShellTable', 'AadCloudAPPlugin GetToken Start'],
      [1007, 'MessageText', 'AadCloudAPPlugin GetToken Stop.\nStatus: 0x0\n11/12/2024 10:00:05 AM 1006 Information AadCloudAPPlugin GetToken Start'],
    ]);
  });
});

describe('AAD messages with odd spacing (messages.ts)', () => {
  it('reads an HTTP request status with runs of blanks between its parts and none after the colons', () => {
    expect(payload('Http request status:400.   Method:POST   Endpoint Uri:https://x/y   Correlation ID:c d')).toEqual(['400', 'POST', 'https://x/y', 'c d']);
    expect(payload('Http request status:  400   Method:  GET  Endpoint Uri:  https://x/y  Correlation ID:  ')).toEqual(['400', 'GET', 'https://x/y', '']);
  });

  it('reads the call and the error of NGC and plugin errors with any blanks, the error whole', () => {
    expect(payload('NGC call Ngc.Import returned error:0x80090016 (keyset)')).toEqual(['Ngc.Import', '0x80090016 (keyset)']);
    expect(payload('NGC call Ngc.Import returned error:   0x80090016')).toEqual(['Ngc.Import', '0x80090016']);
    expect(payload('AAD Cloud AP plugin call Generic.Call returned error:0xC000023C (x)')).toEqual(['Generic.Call', '0xC000023C (x)']);
    expect(payload('AAD Cloud AP plugin call Generic.Call returned error:   0xC000023C')).toEqual(['Generic.Call', '0xC000023C']);
  });

  it('reads realm discovery with runs of blanks and none after the colons, each value whole', () => {
    expect(payload('Realm discovery for:a b@c   authority:https://x/y z   fallback domain hint:c.com d   useUpn:1 0')).toEqual(['1 0', 'a b@c', 'https://x/y z', 'c.com d']);
    expect(payload('Realm discovery for:  alice@contoso.com  authority:  https://x  fallback domain hint:  contoso.com  useUpn:  0')).toEqual(['0', 'alice@contoso.com', 'https://x', 'contoso.com']);
  });

  it('reads a token broker code without a blank after the colon and the Details tab names with any blanks', () => {
    expect(payload('Error:0xCAA5001C   Token broker operation failed.')).toEqual(['0xCAA5001C', 'Token broker operation failed.', '']);
    expect(payload('Error: 0xCAA5001C\n  ErrorMessage :x y\n  AdditionalInformation  :  a b\n  c\n\n')).toEqual(['0xCAA5001C', 'x y', 'a b\nc']);
    expect(payload('Error: 0xCAA5001C\nThe ErrorMessage: is text\n')).toEqual(['0xCAA5001C', '', 'The ErrorMessage: is text']);
  });
});

describe('Format-List and Event Xml bounds (details.ts)', () => {
  it('takes only one to five digits for a Format-List event id', () => {
    for (const id of ['v1', '1x', '123456', '']) expect(() => textEvents(`Id : ${id}\n`), id).toThrow(/is neither event XML/);
    expect(one('Id : 65535\n').EventId).toBe(65535);
  });

  it('ends a Format-List record at a line at the margin after any property, and reads that line again', () => {
    expect(textEvents('Id      : 1007\nMessage : AadCloudAPPlugin GetToken Stop.\nLevel   : 4\nAadCloudAPPlugin GetToken Start\n').map((e) => [e.EventId, e.FromText?.SourceFormat, e.Message])).toEqual([
      [1007, 'PowerShellList', 'AadCloudAPPlugin GetToken Stop.'],
      [1006, 'MessageText', 'AadCloudAPPlugin GetToken Start'],
    ]);
  });

  it('quotes a Format-List record that is no event by its message, without the properties it does not keep', () => {
    expect(() => textEvents('Message : Just text\nVersion : 0\n')).toThrow(/\(it starts with "Just text"\)/);
  });

  it('counts Format-List properties and Event Xml lines toward the record limit', () => {
    const bigProperty = `Id           : 1007\nMachineName  : ${'p'.repeat(300)}\nId           : 1006\n`;
    expect(scan([bigProperty], 200)).toEqual({ events: [expect.objectContaining({ EventId: 1006 })], problems: ['Record #1 in `saved.txt` is larger than 200 characters; it was skipped.'] });
    const bigXml = `Event ID: 1006\nEvent Xml:\n<Event>\n${'<x/>\n'.repeat(60)}</Event>\nEvent ID: 1007\n`;
    expect(scan([bigXml], 200)).toEqual({ events: [expect.objectContaining({ EventId: 1007 })], problems: ['Record #1 in `saved.txt` is larger than 200 characters; it was skipped.'] });
  });
});

describe('typed codes and record fields the message alone would not give', () => {
  it('lists the typed code of a record even when its message spells it otherwise or not as a code', () => {
    expect(codesOf(one('AadCloudAPPlugin GetToken Stop.\nStatus: -1073741715\n'))).toEqual(['0xc000006d']);
    expect(codesOf(one('OAuth response error: invalid_grant\nError description: bad password\nCorrelationID: x\n'))).toEqual(['invalid_grant']);
    expect(codesOf(one('WSTrust response error: s:Sender\nError description: not valid\n'))).toEqual(['s:Sender']);
    expect(codesOf(one('AAD Cloud AP plugin call GenericCallPkg returned error: 3221226044\n'))).toEqual(['0xc000023c']);
    expect(codesOf(one('Source: Microsoft-Windows-AAD\nEvent ID: 1085\n'))).toEqual([]);
  });

  it('gives a saved row without source and id the AAD event its message starts with, after blank lines', () => {
    const { events: [event] } = scan([`${CSV_HEAD}\nInformation,20.11.2026 10:13:40,,,x,"\n  \nAadCloudAPPlugin GetToken Stop.\nStatus: 0x0"\n`]);
    expect(event).toMatchObject({ EventId: 1007, Provider: 'Microsoft-Windows-AAD', Channel: 'Microsoft-Windows-AAD/Analytic', Data: [{ Name: '1', Value: '0x0' }] });
    expect(event?.FromText).toMatchObject({ EventIdFrom: 'Message', EventIdCandidates: [1007] });
  });

  it('keeps a source that only ends in AAD as it is, and gives a record without id or message no candidates', () => {
    expect(one('Source: MyAAD\nEvent ID: 1006').Provider).toBe('MyAAD');
    expect(one('Log Name: System\nSource: X\nDate: 11/20/2026 10:13:40 AM').FromText?.EventIdCandidates).toEqual([]);
    expect(one('Source: Microsoft-Windows-AAD\nEvent ID: 1007')).toMatchObject({ Data: [], Message: null });
  });

  it('gives a record read from its Event Xml part the XML event id as its only candidate', () => {
    const xml = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-AAD"/><EventID>1006</EventID><TimeCreated SystemTime="2026-11-20T09:13:40.0000000Z"/><EventRecordID>5</EventRecordID><Channel>Microsoft-Windows-AAD/Analytic</Channel><Computer>PC1</Computer></System></Event>';
    expect(one(`Event ID: 1007\nEvent Xml:\n${xml}`).FromText).toMatchObject({ EventIdFrom: 'Xml', EventIdCandidates: [1006], TimeZone: 'UTC' });
  });

  it('refuses a minute or second of 60 inside a day, not only at its end', () => {
    expect(parseTextTime('2026-11-20T10:60:00')).toBeNull();
    expect(parseTextTime('2026-11-20T10:00:60')).toBeNull();
    expect(parseTextTime('20.11.2026 10:60')).toBeNull();
  });

  it('reads a quote inside an unquoted field as text, and the level of rows after every kind of line end', () => {
    const csv = `${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,OAuth response error: 5" long\r\nWarning,20.11.2026 10:13:40,Microsoft-Windows-AAD,1097,x,Error: 0x1 x\rError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1098,x,Error: 0x2 y\n`;
    expect(scan([csv]).events.map((e) => [e.Level, e.Message])).toEqual([[2, 'OAuth response error: 5" long'], [3, 'Error: 0x1 x'], [2, 'Error: 0x2 y']]);
  });

  it('keeps a row of exactly the limit when its line end comes in the next piece', () => {
    const row = 'Error,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,OAuth response error: a';
    expect(scan([`${CSV_HEAD}\n${row}`, '\n'], row.length)).toEqual({ events: [expect.objectContaining({ EventId: 1081 })], problems: [] });
  });

  it('reads a row whose first field is empty, and a row of one field', () => {
    expect(scan([`${CSV_HEAD}\n,20.11.2026 10:13:40,Microsoft-Windows-AAD,1006,x,AadCloudAPPlugin GetToken Start\nError\n`]).events.map((e) => [e.EventId, e.Level])).toEqual([[1006, null], [0, 2]]);
  });
});

describe('record boundaries the first runs left open (details.ts)', () => {
  const xml = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-AAD"/><EventID>1006</EventID><TimeCreated SystemTime="2026-11-20T09:13:40.0000000Z"/><EventRecordID>5</EventRecordID><Channel>Microsoft-Windows-AAD/Analytic</Channel><Computer>PC1</Computer></System></Event>';

  it('keeps a quoted record open over several blank lines when the quote goes on', () => {
    expect(textEvents('> Event ID: 1098\n> Description:\n> Error: 0xCAA5001C x\n\n\n> Operation name: y\n').map((e) => e.Message)).toEqual(['Error: 0xCAA5001C x\n\n\nOperation name: y']);
  });

  it('reads the Event Xml part after a message that has no Description line, and after a bare message', () => {
    expect(textEvents(`Event ID: 1006\nAadCloudAPPlugin GetToken Start\nEvent Xml:\n${xml}\n`).map((e) => [e.EventRecordID, e.FromText?.EventIdFrom])).toEqual([[5, 'Xml']]);
    expect(textEvents(`AadCloudAPPlugin GetToken Start\nEvent Xml:\n${xml}\n`).map((e) => [e.EventRecordID, e.FromText?.SourceFormat])).toEqual([[5, 'MessageText']]);
  });

  it('reads a Format-List value after several blanks', () => {
    expect(one('Id :   1007\n').EventId).toBe(1007);
  });

  it('starts a Format-List record at a list property below a copied header', () => {
    expect(textEvents('Event ID: 1006\nId : 1007\n').map((e) => [e.EventId, e.FromText?.SourceFormat, e.FromText?.Position])).toEqual([[1006, 'EventViewerText', 1], [1007, 'PowerShellList', 2]]);
  });

  it('reads Format-List properties on both sides of a blank line as one record', () => {
    expect(textEvents('Id : 1007\nLevelDisplayName : Error\n\nMachineName : PC1\n').map((e) => [e.EventId, e.Level, e.Computer])).toEqual([[1007, 2, 'PC1']]);
  });

  it('closes the record before a table, also when the table has no column heads or no group line', () => {
    const row = '11/12/2024 10:00:06 AM 7036 Information text';
    for (const between of ['ProviderName: X', 'TimeCreated                      Id LevelDisplayName Message']) {
      expect(textEvents(`Event ID: 1006\n${between}\n${row}\n`).map((e) => [e.EventId, e.FromText?.SourceFormat, e.FromText?.Position]), between).toEqual([[1006, 'EventViewerText', 1], [7036, 'PowerShellTable', 2]]);
    }
    expect(textEvents(`ProviderName: Service Control Manager\n${row}\n`).map((e) => [e.Provider, e.FromText?.Position])).toEqual([['Service Control Manager', 1]]);
  });

  it('drops only the cut mark at the end of a table message', () => {
    expect(one('ProviderName: X\n11/12/2024 10:00:06 AM 7036 Information a...b...\n').Message).toBe('a...b');
  });

  it('counts Format-List message lines toward the record limit', () => {
    const big = `Id      : 1007\nMessage : AadCloudAPPlugin GetToken Stop.\n${'          Status: 0x0\n'.repeat(20)}Id      : 1006\n`;
    expect(scan([big], 200)).toEqual({ events: [expect.objectContaining({ EventId: 1006 })], problems: ['Record #1 in `saved.txt` is larger than 200 characters; it was skipped.'] });
  });

  it('quotes text without records line by line, without its blank lines', () => {
    expect(() => textEvents('hello\n\n\nworld\n')).toThrow(/\(it starts with "hello\\nworld"\)/);
  });

  it('keeps a copied header with only a date when an AAD message follows it', () => {
    expect(textEvents('Date: 11/20/2026 10:13:40 AM\n\nAadCloudAPPlugin GetToken Start\n').map((e) => [e.EventId, e.FromText?.SourceFormat, e.FromText?.LocalTime])).toEqual([[1006, 'EventViewerText', '2026-11-20T10:13:40']]);
  });
});

describe('message payloads the first runs left open (messages.ts)', () => {
  it('gives a 1006 no payload', () => {
    expect(payload('AadCloudAPPlugin GetToken Start')).toEqual([]);
  });

  it('reads the status after its own label, not after the first colon of the message', () => {
    expect(payload('AadCloudAPPlugin GetToken Stop. Note: x\nStatus: 0xC000006D')).toEqual(['0xC000006D']);
    expect(payload('AadCloudAPPlugin S2U logon failed. Note: x\nStatus: 0xC000006D')).toEqual(['0xC000006D']);
  });

  it('trims the lines of a token broker error\'s additional information, also from a saved row that keeps their indentation', () => {
    const tsv = `${TSV_HEAD}\nError\t20.11.2026 10:13:40\tMicrosoft-Windows-AAD\t1098\tx\t"Error: 0xCAA5001C Token broker operation failed.\n    Operation name: x\n    Logged at y"\n`;
    expect(scan([tsv]).events[0]?.Data.map((d) => d.Value)).toEqual(['0xCAA5001C', 'Token broker operation failed.', 'Operation name: x\nLogged at y']);
  });
});

describe('the last survivors with a behaviour (details.ts, delimited.ts)', () => {
  const xml = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-AAD"/><EventID>1006</EventID><TimeCreated SystemTime="2026-11-20T09:13:40.0000000Z"/><EventRecordID>5</EventRecordID><Channel>Microsoft-Windows-AAD/Analytic</Channel><Computer>PC1</Computer></System></Event>';

  it('reads the last saved row of a single field without a line end', () => {
    expect(scan([`${CSV_HEAD}\nError`]).events.map((e) => e.Level)).toEqual([2]);
  });

  it('reads a message column named with blanks around it', () => {
    expect(scan([`${CSV_HEAD}, Message \nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1006,x,AadCloudAPPlugin GetToken Start\n`]).events.map((e) => e.Message)).toEqual(['AadCloudAPPlugin GetToken Start']);
  });

  it('refuses prose with a `Word : value` line, which opens no Format-List record', () => {
    expect(() => textEvents('Note : see below\n')).toThrow(/\(it starts with "Note : see below"\)/);
  });

  it('starts a Format-List record at a list property inside another record\'s message, other than Id and Message', () => {
    expect(textEvents('Event ID: 1098\nDescription:\nError: 0x1 x\nTimeCreated : 11/12/2024 10:00:05 AM\nId : 1007\n').map((e) => [e.EventId, e.FromText?.SourceFormat])).toEqual([[1098, 'EventViewerText'], [1007, 'PowerShellList']]);
  });

  it('reads a moved `Log:` label after a word, and a Log Name after another label on its line', () => {
    expect(one('Event ID: 1098\nKeywords: Error\nAudit Log: Application\n')).toMatchObject({ Channel: 'Application', Keywords: 'Error Audit' });
    expect(one('Event ID: 1000 Log Name: Application\n')).toMatchObject({ EventId: 1000, Channel: 'Application' });
  });

  it('reads every label-like word after Description on a moved line as message text', () => {
    expect(one('Event ID: 1098 Description: the Source: of it\n')).toMatchObject({ Message: 'the Source: of it', Provider: '' });
  });

  it('reads the Event Xml part after a message that began on a moved Description line', () => {
    expect(textEvents(`Event ID: 1006 Description: AadCloudAPPlugin GetToken Start\nEvent Xml:\n${xml}\n`).map((e) => e.EventRecordID)).toEqual([5]);
  });

  it('counts header lines toward the record limit', () => {
    expect(scan([`Event ID: 1098 Keywords: ${'k'.repeat(300)}\nEvent ID: 1007\n`], 200).problems).toEqual(['Record #1 in `saved.txt` is larger than 200 characters; it was skipped.']);
  });

  it('keeps a copied record that has only its Event Xml part besides a date', () => {
    expect(textEvents(`Date: Monday\nEvent Xml:\n${xml}\n`).map((e) => [e.EventId, e.EventRecordID])).toEqual([[1006, 5]]);
  });
});

describe('checked by hand after the last run', () => {
  it('reads a quote inside an unquoted field as text however the row is cut', () => {
    const csv = `${CSV_HEAD}\nError,20.11.2026 10:13:40,Microsoft-Windows-AAD,1081,x,OAuth response error: 5" long\n`;
    for (const [a = '', b = ''] of cutsOf(csv)) expect(scan([a, b]).events.map((e) => e.Message)).toEqual(['OAuth response error: 5" long']);
  });

  it('keeps a copied header with only a date when a several-line AAD message follows it', () => {
    expect(textEvents('Date: 11/20/2026 10:13:40 AM\n\nAadCloudAPPlugin GetToken Stop.\nStatus: 0x0\n').map((e) => [e.EventId, e.Data[0]?.Value])).toEqual([[1007, '0x0']]);
  });

  it('keeps the punctuation after a token broker code in its text', () => {
    expect(payload('Error: 0xCAA5001C: Token broker operation failed.')).toEqual(['0xCAA5001C', ': Token broker operation failed.', '']);
  });

  it('quotes a header that is no record with its message lines apart', () => {
    expect(() => textEvents('Date: Monday\n\nline one\nline two\n')).toThrow(/\(it starts with "Date: Monday\\nline one\\nline two"\)/);
  });

  it('reads the Details tab names of a saved row that keeps their indentation', () => {
    const tsv = `${TSV_HEAD}\nError\t20.11.2026 10:13:40\tMicrosoft-Windows-AAD\t1098\tx\t"Error: 0xCAA5001C\n    ErrorMessage: Token broker operation failed.\n    AdditionalInformation: a"\n`;
    expect(scan([tsv]).events[0]?.Data.map((d) => d.Value)).toEqual(['0xCAA5001C', 'Token broker operation failed.', 'a']);
  });
});
