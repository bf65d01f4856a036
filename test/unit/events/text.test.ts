// Event Viewer text (src/events/text/): every parser path on our own edge cases; the real pastes
// are in real-text-corpus.test.ts.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/app/diagnose.js';
import { networkErrorOf, serverErrorOf, statusOf, tokenBrokerErrorOf, upnOf, pluginErrorOf, realmDiscoveryOf, urlOf } from '../../../src/events/aad.js';
import { reconstructAttempts } from '../../../src/events/attempts.js';
import { parseEventText } from '../../../src/events/parse.js';
import { EventTextScanner } from '../../../src/events/text/index.js';
import { parseTextTime } from '../../../src/events/text/time.js';
import type { AadEvent, EventParseItem } from '../../../src/events/types.js';
import { createHost } from '../../../src/host/create.js';
import { badInputOf, fixtureBytes, readBytes, readFixture } from './helpers.js';

const events = (items: EventParseItem[]) => items.flatMap((item) => ('event' in item ? [item.event] : []));
const textEvents = (text: string) => events(parseEventText(text, { source: 'paste.txt' }));
const fixturePath = (name: string) => new URL(`../../fixtures/events/${name}`, import.meta.url).pathname;
const realPath = (name: string) => new URL(`../../fixtures/real/events/${name}`, import.meta.url).pathname;
const host = () => createHost({}, 'linux');

describe('Copy details as text', () => {
  it('takes the event from its Event Xml part when the copy has one: exact time and record id', async () => {
    const { events: [event], problems } = await readFixture('text-details-with-event-xml.txt');
    expect(problems).toEqual([]);
    expect(event?.EventRecordID).toBe(240);
    expect(event?.TimeCreated).toBe('2026-11-20T09:13:40.4242555Z');
    expect(event?.FromText).toMatchObject({ SourceFormat: 'EventViewerText', EventIdFrom: 'Xml', TimeZone: 'UTC', LocalTime: '2026-11-20T10:13:40', TimeWritten: '11/20/2026 10:13:40 AM' });
    expect(serverErrorOf(event as AadEvent).Code).toBe('AADSTS50126');
  });

  it('gives the same typed fields from the message as the XML gives', async () => {
    const { events: [fromXml] } = await readFixture('text-details-with-event-xml.txt');
    const withoutXml = textEvents(new TextDecoder().decode(fixtureBytes('text-details-with-event-xml.txt')).split('Event Xml:')[0] ?? '');
    expect(withoutXml).toHaveLength(1);
    expect(serverErrorOf(withoutXml[0] as AadEvent)).toEqual(serverErrorOf(fromXml as AadEvent));
  });

  it('keeps a local time without a zone as local: no instant is invented', () => {
    const [event] = textEvents(new TextDecoder().decode(fixtureBytes('text-details-with-event-xml.txt')).split('Event Xml:')[0] ?? '');
    expect(event?.TimeCreated).toBeNull();
    expect(event?.FromText).toMatchObject({ LocalTime: '2026-11-20T10:13:40', TimeZone: 'Unknown', EventIdFrom: 'Header' });
    expect(event).toMatchObject({ EventId: 1081, Level: 2, Task: 101, Channel: 'Microsoft-Windows-AAD/Operational', Computer: 'PC-0042.contoso.com' });
    expect(event?.UserSid).toBe('S-1-12-1-1845361921-1312823535-2714839694-3462517508');
  });

  it('builds one attempt from records copied one after another, with its status, server error and URL', async () => {
    const { events: list } = await readFixture('text-details-dated-attempt.txt');
    expect(list.map((e) => e.EventId)).toEqual([1006, 1022, 1081, 1007]);
    const { Attempts } = reconstructAttempts(list);
    expect(Attempts).toHaveLength(1);
    expect(Attempts[0]).toMatchObject({ Finished: true, Status: '0xc000006d', Orphan: false, Start: null, End: null, SourceFormat: 'EventViewerText' });
    expect(Attempts[0]?.ServerError?.Code).toBe('AADSTS50126');
    expect(Attempts[0]?.Url).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token');
  });

  it('reports the wall-clock time of a text attempt and marks it as text in the JSON', async () => {
    const diagnosis = await diagnose(host(), { events: [fixturePath('text-details-dated-attempt.txt')] });
    expect(diagnosis.Attempts[0]).toMatchObject({ SourceFormat: 'EventViewerText', LocalTime: '2026-11-20T10:13:39', Start: null, FirstEventTime: null });
    expect(diagnosis.Attempts[0]?.Explanation.map((link) => link.FoundIn)).toContain('event 1081, text record 3 of text-details-dated-attempt.txt');
  });

  it('reads German labels, level and date; a German message is read language-neutrally', async () => {
    const { events: [event] } = await readFixture('text-details-de-1098.txt');
    expect(event).toMatchObject({ EventId: 1098, Level: 2, Task: 103, Keywords: 'Fehler,Fehler' });
    expect(event?.FromText?.LocalTime).toBe('2026-11-20T10:13:41');
    expect(tokenBrokerErrorOf(event as AadEvent).Code).toBe('0xcaa5001c');
  });

  it('reads a paste whose line breaks moved into the header (real ESR article)', async () => {
    const { events: [first, second] } = await readBytes(fixtureBytesReal('esr-1098-1097-wrapped-labels.txt'));
    expect(first).toMatchObject({ EventId: 1098, Keywords: 'Error,Error', Computer: 'Win10client.contoso.com', Task: 103, Level: 2 });
    expect(second).toMatchObject({ EventId: 1097, Keywords: 'Operational,Operational', Task: 103, Level: 3 });
    expect(tokenBrokerErrorOf(second as AadEvent).Code).toBe('0xcaa90004');
  });

  it('treats redacted header values as unknown, not as values', async () => {
    const { events: [event] } = await readBytes(fixtureBytesReal('kiosk-1098-interaction-required.txt'));
    expect(event).toMatchObject({ Computer: '', UserSid: null, TimeCreated: null });
    expect(event?.FromText?.TimeWritten).toBeNull();
  });

  it('reads the short source name of the General tab (Source: AAD) as the AAD provider, in its log or without one', () => {
    const record = (header: string) => textEvents(`${header}\nEvent ID: 1098\nError: 0xCAA90014 Server WS-Trust response reported fault exception and it failed to get assertion\n`);
    for (const header of ['Log Name: Microsoft-Windows-AAD/Operational\nSource:AAD', 'Source: AAD']) {
      expect(record(header).map((e) => [e.Provider, e.Channel, e.EventId])).toEqual([['Microsoft-Windows-AAD', 'Microsoft-Windows-AAD/Operational', 1098]]);
    }
    // Another log's source that happens to be called AAD is not the AAD provider.
    expect(record('Log Name: Application\nSource: AAD').map((e) => e.Provider)).toEqual(['AAD']);
  });
});

