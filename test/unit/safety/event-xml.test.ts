import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverErrorOf } from '../../../src/events/aad.js';
import { parseEventText } from '../../../src/events/index.js';
import type { AadEvent } from '../../../src/events/types.js';
import { scrubAadEvent, scrubEventChunks, scrubEventXml } from '../../../src/safety/event-xml.js';
import { plantedSecrets } from './corpus.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/events', name));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function scrubBytes(bytes: Uint8Array, chunk = 97): Promise<string> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const parts: Buffer[] = [];
  for await (const part of scrubEventChunks(chunks())) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

describe('scrubbing event XML', () => {
  it('leaves an event without secrets byte for byte as it was', async () => {
    const bytes = fixture('wrong-password-50126.operational.xml');
    expect(await scrubBytes(bytes)).toBe(bytes.toString('utf8'));
  });

  it('scrubs a secret planted in an event value, escaped as XML, and the XML still reads', async () => {
    const original = fixture('wrong-password-50126.operational.xml').toString('utf8');
    const planted = original.replace('invalid username or password.', `invalid username or password. ${escape(plantedSecrets.map((s) => s.Text).join(' '))}`);
    const scrubbed = await scrubBytes(Buffer.from(planted, 'utf8'));
    for (const secret of plantedSecrets) expect(scrubbed, secret.Name).not.toContain(secret.Marker);
    const before = parseEventText(original, { source: 'a' }).filter((item) => 'event' in item);
    const after = parseEventText(scrubbed, { source: 'a' }).filter((item) => 'event' in item);
    expect(after.length).toBe(before.length);
  });

  it('reads UTF-16 exports and writes UTF-8 with an honest declaration', async () => {
    const bytes = fixture('wrong-password-50126.utf16le-bom.xml');
    const text = await scrubBytes(bytes, 64);
    expect(text).toContain('<Event');
    expect(text).not.toMatch(/encoding=["']utf-16/i);
  });

  it('does not take a self-closing <Security UserID/> for a WS-Security header', () => {
    const xml = "<Event><System><Security UserID='S-1-5-18'/></System><EventData><Data>x password: Planted1 </Data></EventData></Event>";
    const scrubbed = scrubEventXml(xml);
    expect(scrubbed).toContain("<Security UserID='S-1-5-18'/>");
    expect(scrubbed).not.toContain('Planted1');
  });

  it('scrubs a parsed event before its SOAP description is flattened to text', () => {
    const xml = fixture('wstrust-id3242.xml').toString('utf8');
    const soap = plantedSecrets.find((secret) => secret.Name === 'WsseSecurity')!;
    // A fault without <s:Text>: the reader keeps all of its text once the tags are stripped.
    const planted = xml.replace(/(<Data Name='ErrorDescription'>)[\s\S]*?(<\/Data>)/, `$1${escape(`<s:Envelope><s:Header>${soap.Text}</s:Header><s:Body>ID3242</s:Body></s:Envelope>`)}$2`);
    const event = parseEventText(planted, { source: 'x' }).flatMap((item) => ('event' in item && item.event.EventId === 1088 ? [item.event] : []))[0] as AadEvent;
    expect(event).toBeDefined();
    expect(serverErrorOf(event).Description).toContain(soap.Marker); // flattened unscrubbed: the password is bare text
    expect(serverErrorOf(scrubAadEvent(event)).Description ?? '').not.toContain(soap.Marker);
  });

  it('returns the very same event when nothing had to go', () => {
    const event = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    expect(scrubAadEvent(event)).toBe(event);
  });

  it('looks at all values at once, with the same verdict as one value at a time', () => {
    const event = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    // A secret in any one value, the last included, is found and scrubbed in that value only.
    for (const secret of plantedSecrets) {
      const data = [...event.Data, { Name: 'Planted', Value: `before ${secret.Text} after` }];
      const scrubbed = scrubAadEvent({ ...event, Data: data });
      expect(JSON.stringify(scrubbed), secret.Name).not.toContain(secret.Marker);
      expect(scrubbed.Data.slice(0, -1)).toEqual(event.Data);
      expect(scrubbed.Message).toBe(event.Message);
    }
    // Two values that would make a sign only once joined stay as they are.
    const split = { ...event, Message: 'pwd', Data: [{ Name: 'a', Value: '=Planted1' }, { Name: 'b', Value: 'Bearer' }, { Name: 'c', Value: ' abcdefghijk' }] };
    expect(scrubAadEvent(split)).toBe(split);
  });
});

describe('scrubbing event XML value by value', () => {
  const event = (data: string) => `<Event><System><EventID>1088</EventID><TimeCreated SystemTime='2026-11-20T09:13:40.4242555Z'/></System><EventData>${data}</EventData></Event>`;

  it('reads a character reference before it scrubs: a separator written as one does not hide the password', () => {
    for (const space of ['&#32;', '&#x20;', '&#X20;']) {
      const scrubbed = scrubEventXml(event(`<Data Name='Body'>Password:${space}Hunter2Planted</Data>`));
      expect(scrubbed, space).toBe(event(`<Data Name='Body'>Password: [password removed]</Data>`));
    }
  });

  it('keeps every other value byte for byte, entities included, when one value loses a secret', () => {
    const kept = `<Data Name='Code'>0xc000006d</Data><Data Name='Text'>a &quot;quoted&quot; &amp; &apos;named&apos; &#65; &unknown; value</Data>`;
    const scrubbed = scrubEventXml(event(`${kept}<Data Name='Body'>password=Hunter2Planted</Data>`));
    expect(scrubbed).toBe(event(`${kept}<Data Name='Body'>password=[password removed]</Data>`));
  });

  it('reads the last code point of Unicode, in a value it changes', () => {
    expect(scrubEventXml(event(`<Data Name='Body'>&#x10FFFF; password=Hunter2Planted</Data>`))).toContain('\u{10ffff} password=[password removed]');
  });

  it('keeps a character reference beyond Unicode as it was, and still scrubs the value', () => {
    const scrubbed = scrubEventXml(event(`<Data Name='Body'>&#x110000; &#1114112; password=Hunter2Planted</Data>`));
    expect(scrubbed).toContain('&amp;#x110000; &amp;#1114112; password=[password removed]');
  });

  it('scrubs inside CDATA and keeps it CDATA, and leaves a clean CDATA section as it was', () => {
    const clean = '<![CDATA[<b>AADSTS50126</b> at 2026-11-20T09:13:40Z]]>';
    const xml = event(`<Data Name='A'>${clean}</Data><Data Name='B'><![CDATA[<Password>Hunter2Planted</Password>]]></Data>`);
    const scrubbed = scrubEventXml(xml);
    expect(scrubbed).toContain(clean);
    expect(scrubbed).toContain('<![CDATA[<Password>[password removed]</Password>]]>');
  });

  it('writes a scrubbed CDATA text that would now hold the CDATA end as escaped text, not as a broken section', () => {
    // `"…"]>` becomes `[password removed]]>`: inside a CDATA section that would end it early.
    const scrubbed = scrubEventXml(event(`<Data Name='B'><![CDATA[password="Hunter2Planted"]>]]></Data>`));
    expect(scrubbed).toBe(event(`<Data Name='B'>password=[password removed]]&gt;</Data>`));
  });

  it('scrubs every value that holds a secret, not only the first', () => {
    const parsed = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    const data = [{ Name: 'A', Value: 'password=FirstPlanted' }, { Name: 'B', Value: 'kept 0xc000006d' }, { Name: 'C', Value: 'client_secret=SecondPlanted' }];
    const scrubbed = scrubAadEvent({ ...parsed, Message: null, Data: data });
    expect(scrubbed.Data).toEqual([{ Name: 'A', Value: 'password=[password removed]' }, { Name: 'B', Value: 'kept 0xc000006d' }, { Name: 'C', Value: 'client_secret=[secret removed]' }]);
    expect(scrubbed.Message).toBeNull();
  });

  it('scrubs the rendered message of an event as well', () => {
    const parsed = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    const scrubbed = scrubAadEvent({ ...parsed, Message: 'Error: 0xc000006d Bearer PlantedMessageToken1' });
    expect(scrubbed.Message).toBe('Error: 0xc000006d Bearer [token removed]');
    expect(scrubbed.Data).toBe(parsed.Data);
  });

  it('cuts a stream with no event end into pieces after a tag, and loses nothing of it', async () => {
    // Larger than the 4 Mi characters kept pending: scrubbed in pieces, the bytes unchanged.
    const value = `${'0xc000006d '.repeat(100)}`;
    const big = `<Events>${`<Data Name='x'>${value}</Data>`.repeat(5000)}<Data Name='y'>password=Hunter2Planted</Data>`;
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    const bytes = Buffer.from(big, 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 1024 * 1024) yield bytes.subarray(i, i + 1024 * 1024);
    }
    const parts: Buffer[] = [];
    for await (const part of scrubEventChunks(chunks())) parts.push(part);
    // Memory stays bounded: a piece goes out once more than 4 Mi characters wait, each ending after a tag.
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(parts[0]!.length).toBeLessThan(6 * 1024 * 1024);
    expect(parts[0]!.toString('utf8').endsWith('>')).toBe(true);
    expect(Buffer.concat(parts).toString('utf8')).toBe(big.replace('Hunter2Planted', '[password removed]'));
  });

  it('says UTF-8 only in the declaration at the start, never in a later event text', async () => {
    const later = `<Data>&lt;?xml version="1.0" encoding="utf-16"?&gt; password=Hunter2Planted</Data></Event>`;
    const text = `<?xml version="1.0" encoding="UTF-16"?><Event>x</Event><Event>${later}`;
    const scrubbed = await scrubBytes(Buffer.from(text, 'utf8'), 8);
    expect(scrubbed.startsWith('<?xml version="1.0" encoding="UTF-8"?><Event>x</Event>')).toBe(true);
    expect(scrubbed).toContain('encoding="utf-16"?&gt; password=[password removed]');
  });
});

describe('scrubbing event XML: entities, declarations and pieces', () => {
  const event = (data: string) => `<Event><System><EventID>1088</EventID></System><EventData>${data}</EventData></Event>`;

  it('reads named entities before it scrubs: a quoted password written with &quot; is removed', () => {
    expect(scrubEventXml(event(`<Data Name='Body'>0xc000006d password=&quot;Hunter2 Planted&quot; &amp; more</Data>`))).toBe(
      event(`<Data Name='Body'>0xc000006d password=[password removed] &amp; more</Data>`),
    );
  });

  it('finds a secret that only shows once the entities are read: a JSON reply whose quotes are &quot;', () => {
    // Event Viewer's "Save as XML" may write quotes in text as &quot;: no sign of a token in the raw text.
    const scrubbed = scrubEventXml(event(`<Data Name='Reply'>{&quot;token_type&quot;:&quot;Bearer&quot;,&quot;refresh_token&quot;:&quot;PlantedJsonRefresh&quot;}</Data>`));
    expect(scrubbed).not.toContain('PlantedJsonRefresh');
    expect(scrubbed).toContain('"refresh_token":"[token removed]"');
    // The same with decimal character references for the markup of a SOAP password.
    expect(scrubEventXml(event(`<Data Name='Body'>&#60;Password&#62;Hunter2Planted&#60;/Password&#62;</Data>`))).not.toContain('Hunter2Planted');
  });

  it('escapes markup and ampersands again in a value it changed', () => {
    expect(scrubEventXml(event(`<Data Name='Body'>&lt;o:Password&gt;Hunter2Planted&lt;/o:Password&gt; &amp; AADSTS50126</Data>`))).toBe(
      event(`<Data Name='Body'>&lt;o:Password&gt;[password removed]&lt;/o:Password&gt; &amp; AADSTS50126</Data>`),
    );
  });

  it('returns the very same event when a value only looks like it might hold a secret', () => {
    const parsed = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    const lookalike = { ...parsed, Data: [...parsed.Data, { Name: 'Note', Value: 'Credential Type: Password: ' }] };
    expect(scrubAadEvent(lookalike)).toBe(lookalike);
  });

  it('rewrites a UTF-16 declaration however it is spaced and quoted', async () => {
    for (const [declaration, expected] of [
      ['<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" encoding="UTF-8"?>'],
      [" \r\n<?xml version='1.0' encoding = 'utf-16le' standalone='yes'?>", " \r\n<?xml version='1.0' encoding = 'UTF-8' standalone='yes'?>"],
      ['<?xml version="1.0" encoding="utf-16BE"?>', '<?xml version="1.0" encoding="UTF-8"?>'],
    ]) {
      const scrubbed = await scrubBytes(Buffer.from(`${declaration}<Events><Event>x</Event></Events>`, 'utf8'), 5);
      expect(scrubbed, declaration).toBe(`${expected}<Events><Event>x</Event></Events>`);
    }
  });

  it('scrubs one whole event at a time: each piece it writes ends with an event', async () => {
    const events = [1, 2, 3].map((n) => `<Event><EventData><Data>n ${n} password=Planted${n}</Data></EventData></Event>`);
    const bytes = Buffer.from(`<Events>${events.join('\r\n')}</Events>`, 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 50) yield bytes.subarray(i, i + 50);
    }
    const parts: string[] = [];
    for await (const part of scrubEventChunks(chunks())) parts.push(part.toString('utf8'));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts.slice(0, -1)) expect(part.endsWith('</Event>'), part).toBe(true);
    expect(parts.join('')).toBe(`<Events>${events.map((e, i) => e.replace(`Planted${i + 1}`, '[password removed]')).join('\r\n')}</Events>`);
  });
});