describe('Get-WinEvent | Format-List (our own shape: no public AAD paste of it was found)', () => {
  // PowerShell's default list view of an EventLogRecord; the messages are those of real public pastes.
  const defaultList = [
    'PS C:\\> Get-WinEvent -LogName Microsoft-Windows-AAD/Operational -MaxEvents 2 | Format-List',
    '',
    '',
    'TimeCreated  : 11/12/2024 10:00:05 AM',
    'ProviderName : Microsoft-Windows-AAD',
    'Id           : 1098',
    'Message      : Error: 0xCAA5001C Token broker operation failed.',
    "               Operation name: GetTokenSilently, Error: -895352830 (0xcaa20002), Description: AADSTS65002: Consent between first party application 'e9c51622-460d-4d3d-952d-966a5b1da34c' and first party resource 'f2d19332-a09d-48c8-a53b-c49ae5502dfc' must be configured via preauthorization.",
    '',
    '               Logged at WebAccountProcessor.cpp, line: 680, method: AAD::Core::WebAccountProcessor::ReportOperationError.',
    '',
    'TimeCreated  : 11/12/2024 10:00:04 AM',
    'ProviderName : Microsoft-Windows-AAD',
    'Id           : 1007',
    'Message      : AadCloudAPPlugin GetToken Stop.',
    '               Status: 0xC004848C',
    '',
    '',
    'PS C:\\>',
  ].join('\n');

  it('reads each record with its time, provider, id and whole message, in the AAD log of its event', () => {
    const read = textEvents(defaultList);
    expect(read.map((e) => [e.EventId, e.Provider, e.Channel, e.FromText?.SourceFormat, e.FromText?.LocalTime])).toEqual([
      [1098, 'Microsoft-Windows-AAD', 'Microsoft-Windows-AAD/Operational', 'PowerShellList', '2024-11-12T10:00:05'],
      [1007, 'Microsoft-Windows-AAD', 'Microsoft-Windows-AAD/Analytic', 'PowerShellList', '2024-11-12T10:00:04'],
    ]);
    expect(read[0]?.Message?.split('\n')).toHaveLength(4);
    expect(read[0]?.Message).toContain('Logged at WebAccountProcessor.cpp');
    expect(tokenBrokerErrorOf(read[0]!)).toMatchObject({ Code: '0xcaa5001c' });
    expect(statusOf(read[1]!)).toBe('0xc004848c');
  });

  it('reads Format-List * : Message first, record id and log kept, the other properties left out of the message', () => {
    const star = [
      'Message              : AadCloudAPPlugin GetToken Stop.',
      '                       Status: 0xC004848C',
      'Id                   : 1007',
      'Version              : 0',
      'Qualifiers           :',
      'Level                : 4',
      'RecordId             : 48213',
      'ProviderName         : Microsoft-Windows-AAD',
      'LogName              : Microsoft-Windows-AAD/Operational',
      'MachineName          : PC1.contoso.com',
      'UserId               : S-1-5-18',
      'TimeCreated          : 11/12/2024 10:00:04 AM',
      'LevelDisplayName     : Information',
      'KeywordsDisplayNames : {}',
      'Properties           : {System.Diagnostics.Eventing.Reader.EventProperty, System.Diagnostics.Eventing.Reader.EventProperty}',
      '',
      'Message              : AadCloudAPPlugin GetToken Stop.',
      '                       Status: 0x0',
      'Id                   : 1007',
      'RecordId             : 48214',
    ].join('\n');
    const read = textEvents(star);
    expect(read.map((e) => [e.EventId, e.EventRecordID, e.Channel, e.Computer, e.UserSid, e.Level])).toEqual([
      [1007, 48213, 'Microsoft-Windows-AAD/Operational', 'PC1.contoso.com', 'S-1-5-18', 4],
      [1007, 48214, 'Microsoft-Windows-AAD/Analytic', '', null, null],
    ]);
    expect(read[0]?.Message).toBe('AadCloudAPPlugin GetToken Stop.\nStatus: 0xC004848C');
  });

  it('reads Get-WinEvent\'s default table: a record per row, the message as far as the table shows it', () => {
    const table = [
      'PS C:\\> Get-WinEvent -LogName Microsoft-Windows-AAD/Operational -MaxEvents 3',
      '',
      '   ProviderName: Microsoft-Windows-AAD',
      '',
      'TimeCreated                      Id LevelDisplayName Message',
      '-----------                      -- ---------------- -------',
      '11/12/2024 10:00:05 AM         1098 Error            Error: 0xCAA5001C Token broker operation failed....',
      '11/12/2024 10:00:04 AM         1007 Information      AadCloudAPPlugin GetToken Stop.',
      '12.11.2024 10:00:03            1006 Information      AadCloudAPPlugin GetToken Start.',
      '',
      'Any idea what is going on?',
    ].join('\n');
    const read = textEvents(table);
    expect(read.map((e) => [e.EventId, e.Provider, e.Level, e.Message, e.FromText?.SourceFormat])).toEqual([
      [1098, 'Microsoft-Windows-AAD', 2, 'Error: 0xCAA5001C Token broker operation failed.', 'PowerShellTable'],
      [1007, 'Microsoft-Windows-AAD', 4, 'AadCloudAPPlugin GetToken Stop.', 'PowerShellTable'],
      [1006, 'Microsoft-Windows-AAD', 4, 'AadCloudAPPlugin GetToken Start.', 'PowerShellTable'],
    ]);
    expect(read.map((e) => e.FromText?.LocalTime)).toEqual(['2024-11-12T10:00:05', '2024-11-12T10:00:04', '2024-11-12T10:00:03']);
    expect(tokenBrokerErrorOf(read[0]!)).toMatchObject({ Code: '0xcaa5001c' });
  });

  it('leaves `Id:` and `Message:` lines inside another record\'s message to that message', () => {
    const read = textEvents(['Log Name: Microsoft-Windows-AAD/Operational', 'Source: Microsoft-Windows-AAD', 'Event ID: 1098', 'Description:', 'Error: 0xCAA5001C Token broker operation failed.', 'Message: the broker said no', 'Id: 7'].join('\n'));
    expect(read.map((e) => [e.EventId, e.FromText?.SourceFormat])).toEqual([[1098, 'EventViewerText']]);
    expect(read[0]?.Message).toBe('Error: 0xCAA5001C Token broker operation failed.\nMessage: the broker said no\nId: 7');
  });

  it('ends a record at prose after the list, and takes `Id : abc` for no event id', () => {
    const read = textEvents(['Id           : 1007', 'Message      : AadCloudAPPlugin GetToken Stop.', '               Status: 0xC004848C', '', 'That is all I see in the log.', 'Id : abc'].join('\n'));
    expect(read.map((e) => [e.EventId, e.Message])).toEqual([[1007, 'AadCloudAPPlugin GetToken Stop.\nStatus: 0xC004848C']]);
  });
});

function fixtureBytesReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realPath(name)));
}

describe('the message alone', () => {
  it('recognises AAD messages by their first line and maps them to the XML fields', () => {
    const list = events(parseEventText(new TextDecoder().decode(fixtureBytes('text-1144-1104-messages.txt')), { source: 'm.txt' }));
    expect(list.map((e) => [e.EventId, e.FromText?.EventIdFrom])).toEqual([[1006, 'Message'], [1144, 'Message'], [1084, 'Message'], [1104, 'Message'], [1007, 'Message']]);
    const [start, realm, network, plugin, stop] = list as AadEvent[];
    expect(start?.Provider).toBe('Microsoft-Windows-AAD');
    expect(upnOf(realm as AadEvent)).toBe('alice@contoso.com');
    expect(realmDiscoveryOf(realm as AadEvent)).toEqual({ Upn: 'alice@contoso.com', Authority: 'https://login.microsoftonline.com/common', DomainHint: 'contoso.com', UseUpn: '1' });
    expect(networkErrorOf(network as AadEvent)).toMatchObject({ Code: '12029', WinHttpError: 12029 });
    expect(pluginErrorOf(plugin as AadEvent)).toEqual({ Api: 'GenericCallPkg', Result: '0xc000023c' });
    expect(statusOf(stop as AadEvent)).toBe('0xc000023c');
  });

  it('decodes a 1084 that carries an HRESULT as well as one that carries a WinHTTP number', () => {
    const [hresult, wrapped] = textEvents('Http transport error. Status: Unknown HResult Error code: 0x800484c1 Correlation ID: x\nHttp transport error. Status: 0x80072efd Correlation ID: y\n');
    expect(networkErrorOf(hresult as AadEvent)).toMatchObject({ Code: '0x800484c1', Hex: '0x800484c1', WinHttpError: null });
    expect(networkErrorOf(wrapped as AadEvent)).toMatchObject({ Hex: '0x80072efd', WinHttpError: 12029 });
  });

  it('keeps a 1084 whose status is a sentence without inventing a code; the 1155 after it has it', async () => {
    const diagnosis = await diagnose(host(), { events: [fixturePath('text-1084-status-is-text.txt')] });
    expect(diagnosis.TextRecords.map((r) => [r.EventId, r.Codes])).toEqual([[1093, []], [1084, []], [1155, ['0xc028008b']]]);
  });

  it('reads the token broker detail line: the inner code of `Error: -895418359 (0xcaa10009)`', () => {
    const [event] = textEvents('Error: 0xCAA5001C Token broker operation failed.\nOperation name: GetTokenSilently, Error: -895418359 (0xcaa10009), Description: x\nLogged at WebAccountProcessor.cpp, line: 652, method: y.\n');
    expect(tokenBrokerErrorOf(event as AadEvent)).toMatchObject({ EventId: 1098, Code: '0xcaa5001c', Message: 'Token broker operation failed.', InnerCode: '0xcaa10009' });
    expect(event?.FromText?.EventIdCandidates.slice(0, 2)).toEqual([1098, 1097]);
  });

  it('says in the human output that the event id and time of bare messages are unknown', async () => {
    const { formatDiagnosis } = await import('../../../src/cli/present/diagnosis-text.js');
    const diagnosis = await diagnose(host(), { events: [realPath('adfs-china-1088-1084-message-only.txt')] });
    const plain = (s: string) => s;
    const text = formatDiagnosis(diagnosis, { bold: plain, dim: plain, red: plain, green: plain, yellow: plain });
    expect(text).toMatch(/3 of them are message text alone: the event id was recognised from the text .* and the time and log are unknown/);
    expect(text).toMatch(/time unknown \(text\) {2}PRT attempt .*from message text\]/);
  });

  it('takes an endpoint URL from a 1022 message', () => {
    const [event] = textEvents('Endpoint Uri: https://login.microsoftonline.com/common/oauth2/token\n');
    expect(urlOf(event as AadEvent)).toBe('https://login.microsoftonline.com/common/oauth2/token');
  });
});

describe('Save Selected Events (.txt, .csv)', () => {
  it('reads a tab-separated .txt in UTF-16LE with multi-line quoted messages', async () => {
    const { events: list, problems } = await readFixture('text-saved-events.tsv.txt');
    expect(problems).toEqual([]);
    expect(list.map((e) => [e.EventId, e.Provider])).toEqual([[1098, 'Microsoft-Windows-AAD'], [1084, 'Microsoft-Windows-AAD'], [1088, 'Microsoft-Windows-AAD'], [7036, 'Service Control Manager']]);
    expect(list[0]?.FromText).toMatchObject({ SourceFormat: 'EventViewerTsv', EventIdFrom: 'Header', LocalTime: '2026-11-20T10:13:41' });
    expect(tokenBrokerErrorOf(list[0] as AadEvent).InnerCode).toBe('0xcaa10009');
    expect(serverErrorOf(list[2] as AadEvent).Code).toBe('ID3082');
    expect(list[0]?.Level).toBe(2);
    expect(list[0]?.Task).toBe(103);
  });

  it('reads a .csv with doubled quotes inside a quoted message and a dotted date', async () => {
    const { events: list } = await readFixture('text-saved-events.csv');
    expect(list.map((e) => e.EventId)).toEqual([1081, 1007]);
    expect(serverErrorOf(list[0] as AadEvent).Description).toContain('"contoso.com" directory');
    expect(list[0]?.FromText).toMatchObject({ SourceFormat: 'EventViewerCsv', LocalTime: '2026-11-20T10:13:40' });
    expect(statusOf(list[1] as AadEvent)).toBe('0xc0000064');
  });

  it('gives the same records however the bytes are chunked', async () => {
    for (const name of ['text-saved-events.tsv.txt', 'text-saved-events.csv', 'text-details-dated-attempt.txt']) {
      const whole = (await readFixture(name, {}, 1 << 20)).events.map((e) => [e.EventId, e.Message]);
      for (const size of [1, 3, 7, 64]) expect((await readFixture(name, {}, size)).events.map((e) => [e.EventId, e.Message])).toEqual(whole);
    }
  });
});

describe('bounds and refusals', () => {
  it('skips a record larger than the limit, reports it, and reads the next', () => {
    const scanner = new EventTextScanner({ source: 'big.txt', maxRecordChars: 1000 });
    const out: EventParseItem[] = [];
    scanner.push(`Error: 0xCAA5001C Token broker operation failed.\n${'x'.repeat(2000)}\n`, out);
    scanner.push('OAuth response error: invalid_grant\nError description: AADSTS50126: bad password\n', out);
    scanner.end(out);
    expect(out.filter((item) => 'problem' in item).map((item) => ('problem' in item ? item.problem.Message : ''))).toEqual(['Record #1 in `big.txt` is larger than 1000 characters; it was skipped.']);
    expect(events(out).map((e) => e.EventId)).toEqual([1081]);
  });

  it('streams a large paste holding only the record being read', async () => {
    const record = 'OAuth response error: invalid_grant\nError description: AADSTS50126: Error validating credentials.\nCorrelationID: \n\n';
    const scanner = new EventTextScanner({ source: 'many.txt' });
    let count = 0;
    let largest = 0;
    for (let i = 0; i < 400; i++) {
      const out: EventParseItem[] = [];
      scanner.push(record.repeat(50), out);
      count += out.length;
      largest = Math.max(largest, (scanner as unknown as { tail: string }).tail.length);
    }
    const out: EventParseItem[] = [];
    scanner.end(out);
    expect(count + out.length).toBe(20_000);
    expect(largest).toBeLessThan(record.length);
  });

  it('refuses text that holds no event, naming the file (exit 3)', async () => {
    const error = await badInputOf(() => readBytes(Buffer.from('Hello,\nthe PRT fails since Monday.\n'), { source: 'mail.txt' }));
    expect(error.message).toMatch(/^`mail.txt` is neither event XML nor Event Viewer text \(it starts with "Hello,/);
  });

  it('does not take an e-mail with `Date:` and `Source:` lines for event text', async () => {
    const error = await badInputOf(() => readBytes(Buffer.from('Date: Monday\nSource: the helpdesk\nThe PRT fails again.\n'), { source: 'mail.txt' }));
    expect(error.id).toBe('NotEventXml');
  });

  it('does not take a `Log:` inside a message for a new record', () => {
    const list = textEvents('Error: 2147943712\nAdditionalInformation: x\nLog: 0xcaa5001c Token broker operation failed.\n');
    expect(list).toHaveLength(1);
  });
});

describe('folders and --since', () => {
  it('reads a folder mixing XML and text, and skips text that is not events', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prt-text-'));
    try {
      copyFileSync(fixturePath('wrong-password-50126.analytic.xml'), join(folder, 'aad-analytic.xml'));
      copyFileSync(realPath('adfs-china-1088-1084-message-only.txt'), join(folder, 'ticket-paste.txt'));
      writeFileSync(join(folder, 'notes.txt'), 'Called the user, no answer.\n');
      const diagnosis = await diagnose(host(), { events: [folder] });
      expect(diagnosis.Sources.map((s) => s.split(/[\\/]/).pop())).toEqual(['aad-analytic.xml', 'ticket-paste.txt']);
      expect(diagnosis.Notes.some((note) => /notes\.txt` is neither event XML nor Event Viewer text; skipped/.test(note))).toBe(true);
      expect(diagnosis.Attempts.map((a) => a.SourceFormat).sort()).toEqual(['EventXml', 'MessageText']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps records without an instant under --since, and says so', async () => {
    const diagnosis = await diagnose(host(), { events: [realPath('azure-docs-83805-1007-status.txt')], since: new Date('2030-01-01T00:00:00Z') });
    expect(diagnosis.Attempts).toHaveLength(1);
    expect(diagnosis.Notes.join(' ')).toMatch(/--since could not be applied to them/);
  });
});

describe('local times', () => {
  it('reads US, day-first, dotted and ISO spellings; an ambiguous one is unknown', () => {
    expect(parseTextTime('11/20/2026 9:13:41 PM')).toMatchObject({ local: '2026-11-20T21:13:41', utc: null });
    expect(parseTextTime('20/11/2026 21:13:41')?.local).toBe('2026-11-20T21:13:41');
    expect(parseTextTime('05/11/2026 21:13:41')).toBeNull();
    expect(parseTextTime('20.11.2026 21:13:41')?.local).toBe('2026-11-20T21:13:41');
    expect(parseTextTime('2026-11-20T21:13:41.123Z')).toMatchObject({ utc: '2026-11-20T21:13:41.123Z' });
    expect(parseTextTime('2026-11-20 21:13:41+01:00')).toMatchObject({ utc: '2026-11-20T20:13:41.000Z' });
    expect(parseTextTime('<Timestamp>')).toBeNull();
    expect(parseTextTime('2/30/2026 1:00:00 AM')).toBeNull();
  });
});
